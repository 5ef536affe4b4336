// Package identity resolves the spellings of a corpus into people and
// explains every merge.
package identity

import (
	"cmp"
	"fmt"
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
	// Thesaurus, when set, overrides the rules for the names it lists.
	Thesaurus *Thesaurus
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
}

// Person is one resolved author.
type Person struct {
	// Name is the displayed spelling: a thesaurus's canonical name, else
	// the most frequent spelling (ties: the one with diacritics, then the
	// longest).
	Name string `json:"name"`
	// ID is the identity the source gave this author (see Paper.IDs), or "".
	ID string `json:"id,omitempty"`
	// Variants are the spellings found, most frequent first.
	Variants []Variant `json:"variants"`
	// Reasons explain each merge of two spellings, in rule order.
	Reasons []string `json:"reasons"`
}

// Variant is one spelling of a person and the number of papers giving it.
type Variant struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// KeptApart is a set of spellings that a rule matched but left apart.
type KeptApart struct {
	Names []string
	Why   string
}

// Resolve resolves the spellings in c into people. The rules, applied in
// this order over folded keys (see NameKey):
//
//  1. the same folded key ("Noemí Mercado" = "Noemi Mercado",
//     "Zac Hatfield-Dodds" = "Zac Hatfield Dodds");
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
	if !opt.NoMerge {
		r.mergeGroups(r.variantCandidates(), 2)
		r.mergeGroups(r.typoCandidates(), 3)
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
	c       *corpus.Corpus
	opt     Options
	parent  unionFind
	keys    []string // name id → folded key
	fixed   []bool   // name governed by the thesaurus
	canon   map[int32]string
	reasons []reason
	kept    []KeptApart
	best    map[string]int32 // folded key → its most frequent spelling
}

type reason struct {
	name int32 // a name of the merged person
	text string
}

func newResolver(c *corpus.Corpus, opt Options) *resolver {
	n := len(c.Names())
	r := &resolver{c: c, opt: opt, parent: newUnionFind(n), keys: make([]string, n), fixed: make([]bool, n),
		canon: make(map[int32]string), best: make(map[string]int32)}
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
	na, nb := r.c.NameCount(a), r.c.NameCount(b)
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

// spelling returns the most frequent spelling with key.
func (r *resolver) spelling(key string) string { return r.c.Names()[r.best[key]] }

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
				r.reasons = append(r.reasons, reason{id, fmt.Sprintf("%q = %q: one author id in the source (%s)", spellings[i], spellings[first], source)})
			} else {
				group["\x01"+source] = id
			}
			continue
		}
		if canonical, line, ok := th.Canonical(r.keys[i]); ok {
			r.fixed[i] = true
			gk = names.Key(canonical)
			r.reasons = append(r.reasons, reason{id, fmt.Sprintf("%q → %q: thesaurus %s:%d", spellings[i], canonical, th.File, line)})
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
			r.reasons = append(r.reasons, reason{id, fmt.Sprintf("%q = %q: same name ignoring case, diacritics, hyphens and dots (rule 1)", spellings[i], spellings[b])})
		}
	}
}

// member is one folded key of a current person, for rules 2 and 3.
type member struct {
	root  int32
	key   string
	parts names.Parts
	fixed bool
}

// members returns one entry per distinct (person, key), in name id order.
func (r *resolver) members() []member {
	type rootKey struct {
		root int32
		key  string
	}
	seen := make(map[rootKey]bool)
	var ms []member
	for i := range r.keys {
		if r.c.SourceID(int32(i)) != "" {
			continue
		}
		root := r.find(int32(i))
		k := rootKey{root, r.keys[i]}
		if seen[k] {
			continue
		}
		seen[k] = true
		ms = append(ms, member{root: root, key: r.keys[i], parts: names.Split(r.keys[i]), fixed: r.fixed[i]})
	}
	return ms
}

// candidate is a pair of persons a rule would merge.
type candidate struct {
	a, b member
	why  string
}

// groupBy returns the members under each key, keys in sorted order.
func groupBy(ms []member, key func(member) (string, bool)) [][]member {
	groups := make(map[string][]member)
	for _, m := range ms {
		if k, ok := key(m); ok {
			groups[k] = append(groups[k], m)
		}
	}
	keys := make([]string, 0, len(groups))
	for k, g := range groups {
		if len(g) > 1 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out := make([][]member, len(keys))
	for i, k := range keys {
		out[i] = groups[k]
	}
	return out
}

// variantCandidates returns the pairs rule 2 matches: one family name,
// compatible given names.
func (r *resolver) variantCandidates() []candidate {
	var out []candidate
	groups := groupBy(r.members(), func(m member) (string, bool) {
		return m.parts.Family + "\x00" + m.parts.Suffix, len(m.parts.Given) > 0
	})
	for _, g := range groups {
		forPairsSharingLetter(g, func(a, b member) {
			if a.root != b.root && names.GivenCompatible(a.parts.Given, b.parts.Given) {
				out = append(out, candidate{a: a, b: b, why: r.explainVariant(a, b)})
			}
		})
	}
	return out
}

// smallGroup is the group size up to which comparing every pair is
// cheaper than building an index.
const smallGroup = 64

// forAllPairs calls f for every pair of g.
func forAllPairs(g []member, f func(a, b member)) {
	for i := range g {
		for j := i + 1; j < len(g); j++ {
			f(g[i], g[j])
		}
	}
}

// forPairsSharingLetter calls f once for each pair of members whose first
// given names could match: they share a first letter, directly or through
// the nickname table. It keeps large family groups (Wang, Smith) from
// costing a comparison per pair.
func forPairsSharingLetter(g []member, f func(a, b member)) {
	if len(g) <= smallGroup {
		forAllPairs(g, f)
		return
	}
	letters := make([][]byte, len(g))
	buckets := make(map[byte][]int)
	for i, m := range g {
		first := m.parts.Given[0]
		ls := []byte{first[0]}
		for _, v := range names.Nicknames(first) {
			if !slices.Contains(ls, v[0]) {
				ls = append(ls, v[0])
			}
		}
		slices.Sort(ls)
		letters[i] = ls
		for _, l := range ls {
			buckets[l] = append(buckets[l], i)
		}
	}
	for l := 0; l < 256; l++ {
		b := buckets[byte(l)]
		for x := range b {
			for y := x + 1; y < len(b); y++ {
				i, j := b[x], b[y]
				if firstShared(letters[i], letters[j]) == byte(l) {
					f(g[i], g[j])
				}
			}
		}
	}
}

func firstShared(a, b []byte) byte {
	for _, x := range a {
		if slices.Contains(b, x) {
			return x
		}
	}
	return 0
}

func (r *resolver) explainVariant(a, b member) string {
	ga, gb := a.parts.Given, b.parts.Given
	var parts []string
	switch {
	case ga[0] == gb[0]:
	case len(ga[0]) == 1 || len(gb[0]) == 1:
		parts = append(parts, fmt.Sprintf("%s. is an initial of %s", initialFirst(ga[0], gb[0])...))
	default:
		parts = append(parts, fmt.Sprintf("%s and %s are variants of one given name", capitalize(ga[0]), capitalize(gb[0])))
	}
	for i := 1; i < len(ga) && i < len(gb); i++ {
		if ga[i] != gb[i] {
			parts = append(parts, fmt.Sprintf("%s. is an initial of %s", initialFirst(ga[i], gb[i])...))
		}
	}
	if len(ga) != len(gb) {
		longer := ga
		if len(gb) > len(ga) {
			longer = gb
		}
		short := min(len(ga), len(gb))
		parts = append(parts, fmt.Sprintf("middle name %s in one spelling only", capitalize(strings.Join(longer[short:], " "))))
	}
	return fmt.Sprintf("%q = %q: %s; no other %s with a compatible given name (rule 2)",
		r.spelling(a.key), r.spelling(b.key), strings.Join(parts, "; "), capitalize(a.parts.Family))
}

func initialFirst(a, b string) []any {
	if len(a) == 1 {
		return []any{capitalize(a), capitalize(b)}
	}
	return []any{capitalize(b), capitalize(a)}
}

// capitalize capitalises each word of a folded name for messages.
func capitalize(f string) string {
	words := strings.Fields(f)
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = strings.ToUpper(string(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// typoCandidates returns the pairs rule 3 matches: one given name, family
// names of six letters or more one edit apart.
func (r *resolver) typoCandidates() []candidate {
	var out []candidate
	groups := groupBy(r.members(), func(m member) (string, bool) {
		letters := utf8.RuneCountInString(strings.ReplaceAll(m.parts.Family, " ", ""))
		return strings.Join(m.parts.Given, " ") + "\x00" + m.parts.Suffix, len(m.parts.Given) > 0 && letters >= 6
	})
	for _, g := range groups {
		forPairsNearFamily(g, func(a, b member) {
			if a.root == b.root {
				return
			}
			if edit := oneEdit(a.parts.Family, b.parts.Family); edit != "" {
				why := fmt.Sprintf("%q = %q: family names %s and %s are one %s apart, same given name (rule 3)",
					r.spelling(a.key), r.spelling(b.key), a.parts.Family, b.parts.Family, edit)
				out = append(out, candidate{a: a, b: b, why: why})
			}
		})
	}
	return out
}

// forPairsNearFamily calls f for pairs of members whose family names may be
// one edit apart. Large groups use a deletion index: two strings one edit
// apart share a string obtained by deleting at most one rune from each.
func forPairsNearFamily(g []member, f func(a, b member)) {
	if len(g) <= smallGroup {
		forAllPairs(g, f)
		return
	}
	index := make(map[string][]int)
	var keys []string
	for i, m := range g {
		rs := []rune(m.parts.Family)
		variants := []string{m.parts.Family}
		for d := range rs {
			variants = append(variants, string(rs[:d])+string(rs[d+1:]))
		}
		slices.Sort(variants)
		for _, v := range slices.Compact(variants) {
			if len(index[v]) == 0 {
				keys = append(keys, v)
			}
			index[v] = append(index[v], i)
		}
	}
	slices.Sort(keys)
	done := make(map[[2]int]bool)
	for _, k := range keys {
		b := index[k]
		for x := range b {
			for y := x + 1; y < len(b); y++ {
				pair := [2]int{b[x], b[y]}
				if !done[pair] {
					done[pair] = true
					f(g[b[x]], g[b[y]])
				}
			}
		}
	}
}

// oneEdit names the single edit between a and b ("insertion",
// "substitution", "transposition"), or returns "" when they are not one
// edit apart.
func oneEdit(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	switch len(rb) - len(ra) {
	case 0:
		i := 0
		for i < len(ra) && ra[i] == rb[i] {
			i++
		}
		if i == len(ra) {
			return ""
		}
		if slices.Equal(ra[i+1:], rb[i+1:]) {
			return "letter substitution"
		}
		if i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && slices.Equal(ra[i+2:], rb[i+2:]) {
			return "letter transposition"
		}
	case 1:
		i := 0
		for i < len(ra) && ra[i] == rb[i] {
			i++
		}
		if slices.Equal(ra[i:], rb[i+1:]) {
			return "letter insertion"
		}
	}
	return ""
}

// mergeGroups merges the persons that candidates link, group by group,
// where every two persons of a group are candidates, none is governed by
// the thesaurus and no two share a paper; it reports the other groups.
func (r *resolver) mergeGroups(cands []candidate, rule int) {
	if len(cands) == 0 {
		return
	}
	// Persons in play and the groups that candidates link.
	local := make(map[int32]int32)
	var roots []int32
	add := func(root int32) {
		if _, ok := local[root]; !ok {
			local[root] = int32(len(roots))
			roots = append(roots, root)
		}
	}
	for _, c := range cands {
		add(c.a.root)
		add(c.b.root)
	}
	comp := newUnionFind(len(roots))
	findc := comp.find
	for _, c := range cands {
		comp.union(local[c.a.root], local[c.b.root])
	}
	shared := r.sharedPapers(local, roots)

	type group struct {
		persons []int32
		cands   []candidate
		pairs   map[[2]int32]bool
		blocked string
	}
	groups := make(map[int32]*group)
	var order []int32
	for i, root := range roots {
		c := findc(int32(i))
		if groups[c] == nil {
			groups[c] = &group{pairs: make(map[[2]int32]bool)}
			order = append(order, c)
		}
		groups[c].persons = append(groups[c].persons, root)
	}
	for _, c := range cands {
		g := groups[findc(local[c.a.root])]
		g.cands = append(g.cands, c)
		pa, pb := min(c.a.root, c.b.root), max(c.a.root, c.b.root)
		g.pairs[[2]int32{pa, pb}] = true
		if c.a.fixed || c.b.fixed {
			g.blocked = "the thesaurus governs " + fmt.Sprintf("%q", r.spelling(pick(c.a.fixed, c.a.key, c.b.key)))
		}
		if p, ok := shared[[2]int32{pa, pb}]; ok && g.blocked == "" {
			g.blocked = fmt.Sprintf("%q and %q both appear on %q", r.spelling(c.a.key), r.spelling(c.b.key), r.c.Title(p))
		}
	}
	for _, c := range order {
		g := groups[c]
		k := len(g.persons)
		if g.blocked == "" && len(g.pairs) == k*(k-1)/2 {
			for _, cd := range g.cands {
				r.union(cd.a.root, cd.b.root)
				r.reasons = append(r.reasons, reason{cd.a.root, cd.why})
			}
			continue
		}
		why := g.blocked
		if why == "" {
			why = "ambiguous: not every two of these spellings match, so they may be different people"
		}
		var names []string
		for _, cd := range g.cands {
			names = append(names, r.spelling(cd.a.key), r.spelling(cd.b.key))
		}
		slices.Sort(names)
		r.kept = append(r.kept, KeptApart{Names: slices.Compact(names), Why: fmt.Sprintf("%s (rule %d)", why, rule)})
	}
}

func pick(first bool, a, b string) string {
	if first {
		return a
	}
	return b
}

// sharedPapers returns, for each pair of persons in play that appear on a
// common paper, one such paper.
func (r *resolver) sharedPapers(local map[int32]int32, roots []int32) map[[2]int32]int {
	shared := make(map[[2]int32]int)
	var on []int32
	for p := 0; p < r.c.Len(); p++ {
		on = on[:0]
		for _, id := range r.c.Authors(p) {
			root := r.find(id)
			if _, ok := local[root]; ok && !slices.Contains(on, root) {
				on = append(on, root)
			}
		}
		for i := range on {
			for j := i + 1; j < len(on); j++ {
				pair := [2]int32{min(on[i], on[j]), max(on[i], on[j])}
				if _, ok := shared[pair]; !ok {
					shared[pair] = p
				}
			}
		}
	}
	return shared
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
	// People in order of displayed name, then best spelling, then id.
	order := sortPeople(display, func(i int) string { return spellings[flat[start[i]]] },
		func(i int) string { return r.c.SourceID(flat[start[i]]) })
	rank := make([]int32, len(roots))
	for newID, old := range order {
		rank[old] = int32(newID)
	}
	id := &Identity{Person: make([]int32, len(spellings)), People: make([]Person, len(roots)), KeptApart: r.kept}
	variants := make([]Variant, len(spellings)) // one backing array for all people
	for newID, old := range order {
		ids := flat[start[old]:start[old+1]]
		vs := variants[start[old]:start[old+1]:start[old+1]]
		for j, n := range ids {
			vs[j] = Variant{Name: spellings[n], Count: r.c.NameCount(n)}
		}
		id.People[newID] = Person{Name: display[old], ID: r.c.SourceID(ids[0]), Variants: vs}
	}
	for _, rs := range r.reasons {
		p := &id.People[rank[index[r.find(rs.name)]]]
		p.Reasons = append(p.Reasons, rs.text)
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
func (id *Identity) Papers(c *corpus.Corpus) *Papers { return &Papers{c: c, person: id.Person} }

// Papers are the papers of a corpus as lists of person ids.
type Papers struct {
	c      *corpus.Corpus
	person []int32
	buf    []int32
}

// Len returns the number of papers.
func (p *Papers) Len() int { return p.c.Len() }

// Authors returns paper i's person ids; the slice is reused by the next
// call.
func (p *Papers) Authors(i int) []int32 {
	p.buf = p.buf[:0]
	for _, name := range p.c.Authors(i) {
		p.buf = append(p.buf, p.person[name])
	}
	return p.buf
}

// Year returns paper i's year, 0 when unknown.
func (p *Papers) Year(i int) int { return p.c.Year(i) }
