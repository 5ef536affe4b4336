package measure

import (
	"math"
	"testing"

	"coauthor/graph/internal/testnet"
)

// With Epsilon, betweenness is estimated within ε of the exact value and
// the set reports the paths sampled; without, the searches (one per
// author).
func TestBetweennessEpsilon(t *testing.T) {
	g := testnet.Load(t, "lesmis.gml")
	exact, err := NewSet(g, Options{NoPapers: true})
	if err != nil {
		t.Fatal(err)
	}
	want, err := exact.Get("betweenness")
	if err != nil {
		t.Fatal(err)
	}
	if got := exact.Samples("betweenness"); got != g.N() {
		t.Errorf("exact: %d searches, want %d", got, g.N())
	}
	approx, err := NewSet(g, Options{NoPapers: true, Epsilon: 0.02, Delta: 0.1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	got, err := approx.Get("betweenness")
	if err != nil {
		t.Fatal(err)
	}
	if approx.Samples("betweenness") == 0 || approx.StdErr("betweenness") != nil {
		t.Errorf("approx: %d samples, stderr %v", approx.Samples("betweenness"), approx.StdErr("betweenness"))
	}
	for v := range want {
		if math.Abs(got[v]-want[v]) > 0.02 {
			t.Errorf("node %d: %.4f, exact %.4f", v, got[v], want[v])
		}
	}
}

// rank on ca-GrQc computes weighted betweenness exactly: the set searches
// from every author and reports no standard error.
func TestWeightedBetweennessExactOnCaGrQc(t *testing.T) {
	g := testnet.Load(t, "ca-GrQc.txt")
	if k, est := Sources(g, "betweenness_weighted", Options{}); est || k != g.N() {
		t.Errorf("Sources: %d of %d, estimated %v", k, g.N(), est)
	}
	if testing.Short() {
		return
	}
	set, err := NewSet(g, Options{NoPapers: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := set.Get("betweenness_weighted"); err != nil {
		t.Fatal(err)
	}
	if n := set.Samples("betweenness_weighted"); n != g.N() || set.StdErr("betweenness_weighted") != nil || set.Note("betweenness_weighted") != "" {
		t.Errorf("%d searches, note %q", n, set.Note("betweenness_weighted"))
	}
}
