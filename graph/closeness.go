package graph

import (
	"context"
	"math"
	"sync"

	"coauthor/graph/internal/parallel"
)

// Reach is what one breadth-first search from each node finds: the basis
// of closeness, harmonic centrality, eccentricity and path lengths.
// Distances count edges; weights are not used.
type Reach struct {
	Reached      []int32   // nodes reachable from v, v included
	Total        []int64   // sum of distances from v to them
	Harmonic     []float64 // Σ 1/d(v,u) over reachable u ≠ v
	Eccentricity []int32   // greatest distance from v to a reachable node
}

// Reachability runs a breadth-first search from every node, spread over
// all cores. Each node's figures come from its own search, so results do
// not depend on the number of cores. It returns ctx's error soon after ctx
// ends, instead of finishing. Reach.Closeness gives closeness centrality,
// Reach.Harmonic harmonic centrality, Σ_{u≠v} 1/d(v,u) with 1/∞ = 0, not
// normalized (networkx 2.8's harmonic_centrality).
func Reachability(ctx context.Context, g *Graph) (*Reach, error) {
	n := g.N()
	r := &Reach{Reached: make([]int32, n), Total: make([]int64, n), Harmonic: make([]float64, n), Eccentricity: make([]int32, n)}
	parallel.ForEach(n, func() *bfsState { return newBFS(n) }, func(b *bfsState, s int) {
		if b.stop || canceled(ctx) {
			b.stop = true
			return
		}
		b.run(g, int32(s))
		var total int64
		var harmonic float64
		for _, v := range b.queue[1:] {
			d := b.level[v]
			total += int64(d)
			harmonic += 1 / float64(d)
		}
		r.Reached[s] = int32(len(b.queue))
		r.Total[s] = total
		r.Harmonic[s] = harmonic
		r.Eccentricity[s] = b.level[b.queue[len(b.queue)-1]]
	})
	return r, ctx.Err()
}

// Closeness returns closeness centrality in the Wasserman–Faust form that
// networkx 2.8 uses by default (wf_improved=True), which stays meaningful
// on disconnected graphs:
//
//	C(v) = (r-1)/Σ_u d(v,u) · (r-1)/(n-1)
//
// where r counts the nodes reachable from v (v included); 0 when v reaches
// no other node.
func (r *Reach) Closeness() []float64 {
	n := len(r.Reached)
	c := make([]float64, n)
	for v := range c {
		if r.Total[v] > 0 && n > 1 {
			reach := float64(r.Reached[v] - 1)
			c[v] = reach / float64(r.Total[v]) * reach / float64(n-1)
		}
	}
	return c
}

// bfsState holds one worker's buffers for breadth-first search.
type bfsState struct {
	level []int32
	queue []int32
	stop  bool // the context ended: skip the remaining searches
}

func newBFS(n int) *bfsState {
	b := &bfsState{level: make([]int32, n)}
	for i := range b.level {
		b.level[i] = -1
	}
	return b
}

// run searches from s; queue then lists the nodes reached in order of
// distance, s first, and level their distances.
func (b *bfsState) run(g *Graph, s int32) {
	for _, v := range b.queue {
		b.level[v] = -1
	}
	b.queue = append(b.queue[:0], s)
	b.level[s] = 0
	for i := 0; i < len(b.queue); i++ {
		v := b.queue[i]
		next := b.level[v] + 1
		for _, w := range g.adj[g.off[v]:g.off[v+1]] {
			if b.level[w] < 0 {
				b.level[w] = next
				b.queue = append(b.queue, w)
			}
		}
	}
}

// SampledReach is closeness and harmonic centrality estimated from
// breadth-first searches from a sample of k source nodes (Eppstein and
// Wang): distances are symmetric, so each search gives every node one
// sampled distance, and sums over the n-1 other nodes are the sampled
// means times n-1. An author whom no sampled source reaches (in a small
// component) gets 0, with a standard error of 0 that understates it.
type SampledReach struct {
	Sources                   int
	Closeness, Harmonic       []float64
	ClosenessErr, HarmonicErr []float64 // standard errors
}

// SampleReachability estimates closeness and harmonic centrality from k
// sources drawn with seed; it returns ctx's error soon after ctx ends.
func SampleReachability(ctx context.Context, g *Graph, k int, seed uint64) (*SampledReach, error) {
	n := g.N()
	all := make([]int32, n)
	for i := range all {
		all[i] = int32(i)
	}
	src := SampleNodes(all, min(k, n), seed)
	type sums struct {
		bfs         *bfsState
		reached     []int32
		dist, dist2 []float64
		inv, inv2   []float64
	}
	var mu sync.Mutex
	var parts []*sums
	parallel.ForEach(len(src), func() *sums {
		p := &sums{bfs: newBFS(n), reached: make([]int32, n), dist: make([]float64, n), dist2: make([]float64, n),
			inv: make([]float64, n), inv2: make([]float64, n)}
		mu.Lock()
		parts = append(parts, p)
		mu.Unlock()
		return p
	}, func(p *sums, i int) {
		if p.bfs.stop || canceled(ctx) {
			p.bfs.stop = true
			return
		}
		b := p.bfs
		b.run(g, src[i])
		for _, v := range b.queue[1:] {
			d := float64(b.level[v])
			p.reached[v]++
			p.dist[v] += d
			p.dist2[v] += d * d
			p.inv[v] += 1 / d
			p.inv2[v] += 1 / (d * d)
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := &SampledReach{Sources: len(src), Closeness: make([]float64, n), Harmonic: make([]float64, n),
		ClosenessErr: make([]float64, n), HarmonicErr: make([]float64, n)}
	isSource := make([]bool, n)
	for _, s := range src {
		isSource[s] = true
	}
	for v := range n {
		var a, b, b2, h, h2 float64
		for _, p := range parts {
			a += float64(p.reached[v])
			b += p.dist[v]
			b2 += p.dist2[v]
			h += p.inv[v]
			h2 += p.inv2[v]
		}
		k := float64(len(src))
		if isSource[v] {
			k--
		}
		if k < 1 {
			continue
		}
		// Harmonic: (n-1) times the mean of 1/d over the sources.
		hm := h / k
		r.Harmonic[v] = float64(n-1) * hm
		r.HarmonicErr[v] = float64(n-1) * math.Sqrt(math.Max(0, h2/k-hm*hm)/k)
		if b == 0 {
			continue
		}
		// Closeness (r-1)²/(Σd·(n-1)) is ā²/b̄ in the sampled means of
		// "reached" (0 or 1) and of the distance (0 when not reached);
		// its standard error by the delta method.
		am, bm := a/k, b/k
		c := am * am / bm
		r.Closeness[v] = c
		va, vb, cov := am-am*am, b2/k-bm*bm, bm-am*bm // reached·d = d
		ga, gb := 2*am/bm, -c/bm
		r.ClosenessErr[v] = math.Sqrt(math.Max(0, ga*ga*va+gb*gb*vb+2*ga*gb*cov) / k)
	}
	return r, nil
}
