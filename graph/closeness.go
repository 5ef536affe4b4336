package graph

import "coauthor/graph/internal/parallel"

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
// not depend on the number of cores.
func Reachability(g *Graph) *Reach {
	n := g.N()
	r := &Reach{Reached: make([]int32, n), Total: make([]int64, n), Harmonic: make([]float64, n), Eccentricity: make([]int32, n)}
	parallel.ForEach(n, func() *bfsState { return newBFS(n) }, func(b *bfsState, s int) {
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
	return r
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

// Closeness returns the closeness centrality of every node (see
// Reach.Closeness).
func Closeness(g *Graph) []float64 { return Reachability(g).Closeness() }

// Harmonic returns the harmonic centrality of every node, Σ_{u≠v}
// 1/d(v,u) with 1/∞ = 0, not normalized (networkx 2.8's
// harmonic_centrality).
func Harmonic(g *Graph) []float64 { return Reachability(g).Harmonic }

// bfsState holds one worker's buffers for breadth-first search.
type bfsState struct {
	level []int32
	queue []int32
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
