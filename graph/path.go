package graph

import "slices"

// MaxPaths bounds the shortest paths ShortestPaths returns when asked for
// all of them: two authors far apart in a dense network can be joined by
// millions.
const MaxPaths = 100

// ShortestPaths returns the collaboration distance from s to t (edges on
// a shortest path, ignoring weights; -1 when t cannot be reached) and up
// to limit shortest paths, each the node ids from s to t. Paths come in
// the order of their node ids (smallest first, position by position from
// s), so the first is the same on every run.
func ShortestPaths(g *Graph, s, t int32, limit int) (int, [][]int32) {
	if s == t {
		return 0, [][]int32{{s}}
	}
	level := make(map[int32]int32, 64)
	level[s] = 0
	queue := []int32{s}
	found := false
	for i := 0; i < len(queue) && !found; i++ {
		// Finish the level that reaches t: every predecessor is labelled.
		v := queue[i]
		next := level[v] + 1
		if lt, ok := level[t]; ok && next > lt {
			break
		}
		for _, w := range g.adj[g.off[v]:g.off[v+1]] {
			if _, ok := level[w]; !ok {
				level[w] = next
				queue = append(queue, w)
			}
		}
	}
	dist, ok := level[t]
	if !ok {
		return -1, nil
	}
	// Walk back from t through neighbours one level closer to s; collect
	// paths as they complete, reversed.
	var paths [][]int32
	path := make([]int32, dist+1)
	var walk func(v int32, d int32)
	walk = func(v int32, d int32) {
		if len(paths) >= limit {
			return
		}
		path[d] = v
		if d == 0 {
			paths = append(paths, slices.Clone(path))
			return
		}
		for _, u := range g.adj[g.off[v]:g.off[v+1]] {
			if lu, ok := level[u]; ok && lu == d-1 {
				walk(u, d-1)
			}
		}
	}
	walk(t, dist)
	slices.SortFunc(paths, slices.Compare)
	return int(dist), paths
}

// Year is one year of a corpus in Timeline.
type Year struct {
	Year       int `json:"year"` // 0: papers without a year
	Papers     int `json:"papers"`
	Authors    int `json:"authors"`     // authors with a paper that year
	NewAuthors int `json:"new_authors"` // authors whose first paper it is
	NewPairs   int `json:"new_pairs"`   // co-author pairs who first share a paper that year
	// LargestComponentShare is the share of the authors so far (papers of
	// that year and before) in the largest component of their network.
	LargestComponentShare float64 `json:"largest_component_share"`
}

// Timeline returns the growth of the network of ps, whose author ids are
// below people, year by year ascending (papers without a year first, as
// year 0).
func Timeline(ps Papers, people int) []Year {
	byYear := map[int][]int{}
	for i := 0; i < ps.Len(); i++ {
		byYear[ps.Year(i)] = append(byYear[ps.Year(i)], i)
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	slices.Sort(years)
	parent := make([]int32, people)
	size := make([]int32, people)
	for i := range parent {
		parent[i] = int32(i)
		size[i] = 1
	}
	find := func(a int32) int32 {
		for parent[a] != a {
			parent[a] = parent[parent[a]]
			a = parent[a]
		}
		return a
	}
	seen := make([]bool, people)
	active := make([]int, people) // the last year index + 1 an author was counted in
	pairs := map[uint64]bool{}
	total, largest := 0, int32(0)
	var out []Year
	for yi, y := range years {
		row := Year{Year: y, Papers: len(byYear[y])}
		for _, i := range byYear[y] {
			authors := ps.Authors(i)
			for k, a := range authors {
				if active[a] != yi+1 {
					active[a] = yi + 1
					row.Authors++
				}
				if !seen[a] {
					seen[a] = true
					row.NewAuthors++
					total++
					largest = max(largest, 1)
				}
				for _, b := range authors[:k] {
					if a == b {
						continue
					}
					key := uint64(min(a, b))<<32 | uint64(max(a, b))
					if !pairs[key] {
						pairs[key] = true
						row.NewPairs++
					}
					ra, rb := find(a), find(b)
					if ra != rb {
						if size[ra] < size[rb] {
							ra, rb = rb, ra
						}
						parent[rb] = ra
						size[ra] += size[rb]
						largest = max(largest, size[ra])
					}
				}
			}
		}
		if total > 0 {
			row.LargestComponentShare = float64(largest) / float64(total)
		}
		out = append(out, row)
	}
	return out
}
