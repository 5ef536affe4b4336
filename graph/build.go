package graph

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"

	"coauthor/graph/internal/fsum"
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

// BuildOptions are the settings of a Builder. The zero value is full
// counting without source papers.
type BuildOptions struct {
	Counting Counting
	// KeepPapers records each edge's source papers for Graph.EdgePapers,
	// at 4 bytes per co-author pair.
	KeepPapers bool
	// Mem, when above 0, is the memory in bytes the co-author pairs may
	// take while the graph is built: beyond it they are sorted in runs
	// and spilled to temporary files under TempDir (the system's when
	// ""), then merged into edges (spill.go). The graph is the same. 0
	// keeps every pair in memory, 12 to 24 bytes each at the peak.
	Mem     int64
	TempDir string
}

// Builder turns papers, given as lists of author ids, into a Graph. Each
// pair of co-authors of a paper is kept as one 8-byte key (4 more bytes
// under fractional counting or KeepPapers) until Build sorts the keys by
// radix and sums runs of equal keys into edges.
type Builder struct {
	opt      BuildOptions
	counting Counting
	nodes    []Node
	shift    uint       // key = u<<shift | v
	keys     [][]uint64 // one per co-author pair of a paper, in chunks (no regrowth)
	aux      [][]uint32 // per pair: the paper (KeepPapers) or its author count (fractional)
	pairs    int
	size     []int32 // authors of each paper added, by paper index
	seen     []int32 // scratch: authors of the current paper
	spill    *spill  // the pair store out of memory, when opt.Mem > 0
	err      error   // the options' error, returned by Build
	// stop, when set, reports that the build is to end early: the long
	// loops then return at once with an unfinished graph, which the
	// caller (FromPapers) drops.
	stop func() bool
}

// stopped reports whether b.stop says to end early.
func (b *Builder) stopped() bool { return b.stop != nil && b.stop() }

// NewBuilder returns a builder for a graph whose nodes are the given names,
// node id = index. Invalid options (BuildOptions.Validate) make a builder
// that adds nothing and whose Build returns their error.
func NewBuilder(names []string, opt BuildOptions) *Builder {
	b := &Builder{opt: opt, counting: opt.Counting, nodes: make([]Node, len(names)), shift: uint(bits.Len(uint(len(names))))}
	if b.err = opt.Validate(); b.err != nil {
		b.opt, b.counting = BuildOptions{}, Full
		return b
	}
	for i, name := range names {
		b.nodes[i].Name, b.nodes[i].Person = name, int32(i)
	}
	if opt.Mem > 0 {
		b.spill = newSpill(opt)
	}
	return b
}

// AddPaper adds a paper with the given authors (node ids; repeats count
// once) and year (0 when unknown), and returns its index, which
// Graph.EdgePapers reports.
func (b *Builder) AddPaper(authors []int32, year int) int {
	b.seen = b.seen[:0]
	for _, a := range authors {
		if len(authors) > 64 || !slices.Contains(b.seen, a) {
			b.seen = append(b.seen, a)
		}
	}
	if len(b.seen) > 64 { // a large team: find repeats by sorting
		slices.Sort(b.seen)
		b.seen = slices.Compact(b.seen)
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
	k := len(b.seen)
	var aux uint32
	withAux := b.opt.KeepPapers || b.counting == Fractional
	if b.opt.KeepPapers {
		aux = uint32(paper)
	} else {
		aux = uint32(k)
	}
	for i, a := range b.seen {
		for _, c := range b.seen[i+1:] {
			b.appendPair(uint64(min(a, c))<<b.shift|uint64(max(a, c)), aux, withAux)
		}
	}
	return int(paper)
}

// chunkSize is the number of pairs per chunk of the pair store.
const chunkSize = 1 << 20

func (b *Builder) appendPair(key uint64, aux uint32, withAux bool) {
	if b.spill != nil {
		b.spill.add(b, key, aux)
		b.pairs++
		return
	}
	n := len(b.keys)
	if n == 0 || len(b.keys[n-1]) == chunkSize {
		b.keys = append(b.keys, make([]uint64, 0, chunkSize))
		if withAux {
			b.aux = append(b.aux, make([]uint32, 0, chunkSize))
		}
		n++
	}
	b.keys[n-1] = append(b.keys[n-1], key)
	if withAux {
		b.aux[n-1] = append(b.aux[n-1], aux)
	}
	b.pairs++
}

// Pairs returns the number of co-author pairs added so far (a pair on
// two papers counts twice).
func (b *Builder) Pairs() int { return b.pairs }

// Build returns the graph of the papers added so far. It consumes the
// builder, whose pairs are released as they become edges: call it once,
// and add no papers afterwards. Its error is that of the options
// (BuildOptions.Validate) or, with a memory budget (BuildOptions.Mem), of
// spilling the pairs to disk (a full disk, say).
func (b *Builder) Build() (*Graph, error) {
	if b.err != nil {
		return nil, b.err
	}

	if s := b.spill; s != nil && s.err != nil {
		return nil, s.err // a failed spill, even before any run was written
	}
	if s := b.spill; s != nil && len(s.runs) == 0 { // every pair fit in the budget
		b.spill = nil
		if len(s.keys) > 0 {
			b.keys = [][]uint64{s.keys}
			if s.withAux {
				b.aux = [][]uint32{s.aux}
			}
		}
	}
	if b.spill != nil {
		return b.buildSpilled()
	}
	return b.build(), nil
}

func (b *Builder) build() *Graph {
	keys, auxs := gather(b.keys, b.aux, b.pairs)
	b.keys, b.aux, b.pairs = nil, nil, 0
	if b.stopped() {
		return assemble(b.nodes, nil, nil, nil)
	}
	radixSort(keys, auxs, 2*b.shift)
	if b.stopped() {
		return assemble(b.nodes, nil, nil, nil)
	}
	distinct := 0
	for i, key := range keys {
		if i == 0 || key != keys[i-1] {
			distinct++
		}
	}
	sum := b.newEdgeSum(distinct, len(keys))
	for i, key := range keys {
		if i%(1<<20) == 0 && b.stopped() {
			return assemble(b.nodes, nil, nil, nil)
		}
		aux := uint32(0)
		if auxs != nil {
			aux = auxs[i]
		}
		sum.add(key, aux)
	}
	keys, auxs = nil, nil
	return sum.graph()
}

// edgeSum sums co-author pairs, sorted by key, into edges.
type edgeSum struct {
	b        *Builder
	mask     uint64
	edges    []Edge
	paperOff []int
	papers   []int32
	weight   fsum.Sum
}

// newEdgeSum returns the sum of pairs pairs into distinct edges.
func (b *Builder) newEdgeSum(distinct, pairs int) *edgeSum {
	s := &edgeSum{b: b, mask: uint64(1)<<b.shift - 1, edges: make([]Edge, 0, distinct)}
	if b.opt.KeepPapers {
		s.paperOff = make([]int, 1, distinct+1)
		s.papers = make([]int32, 0, pairs)
	}
	return s
}

// add adds the pair key; aux is its paper (KeepPapers) or, for fractional
// counting, its paper's number of authors.
func (s *edgeSum) add(key uint64, aux uint32) {
	b := s.b
	w := 1.0
	if b.counting == Fractional {
		n := int32(aux)
		if b.opt.KeepPapers {
			n = b.size[aux]
		}
		w = 1 / float64(n-1)
	}
	u, v := int32(key>>b.shift), int32(key&s.mask)
	if n := len(s.edges); n > 0 && s.edges[n-1].U == u && s.edges[n-1].V == v {
		s.weight.Add(w)
		s.edges[n-1].Weight = s.weight.Value()
		s.edges[n-1].Papers++
	} else {
		s.weight = fsum.Sum{}
		s.weight.Add(w)
		s.edges = append(s.edges, Edge{U: u, V: v, Weight: w, Papers: 1})
		if b.opt.KeepPapers && n > 0 {
			s.paperOff = append(s.paperOff, len(s.papers))
		}
	}
	if b.opt.KeepPapers {
		s.papers = append(s.papers, int32(aux))
	}
}

// graph returns the graph of the builder's nodes and the summed edges.
func (s *edgeSum) graph() *Graph {
	if s.b.opt.KeepPapers && len(s.edges) > 0 {
		s.paperOff = append(s.paperOff, len(s.papers))
	}
	nodes := s.b.nodes
	s.b.nodes = nil
	return assemble(nodes, s.edges, s.paperOff, s.papers)
}

// gather concatenates the chunks into one slice each, releasing every
// chunk once copied.
func gather(kc [][]uint64, ac [][]uint32, n int) ([]uint64, []uint32) {
	keys := make([]uint64, 0, n)
	var aux []uint32
	if ac != nil {
		aux = make([]uint32, 0, n)
	}
	for i := range kc {
		keys = append(keys, kc[i]...)
		kc[i] = nil
		if ac != nil {
			aux = append(aux, ac[i]...)
			ac[i] = nil
		}
	}
	return keys, aux
}

// radixSort sorts keys whose values fit in width bits, moving aux (when
// not nil) along; it is stable, so pairs of one key keep their paper
// order.
func radixSort(keys []uint64, aux []uint32, width uint) {
	if len(keys) < 1<<12 {
		if aux == nil {
			slices.Sort(keys)
			return
		}
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
		k2, a2 := make([]uint64, len(keys)), make([]uint32, len(aux))
		for i, j := range idx {
			k2[i], a2[i] = keys[j], aux[j]
		}
		copy(keys, k2)
		copy(aux, a2)
		return
	}
	var scratch []uint32
	if aux != nil {
		scratch = make([]uint32, len(aux))
	}
	radixSortScratch(keys, aux, width, make([]uint64, len(keys)), scratch)
}

// radixSortScratch is radixSort with scratch buffers of the keys' and
// aux's lengths given (aux and auxScratch are nil or empty without aux).
func radixSortScratch(keys []uint64, aux []uint32, width uint, keyScratch []uint64, auxScratch []uint32) {
	if len(aux) == 0 {
		aux = nil
	}
	if len(keys) < 1<<12 {
		radixSort(keys, aux, width) // sorts small inputs without scratch
		return
	}
	const digit = 11
	const buckets = 1 << digit
	src, dst := keys, keyScratch
	var asrc, adst []uint32
	if aux != nil {
		asrc, adst = aux, auxScratch
	}
	passes := 0
	for shift := uint(0); shift < width; shift += digit {
		var count [buckets + 1]int
		for _, k := range src {
			count[(k>>shift)&(buckets-1)+1]++
		}
		if count[(src[0]>>shift)&(buckets-1)+1] == len(src) {
			continue // every key has this digit
		}
		for i := 1; i <= buckets; i++ {
			count[i] += count[i-1]
		}
		if asrc == nil {
			for _, k := range src {
				d := (k >> shift) & (buckets - 1)
				dst[count[d]] = k
				count[d]++
			}
		} else {
			for i, k := range src {
				d := (k >> shift) & (buckets - 1)
				dst[count[d]], adst[count[d]] = k, asrc[i]
				count[d]++
			}
		}
		src, dst = dst, src
		asrc, adst = adst, asrc
		passes++
	}
	if passes%2 == 1 { // the sorted keys are in the scratch buffers
		copy(keys, src)
		if aux != nil {
			copy(aux, asrc)
		}
	}
}
