// Package netbuild assembles the graph of a graph file as networkx reads
// one: nodes in the order the file first names them, a pair given more
// than once (as u v and v u) one edge with the last weight given,
// self-loops dropped with their nodes kept.
package netbuild

import "coauthor/graph"

// Builder assembles a graph node by node and link by link.
type Builder struct {
	names []string
	index map[string]int32
	edges []graph.Edge
	pairs map[[2]int32]int // pair → index in edges
}

// New returns an empty builder.
func New() *Builder {
	return &Builder{index: make(map[string]int32), pairs: make(map[[2]int32]int)}
}

// Has reports whether a node is labelled label.
func (b *Builder) Has(label string) bool { _, ok := b.index[label]; return ok }

// Node returns the id of the node labelled label, adding it if new.
func (b *Builder) Node(label string) int32 {
	if i, ok := b.index[label]; ok {
		return i
	}
	i := int32(len(b.names))
	b.index[label] = i
	b.names = append(b.names, label)
	return i
}

// Link sets the weight of the edge between u and v.
func (b *Builder) Link(u, v int32, w float64) {
	if u == v {
		return
	}
	if u > v {
		u, v = v, u
	}
	if i, ok := b.pairs[[2]int32{u, v}]; ok {
		b.edges[i].Weight = w
		return
	}
	b.pairs[[2]int32{u, v}] = len(b.edges)
	b.edges = append(b.edges, graph.Edge{U: u, V: v, Weight: w})
}

// Graph returns the graph assembled: node id = order of first mention,
// Node.Person = node id. Its error is graph.FromEdges's for a weight the
// reader let through.
func (b *Builder) Graph() (*graph.Graph, error) {
	nodes := make([]graph.Node, len(b.names))
	for i, name := range b.names {
		nodes[i] = graph.Node{Name: name, Person: int32(i)}
	}
	return graph.FromEdges(nodes, b.edges)
}
