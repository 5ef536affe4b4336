package community

import (
	"context"
	"math"
	"strings"
	"testing"

	"coauthor/graph"
)

func TestOptionsValidate(t *testing.T) {
	for _, tt := range []struct {
		opt   Options
		field string // "" when valid
	}{
		{Options{}, ""},
		{Options{Resolution: 0.5, Seed: 9, Starts: 1, Iterations: -1}, ""},
		{Options{Resolution: 2, Starts: MaxStarts}, ""},
		{Options{Resolution: -1}, "Resolution"},
		{Options{Resolution: math.NaN()}, "Resolution"},
		{Options{Resolution: math.Inf(1)}, "Resolution"},
		{Options{Starts: -1}, "Starts"},
		{Options{Starts: MaxStarts + 1}, "Starts"},
	} {
		err := tt.opt.Validate()
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%+v: %v, want nil", tt.opt, err)
		case tt.field != "" && (err == nil || !strings.Contains(err.Error(), tt.field)):
			t.Errorf("%+v: %v, want an error naming %s", tt.opt, err, tt.field)
		}
	}
}

// Leiden, Louvain and Find refuse a NaN or negative resolution with an
// error instead of a partition.
func TestInvalidOptionsRefused(t *testing.T) {
	g, err := graph.FromEdges(make([]graph.Node, 3), []graph.Edge{{U: 0, V: 1, Weight: 1}, {U: 1, V: 2, Weight: 1}})
	if err != nil {
		t.Fatal(err)
	}
	for _, opt := range []Options{{Resolution: math.NaN()}, {Resolution: -1}, {Starts: 1001}} {
		if labels, err := Leiden(context.Background(), g, opt); err == nil || labels != nil {
			t.Errorf("Leiden %+v: %v, %v", opt, labels, err)
		}
		if labels, err := Louvain(context.Background(), g, opt); err == nil || labels != nil {
			t.Errorf("Louvain %+v: %v, %v", opt, labels, err)
		}
		if _, err := Find(context.Background(), g, "components", opt); err == nil {
			t.Errorf("Find components %+v: no error", opt)
		}
	}
}
