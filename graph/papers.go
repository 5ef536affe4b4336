package graph

import (
	"cmp"
	"context"

	"coauthor/graph/internal/group"
)

// Papers is what FromPapers reads: papers as lists of author ids. An
// identity resolution provides it (the papers of a corpus with each
// spelling replaced by its person), and so can any other source.
type Papers interface {
	// Len returns the number of papers.
	Len() int
	// Authors returns paper i's author ids, each in [0, people). The
	// slice may be reused by the next call.
	Authors(i int) []int32
	// Year returns paper i's year, 0 when unknown.
	Year(i int) int
}

// localityFrom is the number of people from which FromPapers numbers the
// nodes for memory locality rather than by name.
const localityFrom = 1 << 16

// FromPapers builds the co-authorship graph of papers whose authors are
// ids into names: a node per name, an edge per pair of people who share a
// paper. Node.Person is the node's index in names. Up to 65,536 people,
// node id = that index (so names in sorted order give nodes in sorted
// order); above, nodes are numbered in breadth-first order over papers
// and authors, so that co-authors sit close in memory: on the
// 7.5-million-paper DBLP corpus that made PageRank several times faster
// than name order, whose every neighbour is a cache miss. Its error is
// that of the options (BuildOptions.Validate); ctx's soon after ctx ends;
// that of spilling pairs to disk under a memory budget; or, before
// anything is built, a *TooLargeError when a paper's co-author pairs
// alone would exceed the memory budget (BuildOptions.Mem, or
// DefaultMemory when it is 0; see planMemory).
func FromPapers(ctx context.Context, names []string, ps Papers, opt BuildOptions) (*Graph, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	stop := func() bool { return canceled(ctx) }
	defer limitMemory(cmp.Or(opt.Mem, DefaultMemory()))()
	opt, err := planMemory(ps, opt, stop)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	people := len(names)
	node := make([]int32, people) // person → node
	if people >= localityFrom {
		if node = localOrder(ps, people, stop); node == nil {
			return nil, ctx.Err()
		}
	} else {
		for p := range node {
			node[p] = int32(p)
		}
	}
	ordered := make([]string, people)
	for p, name := range names {
		ordered[node[p]] = name
	}
	b := NewBuilder(ordered, opt)
	b.stop = stop
	for p := range names {
		b.nodes[node[p]].Person = int32(p)
	}
	var authors []int32
	checked := 0 // pairs added at the last look at the context
	for i := 0; i < ps.Len(); i++ {
		if i%4096 == 0 || b.pairs-checked >= 1<<20 {
			if checked = b.pairs; stop() {
				return nil, ctx.Err()
			}
		}
		authors = authors[:0]
		for _, a := range ps.Authors(i) {
			authors = append(authors, node[a])
		}
		b.AddPaper(authors, ps.Year(i))
	}
	g, err := b.Build()
	if err == nil && stop() {
		return nil, ctx.Err()
	}
	return g, err
}

// localOrder numbers people in breadth-first order over the bipartite
// graph of papers and people, starting from each unnumbered person in
// person order, and returns person → number; nil when stop says to end.
func localOrder(ps Papers, people int, stop func() bool) []int32 {
	// The papers of each person: a counting sort of (person, paper).
	var owner, paperOf []int32
	for i := 0; i < ps.Len(); i++ {
		if i%(1<<16) == 0 && stop() {
			return nil
		}
		for _, a := range ps.Authors(i) {
			owner = append(owner, a)
			paperOf = append(paperOf, int32(i))
		}
	}
	off, entries := group.ByKey(owner, people)
	owner = nil
	order := make([]int32, people)
	for p := range order {
		order[p] = -1
	}
	seenPaper := make([]bool, ps.Len())
	queue := make([]int32, 0, people)
	n := int32(0)
	for start := 0; start < people; start++ {
		if order[start] >= 0 {
			continue
		}
		if start%(1<<12) == 0 && stop() {
			return nil
		}
		order[start] = n
		n++
		queue = append(queue[:0], int32(start))
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			for _, e := range entries[off[p]:off[p+1]] {
				paper := paperOf[e]
				if seenPaper[paper] {
					continue
				}
				seenPaper[paper] = true
				for _, q := range ps.Authors(int(paper)) {
					if order[q] < 0 {
						order[q] = n
						n++
						queue = append(queue, q)
					}
				}
			}
		}
	}
	return order
}
