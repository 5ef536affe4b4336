package identity

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"coauthor/parse/internal/orcid"
	"coauthor/parse/names"
)

// Entry is one author a Matcher finds: the displayed name, the other
// spellings merged into it, and the papers that order the results.
type Entry struct {
	Name     string
	Variants []string
	Papers   int
	// IDs are the identities the source gives the author ("orcid:…",
	// "dblp:Wei Wang 0002", an OpenAlex or Scopus id), found as typed.
	IDs []string
}

// Hit is an author found: its index in the matcher's entries, its name,
// the spelling that matched (the name or a variant) and its papers.
type Hit struct {
	ID      int32  `json:"id"`
	Name    string `json:"name"`
	Matched string `json:"matched"`
	Papers  int    `json:"papers"`
}

// Matcher finds authors by name the way a person types one: in folded
// form (names.Fold: case, diacritics, dots and hyphens ignored), by the
// displayed name or any merged variant, "Family, Given" as well as
// "Given Family". It is safe for concurrent use.
type Matcher struct {
	entries []Entry
	keys    [][]key // per entry: folded spellings
	exact   map[string][]int32
	ids     map[string][]int32 // source id, as idKey folds it → entries
	// initials holds each entry's spellings as family name and given
	// initials ("helmert", "m"), made at the first query written with
	// initials.
	initialsOnce sync.Once
	initials     map[string][]entryInitials // family name → spellings under it
}

// entryInitials is a spelling reduced to the first letters of its given
// names, with its entry.
type entryInitials struct {
	id       int32
	initials string
}

type key struct {
	folded   string
	spelling string
}

// NewMatcher returns a matcher over entries; an entry's index is its id.
func NewMatcher(entries []Entry) *Matcher {
	m := &Matcher{entries: entries, keys: make([][]key, len(entries)), exact: make(map[string][]int32), ids: make(map[string][]int32)}
	for i, e := range entries {
		for _, id := range e.IDs {
			for _, k := range idKeys(id) {
				if ids := m.ids[k]; len(ids) == 0 || ids[len(ids)-1] != int32(i) {
					m.ids[k] = append(ids, int32(i))
				}
			}
		}
		for _, s := range append([]string{e.Name}, e.Variants...) {
			for _, f := range []string{names.Fold(s), names.Key(s)} {
				if f == "" || slices.ContainsFunc(m.keys[i], func(k key) bool { return k.folded == f }) {
					continue
				}
				m.keys[i] = append(m.keys[i], key{f, s})
				if ids := m.exact[f]; len(ids) == 0 || ids[len(ids)-1] != int32(i) {
					m.exact[f] = append(ids, int32(i))
				}
			}
		}
	}
	return m
}

// Entries returns the entries of people in id's order, for NewMatcher;
// papers gives each person's papers (nil: none).
func (id *Identity) Entries(papers func(person int) int) []Entry {
	out := make([]Entry, len(id.People))
	for p, person := range id.People {
		e := Entry{Name: person.Name}
		if person.ID != "" {
			e.IDs = []string{person.ID}
		}
		for _, v := range person.Variants {
			if v.Name != person.Name {
				e.Variants = append(e.Variants, v.Name)
			}
		}
		if papers != nil {
			e.Papers = papers(p)
		}
		out[p] = e
	}
	return out
}

// Len returns the number of entries.
func (m *Matcher) Len() int { return len(m.entries) }

// Search returns up to limit authors whose spellings contain q, folded:
// exact matches first, then those where q starts the name or one of its
// words, then the rest; within each, by papers (most first), then name.
func (m *Matcher) Search(q string, limit int) []Hit {
	f := query(q)
	if f == "" || limit <= 0 {
		return nil
	}
	type scored struct {
		rank int
		hit  Hit
	}
	var found []scored
	for i, ks := range m.keys {
		best, matched := 3, ""
		for _, k := range ks {
			r := 3
			switch {
			case k.folded == f:
				r = 0
			case strings.HasPrefix(k.folded, f) || strings.Contains(k.folded, " "+f):
				r = 1
			case strings.Contains(k.folded, f):
				r = 2
			}
			if r < best {
				best, matched = r, k.spelling
			}
		}
		if best < 3 {
			e := &m.entries[i]
			found = append(found, scored{best, Hit{ID: int32(i), Name: e.Name, Matched: matched, Papers: e.Papers}})
		}
	}
	// A name written with initials ("M. Helmert", "Helmert, M") finds
	// the spellings with that family name and given names of those
	// initials, after the spellings that contain it.
	for _, id := range m.ByInitials(q) {
		if !slices.ContainsFunc(found, func(s scored) bool { return s.hit.ID == id }) {
			found = append(found, scored{2, m.hit(id, "")})
		}
	}
	for _, id := range m.ids[idKey(q)] {
		if !slices.ContainsFunc(found, func(s scored) bool { return s.hit.ID == id }) {
			found = append(found, scored{0, m.hit(id, "")})
		}
	}
	slices.SortFunc(found, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(b.hit.Papers, a.hit.Papers),
			strings.Compare(a.hit.Name, b.hit.Name), cmp.Compare(a.hit.ID, b.hit.ID))
	})
	out := make([]Hit, 0, min(limit, len(found)))
	for _, s := range found[:min(limit, len(found))] {
		out = append(out, s.hit)
	}
	return out
}

// Lookup returns the ids of the authors one of whose spellings is name,
// folded; nil when none.
func (m *Matcher) Lookup(name string) []int32 {
	ids := slices.Clone(m.exact[names.Fold(name)])
	for _, id := range m.exact[names.Key(name)] {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// MatchError is the error of Match for a name that is not one author's:
// Candidates are the authors it names (several), Suggestions the near
// misses when it names none.
type MatchError struct {
	NoID        bool // Name is "id:N" with no author N
	Name        string
	Candidates  []Hit
	Suggestions []Hit
}

// MaxListed bounds the candidates a MatchError names; the rest are
// counted.
const MaxListed = 20

func (e *MatchError) Error() string {
	var b strings.Builder
	list := func(hits []Hit) {
		for i, h := range hits[:min(len(hits), MaxListed)] {
			if i > 0 {
				b.WriteString("; ")
			}
			fmt.Fprintf(&b, "%s (id:%d, %d papers)", h.Name, h.ID, h.Papers)
		}
		if len(hits) > MaxListed {
			fmt.Fprintf(&b, "; and %d more", len(hits)-MaxListed)
		}
	}
	if len(e.Candidates) > 0 {
		fmt.Fprintf(&b, "%q matches %d authors (give one as id:N): ", e.Name, len(e.Candidates))
		list(e.Candidates)
		return b.String()
	}
	if e.NoID {
		return fmt.Sprintf("no author %s: ids run from 0 to the number of authors less one", e.Name)
	}
	fmt.Fprintf(&b, "no author named %q", e.Name)
	if len(e.Suggestions) > 0 {
		b.WriteString("; did you mean ")
		list(e.Suggestions)
		b.WriteString("?")
	}
	return b.String()
}

// maxSuggestions bounds the near misses a MatchError lists.
const maxSuggestions = 5

// Match returns the one author that name names (folded, by any
// spelling; else the one with name's words as whole words of a
// spelling), else a *MatchError with the candidates or near misses.
//
// "id:N" names the author of id N, as a MatchError lists them.
func (m *Matcher) Match(name string) (int32, error) {
	if rest, ok := strings.CutPrefix(strings.TrimSpace(name), "id:"); ok {
		if id, err := strconv.ParseInt(rest, 10, 32); err == nil && id >= 0 && id < int64(len(m.entries)) {
			return int32(id), nil
		}
		return -1, &MatchError{Name: name, NoID: true}
	}
	if id, ok := m.ByID(name); ok {
		return id, nil // a source id: "orcid:0000-0002-1825-0097", "dblp:Wei Wang 0002"
	}
	ids := m.Lookup(name)
	if len(ids) == 0 {
		ids = m.words(name)
	}
	if len(ids) == 0 {
		ids = m.ByInitials(name) // "M. Helmert", "Helmert, M"
	}
	if len(ids) == 1 {
		return ids[0], nil
	}
	e := &MatchError{Name: name}
	for _, id := range ids {
		e.Candidates = append(e.Candidates, m.hit(id, ""))
	}
	if len(ids) == 0 {
		e.Suggestions = m.suggest(name)
	}
	return -1, e
}

// words returns the authors one of whose spellings holds name's folded
// words as whole words ("Hume" names Tristan Hume when no other author has
// the word).
func (m *Matcher) words(name string) []int32 {
	f := query(name)
	if f == "" {
		return nil
	}
	var ids []int32
	for i, ks := range m.keys {
		for _, k := range ks {
			if strings.Contains(" "+k.folded+" ", " "+f+" ") {
				ids = append(ids, int32(i))
				break
			}
		}
	}
	return ids
}

// ByInitials returns the entries one of whose spellings has the family
// name of name and given names whose initials begin with name's, when
// name is written with initials only ("M. Helmert", "Helmert, M", "MJ
// Smith"); nil otherwise.
func (m *Matcher) ByInitials(name string) []int32 {
	q := names.Parse(name)
	if q.Family == "" || len(q.Given) == 0 {
		return nil
	}
	qi := ""
	for _, u := range q.Given {
		if u.Kind == names.Full {
			return nil
		}
		qi += initialsOfUnit(u)
	}
	m.initialsOnce.Do(func() {
		m.initials = make(map[string][]entryInitials)
		for i, ks := range m.keys {
			for _, k := range ks {
				n := names.Parse(k.spelling)
				ei := entryInitials{id: int32(i)}
				for _, u := range n.Given {
					ei.initials += initialsOfUnit(u)
				}
				if n.Family != "" && ei.initials != "" && !slices.Contains(m.initials[n.Family], ei) {
					m.initials[n.Family] = append(m.initials[n.Family], ei)
				}
			}
		}
	})
	var out []int32
	for _, ei := range m.initials[q.Family] {
		if strings.HasPrefix(ei.initials, qi) && !slices.Contains(out, ei.id) {
			out = append(out, ei.id)
		}
	}
	return out
}

// initialsOfUnit returns the first letters of a given-name unit, one per
// part of a hyphenated one.
func initialsOfUnit(u names.Unit) string {
	if len(u.Parts) > 1 {
		out := ""
		for _, p := range u.Parts {
			out += string(firstRune(p))
		}
		return out
	}
	return string(firstRune(u.Text))
}

// ByID returns the one entry whose source id is s (an ORCID iD in any
// form, "dblp:Wei Wang 0002" or "Wei Wang 0002", an OpenAlex id).
func (m *Matcher) ByID(s string) (int32, bool) {
	if ids := m.ids[idKey(s)]; len(ids) == 1 {
		return ids[0], true
	}
	return -1, false
}

// idKeys returns the forms under which a source id is found: as given
// (case folded), and for an ORCID iD its bare form; for a DBLP name its
// name with the homonym number ("Wei Wang 0002").
func idKeys(id string) []string {
	keys := []string{idKey(id)}
	if rest, ok := strings.CutPrefix(id, "dblp:"); ok {
		keys = append(keys, idKey(rest))
	}
	return keys
}

// idKey folds a typed source id: an ORCID iD in any of its forms
// (bare, with "orcid:", as a URL) as "orcid:0000-…", anything else
// lower-cased with its spaces collapsed.
func idKey(s string) string {
	if o := orcid.ID(s); o != "" {
		return o
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

func (m *Matcher) hit(id int32, matched string) Hit {
	e := &m.entries[id]
	return Hit{ID: id, Name: e.Name, Matched: cmp.Or(matched, e.Name), Papers: e.Papers}
}

// query folds a name typed to find an author: "Family, Given" as "given
// family" (names.Key), anything else as it is (names.Fold).
func query(name string) string {
	if strings.Contains(name, ",") {
		return names.Key(name)
	}
	return names.Fold(name)
}

// suggest returns the near misses of name: the authors found by Search,
// else those whose folded spellings are within a few edits of it.
func (m *Matcher) suggest(name string) []Hit {
	if hits := m.Search(name, maxSuggestions); len(hits) > 0 {
		return hits
	}
	f := query(name)
	if f == "" {
		return nil
	}
	limit := max(1, min(3, len([]rune(f))/4))
	type near struct {
		d   int
		hit Hit
	}
	var found []near
	for i, ks := range m.keys {
		best, matched := limit+1, ""
		for _, k := range ks {
			if d := distance(f, k.folded, best); d < best {
				best, matched = d, k.spelling
			}
		}
		if best <= limit {
			found = append(found, near{best, m.hit(int32(i), matched)})
		}
	}
	slices.SortFunc(found, func(a, b near) int {
		return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(b.hit.Papers, a.hit.Papers), strings.Compare(a.hit.Name, b.hit.Name))
	})
	var out []Hit
	for _, n := range found[:min(maxSuggestions, len(found))] {
		out = append(out, n.hit)
	}
	return out
}

// distance returns the edit distance of a and b (insertions, deletions,
// substitutions, transpositions of neighbours), or bound when it is at
// least bound.
func distance(a, b string, bound int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= bound || -d >= bound {
		return bound
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low >= bound {
			return bound
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], bound)
}
