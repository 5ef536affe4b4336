package graph

import "slices"

// Induced returns the subgraph of g on the given nodes (ascending ids of
// g) with the edges among them of weight at least minWeight, and nothing
// else: node i of the result is nodes[i] of g. Source papers are dropped.
func Induced(g *Graph, nodes []int32, minWeight float64) *Graph {
	index := make(map[int32]int32, len(nodes))
	sub := make([]Node, len(nodes))
	for i, v := range nodes {
		index[v] = int32(i)
		sub[i] = g.nodes[v]
	}
	var edges []Edge
	for _, e := range g.edges {
		u, okU := index[e.U]
		v, okV := index[e.V]
		if okU && okV && e.Weight >= minWeight {
			edges = append(edges, Edge{U: u, V: v, Weight: e.Weight, Papers: e.Papers})
		}
	}
	return fromEdges(sub, edges)
}

// Ego returns the nodes within depth edges of v, ascending, v included.
func Ego(g *Graph, v int32, depth int) []int32 {
	b := newBFS(g.N())
	b.run(g, v)
	var out []int32
	for _, u := range b.queue {
		if int(b.level[u]) <= depth {
			out = append(out, u)
		}
	}
	slices.Sort(out)
	return out
}
