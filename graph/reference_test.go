package graph_test

import (
	"context"
	"math"
	"testing"

	. "coauthor/graph"
	"coauthor/graph/internal/testnet"
)

type reference = testnet.Reference

var (
	referenceNetworks = testnet.Networks
	loadNetwork       = testnet.Load
	loadReference     = testnet.LoadReference
)

// compare checks got (indexed by node id of g) against networkx's column.
// Exact measures must agree to rel relative error; iterative ones are
// compared relative to the largest value, since values that tend to 0
// (eigenvector centrality outside the main component) have no meaningful
// relative error.
func compare(t *testing.T, g *Graph, ref *reference, column string, got []float64, rel float64, scaled bool) {
	t.Helper()
	want := ref.Columns[column]
	if len(want) != g.N() {
		t.Fatalf("%s: %d reference values for %d nodes", column, len(want), g.N())
	}
	scale := 0.0
	for _, w := range want {
		scale = max(scale, math.Abs(w))
	}
	bad := 0
	for v := range int32(g.N()) {
		if g.Node(v).Name != ref.Names[v] {
			t.Fatalf("node %d is %q, networkx's is %q", v, g.Node(v).Name, ref.Names[v])
		}
		w := want[v]
		tol := rel * math.Abs(w)
		if scaled {
			tol = rel * scale
		}
		if math.Abs(got[v]-w) > tol+1e-300 {
			if bad++; bad <= 5 {
				t.Errorf("%s(%s) = %.17g, networkx %.17g", column, ref.Names[v], got[v], w)
			}
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d of %d nodes differ", column, bad, g.N())
	}
}

func ints[T int | int32 | int64](xs []T) []float64 {
	f := make([]float64, len(xs))
	for i, x := range xs {
		f[i] = float64(x)
	}
	return f
}

func TestAgainstNetworkx(t *testing.T) {
	for _, name := range referenceNetworks {
		t.Run(name, func(t *testing.T) {
			if testing.Short() && name == "ca-GrQc.txt" {
				t.Skip("short mode")
			}
			g := loadNetwork(t, name)
			ref := loadReference(t, name)
			if g.N() != ref.Nodes || g.M() != ref.Edges {
				t.Fatalf("N, M = %d, %d; networkx %d, %d", g.N(), g.M(), ref.Nodes, ref.Edges)
			}
			deg := make([]float64, g.N())
			str := make([]float64, g.N())
			for v := range deg {
				deg[v], str[v] = float64(g.Degree(int32(v))), g.Strength(int32(v))
			}
			compare(t, g, ref, "degree", deg, 0, false)
			compare(t, g, ref, "strength", str, 1e-12, false)
			bc := mustBetweenness(t, g, BetweennessOptions{}).BC
			compare(t, g, ref, "betweenness", bc, 1e-9, false)
			bcw := mustBetweenness(t, g, BetweennessOptions{Weighted: true}).BC
			compare(t, g, ref, "betweenness_weighted", bcw, 1e-9, false)
			reach, _ := Reachability(context.Background(), g)
			compare(t, g, ref, "closeness", reach.Closeness(), 1e-9, false)
			compare(t, g, ref, "harmonic", reach.Harmonic, 1e-9, false)
			ev, err := Eigenvector(g, IterOptions{})
			if err != nil {
				t.Fatal(err)
			}
			compare(t, g, ref, "eigenvector", ev, 1e-6, true)
			pr, err := PageRank(g, 0.85, IterOptions{})
			if err != nil {
				t.Fatal(err)
			}
			compare(t, g, ref, "pagerank", pr, 1e-6, false)
			compare(t, g, ref, "core", ints(CoreNumber(g)), 0, false)
			cl, clErr, err := Clustering(context.Background(), g, 1)
			if err != nil || clErr != nil {
				t.Fatalf("clustering: %v, estimated %v", err, clErr != nil)
			}
			compare(t, g, ref, "clustering", cl, 1e-9, false)

			s, _ := Summarize(context.Background(), g, SummaryOptions{Seed: 1})
			near := func(what string, got, want float64) {
				if math.Abs(got-want) > 1e-9*math.Abs(want) {
					t.Errorf("%s = %.17g, networkx %.17g", what, got, want)
				}
			}
			near("density", s.Density, ref.Density)
			near("transitivity", s.Transitivity, ref.Trans)
			near("average clustering", s.AverageClustering, ref.AvgClust)
			near("average shortest path", s.AveragePath, ref.AvgPath)
			if s.Diameter != ref.Diameter || len(s.ComponentSizes) != ref.Comps || s.ComponentSizes[0] != ref.Sizes[0] {
				t.Errorf("diameter %d, components %d (largest %d); networkx %d, %d (%d)",
					s.Diameter, len(s.ComponentSizes), s.ComponentSizes[0], ref.Diameter, ref.Comps, ref.Sizes[0])
			}
		})
	}
}
