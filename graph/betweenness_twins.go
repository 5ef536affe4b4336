package graph

import (
	"context"
	"math"
	"slices"

	"coauthor/graph/internal/parallel"
)

// Exact betweenness on a compressed graph (Sariyüce et al., "Shattering
// and compressing networks for betweenness centrality", SDM 2013; Puzis
// et al. 2012). Two kinds of redundancy common in co-authorship graphs
// are removed without changing any value:
//
//   - True twins, nodes with the same closed neighbourhood (and, with
//     weights, the same weight to every other neighbour): the authors of a
//     single paper. No shortest path between two other nodes passes
//     through two twins (the node before the first is adjacent to the
//     second), a path from a twin never passes through another, and every
//     path through the class passes through exactly one of its m members.
//     So the class is one node of the quotient graph with multiplicity m:
//     it counts m times as a source and as a target, multiplies the number
//     of paths through it by m, and each member gets 1/m of its
//     dependency.
//   - Pendant classes, without weights: a class V whose only neighbour
//     class is U (itself with other neighbours). The search from a member
//     of V is the search from U one step further, so V is not searched:
//     U's search counts m(V) more times, and U gets, for each member of V,
//     every target outside U and V (c − m(U) − m(V), c the size of the
//     connected component) analytically. With weights the sums of
//     distances would be added in another order, and ties between paths
//     found with exact float equality could differ, so V is searched.
//
// On ca-GrQc this leaves 3,018 searches of 5,241 on a graph of 8,968
// edges instead of 14,484 (ca-HepTh: 6,657 of 9,875 on 21,949 of 25,973).

// twinGraph is the quotient of a graph by its true-twin classes.
type twinGraph struct {
	off   []int     // neighbours of class c: adj[off[c]:off[c+1]]
	adj   []int32   // neighbour classes, ascending
	d     []float64 // distance of each adjacency entry (nil: unweighted)
	class []int32   // class of each node of the original graph
	size  []float64 // members of each class
	// weight is how many original sources a search from the class
	// stands for (size plus its pendant classes' sizes), 0 for a class
	// not searched.
	weight []float64
	// extra is each class's dependency known without search (pendants).
	extra []float64
}

// twinQuotient groups the nodes of g into true-twin classes, numbered in
// order of their smallest member, and builds the quotient graph.
func twinQuotient(g *Graph, weighted bool) *twinGraph {
	n := g.N()
	class := make([]int32, n)
	var reps []int32 // representative (smallest member) of each class
	byKey := make(map[uint64][]int32, n)
	for v := range int32(n) {
		key := twinKey(g, v, weighted)
		c := int32(-1)
		for _, k := range byKey[key] {
			if trueTwins(g, reps[k], v, weighted) {
				c = k
				break
			}
		}
		if c < 0 {
			c = int32(len(reps))
			reps = append(reps, v)
			byKey[key] = append(byKey[key], c)
		}
		class[v] = c
	}
	k := len(reps)
	t := &twinGraph{class: class, size: make([]float64, k), off: make([]int, k+1)}
	for _, c := range class {
		t.size[c]++
	}
	// Neighbours of a class are those of its representative, mapped to
	// classes, each once, without the class itself: a node adjacent to
	// one member of a class is adjacent to all, at the same weight. The
	// lists are in the representative's order, not sorted by class.
	seen := make([]int32, k)
	for i := range seen {
		seen[i] = -1
	}
	for c, r := range reps {
		for j := g.off[r]; j < g.off[r+1]; j++ {
			u := class[g.adj[j]]
			if u == int32(c) || seen[u] == int32(c) {
				continue
			}
			seen[u] = int32(c)
			t.adj = append(t.adj, u)
			if weighted {
				t.d = append(t.d, 1/g.w[j])
			}
		}
		t.off[c+1] = len(t.adj)
	}
	t.weight = slices.Clone(t.size)
	t.extra = make([]float64, k)
	if weighted {
		return t
	}
	comp := t.componentSizes()
	for c := range k {
		if t.off[c+1]-t.off[c] != 1 {
			continue
		}
		u := t.adj[t.off[c]]
		if t.off[u+1]-t.off[u] < 2 {
			continue // a component of two classes: both searched
		}
		t.weight[u] += t.size[c]
		t.weight[c] = 0
		t.extra[u] += t.size[c] * (comp[c] - t.size[c] - t.size[u])
	}
	return t
}

// twinKey hashes v's closed neighbourhood (with weights, the weights to
// its neighbours), independently of v itself being one of them.
func twinKey(g *Graph, v int32, weighted bool) uint64 {
	h := mix64(uint64(v) + 1)
	for j := g.off[v]; j < g.off[v+1]; j++ {
		h += mix64(uint64(g.adj[j]) + 1)
	}
	h ^= mix64(uint64(g.off[v+1]-g.off[v]) ^ 0x5bd1e995)
	if weighted {
		// Weights to nodes other than the pair differ between twins
		// only when they are not twins, but the weight between the two
		// is in one list and not the other: sum a commutative hash of
		// the multiset of weights, which, with the weight of the pair
		// included on both sides, is the same for twins.
		var s uint64
		for j := g.off[v]; j < g.off[v+1]; j++ {
			s += mix64(math.Float64bits(g.w[j]))
		}
		h ^= mix64(s)
	}
	return h
}

// trueTwins reports whether u and v (u < v) have the same closed
// neighbourhood and, with weights, the same weight to every neighbour
// other than each other.
func trueTwins(g *Graph, u, v int32, weighted bool) bool {
	au, av := g.adj[g.off[u]:g.off[u+1]], g.adj[g.off[v]:g.off[v+1]]
	if len(au) != len(av) {
		return false
	}
	if _, ok := slices.BinarySearch(au, v); !ok {
		return false
	}
	// Closed neighbourhoods: au ∪ {u} and av ∪ {v}. Both hold u and v;
	// compare the rest in order.
	wu, wv := g.w[g.off[u]:g.off[u+1]], g.w[g.off[v]:g.off[v+1]]
	i, j := 0, 0
	for {
		for i < len(au) && au[i] == v {
			i++
		}
		for j < len(av) && av[j] == u {
			j++
		}
		if i == len(au) || j == len(av) {
			return i == len(au) && j == len(av)
		}
		if au[i] != av[j] || weighted && wu[i] != wv[j] {
			return false
		}
		i++
		j++
	}
}

// componentSizes returns, for each class, the number of original nodes in
// its connected component.
func (t *twinGraph) componentSizes() []float64 {
	k := len(t.size)
	comp := make([]int32, k)
	for i := range comp {
		comp[i] = -1
	}
	var sizes []float64
	var stack []int32
	for s := range int32(k) {
		if comp[s] >= 0 {
			continue
		}
		id := int32(len(sizes))
		sizes = append(sizes, 0)
		comp[s] = id
		stack = append(stack[:0], s)
		for len(stack) > 0 {
			c := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			sizes[id] += t.size[c]
			for _, u := range t.adj[t.off[c]:t.off[c+1]] {
				if comp[u] < 0 {
					comp[u] = id
					stack = append(stack, u)
				}
			}
		}
	}
	out := make([]float64, k)
	for c := range out {
		out[c] = sizes[comp[c]]
	}
	return out
}

// exactBetweenness is Brandes' algorithm on g's twin quotient, one search
// per searched class, spread over all cores; values are those of
// betweenness without sampling (the unnormalized sums, before scale).
func exactBetweenness(ctx context.Context, g *Graph, weighted bool) ([]float64, error) {
	t := twinQuotient(g, weighted)
	sums, err := t.search(ctx, t.sources(), weighted)
	if err != nil {
		return nil, err
	}
	classBC := slices.Clone(t.extra)
	for _, sum := range sums {
		for c, x := range sum {
			classBC[c] += x
		}
	}
	bc := make([]float64, g.N())
	for v, c := range t.class {
		bc[v] = classBC[c] / t.size[c]
	}
	return bc, nil
}

// sources returns the classes searched: those with a weight (not a
// pendant class) and a neighbour.
func (t *twinGraph) sources() []int32 {
	var sources []int32
	for c, w := range t.weight {
		if w > 0 && t.off[c+1] > t.off[c] {
			sources = append(sources, int32(c))
		}
	}
	return sources
}

// search runs Brandes' search and accumulation from each of the sources,
// spread over all cores, and returns each part's sums of dependencies.
func (t *twinGraph) search(ctx context.Context, sources []int32, weighted bool) ([][]float64, error) {
	k := len(t.size)
	parts := partCount(k, false)
	sums := make([][]float64, parts)
	parallel.ForEach(parts, func() *brandes { return newBrandes(k) }, func(b *brandes, p int) {
		sum := make([]float64, k)
		for i := p; i < len(sources); i += parts {
			if canceled(ctx) {
				return
			}
			s := sources[i]
			if weighted {
				b.twinDijkstra(t, s)
			} else {
				b.twinBFS(t, s)
			}
			b.twinAccumulate(t, s, sum)
		}
		sums[p] = sum
	})
	return sums, ctx.Err()
}

// twinBFS counts shortest paths from class s on the quotient: sigma[c]
// is the number of shortest paths from one member of s to any member of
// c (the paths to one member times c's size), 1 for s.
func (b *brandes) twinBFS(t *twinGraph, s int32) {
	b.reset()
	b.sigma[s], b.level[s] = 1, 0
	b.order = append(b.order, s)
	for i := 0; i < len(b.order); i++ {
		v := b.order[i]
		if i > 0 {
			// Every predecessor of v was dequeued before it.
			b.sigma[v] *= t.size[v]
		}
		lv, sv := b.level[v], b.sigma[v]
		for _, w := range t.adj[t.off[v]:t.off[v+1]] {
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

// twinDijkstra is twinBFS with the quotient's distances.
func (b *brandes) twinDijkstra(t *twinGraph, s int32) {
	b.reset()
	b.dist[s] = 0
	b.heap = append(b.heap[:0], heapItem{0, s})
	for len(b.heap) > 0 {
		it := b.heap.pop()
		v := it.node
		if b.done[v] {
			continue
		}
		b.done[v] = true
		b.order = append(b.order, v)
		dv := b.dist[v]
		if v == s {
			b.sigma[v] = 1
		} else {
			var sigma float64
			for i := t.off[v]; i < t.off[v+1]; i++ {
				if u := t.adj[i]; b.done[u] && b.dist[u]+t.d[i] == dv {
					sigma += b.sigma[u]
				}
			}
			b.sigma[v] = sigma * t.size[v]
		}
		for i := t.off[v]; i < t.off[v+1]; i++ {
			w := t.adj[i]
			if alt := dv + t.d[i]; !b.done[w] && alt < b.dist[w] {
				b.dist[w] = alt
				b.heap.push(heapItem{alt, w})
			}
		}
	}
}

// twinAccumulate adds the dependencies of the sources class s stands
// for to sum. A class w with sigma[w] paths to its members and size m
// has sigma[w]/m paths to each member; each of its predecessors v takes
// sigma[v]/(sigma[w]/m) of w's m targets and of its dependency.
func (b *brandes) twinAccumulate(t *twinGraph, s int32, sum []float64) {
	weighted := t.d != nil
	ws := t.weight[s]
	for i := len(b.order) - 1; i > 0; i-- {
		w := b.order[i]
		m := t.size[w]
		coeff := (m + b.delta[w]) * m / b.sigma[w]
		for j := t.off[w]; j < t.off[w+1]; j++ {
			v := t.adj[j]
			var pred bool
			if !weighted {
				pred = b.level[v] == b.level[w]-1
			} else {
				pred = b.done[v] && b.dist[v]+t.d[j] == b.dist[w]
			}
			if pred {
				b.delta[v] += b.sigma[v] * coeff
			}
		}
		sum[w] += ws * b.delta[w]
	}
}

// mix64 is SplitMix64's finalizer.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
