package graph_test

import (
	"context"
	"math"
	"runtime"
	"slices"
	"testing"

	. "coauthor/graph"
)

// maxError returns the largest |got − want| over the nodes and its node.
func maxError(got, want []float64) (float64, int) {
	worst, at := 0.0, -1
	for v := range want {
		if e := math.Abs(got[v] - want[v]); e > worst || at < 0 {
			worst, at = e, v
		}
	}
	return worst, at
}

// Every node's estimate is within ε of exact betweenness, for each seed
// tried (the guarantee is per run, with probability 1−δ = 0.9; a failing
// seed would be a bug or a wrong constant, not bad luck, at these odds
// for several seeds in a row).
func TestBetweennessApproxWithinEpsilon(t *testing.T) {
	const eps, delta = 0.01, 0.1
	cases := []struct {
		name     string
		weighted bool
		seeds    int
	}{{"ca-GrQc.txt", false, 5}, {"karate.txt", true, 5}, {"lesmis.gml", true, 5}, {"lesmis.gml", false, 3}}
	for _, c := range cases {
		if testing.Short() && c.name == "ca-GrQc.txt" {
			continue
		}
		g := loadNetwork(t, c.name)
		exact := mustBetweenness(t, g, BetweennessOptions{Weighted: c.weighted}).BC
		for seed := range uint64(c.seeds) {
			r := mustBetweenness(t, g, BetweennessOptions{Weighted: c.weighted, Epsilon: eps, Delta: delta, Seed: seed})
			if want := ApproxSampleSize(g.N(), r.VertexDiameter, eps, delta); r.Samples != want || r.Samples == 0 {
				t.Errorf("%s: %d samples, want %d", c.name, r.Samples, want)
			}
			worst, at := maxError(r.BC, exact)
			t.Logf("%s weighted=%v seed %d: VD ≤ %d, %d samples, max error %.5f (node %d: %.5f vs %.5f)",
				c.name, c.weighted, seed, r.VertexDiameter, r.Samples, worst, at, r.BC[at], exact[at])
			if worst > eps {
				t.Errorf("%s weighted=%v seed %d: error %.5f > ε = %v at node %d (%.5f vs exact %.5f)",
					c.name, c.weighted, seed, worst, eps, at, r.BC[at], exact[at])
			}
		}
	}
}

// The vertex-diameter bound is at least the true diameter + 1 (ca-GrQc's
// diameter is 17, networkx) and the sample size follows the formula.
func TestBetweennessApproxSampleSize(t *testing.T) {
	g := loadNetwork(t, "ca-GrQc.txt")
	r := mustBetweenness(t, g, BetweennessOptions{Epsilon: 0.05, Delta: 0.1})
	if r.VertexDiameter < 18 || r.VertexDiameter > 35 {
		t.Errorf("VD bound %d, want within [18, 35]", r.VertexDiameter)
	}
	// ε' = 0.05·5240/5242; ⌊log2(VD−2)⌋ = 4 for VD in [18, 33].
	eps := 0.05 * 5240 / 5242
	if want := int(math.Ceil(0.5 / (eps * eps) * (4 + 1 + math.Log(10)))); r.VertexDiameter <= 33 && r.Samples != want {
		t.Errorf("%d samples, want %d", r.Samples, want)
	}
	// Exact and Samples keep their behaviour and report the searches.
	if r := mustBetweenness(t, g, BetweennessOptions{Samples: 100}); r.Samples != 100 || r.StdErr == nil {
		t.Errorf("Samples: %d searches, stderr %v", r.Samples, r.StdErr != nil)
	}
}

// One seed gives one estimate whatever the number of cores.
func TestBetweennessApproxDeterministic(t *testing.T) {
	g := loadNetwork(t, "netscience.gml")
	for _, weighted := range []bool{false, true} {
		opt := BetweennessOptions{Weighted: weighted, Epsilon: 0.02, Seed: 3}
		a := mustBetweenness(t, g, opt).BC
		prev := runtime.GOMAXPROCS(1)
		b := mustBetweenness(t, g, opt).BC
		runtime.GOMAXPROCS(prev)
		if !slices.Equal(a, b) {
			t.Errorf("weighted=%v: estimates differ with the number of cores", weighted)
		}
	}
	// Graphs too small or without inner nodes give zeros.
	e := func(u, v int32) Edge { return Edge{U: u, V: v, Weight: 1} }
	tri := mustEdges(make([]Node, 3), []Edge{e(0, 1), e(1, 2), e(0, 2)})
	if r := mustBetweenness(t, tri, BetweennessOptions{Epsilon: 0.01}); slices.Max(r.BC) != 0 {
		t.Errorf("triangle: %v, %d samples", r.BC, r.Samples)
	}
}

// Paths are drawn uniformly among the shortest ones: x's shortest paths
// from s come through a once and through b twice (via p1 and p2), so
// drawing where the two searches meet, or a node's predecessor,
// uniformly rather than in proportion to path counts would credit a and
// q with too much (a uniform meeting node fails this test).
func TestBetweennessApproxUniformPaths(t *testing.T) {
	const s, q, a, p1, p2, b, x, t1, t2 = 0, 1, 2, 3, 4, 5, 6, 7, 8
	e := func(u, v int32) Edge { return Edge{U: u, V: v, Weight: 1} }
	g := mustEdges(make([]Node, 9), []Edge{e(s, q), e(q, a), e(a, x), e(s, p1), e(s, p2), e(p1, b), e(p2, b), e(b, x), e(x, t1), e(t1, t2)})
	exact := mustBetweenness(t, g, BetweennessOptions{}).BC
	const eps = 0.005
	for seed := range uint64(3) {
		r := mustBetweenness(t, g, BetweennessOptions{Epsilon: eps, Seed: seed})
		worst, at := maxError(r.BC, exact)
		t.Logf("seed %d: max error %.5f at node %d (%.5f vs exact %.5f)", seed, worst, at, r.BC[at], exact[at])
		if worst > eps {
			t.Errorf("seed %d: error %.5f > ε = %v at node %d (%.5f vs exact %.5f)", seed, worst, eps, at, r.BC[at], exact[at])
		}
	}
}

// mustBetweenness is Betweenness of options a test knows to be valid.
func mustBetweenness(t testing.TB, g *Graph, opt BetweennessOptions) BetweennessResult {
	t.Helper()
	r, err := Betweenness(context.Background(), g, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// mustEdges is FromEdges of a test's own valid edges.
func mustEdges(nodes []Node, edges []Edge) *Graph {
	g, err := FromEdges(nodes, edges)
	if err != nil {
		panic(err)
	}
	return g
}
