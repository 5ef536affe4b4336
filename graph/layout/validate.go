package layout

import (
	"fmt"
	"math"

	"coauthor/graph"
)

// Validate reports a negative Iterations or a negative cluster label.
// Every Seed is valid.
func (o Options) Validate() error {
	if o.Iterations < 0 {
		return fmt.Errorf("layout: Options.Iterations is %d, want 0 (by size) or more", o.Iterations)
	}
	for v, c := range o.Cluster {
		if c < 0 {
			return fmt.Errorf("layout: Options.Cluster of node %d is %d, want 0 or more", v, c)
		}
	}
	return nil
}

// check is Validate with what needs the graph: a cluster and a diameter
// (finite, 0 or more) per node.
func (o Options) check(g *graph.Graph, diameter []float64) error {
	n := g.N()
	switch err := o.Validate(); {
	case err != nil:
		return err
	case o.Cluster != nil && len(o.Cluster) != n:
		return fmt.Errorf("layout: Options.Cluster has %d labels for %d nodes", len(o.Cluster), n)
	case len(diameter) != n:
		return fmt.Errorf("layout: %d diameters for %d nodes", len(diameter), n)
	}
	for v, d := range diameter {
		if math.IsNaN(d) || math.IsInf(d, 0) || d < 0 {
			return fmt.Errorf("layout: node %d's diameter is %v, want a finite number, 0 or more", v, d)
		}
	}
	return nil
}
