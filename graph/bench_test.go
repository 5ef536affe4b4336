package graph_test

import (
	"context"
	"os"
	"runtime"
	"testing"

	. "coauthor/graph"
	"coauthor/graph/community"
	"coauthor/graph/formats/edgelist"
)

// BenchmarkMeasures times each measure on ca-GrQc (5,242 nodes, 14,484
// edges), or on the edge list named by $COAUTHOR_BENCH_GRAPH;
// bench/compare.sh runs igraph on the same graph for the ratio.
func BenchmarkMeasures(b *testing.B) {
	var g *Graph
	if path := os.Getenv("COAUTHOR_BENCH_GRAPH"); path != "" {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		g, err = edgelist.Read(f, path)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	} else {
		g = loadNetwork(b, "ca-GrQc.txt")
	}
	var labels []int32
	var samples int
	cases := []struct {
		name string
		f    func()
	}{
		{"betweenness", func() { Betweenness(context.Background(), g, BetweennessOptions{}) }},
		{"betweenness_weighted", func() { Betweenness(context.Background(), g, BetweennessOptions{Weighted: true}) }},
		{"betweenness_approx", func() {
			samples = mustBetweenness(b, g, BetweennessOptions{Epsilon: 0.01, Delta: 0.1, Seed: 1}).Samples
		}},
		{"closeness", func() { r, _ := Reachability(context.Background(), g); r.Closeness() }},
		{"pagerank", func() { PageRank(g, 0.85, IterOptions{Tol: 1e-6}) }},
		{"eigenvector", func() { Eigenvector(g, IterOptions{Tol: 1e-6}) }},
		{"core", func() { CoreNumber(g) }},
		{"clustering", func() { Clustering(context.Background(), g, 1) }},
		{"louvain", func() { labels, _ = community.Louvain(context.Background(), g, community.Options{Seed: 1}) }},
		// Default options: the row compared with igraph's Leiden.
		{"leiden", func() { labels, _ = community.Leiden(context.Background(), g, community.Options{Seed: 1}) }},
		// Passes until one gains little, as igraph's n_iterations=-1.
		{"leiden_stable", func() {
			labels, _ = community.Leiden(context.Background(), g, community.Options{Seed: 1, Iterations: -1})
		}},
		{"leiden_4starts", func() { labels, _ = community.Leiden(context.Background(), g, community.Options{Seed: 1, Starts: 4}) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			labels, samples = nil, 0
			for b.Loop() {
				c.f()
			}
			if labels != nil {
				b.ReportMetric(community.Modularity(g, labels, 1), "modularity")
			}
			if c.name == "leiden" {
				b.ReportMetric(float64(community.Starts(community.Options{}, g.N())), "starts")
			}
			if samples > 0 {
				b.ReportMetric(float64(samples), "samples")
			}
		})
	}
}

// BenchmarkCosts measures, on one core, the time of an edge visit of each
// all-sources search on ca-GrQc (a breadth-first search from every node,
// Brandes' betweenness, weighted betweenness by Dijkstra's search), in ns
// per n·(2m+n) visits, and of a step of the exact triangle count (ns per
// TriangleWork step) on ca-GrQc and on a clique of 1,500 nodes: the
// numbers behind CostBFS, CostBetweenness, CostDijkstra and
// TriangleBudget (graph/budget.go, graph/wedges.go).
func BenchmarkCosts(b *testing.B) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	g := loadNetwork(b, "ca-GrQc.txt")
	visits := float64(g.N()) * float64(2*g.M()+g.N())
	clique := NewBuilder(make([]string, 1500), BuildOptions{})
	all := make([]int32, 1500)
	for i := range all {
		all[i] = int32(i)
	}
	clique.AddPaper(all, 0)
	k, err := clique.Build()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		steps float64
		f     func()
	}{
		{"bfs", visits, func() { Reachability(context.Background(), g) }},
		{"betweenness", visits, func() { Betweenness(context.Background(), g, BetweennessOptions{}) }},
		{"dijkstra", visits, func() { Betweenness(context.Background(), g, BetweennessOptions{Weighted: true}) }},
		{"triangles", TriangleWork(g), func() { Triangles(g) }},
		{"triangles_clique", TriangleWork(k), func() { Triangles(k) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				c.f()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/c.steps, "ns/step")
		})
	}
}
