package graph

import (
	"context"
	"math"
)

// WorkBudget is the number of edge visits an all-sources computation
// (closeness, betweenness, the path figures of Summarize) may make before
// it is estimated from sampled sources instead: 8·10^10 breadth-first
// edge visits, about a minute on two cores at 1.5 ns a visit (measured
// by BenchmarkCosts, below), so that only runs that would take longer
// are estimated. Weighted betweenness on ca-GrQc (5,242 authors, 14,484
// edges: 3.2·10^9 visits at CostDijkstra) is exact, the synthetic
// 100,000-paper corpus (48,000 authors, 1.6 million edges: 1.6·10^11
// breadth-first visits) sampled.
const WorkBudget = 8e10

// MinSources is the fewest sources a sampled estimate uses.
const MinSources = 50

// Sources decides exact or estimated by the work: it returns how many
// source nodes a search from every node of a graph with n nodes and m
// edges may start from, each search visiting every edge from both ends
// (cost times; Dijkstra's costs more per edge than a breadth-first
// search), and whether that is fewer than n so that the result is an
// estimate. It is the one place the choice is made, so that another
// estimator (an ε-δ bound, say) can replace it.
func Sources(n, m int, cost float64) (k int, estimated bool) {
	return sourcesWithin(n, m, cost, WorkBudget)
}

// PathBudget is the work budget of Summarize's path figures, a tenth of
// WorkBudget (about 6 s on two cores): they are two numbers, whose
// estimate from a few hundred sources has a small standard error, and
// stats also counts triangles.
const PathBudget = WorkBudget / 10

// sourcesWithin is Sources with the given budget.
func sourcesWithin(n, m int, cost, budget float64) (k int, estimated bool) {
	perSource := cost * float64(2*m+n)
	if perSource <= 0 || float64(n)*perSource <= budget {
		return n, false
	}
	k = int(math.Max(MinSources, math.Floor(budget/perSource)))
	if k >= n {
		return n, false
	}
	return k, true
}

// Costs of an edge visit, relative to a breadth-first search's, as
// measured by BenchmarkCosts (graph/bench_test.go: go test -run X -bench
// Costs ./graph/) on one core of this project's machine (AMD EPYC, 2
// cores, 2026-12-07) on ca-GrQc: 1.5 ns a visit for a breadth-first
// search from every node, 3.4 ns for betweenness, 27 ns for weighted
// betweenness. (Before, on the 100,000-paper synthetic corpus: 19 ms a
// source for a breadth-first search, 57 ms for betweenness, 240 ms for
// weighted betweenness, ratios 1 : 3 : 12.)
const (
	CostBFS         = 1
	CostBetweenness = 2.2 // search and accumulation
	CostDijkstra    = 18  // heap operations
)

// Canceled reports whether ctx (nil: never) has ended; the long loops call
// it every so many iterations.
func canceled(ctx context.Context) bool { return ctx != nil && ctx.Err() != nil }
