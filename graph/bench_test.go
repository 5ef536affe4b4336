package graph

import "testing"

// Benchmarks on ca-GrQc (5,242 nodes, 14,484 edges); bench/compare.sh runs
// igraph on the same graph for the ratio.
func BenchmarkMeasures(b *testing.B) {
	g := loadNetwork(b, "ca-GrQc.txt")
	cases := []struct {
		name string
		f    func()
	}{
		{"betweenness", func() { Betweenness(g, BetweennessOptions{}) }},
		{"betweenness_weighted", func() { Betweenness(g, BetweennessOptions{Weighted: true}) }},
		{"closeness", func() { Reachability(g).Closeness() }},
		{"pagerank", func() { PageRank(g, 0.85, IterOptions{Tol: 1e-6}) }},
		{"eigenvector", func() { Eigenvector(g, IterOptions{Tol: 1e-6}) }},
		{"core", func() { CoreNumber(g) }},
		{"clustering", func() { Clustering(g) }},
		{"louvain", func() { Louvain(g, CommunityOptions{Seed: 1}) }},
		{"leiden", func() { Leiden(g, CommunityOptions{Seed: 1}) }},
		{"leiden_1start", func() { Leiden(g, CommunityOptions{Seed: 1, Starts: 1}) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				c.f()
			}
		})
	}
}
