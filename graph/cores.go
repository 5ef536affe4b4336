package graph

// CoreNumber returns the core number of every node: the largest k such
// that the node belongs to a subgraph whose nodes all have degree ≥ k
// (networkx 2.8's core_number; weights are not used). It is the bucket
// algorithm of Batagelj and Zaversnik, O(N+M).
func CoreNumber(g *Graph) []int {
	n := g.N()
	deg := make([]int, n)
	maxDeg := 0
	for v := range deg {
		deg[v] = g.Degree(int32(v))
		maxDeg = max(maxDeg, deg[v])
	}
	// Nodes sorted by degree (counting sort), with each degree's start.
	bin := make([]int, maxDeg+2)
	for _, d := range deg {
		bin[d+1]++
	}
	for d := 1; d < len(bin); d++ {
		bin[d] += bin[d-1]
	}
	pos := make([]int, n)
	order := make([]int32, n)
	next := append([]int(nil), bin...)
	for v, d := range deg {
		pos[v] = next[d]
		order[pos[v]] = int32(v)
		next[d]++
	}
	for i := 0; i < n; i++ {
		v := order[i]
		for _, u := range g.adj[g.off[v]:g.off[v+1]] {
			if deg[u] > deg[v] {
				// Move u to the front of its degree's block, then shrink it.
				du := deg[u]
				pu, pw := pos[u], bin[du]
				w := order[pw]
				if u != w {
					order[pu], order[pw] = w, u
					pos[u], pos[w] = pw, pu
				}
				bin[du]++
				deg[u]--
			}
		}
	}
	return deg
}
