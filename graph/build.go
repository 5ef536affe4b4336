package graph

import (
	"fmt"
	"slices"
)

// Counting says how a paper adds weight to the pairs of its authors.
type Counting int

const (
	// Full counting: each shared paper adds 1.
	Full Counting = iota
	// Fractional counting (Newman 2001): a paper with n ≥ 2 authors adds
	// 1/(n−1) to each of its pairs, so each author's strength from it is 1.
	Fractional
)

func (c Counting) String() string {
	switch c {
	case Full:
		return "full"
	case Fractional:
		return "fractional"
	}
	return fmt.Sprintf("Counting(%d)", int(c))
}

// ParseCounting returns the Counting named "full" or "fractional".
func ParseCounting(s string) (Counting, error) {
	switch s {
	case "full":
		return Full, nil
	case "fractional":
		return Fractional, nil
	}
	return 0, fmt.Errorf("unknown counting %q: want full or fractional", s)
}

// Builder turns papers, given as lists of author ids, into a Graph.
type Builder struct {
	counting Counting
	nodes    []Node
	pairs    []pair
	size     []int32 // authors of each paper added, by paper index
	seen     []int32 // scratch: authors of the current paper
}

type pair struct{ u, v, paper int32 }

// NewBuilder returns a builder for a graph whose nodes are the given names,
// node id = index.
func NewBuilder(names []string, counting Counting) *Builder {
	b := &Builder{counting: counting, nodes: make([]Node, len(names))}
	for i, name := range names {
		b.nodes[i].Name = name
	}
	return b
}

// AddPaper adds a paper with the given authors (node ids; repeats count
// once) and year (0 when unknown), and returns its index, which
// Graph.EdgePapers reports.
func (b *Builder) AddPaper(authors []int32, year int) int {
	b.seen = b.seen[:0]
	for _, a := range authors {
		if !slices.Contains(b.seen, a) {
			b.seen = append(b.seen, a)
		}
	}
	paper := int32(len(b.size))
	b.size = append(b.size, int32(len(b.seen)))
	for _, a := range b.seen {
		n := &b.nodes[a]
		n.Papers++
		if year != 0 {
			if n.FirstYear == 0 || year < n.FirstYear {
				n.FirstYear = year
			}
			if year > n.LastYear {
				n.LastYear = year
			}
		}
	}
	for i, a := range b.seen {
		for _, c := range b.seen[i+1:] {
			b.pairs = append(b.pairs, pair{min(a, c), max(a, c), paper})
		}
	}
	return int(paper)
}

// Build returns the graph of the papers added so far.
func (b *Builder) Build() *Graph {
	pairs := slices.Clone(b.pairs)
	slices.SortFunc(pairs, func(x, y pair) int {
		if x.u != y.u {
			return int(x.u) - int(y.u)
		}
		if x.v != y.v {
			return int(x.v) - int(y.v)
		}
		return int(x.paper) - int(y.paper)
	})
	var edges []Edge
	paperOff := []int{0}
	papers := make([]int32, 0, len(pairs))
	var weight sum
	for _, p := range pairs {
		w := 1.0
		if b.counting == Fractional {
			w = 1 / float64(b.size[p.paper]-1)
		}
		if n := len(edges); n > 0 && edges[n-1].U == p.u && edges[n-1].V == p.v {
			weight.add(w)
			edges[n-1].Weight = weight.value()
			edges[n-1].Papers++
		} else {
			weight = sum{}
			weight.add(w)
			edges = append(edges, Edge{U: p.u, V: p.v, Weight: w, Papers: 1})
			if n > 0 {
				paperOff = append(paperOff, len(papers))
			}
		}
		papers = append(papers, p.paper)
	}
	if len(edges) > 0 {
		paperOff = append(paperOff, len(papers))
	}
	return assemble(slices.Clone(b.nodes), edges, paperOff, papers)
}
