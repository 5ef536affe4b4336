package layout

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"coauthor/graph"
	"coauthor/graph/community"
	"coauthor/graph/formats/edgelist"
	"coauthor/graph/internal/testnet"
)

// BenchmarkLayout times Layout on ca-GrQc, or on the edge list named by
// $COAUTHOR_BENCH_GRAPH, without clusters ("plain") and with the Leiden
// clusters (seed 1) the pictures pass ("clusters"). With
// $COAUTHOR_BENCH_OUT set, it writes there, per node, its name, Leiden
// cluster and both layouts' positions (tab-separated, with a header), for
// bench/layout_compare.sh to score beside sfdp's (when both ran).
func BenchmarkLayout(b *testing.B) {
	var g *graph.Graph
	if path := os.Getenv("COAUTHOR_BENCH_GRAPH"); path != "" {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		g, err = edgelist.Read(f, path)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	} else {
		g = testnet.Load(b, "ca-GrQc.txt")
	}
	start := time.Now()
	labels, err := community.Leiden(context.Background(), g, community.Options{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d nodes, %d edges; Leiden %.1f s, modularity %.4f", g.N(), g.M(), time.Since(start).Seconds(), community.Modularity(g, labels, 1))
	diam := diameters(g)
	out := map[string][][2]float64{}
	for _, c := range []struct {
		name    string
		cluster []int32
	}{{"plain", nil}, {"clusters", labels}} {
		b.Run(c.name, func(b *testing.B) {
			cpu := cpuSeconds()
			for b.Loop() {
				pos, err := Layout(context.Background(), g, diam, Options{Seed: 1, Cluster: c.cluster})
				if err != nil {
					b.Fatal(err)
				}
				out[c.name] = pos
			}
			b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
		})
	}
	if path := os.Getenv("COAUTHOR_BENCH_OUT"); path != "" && len(out) == 2 {
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriter(f)
		fmt.Fprintln(w, "name\tcluster\tplain_x\tplain_y\tclusters_x\tclusters_y")
		for v := range g.N() {
			p, q := out["plain"][v], out["clusters"][v]
			fmt.Fprintf(w, "%s\t%d\t%g\t%g\t%g\t%g\n", g.Node(int32(v)).Name, labels[v], p[0], p[1], q[0], q[1])
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
