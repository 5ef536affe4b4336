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
	"coauthor/graph/internal/testnet"
)

// diameters gives nodes an area by degree, in inches, as pictures do.
func diameters(g *graph.Graph) []float64 {
	d := make([]float64, g.N())
	top := 0
	for v := range int32(g.N()) {
		top = max(top, g.Degree(v))
	}
	for v := range d {
		d[v] = max(0.1, 0.6*math.Sqrt(float64(g.Degree(int32(v)))/float64(top)))
	}
	return d
}

func TestForceLayout(t *testing.T) {
	g := testnet.Load(t, "lesmis.gml")
	diam := diameters(g)
	a := force(t, g, diam, 1)
	if b := force(t, g, diam, 1); !slices.Equal(a, b) {
		t.Error("same seed, different positions")
	}
	if c := force(t, g, diam, 2); slices.Equal(a, c) {
		t.Error("different seeds, same positions")
	}
	overlaps := 0
	for u := range a {
		if math.IsNaN(a[u][0]) || math.IsInf(a[u][0], 0) || math.IsNaN(a[u][1]) || math.IsInf(a[u][1], 0) {
			t.Fatalf("node %d at %v", u, a[u])
		}
		for v := u + 1; v < len(a); v++ {
			if math.Hypot(a[u][0]-a[v][0], a[u][1]-a[v][1]) < (diam[u]+diam[v])*72/2-0.05 {
				overlaps++
			}
		}
	}
	if overlaps > 0 {
		t.Errorf("%d pairs of nodes overlap", overlaps)
	}
	// Neighbours end up closer than other pairs: the layout shows structure.
	var near, far, nn, nf float64
	for u := range a {
		nb, _ := g.Neighbors(int32(u))
		for v := u + 1; v < len(a); v++ {
			d := math.Hypot(a[u][0]-a[v][0], a[u][1]-a[v][1])
			if _, ok := slices.BinarySearch(nb, int32(v)); ok {
				near, nn = near+d, nn+1
			} else {
				far, nf = far+d, nf+1
			}
		}
	}
	if near/nn >= 0.5*far/nf {
		t.Errorf("mean distance of co-authors %.1f, of others %.1f: want co-authors at least twice as close", near/nn, far/nf)
	}
}

// A graph with several components and pairs: no collapse, no blow-up.
func TestForceLayoutComponents(t *testing.T) {
	nodes := make([]graph.Node, 9)
	e := func(u, v int32, w float64) graph.Edge { return graph.Edge{U: u, V: v, Weight: w} }
	g, _ := graph.FromEdges(nodes, []graph.Edge{e(0, 1, 5), e(2, 3, 1), e(3, 4, 1), e(2, 4, 1), e(5, 6, 0.2)})
	diam := make([]float64, 9)
	for i := range diam {
		diam[i] = 0.2
	}
	pos := force(t, g, diam, 7)
	var xs []float64
	for _, p := range pos {
		xs = append(xs, p[0], p[1])
	}
	if spread := slices.Max(xs) - slices.Min(xs); spread > 2000 || spread < 20 {
		t.Errorf("layout spans %.0f points, want a picture-sized layout (20 to 2000)", spread)
	}
}

// force is Layout with seed, whose other options a test knows valid.
func force(t *testing.T, g *graph.Graph, diam []float64, seed uint64) [][2]float64 {
	t.Helper()
	pos, err := Layout(context.Background(), g, diam, Options{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return pos
}

// Layout returns the context's error, and no positions, once it has
// ended.
func TestLayoutCanceled(t *testing.T) {
	g := testnet.Load(t, "lesmis.gml")
	diam := make([]float64, g.N())
	for i := range diam {
		diam[i] = 0.2
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if pos, err := Layout(ctx, g, diam, Options{Seed: 1}); !errors.Is(err, context.Canceled) || pos != nil {
		t.Errorf("%v, %d positions", err, len(pos))
	}
}

// Clusters are pulled together in proportion to their modularity: not at
// all below Q 0.1 (the layout is then that without clusters), fully from
// Q 0.3.
func TestClusterPull(t *testing.T) {
	for _, tt := range []struct{ q, want float64 }{{-0.2, 0}, {0.0545, 0}, {0.1, 0}, {0.2, 0.5}, {0.3, 1}, {0.6, 1}} {
		if got := ClusterPull(tt.q); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("ClusterPull(%v) = %v, want %v", tt.q, got, tt.want)
		}
	}
	g := testnet.Load(t, "lesmis.gml")
	diam := diameters(g)
	// Nodes split by parity: clusters no better than chance.
	chance := make([]int32, g.N())
	for v := range chance {
		chance[v] = int32(v % 2)
	}
	if q := Modularity(g, chance); q > 0.1 {
		t.Fatalf("parity clusters have Q %v", q)
	}
	plain := force(t, g, diam, 1)
	with, err := Layout(context.Background(), g, diam, Options{Seed: 1, Cluster: chance})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(plain, with) {
		t.Error("clusters with Q below 0.1 changed the layout")
	}
}

// Components other than the largest sit in rows below it, each compact:
// a pair whose two authors are in different clusters (pulled towards
// their clusters' centres, far apart) is drawn as a pair.
func TestComponentsPacked(t *testing.T) {
	// Two cliques of 8 joined by one edge (clusters 0 and 1, Q about 0.46),
	// and apart from them the pair 16–17, one author in each cluster.
	nodes := make([]graph.Node, 18)
	for i := range nodes {
		nodes[i] = graph.Node{Name: string(rune('a' + i)), Person: int32(i)}
	}
	var edges []graph.Edge
	for c := range 2 {
		for i := range 8 {
			for j := i + 1; j < 8; j++ {
				edges = append(edges, graph.Edge{U: int32(8*c + i), V: int32(8*c + j), Weight: 1})
			}
		}
	}
	edges = append(edges, graph.Edge{U: 0, V: 8, Weight: 1}, graph.Edge{U: 16, V: 17, Weight: 1})
	g, err := graph.FromEdges(nodes, edges)
	if err != nil {
		t.Fatal(err)
	}
	cluster := []int32{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1}
	if q := Modularity(g, cluster); ClusterPull(q) < 1 {
		t.Fatalf("Q %v: want full cluster pull", q)
	}
	diam := make([]float64, g.N())
	for v := range diam {
		diam[v] = 0.3 // 21.6 points
	}
	pos, err := Layout(context.Background(), g, diam, Options{Seed: 1, Cluster: cluster})
	if err != nil {
		t.Fatal(err)
	}
	top := math.Inf(1)
	for v := range 16 {
		top = math.Min(top, pos[v][1]-diam[v]*36)
	}
	// The pair: below the cliques, its two nodes within the compact disc
	// (radius 2·√(2·(10.8+3)²) ≈ 39 points) without overlapping.
	d := math.Hypot(pos[16][0]-pos[17][0], pos[16][1]-pos[17][1])
	if pos[16][1]+diam[16]*36 > top || pos[17][1]+diam[17]*36 > top {
		t.Errorf("the pair at %v and %v is not below the cliques (lowest at %.1f)", pos[16], pos[17], top)
	}
	if d > 2*39 || d < 21.6 {
		t.Errorf("the pair's nodes are %.1f points apart, want 21.6 to 78", d)
	}
}

// shrink draws a stretched small component (a pair 1,000 points apart)
// within twice the radius its nodes fill, about its centre, and leaves
// the largest component alone.
func TestShrink(t *testing.T) {
	comps := [][]int32{{0, 1}, {2, 3}}
	pos := []r2.Vec{{X: 0, Y: 0}, {X: 1000, Y: 0}, {X: 0, Y: 500}, {X: 1000, Y: 500}}
	diam := []float64{0.3, 0.3, 0.3, 0.3}
	if !shrink(comps, pos, diam) {
		t.Fatal("shrink moved nothing")
	}
	if pos[0] != (r2.Vec{}) || pos[1] != (r2.Vec{X: 1000}) {
		t.Errorf("the largest component moved: %v %v", pos[0], pos[1])
	}
	// Radius 2·√(2·(10.8+3)²) ≈ 39.03 points, about the centre (500, 500).
	if d := pos[3].X - pos[2].X; d > 2*39.1 || pos[2].Y != 500 || math.Abs(pos[2].X+pos[3].X-1000) > 1e-9 {
		t.Errorf("the pair is at %v and %v (%.1f apart), want within 78 points about (500, 500)", pos[2], pos[3], d)
	}
}

// nearFinder finds the node a scan of every node finds (the first of the
// nearest in id order), on points in a dense core with far outliers and
// many points on the same few places (ties).
func TestNearFinder(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	const n = 20_000
	pos := make([]r2.Vec, n)
	for v := range pos {
		switch {
		case v%50 == 0:
			pos[v] = r2.Vec{X: r.NormFloat64() * 1e5, Y: r.NormFloat64() * 1e5}
		case v%3 == 0:
			pos[v] = r2.Vec{X: float64(r.IntN(40)), Y: float64(r.IntN(40))}
		default:
			pos[v] = r2.Vec{X: r.NormFloat64() * 100, Y: r.NormFloat64() * 10}
		}
	}
	f := newNearFinder(pos)
	if f.cell == 0 {
		t.Fatal("no grid")
	}
	for v := 0; v < n; v += 7 {
		best, nearest := math.Inf(1), -1
		for u := range pos {
			if u == v {
				continue
			}
			dx, dy := pos[u].X-pos[v].X, pos[u].Y-pos[v].Y
			if d := dx*dx + dy*dy; d < best {
				best, nearest = d, u
			}
		}
		if d, u := f.nearest(v); d != best || u != nearest {
			t.Fatalf("node %d at %v: nearest %d at %g, want %d at %g", v, pos[v], u, d, nearest, best)
		}
	}
}

// separate, visiting only the nodes near those that moved, pushes the
// nodes to the same places, to the bit, as a visit of every node in every
// pass (separateAll, the code before): on clumps of nodes in a dense grid
// and on clumps far apart in a sparse one (1e13 apart: cells too far for 32 bits).
func TestSeparateSkips(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	// The three kinds of grid: the cells of the box, its rows, a map.
	modes := map[float64]string{1: "dense", 1e6: "rows", 1e13: "dense+map"}
	for _, spread := range []float64{1, 1e6, 1e13} {
		const n = 6000
		pos := make([]r2.Vec, n)
		diam := make([]float64, n)
		for v := range pos {
			c := float64(v % 40)
			pos[v] = r2.Vec{X: c*spread + r.NormFloat64()*40, Y: float64(v%7)*spread/1e3 + r.NormFloat64()*40}
			if v%11 == 0 {
				pos[v] = pos[v/3] // on another node
			}
			diam[v] = 0.1 + 0.5*r.Float64()*r.Float64()
		}
		var grid cellGrid
		grid.fill(pos, 0.6*72+6)
		if mode := map[bool]string{true: "dense", false: "rows"}[!grid.rows] + map[bool]string{true: "+map", false: ""}[grid.sparse != nil]; mode != modes[spread] {
			t.Errorf("spread %g: grid %s, want %s", spread, mode, modes[spread])
		}
		want := slices.Clone(pos)
		passes := separateAll(want, diam)
		if err := separateBy(context.Background(), pos, diam, false); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(pos, want) {
			t.Errorf("spread %g: positions differ from a visit of every node (%d passes)", spread, passes)
		}
		t.Logf("spread %g: %d passes", spread, passes)
	}
}

// A push in the second pass reaches a node that is neither moved nor near
// a moved node when the pass starts, and whose turn comes before the
// pushed node's: node 0 is pushed left by node 3 after it checked node 2
// in the first pass; in the second it pushes node 2 onto node 1 (cells
// 42 points wide: node 1 in cell -1, 2 in 0, 0 in 1, 3 in 2).
func TestSeparateChain(t *testing.T) {
	pos := []r2.Vec{{X: 63}, {X: -20, Y: 15}, {X: 20}, {X: 90}}
	diam := []float64{0.5, 0.5, 0.5, 0.5}
	want := slices.Clone(pos)
	separateAll(want, diam)
	if err := separate(context.Background(), pos, diam); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pos, want) {
		t.Errorf("positions %v, want %v", pos, want)
	}
}

// separate in stripes (above multilevelAbove nodes) gives the same
// positions, to the bit, on one core and on two, and leaves no more
// overlapping pairs than the serial passes (clumps of 6,000 nodes as in
// TestSeparateSkips, in a dense grid and in one by rows).
func TestSeparateStripes(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for _, spread := range []float64{1, 1e6} {
		const n = 6000
		pos := make([]r2.Vec, n)
		diam := make([]float64, n)
		for v := range pos {
			c := float64(v % 40)
			pos[v] = r2.Vec{X: c*spread*1e-3 + r.NormFloat64()*400, Y: float64(v%7)*spread + r.NormFloat64()*400}
			if v%11 == 0 {
				pos[v] = pos[v/3]
			}
			diam[v] = 0.1 + 0.5*r.Float64()*r.Float64()
		}
		serial := slices.Clone(pos)
		if err := separateBy(context.Background(), serial, diam, false); err != nil {
			t.Fatal(err)
		}
		var got [2][]r2.Vec
		for i, procs := range []int{1, 2} {
			got[i] = slices.Clone(pos)
			old := runtime.GOMAXPROCS(procs)
			err := separate(context.Background(), got[i], diam)
			runtime.GOMAXPROCS(old)
			if err != nil {
				t.Fatal(err)
			}
		}
		if !slices.Equal(got[0], got[1]) {
			t.Errorf("spread %g: positions on one core differ from those on two", spread)
		}
		// At 1e6, each of the seven clumps lies in one stripe: serial order.
		if spread == 1 && slices.Equal(got[0], serial) {
			t.Errorf("spread %g: the stripes gave the serial positions (not run in stripes?)", spread)
		}
		before, s, st := overlaps(pos, diam), overlaps(serial, diam), overlaps(got[0], diam)
		if st > s || st >= before {
			t.Errorf("spread %g: %d overlapping pairs in stripes, want at most %d (serial; %d before)", spread, st, s, before)
		}
		t.Logf("spread %g: overlapping pairs %d before, %d serial, %d in stripes", spread, before, s, st)
	}
}

// overlaps counts the pairs of nodes whose circles (plus separate's gap)
// overlap, by brute force.
func overlaps(pos []r2.Vec, diameter []float64) int {
	c := 0
	for v := range pos {
		for u := v + 1; u < len(pos); u++ {
			need := (diameter[u]+diameter[v])*72/2 + 6
			if r2.Norm(r2.Sub(pos[u], pos[v])) < need*(1-1e-9) {
				c++
			}
		}
	}
	return c
}

// separateAll is separate visiting every node in every pass, its cells in
// a map of slices (as separate was first written); it returns the number
// of passes.
func separateAll(pos []r2.Vec, diameter []float64) int {
	radius, cell := separationRadii(diameter)
	for pass := range 50 {
		grid := map[[2]int][]int32{}
		for v, p := range pos {
			k := [2]int{int(math.Floor(p.X / cell)), int(math.Floor(p.Y / cell))}
			grid[k] = append(grid[k], int32(v))
		}
		moved := false
		for v := range pos {
			x, y := int(math.Floor(pos[v].X/cell)), int(math.Floor(pos[v].Y/cell))
			for dx := -1; dx <= 1; dx++ {
				for dy := -1; dy <= 1; dy++ {
					for _, u := range grid[[2]int{x + dx, y + dy}] {
						if int(u) <= v {
							continue
						}
						d := r2.Sub(pos[u], pos[v])
						dist := r2.Norm(d)
						need := radius[u] + radius[v]
						if dist >= need {
							continue
						}
						if dist == 0 {
							d, dist = r2.Vec{X: 1}, 1
						}
						push := r2.Scale((need-dist)/2/dist, d)
						pos[u] = r2.Add(pos[u], push)
						pos[v] = r2.Sub(pos[v], push)
						moved = true
					}
				}
			}
		}
		if !moved {
			return pass + 1
		}
	}
	return 50
}
