package graph

import (
	"context"
	"math"
	"math/bits"
	"math/rand/v2"

	"coauthor/graph/internal/parallel"
)

// BetweennessResult is betweenness with how it was computed.
type BetweennessResult struct {
	// BC is each node's betweenness (exact or estimated), normalized as
	// in Betweenness.
	BC []float64
	// StdErr is each node's standard error with Samples, else nil.
	StdErr []float64
	// Samples is the number of single-source searches (exact: N; with
	// Samples: the sources drawn) or, with Epsilon, of shortest paths
	// sampled.
	Samples int
	// VertexDiameter is, with Epsilon, the upper bound on the number of
	// nodes of a shortest path that fixed the sample size; 0 otherwise.
	VertexDiameter int
}

// Betweenness returns the betweenness centrality of every node,
//
//	C_B(v) = 1/((n-1)(n-2)) · Σ_{s≠v≠t} σ_st(v)/σ_st
//
// summed over ordered pairs, networkx 2.8's normalized form (0 when n ≤ 2).
// Two weighted paths are equally short only when their float sums are
// exactly equal, as in networkx. With Samples, the sum runs over the
// sampled sources and is scaled by n/Samples; StdErr then holds each
// node's standard error (same units, finite-population corrected), and is
// nil otherwise. The result also says how many sources or paths were
// used.
//
// Exact and with Samples, Brandes' algorithm runs one search per source,
// spread over all cores; partial sums are added in a fixed order, so
// results do not depend on the number of cores. Exact, it searches the
// graph's true-twin quotient (betweenness_twins.go): authors with the
// same co-authors (and, with weights, the same weights) count as one node
// with multiplicity, and, without weights, a class hanging from a single
// other class is not searched; the values are the same.
//
// With opt.Epsilon above 0 it estimates betweenness after Riondato &
// Kornaropoulos (2016): it draws r ordered pairs (s, t), s ≠ t, uniformly
// at random, picks one shortest s–t path uniformly among all of them and
// credits each node inside it with 1/r. With
//
//	r = ⌈ c/ε'² · (⌊log2(VD−2)⌋ + 1 + ln(1/δ)) ⌉,  c = 0.5,
//
// where VD bounds the vertex diameter (the most nodes on any shortest
// path), every node's estimate of its betweenness over the n(n−1)
// ordered pairs is within ε' of the true value with probability at
// least 1−δ. Betweenness here is normalized over (n−1)(n−2) pairs, a
// factor n/(n−2) more, so ε' = ε(n−2)/n makes the guarantee hold for
// these values: |estimate − exact| ≤ ε for every node at once with
// probability 1−δ.
//
// VD is bounded, without weights, by one breadth-first search per
// connected component (the two largest distances from its first node,
// plus one); with weights by the size of the largest component. Paths
// are found, without weights, by a breadth-first search from both ends
// that stops where they meet; with weights by Dijkstra's search from s
// that stops at t. The samples are split into fixed parts with their own
// random streams, so one seed gives one result on any number of cores.
//
// Its error is that of the options (BetweennessOptions.Validate), or
// ctx's soon after ctx ends, with no result: the workers check it before
// every search (every 64 sampled paths).
func Betweenness(ctx context.Context, g *Graph, opt BetweennessOptions) (BetweennessResult, error) {
	if err := opt.Validate(); err != nil {
		return BetweennessResult{}, err
	}
	if opt.Epsilon <= 0 {
		bc, se, err := betweenness(ctx, g, opt)
		if err != nil {
			return BetweennessResult{}, err
		}
		k := g.N()
		if opt.Samples > 0 && opt.Samples < k {
			k = opt.Samples
		}
		return BetweennessResult{BC: bc, StdErr: se, Samples: k}, nil
	}
	n := g.N()
	bc := make([]float64, n)
	if n <= 2 {
		return BetweennessResult{BC: bc}, nil
	}
	delta := opt.Delta
	if delta <= 0 || delta >= 1 {
		delta = 0.1
	}
	vd := vertexDiameterBound(g, opt.Weighted)
	if vd <= 2 {
		// No shortest path has a node inside it.
		return BetweennessResult{BC: bc, VertexDiameter: vd}, nil
	}
	r := ApproxSampleSize(n, vd, opt.Epsilon, delta)
	var dist []float64
	if opt.Weighted {
		dist = g.distances()
	}
	const parts = 32
	found := make([][]int32, parts)
	parallel.ForEach(parts, func() *pathSampler { return newPathSampler(n) }, func(ps *pathSampler, p int) {
		rng := parallel.NewRand(opt.Seed ^ (uint64(p+1) * 0x9e3779b97f4a7c15))
		var out []int32
		for i := p * r / parts; i < (p+1)*r/parts; i++ {
			if i%64 == 0 && canceled(ctx) {
				return
			}
			s := rng.IntN(n)
			t := rng.IntN(n - 1)
			if t >= s {
				t++
			}
			if dist != nil {
				out = ps.dijkstraPath(g, dist, int32(s), int32(t), rng, out)
			} else {
				out = ps.bfsPath(g, int32(s), int32(t), rng, out)
			}
		}
		found[p] = out
	})
	if err := ctx.Err(); err != nil {
		return BetweennessResult{}, err
	}
	count := make([]int32, n)
	for _, out := range found {
		for _, v := range out {
			count[v]++
		}
	}
	scale := float64(n) / float64(n-2) / float64(r)
	for v, c := range count {
		bc[v] = float64(c) * scale
	}
	return BetweennessResult{BC: bc, Samples: r, VertexDiameter: vd}, nil
}

// ApproxSampleSize returns the number of sampled shortest paths that
// Betweenness draws on a graph of n > 2 nodes whose vertex
// diameter is at most vd > 2, for error epsilon with probability
// 1−delta.
func ApproxSampleSize(n, vd int, epsilon, delta float64) int {
	const c = 0.5
	eps := epsilon * float64(n-2) / float64(n)
	logVD := bits.Len(uint(vd-2)) - 1 // ⌊log2(vd−2)⌋
	return int(math.Ceil(c / (eps * eps) * (float64(logVD) + 1 + math.Log(1/delta))))
}

// vertexDiameterBound returns an upper bound on the number of nodes of
// any shortest path of g.
func vertexDiameterBound(g *Graph, weighted bool) int {
	n := g.N()
	level := make([]int32, n)
	for i := range level {
		level[i] = -1
	}
	best := 1
	var queue []int32
	for s := 0; s < n; s++ {
		if level[s] >= 0 {
			continue
		}
		level[s] = 0
		queue = append(queue[:0], int32(s))
		var d1, d2 int32 // the two largest distances from s
		for i := 0; i < len(queue); i++ {
			v := queue[i]
			for _, u := range g.adj[g.off[v]:g.off[v+1]] {
				if level[u] < 0 {
					level[u] = level[v] + 1
					queue = append(queue, u)
					if l := level[u]; l > d1 {
						d1, d2 = l, d1
					} else if l > d2 {
						d2 = l
					}
				}
			}
		}
		if weighted {
			// A shortest path is a simple path inside the component.
			best = max(best, len(queue))
		} else {
			best = max(best, int(d1+d2)+1)
		}
	}
	return best
}

// pathSampler holds one worker's buffers for sampling shortest paths.
type pathSampler struct {
	lev   [2][]int32   // distance from s (0) and from t (1), -1 unseen
	sigma [2][]float64 // shortest paths from s and from t
	seen  [2][]int32   // nodes seen from each end, level by level
	meet  []int32
	b     *brandes
}

func newPathSampler(n int) *pathSampler {
	ps := &pathSampler{}
	for side := range 2 {
		ps.lev[side] = make([]int32, n)
		ps.sigma[side] = make([]float64, n)
		for i := range ps.lev[side] {
			ps.lev[side][i] = -1
		}
	}
	return ps
}

// bfsPath appends to out the inner nodes of a shortest s–t path drawn
// uniformly among all of them (nothing when t is not reachable), found by
// breadth-first searches from both ends, each step growing the side whose
// frontier has fewer edges.
func (ps *pathSampler) bfsPath(g *Graph, s, t int32, rng *rand.Rand, out []int32) []int32 {
	for side, x := range [2]int32{s, t} {
		for _, v := range ps.seen[side] {
			ps.lev[side][v], ps.sigma[side][v] = -1, 0
		}
		ps.seen[side] = append(ps.seen[side][:0], x)
		ps.lev[side][x], ps.sigma[side][x] = 0, 1
	}
	start := [2]int{0, 0} // frontier of each side: seen[side][start:]
	vol := [2]int{g.off[s+1] - g.off[s], g.off[t+1] - g.off[t]}
	ps.meet = ps.meet[:0]
	for len(ps.meet) == 0 {
		side := 0
		if vol[1] < vol[0] {
			side = 1
		}
		if start[side] == len(ps.seen[side]) {
			return out // the frontier is empty: t is not reachable
		}
		lev, sig, other := ps.lev[side], ps.sigma[side], ps.lev[1-side]
		frontier := len(ps.seen[side])
		newVol := 0
		for _, v := range ps.seen[side][start[side]:frontier] {
			lv, sv := lev[v], sig[v]
			for _, u := range g.adj[g.off[v]:g.off[v+1]] {
				switch lev[u] {
				case -1:
					lev[u], sig[u] = lv+1, sv
					ps.seen[side] = append(ps.seen[side], u)
					newVol += g.off[u+1] - g.off[u]
					if other[u] >= 0 {
						ps.meet = append(ps.meet, u)
					}
				case lv + 1:
					sig[u] += sv
				}
			}
		}
		start[side], vol[side] = frontier, newVol
	}
	// The searches met: every shortest path crosses exactly one node of
	// meet, so pick it with probability σ_s(w)·σ_t(w)/σ_st.
	total := 0.0
	for _, w := range ps.meet {
		total += ps.sigma[0][w] * ps.sigma[1][w]
	}
	pick := rng.Float64() * total
	w := ps.meet[len(ps.meet)-1]
	for _, u := range ps.meet {
		if pick -= ps.sigma[0][u] * ps.sigma[1][u]; pick < 0 {
			w = u
			break
		}
	}
	if w != s && w != t {
		out = append(out, w)
	}
	for side, end := range [2]int32{s, t} {
		lev, sig := ps.lev[side], ps.sigma[side]
		for v := w; v != end; {
			v = pickPred(g, v, sig, func(u int32, _ int) bool { return lev[u] == lev[v]-1 }, rng)
			if v != end {
				out = append(out, v)
			}
		}
	}
	return out
}

// pickPred returns a predecessor u of v (isPred(u, adjacency index)),
// drawn with probability sigma[u]/Σ sigma over them.
func pickPred(g *Graph, v int32, sigma []float64, isPred func(u int32, i int) bool, rng *rand.Rand) int32 {
	lo, hi := g.off[v], g.off[v+1]
	total := 0.0
	for i := lo; i < hi; i++ {
		if u := g.adj[i]; isPred(u, i) {
			total += sigma[u]
		}
	}
	pick := rng.Float64() * total
	last := int32(-1)
	for i := lo; i < hi; i++ {
		if u := g.adj[i]; isPred(u, i) {
			last = u
			if pick -= sigma[u]; pick < 0 {
				return u
			}
		}
	}
	return last
}

// dijkstraPath is bfsPath with edge lengths d, by Dijkstra's search from
// s that stops once t is settled.
func (ps *pathSampler) dijkstraPath(g *Graph, d []float64, s, t int32, rng *rand.Rand, out []int32) []int32 {
	if ps.b == nil {
		ps.b = newBrandes(g.N())
	}
	b := ps.b
	b.dijkstraTo(g, d, int(s), t)
	if !b.done[t] {
		return out
	}
	for v := t; v != s; {
		v = pickPred(g, v, b.sigma, func(u int32, i int) bool { return b.done[u] && b.dist[u]+d[i] == b.dist[v] }, rng)
		if v != s {
			out = append(out, v)
		}
	}
	return out
}
