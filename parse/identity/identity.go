// Package identity resolves the spellings of a corpus into people and
// explains every merge.
package identity

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"unicode/utf8"

	"coauthor/parse/corpus"
	"coauthor/parse/names"
)

// Options controls identity resolution.
type Options struct {
	// NoMerge turns the merge rules off: each distinct spelling is a person
	// (the thesaurus still applies).
	NoMerge bool
	// Strict merges only spellings with one folded key or one source id
	// (rule 1), never by rules 2 and 3.
	Strict bool
	// Thesaurus, when set, overrides the rules for the names it lists.
	Thesaurus *Thesaurus
	// MergeIDSplits joins a name that a source (OpenAlex, Scopus) splits
	// across several of its author ids when their papers share a
	// co-author; by default such ids stay apart, as the source says, and
	// are listed in KeptApart. ORCID iDs and DBLP ids are never joined.
	MergeIDSplits bool
}

// Identity maps the author strings of a corpus to people.
type Identity struct {
	// Person maps a name id of the corpus to a person id, an index of People.
	Person []int32
	// People are sorted by displayed name.
	People []Person
	// KeptApart lists spellings a rule could have merged and did not, with
	// the reason: they appear on one paper, the merge is ambiguous, or the
	// thesaurus governs them.
	KeptApart []KeptApart
	// mention maps the mentions of split spellings (split[name]) outside
	// their largest group to their person: see Of.
	mention map[mentionRef]int32
	split   []bool
}

// Of returns the person of spelling name on paper i of the corpus
// resolved: Person[name], except for a spelling written with initials
// only under an ambiguous family name whose papers share no evidence,
// which is several people, one per group of papers (see split.go).
func (id *Identity) Of(i int, name int32) int32 {
	if id.split != nil && id.split[name] {
		if p, ok := id.mention[mentionRef{int32(i), name}]; ok {
			return p
		}
	}
	return id.Person[name]
}

// Person is one resolved author.
type Person struct {
	// Name is the displayed spelling: a thesaurus's canonical name, else
	// the most frequent spelling with a full first name (ties: the one
	// with diacritics, then the longest).
	Name string `json:"name"`
	// ID is the identity the source gave this author (see Paper.IDs), or "".
	ID string `json:"id,omitempty"`
	// Variants are the spellings found, most frequent first.
	Variants []Variant `json:"variants"`
	// Reasons explain each merge of two spellings, in rule order.
	Reasons []string `json:"reasons"`
	// Merges are the merges by rules 2 and 3 with their evidence.
	Merges []Merge `json:"merges,omitempty"`
}

// Merge is one merge of two spellings by rule 2 or 3.
type Merge struct {
	A    string `json:"a"`
	B    string `json:"b"`
	Rule string `json:"rule"` // "rule 2", "rule 3" or "transliteration"
	// Match says what makes the two names compatible.
	Match     string    `json:"match"`
	Evidence  Evidence  `json:"evidence"`
	Ambiguity Ambiguity `json:"ambiguity"`
}

// Evidence is what the papers of two spellings share.
type Evidence struct {
	// SharedCoauthors are the co-authors of both, as one spelling writes
	// them, outside their own family-name block.
	SharedCoauthors []string `json:"shared_coauthors"`
	// LargeTeams is set when the shared co-authors are on papers of more
	// than 100 authors only, where they count a third.
	LargeTeams bool `json:"large_teams,omitempty"`
	// TitleWords are the rare words of both spellings' titles.
	TitleWords   []string `json:"title_words,omitempty"`
	SharedVenues []string `json:"shared_venues,omitempty"`
	// SharedAffiliations are the institutions both are linked to (the same
	// ROR id or the same name folded), as the source writes them.
	SharedAffiliations []string `json:"shared_affiliations,omitempty"`
	// OtherPlaces is set when both have affiliations, none in common, and
	// no country in common: against a merge without a shared co-author.
	OtherPlaces bool `json:"other_places,omitempty"`
	// OtherCountries is set when, besides, both have countries and none
	// in common (an absent country is no other country).
	OtherCountries bool `json:"other_countries,omitempty"`
	// TitleSimilarity is the cosine of the two spellings' titles, words
	// weighted by their rarity in the corpus (topic.go), given when it
	// decides: an initial for a full name under a rare family name with
	// no other evidence.
	TitleSimilarity float64 `json:"title_similarity,omitempty"`
	YearsOverlap    bool    `json:"years_overlap"`
	// YearsApart is the gap between the two spellings' years, 0 when
	// they overlap or one has no year.
	YearsApart int `json:"years_apart,omitempty"`
}

// Ambiguity tells how many people a family name may stand for.
type Ambiguity struct {
	Family     string `json:"family"`
	FirstNames int    `json:"first_names"` // distinct full first names under it
	Spellings  int    `json:"spellings"`
	// Matching is, for an initial, how many of those first names it could
	// stand for.
	Matching int `json:"matching,omitempty"`
	// InitialsOnly is set when neither spelling has a full first name.
	InitialsOnly bool `json:"initials_only,omitempty"`
	// SuffixOnce is set when one spelling has a suffix (Jr., III) the
	// other lacks.
	SuffixOnce bool `json:"suffix_once,omitempty"`
	// AllParts is set when initials stand for every part of a hyphenated
	// name ("Y. M." for "Yann-Michel").
	AllParts bool `json:"all_parts,omitempty"`
	// Slip is set when family names one letter apart differ by a slip
	// of the pen or of OCR (a doubled or tripled letter, l/i/1, e/c,
	// t/f) rather than by another name.
	Slip bool `json:"slip,omitempty"`
	// Spacing is set when the given names are the same letters spaced,
	// hyphenated or run together ("Kwang-yun", "KwangYun") under an
	// uncrowded family name, and not a Pinyin syllable that spacing could
	// make two ("Xian", "Xi An").
	Spacing         bool `json:"spacing,omitempty"`
	FrequentSurname bool `json:"frequent_surname"` // borne by millions worldwide
	// Namesakes is the expected number of other people whose names fit
	// both spellings, estimated from the corpus (namesakes.go), and
	// NamesakesWhy says how; ByNamesakes is set when the estimate alone
	// made the merge.
	Namesakes    float64 `json:"namesakes,omitempty"`
	NamesakesWhy string  `json:"namesakes_why,omitempty"`
	ByNamesakes  bool    `json:"by_namesakes,omitempty"`
	estimated    bool    // Namesakes was estimated for the pair
}

func (a Ambiguity) crowd() string {
	s := fmt.Sprintf("%d first name%s under %s", a.FirstNames, map[bool]string{true: "", false: "s"}[a.FirstNames == 1], capital(a.Family))
	if a.FrequentSurname {
		s += ", a frequent surname"
	}
	return s
}

// String explains the merge in a sentence.
func (m Merge) String() string {
	ev := "no shared co-author"
	if n := len(m.Evidence.SharedCoauthors); n > 0 {
		shown := m.Evidence.SharedCoauthors[:min(n, 3)]
		ev = fmt.Sprintf("%d shared co-author%s (%s", n, map[bool]string{true: "", false: "s"}[n == 1], strings.Join(shown, ", "))
		if n > len(shown) {
			ev += ", …"
		}
		ev += ")"
	}
	if len(m.Evidence.SharedCoauthors) == 0 {
		if a := m.Evidence.SharedAffiliations; len(a) > 0 {
			ev += "; affiliation " + strings.Join(a[:min(2, len(a))], "; ")
		}
		if len(m.Evidence.TitleWords) > 0 {
			ev += "; title words " + strings.Join(m.Evidence.TitleWords[:min(3, len(m.Evidence.TitleWords))], ", ")
		}
		if v := m.Evidence.SharedVenues; len(v) > 0 {
			ev += "; venue " + v[0]
		}
		if m.Evidence.TitleSimilarity > 0 {
			ev += fmt.Sprintf("; titles alike (%.2f)", m.Evidence.TitleSimilarity)
		}
		if m.Evidence.YearsOverlap {
			ev += "; years overlap"
		} else if m.Evidence.YearsApart > 0 {
			ev += fmt.Sprintf("; %d years apart", m.Evidence.YearsApart)
		}
	}
	crowd := m.Ambiguity.crowd()
	if m.Ambiguity.ByNamesakes {
		crowd += "; " + m.Ambiguity.NamesakesWhy
	}
	return fmt.Sprintf("%q = %q: %s; %s; %s (%s)", m.A, m.B, m.Match, ev, crowd, m.Rule)
}

// Variant is one spelling of a person and the number of papers giving it.
type Variant struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// KeptApart is a set of spellings that a rule matched but left apart.
type KeptApart struct {
	Names     []string   `json:"names"`
	Why       string     `json:"why"`
	Match     string     `json:"match,omitempty"`
	Evidence  *Evidence  `json:"evidence,omitempty"`
	Ambiguity *Ambiguity `json:"ambiguity,omitempty"`
	strength  int
	ids       []int32 // the spellings, when they are two (see joinedApart)
}

// Resolve resolves the spellings in c into people. The rules, applied in
// this order over folded keys (see NameKey):
//
//  1. the same folded key ("Noemí Mercado" = "Noemi Mercado",
//     "Zac Hatfield-Dodds" = "Zac Hatfield Dodds"), except a key written
//     with initials only under a frequent or crowded family name, whose
//     mentions are grouped into people by the evidence of their papers
//     (split.go, Identity.Of); a spelling without id joins the one ORCID
//     carrying its name when their papers agree (orcid.go);
//  2. the same family name, first given names that are equal, variants in
//     the nickname table or an initial and a name, and middle names or
//     initials that agree where both spellings have them ("Samuel R.
//     Bowman" = "Sam Bowman");
//  3. the same given names and family names of six letters or more one
//     edit apart (insertion, deletion, substitution or transposition of
//     adjacent letters).
//
// Rules 2 and 3 merge a group of spellings only when every two of them
// match and no two appear on one paper; otherwise the group is reported in
// KeptApart. So "Sam Bowman" stays apart from both "Samuel R. Bowman" and
// "Samuel T. Bowman" when the corpus has both.
func Resolve(c *corpus.Corpus, opt Options) *Identity {
	r := newResolver(c, opt)
	r.ruleSameKey()
	r.listIDSplits()
	if !opt.NoMerge {
		r.splitSameString()
		r.linkORCID()
	}
	if !opt.NoMerge && !opt.Strict {
		r.ruleEvidence()
	}
	return r.identity()
}

// unionFind is a forest of disjoint sets over 0..n-1 whose roots are
// each set's smallest member.
type unionFind []int32

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = int32(i)
	}
	return u
}

func (u unionFind) find(i int32) int32 {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins the sets of a and b and returns the new root and the root
// it replaced (equal when a and b were already one set).
func (u unionFind) union(a, b int32) (root, gone int32) {
	a, b = u.find(a), u.find(b)
	if b < a {
		a, b = b, a
	}
	u[b] = a
	return a, b
}

// resolver holds the state of one resolution: a union-find forest over
// name ids and the explanations gathered so far.
type resolver struct {
	c         *corpus.Corpus
	opt       Options
	parent    unionFind
	keys      []string // name id → folded key
	fixed     []bool   // name governed by the thesaurus
	canon     map[int32]string
	reasons   []reason
	kept      []KeptApart
	best      map[string]int32 // folded key → its most frequent spelling
	fullFirst []int8           // spelling → 1 with a full first name, -1 without, 0 not known yet
	// Same-string mentions split into people (split.go): the mentions
	// outside a split key's largest group → their extra person, how many
	// of each spelling's mentions those are, which spellings are split,
	// the extra people and the split keys.
	minor       map[mentionRef]int32
	minorCount  map[int32]int
	splitName   []bool
	splits      []extraPerson
	splitGroups []*splitGroup
	// sameKept are the keys split.go would decide per mention kept one
	// person for few namesakes (samestring.go).
	sameKept []*splitGroup
	// ambiguous marks the spellings written with initials only under a
	// frequent or crowded family name: no co-author evidence for others.
	ambiguous []bool
	// parsed holds each spelling's parsed name once splitSameString has
	// read them (the spellings with a folded key), for the rules after it.
	parsed []names.Name
	// Title words: the seed of their hashes, the papers holding each
	// (titleDF) and the count up to which one is rare.
	seed maphash.Seed
	df   map[uint64]int32
	rare int32
}

type reason struct {
	name  int32 // a name of the merged person
	text  string
	merge *Merge
}

func newResolver(c *corpus.Corpus, opt Options) *resolver {
	n := len(c.Names())
	r := &resolver{c: c, opt: opt, parent: newUnionFind(n), keys: make([]string, n), fixed: make([]bool, n),
		canon: make(map[int32]string), best: make(map[string]int32), seed: maphash.MakeSeed()}
	for i, name := range c.Names() {
		if c.SourceID(int32(i)) != "" {
			continue // told apart by its id, not by its spelling
		}
		r.keys[i] = names.Key(name)
		if b, ok := r.best[r.keys[i]]; !ok || r.better(int32(i), b) {
			r.best[r.keys[i]] = int32(i)
		}
	}
	return r
}

func (r *resolver) find(i int32) int32 { return r.parent.find(i) }

// joinedApart returns the pairs kept apart less those that other merges
// made one person after all (a pair refused for want of evidence whose
// spellings each joined a third): listing them as kept apart would
// contradict the people.
func (r *resolver) joinedApart() []KeptApart {
	kept := r.kept[:0:0]
	for _, k := range r.kept {
		if len(k.ids) == 2 && r.find(k.ids[0]) == r.find(k.ids[1]) {
			continue
		}
		kept = append(kept, k)
	}
	return kept
}

func (r *resolver) union(a, b int32) int32 {
	root, gone := r.parent.union(a, b)
	if name, ok := r.canon[gone]; ok && gone != root {
		r.canon[root] = name
		delete(r.canon, gone)
	}
	return root
}

// better reports whether spelling a should be displayed before b.
func (r *resolver) better(a, b int32) bool {
	if fa, fb := r.full(a), r.full(b); fa != fb {
		return fa // "Eamonn Keogh" before "E Keogh", however often each is written
	}
	na, nb := r.c.NameCount(a)-r.minorCount[a], r.c.NameCount(b)-r.minorCount[b]
	if na != nb {
		return na > nb
	}
	sa, sb := r.c.Names()[a], r.c.Names()[b]
	if da, db := names.HasDiacritics(sa), names.HasDiacritics(sb); da != db {
		return da
	}
	if la, lb := utf8.RuneCountInString(sa), utf8.RuneCountInString(sb); la != lb {
		return la > lb
	}
	return sa < sb
}

// full reports whether spelling a has a full first name, not initials.
func (r *resolver) full(a int32) bool {
	if r.fullFirst == nil {
		r.fullFirst = make([]int8, len(r.c.Names()))
	}
	if r.fullFirst[a] == 0 {
		r.fullFirst[a] = -1
		if g := names.Parse(r.c.Names()[a]).Given; len(g) > 0 && g[0].Kind == names.Full {
			r.fullFirst[a] = 1
		}
	}
	return r.fullFirst[a] == 1
}

// ruleSameKey applies the thesaurus and rule 1: names with one folded key
// (or one canonical name) become one person.
func (r *resolver) ruleSameKey() {
	spellings := r.c.Names()
	th := r.opt.Thesaurus
	group := make(map[string]int32)
	for i := range spellings {
		id := int32(i)
		gk := r.keys[i]
		if source := r.c.SourceID(id); source != "" {
			// The source's identity decides: one id is one person, whatever
			// the spelling, and the rules leave the name alone.
			if first, ok := group["\x01"+source]; ok {
				r.union(first, id)
				r.reasons = append(r.reasons, reason{name: id, text: fmt.Sprintf("%q = %q: one author id in the source (%s)", spellings[i], spellings[first], source)})
			} else {
				group["\x01"+source] = id
			}
			continue
		}
		if canonical, line, ok := th.Canonical(r.keys[i]); ok {
			r.fixed[i] = true
			gk = names.Key(canonical)
			r.reasons = append(r.reasons, reason{name: id, text: fmt.Sprintf("%q → %q: thesaurus %s:%d", spellings[i], canonical, th.File, line)})
			r.canon[id] = canonical
		} else if th.Lists(gk) {
			r.fixed[i] = true
		} else if r.opt.NoMerge {
			gk = "\x00" + spellings[i]
		}
		if first, ok := group[gk]; ok {
			r.union(first, id)
		} else {
			group[gk] = id
		}
		// Rule 1 links each spelling to the most frequent one with its key.
		if b := r.best[r.keys[i]]; gk == r.keys[i] && b != id {
			r.reasons = append(r.reasons, reason{name: id, text: fmt.Sprintf("%q = %q: same name ignoring case, diacritics, hyphens and dots (rule 1)", spellings[i], spellings[b])})
		}
	}
}

// sortPeople returns the indexes of display in order of display, then
// best spelling, then source id, then index. Strings are compared by an
// 16-byte prefix first, which settles most comparisons without following
// the pointers of millions of strings.
func sortPeople(display []string, best, source func(int) string) []int32 {
	type entry struct {
		prefix [2]uint64
		i      int32
	}
	es := make([]entry, len(display))
	for i, d := range display {
		var p [2]uint64
		for j := 0; j < 16; j++ {
			p[j/8] <<= 8
			if j < len(d) {
				p[j/8] |= uint64(d[j])
			}
		}
		es[i] = entry{p, int32(i)}
	}
	slices.SortFunc(es, func(a, b entry) int {
		if a.prefix != b.prefix {
			return cmp.Or(cmp.Compare(a.prefix[0], b.prefix[0]), cmp.Compare(a.prefix[1], b.prefix[1]))
		}
		x, y := int(a.i), int(b.i)
		return cmp.Or(strings.Compare(display[x], display[y]), strings.Compare(best(x), best(y)),
			strings.Compare(source(x), source(y)), x-y)
	})
	order := make([]int32, len(es))
	for i, e := range es {
		order[i] = e.i
	}
	return order
}

// identity builds the result from the final forest.
func (r *resolver) identity() *Identity {
	spellings := r.c.Names()
	// Group name ids by root: roots ascend (a root is its set's smallest
	// id), members listed by a counting sort.
	index := make([]int32, len(spellings)) // root → its place in roots, by name id
	var roots []int32
	for i := range spellings {
		if r.find(int32(i)) == int32(i) {
			index[i] = int32(len(roots))
			roots = append(roots, int32(i))
		}
	}
	// Name ids grouped by person: ordered by (person, id).
	flat := make([]int32, len(spellings))
	for i := range flat {
		flat[i] = int32(i)
	}
	slices.SortFunc(flat, func(a, b int32) int {
		return cmp.Or(cmp.Compare(index[r.find(a)], index[r.find(b)]), cmp.Compare(a, b))
	})
	start := make([]int32, len(roots)+1)
	for _, id := range flat {
		start[index[r.find(id)]+1]++
	}
	for i := range roots {
		start[i+1] += start[i]
	}
	// Each person's spellings, best first; the person's displayed name.
	display := make([]string, len(roots))
	for i, root := range roots {
		ids := flat[start[i]:start[i+1]]
		if len(ids) > 1 {
			slices.SortFunc(ids, func(a, b int32) int {
				if r.better(a, b) {
					return -1
				}
				if r.better(b, a) {
					return 1
				}
				return 0
			})
		}
		display[i] = spellings[ids[0]]
		if name, ok := r.canon[root]; ok {
			display[i] = name
		}
	}
	// The extra people of split keys (split.go) after the roots.
	extraVariants := make([][]Variant, len(r.splits))
	for j, x := range r.splits {
		counts := make(map[int32]int)
		for _, m := range x.part {
			counts[m.name]++
		}
		for _, id := range x.group.ids {
			if counts[id] > 0 {
				extraVariants[j] = append(extraVariants[j], Variant{Name: spellings[id], Count: counts[id]})
			}
		}
		slices.SortStableFunc(extraVariants[j], func(a, b Variant) int { return b.Count - a.Count })
		display = append(display, extraVariants[j][0].Name)
	}
	best := func(i int) string {
		if i >= len(roots) {
			return display[i]
		}
		return spellings[flat[start[i]]]
	}
	source := func(i int) string {
		if i >= len(roots) {
			return ""
		}
		return r.c.SourceID(flat[start[i]])
	}
	// People in order of displayed name, then best spelling, then id.
	order := sortPeople(display, best, source)
	rank := make([]int32, len(display))
	for newID, old := range order {
		rank[old] = int32(newID)
	}
	id := &Identity{Person: make([]int32, len(spellings)), People: make([]Person, len(display)), KeptApart: r.joinedApart()}
	variants := make([]Variant, len(spellings)) // one backing array for all people
	for newID, old := range order {
		if int(old) >= len(roots) {
			j := int(old) - len(roots)
			g := r.splits[j].group
			id.People[newID] = Person{Name: display[old], Variants: extraVariants[j],
				Reasons: []string{fmt.Sprintf("one of the people written %q, by the papers it shares co-authors or affiliations with; %s", display[old], r.splitWhy(g))}}
			continue
		}
		ids := flat[start[old]:start[old+1]]
		vs := variants[start[old]:start[old]:start[old+1]]
		for _, n := range ids {
			// A split spelling all of whose papers are other people's
			// (split.go) is not listed.
			if count := r.c.NameCount(n) - r.minorCount[n]; count > 0 || r.minorCount[n] == 0 {
				vs = append(vs, Variant{Name: spellings[n], Count: count})
			}
		}
		source := ""
		for _, n := range ids {
			if source = r.c.SourceID(n); source != "" {
				break // the id of the person, whichever spelling is shown
			}
		}
		id.People[newID] = Person{Name: display[old], ID: source, Variants: vs}
	}
	for _, g := range r.splitGroups {
		p := &id.People[rank[index[r.find(g.ids[0])]]]
		p.Reasons = append(p.Reasons, r.splitWhy(g)+"; this person is the largest group")
		sp := r.c.Names()[r.best[g.key]]
		id.KeptApart = append(id.KeptApart, KeptApart{Names: []string{sp, sp}, Why: r.splitWhy(g), Match: "the same names", strength: strong})
	}
	for _, g := range r.sameKept {
		p := &id.People[rank[index[r.find(g.ids[0])]]]
		p.Reasons = append(p.Reasons, r.keptWhy(g))
	}
	if len(r.splits) > 0 {
		id.mention = make(map[mentionRef]int32, len(r.minor))
		for m, j := range r.minor {
			id.mention[m] = rank[len(roots)+int(j)]
		}
		id.split = r.splitName
	}
	for _, rs := range r.reasons {
		p := &id.People[rank[index[r.find(rs.name)]]]
		p.Reasons = append(p.Reasons, rs.text)
		if rs.merge != nil {
			p.Merges = append(p.Merges, *rs.merge)
		}
	}
	for i := range spellings {
		id.Person[i] = rank[index[r.find(int32(i))]]
	}
	return id
}

// Names returns the displayed name of each person, by person id.
func (id *Identity) Names() []string {
	out := make([]string, len(id.People))
	for p, person := range id.People {
		out[p] = person.Name
	}
	return out
}

// Papers returns the papers of c, from which id was resolved, with each
// spelling replaced by its person: what graph.FromPapers reads.
func (id *Identity) Papers(c *corpus.Corpus) *Papers { return &Papers{c: c, id: id} }

// Papers are the papers of a corpus as lists of person ids.
type Papers struct {
	c   *corpus.Corpus
	id  *Identity
	buf []int32
}

// Len returns the number of papers.
func (p *Papers) Len() int { return p.c.Len() }

// Authors returns paper i's person ids; the slice is reused by the next
// call.
func (p *Papers) Authors(i int) []int32 {
	p.buf = p.buf[:0]
	for _, name := range p.c.Authors(i) {
		p.buf = append(p.buf, p.id.Of(i, name))
	}
	return p.buf
}

// Year returns paper i's year, 0 when unknown.
func (p *Papers) Year(i int) int { return p.c.Year(i) }

// Title returns paper i's title.
func (p *Papers) Title(i int) string { return p.c.Title(i) }
