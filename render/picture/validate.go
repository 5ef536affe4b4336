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
	return CheckNodeValues("picture", o.Size, o.Cluster, o.Positions)
}

// CheckNodeValues returns the error, prefixed by pkg, of the first
// per-node value a picture or the explorer cannot show: a negative
// cluster, a Size that is negative or infinite (NaN, unknown, is drawn
// smallest), a position that is NaN or infinite.
func CheckNodeValues(pkg string, size []float64, cluster []int32, positions [][2]float64) error {
	for v, c := range cluster {
		if c < 0 {
			return fmt.Errorf("%s: Options.Cluster of node %d is %d, want 0 or more", pkg, v, c)
		}
	}
	for v, x := range size {
		if math.IsInf(x, 0) || x < 0 {
			return fmt.Errorf("%s: Options.Size of node %d is %v, want a finite number, 0 or more", pkg, v, x)
		}
	}
	for v, p := range positions {
		for _, x := range p {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("%s: Options.Positions of node %d is %v, want finite numbers", pkg, v, p)
			}
		}
	}
	return nil
}

// PerNode is an option holding one value per node: its name, length and
// whether it is set.
type PerNode struct {
	Name string
	Len  int
	Set  bool
}

// CheckLengths returns the error, prefixed by pkg, of the first set
// option that has not one value per node of n.
func CheckLengths(pkg string, n int, options ...PerNode) error {
	for _, f := range options {
		if f.Set && f.Len != n {
			return fmt.Errorf("%s: Options.%s has %d values for %d nodes", pkg, f.Name, f.Len, n)
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
	if err := CheckLengths("picture", n,
		PerNode{"Size", len(o.Size), o.Size != nil},
		PerNode{"Cluster", len(o.Cluster), o.Cluster != nil},
		PerNode{"TotalDegree", len(o.TotalDegree), o.TotalDegree != nil},
		PerNode{"TotalPapers", len(o.TotalPapers), o.TotalPapers != nil},
		PerNode{"Positions", len(o.Positions), o.Positions != nil}); err != nil {
		return err
	}
	if o.HasEgo && o.Ego >= n {
		return fmt.Errorf("picture: Options.Ego is %d, want a node of the %d", o.Ego, n)
	}
	return nil
}
