package graph_test

import (
	"context"
	"fmt"
	"math"
	"testing"

	. "coauthor/graph"
	"coauthor/graph/internal/testnet"
)

// Wedge sampling estimates ca-GrQc's transitivity and average clustering
// within 3 standard errors of the exact figures, and each node's
// clustering within 3 of its own (nodes with up to NodeWedges wedges
// exactly, with a zero standard error).
func TestEstimateClustering(t *testing.T) {
	g := testnet.Load(t, "ca-GrQc.txt")
	exact, err := Summarize(context.Background(), g, SummaryOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if exact.ClusteringEstimated {
		t.Fatalf("ca-GrQc's triangles (%.3g steps) estimated", TriangleWork(g))
	}
	for _, seed := range []uint64{1, 2, 3} {
		e, err := EstimateClustering(context.Background(), g, 200_000, seed)
		if err != nil {
			t.Fatal(err)
		}
		if e.Samples != 200_000 {
			t.Errorf("%d samples", e.Samples)
		}
		for _, f := range []struct {
			name              string
			got, stderr, want float64
		}{
			{"transitivity", e.Transitivity, e.TransitivityErr, exact.Transitivity},
			{"average clustering", e.AverageClustering, e.AverageClusteringErr, exact.AverageClustering},
		} {
			if f.stderr <= 0 || math.Abs(f.got-f.want) > 3*f.stderr {
				t.Errorf("seed %d: %s %.5f ± %.5f, exact %.5f", seed, f.name, f.got, f.stderr, f.want)
			}
			t.Logf("seed %d: %s %.5f ± %.5f, exact %.5f", seed, f.name, f.got, f.stderr, f.want)
		}
	}

	want, _, err := Clustering(context.Background(), g, 1)
	if err != nil {
		t.Fatal(err)
	}
	got, stderr, err := ClusteringWithin(context.Background(), g, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	var sampled, off int
	for v := range want {
		d := g.Degree(int32(v))
		if d*(d-1)/2 <= NodeWedges {
			if got[v] != want[v] || stderr[v] != 0 {
				t.Errorf("node %d (%d wedges): %g ± %g, exact %g", v, d*(d-1)/2, got[v], stderr[v], want[v])
			}
			continue
		}
		sampled++
		if math.Abs(got[v]-want[v]) > 3*stderr[v]+1e-12 {
			off++
		}
	}
	// About 0.3% of normal draws fall beyond 3 standard errors.
	if sampled == 0 || off > max(1, sampled/50) {
		t.Errorf("%d of %d sampled nodes more than 3 standard errors off", off, sampled)
	}
	t.Logf("%d nodes sampled, %d beyond 3 standard errors", sampled, off)
}

// A clique's clustering is 1 however it is computed; over the budget the
// figures are estimated and say so.
func TestClusteringOverBudget(t *testing.T) {
	names := make([]string, 200)
	for i := range names {
		names[i] = fmt.Sprintf("n%03d", i)
	}
	b := NewBuilder(names, BuildOptions{})
	all := make([]int32, 200)
	for i := range all {
		all[i] = int32(i)
	}
	b.AddPaper(all, 0)
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	c, stderr, err := ClusteringWithin(context.Background(), g, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	for v := range c {
		if c[v] != 1 || stderr[v] > 0.001 {
			t.Fatalf("node %d: %g ± %g", v, c[v], stderr[v])
		}
	}
	// Oriented by rank, node i has 199−i out-neighbours; each edge i→j
	// costs |out(i)| + |out(j)|.
	want := 0.0
	for i := range 200 {
		for j := i + 1; j < 200; j++ {
			want += float64(199-i) + float64(199-j)
		}
	}
	if w := TriangleWork(g); w != want {
		t.Errorf("TriangleWork %g, want %g", w, want)
	}
}
