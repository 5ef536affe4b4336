package layout

import (
	"context"
	"math"
	"strings"
	"testing"

	"coauthor/graph"
)

func TestOptionsValidate(t *testing.T) {
	g, err := graph.FromEdges(make([]graph.Node, 3), []graph.Edge{{U: 0, V: 1, Weight: 1}})
	if err != nil {
		t.Fatal(err)
	}
	diam := []float64{0.2, 0.2, 0.2}
	for _, tt := range []struct {
		name  string
		opt   Options
		diam  []float64
		field string // "" when valid
	}{
		{"zero", Options{}, diam, ""},
		{"clusters", Options{Seed: 4, Cluster: []int32{0, 0, 1}, Iterations: 10}, diam, ""},
		{"iterations -1", Options{Iterations: -1}, diam, "Iterations"},
		{"cluster -1", Options{Cluster: []int32{0, -1, 0}}, diam, "Cluster"},
		{"cluster short", Options{Cluster: []int32{0}}, diam, "Cluster"},
		{"diameters short", Options{}, diam[:2], "diameters"},
		{"diameter NaN", Options{}, []float64{0.2, math.NaN(), 0.2}, "diameter"},
	} {
		err := tt.opt.check(g, tt.diam)
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%s: %v, want nil", tt.name, err)
		case tt.field != "" && (err == nil || !strings.Contains(err.Error(), tt.field)):
			t.Errorf("%s: %v, want an error naming %s", tt.name, err, tt.field)
		}
		if _, lerr := Layout(context.Background(), g, tt.diam, tt.opt); (lerr == nil) != (err == nil) {
			t.Errorf("%s: Layout's error %v, check's %v", tt.name, lerr, err)
		}
	}
}
