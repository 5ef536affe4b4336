package explorer

import (
	"fmt"
	"math"

	"coauthor/graph"
)

// Validate reports options the explorer cannot show: a Size that is
// negative or infinite (NaN, a value unknown, is drawn smallest), a
// negative cluster, Measures and MeasureValues of different lengths, a
// position that is NaN or infinite. New calls it and checks what needs
// the graph. Every Seed and Title is valid.
func (o Options) Validate() error {
	for v, x := range o.Size {
		if math.IsInf(x, 0) || x < 0 {
			return fmt.Errorf("explorer: Options.Size of node %d is %v, want a finite number, 0 or more", v, x)
		}
	}
	for v, c := range o.Cluster {
		if c < 0 {
			return fmt.Errorf("explorer: Options.Cluster of node %d is %d, want 0 or more", v, c)
		}
	}
	if len(o.Measures) != len(o.MeasureValues) {
		return fmt.Errorf("explorer: Options.Measures names %d measures, MeasureValues holds %d", len(o.Measures), len(o.MeasureValues))
	}
	for v, p := range o.Positions {
		for _, x := range p {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("explorer: Options.Positions of node %d is %v, want finite numbers", v, p)
			}
		}
	}
	return nil
}

// check is Validate with what needs g: one value per node.
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
		{"Positions", len(o.Positions), o.Positions != nil},
	} {
		if f.set && f.len != n {
			return fmt.Errorf("explorer: Options.%s has %d values for %d nodes", f.name, f.len, n)
		}
	}
	for i, v := range o.MeasureValues {
		if len(v) != n {
			return fmt.Errorf("explorer: Options.MeasureValues of %s has %d values for %d nodes", o.Measures[i], len(v), n)
		}
	}
	return nil
}
