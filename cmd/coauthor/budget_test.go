package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"coauthor/graph"
)

// A JSON Lines file with one paper of 20,000 authors (199,990,000 pairs,
// over 10 GB as edges) ends before the graph is built, with exit 1, a
// message naming the paper and its pairs, and the --max-authors remedy.
func TestTooLargePaper(t *testing.T) {
	if testing.Short() {
		t.Skip("resolves 20,000 names; not with -short")
	}
	dir := t.TempDir()
	in := teamJSONL(t, dir, "big.jsonl", 1, 20_000, 20_000)
	cases := [][]string{{"rank", "-mem", "4GB", in}}
	// stats has no -mem: the default budget, a quarter of the machine's
	// memory, refuses the paper on machines of less than 40 GB.
	if b := graph.DefaultMemory(); b > 0 && b < 199_990_000*graph.BytesPerEdge {
		cases = append(cases, []string{"stats", in})
	} else {
		t.Logf("stats not tried: the default budget is %s", graph.FormatBytes(b))
	}
	for _, args := range cases {
		var stdout, stderr strings.Builder
		start := time.Now()
		code := run(context.Background(), args, nil, &stdout, &stderr)
		t.Logf("%s: exit %d after %v: %s", args[0], code, time.Since(start).Round(time.Millisecond), stderr.String())
		if code != exitInput {
			t.Errorf("%s: exit %d, want %d", args[0], code, exitInput)
		}
		for _, want := range []string{`"A paper of a large team, number 0"`, "20000 authors", "199990000 co-author pairs", "over the memory budget", "--max-authors 1000"} {
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("%s: stderr lacks %q", args[0], want)
			}
		}
	}
}

// stats on one paper of 5,000 authors (12.5 million edges) ends with its
// figures marked estimated: counting the triangles exactly would take
// 8·10^10 steps, so a million wedges are sampled; the path figures come
// from sampled sources.
func TestStatsLargeClique(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 12.5 million edges; not with -short")
	}
	in := teamJSONL(t, t.TempDir(), "clique.jsonl", 1, 5000, 5000)
	var stdout, stderr strings.Builder
	start := time.Now()
	code := run(context.Background(), []string{"stats", "--json", in}, nil, &stdout, &stderr)
	t.Logf("exit %d after %v", code, time.Since(start).Round(time.Millisecond))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var s stats
	if err := json.Unmarshal([]byte(stdout.String()), &s); err != nil {
		t.Fatal(err)
	}
	if s.Edges != 5000*4999/2 || !s.ClusteringEstimated || s.ClusteringSamples != 1_000_000 ||
		s.Transitivity != 1 || s.AverageClustering != 1 || !s.PathsEstimated || s.PathSources >= 5000 {
		t.Errorf("stats %+v", s)
	}
	if !strings.Contains(stderr.String(), "transitivity and average clustering estimated from 1000000 sampled wedges") {
		t.Errorf("stderr: %s", stderr.String())
	}
}
