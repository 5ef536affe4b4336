// Package graph holds the weighted, undirected co-authorship graph and the
// measures computed on it.
//
// A Graph is stored in compressed sparse row form: node ids are int32
// 0..N-1, the neighbours of node v are sorted and stored contiguously with
// their weights, and each undirected edge also has an id 0..M-1 (int32)
// under which its endpoints, weight and source papers are kept. This keeps
// graphs of millions of authors in a few flat slices; Weighted gives a
// view that gonum's algorithms accept.
//
// A graph is built from papers given as lists of author ids (Builder,
// FromPapers) or from weighted edges (FromEdges); it knows nothing of how
// the papers were read or the names resolved. The subpackages hold the
// rest: community (Louvain, Leiden, modularity), measure (the per-author
// measures by name), layout (ForceAtlas2), formats (graph files in and
// out: edge list, GML, GraphML, GEXF, node-link JSON, CSV, Pajek,
// VOSviewer). None of them draws: pictures are the render package's.
package graph

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"coauthor/graph/internal/fsum"
)

// Node is one author.
type Node struct {
	Name      string
	Person    int32 // the person's id in the identity the graph was built from (FromCorpus), else the node id
	Papers    int   // papers the author is on
	FirstYear int   // 0 when no paper has a year
	LastYear  int
}

// Edge is one co-author pair, U < V.
type Edge struct {
	U, V   int32
	Weight float64 // shared papers, or Newman's fractional weight
	Papers int     // shared papers
}

// Graph is an undirected weighted graph in compressed sparse row form.
// Build one with a Builder or FromEdges; it is read-only afterwards and
// safe for concurrent readers.
type Graph struct {
	nodes []Node
	off   []int     // neighbours of v: adj[off[v]:off[v+1]]
	adj   []int32   // neighbour ids, ascending per node
	w     []float64 // weight of each adjacency entry
	eid   []int32   // edge id of each adjacency entry
	edges []Edge
	// Source papers of edge e: papers[paperOff[e]:paperOff[e+1]]; nil
	// when the graph was not built from papers.
	paperOff []int
	papers   []int32
}

// N returns the number of nodes.
func (g *Graph) N() int { return len(g.nodes) }

// M returns the number of edges.
func (g *Graph) M() int { return len(g.edges) }

// Node returns node v.
func (g *Graph) Node(v int32) Node { return g.nodes[v] }

// Edge returns edge e.
func (g *Graph) Edge(e int32) Edge { return g.edges[e] }

// Neighbors returns v's neighbours in ascending order and the weights of
// the edges to them. The slices are shared; do not modify them.
func (g *Graph) Neighbors(v int32) ([]int32, []float64) {
	lo, hi := g.off[v], g.off[v+1]
	return g.adj[lo:hi], g.w[lo:hi]
}

// Degree returns the number of v's distinct co-authors.
func (g *Graph) Degree(v int32) int { return g.off[v+1] - g.off[v] }

// Strength returns the sum of the weights of v's edges.
func (g *Graph) Strength(v int32) float64 {
	var s fsum.Sum
	for _, w := range g.w[g.off[v]:g.off[v+1]] {
		s.Add(w)
	}
	return s.Value()
}

// EdgeID returns the id of the edge between u and v, or -1.
func (g *Graph) EdgeID(u, v int32) int32 {
	nb, _ := g.Neighbors(u)
	if i, ok := slices.BinarySearch(nb, v); ok {
		return g.eid[g.off[u]+i]
	}
	return -1
}

// Adjacency returns the compressed sparse rows of g for algorithms that
// walk them directly: the neighbours of v are adj[off[v]:off[v+1]]
// (ascending) and w holds each entry's weight. The slices are shared; do
// not modify them.
func (g *Graph) Adjacency() (off []int, adj []int32, w []float64) { return g.off, g.adj, g.w }

// EdgePapers returns the indexes of the papers edge e came from, as given
// to the Builder, ascending; nil when the graph was not built from papers.
func (g *Graph) EdgePapers(e int32) []int32 {
	if g.paperOff == nil {
		return nil
	}
	return g.papers[g.paperOff[e]:g.paperOff[e+1]]
}

// FromEdges returns the graph with the given nodes and edges. Edges are
// undirected: (u, v) and (v, u) are one edge, whose weight is the sum of
// the weights given for it; self-loops are dropped. An edge whose end is
// not a node, or whose weight is NaN, infinite or negative, is an error
// naming it (ErrEdge), and so is a sum of weights that overflows. A
// weight of 0 is kept: the edge counts for degree, components and
// unweighted paths, adds nothing to strength, PageRank or modularity,
// and its length 1/0 in weighted paths is infinite (as a graph file
// gives it; formats.CheckWeight allows it too).
func FromEdges(nodes []Node, edges []Edge) (*Graph, error) {
	for i, e := range edges {
		if err := checkEdge(len(nodes), e); err != nil {
			return nil, fmt.Errorf("graph: edge %d (%d–%d): %w", i, e.U, e.V, err)
		}
	}
	g := fromEdges(nodes, edges)
	for i := range g.edges {
		if e := g.edges[i]; math.IsInf(e.Weight, 0) {
			return nil, fmt.Errorf("graph: edge %d–%d: %w: its weights sum to %v", e.U, e.V, ErrEdge, e.Weight)
		}
	}
	return g, nil
}

// ErrEdge is the error of an edge FromEdges cannot take.
var ErrEdge = errors.New("invalid edge")

func checkEdge(n int, e Edge) error {
	switch {
	case e.U < 0 || int(e.U) >= n || e.V < 0 || int(e.V) >= n:
		return fmt.Errorf("%w: an end is not one of the %d nodes", ErrEdge, n)
	case math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) || e.Weight < 0:
		return fmt.Errorf("%w: weight %v, want a finite number, 0 or more", ErrEdge, e.Weight)
	case e.Papers < 0:
		return fmt.Errorf("%w: %d papers, want 0 or more", ErrEdge, e.Papers)
	}
	return nil
}

// fromEdges is FromEdges of edges known to be valid (a graph's own).
func fromEdges(nodes []Node, edges []Edge) *Graph {
	es := make([]Edge, 0, len(edges))
	for _, e := range edges {
		if e.U == e.V {
			continue
		}
		if e.U > e.V {
			e.U, e.V = e.V, e.U
		}
		es = append(es, e)
	}
	slices.SortStableFunc(es, compareEdges)
	merged := es[:0]
	for _, e := range es {
		if n := len(merged); n > 0 && merged[n-1].U == e.U && merged[n-1].V == e.V {
			merged[n-1].Weight += e.Weight
			merged[n-1].Papers += e.Papers
			continue
		}
		merged = append(merged, e)
	}
	return assemble(slices.Clone(nodes), slices.Clip(merged), nil, nil)
}

func compareEdges(a, b Edge) int {
	if a.U != b.U {
		return int(a.U) - int(b.U)
	}
	return int(a.V) - int(b.V)
}

// assemble builds the adjacency of edges sorted by (U, V).
func assemble(nodes []Node, edges []Edge, paperOff []int, papers []int32) *Graph {
	n := len(nodes)
	g := &Graph{nodes: nodes, edges: edges, paperOff: paperOff, papers: papers, off: make([]int, n+1)}
	for _, e := range edges {
		g.off[e.U+1]++
		g.off[e.V+1]++
	}
	for v := 0; v < n; v++ {
		g.off[v+1] += g.off[v]
	}
	g.adj = make([]int32, 2*len(edges))
	g.w = make([]float64, 2*len(edges))
	g.eid = make([]int32, 2*len(edges))
	next := slices.Clone(g.off[:n])
	// Edges sorted by (U, V) fill each list in ascending order: a node's
	// smaller neighbours arrive (as U) before its larger ones.
	put := func(v, u int32, w float64, id int) {
		i := next[v]
		next[v]++
		g.adj[i], g.w[i], g.eid[i] = u, w, int32(id)
	}
	for id, e := range edges {
		put(e.U, e.V, e.Weight, id)
		put(e.V, e.U, e.Weight, id)
	}
	return g
}
