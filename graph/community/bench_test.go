package community

import (
	"os"
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
				labels = leiden(b, g, c.opt)
			}
			b.ReportMetric(Modularity(g, labels, 1), "modularity")
		})
	}
}
