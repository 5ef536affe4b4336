package layout

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"gonum.org/v1/gonum/spatial/r2"

	"coauthor/graph"
	"coauthor/graph/community"
	"coauthor/graph/internal/testnet"
)

// labs returns a co-authorship-like graph of n nodes: labs of 20, each
// node linked to 4 random members of its lab (weight 1 to 3) and, one
// time in three, to a random node anywhere.
func labs(t testing.TB, n int) *graph.Graph {
	t.Helper()
	r := rand.New(rand.NewPCG(7, 7))
	var edges []graph.Edge
	for v := range n {
		base := v / 20 * 20
		size := min(20, n-base)
		for range 4 {
			edges = append(edges, graph.Edge{U: int32(v), V: int32(base + r.IntN(size)), Weight: float64(1 + r.IntN(3))})
		}
		if r.IntN(3) == 0 {
			edges = append(edges, graph.Edge{U: int32(v), V: int32(r.IntN(n)), Weight: 1})
		}
	}
	g, err := graph.FromEdges(make([]graph.Node, n), edges)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Above multilevelAbove nodes, the same seed gives the same positions,
// on one core or two, and another seed other positions.
func TestMultilevelDeterministic(t *testing.T) {
	g := testnet.Load(t, "ca-GrQc.txt")
	if g.N() <= multilevelAbove {
		t.Fatalf("ca-GrQc has %d nodes, want more than %d for the multilevel layout", g.N(), multilevelAbove)
	}
	diam := diameters(g)
	labels, err := community.Leiden(context.Background(), g, community.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, cluster := range [][]int32{nil, labels} {
		opt := Options{Seed: 3, Cluster: cluster}
		a := mustLayout(t, g, diam, opt)
		if b := mustLayout(t, g, diam, opt); !slices.Equal(a, b) {
			t.Error("same seed, different positions")
		}
		procs := runtime.GOMAXPROCS(1)
		one := mustLayout(t, g, diam, opt)
		runtime.GOMAXPROCS(max(2, procs))
		two := mustLayout(t, g, diam, opt)
		runtime.GOMAXPROCS(procs)
		if !slices.Equal(one, two) || !slices.Equal(a, one) {
			t.Error("one core and two give different positions")
		}
		opt.Seed = 4
		if c := mustLayout(t, g, diam, opt); slices.Equal(a, c) {
			t.Error("different seeds, same positions")
		}
	}
}

func mustLayout(t *testing.T, g *graph.Graph, diam []float64, opt Options) [][2]float64 {
	t.Helper()
	pos, err := Layout(context.Background(), g, diam, opt)
	if err != nil {
		t.Fatal(err)
	}
	for v, p := range pos {
		if math.IsNaN(p[0]) || math.IsInf(p[0], 0) || math.IsNaN(p[1]) || math.IsInf(p[1], 0) {
			t.Fatalf("node %d at %v", v, p)
		}
	}
	return pos
}

// The multilevel layout stops within a block of nodes per core once its
// context ends: with the context ended before it starts, it does no
// step; ended after step 10, it does no 11th and computes the forces of
// at most one more block per core.
func TestMultilevelCanceled(t *testing.T) {
	g := labs(t, 50_000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	run := &mlRun{}
	if pos, err := multilevel(ctx, g, Options{Seed: 1}, run); !errors.Is(err, context.Canceled) || pos != nil {
		t.Errorf("ended before: %v, %d positions", err, len(pos))
	}
	if run.steps.Load() != 0 || run.blocks.Load() != 0 {
		t.Errorf("ended before: %d steps, %d blocks done, want none", run.steps.Load(), run.blocks.Load())
	}
	if pos, err := Layout(ctx, g, diameters(g), Options{Seed: 1}); !errors.Is(err, context.Canceled) || pos != nil {
		t.Errorf("Layout: %v, %d positions", err, len(pos))
	}

	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	run = &mlRun{}
	var blocksAtCancel int64
	run.afterStep = func(steps int64) {
		if steps == 10 {
			blocksAtCancel = run.blocks.Load()
			cancel()
		}
	}
	if pos, err := multilevel(ctx, g, Options{Seed: 1}, run); !errors.Is(err, context.Canceled) || pos != nil {
		t.Errorf("ended at step 10: %v, %d positions", err, len(pos))
	}
	if s := run.steps.Load(); s != 10 {
		t.Errorf("ended at step 10: %d steps done", s)
	}
	if extra := run.blocks.Load() - blocksAtCancel; extra > int64(runtime.GOMAXPROCS(0)) {
		t.Errorf("ended at step 10: %d blocks computed after, want at most one per core", extra)
	}
	// The layout runs to its end otherwise, a step count fixed by the
	// sizes of its levels.
	run = &mlRun{}
	if _, err := multilevel(context.Background(), g, Options{Seed: 1}, run); err != nil {
		t.Fatal(err)
	}
	t.Logf("50,000 nodes, %d edges: %d steps, %d blocks", g.M(), run.steps.Load(), run.blocks.Load())
	if s := run.steps.Load(); s < 100 || s > 1000 {
		t.Errorf("%d steps, want 100 to 1,000", s)
	}
}

// Quality floor on ca-GrQc, with Leiden's clusters (seed 1): the share of
// nodes whose nearest node in the plane is in their cluster, and the
// share of each node's 10 nearest nodes that are its co-authors
// (averaged). Measured when written (seed 1; GOMAXPROCS 2):
//
//	go test ./graph/layout -run MultilevelQuality -v
//
// without clusters 0.898 and 0.284, with 0.9998 and 0.321; Graphviz
// sfdp 2.43 (default options) 0.440 and 0.144 (graph/bench/layout_compare.sh
// QUICK=1, which scores with scipy's k-d tree: the same figures).
func TestMultilevelQuality(t *testing.T) {
	g := testnet.Load(t, "ca-GrQc.txt")
	labels, err := community.Leiden(context.Background(), g, community.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	diam := diameters(g)
	for _, tt := range []struct {
		name             string
		cluster          []int32
		sameNN, preserve float64
	}{
		{"plain", nil, 0.85, 0.26},
		{"clusters", labels, 0.98, 0.30},
	} {
		pos := mustLayout(t, g, diam, Options{Seed: 1, Cluster: tt.cluster})
		same, preserve := quality(g, pos, labels, 10)
		t.Logf("%s: same-cluster nearest neighbour %.4f, neighbourhood preservation at 10 %.4f", tt.name, same, preserve)
		if same < tt.sameNN || preserve < tt.preserve {
			t.Errorf("%s: same-cluster nearest neighbour %.4f, preservation %.4f; want at least %.2f and %.2f", tt.name, same, preserve, tt.sameNN, tt.preserve)
		}
	}
}

// quality returns the share of nodes whose nearest other node is in the
// same cluster, and the mean share of each node's k nearest other nodes
// that are its neighbours in g (every pair; ties by node id).
func quality(g *graph.Graph, pos [][2]float64, cluster []int32, k int) (same, preserve float64) {
	n := len(pos)
	type near struct {
		d float64
		u int32
	}
	less := func(a, b near) bool { return a.d < b.d || a.d == b.d && a.u < b.u }
	nearest := make([]near, 0, k+1)
	for v := range n {
		// The k nearest, kept in order by insertion.
		nearest = nearest[:0]
		for u := range n {
			if u == v {
				continue
			}
			dx, dy := pos[u][0]-pos[v][0], pos[u][1]-pos[v][1]
			x := near{dx*dx + dy*dy, int32(u)}
			if len(nearest) == k && !less(x, nearest[k-1]) {
				continue
			}
			i := len(nearest)
			if i < k {
				nearest = append(nearest, x)
			}
			for i = min(i, k-1); i > 0 && less(x, nearest[i-1]); i-- {
				nearest[i] = nearest[i-1]
			}
			nearest[i] = x
		}
		if cluster[nearest[0].u] == cluster[v] {
			same++
		}
		nb, _ := g.Neighbors(int32(v))
		hits := 0
		for _, x := range nearest[:k] {
			if _, ok := slices.BinarySearch(nb, x.u); ok {
				hits++
			}
		}
		preserve += float64(hits) / float64(k)
	}
	return same / float64(n), preserve / float64(n)
}

func TestLogOnePlus(t *testing.T) {
	worst := 0.0
	for x := 0.0; x < 1e12; x = x*1.01 + 1e-6 {
		if want := math.Log1p(x); want > 0 {
			worst = max(worst, math.Abs(logOnePlus(x)-want)/want)
		}
	}
	if worst > 2e-6 {
		t.Errorf("relative error up to %g, want at most 2e-6", worst)
	}
}

// The Barnes–Hut tree's repulsion is that of every pair, within a few
// percent at angle 1 and exactly at angle 0.
func TestQuadTree(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 2000
	pos := make([]r2.Vec, n)
	mass := make([]float64, n)
	for v := range pos {
		pos[v] = r2.Vec{X: r.NormFloat64() * 100, Y: r.NormFloat64() * 100}
		mass[v] = float64(1 + r.IntN(5))
	}
	var tree quadTree
	tree.build(pos, mass)
	for v := 0; v < n; v += 97 {
		var want r2.Vec
		for u := range n {
			if u != v {
				dx, dy := pos[v].X-pos[u].X, pos[v].Y-pos[u].Y
				d2 := dx*dx + dy*dy
				want.X += mass[u] * dx / d2
				want.Y += mass[u] * dy / d2
			}
		}
		exact := tree.forceOn(pos[v], 0)
		approx := tree.forceOn(pos[v], 1)
		norm := math.Hypot(want.X, want.Y)
		if e := math.Hypot(exact.X-want.X, exact.Y-want.Y) / norm; e > 1e-9 {
			t.Errorf("node %d: angle 0 off by %.2g", v, e)
		}
		if e := math.Hypot(approx.X-want.X, approx.Y-want.Y) / norm; e > 0.05 {
			t.Errorf("node %d: angle 1 off by %.2g", v, e)
		}
	}
}

// Above parallelBuild points, the tree built on two cores gives the same
// forces, to the bit, as the tree built on one.
func TestQuadTreeParallel(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	n := parallelBuild * 3
	pos := make([]r2.Vec, n)
	mass := make([]float64, n)
	for v := range pos {
		// A dense core and sparse outskirts, some points on the same place.
		s := 10.0
		if v%10 == 0 {
			s = 1000
		}
		pos[v] = r2.Vec{X: r.NormFloat64() * s, Y: r.NormFloat64() * s}
		if v%7 == 0 {
			pos[v] = pos[v/2]
		}
		mass[v] = float64(1 + r.IntN(5))
	}
	procs := runtime.GOMAXPROCS(1)
	var one quadTree
	one.build(pos, mass)
	runtime.GOMAXPROCS(max(2, procs))
	var two quadTree
	two.build(pos, mass)
	runtime.GOMAXPROCS(procs)
	if len(two.tasks) < 4 {
		t.Fatalf("%d parallel tasks, want the tree split on several cores", len(two.tasks))
	}
	if len(one.cells) != len(two.cells) || !slices.Equal(one.idx, two.idx) {
		t.Fatalf("%d and %d cells", len(one.cells), len(two.cells))
	}
	for v := range n {
		if a, b := one.forceOn(pos[v], 1), two.forceOn(pos[v], 1); a != b {
			t.Fatalf("point %d: force %v on one core, %v on two", v, a, b)
		}
	}
}

// Options.Progress hears of every step of the multilevel layout, in
// order, up to the total it was given, which is fixed from the start.
func TestMultilevelProgress(t *testing.T) {
	g := labs(t, 6000)
	var calls, last, total int
	mustLayout(t, g, make([]float64, g.N()), Options{Seed: 1, Progress: func(done, n int) {
		if done != last+1 || (total != 0 && n != total) {
			t.Fatalf("progress %d of %d after %d of %d", done, n, last, total)
		}
		calls, last, total = calls+1, done, n
	}})
	if calls == 0 || last != total {
		t.Errorf("%d progress calls, the last %d of %d; want one a step, ending at the total", calls, last, total)
	}
}
