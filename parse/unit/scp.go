package unit

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"coauthor/parse/country"
)

// CountryPapers are one country's papers split as bibliometrix splits
// them: single-country publications (SCP, all authors in the country)
// and multiple-country publications (MCP, authors in several countries).
type CountryPapers struct {
	Country string  `json:"country"` // ISO 3166-1 alpha-2
	Name    string  `json:"name"`
	Papers  int     `json:"papers"` // SCP + MCP
	SCP     int     `json:"scp"`
	MCP     int     `json:"mcp"`
	Ratio   float64 `json:"mcp_ratio"` // MCP / Papers
	// ByCorresponding is how many of the papers were given to the country
	// by the corresponding author's address; the others by the first
	// author's affiliation.
	ByCorresponding int `json:"by_corresponding"`
}

// Collaboration is the SCP/MCP table of a corpus.
type Collaboration struct {
	// Countries are sorted by papers (most first), then code.
	Countries []CountryPapers `json:"countries"`
	// ByCorresponding and ByFirstAuthor count the papers given to a
	// country by the corresponding author's address (Meta.Corresponding:
	// WoS RP, Scopus Correspondence Address) or, where the source marks
	// none or it names no country, by the first author's first
	// affiliation with a country. Unattributed papers have neither.
	ByCorresponding int `json:"by_corresponding"`
	ByFirstAuthor   int `json:"by_first_author"`
	Unattributed    int `json:"unattributed"`
}

// SCPMCP returns each country's papers, single-country and
// multiple-country publications, as bibliometrix defines them: a paper
// counts for one country, that of its corresponding author where the
// source marks one, else its first author's; it is an MCP when its
// authors' affiliations (with that country) name two or more countries,
// else an SCP. u must be the Country projection of its corpus.
func SCPMCP(u *Units) (*Collaboration, error) {
	if u.Kind != Country {
		return nil, fmt.Errorf("unit: SCP and MCP need the country units, not %s", u.Kind)
	}
	c := u.c
	rows := map[string]*CountryPapers{}
	out := &Collaboration{}
	for i := 0; i < c.Len(); i++ {
		m := c.Meta(i)
		var code string
		byCorresponding := false
		if m != nil && m.Corresponding != "" {
			code, byCorresponding = country.Detect(m.Corresponding)
		}
		if code == "" {
			code = firstAuthorCountry(u, i)
		}
		if code == "" {
			out.Unattributed++
			continue
		}
		r := rows[code]
		if r == nil {
			r = &CountryPapers{Country: code, Name: country.Name(code)}
			rows[code] = r
		}
		r.Papers++
		several := false
		for _, x := range u.Authors(i) {
			if u.Units[x].ID != code {
				several = true
			}
		}
		if several {
			r.MCP++
		} else {
			r.SCP++
		}
		if byCorresponding {
			r.ByCorresponding++
			out.ByCorresponding++
		} else {
			out.ByFirstAuthor++
		}
	}
	for _, r := range rows {
		r.Ratio = float64(r.MCP) / float64(r.Papers)
		out.Countries = append(out.Countries, *r)
	}
	slices.SortFunc(out.Countries, func(a, b CountryPapers) int {
		return cmp.Or(b.Papers-a.Papers, strings.Compare(a.Country, b.Country))
	})
	return out, nil
}

// firstAuthorCountry is the country of paper i's first author's first
// affiliation that names one, "" for none.
func firstAuthorCountry(u *Units, i int) string {
	m := u.c.Meta(i)
	if m == nil {
		return ""
	}
	for k, affs := range m.Affiliations {
		if u.c.AuthorAt(i, k) != 0 {
			continue
		}
		for _, a := range affs {
			if c := strings.ToUpper(a.Country); country.Valid(c) {
				return c
			}
			if c, ok := country.Detect(a.Name); ok {
				return c
			}
		}
		return ""
	}
	return ""
}
