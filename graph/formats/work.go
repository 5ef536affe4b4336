package formats

import (
	"cmp"
	"slices"
	"strings"

	"coauthor/graph"
)

// WorkRecord is what a source tells of one work beyond its title, year
// and authors: the writers' neutral copy of parse.Meta, filled by the
// caller (identity.Papers). Empty fields are those the source does not
// give.
type WorkRecord struct {
	IDs      [][2]string // kind (one of Works.IDKinds) and normalised value
	Venue    string
	ISSN     []string
	Type     string // the source's own word
	URL      string // the link the source gives
	Link     string // the address to read the work: DOI link, else URL, else arXiv, PubMed or OpenAlex page
	Language string
	// Keywords are the authors' own, IndexKeywords the index's.
	Keywords, IndexKeywords []string
	// Citations is the count the source states, when HasCitations, as
	// counted by CitationsSource.
	Citations       int
	CitationsSource string
	HasCitations    bool
	// Affiliations parallels Works.Authors(i): the institutions the
	// source links to each author position (nil for none); nil when the
	// source gives none for the work.
	Affiliations [][]Affiliation
}

// ID returns the record's id of kind, "" for none.
func (r *WorkRecord) ID(kind string) string {
	if r == nil {
		return ""
	}
	for _, id := range r.IDs {
		if id[0] == kind {
			return id[1]
		}
	}
	return ""
}

// Affiliation is one institution of an author position, as the source
// links it.
type Affiliation struct {
	Name    string // the source's string
	ROR     string // ROR id without resolver; "" for none
	GRID    string
	Country string // ISO 3166-1 alpha-2 as the source gives it; "" when not given
}

// NodeAffiliations returns, for each node of g (authors as Node.Person
// ids of works), the affiliation name the node's papers link it to most
// often and the country code they give it most often (ties: the first in
// byte order), "" when none; each slice is nil when no node has one, so
// that writers then write nothing new. A person listed twice on one
// paper counts once for that paper.
func NodeAffiliations(g *graph.Graph, works Works) (affiliation, country []string) {
	node := make(map[int32]int32, g.N())
	for v := range int32(g.N()) {
		node[g.Node(v).Person] = v
	}
	names, countries := map[nodeName]int{}, map[nodeName]int{}
	seen := map[nodeName]bool{} // this paper's (node, "n"+name) and (node, "c"+country)
	for i := 0; i < works.Len(); i++ {
		r := works.Record(i)
		if r == nil || r.Affiliations == nil {
			continue
		}
		clear(seen)
		for pos, a := range works.Authors(i) {
			v, ok := node[a]
			if !ok || pos >= len(r.Affiliations) {
				continue
			}
			for _, af := range r.Affiliations[pos] {
				if k := (nodeName{v, "n" + af.Name}); af.Name != "" && !seen[k] {
					seen[k] = true
					names[nodeName{v, af.Name}]++
				}
				if k := (nodeName{v, "c" + af.Country}); af.Country != "" && !seen[k] {
					seen[k] = true
					countries[nodeName{v, af.Country}]++
				}
			}
		}
	}
	return mostCounted(g.N(), names), mostCounted(g.N(), countries)
}

type nodeName struct {
	v    int32
	name string
}

// mostCounted returns each of n nodes' most counted name (ties: the
// first in byte order), nil when counts is empty.
func mostCounted(n int, counts map[nodeName]int) []string {
	if len(counts) == 0 {
		return nil
	}
	keys := make([]nodeName, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b nodeName) int { return cmp.Or(cmp.Compare(a.v, b.v), strings.Compare(a.name, b.name)) })
	out, top := make([]string, n), make([]int, n)
	for _, k := range keys {
		if c := counts[k]; c > top[k.v] {
			top[k.v], out[k.v] = c, k.name
		}
	}
	return out
}
