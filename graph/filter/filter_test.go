package filter

import (
	"testing"

	"coauthor/graph"
)

// -component largest -top N draws one connected piece even when the top
// authors of the largest component are not all connected among themselves.
func TestLargestStaysConnected(t *testing.T) {
	// A path 0-1-2-3-4 (the largest component) and a pair 5-6. The top
	// three by value are 0, 1 and 4: 4 is cut off from 0-1.
	nodes := make([]graph.Node, 7)
	for i := range nodes {
		nodes[i].Name = string(rune('a' + i))
	}
	e := func(u, v int32) graph.Edge { return graph.Edge{U: u, V: v, Weight: 1} }
	g, _ := graph.FromEdges(nodes, []graph.Edge{e(0, 1), e(1, 2), e(2, 3), e(3, 4), e(5, 6)})
	by := []float64{9, 8, 1, 1, 7, 10, 10}
	sub, keep, err := Apply(g, Options{Largest: true, Top: 3, By: by, Ego: None})
	if err != nil {
		t.Fatal(err)
	}
	if comps := graph.Components(sub); len(comps) != 1 {
		t.Errorf("-component largest -top 3 kept %v in %d components, want one", keep, len(comps))
	}
	if len(keep) != 2 || keep[0] != 0 || keep[1] != 1 {
		t.Errorf("kept %v, want [0 1]", keep)
	}
}

func TestDescribe(t *testing.T) {
	o := Options{Largest: true, Ego: 3, Depth: 2, Top: 100, MinWeight: 2}
	want := "Filters: largest connected component; authors within 2 steps of Ada; top 100 authors by pagerank; edges of weight 2 or more."
	if got := o.Describe("pagerank", "Ada"); got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
	if got := (Options{Ego: None}).Describe("pagerank", ""); got != "" {
		t.Errorf("no filters described as %q", got)
	}
}
