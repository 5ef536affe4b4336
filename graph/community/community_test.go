package community

import (
	"context"
	"math"
	"runtime"
	"slices"
	"testing"

	gonum "gonum.org/v1/gonum/graph"
	gonumcommunity "gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"

	"coauthor/graph"
	"coauthor/graph/internal/testnet"
)

// groups turns labels into gonum's community form.
func groups(g *graph.Graph, labels []int32) [][]gonum.Node {
	k := 0
	for _, c := range labels {
		k = max(k, int(c)+1)
	}
	view := g.Weighted()
	out := make([][]gonum.Node, k)
	for v, c := range labels {
		out[c] = append(out[c], view.Node(int64(v)))
	}
	return out
}

func TestModularityMatchesGonum(t *testing.T) {
	for _, name := range []string{"karate.txt", "lesmis.gml", "netscience.gml"} {
		g := testnet.Load(t, name)
		for _, gamma := range []float64{0.5, 1, 2} {
			labels := leiden(t, g, Options{Resolution: gamma, Seed: 1})
			got := Modularity(g, labels, gamma)
			want := gonumcommunity.Q(g.Weighted(), groups(g, labels), gamma)
			if math.Abs(got-want) > 1e-12 {
				t.Errorf("%s γ=%v: Modularity %v, gonum's Q %v", name, gamma, got, want)
			}
		}
	}
}

// Leiden finds at least the modularity of networkx's Louvain (best of
// seeds 0-4) on every reference network, for each of five seeds, and
// every community it returns is connected, as gonum's topo finds.
func TestLeidenQualityAndConnectivity(t *testing.T) {
	for _, name := range testnet.Networks {
		g := testnet.Load(t, name)
		ref := testnet.LoadReference(t, name)
		best := slices.Max(ref.Louvain)
		for seed := uint64(0); seed < 5; seed++ {
			labels := leiden(t, g, Options{Seed: seed})
			if q := Modularity(g, labels, 1); q < best {
				t.Errorf("%s seed %d: Leiden modularity %.6f < networkx Louvain's %.6f", name, seed, q, best)
			}
			if c := disconnected(g, labels); c >= 0 {
				t.Errorf("%s seed %d: community %d is not connected", name, seed, c)
			}
		}
		lq := Modularity(g, louvain(t, g, Options{Seed: 0}), 1)
		if lq < 0.95*best {
			t.Errorf("%s: Louvain modularity %.6f, networkx's %.6f", name, lq, best)
		}
	}
}

// disconnected returns a community of labels whose induced subgraph gonum's
// topo.ConnectedComponents finds in more than one piece, or -1.
func disconnected(g *graph.Graph, labels []int32) int {
	k := int(slices.Max(labels)) + 1
	subs := make([]*simple.UndirectedGraph, k)
	for c := range subs {
		subs[c] = simple.NewUndirectedGraph()
	}
	for v, c := range labels {
		subs[c].AddNode(simple.Node(v))
	}
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		if c := labels[ed.U]; c == labels[ed.V] {
			subs[c].SetEdge(simple.Edge{F: simple.Node(ed.U), T: simple.Node(ed.V)})
		}
	}
	for c, sub := range subs {
		if len(topo.ConnectedComponents(sub)) > 1 {
			return c
		}
	}
	return -1
}

// The independent check finds a disconnected community when there is
// one: two triangles labelled as one community.
func TestDisconnectedCheck(t *testing.T) {
	e := func(u, v int32) graph.Edge { return graph.Edge{U: u, V: v, Weight: 1} }
	g, _ := graph.FromEdges(make([]graph.Node, 6), []graph.Edge{e(0, 1), e(1, 2), e(0, 2), e(3, 4), e(4, 5), e(3, 5)})
	if c := disconnected(g, []int32{0, 0, 0, 0, 0, 0}); c != 0 {
		t.Errorf("disconnected = %d, want 0", c)
	}
	if c := disconnected(g, []int32{0, 0, 0, 1, 1, 1}); c != -1 {
		t.Errorf("disconnected = %d, want -1", c)
	}
}

func TestCommunitiesDeterministic(t *testing.T) {
	g := testnet.Load(t, "netscience.gml")
	for _, f := range []func(testing.TB, *graph.Graph, Options) []int32{leiden, louvain} {
		a := f(t, g, Options{Seed: 7})
		b := f(t, g, Options{Seed: 7})
		if !slices.Equal(a, b) {
			t.Error("same seed, different partitions")
		}
	}
}

func TestCommunityLabelsCanonical(t *testing.T) {
	// Two triangles joined by one edge, and an isolated node.
	nodes := make([]graph.Node, 7)
	e := func(u, v int32) graph.Edge { return graph.Edge{U: u, V: v, Weight: 1} }
	g, _ := graph.FromEdges(nodes, []graph.Edge{e(0, 1), e(1, 2), e(0, 2), e(3, 4), e(4, 5), e(3, 5), e(2, 3)})
	for _, f := range []func(testing.TB, *graph.Graph, Options) []int32{leiden, louvain} {
		got := f(t, g, Options{})
		if want := []int32{0, 0, 0, 1, 1, 1, 2}; !slices.Equal(got, want) {
			t.Errorf("labels %v, want %v", got, want)
		}
	}
	// At γ = 10 every node is best alone: a pair inside a triangle gains
	// 1/m - 10·2·(2·3/2m)² < 0 with m = 7, so seven singletons.
	if k := slices.Max(leiden(t, g, Options{Resolution: 10})) + 1; k != 7 {
		t.Errorf("γ=10 gave %d communities, want singletons (7)", k)
	}
	empty, _ := graph.FromEdges(make([]graph.Node, 3), nil)
	if got := leiden(t, empty, Options{}); !slices.Equal(got, []int32{0, 1, 2}) {
		t.Errorf("edgeless graph: %v", got)
	}
}

func TestStarts(t *testing.T) {
	for _, tt := range []struct {
		opt  Options
		n    int
		want int
	}{{Options{}, 1500, 4}, {Options{}, 5000, 1}, {Options{}, 200000, 1}, {Options{Starts: 3}, 200000, 3}} {
		if got := Starts(tt.opt, tt.n); got != tt.want {
			t.Errorf("Starts(%+v, %d) = %d, want %d", tt.opt, tt.n, got, tt.want)
		}
	}
}

// Leiden's partition does not depend on the number of cores, with one
// start or several run in parallel.
func TestLeidenIndependentOfCores(t *testing.T) {
	for _, name := range []string{"netscience.gml", "ca-GrQc.txt"} {
		g := testnet.Load(t, name)
		for _, starts := range []int{0, 1, 4} {
			opt := Options{Seed: 3, Starts: starts}
			a := leiden(t, g, opt)
			prev := runtime.GOMAXPROCS(1)
			b := leiden(t, g, opt)
			runtime.GOMAXPROCS(prev)
			if !slices.Equal(a, b) {
				t.Errorf("%s, %d starts: partition differs on one core", name, starts)
			}
		}
	}
}

// leiden and louvain return the partitions of options a test knows to be
// valid.
func leiden(t testing.TB, g *graph.Graph, opt Options) []int32 {
	t.Helper()
	labels, err := Leiden(context.Background(), g, opt)
	if err != nil {
		t.Fatal(err)
	}
	return labels
}

func louvain(t testing.TB, g *graph.Graph, opt Options) []int32 {
	t.Helper()
	labels, err := Louvain(context.Background(), g, opt)
	if err != nil {
		t.Fatal(err)
	}
	return labels
}
