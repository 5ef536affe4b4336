// Package filter selects the part of a co-authorship graph that a command
// works on: the largest component, an author's neighbourhood, authors
// with enough papers, the top authors by a measure, heavy enough edges.
package filter

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"coauthor/graph"
)

// Options select nodes and edges. The zero value keeps everything.
type Options struct {
	// Largest keeps the largest connected component only.
	Largest bool
	// HasEgo keeps the nodes within Depth edges of node Ego only.
	HasEgo bool
	Ego    int32
	Depth  int
	// Only, when not nil, keeps those nodes (ascending) only.
	Only []int32
	// MinPapers keeps authors with at least that many papers.
	MinPapers int
	// Top, when above 0, keeps the Top nodes with the largest By values
	// (ties: by name).
	Top int
	By  []float64
	// MinWeight drops edges lighter than it.
	MinWeight float64
}

// ErrEmpty is returned when the filters leave no author.
var ErrEmpty = errors.New("the filters leave no author")

// Validate reports options that make no sense: a negative Top,
// MinPapers or Depth, a MinWeight that is negative, NaN or infinite, an
// Ego below 0, Only not ascending. Nodes and Apply call it, and check
// what needs the graph too: Ego and Only are nodes of it, By has a value
// per node.
func (o Options) Validate() error {
	switch {
	case o.Top < 0:
		return fmt.Errorf("filter: Options.Top is %d, want 0 (all) or more", o.Top)
	case o.MinPapers < 0:
		return fmt.Errorf("filter: Options.MinPapers is %d, want 0 or more", o.MinPapers)
	case o.Depth < 0:
		return fmt.Errorf("filter: Options.Depth is %d, want 0 or more", o.Depth)
	case math.IsNaN(o.MinWeight) || math.IsInf(o.MinWeight, 0) || o.MinWeight < 0:
		return fmt.Errorf("filter: Options.MinWeight is %v, want a finite number, 0 or more", o.MinWeight)
	case o.HasEgo && o.Ego < 0:
		return fmt.Errorf("filter: Options.Ego is %d, want a node", o.Ego)
	case !slices.IsSorted(o.Only):
		return errors.New("filter: Options.Only is not ascending")
	}
	return nil
}

// check is Validate with what needs g.
func (o Options) check(g *graph.Graph) error {
	n := g.N()
	switch err := o.Validate(); {
	case err != nil:
		return err
	case o.HasEgo && int(o.Ego) >= n:
		return fmt.Errorf("filter: Options.Ego is %d, want a node of the %d", o.Ego, n)
	case len(o.Only) > 0 && (o.Only[0] < 0 || int(o.Only[len(o.Only)-1]) >= n):
		return fmt.Errorf("filter: Options.Only holds an id outside the graph's %d nodes", n)
	case o.Top > 0 && len(o.By) != n:
		return fmt.Errorf("filter: Options.By has %d values for %d nodes", len(o.By), n)
	}
	return nil
}

// Selects reports whether o leaves anything out.
func (o Options) Selects() bool {
	return o.Largest || o.HasEgo || o.Only != nil || o.MinPapers > 0 || o.Top > 0 || o.MinWeight > 0
}

// Nodes returns the nodes the options keep, ascending, applied in this
// order: Largest, Ego, Only, MinPapers, Top.
func Nodes(g *graph.Graph, opt Options) ([]int32, error) {
	if err := opt.check(g); err != nil {
		return nil, err
	}
	keep := make([]int32, g.N())
	for v := range keep {
		keep[v] = int32(v)
	}
	if opt.Largest && g.N() > 0 {
		keep = graph.Components(g)[0]
	}
	if opt.HasEgo {
		ego := graph.Ego(g, opt.Ego, opt.Depth)
		keep = slices.DeleteFunc(keep, func(u int32) bool { _, ok := slices.BinarySearch(ego, u); return !ok })
	}
	if opt.Only != nil {
		keep = slices.DeleteFunc(keep, func(u int32) bool { _, ok := slices.BinarySearch(opt.Only, u); return !ok })
	}
	if opt.MinPapers > 0 {
		keep = slices.DeleteFunc(keep, func(u int32) bool { return g.Node(u).Papers < opt.MinPapers })
	}
	if opt.Top > 0 && opt.Top < len(keep) {
		by := opt.By
		slices.SortStableFunc(keep, func(a, b int32) int {
			return cmp.Or(cmp.Compare(by[b], by[a]), strings.Compare(g.Node(a).Name, g.Node(b).Name))
		})
		keep = keep[:opt.Top]
		slices.Sort(keep)
	}
	if len(keep) == 0 {
		return nil, ErrEmpty
	}
	return keep, nil
}

// Apply returns the subgraph the options keep and its nodes' ids in g.
// With Largest, the subgraph is connected: when the later filters (Top,
// MinPapers, MinWeight) split the largest component, the largest part of
// what they keep is kept.
func Apply(g *graph.Graph, opt Options) (*graph.Graph, []int32, error) {
	keep, err := Nodes(g, opt)
	if err != nil {
		return nil, nil, err
	}
	sub := graph.Induced(g, keep, opt.MinWeight)
	if opt.Largest {
		if comps := graph.Components(sub); len(comps) > 1 {
			part := make([]int32, len(comps[0]))
			for i, v := range comps[0] {
				part[i] = keep[v]
			}
			slices.Sort(part)
			keep = part
			sub = graph.Induced(g, keep, opt.MinWeight)
		}
	}
	return sub, keep, nil
}

// Describe says in words which filters opt applies, for a picture's
// subtitle ("" when none): by names the -top measure, ego the ego's name.
func (o Options) Describe(by, ego string) string {
	var parts []string
	if o.Largest {
		parts = append(parts, "largest connected component")
	}
	if o.HasEgo {
		steps := "step"
		if o.Depth != 1 {
			steps += "s"
		}
		parts = append(parts, fmt.Sprintf("authors within %d %s of %s", o.Depth, steps, ego))
	}
	if o.MinPapers > 0 {
		parts = append(parts, fmt.Sprintf("authors with %d or more papers", o.MinPapers))
	}
	if o.Top > 0 {
		parts = append(parts, fmt.Sprintf("top %d authors by %s", o.Top, by))
	}
	if o.MinWeight > 0 {
		parts = append(parts, fmt.Sprintf("edges of weight %g or more", o.MinWeight))
	}
	if len(parts) == 0 {
		return ""
	}
	s := "Filters: " + strings.Join(parts, "; ") + "."
	return s
}

// Pick returns the values of the kept nodes.
func Pick[T any](v []T, keep []int32) []T {
	if v == nil {
		return nil
	}
	out := make([]T, len(keep))
	for i, k := range keep {
		out[i] = v[k]
	}
	return out
}
