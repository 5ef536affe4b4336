package graph

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Under a memory budget small enough for many runs, the builder gives
// the same graph, bit for bit, as in memory: full and fractional
// counting, with and without papers, with a large team.
func TestBuilderSpillSameGraph(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	names := make([]string, 2000)
	for i := range names {
		names[i] = string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
	}
	var papers [][]int32
	for p := 0; p < 40000; p++ {
		k := 1 + rng.IntN(7)
		if p == 17 || p == 30000 {
			k = 300
		}
		team := make([]int32, k)
		for i := range team {
			team[i] = int32(rng.IntN(len(names)))
		}
		papers = append(papers, team)
	}
	for _, opt := range []BuildOptions{{}, {Counting: Fractional}, {KeepPapers: true}, {Counting: Fractional, KeepPapers: true}} {
		spilled := opt
		spilled.Mem, spilled.TempDir = 1<<20, t.TempDir() // 65,536 pairs a run (the minimum)
		a, b := NewBuilder(names, opt), NewBuilder(names, spilled)
		for _, team := range papers {
			a.AddPaper(team, 1990+len(team))
			b.AddPaper(team, 1990+len(team))
		}
		stats := b.Spilled()
		ga, _ := a.Build()
		gb, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		if stats.Runs < 3 {
			t.Errorf("%+v: %d runs spilled", opt, stats.Runs)
		}
		if ga.M() != gb.M() || ga.N() != gb.N() || ga.M() < 100000 {
			t.Fatalf("%+v: %d and %d edges", opt, ga.M(), gb.M())
		}
		for e := range int32(ga.M()) {
			if ga.Edge(e) != gb.Edge(e) || !slices.Equal(ga.EdgePapers(e), gb.EdgePapers(e)) {
				t.Fatalf("%+v: edge %d is %+v and %+v", opt, e, ga.Edge(e), gb.Edge(e))
			}
		}
		for v := range int32(ga.N()) {
			if ga.Node(v) != gb.Node(v) || !slices.Equal(ga.adj[ga.off[v]:ga.off[v+1]], gb.adj[gb.off[v]:gb.off[v+1]]) {
				t.Fatalf("%+v: node %d differs", opt, v)
			}
		}
	}
}

// A budget larger than the pairs writes nothing and gives the graph.
func TestBuilderSpillNoRuns(t *testing.T) {
	b := NewBuilder([]string{"a", "b", "c"}, BuildOptions{Mem: 1 << 30, TempDir: t.TempDir(), Counting: Fractional})
	b.AddPaper([]int32{0, 1, 2}, 2000)
	b.AddPaper([]int32{0, 1}, 2001)
	if s := b.Spilled(); s.Runs != 0 {
		t.Errorf("spilled %+v", s)
	}
	g, err := b.Build()
	if err != nil || g.M() != 3 || g.Edge(0).Weight != 1.5 || g.Edge(0).Papers != 2 {
		t.Fatalf("%v, %d edges", err, g.M())
	}
	if g, _ := NewBuilder(nil, BuildOptions{Mem: 1}).Build(); g.M() != 0 {
		t.Error("empty graph has edges")
	}
}

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]int64{"2GB": 2 << 30, "512 MB": 512 << 20, "1.5G": 3 << 29, "100": 100, "64KiB": 64 << 10, "1tb": 1 << 40} {
		if got, err := ParseBytes(in); err != nil || got != want {
			t.Errorf("ParseBytes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "x", "-1GB", "GB", "NaN", "Inf", "+Inf", "1e30", "NaNGB", "1e10TB"} {
		if _, err := ParseBytes(in); err == nil {
			t.Errorf("ParseBytes(%q) accepted", in)
		}
	}
}

// A spill that cannot write (TMPDIR unusable) fails Build with the error,
// and stops holding pairs in memory meanwhile.
func TestBuilderSpillError(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	b := NewBuilder([]string{"a", "b", "c", "d"}, BuildOptions{Mem: 1 << 20, TempDir: dir})
	for range 40_000 { // 240,000 pairs: past the first run of 65,536
		b.AddPaper([]int32{0, 1, 2, 3}, 2000)
	}
	if n := len(b.spill.keys); n >= minRun {
		t.Errorf("%d pairs held after the spill failed", n)
	}
	g, err := b.Build()
	if err == nil || !strings.Contains(err.Error(), "spilling co-author pairs") || !strings.Contains(err.Error(), dir) {
		t.Fatalf("Build = %v, %v; want the spill's error", g, err)
	}
}
