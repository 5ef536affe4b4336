package explorer

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"

	"coauthor/graph"
	"coauthor/parse/input"
)

// overlaps returns the pairs of nodes whose discs overlap by more than
// tol (in the unit of the sizes).
func overlaps(nodes []Node, tol float64) (n int) {
	for i := range nodes {
		for j := i + 1; j < len(nodes); j++ {
			a, b := nodes[i], nodes[j]
			if math.Hypot(a.X-b.X, a.Y-b.Y) < a.Size+b.Size-tol {
				n++
			}
		}
	}
	return n
}

// TestMapHasNoOverlap: no two of the built-in example's 86 nodes overlap
// (beyond the rounding of positions to 0.001), in a map about as wide as
// the frame. (The layout alone leaves none here; aibasel's map, where it
// does, is checked in the browser by cmd/coauthor's TestExplorerFirstView.)
func TestMapHasNoOverlap(t *testing.T) {
	a := example(t, input.Options{})
	if n := overlaps(a.nodes, 0.01); n != 0 {
		t.Fatalf("%d pairs of nodes overlap", n)
	}
	// and the nodes still fill about the frame: not spread out for nothing
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, n := range a.nodes {
		x0, x1 = math.Min(x0, n.X), math.Max(x1, n.X)
	}
	if w := x1 - x0; w < frame/2 || w > 4*frame {
		t.Errorf("the map is %.0f wide, want about %.0f", w, frame)
	}
}

// TestPreventPiles: 300 nodes in one place, and 300 on a line, are pushed
// apart the same way each time.
func TestPreventPiles(t *testing.T) {
	for _, name := range []string{"one place", "a line"} {
		run := func() [][2]float64 {
			pos := make([][2]float64, 300)
			r := make([]float64, len(pos))
			for v := range pos {
				r[v] = 3 + float64(v%7)
				if name == "a line" {
					pos[v] = [2]float64{float64(v) * 0.5, 0}
				}
			}
			rounds, err := prevent(context.Background(), pos, r)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d rounds", name, rounds)
			nodes := make([]Node, len(pos))
			for v := range pos {
				nodes[v] = Node{X: pos[v][0], Y: pos[v][1], Size: r[v]}
			}
			if n := overlaps(nodes, 1e-9); n != 0 {
				t.Errorf("%s: %d pairs overlap", name, n)
			}
			return pos
		}
		if !slices.Equal(run(), run()) {
			t.Errorf("%s: two runs differ", name)
		}
	}
}

func TestPreventCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	pos := make([][2]float64, 10)
	if _, err := prevent(ctx, pos, make([]float64, 10)); err != context.Canceled {
		t.Fatalf("err %v", err)
	}
}

// TestShownEdges: over the cap, the heaviest edges (ties by papers, then
// id), in the order of their ids, as api/graph keeps them.
func TestShownEdges(t *testing.T) {
	nodes := make([]graph.Node, 4)
	for v := range nodes {
		nodes[v] = graph.Node{Name: string(rune('a' + v)), Papers: 1}
	}
	g, err := graph.FromEdges(nodes, []graph.Edge{
		{U: 0, V: 1, Weight: 1, Papers: 1},
		{U: 0, V: 2, Weight: 3, Papers: 3},
		{U: 1, V: 2, Weight: 2, Papers: 2},
		{U: 2, V: 3, Weight: 3, Papers: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []int32
	for e := range int32(g.M()) {
		if g.Edge(e).Weight >= 2 {
			want = append(want, e)
		}
	}
	if got := shownEdges(g, 3); !slices.Equal(got, want) {
		t.Errorf("shownEdges(3) = %v, want %v", got, want)
	}
	if got := shownEdges(g, 10); len(got) != 4 {
		t.Errorf("shownEdges(10) = %v, want all 4", got)
	}
}

func TestUndated(t *testing.T) {
	for _, c := range []struct {
		year, since, until int
		undated, want      bool
	}{
		{0, 0, 0, false, true},
		{0, 2020, 0, false, false},
		{0, 2020, 0, true, true},
		{2019, 2020, 0, true, false},
		{2021, 0, 2020, true, false},
		{2020, 2020, 2020, false, true},
	} {
		if got := inYears(c.year, c.since, c.until, c.undated); got != c.want {
			t.Errorf("inYears(%d, %d, %d, %v) = %v", c.year, c.since, c.until, c.undated, got)
		}
	}
	for _, c := range []struct {
		in   string
		want bool
		err  bool
	}{{"1", true, false}, {"0", false, false}, {"", false, false}, {"yes", false, true}} {
		q, err := ParseQuery(map[string][]string{"undated": {c.in}})
		if q.Undated != c.want || (err != nil) != c.err {
			t.Errorf("undated=%q: %v, %v", c.in, q.Undated, err)
		}
	}
}

// TestBundleKeepsTheCap: map.html holds the heaviest MaxEdges links of a
// network of more, as api/graph does, and says how many it left out.
func TestBundleKeepsTheCap(t *testing.T) {
	const n = 549 // a clique of 150,426 edges
	nodes := make([]graph.Node, n)
	pos := make([][2]float64, n)
	for v := range nodes {
		nodes[v] = graph.Node{Name: fmt.Sprint("author ", v), Papers: 1}
		pos[v] = [2]float64{float64(v % 30), float64(v / 30)}
	}
	var edges []graph.Edge
	for u := range int32(n) {
		for v := u + 1; v < n; v++ {
			edges = append(edges, graph.Edge{U: u, V: v, Weight: float64(1 + (u+v)%5), Papers: 1})
		}
	}
	g, err := graph.FromEdges(nodes, edges)
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(context.Background(), NewNetwork(g, nil, nil), Options{Positions: pos})
	if err != nil {
		t.Fatal(err)
	}
	served, _ := a.Graph(All)
	data, err := a.Bundle(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var b struct {
		Edges []struct {
			Source, Target int32
			Weight         float64
		}
		HiddenEdges int `json:"hidden_edges"`
	}
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	t.Logf("map.html: %d bytes of data, %d links, %d left out", len(data), len(b.Edges), b.HiddenEdges)
	if len(b.Edges) != MaxEdges || b.HiddenEdges != g.M()-MaxEdges || served.Counts.HiddenEdges != b.HiddenEdges {
		t.Fatalf("map.html: %d links, %d left out; served %d left out; want %d and %d", len(b.Edges), b.HiddenEdges, served.Counts.HiddenEdges, MaxEdges, g.M()-MaxEdges)
	}
	key := func(s, t int32) [2]int32 { return [2]int32{min(s, t), max(s, t)} }
	inServed := map[[2]int32]bool{}
	for _, l := range served.Edges {
		inServed[key(l.Source, l.Target)] = true
	}
	for _, e := range b.Edges {
		if !inServed[key(e.Source, e.Target)] {
			t.Fatalf("map.html has the link %d–%d (weight %v), which the served map leaves out", e.Source, e.Target, e.Weight)
		}
	}
}

// countOverlaps returns the pairs of discs at pos with radii r that
// overlap by more than tol, found through cells as wide as the largest
// pair can reach (not all pairs: maps of 100,000 discs).
func countOverlaps(pos [][2]float64, r []float64, tol float64) (n int) {
	maxR := 0.0
	for _, x := range r {
		maxR = math.Max(maxR, x)
	}
	var g cells
	g.index(pos, 2*maxR)
	for u := range pos {
		for dx := int32(-1); dx <= 1; dx++ {
			for dy := int32(-1); dy <= 1; dy++ {
				for _, v := range g.at(g.x[u]+dx, g.y[u]+dy) {
					if int(v) > u && math.Hypot(pos[u][0]-pos[v][0], pos[u][1]-pos[v][1]) < r[u]+r[v]-tol {
						n++
					}
				}
			}
		}
	}
	return n
}

// crowdedMap returns n discs laid out as the layout leaves a large
// network, scaled to the frame: a third in rows of small components
// packed along the top (as the layout packs what is not connected), the
// rest in clusters of sizes 1/k² of the whole around random centres; the
// radii as New gives them (3 + 12 √(papers/most), papers Zipf-like). The
// discs cover many times the frame.
func crowdedMap(n int, seed uint64) (pos [][2]float64, r []float64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	pos, r = make([][2]float64, n), make([]float64, n)
	for v := range r {
		papers := math.Floor(1 / math.Pow(rng.Float64()+1e-3, 1.2)) // 1 to about 4,000
		r[v] = round(minSize + sizeRange*math.Sqrt(papers/4000))
	}
	rows := n / 3
	for v := range rows {
		pos[v] = [2]float64{float64(v%(rows/20+1)) * 0.3, float64(v/(rows/20+1)) * 2}
	}
	v := rows
	for k := 1; v < n; k++ {
		size := max(1, (n-rows)*6/(k*k*10))
		cx, cy := 40+700*rng.Float64(), 200+500*rng.Float64()
		s := 3 * math.Sqrt(float64(size))
		for range size {
			if v == n {
				break
			}
			pos[v] = [2]float64{cx + s*rng.NormFloat64(), cy + s*rng.NormFloat64()}
			v++
		}
	}
	fit(pos, frame)
	return pos, r
}

// TestPreventCrowded: 20,000 discs covering 30 times the frame end with
// no overlap, within the rounds fixed before, the same bytes on one
// core as on all, and twice.
func TestPreventCrowded(t *testing.T) {
	const n = 20000
	run := func(procs int) ([][2]float64, []float64) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		pos, r := crowdedMap(n, 7)
		start := time.Now()
		rounds, err := prevent(context.Background(), pos, r)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d cores: %d rounds in %v", runtime.GOMAXPROCS(0), rounds, time.Since(start))
		if rounds >= expandRounds+pushRounds(n) {
			t.Errorf("%d rounds: did not settle", rounds)
		}
		return pos, r
	}
	pos, r := run(runtime.GOMAXPROCS(0))
	if k := countOverlaps(pos, r, 1e-9); k != 0 {
		t.Errorf("%d pairs overlap", k)
	}
	if again, _ := run(1); !slices.Equal(pos, again) {
		t.Errorf("one core gives other positions than %d", runtime.GOMAXPROCS(0))
	}
	if again, _ := run(runtime.GOMAXPROCS(0)); !slices.Equal(pos, again) {
		t.Error("two runs differ")
	}
}

// TestPreventKeepsApart: two crowded clusters side by side, and a few
// discs scattered between them, keep their order from left to right:
// growing pushes the map aside, it does not pass one part through
// another.
func TestPreventKeepsApart(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var pos [][2]float64
	var r []float64
	add := func(k int, cx, s float64) {
		for range k {
			pos = append(pos, [2]float64{cx + s*rng.NormFloat64(), 300 + s*rng.NormFloat64()})
			r = append(r, 3+float64(rng.IntN(4)))
		}
	}
	add(3000, 100, 15) // left: covers ~15 times its area
	add(20, 380, 20)   // a loose group between
	add(3000, 660, 15) // right
	rounds, err := prevent(context.Background(), pos, r)
	if err != nil {
		t.Fatal(err)
	}
	if k := countOverlaps(pos, r, 1e-9); k != 0 {
		t.Errorf("%d pairs overlap", k)
	}
	span := func(from, to int) (lo, hi float64) {
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, p := range pos[from:to] {
			lo, hi = math.Min(lo, p[0]), math.Max(hi, p[0])
		}
		return lo, hi
	}
	_, leftHi := span(0, 3000)
	midLo, midHi := span(3000, 3020)
	rightLo, _ := span(3020, 6020)
	t.Logf("%d rounds; left ends at %.0f, the group spans %.0f–%.0f, right starts at %.0f", rounds, leftHi, midLo, midHi, rightLo)
	if !(leftHi < midLo && midHi < rightLo) {
		t.Errorf("the parts mixed: left ends at %.0f, the group spans %.0f–%.0f, right starts at %.0f", leftHi, midLo, midHi, rightLo)
	}
}

// TestPreventStopsWhenCancelled: cancelled while it works on 100,000
// discs, prevent returns ctx's error before its rounds are done.
func TestPreventStopsWhenCancelled(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 discs")
	}
	pos, r := crowdedMap(100_000, 1)
	ctx, cancel := context.WithCancel(context.Background())
	var at time.Time
	go func() {
		time.Sleep(300 * time.Millisecond)
		at = time.Now()
		cancel()
	}()
	rounds, err := prevent(ctx, pos, r)
	if err != context.Canceled {
		t.Fatalf("err %v after %d rounds", err, rounds)
	}
	t.Logf("stopped %v after the cancel, after %d rounds", time.Since(at), rounds)
}

// BenchmarkPrevent100k: the overlap removal of 100,000 crowded discs
// alone (go test -run - -bench Prevent100k ./render/explorer/).
func BenchmarkPrevent100k(b *testing.B) {
	pos0, r := crowdedMap(100_000, 1)
	pos := make([][2]float64, len(pos0))
	for b.Loop() {
		copy(pos, pos0)
		rounds, err := prevent(context.Background(), pos, r)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(rounds), "rounds")
	}
}

// shelves returns discs as the layout packs the small components of a
// network on shelves: rows of piled single authors (each a line of discs
// half a radius apart) between rows of groups of 2 to 6 larger discs, a
// block much wider than tall, a quarter of the frame wide (the discs
// cover it many times), and 100 discs apart below it.
func shelves(rows, perRow int) (pos [][2]float64, r []float64) {
	for k := range rows {
		y := float64(k) * 8
		if k%2 == 0 {
			for i := range perRow {
				pos = append(pos, [2]float64{float64(i) * 1.5, y})
				r = append(r, minSize)
			}
			continue
		}
		for i := 0; i < perRow/4; i++ {
			size := 2 + (i*7+k)%5
			for j := range size {
				a := float64(j) * 2 * math.Pi / float64(size)
				pos = append(pos, [2]float64{float64(i)*6 + 2*math.Cos(a), y + 2*math.Sin(a)})
				r = append(r, minSize+float64((i+j)%3))
			}
		}
	}
	fit(pos, frame/4)
	// the rest of the map: a few discs apart below the block
	for i := range 100 {
		pos = append(pos, [2]float64{float64(i%10) * frame / 10, frame/2 + float64(i/10)*frame/20})
		r = append(r, minSize)
	}
	return pos, r
}

// cover returns the share of each of the w×h cells of the middle of the
// discs' box (a sixth of it left off each side) that the discs whose
// centres fall in it cover.
func cover(pos [][2]float64, r []float64, w, h int) []float64 {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		x0, x1 = math.Min(x0, p[0]), math.Max(x1, p[0])
		y0, y1 = math.Min(y0, p[1]), math.Max(y1, p[1])
	}
	dx, dy := (x1-x0)/6, (y1-y0)/6
	x0, x1, y0, y1 = x0+dx, x1-dx, y0+dy, y1-dy
	cw, ch := (x1-x0)/float64(w), (y1-y0)/float64(h)
	c := make([]float64, w*h)
	for v, p := range pos {
		i, j := int(math.Floor((p[0]-x0)/cw)), int(math.Floor((p[1]-y0)/ch))
		if i >= 0 && j >= 0 && i < w && j < h {
			c[j*w+i] += math.Pi * r[v] * r[v] / (cw * ch)
		}
	}
	return c
}

// strips returns the coefficient of variation of the area of the discs
// whose centres fall in each of k strips of the middle of their box
// (a sixth left off each side), the strips across y (rows) and across x
// (columns).
func strips(pos [][2]float64, r []float64, k int) (rows, cols float64) {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		x0, x1 = math.Min(x0, p[0]), math.Max(x1, p[0])
		y0, y1 = math.Min(y0, p[1]), math.Max(y1, p[1])
	}
	dx, dy := (x1-x0)/6, (y1-y0)/6
	x0, x1, y0, y1 = x0+dx, x1-dx, y0+dy, y1-dy
	cv := func(axis int, lo, hi float64) float64 {
		a := make([]float64, k)
		for v, p := range pos {
			if p[0] < x0 || p[0] >= x1 || p[1] < y0 || p[1] >= y1 {
				continue
			}
			a[min(k-1, int((p[axis]-lo)/(hi-lo)*float64(k)))] += r[v] * r[v]
		}
		mean, sq := 0.0, 0.0
		for _, x := range a {
			mean += x / float64(k)
		}
		for _, x := range a {
			sq += (x - mean) * (x - mean) / float64(k)
		}
		return math.Sqrt(sq) / mean
	}
	return cv(1, y0, y1), cv(0, x0, x1)
}

// TestPreventShelves: the rows the layout packs small components in
// (lines of piled single authors between rows of small groups) mean
// nothing, and after prevent they must not show: the block comes out as
// even in rows as in columns, its 16×8 cells within a fifth of their
// mean coverage, none of its 32×16 empty, and no discs overlap. So do
// the rows of crowdedMap. (Without stir, the rows of both vary 2 to 3
// times as much as the columns, and the 100,622 generated authors came
// out in waves.)
func TestPreventShelves(t *testing.T) {
	even := func(name string, pos [][2]float64, r []float64) {
		t.Helper()
		for _, k := range []int{20, 50} {
			rows, cols := strips(pos, r, k)
			t.Logf("%s, %d strips: rows vary %.3f, columns %.3f", name, k, rows, cols)
			if rows > 1.5*cols+0.005 {
				t.Errorf("%s, %d strips: rows vary %.3f, more than columns %.3f: layers", name, k, rows, cols)
			}
		}
	}
	pos, r := shelves(40, 500)
	rounds, err := prevent(context.Background(), pos, r)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d discs, %d rounds", len(pos), rounds)
	if k := countOverlaps(pos, r, 1e-9); k != 0 {
		t.Errorf("%d pairs overlap", k)
	}
	block, br := pos[:len(pos)-100], r[:len(pos)-100]
	even("shelves", block, br)
	c := cover(block, br, 16, 8)
	mean := 0.0
	for _, x := range c {
		mean += x / float64(len(c))
	}
	for i, x := range c {
		if math.Abs(x/mean-1) > 0.2 {
			t.Errorf("cell %d of 16×8 covers %.3f, the mean %.3f", i, x, mean)
		}
	}
	for i, x := range cover(block, br, 32, 16) {
		if x == 0 {
			t.Errorf("cell %d of 32×16 is empty", i)
		}
	}

	const n = 20000
	pos, r = crowdedMap(n, 7)
	if _, err := prevent(context.Background(), pos, r); err != nil {
		t.Fatal(err)
	}
	even("crowdedMap", pos[:n/3], r[:n/3])
}
