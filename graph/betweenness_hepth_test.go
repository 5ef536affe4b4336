package graph_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	. "coauthor/graph"
	"coauthor/graph/formats/edgelist"
)

// sharedNetwork opens rel under networks/ of the project's shared data set
// (../shared/data beside the repository's root, looked for in every
// directory above so that a git worktree finds it too), skipping the test
// when it is absent: a clone of the repository does not include it.
func sharedNetwork(t *testing.T, rel string) *Graph {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Skipf("skipping: the shared data set cannot be looked for: %v", err)
	}
	for {
		path := filepath.Join(dir, "shared", "data", "networks", rel)
		if f, err := os.Open(path); err == nil {
			defer f.Close()
			g, err := edgelist.Read(f, path)
			if err != nil {
				t.Fatal(err)
			}
			return g
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skipf("skipping: networks/%s is not in the shared data set, expected at ../shared/data beside the repository's root", rel)
		}
		dir = up
	}
}

// TestBetweennessHepThIgraph checks exact betweenness on SNAP's ca-HepTh
// (9,877 authors, two of them with only a self-loop, 25,973 edges, many twins and pendants) against igraph's
// values, made by the command in the first line of
// testdata/reference/ca-HepTh-betweenness.csv.
func TestBetweennessHepThIgraph(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	g := sharedNetwork(t, "ca-HepTh.txt")
	f, err := os.Open("testdata/reference/ca-HepTh-betweenness.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := make(map[string]float64)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, val, ok := strings.Cut(sc.Text(), ",")
		if !ok || strings.HasPrefix(name, "#") || name == "name" {
			continue
		}
		x, err := strconv.ParseFloat(val, 64)
		if err != nil {
			t.Fatal(err)
		}
		want[name] = x
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(want) != g.N() || g.N() != 9877 || g.M() != 25973 {
		t.Fatalf("N, M = %d, %d with %d reference values; igraph 9877, 25973", g.N(), g.M(), len(want))
	}
	bc := mustBetweenness(t, g, BetweennessOptions{}).BC
	bad, positive := 0, 0
	for v := range int32(g.N()) {
		name := g.Node(v).Name
		w, ok := want[name]
		if !ok {
			t.Fatalf("node %q has no reference value", name)
		}
		if w > 0 {
			positive++
		}
		if d := bc[v] - w; d > 1e-9*w+1e-300 || -d > 1e-9*w+1e-300 {
			if bad++; bad <= 5 {
				t.Errorf("betweenness(%s) = %.17g, igraph %.17g", name, bc[v], w)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d nodes differ from igraph", bad, g.N())
	}
	t.Logf("%d nodes, %d with positive betweenness", g.N(), positive)
}
