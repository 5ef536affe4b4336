// Package explorer is the co-authorship network as the explorer shows
// it: a Network answers the questions of the command line and of the web
// app alike (find an author by name, an author's papers and co-authors,
// an edge's shared papers, the collaboration paths between two authors),
// and an App adds the map (positions, sizes, clusters) and serves it as a
// web app over HTTP or writes it as one self-contained HTML file.
package explorer

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"coauthor/graph"
	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/identity"
	"coauthor/parse/names"
)

// Network is a co-authorship graph with the papers and identities it was
// built from (both nil for a graph file). It is safe for concurrent use;
// its name index and its authors' papers are built on first use.
type Network struct {
	G        *graph.Graph
	Corpus   *corpus.Corpus
	Identity *identity.Identity
	node     []int32      // person → node, -1 when not in G; nil for a graph file
	units    graph.Papers // the papers as unit ids (NewUnitNetwork), else nil
	// Unit names a unit network's nodes in the singular ("country",
	// "institution") for the web app's words; "" for authors.
	Unit string

	matcherOnce sync.Once
	matcher     *identity.Matcher
	words       *wordIndex
	// Papers of node v: papers[off[v]:off[v+1]], corpus indices ascending.
	papersOnce sync.Once
	off        []int
	papers     []int32
}

// NewNetwork returns the network of g, built from the papers of c as
// resolved by id (both may be nil); g's nodes may be any subset of id's
// people (Node.Person).
func NewNetwork(g *graph.Graph, c *corpus.Corpus, id *identity.Identity) *Network {
	n := &Network{G: g, Corpus: c, Identity: id}
	if c == nil || id == nil {
		n.Corpus, n.Identity = nil, nil
		return n
	}
	n.node = make([]int32, len(id.People))
	for i := range n.node {
		n.node[i] = -1
	}
	for v := range int32(g.N()) {
		n.node[g.Node(v).Person] = v
	}
	return n
}

// NewUnitNetwork returns the network of g built from the papers of c
// projected onto units (institutions, countries): units lists each paper's
// unit ids, n of them in all, and g's nodes are any subset of them
// (Node.Person). Its nodes have no identity: no variants, no source id.
func NewUnitNetwork(g *graph.Graph, c *corpus.Corpus, units graph.Papers, n int) *Network {
	nw := &Network{G: g, Corpus: c, units: units, node: make([]int32, n)}
	for i := range nw.node {
		nw.node[i] = -1
	}
	for v := range int32(g.N()) {
		nw.node[g.Node(v).Person] = v
	}
	return nw
}

// Matcher returns the index of the network's authors by name and merged
// variants, ids the node ids.
func (n *Network) Matcher() *identity.Matcher {
	n.matcherOnce.Do(func() {
		entries := make([]identity.Entry, n.G.N())
		var people []identity.Entry
		if n.Identity != nil {
			people = n.Identity.Entries(nil)
		}
		for v := range int32(n.G.N()) {
			node := n.G.Node(v)
			entries[v] = identity.Entry{Name: node.Name, Papers: node.Papers}
			if people != nil {
				entries[v].Variants = people[node.Person].Variants
				entries[v].IDs = people[node.Person].IDs
			}
		}
		n.matcher = identity.NewMatcher(entries)
		n.words = newWordIndex(entries)
	})
	return n.matcher
}

// wordIndex finds the authors with a name's folded words as whole words
// of one of their spellings, as Matcher.Match does when no spelling is
// the name, through the authors of each word instead of every author: a
// file of names costs names × (authors of the rarest word) comparisons,
// not names × authors.
type wordIndex struct {
	keys  [][]string         // per author: folded spellings, as Matcher keeps them
	words map[string][]int32 // folded word → authors with it in a spelling, ascending
	// compared counts the spellings compared, for tests of the work.
	compared atomic.Int64
}

func newWordIndex(entries []identity.Entry) *wordIndex {
	x := &wordIndex{keys: make([][]string, len(entries)), words: map[string][]int32{}}
	for i, e := range entries {
		for _, s := range append([]string{e.Name}, e.Variants...) {
			for _, f := range []string{names.Fold(s), names.Key(s)} {
				if f == "" || slices.Contains(x.keys[i], f) {
					continue
				}
				x.keys[i] = append(x.keys[i], f)
				for _, w := range strings.Fields(f) {
					if ids := x.words[w]; len(ids) == 0 || ids[len(ids)-1] != int32(i) {
						x.words[w] = append(ids, int32(i))
					}
				}
			}
		}
	}
	return x
}

// find returns the authors one of whose spellings holds name's folded
// words as whole words, ascending.
func (x *wordIndex) find(name string) []int32 {
	f := names.Fold(name)
	words := strings.Fields(f)
	if len(words) == 0 {
		return nil
	}
	// The authors of the rarest word are the candidates.
	cand := x.words[words[0]]
	for _, w := range words[1:] {
		if ids := x.words[w]; len(ids) < len(cand) {
			cand = ids
		}
	}
	var ids []int32
	var compared int64
	for _, i := range cand {
		for _, k := range x.keys[i] {
			compared++
			if strings.Contains(" "+k+" ", " "+f+" ") {
				ids = append(ids, i)
				break
			}
		}
	}
	x.compared.Add(compared)
	return ids
}

// matchName returns the one author name names, as Matcher.Match does,
// without the near misses Match looks for when it names none.
func (n *Network) matchName(name string) (int32, bool) {
	m := n.Matcher()
	if rest, ok := strings.CutPrefix(name, "id:"); ok {
		id, err := strconv.Atoi(rest)
		return int32(id), err == nil && id >= 0 && id < m.Len()
	}
	if id, ok := m.ByID(name); ok {
		return id, true
	}
	ids := m.Lookup(name)
	if len(ids) == 0 {
		ids = n.words.find(name)
	}
	if len(ids) == 0 {
		ids = m.ByInitials(name)
	}
	if len(ids) == 1 {
		return ids[0], true
	}
	return -1, false
}

// eachPaper calls f with every corpus paper that has an author in the
// network and those authors (node ids, once each; the slice is reused).
func (n *Network) eachPaper(f func(i int, authors []int32)) {
	var authors []int32
	for i := 0; i < n.Corpus.Len(); i++ {
		authors = authors[:0]
		if n.units != nil {
			for _, u := range n.units.Authors(i) {
				if v := n.node[u]; v >= 0 && !slices.Contains(authors, v) {
					authors = append(authors, v)
				}
			}
			if len(authors) > 0 {
				f(i, authors)
			}
			continue
		}
		for _, name := range n.Corpus.Authors(i) {
			if v := n.node[n.Identity.Of(i, name)]; v >= 0 && !slices.Contains(authors, v) {
				authors = append(authors, v)
			}
		}
		if len(authors) > 0 {
			f(i, authors)
		}
	}
}

// NodePapers returns the corpus indices of v's papers, ascending (nil for
// a graph file).
func (n *Network) NodePapers(v int32) []int32 {
	if n.Corpus == nil {
		return nil
	}
	n.papersOnce.Do(func() {
		count := make([]int, n.G.N()+1)
		n.eachPaper(func(_ int, authors []int32) {
			for _, v := range authors {
				count[v+1]++
			}
		})
		for v := 1; v <= n.G.N(); v++ {
			count[v] += count[v-1]
		}
		n.off = slices.Clone(count)
		n.papers = make([]int32, count[n.G.N()])
		n.eachPaper(func(i int, authors []int32) {
			for _, v := range authors {
				n.papers[count[v]] = int32(i)
				count[v]++
			}
		})
	})
	return n.papers[n.off[v]:n.off[v+1]]
}

// SharedPapers returns the papers u and v share, ascending.
func (n *Network) SharedPapers(u, v int32) []int32 {
	a, b := n.NodePapers(u), n.NodePapers(v)
	var out []int32
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			out = append(out, a[0])
			a, b = a[1:], b[1:]
		}
	}
	return out
}

// Paper is one paper as the explorer lists it.
type Paper struct {
	ID    int32  `json:"id"`
	Title string `json:"title"`
	Year  int    `json:"year"`
	Venue string `json:"venue"`
	// URL is the address to read the paper (parse.Meta.Link: its DOI's,
	// else the source's link, else its arXiv, PubMed or OpenAlex page),
	// only an http or https one; "" for none.
	URL string `json:"url"`
	DOI string `json:"doi,omitempty"`
}

// Paper returns corpus paper i.
func (n *Network) Paper(i int32) Paper {
	p := Paper{ID: i, Title: n.Corpus.Title(int(i)), Year: n.Corpus.Year(int(i)), Venue: n.Corpus.Venue(int(i))}
	if m := n.Corpus.Meta(int(i)); m != nil {
		p.URL, p.DOI = webLink(m.Link()), m.ID(parse.IDDOI)
	}
	return p
}

// webLink returns u when it is an http or https address a browser may
// follow, "" otherwise (javascript:, data: and the like are no links).
func webLink(u string) string {
	x, err := url.Parse(u)
	if err != nil || x.Host == "" || x.Scheme != "http" && x.Scheme != "https" || strings.ContainsAny(u, "\x00\n\r\t") {
		return ""
	}
	return u
}

// Papers returns the papers ids, latest first, then by title.
func (n *Network) Papers(ids []int32) []Paper {
	out := make([]Paper, 0, len(ids))
	for _, i := range ids {
		out = append(out, n.Paper(i))
	}
	slices.SortFunc(out, func(a, b Paper) int {
		return cmp.Or(cmp.Compare(b.Year, a.Year), strings.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// Check returns an error when v is not a node.
func (n *Network) Check(v int32) error {
	if v < 0 || int(v) >= n.G.N() {
		return fmt.Errorf("unknown author id %d", v)
	}
	return nil
}

// Coauthor is a co-author in Author.
type Coauthor struct {
	ID     int32  `json:"id"`
	Name   string `json:"name"`
	Shared int    `json:"shared"` // shared papers
}

// Author is what the explorer tells of one author.
type Author struct {
	ID        int32              `json:"id"`
	Name      string             `json:"name"`
	SourceID  string             `json:"source_id"`
	Variants  []identity.Variant `json:"variants"`
	Reasons   []string           `json:"reasons"`
	Cluster   int32              `json:"cluster"`
	Measures  map[string]float64 `json:"measures"`
	Papers    []Paper            `json:"papers"`
	Coauthors []Coauthor         `json:"coauthors"`
}

// Author returns what the explorer tells of v (Cluster and Measures are
// the App's to fill).
func (n *Network) Author(v int32) Author {
	node := n.G.Node(v)
	a := Author{ID: v, Name: node.Name, Variants: []identity.Variant{{Name: node.Name, Count: node.Papers}}, Reasons: []string{},
		Measures: map[string]float64{}, Papers: n.Papers(n.NodePapers(v)), Coauthors: []Coauthor{}}
	if n.Identity != nil {
		p := n.Identity.People[node.Person]
		a.SourceID, a.Variants = p.ID, p.Variants
		if p.Reasons != nil {
			a.Reasons = p.Reasons
		}
	}
	nb, _ := n.G.Neighbors(v)
	for _, u := range nb {
		a.Coauthors = append(a.Coauthors, Coauthor{ID: u, Name: n.G.Node(u).Name, Shared: n.G.Edge(n.G.EdgeID(v, u)).Papers})
	}
	slices.SortFunc(a.Coauthors, func(x, y Coauthor) int {
		return cmp.Or(cmp.Compare(y.Shared, x.Shared), strings.Compare(x.Name, y.Name))
	})
	return a
}

// Edge is what the explorer tells of one co-author pair.
type Edge struct {
	Source int32   `json:"source"`
	Target int32   `json:"target"`
	Weight float64 `json:"weight"`
	Papers []Paper `json:"papers"`
}

// Edge returns the edge between u and v, or an error when there is none.
func (n *Network) Edge(u, v int32) (Edge, error) {
	if err := cmp.Or(n.Check(u), n.Check(v)); err != nil {
		return Edge{}, err
	}
	e := n.G.EdgeID(u, v)
	if e < 0 {
		return Edge{}, fmt.Errorf("authors %d and %d share no paper", u, v)
	}
	return Edge{Source: u, Target: v, Weight: n.G.Edge(e).Weight, Papers: n.Papers(n.SharedPapers(u, v))}, nil
}

// PaperRef names a paper on a link of a path.
type PaperRef struct {
	ID    int32  `json:"id"`
	Title string `json:"title"`
	Year  int    `json:"year"`
}

// Step is one author on a collaboration path and the paper that links
// them to the next (nil for the last, or for a graph file).
type Step struct {
	ID    int32     `json:"id"`
	Name  string    `json:"name"`
	Paper *PaperRef `json:"paper"`
}

// Paths are the collaboration paths between two authors: Distance is nil
// when they are not connected.
type Paths struct {
	Distance *int     `json:"distance"`
	Paths    [][]Step `json:"paths"`
}

// Path returns the shortest collaboration path from u to v, or all of
// them (up to graph.MaxPaths) when all is set, each link with a paper
// the two wrote together (their latest).
func (n *Network) Path(u, v int32, all bool) (Paths, error) {
	if err := cmp.Or(n.Check(u), n.Check(v)); err != nil {
		return Paths{}, err
	}
	limit := 1
	if all {
		limit = graph.MaxPaths
	}
	d, paths := graph.ShortestPaths(n.G, u, v, limit)
	out := Paths{Paths: [][]Step{}}
	if d < 0 {
		return out, nil
	}
	out.Distance = &d
	for _, p := range paths {
		steps := make([]Step, len(p))
		for k, w := range p {
			steps[k] = Step{ID: w, Name: n.G.Node(w).Name}
			if k+1 < len(p) {
				steps[k].Paper = n.link(w, p[k+1])
			}
		}
		out.Paths = append(out.Paths, steps)
	}
	return out, nil
}

// link returns the latest paper u and v share (the first by index among
// those of that year), nil when unknown.
func (n *Network) link(u, v int32) *PaperRef {
	var best *PaperRef
	for _, i := range n.SharedPapers(u, v) {
		if y := n.Corpus.Year(int(i)); best == nil || y > best.Year {
			best = &PaperRef{ID: i, Title: n.Corpus.Title(int(i)), Year: y}
		}
	}
	return best
}

// MatchLines matches the names in r, one a line (blank lines and lines
// starting with # skipped) as Matcher.Match does: the ids
// found, ascending and once each, and the names that match no one or
// several authors.
func (n *Network) MatchLines(r io.Reader) (ids []int32, unmatched []string, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 2*maxBody) // a line as long as api/match's body
	ids = []int32{}
	unmatched = []string{}
	for sc.Scan() {
		name := strings.TrimSpace(sc.Text())
		if name == "" || strings.HasPrefix(name, "#") {
			continue
		}
		id, ok := n.matchName(name)
		if !ok {
			unmatched = append(unmatched, name)
			continue
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return slices.Compact(ids), unmatched, sc.Err()
}
