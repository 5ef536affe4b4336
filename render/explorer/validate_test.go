package explorer

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
	for _, tt := range []struct {
		name  string
		opt   Options
		field string // "" when valid
	}{
		{"zero", Options{}, ""},
		{"all set", Options{Title: "t", SizeBy: "degree", Size: []float64{1, 2, math.NaN()}, Cluster: []int32{0, 0, 1}, ClusterNames: []string{"a", "b"},
			Measures: []string{"degree"}, MeasureValues: [][]float64{{1, 1, 0}}, Positions: make([][2]float64, 3), Seed: 2}, ""},
		{"size -1", Options{Size: []float64{1, -1, 1}}, "Size"},
		{"size Inf", Options{Size: []float64{1, math.Inf(1), 1}}, "Size"},
		{"size short", Options{Size: []float64{1}}, "Size"},
		{"cluster -1", Options{Cluster: []int32{0, -1, 0}}, "Cluster"},
		{"cluster short", Options{Cluster: []int32{0}}, "Cluster"},
		{"measures without values", Options{Measures: []string{"degree"}}, "MeasureValues"},
		{"measure values short", Options{Measures: []string{"degree"}, MeasureValues: [][]float64{{1}}}, "MeasureValues"},
		{"later without compute", Options{Later: []string{"betweenness"}}, "Compute"},
		{"measure twice", Options{Measures: []string{"degree"}, MeasureValues: [][]float64{{1, 1, 0}}, Later: []string{"degree"},
			Compute: func(context.Context, string) ([]float64, error) { return nil, nil }}, "twice"},
		{"position NaN", Options{Positions: [][2]float64{{0, 0}, {math.NaN(), 0}, {0, 0}}}, "Positions"},
		{"positions short", Options{Positions: make([][2]float64, 1)}, "Positions"},
	} {
		err := tt.opt.check(g)
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%s: %v, want nil", tt.name, err)
		case tt.field != "" && (err == nil || !strings.Contains(err.Error(), tt.field)):
			t.Errorf("%s: %v, want an error naming %s", tt.name, err, tt.field)
		}
		if _, nerr := New(context.Background(), NewNetwork(g, nil, nil), tt.opt); (nerr == nil) != (err == nil) {
			t.Errorf("%s: New's error %v, check's %v", tt.name, nerr, err)
		}
	}
}

// The zero Query selects the whole map: no neighbourhood of node 0.
func TestZeroQueryIsAll(t *testing.T) {
	if !(Query{}).IsAll() || (Query{HasEgo: true}).IsAll() {
		t.Error("the zero Query does not select everything, or HasEgo does")
	}
}
