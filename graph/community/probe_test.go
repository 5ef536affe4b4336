package community

import (
	"os"
	"slices"
	"testing"

	"coauthor/graph/internal/testnet"
)

// TestProbeConfigs prints, with PROBE=1 and -v, the modularity over 50
// seeds of each start/pass setting on every reference network against
// networkx Louvain's best: the figures behind Starts and Iterations.
func TestProbeConfigs(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	for _, cfg := range []Options{{Starts: 1, Iterations: 2}, {Starts: 4, Iterations: 2}} {
		for _, name := range testnet.Networks {
			g := testnet.Load(t, name)
			best := slices.Max(testnet.LoadReference(t, name).Louvain)
			fails, first5 := 0, 0
			minq, sum := 1.0, 0.0
			for seed := uint64(0); seed < 50; seed++ {
				o := cfg
				o.Seed = seed
				q := Modularity(g, leiden(t, g, o), 1)
				minq = min(minq, q)
				sum += q
				if q < best {
					fails++
					if seed < 5 {
						first5++
					}
				}
			}
			t.Logf("starts %d iter %d %s: networkx %.6f, min %.6f mean %.6f, %d/50 below (%d of seeds 0-4)", cfg.Starts, cfg.Iterations, name, best, minq, sum/50, fails, first5)
		}
	}
}
