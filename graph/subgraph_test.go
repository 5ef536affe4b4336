package graph_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	. "coauthor/graph"
)

// TestInduced checks Induced against its definition, written out here as
// a map of the kept nodes and FromEdges, on ca-GrQc with every node (the
// view of an unfiltered export) and with random subsets and weight
// thresholds, and on a graph built from papers (whose source papers the
// subgraph drops).
func TestInduced(t *testing.T) {
	grqc := loadNetwork(t, "ca-GrQc.txt")
	b := NewBuilder([]string{"a", "b", "c", "d", "e"}, BuildOptions{KeepPapers: true})
	b.AddPaper([]int32{0, 1, 2}, 2020)
	b.AddPaper([]int32{0, 1}, 2021)
	b.AddPaper([]int32{3, 4}, 2022)
	papers, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	subset := func(g *Graph, p float64) []int32 {
		var nodes []int32
		for v := range int32(g.N()) {
			if rng.Float64() < p {
				nodes = append(nodes, v)
			}
		}
		return nodes
	}
	all := func(g *Graph) []int32 { return subset(g, 2) }
	shuffled := func(nodes []int32) []int32 {
		rng.Shuffle(len(nodes), func(i, j int) { nodes[i], nodes[j] = nodes[j], nodes[i] })
		return nodes
	}
	tests := []struct {
		name      string
		g         *Graph
		nodes     []int32
		minWeight float64
	}{
		{"ca-GrQc, every node", grqc, all(grqc), 0},
		{"ca-GrQc, every node, weight ≥ 2", grqc, all(grqc), 2},
		{"ca-GrQc, half", grqc, subset(grqc, 0.5), 0},
		{"ca-GrQc, a tenth, weight ≥ 1.5", grqc, subset(grqc, 0.1), 1.5},
		{"ca-GrQc, none", grqc, nil, 0},
		{"papers, every node", papers, all(papers), 0},
		{"papers, 0 1 3", papers, []int32{0, 1, 3}, 0},
		{"papers, every node, weight ≥ 2", papers, all(papers), 2},
		// Nodes in another order than g's: the edges are sorted again.
		{"ca-GrQc, a shuffled half", grqc, shuffled(subset(grqc, 0.5)), 0},
		{"papers, 2 1 0", papers, []int32{2, 1, 0}, 0},
	}
	for _, c := range tests {
		t.Run(c.name, func(t *testing.T) {
			got := Induced(c.g, c.nodes, c.minWeight)
			want := inducedByDefinition(t, c.g, c.nodes, c.minWeight)
			if got.N() != len(c.nodes) || got.N() != want.N() || got.M() != want.M() {
				t.Fatalf("%d nodes, %d edges; want %d and %d", got.N(), got.M(), want.N(), want.M())
			}
			if c.name == "papers, every node, weight ≥ 2" && got.M() != 1 {
				t.Fatalf("%d edges of weight 2 or more, want 1 (a–b)", got.M())
			}
			if c.name == "ca-GrQc, half" && got.M() < 1000 {
				t.Fatalf("%d edges among half of ca-GrQc's nodes: the test keeps too few to test", got.M())
			}
			for e := range int32(got.M()) {
				if got.Edge(e) != want.Edge(e) || got.EdgePapers(e) != nil {
					t.Fatalf("edge %d = %+v (papers %v), want %+v (none)", e, got.Edge(e), got.EdgePapers(e), want.Edge(e))
				}
			}
			for v := range int32(got.N()) {
				if got.Node(v) != c.g.Node(c.nodes[v]) {
					t.Fatalf("node %d = %+v, want node %d of g, %+v", v, got.Node(v), c.nodes[v], c.g.Node(c.nodes[v]))
				}
				a, w := got.Neighbors(v)
				wa, ww := want.Neighbors(v)
				if !slices.Equal(a, wa) || !slices.Equal(w, ww) {
					t.Fatalf("neighbours of %d = %v %v, want %v %v", v, a, w, wa, ww)
				}
			}
		})
	}
}

// inducedByDefinition is the subgraph on nodes with the edges among them
// of weight at least minWeight.
func inducedByDefinition(t *testing.T, g *Graph, nodes []int32, minWeight float64) *Graph {
	index := make(map[int32]int32, len(nodes))
	sub := make([]Node, len(nodes))
	for i, v := range nodes {
		index[v] = int32(i)
		sub[i] = g.Node(v)
	}
	var edges []Edge
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		u, okU := index[ed.U]
		v, okV := index[ed.V]
		if okU && okV && ed.Weight >= minWeight {
			edges = append(edges, Edge{U: v, V: u, Weight: ed.Weight, Papers: ed.Papers})
		}
	}
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(edges), func(i, j int) { edges[i], edges[j] = edges[j], edges[i] })
	want, err := FromEdges(sub, edges)
	if err != nil {
		t.Fatal(err)
	}
	return want
}
