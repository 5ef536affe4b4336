package filter

import (
	"math"
	"strings"
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
	sub, keep, err := Apply(g, Options{Largest: true, Top: 3, By: by})
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
	o := Options{Largest: true, HasEgo: true, Ego: 3, Depth: 2, Top: 100, MinWeight: 2}
	want := "Filters: largest connected component; authors within 2 steps of Ada; top 100 authors by pagerank; edges of weight 2 or more."
	if got := o.Describe("pagerank", "Ada"); got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
	if got := (Options{}).Describe("pagerank", ""); got != "" {
		t.Errorf("no filters described as %q", got)
	}
}

func TestValidate(t *testing.T) {
	for _, tt := range []struct {
		opt   Options
		field string // "" when valid
	}{
		{Options{}, ""},
		{Options{Largest: true, HasEgo: true, Ego: 0, Depth: 2, Only: []int32{1, 4}, MinPapers: 2, Top: 3, MinWeight: 0.5}, ""},
		{Options{Top: -1}, "Top"},
		{Options{MinPapers: -1}, "MinPapers"},
		{Options{Depth: -1}, "Depth"},
		{Options{MinWeight: -1}, "MinWeight"},
		{Options{MinWeight: math.NaN()}, "MinWeight"},
		{Options{MinWeight: math.Inf(1)}, "MinWeight"},
		{Options{HasEgo: true, Ego: -1}, "Ego"},
		{Options{Only: []int32{3, 1}}, "Only"},
	} {
		err := tt.opt.Validate()
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%+v: %v, want nil", tt.opt, err)
		case tt.field != "" && (err == nil || !strings.Contains(err.Error(), tt.field)):
			t.Errorf("%+v: %v, want an error naming %s", tt.opt, err, tt.field)
		}
	}
}

// The zero Options keep every node (no ego ring around node 0); options
// that do not fit the graph are errors from Apply.
func TestZeroKeepsAllAndBadOptionsRefused(t *testing.T) {
	nodes := make([]graph.Node, 4)
	g, err := graph.FromEdges(nodes, []graph.Edge{{U: 0, V: 1, Weight: 1}, {U: 2, V: 3, Weight: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if (Options{}).Selects() {
		t.Error("the zero Options select")
	}
	if _, keep, err := Apply(g, Options{}); err != nil || len(keep) != 4 {
		t.Errorf("zero Options kept %v, %v; want all 4", keep, err)
	}
	for _, opt := range []Options{
		{HasEgo: true, Ego: 4},
		{Only: []int32{0, 9}},
		{Top: 2, By: []float64{1, 2}},
		{MinWeight: math.NaN()},
	} {
		if _, _, err := Apply(g, opt); err == nil {
			t.Errorf("Apply %+v: no error", opt)
		}
	}
}
