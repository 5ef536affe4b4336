package explorer

import (
	"context"
	"slices"
	"testing"

	"coauthor/graph"
	"coauthor/parse"
	"coauthor/parse/corpus"
)

// unitPapers are papers as lists of unit ids.
type unitPapers [][]int32

func (u unitPapers) Len() int              { return len(u) }
func (u unitPapers) Authors(i int) []int32 { return u[i] }
func (u unitPapers) Year(int) int          { return 0 }

// A unit network's papers are those of its units, not of the corpus's
// authors: the papers' authors here name no unit.
func TestUnitNetworkPapers(t *testing.T) {
	c := corpus.New()
	for _, title := range []string{"P0", "P1", "P2"} {
		if !c.Add(&parse.Paper{Title: title, Authors: []string{"Ann Lee", "Bo Kim"}}) {
			t.Fatal("paper not kept")
		}
	}
	units := unitPapers{{0, 1}, {0}, {1, 2}}
	g, err := graph.FromPapers(context.Background(), []string{"Basel", "Oxford", "Zurich"}, units, graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := NewUnitNetwork(g, c, units, 3)
	for v, want := range [][]int32{{0, 1}, {0, 2}, {2}} {
		if got := n.NodePapers(int32(v)); !slices.Equal(got, want) {
			t.Errorf("node %d papers %v, want %v", v, got, want)
		}
	}
	if got := n.SharedPapers(1, 2); !slices.Equal(got, []int32{2}) {
		t.Errorf("Oxford–Zurich shared %v, want [2]", got)
	}
	if a := n.Author(0); a.Name != "Basel" || len(a.Papers) != 2 || a.SourceID != "" {
		t.Errorf("Basel: %+v", a)
	}
}
