package picture

import (
	"fmt"
	"math"
	"slices"

	"coauthor/graph"
)

// Validate reports options a picture cannot be drawn with: a Layout not
// in Layouts (other than ""), a negative Width, a DPI that is negative,
// NaN or infinite, a negative Ego, a negative cluster, a Size that is
// negative or infinite (NaN, a value unknown, is drawn smallest), a
// position that is NaN or infinite. New calls it and checks what needs
// the graph.
func (o Options) Validate() error {
	switch {
	case o.Layout != "" && !slices.Contains(Layouts, o.Layout):
		return fmt.Errorf("picture: Options.Layout is %q, want one of %v", o.Layout, Layouts)
	case o.Width < 0:
		return fmt.Errorf("picture: Options.Width is %d, want 0 (from DPI) or more", o.Width)
	case math.IsNaN(o.DPI) || math.IsInf(o.DPI, 0) || o.DPI < 0:
		return fmt.Errorf("picture: Options.DPI is %v, want 0 (96) or more", o.DPI)
	case o.HasEgo && o.Ego < 0:
		return fmt.Errorf("picture: Options.Ego is %d, want a node", o.Ego)
	}
	for v, c := range o.Cluster {
		if c < 0 {
			return fmt.Errorf("picture: Options.Cluster of node %d is %d, want 0 or more", v, c)
		}
	}
	for v, x := range o.Size {
		if math.IsInf(x, 0) || x < 0 {
			return fmt.Errorf("picture: Options.Size of node %d is %v, want a finite number, 0 or more", v, x)
		}
	}
	for v, p := range o.Positions {
		for _, x := range p {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("picture: Options.Positions of node %d is %v, want finite numbers", v, p)
			}
		}
	}
	return nil
}

// check is Validate with what needs g: one value per node, an Ego of g.
func (o Options) check(g *graph.Graph) error {
	if err := o.Validate(); err != nil {
		return err
	}
	n := g.N()
	for _, f := range []struct {
		name string
		len  int
		set  bool
	}{
		{"Size", len(o.Size), o.Size != nil},
		{"Cluster", len(o.Cluster), o.Cluster != nil},
		{"TotalDegree", len(o.TotalDegree), o.TotalDegree != nil},
		{"TotalPapers", len(o.TotalPapers), o.TotalPapers != nil},
		{"Positions", len(o.Positions), o.Positions != nil},
	} {
		if f.set && f.len != n {
			return fmt.Errorf("picture: Options.%s has %d values for %d nodes", f.name, f.len, n)
		}
	}
	if o.HasEgo && o.Ego >= n {
		return fmt.Errorf("picture: Options.Ego is %d, want a node of the %d", o.Ego, n)
	}
	return nil
}
