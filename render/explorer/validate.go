package explorer

import (
	"fmt"
	"slices"

	"coauthor/graph"
	"coauthor/render/picture"
)

// Validate reports options the explorer cannot show: a Size that is
// negative or infinite (NaN, a value unknown, is drawn smallest), a
// negative cluster, Measures and MeasureValues of different lengths, a
// measure in Later without Compute or named twice, a position that is
// NaN or infinite. New calls it and checks what needs the graph. Every
// Seed and Title is valid.
func (o Options) Validate() error {
	if len(o.Measures) != len(o.MeasureValues) {
		return fmt.Errorf("explorer: Options.Measures names %d measures, MeasureValues holds %d", len(o.Measures), len(o.MeasureValues))
	}
	if len(o.Later) > 0 && o.Compute == nil {
		return fmt.Errorf("explorer: Options.Later names %d measures and Compute is nil", len(o.Later))
	}
	all := slices.Concat(o.Measures, o.Later)
	for i, name := range all {
		if slices.Contains(all[:i], name) {
			return fmt.Errorf("explorer: Options.Measures and Later name %s twice", name)
		}
	}
	return picture.CheckNodeValues("explorer", o.Size, o.Cluster, o.Positions)
}

// check is Validate with what needs g: one value per node.
func (o Options) check(g *graph.Graph) error {
	if err := o.Validate(); err != nil {
		return err
	}
	n := g.N()
	if err := picture.CheckLengths("explorer", n,
		picture.PerNode{Name: "Size", Len: len(o.Size), Set: o.Size != nil},
		picture.PerNode{Name: "Cluster", Len: len(o.Cluster), Set: o.Cluster != nil},
		picture.PerNode{Name: "Positions", Len: len(o.Positions), Set: o.Positions != nil}); err != nil {
		return err
	}
	if o.Basemap != nil {
		if err := o.Basemap.check(n, o.Positions); err != nil {
			return err
		}
	}
	for i, v := range o.MeasureValues {
		if len(v) != n {
			return fmt.Errorf("explorer: Options.MeasureValues of %s has %d values for %d nodes", o.Measures[i], len(v), n)
		}
	}
	return nil
}
