package graph

import "coauthor/parse"

// FromNetwork returns the graph of a network read from a graph file: node
// id = index in net.Labels, edge weight as given.
func FromNetwork(net *parse.Network) *Graph {
	nodes := make([]Node, len(net.Labels))
	for i, l := range net.Labels {
		nodes[i].Name, nodes[i].Person = l, int32(i)
	}
	edges := make([]Edge, len(net.Links))
	for i, l := range net.Links {
		edges[i] = Edge{U: int32(l.U), V: int32(l.V), Weight: l.Weight}
	}
	return FromEdges(nodes, edges)
}
