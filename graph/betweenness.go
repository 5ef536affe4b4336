package graph

import (
	"context"
	"math"

	"coauthor/graph/internal/parallel"
)

// BetweennessOptions selects the betweenness variant.
type BetweennessOptions struct {
	// Weighted makes path length the sum of distances 1/weight, so that
	// frequent co-authors are close; otherwise every edge has length 1.
	Weighted bool
	// Samples, when in (0, N), estimates betweenness from that many source
	// nodes drawn with Seed instead of all N (Brandes & Pich 2007).
	Samples int
	Seed    uint64
	// Epsilon, when above 0, estimates betweenness from random shortest
	// paths so that, with probability 1−Delta, every node's estimate is
	// within Epsilon of its exact value (see Betweenness); it
	// takes precedence over Samples. Delta 0 means 0.1. Both 0: exact.
	// The sample size depends on ε, δ and the graph's diameter, not its
	// size (about 36,000 paths for ε = 0.01 on ca-GrQc, 10 times faster
	// than exact there), so it pays on large graphs; on a few hundred
	// nodes exact betweenness is faster.
	Epsilon, Delta float64
}

// betweenness is Brandes' algorithm, exact or from sampled sources. It
// returns ctx's error soon after ctx ends: each worker checks it before
// every search.
func betweenness(ctx context.Context, g *Graph, opt BetweennessOptions) (bc, stderr []float64, err error) {
	n := g.N()
	sampled := opt.Samples > 0 && opt.Samples < n
	if !sampled {
		bc, err := exactBetweenness(ctx, g, opt.Weighted)
		if err != nil {
			return nil, nil, err
		}
		scale := 0.0
		if n > 2 {
			scale = 1 / float64((n-1)*(n-2))
		}
		for v := range bc {
			bc[v] *= scale
		}
		return bc, nil, nil
	}
	sources := make([]int32, n)
	for i := range sources {
		sources[i] = int32(i)
	}
	sources = SampleNodes(sources, opt.Samples, opt.Seed)
	var dist []float64
	if opt.Weighted {
		dist = g.distances()
	}

	// Sources go to a fixed number of parts, each with its own sums.
	parts := partCount(n, sampled)
	sums := make([][]float64, parts)
	var squares [][]float64
	if sampled {
		squares = make([][]float64, parts)
	}
	parallel.ForEach(parts, func() *brandes { return newBrandes(n) }, func(b *brandes, p int) {
		sum := make([]float64, n)
		var sq []float64
		if sampled {
			sq = make([]float64, n)
		}
		for i := p; i < len(sources); i += parts {
			if canceled(ctx) {
				return
			}
			s := int(sources[i])
			if dist != nil {
				b.dijkstra(g, dist, s)
			} else {
				b.bfs(g, s)
			}
			b.accumulate(g, dist, s, sum, sq)
		}
		sums[p] = sum
		if sampled {
			squares[p] = sq
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	bc = make([]float64, n)
	for _, sum := range sums {
		for v, x := range sum {
			bc[v] += x
		}
	}
	scale := 0.0
	if n > 2 {
		scale = 1 / float64((n-1)*(n-2))
	}
	k := float64(len(sources))
	if sampled {
		scale *= float64(n) / k
		stderr = make([]float64, n)
		fpc := 1 - k/float64(n)
		for v := range stderr {
			var sq float64
			for _, s := range squares {
				sq += s[v]
			}
			mean := bc[v] / k
			variance := max(0, (sq-k*mean*mean)/(k-1))
			// Estimate = n·mean·norm, so its standard error is n·norm·sd/√k.
			stderr[v] = float64(n) * (scale * k / float64(n)) * math.Sqrt(variance*fpc/k)
		}
	}
	for v := range bc {
		bc[v] *= scale
	}
	return bc, stderr, nil
}

// partCount returns how many partial sums betweenness keeps: enough to
// keep every core busy, few enough to bound memory (8 bytes per node each).
func partCount(n int, sampled bool) int {
	per := n * 8
	if sampled {
		per *= 2
	}
	parts := 16
	for parts > 2 && parts*per > 512<<20 {
		parts /= 2
	}
	return parts
}

// distances returns 1/weight for each adjacency entry.
func (g *Graph) distances() []float64 {
	d := make([]float64, len(g.w))
	for i, w := range g.w {
		d[i] = 1 / w
	}
	return d
}

// brandes holds one worker's buffers for single-source shortest paths.
type brandes struct {
	sigma []float64 // shortest paths from the source
	delta []float64 // dependency of the source on each node
	level []int32   // BFS distance, -1 when not reached
	dist  []float64 // weighted distance, +Inf when not reached
	done  []bool
	order []int32 // nodes in the order they were settled
	heap  distHeap
}

func newBrandes(n int) *brandes {
	b := &brandes{sigma: make([]float64, n), delta: make([]float64, n), level: make([]int32, n),
		dist: make([]float64, n), done: make([]bool, n)}
	for i := range b.level {
		b.level[i] = -1
		b.dist[i] = math.Inf(1)
	}
	return b
}

// reset clears the entries the last search touched.
func (b *brandes) reset() {
	for _, v := range b.order {
		b.sigma[v], b.delta[v], b.level[v], b.dist[v], b.done[v] = 0, 0, -1, math.Inf(1), false
	}
	b.order = b.order[:0]
}

// bfs counts shortest paths from s by breadth-first search.
func (b *brandes) bfs(g *Graph, s int) {
	b.reset()
	b.sigma[s], b.level[s] = 1, 0
	b.order = append(b.order, int32(s))
	for i := 0; i < len(b.order); i++ {
		v := b.order[i]
		lv, sv := b.level[v], b.sigma[v]
		for _, w := range g.adj[g.off[v]:g.off[v+1]] {
			switch b.level[w] {
			case -1:
				b.level[w] = lv + 1
				b.sigma[w] = sv
				b.order = append(b.order, w)
			case lv + 1:
				b.sigma[w] += sv
			}
		}
	}
}

// dijkstra counts shortest paths from s with edge lengths d. A node's
// path count is summed when it is settled, over its neighbours u with
// dist[u] + d == dist[v] exactly.
func (b *brandes) dijkstra(g *Graph, d []float64, s int) { b.dijkstraTo(g, d, s, -1) }

// dijkstraTo is dijkstra stopping once node t (-1: none) is settled.
func (b *brandes) dijkstraTo(g *Graph, d []float64, s int, t int32) {
	b.reset()
	b.dist[s] = 0
	b.heap = append(b.heap[:0], heapItem{0, int32(s)})
	for len(b.heap) > 0 {
		it := b.heap.pop()
		v := it.node
		if b.done[v] {
			continue
		}
		b.done[v] = true
		b.order = append(b.order, v)
		dv := b.dist[v]
		if int(v) == s {
			b.sigma[v] = 1
		} else {
			var sigma float64
			for i := g.off[v]; i < g.off[v+1]; i++ {
				if u := g.adj[i]; b.done[u] && b.dist[u]+d[i] == dv {
					sigma += b.sigma[u]
				}
			}
			b.sigma[v] = sigma
		}
		if v == t {
			// Nodes reached but not settled are in the heap: clear them
			// here, as reset clears only the settled ones.
			for _, it := range b.heap {
				if !b.done[it.node] {
					b.dist[it.node] = math.Inf(1)
				}
			}
			b.heap = b.heap[:0]
			return
		}
		for i := g.off[v]; i < g.off[v+1]; i++ {
			w := g.adj[i]
			if alt := dv + d[i]; !b.done[w] && alt < b.dist[w] {
				// Every node reached is settled before the heap empties,
				// so reset, which walks the settled ones, clears it.
				b.dist[w] = alt
				b.heap.push(heapItem{alt, w})
			}
		}
	}
}

// accumulate adds the dependencies of source s to sum (and their squares
// to sq when it is not nil), walking the settled nodes backwards.
func (b *brandes) accumulate(g *Graph, d []float64, s int, sum, sq []float64) {
	for i := len(b.order) - 1; i > 0; i-- {
		w := b.order[i]
		coeff := (1 + b.delta[w]) / b.sigma[w]
		for j := g.off[w]; j < g.off[w+1]; j++ {
			v := g.adj[j]
			var pred bool
			if d == nil {
				pred = b.level[v] == b.level[w]-1
			} else {
				pred = b.done[v] && b.dist[v]+d[j] == b.dist[w]
			}
			if pred {
				b.delta[v] += b.sigma[v] * coeff
			}
		}
		sum[w] += b.delta[w]
		if sq != nil {
			sq[w] += b.delta[w] * b.delta[w]
		}
	}
}

// distHeap is a binary min-heap of tentative distances.
type distHeap []heapItem

type heapItem struct {
	dist float64
	node int32
}

func (h *distHeap) push(it heapItem) {
	*h = append(*h, it)
	a := *h
	for i := len(a) - 1; i > 0; {
		p := (i - 1) / 2
		if a[p].dist <= a[i].dist {
			break
		}
		a[p], a[i] = a[i], a[p]
		i = p
	}
}

func (h *distHeap) pop() heapItem {
	a := *h
	top := a[0]
	last := len(a) - 1
	a[0] = a[last]
	a = a[:last]
	for i := 0; ; {
		l, small := 2*i+1, i
		if l < len(a) && a[l].dist < a[small].dist {
			small = l
		}
		if r := l + 1; r < len(a) && a[r].dist < a[small].dist {
			small = r
		}
		if small == i {
			break
		}
		a[i], a[small] = a[small], a[i]
		i = small
	}
	*h = a
	return top
}
