package graph

import (
	"slices"

	gonum "gonum.org/v1/gonum/graph"
)

// Weighted returns a view of g that gonum's algorithms accept. Node ids
// are g's ids; an edge's weight is its co-authorship weight (gonum's path
// package reads weights as distances, so pass it a reweighted copy there).
func (g *Graph) Weighted() Gonum { return view{g} }

// Gonum is gonum's undirected graph, weighted and unweighted, so that both
// kinds of gonum algorithm accept the view.
type Gonum interface {
	gonum.WeightedUndirected
	gonum.Undirected
}

type view struct{ g *Graph }

var _ Gonum = view{}

type node int64

func (n node) ID() int64 { return int64(n) }

type edge struct {
	f, t node
	w    float64
}

func (e edge) From() gonum.Node         { return e.f }
func (e edge) To() gonum.Node           { return e.t }
func (e edge) ReversedEdge() gonum.Edge { return edge{e.t, e.f, e.w} }
func (e edge) Weight() float64          { return e.w }

func (v view) has(id int64) bool { return id >= 0 && id < int64(v.g.N()) }

func (v view) Node(id int64) gonum.Node {
	if !v.has(id) {
		return nil
	}
	return node(id)
}

func (v view) Nodes() gonum.Nodes { return &nodes{n: v.g.N(), i: -1} }

func (v view) From(id int64) gonum.Nodes {
	if !v.has(id) {
		return &nodes{i: -1}
	}
	nb, _ := v.g.Neighbors(int32(id))
	return &nodes{ids: nb, n: len(nb), i: -1}
}

func (v view) HasEdgeBetween(x, y int64) bool { _, ok := v.Weight(x, y); return ok && x != y }

func (v view) Edge(u, w int64) gonum.Edge { return v.WeightedEdge(u, w) }

func (v view) EdgeBetween(x, y int64) gonum.Edge { return v.WeightedEdge(x, y) }

func (v view) WeightedEdgeBetween(x, y int64) gonum.WeightedEdge { return v.WeightedEdge(x, y) }

func (v view) WeightedEdge(u, w int64) gonum.WeightedEdge {
	wt, ok := v.Weight(u, w)
	if !ok || u == w {
		return nil
	}
	return edge{node(u), node(w), wt}
}

// Weight returns the weight of the edge between x and y; 0 and true when
// x == y, as gonum's simple graphs do with a zero self weight.
func (v view) Weight(x, y int64) (float64, bool) {
	if !v.has(x) || !v.has(y) {
		return 0, false
	}
	if x == y {
		return 0, true
	}
	nb, w := v.g.Neighbors(int32(x))
	if i, ok := slices.BinarySearch(nb, int32(y)); ok {
		return w[i], true
	}
	return 0, false
}

// nodes iterates over ids[0:n], or over 0..n-1 when ids is nil.
type nodes struct {
	ids []int32
	n   int
	i   int
}

func (it *nodes) Next() bool {
	if it.i+1 >= it.n {
		it.i = it.n
		return false
	}
	it.i++
	return true
}

func (it *nodes) Len() int { return max(0, it.n-it.i-1) }

func (it *nodes) Reset() { it.i = -1 }

func (it *nodes) Node() gonum.Node {
	if it.i < 0 || it.i >= it.n {
		return nil
	}
	if it.ids == nil {
		return node(it.i)
	}
	return node(it.ids[it.i])
}
