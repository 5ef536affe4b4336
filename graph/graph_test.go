package graph

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph/topo"
)

// papers: {0,1,2}, {0,1}, {2,3}, {4}; node 5 has no paper.
func smallBuilder(c Counting) *Builder {
	b := NewBuilder([]string{"a", "b", "c", "d", "e", "f"}, BuildOptions{Counting: c, KeepPapers: true})
	b.AddPaper([]int32{0, 1, 2}, 2019)
	b.AddPaper([]int32{1, 0, 1}, 2021) // b listed twice counts once
	b.AddPaper([]int32{2, 3}, 0)
	b.AddPaper([]int32{4}, 2020)
	return b
}

func TestBuild(t *testing.T) {
	tests := []struct {
		counting Counting
		edges    []Edge
		strength []float64
	}{
		{Full, []Edge{{0, 1, 2, 2}, {0, 2, 1, 1}, {1, 2, 1, 1}, {2, 3, 1, 1}}, []float64{3, 3, 3, 1, 0, 0}},
		{Fractional, []Edge{{0, 1, 1.5, 2}, {0, 2, 0.5, 1}, {1, 2, 0.5, 1}, {2, 3, 1, 1}}, []float64{2, 2, 2, 1, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.counting.String(), func(t *testing.T) {
			g := mustBuild(smallBuilder(tt.counting))
			if g.N() != 6 || g.M() != len(tt.edges) {
				t.Fatalf("N, M = %d, %d; want 6, %d", g.N(), g.M(), len(tt.edges))
			}
			for e, want := range tt.edges {
				if got := g.Edge(int32(e)); got != want {
					t.Errorf("edge %d = %+v, want %+v", e, got, want)
				}
			}
			for v, want := range tt.strength {
				if got := g.Strength(int32(v)); math.Abs(got-want) > 1e-12 {
					t.Errorf("strength(%d) = %v, want %v", v, got, want)
				}
			}
			if got := g.EdgePapers(g.EdgeID(1, 0)); !slices.Equal(got, []int32{0, 1}) {
				t.Errorf("papers of edge a-b = %v, want [0 1]", got)
			}
			if g.EdgeID(0, 3) != -1 {
				t.Errorf("EdgeID(0, 3) = %d, want -1", g.EdgeID(0, 3))
			}
			nb, w := g.Neighbors(2)
			if !slices.Equal(nb, []int32{0, 1, 3}) || len(w) != 3 {
				t.Errorf("Neighbors(2) = %v, %v; want [0 1 3]", nb, w)
			}
			want := []Node{{"a", 0, 2, 2019, 2021}, {"b", 1, 2, 2019, 2021}, {"c", 2, 2, 2019, 2019}, {"d", 3, 1, 0, 0}, {"e", 4, 1, 2020, 2020}, {"f", 5, 0, 0, 0}}
			for v, n := range want {
				if g.Node(int32(v)) != n {
					t.Errorf("node %d = %+v, want %+v", v, g.Node(int32(v)), n)
				}
			}
		})
	}
}

func TestFromEdges(t *testing.T) {
	nodes := []Node{{Name: "x"}, {Name: "y"}, {Name: "z"}}
	g := mustEdges(nodes, []Edge{{U: 1, V: 0, Weight: 2}, {U: 0, V: 1, Weight: 3}, {U: 2, V: 2, Weight: 1}, {U: 2, V: 1, Weight: 0.5}})
	if g.M() != 2 || g.Edge(0) != (Edge{0, 1, 5, 0}) || g.Edge(1) != (Edge{1, 2, 0.5, 0}) {
		t.Errorf("edges = %+v, %+v (M=%d); want 0-1 weight 5, 1-2 weight 0.5", g.Edge(0), g.Edge(1), g.M())
	}
	if g.EdgePapers(0) != nil {
		t.Errorf("EdgePapers = %v, want nil for a graph not built from papers", g.EdgePapers(0))
	}
}

func TestComponentsMatchGonum(t *testing.T) {
	g := mustBuild(smallBuilder(Full))
	got := Components(g)
	want := [][]int32{{0, 1, 2, 3}, {4}, {5}}
	if len(got) != len(want) {
		t.Fatalf("components = %v, want %v", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("component %d = %v, want %v", i, got[i], want[i])
		}
	}
	cc := topo.ConnectedComponents(g.Weighted())
	if len(cc) != len(got) {
		t.Errorf("gonum finds %d components, we find %d", len(cc), len(got))
	}
}

func TestWeightedView(t *testing.T) {
	g := mustBuild(smallBuilder(Full)).Weighted()
	if w, ok := g.Weight(0, 1); !ok || w != 2 {
		t.Errorf("Weight(0,1) = %v, %v; want 2, true", w, ok)
	}
	if _, ok := g.Weight(0, 3); ok {
		t.Error("Weight(0,3) reports an edge")
	}
	if g.HasEdgeBetween(0, 0) || !g.HasEdgeBetween(3, 2) || g.Node(6) != nil || g.Edge(0, 4) != nil {
		t.Error("view disagrees with the graph")
	}
	it := g.From(2)
	if it.Len() != 3 {
		t.Errorf("From(2).Len() = %d, want 3", it.Len())
	}
	var ids []int64
	for it.Next() {
		ids = append(ids, it.Node().ID())
	}
	if !slices.Equal(ids, []int64{0, 1, 3}) || it.Len() != 0 {
		t.Errorf("From(2) = %v (Len after %d), want [0 1 3]", ids, it.Len())
	}
	if n := g.Nodes().Len(); n != 6 {
		t.Errorf("Nodes().Len() = %d, want 6", n)
	}
}

func TestParseCounting(t *testing.T) {
	if c, err := ParseCounting("fractional"); err != nil || c != Fractional {
		t.Errorf("ParseCounting(fractional) = %v, %v", c, err)
	}
	if _, err := ParseCounting("harmonic"); err == nil {
		t.Error("ParseCounting(harmonic) gave no error")
	}
}

// mustBuild builds b, whose options and papers are a test's own.
func mustBuild(b *Builder) *Graph {
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	return g
}

// mustEdges is FromEdges of a test's own valid edges.
func mustEdges(nodes []Node, edges []Edge) *Graph {
	g, err := FromEdges(nodes, edges)
	if err != nil {
		panic(err)
	}
	return g
}
