package graph

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// plainBrandes is Brandes' algorithm from every node of g without
// compression: the sums exactBetweenness must reproduce.
func plainBrandes(g *Graph, weighted bool) []float64 {
	n := g.N()
	var dist []float64
	if weighted {
		dist = g.distances()
	}
	b := newBrandes(n)
	sum := make([]float64, n)
	for s := range n {
		if weighted {
			b.dijkstra(g, dist, s)
		} else {
			b.bfs(g, s)
		}
		b.accumulate(g, dist, s, sum, nil)
	}
	return sum
}

// TestTwinQuotientBetweenness compares betweenness on the twin quotient
// with plain Brandes on random co-authorship graphs full of twins
// (authors of one paper), pendants (of a two-author paper) and repeated
// papers (unequal weights between otherwise twin authors), with and
// without weights, under every counting of the builder.
func TestTwinQuotientBetweenness(t *testing.T) {
	for seed := range uint64(30) {
		for _, counting := range []Counting{Full, Fractional} {
			rng := rand.New(rand.NewPCG(seed, 7))
			n := 20 + rng.IntN(60)
			b := NewBuilder(make([]string, n), BuildOptions{Counting: counting})
			for range n / 2 {
				k := 1 + rng.IntN(5)
				authors := make([]int32, k)
				for i := range authors {
					authors[i] = int32(rng.IntN(n))
				}
				b.AddPaper(authors, 0)
				if rng.IntN(4) == 0 {
					b.AddPaper(authors[:1+rng.IntN(k)], 0) // a repeat: heavier edges
				}
			}
			g, err := b.Build()
			if err != nil {
				t.Fatal(err)
			}
			for _, weighted := range []bool{false, true} {
				name := fmt.Sprintf("seed %d counting %v weighted %v", seed, counting, weighted)
				want := plainBrandes(g, weighted)
				got, err := exactBetweenness(context.Background(), g, weighted)
				if err != nil {
					t.Fatal(err)
				}
				q := twinQuotient(g, weighted)
				for v := range want {
					if math.Abs(got[v]-want[v]) > 1e-9*math.Max(1, math.Abs(want[v])) {
						t.Errorf("%s: node %d: %g, plain Brandes %g (%d nodes, %d classes)", name, v, got[v], want[v], n, len(q.size))
						break
					}
				}
			}
		}
	}
}

// TestTwinQuotientClasses checks the classes of a small graph: a paper of
// authors 0, 1, 2, then 2 with 3, so that {0, 1} and {3} are pendant
// classes of {2}, searched from 2 for 4 sources; and papers 4, 5, 6 and
// 4, 5: one class without weights, while with weights 6 is not a twin of
// 4 (its weight to 5 is 1, 4's is 2), and 4 and 5 are (weight 1 to 6).
func TestTwinQuotientClasses(t *testing.T) {
	b := NewBuilder(make([]string, 7), BuildOptions{})
	b.AddPaper([]int32{0, 1, 2}, 0)
	b.AddPaper([]int32{2, 3}, 0)
	b.AddPaper([]int32{4, 5, 6}, 0)
	b.AddPaper([]int32{4, 5}, 0)
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		weighted bool
		want     string
	}{
		{false, "[0 0 1 2 3 3 3] weight [0 4 0 3]"},
		{true, "[0 0 1 2 3 3 4] weight [2 1 1 2 1]"},
	} {
		q := twinQuotient(g, c.weighted)
		if got := fmt.Sprint(q.class, " weight ", q.weight); got != c.want {
			t.Errorf("weighted %v: classes %s, want %s", c.weighted, got, c.want)
		}
	}
}
