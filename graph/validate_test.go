package graph

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
)

// Each options struct takes its zero value and the values documented,
// and refuses the others with an error naming the field.
func TestValidate(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, tt := range []struct {
		name  string
		err   error
		field string // "" when valid
	}{
		{"BuildOptions{}", BuildOptions{}.Validate(), ""},
		{"fractional, 2 GB", BuildOptions{Counting: Fractional, Mem: 2 << 30}.Validate(), ""},
		{"counting 7", BuildOptions{Counting: 7}.Validate(), "Counting"},
		{"mem -1", BuildOptions{Mem: -1}.Validate(), "Mem"},

		{"IterOptions{}", IterOptions{}.Validate(), ""},
		{"tol 1e-6", IterOptions{Tol: 1e-6, MaxIter: 100}.Validate(), ""},
		{"tol NaN", IterOptions{Tol: nan}.Validate(), "Tol"},
		{"tol Inf", IterOptions{Tol: inf}.Validate(), "Tol"},
		{"tol -1", IterOptions{Tol: -1}.Validate(), "Tol"},
		{"maxiter -1", IterOptions{MaxIter: -1}.Validate(), "MaxIter"},

		{"BetweennessOptions{}", BetweennessOptions{}.Validate(), ""},
		{"samples, epsilon, delta", BetweennessOptions{Samples: 10, Epsilon: 0.01, Delta: 0.05}.Validate(), ""},
		{"samples -1", BetweennessOptions{Samples: -1}.Validate(), "Samples"},
		{"epsilon 1", BetweennessOptions{Epsilon: 1}.Validate(), "Epsilon"},
		{"epsilon -0.1", BetweennessOptions{Epsilon: -0.1}.Validate(), "Epsilon"},
		{"epsilon NaN", BetweennessOptions{Epsilon: nan}.Validate(), "Epsilon"},
		{"delta 1", BetweennessOptions{Epsilon: 0.1, Delta: 1}.Validate(), "Delta"},
		{"delta -0.5", BetweennessOptions{Delta: -0.5}.Validate(), "Delta"},
		{"delta NaN", BetweennessOptions{Delta: nan}.Validate(), "Delta"},

		{"SummaryOptions{}", SummaryOptions{Seed: 3}.Validate(), ""},
		{"damping 0.85", checkDamping(0.85), ""},
		{"damping 1.5", checkDamping(1.5), "damping"},
		{"damping NaN", checkDamping(nan), "damping"},
	} {
		switch {
		case tt.field == "" && tt.err != nil:
			t.Errorf("%s: %v, want nil", tt.name, tt.err)
		case tt.field != "" && (tt.err == nil || !strings.Contains(tt.err.Error(), tt.field)):
			t.Errorf("%s: %v, want an error naming %s", tt.name, tt.err, tt.field)
		}
	}
}

// The functions that take options refuse invalid ones with an error,
// never a panic nor a result.
func TestInvalidOptionsRefused(t *testing.T) {
	b := NewBuilder([]string{"a", "b"}, BuildOptions{Mem: -1})
	b.AddPaper([]int32{0, 1}, 2000)
	if g, err := b.Build(); err == nil || g != nil {
		t.Errorf("Build with Mem -1: %v, %v", g, err)
	}
	g := mustBuild(smallBuilder(Full))
	if _, err := Betweenness(context.Background(), g, BetweennessOptions{Epsilon: math.NaN()}); err == nil {
		t.Error("Betweenness with a NaN epsilon: no error")
	}
	if _, err := PageRank(g, 0.85, IterOptions{Tol: math.NaN()}); err == nil {
		t.Error("PageRank with a NaN tolerance: no error")
	}
	if _, err := PageRank(g, -1, IterOptions{}); err == nil {
		t.Error("PageRank with damping -1: no error")
	}
	if _, err := Eigenvector(g, IterOptions{MaxIter: -5}); err == nil {
		t.Error("Eigenvector with MaxIter -5: no error")
	}
}

// FromEdges refuses a NaN, infinite or negative weight, an end that is
// not a node and a sum that overflows, with an error naming the edge; a
// weight of 0 is kept as an edge.
func TestFromEdgesRefusesBadWeights(t *testing.T) {
	nodes := make([]Node, 3)
	for _, tt := range []struct {
		name  string
		edges []Edge
		want  string // "" when valid
	}{
		{"NaN", []Edge{{U: 0, V: 1, Weight: 1}, {U: 1, V: 2, Weight: math.NaN()}}, "edge 1 (1–2)"},
		{"+Inf", []Edge{{U: 0, V: 1, Weight: math.Inf(1)}}, "edge 0 (0–1)"},
		{"-Inf", []Edge{{U: 0, V: 2, Weight: math.Inf(-1)}}, "edge 0 (0–2)"},
		{"negative", []Edge{{U: 2, V: 1, Weight: -0.5}}, "edge 0 (2–1)"},
		{"not a node", []Edge{{U: 0, V: 3, Weight: 1}}, "edge 0 (0–3)"},
		{"negative papers", []Edge{{U: 0, V: 1, Weight: 1, Papers: -1}}, "edge 0 (0–1)"},
		{"overflowing sum", []Edge{{U: 0, V: 1, Weight: math.MaxFloat64}, {U: 1, V: 0, Weight: math.MaxFloat64}}, "edge 0–1"},
		{"zero", []Edge{{U: 0, V: 1, Weight: 0}, {U: 1, V: 2, Weight: 2}}, ""},
	} {
		g, err := FromEdges(nodes, tt.edges)
		switch {
		case tt.want == "" && (err != nil || g.M() != 2):
			t.Errorf("%s: %v, want a graph of 2 edges", tt.name, err)
		case tt.want != "" && (err == nil || !errors.Is(err, ErrEdge) || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: %v, want ErrEdge naming %q", tt.name, err, tt.want)
		case tt.want != "" && g != nil:
			t.Errorf("%s: a graph beside the error", tt.name)
		}
	}
}
