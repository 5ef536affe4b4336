package graph_test

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"

	. "coauthor/graph"
	"coauthor/graph/internal/testnet"
)

// Exact or estimated is decided by the work, nodes × edges, not by the
// node count: a 48,000-author graph with 1.6 million edges (the
// 100,000-paper synthetic corpus) is sampled, a 40,000-author graph with
// 2,000 edges is not.
func TestSourcesByWork(t *testing.T) {
	for _, tt := range []struct {
		n, m      int
		cost      float64
		estimated bool
	}{
		{34, 78, CostDijkstra, false},
		{40_000, 2_000, CostBFS, false},      // many authors, little work: exact
		{20_000, 3_000_000, CostBFS, true},   // fewer authors, much work: estimated
		{5_242, 14_484, CostDijkstra, false}, // ca-GrQc's weighted betweenness: 3.6 CPU-s
		{47_929, 1_594_881, CostBFS, true},
		{47_929, 1_594_881, CostDijkstra, true},
		{3_600_000, 20_000_000, CostBFS, true},
	} {
		k, est := Sources(tt.n, tt.m, tt.cost)
		if est != tt.estimated || est && (k < MinSources || k >= tt.n || float64(k)*tt.cost*float64(2*tt.m+tt.n) > WorkBudget && k > MinSources) {
			t.Errorf("Sources(%d, %d, %v) = %d, %v", tt.n, tt.m, tt.cost, k, est)
		}
	}
}

// Closeness and harmonic centrality estimated from sampled sources are
// within a few standard errors of the exact values, in the largest
// component (small ones may be reached by no sampled source).
func TestSampleReachability(t *testing.T) {
	g := testnet.Load(t, "ca-GrQc.txt")
	inLargest := make([]bool, g.N())
	for _, v := range Components(g)[0] {
		inLargest[v] = true
	}
	exact, _ := Reachability(context.Background(), g)
	closeness := exact.Closeness()
	est, err := SampleReachability(context.Background(), g, 500, 1)
	if err != nil {
		t.Fatal(err)
	}
	var bad, n int
	for v := range g.N() {
		if !inLargest[v] {
			continue
		}
		n++
		zc := math.Abs(est.Closeness[v]-closeness[v]) / math.Max(est.ClosenessErr[v], 1e-9)
		zh := math.Abs(est.Harmonic[v]-exact.Harmonic[v]) / math.Max(est.HarmonicErr[v], 1e-9)
		if zc > 4 || zh > 4 {
			bad++
		}
	}
	if bad > n/100 {
		t.Errorf("%d of %d estimates more than 4 standard errors off", bad, n)
	}
}

// The long loops stop soon after their context ends.
func TestCanceled(t *testing.T) {
	g := testnet.Load(t, "ca-GrQc.txt")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if _, err := Reachability(ctx, g); err == nil {
		t.Error("Reachability finished a canceled search")
	}
	if _, err := SampleReachability(ctx, g, 1000, 1); err == nil {
		t.Error("SampleReachability finished a canceled search")
	}
	if _, err := Summarize(ctx, g, SummaryOptions{}); err == nil {
		t.Error("Summarize finished")
	}
	if _, err := PageRank(g, 0.85, IterOptions{Context: ctx}); err == nil {
		t.Error("PageRank finished")
	}
	if _, err := Eigenvector(g, IterOptions{Context: ctx}); err == nil {
		t.Error("Eigenvector finished")
	}
	// The work is asserted above (each call ends with an error); the
	// time is logged, not asserted.
	t.Logf("every canceled call returned in %v", time.Since(start))
}

// Every long computation returns the context's error, and no result,
// when its context has ended.
func TestCanceledComputations(t *testing.T) {
	g := testnet.Load(t, "ca-GrQc.txt")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, opt := range []BetweennessOptions{{}, {Weighted: true}, {Samples: 100}, {Epsilon: 0.05}} {
		if r, err := Betweenness(ctx, g, opt); !errors.Is(err, context.Canceled) || r.BC != nil {
			t.Errorf("Betweenness(%+v): %v, %d values", opt, err, len(r.BC))
		}
	}
	if _, _, err := Clustering(ctx, g, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("Clustering: %v", err)
	}
	if _, err := EstimateClustering(ctx, g, 1000, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("EstimateClustering: %v", err)
	}
}

// ca-GrQc's weighted betweenness is computed exactly: 5,242 searches by
// Dijkstra's, 3.6 CPU-s, well within the budget.
func TestSourcesCaGrQc(t *testing.T) {
	g := testnet.Load(t, "ca-GrQc.txt")
	for _, cost := range []float64{CostBFS, CostBetweenness, CostDijkstra} {
		if k, est := Sources(g.N(), g.M(), cost); est || k != g.N() {
			t.Errorf("cost %v: %d sources, estimated %v", cost, k, est)
		}
	}
}
