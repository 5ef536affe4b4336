// Package unit projects the papers of a corpus onto a unit of analysis:
// authors, institutions or countries. Units has the method set of
// graph.Papers (Len, Authors, Year), each paper listing its distinct
// units, so the co-authorship graph builder makes the network of
// institutions or of countries unchanged: full counting adds 1 per paper
// to each pair of its units, fractional counting 1/(n−1) for a paper of n
// units. A paper counts for the units its affiliations name; author
// positions without one are counted, not guessed.
package unit

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/country"
	"coauthor/parse/identity"
)

// Kind is the unit of analysis.
type Kind int

const (
	Author      Kind = iota // the people identity resolution found
	Institution             // see InstitutionName and Project
	Country                 // ISO 3166-1 alpha-2, see package country
)

// Kinds names the kinds in order.
var Kinds = []string{"author", "institution", "country"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(Kinds) {
		return Kinds[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// MarshalText writes the kind's name, for JSON.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// ParseKind returns the Kind named "author", "institution" or "country".
func ParseKind(s string) (Kind, error) {
	if i := slices.Index(Kinds, s); i >= 0 {
		return Kind(i), nil
	}
	return 0, fmt.Errorf("unknown unit %q: want %s", s, strings.Join(Kinds, ", "))
}

// Options are the settings of Project. The zero value projects onto
// institutions or countries without a thesaurus.
type Options struct {
	// Identity is the resolution of the corpus's names, required for the
	// Author kind.
	Identity *identity.Identity
	// Thesaurus maps institution variants to a canonical name
	// ("variant,canonical" lines, as for authors); the names it lists take
	// part in no other merge.
	Thesaurus *identity.Thesaurus
}

// Unit is one node of the unit network.
type Unit struct {
	Name string `json:"name"`
	// ID is the unit's identifier: the ROR id of an institution that has
	// one, the ISO 3166-1 alpha-2 code of a country, the source's id of an
	// author, or "".
	ID string `json:"id,omitempty"`
	// Country is an institution's country (alpha-2), when known.
	Country string `json:"country,omitempty"`
	// Papers is the number of papers with the unit.
	Papers int `json:"papers"`
	// Internal is the number of papers with two or more of the unit's own
	// authors (its internal collaboration).
	Internal int `json:"internal"`
	// Acronym reports that an institution's name is an acronym given
	// alone ("ORNL"), taken as written: never expanded.
	Acronym bool `json:"acronym,omitempty"`
	// Variants are an institution's spellings, most frequent first, with
	// the number of author affiliations giving each.
	Variants []Count `json:"variants,omitempty"`
	// Reasons explain each merge of two spellings into the unit.
	Reasons []string `json:"reasons,omitempty"`
}

// Count is a string and how often it was found.
type Count struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// Units are the papers of a corpus as lists of unit ids, and the units.
type Units struct {
	Kind Kind `json:"unit"`
	// Units are sorted by name; a unit's id is its index.
	Units []Unit `json:"units"`
	// Positions is the number of author positions of the papers (each
	// distinct author of a paper once); WithAffiliation those with at
	// least one affiliation; Mapped those with a unit. Positions −
	// Mapped had no unit and count for none.
	Positions       int `json:"positions"`
	WithAffiliation int `json:"with_affiliation"`
	Mapped          int `json:"mapped"`
	// NoPlace, for countries, counts the positions with an affiliation
	// but no country whose affiliations name no place at all
	// (country.NamesPlace: "ORNL", "a Department of Neurosurgery."); the
	// other WithAffiliation − Mapped − NoPlace positions name a place
	// that was not mapped (an ambiguous city, a place not in the last
	// component).
	NoPlace int `json:"no_place,omitempty"`
	// Addresses is the number of affiliations linked to no author
	// (Meta.Addresses), AddressesMapped those with a unit.
	Addresses       int `json:"addresses,omitempty"`
	AddressesMapped int `json:"addresses_mapped,omitempty"`
	// Unmapped are the affiliation strings from which no unit was found,
	// most frequent first (at most MaxUnmapped); UnmappedStrings is how
	// many distinct strings there were and UnmappedCount how many times
	// they were found.
	Unmapped        []Count `json:"unmapped"`
	UnmappedStrings int     `json:"unmapped_strings"`
	UnmappedCount   int     `json:"unmapped_count"`

	c      *corpus.Corpus
	off    []int   // paper i's units: ids[off[i]:off[i+1]]
	ids    []int32 // unit ids
	people *identity.Papers
}

// MaxUnmapped bounds Units.Unmapped.
const MaxUnmapped = 20

// Len returns the number of papers.
func (u *Units) Len() int { return u.c.Len() }

// Authors returns paper i's distinct unit ids (the name is graph.Papers's).
// For the Author kind the slice is reused by the next call.
func (u *Units) Authors(i int) []int32 {
	if u.people != nil {
		return u.people.Authors(i)
	}
	return u.ids[u.off[i]:u.off[i+1]]
}

// Year returns paper i's year, 0 when unknown.
func (u *Units) Year(i int) int { return u.c.Year(i) }

// Names returns the units' names, indexed by unit id, for graph.FromPapers.
func (u *Units) Names() []string {
	out := make([]string, len(u.Units))
	for i, x := range u.Units {
		out[i] = x.Name
	}
	return out
}

// Project returns the papers of c as lists of units of kind k. An author
// position's units are those of its affiliations (Meta.Affiliations, one
// slot per author as the source lists them, mapped to the corpus's
// authors by Corpus.AuthorAt), and the addresses the source links to no
// author (Meta.Addresses) count for the paper. A string holding several
// addresses joined by ";" gives the unit of each.
//
// Countries: the source's country code when it gives one, else
// country.Detect of the address.
//
// Institutions: a ROR id, where the source gives one, is the institution
// (one id, one institution; two ids are never merged). Otherwise the
// institution is InstitutionName of the address. Spellings are merged
// only on evidence, each merge explained in Unit.Reasons: a thesaurus
// entry; the same folded form (case, diacritics, punctuation) in the
// same country, or with one country unknown and one candidate only; the
// same after writing out Web of Science abbreviations ("Univ Basel" =
// "University of Basel") in the same known country. Spellings that match
// two different ROR ids stay apart.
//
// The context stops the projection between papers.
func Project(ctx context.Context, c *corpus.Corpus, k Kind, opt Options) (*Units, error) {
	u := &Units{Kind: k, c: c}
	switch k {
	case Author:
		if opt.Identity == nil {
			return nil, fmt.Errorf("unit: the author unit needs the identity resolution (Options.Identity)")
		}
		u.authors(opt.Identity)
		return u, nil
	case Institution, Country:
	default:
		return nil, fmt.Errorf("unit: unknown kind %d", int(k))
	}
	p := newProjector(k, opt)
	// Pass 1: each (author, spelling) of each paper.
	type hit struct{ author, spell int32 }
	var hits []hit
	hitOff := make([]int, 1, c.Len()+1)
	unmapped := map[string]int{}
	var spells []int32
	for i := 0; i < c.Len(); i++ {
		if i%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		n := len(c.Authors(i))
		u.Positions += n
		m := c.Meta(i)
		if m == nil || len(m.Affiliations) == 0 && len(m.Addresses) == 0 {
			hitOff = append(hitOff, len(hits))
			continue
		}
		// Addresses linked to no author count for the paper only.
		for _, a := range m.Addresses {
			spells = p.spellings(spells[:0], a)
			u.Addresses++
			if len(spells) == 0 {
				unmapped[a.Name]++
			} else {
				u.AddressesMapped++
			}
			for _, s := range spells {
				hits = append(hits, hit{-1, s})
			}
		}
		withAff := make([]bool, n)
		placed := make([]bool, n) // a unit, or (countries) a place named
		for pos, affs := range m.Affiliations {
			j := c.AuthorAt(i, pos)
			if j < 0 || len(affs) == 0 {
				continue
			}
			withAff[j] = true
			for _, a := range affs {
				spells = p.spellings(spells[:0], a)
				if len(spells) == 0 {
					unmapped[a.Name]++
				}
				if len(spells) > 0 || k == Country && p.namesPlace(a.Name) {
					placed[j] = true
				}
				for _, s := range spells {
					hits = append(hits, hit{int32(j), s})
				}
			}
		}
		for j, w := range withAff {
			if w {
				u.WithAffiliation++
				if k == Country && !placed[j] {
					u.NoPlace++
				}
			}
		}
		hitOff = append(hitOff, len(hits))
	}
	// Spellings into units.
	unitOf := p.resolve(u)
	// Pass 2: per paper, its distinct units, its authors with a unit, and
	// the units with two or more of its authors.
	u.off = make([]int, 1, c.Len()+1)
	var seen []hit // (author, unit) of the paper
	authorsOf := map[int32]int{}
	for i := 0; i < c.Len(); i++ {
		seen = seen[:0]
		for _, h := range hits[hitOff[i]:hitOff[i+1]] {
			x := hit{h.author, unitOf[h.spell]}
			if !slices.Contains(seen, x) {
				seen = append(seen, x)
			}
		}
		start := len(u.ids)
		clear(authorsOf)
		var mapped []int32
		for _, x := range seen {
			if !slices.Contains(u.ids[start:], x.spell) {
				u.ids = append(u.ids, x.spell)
				u.Units[x.spell].Papers++
			}
			if x.author < 0 {
				continue // an address of the paper, of no known author
			}
			authorsOf[x.spell]++
			if authorsOf[x.spell] == 2 {
				u.Units[x.spell].Internal++
			}
			if !slices.Contains(mapped, x.author) {
				mapped = append(mapped, x.author)
			}
		}
		u.Mapped += len(mapped)
		slices.Sort(u.ids[start:])
		u.off = append(u.off, len(u.ids))
	}
	for s, n := range unmapped {
		u.Unmapped = append(u.Unmapped, Count{s, n})
		u.UnmappedCount += n
	}
	u.UnmappedStrings = len(u.Unmapped)
	sortCounts(u.Unmapped)
	u.Unmapped = u.Unmapped[:min(len(u.Unmapped), MaxUnmapped)]
	return u, nil
}

// authors fills u for the Author kind.
func (u *Units) authors(id *identity.Identity) {
	u.people = id.Papers(u.c)
	u.Units = make([]Unit, len(id.People))
	for p, person := range id.People {
		u.Units[p] = Unit{Name: person.Name, ID: person.ID}
	}
	for i := 0; i < u.c.Len(); i++ {
		as := u.people.Authors(i)
		u.Positions += len(as)
		for _, a := range as {
			u.Units[a].Papers++
		}
	}
	u.Mapped = u.Positions
}

func sortCounts(cs []Count) {
	slices.SortFunc(cs, func(a, b Count) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Text, b.Text)
	})
}

// spelling is one way an affiliation names a unit: an institution's
// name with its ROR id and country, or a country code.
type spelling struct {
	text, ror, country string
	why                string // why InstitutionName chose the component
	count              int
}

// projector turns affiliations into spellings and spellings into units.
type projector struct {
	kind   Kind
	opt    Options
	index  map[spelling]int32 // spelling without count → its index
	spells []spelling
	cache  map[parse.Affiliation][]int32
	places map[string]bool // country.NamesPlace of unmapped strings
}

func newProjector(k Kind, opt Options) *projector {
	return &projector{kind: k, opt: opt, index: map[spelling]int32{}, cache: map[parse.Affiliation][]int32{}, places: map[string]bool{}}
}

// namesPlace is country.NamesPlace, cached.
func (p *projector) namesPlace(s string) bool {
	v, ok := p.places[s]
	if !ok {
		v = country.NamesPlace(s)
		p.places[s] = v
	}
	return v
}

// spellings appends the spellings of one affiliation to out and counts
// them.
func (p *projector) spellings(out []int32, a parse.Affiliation) []int32 {
	ids, ok := p.cache[a]
	if !ok {
		ids = p.parse(a)
		p.cache[a] = ids
	}
	for _, s := range ids {
		p.spells[s].count++
	}
	return append(out, ids...)
}

func (p *projector) parse(a parse.Affiliation) []int32 {
	var ids []int32
	add := func(s spelling) {
		key := s
		key.why = ""
		id, ok := p.index[key]
		if !ok {
			id = int32(len(p.spells))
			p.index[key] = id
			p.spells = append(p.spells, s)
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	given := ""
	if c := strings.ToUpper(a.Country); country.Valid(c) {
		given = c
	}
	if p.kind == Institution && a.ROR != "" {
		add(spelling{text: strings.TrimSpace(a.Name), ror: a.ROR, country: given, why: "ROR id"})
		return ids
	}
	// An institution the source knows by its own id (OpenAlex's, without
	// ROR): its name is the institution, keyword or not ("Telefónica").
	if name := strings.TrimSpace(a.Name); p.kind == Institution && a.ID != "" && name != "" {
		add(spelling{text: name, country: given, why: "named by the source"})
		return ids
	}
	segments := []string{a.Name}
	if strings.Contains(a.Name, ";") {
		segments = strings.Split(a.Name, ";")
	}
	for _, seg := range segments {
		c := given
		if c == "" {
			c, _ = country.Detect(seg)
		}
		switch p.kind {
		case Country:
			if c != "" {
				add(spelling{text: c, country: c})
			}
		case Institution:
			if name, why, ok := InstitutionName(seg); ok {
				add(spelling{text: name, country: c, why: why})
			}
		}
	}
	return ids
}
