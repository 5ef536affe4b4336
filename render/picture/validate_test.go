package picture

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"coauthor/graph"
)

func TestOptionsValidate(t *testing.T) {
	g := small() // 7 nodes
	for _, tt := range []struct {
		name  string
		opt   Options
		field string // "" when valid
	}{
		{"zero", Options{}, ""},
		{"small", smallOptions(), ""},
		{"ego and sizes", Options{Layout: "neato", Width: 800, DPI: 150, HasEgo: true, Ego: 6, Size: []float64{1, 2, 3, 4, 5, 6, math.NaN()}}, ""},
		{"layout", Options{Layout: "spring"}, "Layout"},
		{"width", Options{Width: -1}, "Width"},
		{"dpi NaN", Options{DPI: math.NaN()}, "DPI"},
		{"dpi -1", Options{DPI: -1}, "DPI"},
		{"ego -1", Options{HasEgo: true, Ego: -1}, "Ego"},
		{"ego outside", Options{HasEgo: true, Ego: 7}, "Ego"},
		{"cluster -1", Options{Cluster: []int32{0, 0, 0, 1, 1, 1, -1}}, "Cluster"},
		{"cluster short", Options{Cluster: []int32{0}}, "Cluster"},
		{"size Inf", Options{Size: []float64{1, 1, 1, 1, 1, 1, math.Inf(1)}}, "Size"},
		{"size -1", Options{Size: []float64{1, 1, 1, 1, 1, 1, -1}}, "Size"},
		{"size short", Options{Size: []float64{1}}, "Size"},
		{"total degree short", Options{TotalDegree: []int{1}}, "TotalDegree"},
		{"total papers short", Options{TotalPapers: []int{1}}, "TotalPapers"},
		{"positions", Options{Positions: make([][2]float64, 7)}, ""},
		{"positions short", Options{Positions: make([][2]float64, 2)}, "Positions"},
	} {
		err := tt.opt.check(g)
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%s: %v, want nil", tt.name, err)
		case tt.field != "" && (err == nil || !strings.Contains(err.Error(), tt.field)):
			t.Errorf("%s: %v, want an error naming %s", tt.name, err, tt.field)
		}
		if _, nerr := New(context.Background(), g, tt.opt); (nerr == nil) != (err == nil) {
			t.Errorf("%s: New's error %v, check's %v", tt.name, nerr, err)
		}
	}
	pos := make([][2]float64, 7)
	pos[3][1] = math.Inf(-1)
	if err := (Options{Positions: pos}).Validate(); err == nil || !strings.Contains(err.Error(), "Positions") {
		t.Errorf("an infinite position: %v", err)
	}
}

// The zero Options ring no one: node 0 is not the ego.
func TestZeroOptionsNoEgo(t *testing.T) {
	g := small()
	p, err := New(context.Background(), g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := p.Scene()
	for _, n := range s.Nodes {
		if n.Ego {
			t.Errorf("node %d ringed as the ego by the zero Options", n.Node)
		}
	}
	for _, line := range p.headerLines() {
		if strings.Contains(line.Text, "Ringed") {
			t.Errorf("legend names an ego: %q", line.Text)
		}
	}
	opt := Options{HasEgo: true, Ego: 0}
	if p, err = New(context.Background(), g, opt); err != nil {
		t.Fatal(err)
	}
	ringed := 0
	for _, n := range p.Scene().Nodes {
		if n.Ego {
			ringed++
		}
	}
	if ringed != 1 {
		t.Errorf("HasEgo with Ego 0: %d nodes ringed, want 1", ringed)
	}
}

// Of keeps each cluster's number in the whole graph, and the legend
// lists only the clusters drawn, by those numbers.
func TestOfKeepsClusterNumbers(t *testing.T) {
	g := small()
	labels := []int32{0, 0, 0, 1, 1, 1, 2} // of the whole graph
	keep := []int32{3, 4, 6}               // cluster 0 filtered out
	sub := graph.Induced(g, keep, 0)
	opt := Of(sub, keep, "t", "papers", []float64{2, 2, 2, 2, 1, 1, 1}, labels, "leiden")
	if want := []int32{1, 1, 2}; !slices.Equal(opt.Cluster, want) {
		t.Errorf("Cluster %v, want %v", opt.Cluster, want)
	}
	if want := []int{0, 2, 1}; !slices.Equal(opt.ClusterSizes, want) {
		t.Errorf("ClusterSizes %v, want %v", opt.ClusterSizes, want)
	}
	p, err := New(context.Background(), sub, opt)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, l := range p.legendEntries() {
		texts = append(texts, l.text)
	}
	if want := []string{"cluster 2: Mary Somerville (2)", "cluster 3: Solo (1)"}; !slices.Equal(texts, want) {
		t.Errorf("legend %q, want %q", texts, want)
	}
}
