package community

import (
	"os"
	"slices"
	"testing"

	"coauthor/graph/internal/testnet"
)

// BenchmarkLeiden times Leiden with default options and one start on
// ca-GrQc (or $COAUTHOR_BENCH_GRAPH).
func BenchmarkLeiden(b *testing.B) {
	name := "ca-GrQc.txt"
	if p := os.Getenv("COAUTHOR_BENCH_GRAPH"); p != "" {
		name = p
	}
	g := testnet.Load(b, name)
	for _, c := range []struct {
		name string
		opt  Options
	}{{"default", Options{Seed: 1}}, {"1start", Options{Seed: 1, Starts: 1}}} {
		b.Run(c.name, func(b *testing.B) {
			var labels []int32
			for b.Loop() {
				labels = Leiden(g, c.opt)
			}
			b.ReportMetric(Modularity(g, labels, 1), "modularity")
		})
	}
}

// TestLeidenSeedsProbe prints, for each reference network, the modularity
// per seed with one start against networkx's best (run with -v).
func TestLeidenSeedsProbe(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip("PROBE unset")
	}
	for _, name := range testnet.Networks {
		g := testnet.Load(t, name)
		best := slices.Max(testnet.LoadReference(t, name).Louvain)
		fails := 0
		minq := 1.0
		for seed := uint64(0); seed < 50; seed++ {
			q := Modularity(g, Leiden(g, Options{Seed: seed, Starts: 1}), 1)
			minq = min(minq, q)
			if q < best {
				fails++
			}
		}
		t.Logf("%s: networkx %.6f, 1 start min %.6f, %d/50 below", name, best, minq, fails)
	}
}

func TestProbeGain(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	for _, pg := range []float64{1e-3} {
		for _, name := range testnet.Networks[:3] {
			g := testnet.Load(t, name)
			best := slices.Max(testnet.LoadReference(t, name).Louvain)
			fails := 0
			minq := 1.0
			for seed := uint64(0); seed < 50; seed++ {
				q := Modularity(g, Leiden(g, Options{Seed: seed, Starts: 1}), 1)
				minq = min(minq, q)
				if q < best {
					fails++
				}
			}
			t.Logf("gain %g %s: networkx %.6f, 1 start min %.6f, %d/50 below", pg, name, best, minq, fails)
		}
	}
}
