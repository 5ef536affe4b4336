package parse

// Network is a graph read from a graph file (edge list, GML): node labels
// in the order the file first names them and weighted undirected links
// between node indexes. A pair given more than once (as u v and v u) is one
// link whose weight is the last one given, as networkx reads such files;
// self-loops are dropped, their nodes kept.
type Network struct {
	Labels []string
	Links  []Link
}

// Link is an undirected weighted edge between two node indexes, U < V.
type Link struct {
	U, V   int
	Weight float64
}

// networkBuilder assembles a Network, keeping the last weight of a pair.
type networkBuilder struct {
	net   Network
	index map[string]int
	pairs map[[2]int]int // pair → index in net.Links
}

func newNetworkBuilder() *networkBuilder {
	return &networkBuilder{index: make(map[string]int), pairs: make(map[[2]int]int)}
}

func (b *networkBuilder) node(label string) int {
	if i, ok := b.index[label]; ok {
		return i
	}
	i := len(b.net.Labels)
	b.index[label] = i
	b.net.Labels = append(b.net.Labels, label)
	return i
}

func (b *networkBuilder) link(u, v int, w float64) {
	if u == v {
		return
	}
	if u > v {
		u, v = v, u
	}
	if i, ok := b.pairs[[2]int{u, v}]; ok {
		b.net.Links[i].Weight = w
		return
	}
	b.pairs[[2]int{u, v}] = len(b.net.Links)
	b.net.Links = append(b.net.Links, Link{u, v, w})
}
