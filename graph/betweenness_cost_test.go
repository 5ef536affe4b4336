//go:build unix

package graph

import (
	"context"
	"encoding/csv"
	"io"
	"os"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"coauthor/graph/internal/parallel"
)

// TestExactBetweennessCost estimates the time of exact betweenness on a
// graph too large to compute it in a benchmark run (issue #24, goal 1:
// cmd/coauthor/bench/dblp.py whole3): it builds the twin quotient, runs a
// fixed random subset of the searches exact betweenness would run (the
// same search and accumulation, on all cores) and extrapolates to all of
// them. It runs only when BETWEENNESS_EDGES names an edge list written by
// `coauthor export -to csv` (edges.csv: source,target,weight,papers):
//
//	BETWEENNESS_EDGES=/tmp/edges/edges.csv BETWEENNESS_SEARCHES=2000 \
//	    go test -run TestExactBetweennessCost -v ./graph/
//
// BETWEENNESS_SEARCHES is the subset's size (default 1000); with
// BETWEENNESS_FULL=1 the test also times exact betweenness itself, to
// check the estimate. It logs one line, "cost: key value ...", for the
// script.
func TestExactBetweennessCost(t *testing.T) {
	path := os.Getenv("BETWEENNESS_EDGES")
	if path == "" {
		t.Skip("BETWEENNESS_EDGES not set: no edge list to estimate exact betweenness on")
	}
	k := 1000
	if s := os.Getenv("BETWEENNESS_SEARCHES"); s != "" {
		var err error
		if k, err = strconv.Atoi(s); err != nil || k < 1 {
			t.Fatalf("BETWEENNESS_SEARCHES=%q: want a whole number, 1 or more", s)
		}
	}
	g := readEdgeList(t, path)
	ctx := context.Background()

	start, cpu := time.Now(), cpuTime(t)
	q := twinQuotient(g, false)
	all := q.sources()
	quotient, quotientCPU := time.Since(start), cpuTime(t)-cpu

	subset := slices.Clone(all)
	rng := parallel.NewRand(1)
	rng.Shuffle(len(subset), func(i, j int) { subset[i], subset[j] = subset[j], subset[i] })
	subset = subset[:min(k, len(subset))]
	slices.Sort(subset)
	start, cpu = time.Now(), cpuTime(t)
	sums, err := q.search(ctx, subset, false)
	if err != nil {
		t.Fatal(err)
	}
	searched, searchedCPU := time.Since(start), cpuTime(t)-cpu
	// Every search from a class of a connected component of c > 2 nodes
	// adds dependencies; a subset without any means no search ran.
	var total float64
	for _, sum := range sums {
		for _, x := range sum {
			if x < 0 {
				t.Fatalf("negative dependency %v", x)
			}
			total += x
		}
	}
	if total == 0 && g.M() > g.N() {
		t.Fatalf("no dependency from %d searches on %d nodes and %d edges", len(subset), g.N(), g.M())
	}
	scale := float64(len(all)) / float64(len(subset))
	estimate := quotient.Seconds() + searched.Seconds()*scale
	estimateCPU := quotientCPU.Seconds() + searchedCPU.Seconds()*scale
	line := "cost: nodes " + strconv.Itoa(g.N()) + " edges " + strconv.Itoa(g.M()) +
		" classes " + strconv.Itoa(len(q.size)) + " quotient_edges " + strconv.Itoa(len(q.adj)/2) +
		" searches " + strconv.Itoa(len(all)) + " subset " + strconv.Itoa(len(subset)) +
		" quotient_s " + strconv.FormatFloat(quotient.Seconds(), 'f', 3, 64) +
		" subset_s " + strconv.FormatFloat(searched.Seconds(), 'f', 3, 64) +
		" estimate_s " + strconv.FormatFloat(estimate, 'f', 2, 64) +
		" estimate_cpu_s " + strconv.FormatFloat(estimateCPU, 'f', 2, 64)
	if os.Getenv("BETWEENNESS_FULL") == "1" {
		start, cpu = time.Now(), cpuTime(t)
		if _, err := exactBetweenness(ctx, g, false); err != nil {
			t.Fatal(err)
		}
		line += " measured_s " + strconv.FormatFloat(time.Since(start).Seconds(), 'f', 2, 64) +
			" measured_cpu_s " + strconv.FormatFloat((cpuTime(t)-cpu).Seconds(), 'f', 2, 64)
	}
	t.Log(line)
}

// readEdgeList reads the edges.csv of `coauthor export -to csv`; nodes
// are numbered 0 to the largest id (an isolated node adds no search).
func readEdgeList(t *testing.T, path string) *Graph {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		t.Fatalf("%s: header: %v", path, err)
	}
	var edges []Edge
	n := int32(0)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil || len(rec) < 3 {
			t.Fatalf("%s: want source,target,weight,...: %v", path, err)
		}
		u, err1 := strconv.ParseInt(rec[0], 10, 32)
		v, err2 := strconv.ParseInt(rec[1], 10, 32)
		w, err3 := strconv.ParseFloat(rec[2], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			line, _ := r.FieldPos(0)
			t.Fatalf("%s:%d: want two node ids and a weight", path, line)
		}
		edges = append(edges, Edge{U: int32(u), V: int32(v), Weight: w, Papers: 1})
		n = max(n, int32(u)+1, int32(v)+1)
	}
	g, err := FromEdges(make([]Node, n), edges)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}

// cpuTime is the CPU time (user and system) the process has used so far:
// the estimate's check on a machine shared with other work, where wall
// time depends on the load.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
