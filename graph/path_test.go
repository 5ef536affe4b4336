package graph

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// pathGraph builds a graph of n nodes from pairs.
func pathGraph(n int, pairs ...[2]int32) *Graph {
	nodes := make([]Node, n)
	var edges []Edge
	for _, p := range pairs {
		edges = append(edges, Edge{U: p[0], V: p[1], Weight: 1, Papers: 1})
	}
	return mustEdges(nodes, edges)
}

func TestShortestPaths(t *testing.T) {
	// A 3×3 grid: 6 shortest paths corner to corner; node 9 apart.
	g := pathGraph(10, [2]int32{0, 1}, [2]int32{1, 2}, [2]int32{3, 4}, [2]int32{4, 5}, [2]int32{6, 7}, [2]int32{7, 8},
		[2]int32{0, 3}, [2]int32{3, 6}, [2]int32{1, 4}, [2]int32{4, 7}, [2]int32{2, 5}, [2]int32{5, 8})
	d, paths := ShortestPaths(g, 0, 8, MaxPaths)
	if d != 4 || len(paths) != 6 {
		t.Fatalf("corner to corner: distance %d, %d paths; want 4 and 6", d, len(paths))
	}
	for _, p := range paths {
		if len(p) != 5 || p[0] != 0 || p[4] != 8 {
			t.Errorf("path %v", p)
		}
		for i := 0; i+1 < len(p); i++ {
			if g.EdgeID(p[i], p[i+1]) < 0 {
				t.Errorf("path %v: no edge %d–%d", p, p[i], p[i+1])
			}
		}
	}
	if !slices.IsSortedFunc(paths, slices.Compare) {
		t.Errorf("paths not in order: %v", paths)
	}
	if d, paths := ShortestPaths(g, 0, 8, 2); d != 4 || len(paths) != 2 {
		t.Errorf("limit 2: %d, %d paths", d, len(paths))
	}
	if d, paths := ShortestPaths(g, 0, 9, 1); d != -1 || paths != nil {
		t.Errorf("not connected: %d %v", d, paths)
	}
	if d, paths := ShortestPaths(g, 4, 4, 1); d != 0 || len(paths) != 1 {
		t.Errorf("to itself: %d %v", d, paths)
	}
}

// TestShortestPathsBFS checks the distances against a plain breadth-first
// search on random graphs.
func TestShortestPathsBFS(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		n := 30 + r.IntN(50)
		var pairs [][2]int32
		for range n + r.IntN(n) {
			pairs = append(pairs, [2]int32{int32(r.IntN(n)), int32(r.IntN(n))})
		}
		g := pathGraph(n, pairs...)
		for range 20 {
			s, tt := int32(r.IntN(n)), int32(r.IntN(n))
			b := newBFS(n)
			b.run(g, s)
			d, _ := ShortestPaths(g, s, tt, 1)
			if int32(d) != b.level[tt] {
				t.Fatalf("%d→%d: %d, BFS says %d", s, tt, d, b.level[tt])
			}
		}
	}
}

type testPapers struct {
	authors [][]int32
	years   []int
}

func (p testPapers) Len() int              { return len(p.authors) }
func (p testPapers) Authors(i int) []int32 { return p.authors[i] }
func (p testPapers) Year(i int) int        { return p.years[i] }

func TestTimeline(t *testing.T) {
	ps := testPapers{
		authors: [][]int32{{0, 1}, {2}, {1, 2}, {0, 1}, {3, 4}, {5}},
		years:   []int{2020, 2020, 2021, 2021, 2021, 0},
	}
	got := Timeline(ps, 6)
	want := []Year{
		{Year: 0, Papers: 1, Authors: 1, NewAuthors: 1, LargestComponentShare: 1},
		{Year: 2020, Papers: 2, Authors: 3, NewAuthors: 3, NewPairs: 1, LargestComponentShare: 2.0 / 4},
		{Year: 2021, Papers: 3, Authors: 5, NewAuthors: 2, NewPairs: 2, LargestComponentShare: 3.0 / 6},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Timeline:\n got %+v\nwant %+v", got, want)
	}
}
