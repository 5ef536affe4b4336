package corpus

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"coauthor/parse"
)

// Fields counts what the kept papers of a corpus carry, field by field:
// what the sources gave (see parse.Meta), so that a user sees at once
// what an export contains. Each count is of papers unless its name says
// positions.
type Fields struct {
	Papers int `json:"papers"`
	Year   int `json:"year"`
	// IDs counts the papers with an id of each kind, every kind of
	// parse.IDKinds a key.
	IDs           map[string]int `json:"ids"`
	AnyID         int            `json:"any_id"`
	Venue         int            `json:"venue"`
	ISSN          int            `json:"issn"`
	Type          int            `json:"type"`
	URL           int            `json:"url"`
	Link          int            `json:"link"` // papers with a link to read them (parse.Meta.Link)
	Language      int            `json:"language"`
	Keywords      int            `json:"keywords"`
	IndexKeywords int            `json:"index_keywords"`
	Citations     int            `json:"citations"`
	CitationsSum  int64          `json:"citations_sum"`
	// Positions counts the author positions of the kept papers (distinct
	// names per paper); the Positions... counts are of the positions the
	// sources list (parse.Meta.Affiliations) with at least one
	// affiliation, one with a ROR id, one with a country.
	Positions           int `json:"author_positions"`
	PositionsAffiliated int `json:"positions_with_affiliation"`
	PositionsROR        int `json:"positions_with_ror"`
	PositionsCountry    int `json:"positions_with_country"`
	Affiliated          int `json:"papers_with_affiliation"`
	EtAl                int `json:"papers_et_al"`
	// Duplicates is the number of records dropped as repeats of a kept
	// paper.
	Duplicates int `json:"duplicates_dropped"`
}

// CountFields counts what c's papers carry.
func CountFields(c *Corpus) Fields {
	f := Fields{Papers: c.Len(), IDs: make(map[string]int, len(parse.IDKinds)), EtAl: c.EtAl(), Duplicates: c.Duplicates()}
	for _, k := range parse.IDKinds {
		f.IDs[k] = 0
	}
	count := func(n *int, ok bool) {
		if ok {
			*n++
		}
	}
	for i := 0; i < c.Len(); i++ {
		count(&f.Year, c.Year(i) != 0)
		count(&f.Venue, c.Venue(i) != "")
		f.Positions += len(c.Authors(i))
		m := c.Meta(i)
		if m == nil {
			continue
		}
		kinds := 0
		for _, k := range parse.IDKinds {
			if m.ID(k) != "" {
				f.IDs[k]++
				kinds++
			}
		}
		count(&f.AnyID, kinds > 0)
		count(&f.ISSN, len(m.ISSN) > 0)
		count(&f.Type, m.Type != "")
		count(&f.URL, m.URL != "")
		count(&f.Link, m.Link() != "")
		count(&f.Language, m.Language != "")
		count(&f.Keywords, len(m.Keywords) > 0)
		count(&f.IndexKeywords, len(m.IndexKeywords) > 0)
		if m.Citations != nil {
			f.Citations++
			f.CitationsSum += int64(m.Citations.Count)
		}
		// Positions are the paper's kept authors (Authors(i)), so a name
		// the source gives twice counts once, with what either place
		// links to it.
		type flags struct{ aff, ror, country bool }
		kept := make([]flags, len(c.Authors(i)))
		for k, affs := range m.Affiliations {
			j := c.AuthorAt(i, k)
			if j < 0 || j >= len(kept) {
				continue
			}
			for _, a := range affs {
				kept[j].aff = true
				kept[j].ror = kept[j].ror || a.ROR != ""
				kept[j].country = kept[j].country || a.Country != ""
			}
		}
		affiliated := false
		for _, fl := range kept {
			count(&f.PositionsAffiliated, fl.aff)
			count(&f.PositionsROR, fl.ror)
			count(&f.PositionsCountry, fl.country)
			affiliated = affiliated || fl.aff
		}
		count(&f.Affiliated, affiliated)
	}
	return f
}

// Rows returns f as a table: field, count and share of the papers (or
// of the author positions).
func (f Fields) Rows() [][]string {
	share := func(n, of int) string {
		if of == 0 {
			return ""
		}
		return strconv.FormatFloat(100*float64(n)/float64(of), 'f', 1, 64) + "%"
	}
	rows := [][]string{{"field", "count", "share"}, {"papers", strconv.Itoa(f.Papers), ""}}
	paper := func(name string, n int) { rows = append(rows, []string{name, strconv.Itoa(n), share(n, f.Papers)}) }
	paper("year", f.Year)
	paper("any id", f.AnyID)
	for _, k := range parse.IDKinds {
		paper("  "+k, f.IDs[k])
	}
	paper("venue", f.Venue)
	paper("issn", f.ISSN)
	paper("type", f.Type)
	paper("url", f.URL)
	paper("link (doi, url, arxiv, pubmed, openalex)", f.Link)
	paper("language", f.Language)
	paper("keywords", f.Keywords)
	paper("index keywords", f.IndexKeywords)
	paper("citations", f.Citations)
	rows = append(rows, []string{"  sum of citations", strconv.FormatInt(f.CitationsSum, 10), ""})
	paper("affiliations", f.Affiliated)
	rows = append(rows, []string{"author positions", strconv.Itoa(f.Positions), ""})
	position := func(name string, n int) { rows = append(rows, []string{name, strconv.Itoa(n), share(n, f.Positions)}) }
	position("  with an affiliation", f.PositionsAffiliated)
	position("  with a ROR id", f.PositionsROR)
	position("  with a country", f.PositionsCountry)
	paper("et al.", f.EtAl)
	rows = append(rows, []string{"duplicates dropped", strconv.Itoa(f.Duplicates), ""})
	return rows
}

// Affiliations returns paper i's affiliations parallel to Authors(i), nil
// when the source gives none or they are ambiguous (KeptAffiliations).
func (c *Corpus) Affiliations(i int) [][]parse.Affiliation {
	return c.KeptAffiliations(i, c.Meta(i))
}

// KeptAffiliations returns m, paper i's Meta, affiliations parallel to
// Authors(i), as Affiliations does (for a caller that has decoded m).
// Besides the lengths, the positions must map one to one: a paper whose
// author list a longer repeat replaced (longerRepeat) may have as many
// authors as its affiliations, but not the same ones at each position
// ("Ann Lee", "", "Bo Chen" with three affiliations, then "Ann Lee",
// "Bo Chen", "Cy Dee": Uni B is Bo Chen's, not Cy Dee's).
func (c *Corpus) KeptAffiliations(i int, m *parse.Meta) [][]parse.Affiliation {
	n := len(c.Authors(i))
	if pos, ok := c.positions[int32(i)]; ok {
		if len(pos) != n {
			return nil
		}
		for k, x := range pos {
			if int(x) != k {
				return nil
			}
		}
	}
	return KeptAffiliations(m, n)
}

// KeptAffiliations returns m's affiliations for a paper of which the
// corpus kept authors names (Authors(i)), nil when m has none or they
// are ambiguous. m.Affiliations parallels the authors as the source
// listed them, and the corpus drops a name given twice on a paper and an
// empty one: when the two lengths differ, which affiliation belongs to
// which kept name is not known, and nil is returned rather than an
// affiliation given to the wrong person.
func KeptAffiliations(m *parse.Meta, authors int) [][]parse.Affiliation {
	if m == nil || m.Affiliations == nil || len(m.Affiliations) != authors {
		return nil
	}
	return m.Affiliations
}

// NameCount is a name and how many papers give it.
type NameCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// NameAffiliations returns, for each name id with affiliations, the
// distinct affiliation names the papers link to that name, with the
// number of papers, most frequent first (then in byte order).
func NameAffiliations(c *Corpus) map[int32][]NameCount {
	counts := map[int32]map[string]int{}
	for i := 0; i < c.Len(); i++ {
		affs := c.Affiliations(i)
		if affs == nil {
			continue
		}
		for pos, id := range c.Authors(i) {
			seen := map[string]bool{}
			for _, a := range affs[pos] {
				if a.Name == "" || seen[a.Name] {
					continue
				}
				seen[a.Name] = true
				if counts[id] == nil {
					counts[id] = map[string]int{}
				}
				counts[id][a.Name]++
			}
		}
	}
	out := make(map[int32][]NameCount, len(counts))
	for id, m := range counts {
		out[id] = SortCounts(m)
	}
	return out
}

// SortCounts returns m's names with their counts, most frequent first,
// then in byte order.
func SortCounts(m map[string]int) []NameCount {
	list := make([]NameCount, 0, len(m))
	for name, n := range m {
		list = append(list, NameCount{name, n})
	}
	slices.SortFunc(list, func(a, b NameCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Name, b.Name))
	})
	return list
}
