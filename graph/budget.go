package graph

import (
	"context"
	"math"
)

// WorkBudget is the number of edge visits an all-sources computation
// (closeness, betweenness, the path figures of Summarize) may make before
// it is estimated from sampled sources instead: 2·10^9 breadth-first
// edge visits, about 10 s of one core (measured on the 100,000-paper
// synthetic corpus: 48,000 authors, 1.6 million edges), so that export's
// three such measures take well under a minute on two cores.
const WorkBudget = 2e9

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
	perSource := cost * float64(2*m+n)
	if perSource <= 0 || float64(n)*perSource <= WorkBudget {
		return n, false
	}
	k = int(math.Max(MinSources, math.Floor(WorkBudget/perSource)))
	if k >= n {
		return n, false
	}
	return k, true
}

// Costs of an edge visit, relative to a breadth-first search's, as
// measured on the 100,000-paper synthetic corpus (19 ms a source for a
// breadth-first search, 57 ms for betweenness, 240 ms for weighted
// betweenness).
const (
	CostBFS         = 1
	CostBetweenness = 3  // search and accumulation
	CostDijkstra    = 12 // heap operations
)

// Canceled reports whether ctx (nil: never) has ended; the long loops call
// it every so many iterations.
func canceled(ctx context.Context) bool { return ctx != nil && ctx.Err() != nil }
