package identity

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"coauthor/parse/country"
	"coauthor/parse/names"
)

// How rules 2 and 3 decide. Name compatibility proposes a pair of
// spellings; the evidence of their papers decides, against the ambiguity
// of the name.
//
//   - A strong match (the same given names but for a transliteration such
//     as ü/ue, or "Zhi-Min"/"Zhimin") merges without evidence.
//   - A medium match (a middle name in one spelling only, a nickname, an
//     abbreviation "Th.", a suffix in one spelling only (suffix.go), two words in
//     reversed order) merges with a shared co-author, or when the family
//     name is uncrowded (at most uncrowded first names under it, and not a
//     surname frequent worldwide) and the two share a rare title word or
//     their years overlap.
//   - A weak match (an initial against a full name) merges with a shared
//     co-author, and with two under a crowded family name; without one
//     under a rare family name on a rare title word, a venue, or titles
//     alike (topic.go).
//   - Family names one letter apart (a typo) merge with the same given
//     names and a shared co-author; a slip (slipOf) in a long family name
//     under uncrowded family names on the same topic or titles alike.
//
// Co-authors count when they are not in the pair's own family-name block
// (a father and son share co-authors), compared by their folded names as
// written, so that merges made in this pass lend no evidence. Two
// spellings on one paper are two people (but side by side on a paper that
// lists every author twice: doubledLists). A merge that would put two
// spellings of incompatible given names, or two spellings of one paper,
// into one person is not made.
const (
	uncrowded    = 3    // first names under a family name up to which it is uncrowded
	crowded      = 10   // first names from which a weak match needs two co-authors
	team         = 100  // papers with more authors are large collaborations
	bigPaper     = 1000 // papers with more authors lend no co-author evidence
	bucketLimit  = 200  // spellings per first letter above which only pairs with a shared co-author are compared
	coauthorFan  = 50   // a co-author shared by more spellings of a bucket is no evidence for pairing them
	yearSlack    = 4    // years further apart than this do not overlap
	rareWordFrac = 0.02
	farApart     = 10 // years between two spellings' papers from which, with no shared co-author or title word, they are two people
	// maxYearsFewMiddle bounds the years apart that very few namesakes
	// lift for a middle initial in one spelling only: "Satinder Ragh" of
	// 1975 and "Satinder P. Ragh" of 2020 may be a father and son who
	// write no suffix.
	maxYearsFewMiddle = 20
)

// Match strengths.
const (
	none = iota
	typo
	weak
	medium
	strong
)

// spell is a spelling the rules compare.
type spell struct {
	id   int32
	name names.Name
}

// pairMatch is a candidate pair and why their names are compatible.
type pairMatch struct {
	a, b int32 // name ids
	match
}

// decided is a candidate pair with its evidence, as decided.
type decided struct {
	pairMatch
	ev    Evidence
	amb   Ambiguity
	score int
	note  string // what outweighs a suffix in one spelling (suffix.go); why kept apart, for a retry
}

// ruleEvidence applies rules 2 and 3.
func (r *resolver) ruleEvidence() {
	e := newEvidence(r)
	if len(e.spells) == 0 {
		return
	}
	cands := e.candidates()
	var accept, retry []decided
	for _, c := range cands {
		ev, amb := e.evidence(c.a, c.b), e.ambiguity(c.a)
		if c.strength == weak {
			amb.Matching = e.matching(c.a, c.b)
		}
		amb.InitialsOnly = e.parsed[c.a].Given[0].Kind != names.Full && e.parsed[c.b].Given[0].Kind != names.Full
		amb.SuffixOnce = e.parsed[c.a].Suffix != e.parsed[c.b].Suffix
		amb.AllParts = c.allParts()
		if c.strength == typo && e.slip(c, &amb) {
			amb.Slip = true
		}
		// Under a crowded family name spaced given names are not enough:
		// "Hyung-jun Kim" of nanorod LEDs at GIST and "Hyungjun Kim" of
		// atomic layer deposition at Yonsei, "Li-Chun Zhang" and "Lichun
		// Zhang" of two groups, in the same years (new merges of a first
		// version on bbt-1436-3); there the match is decided as before.
		amb.Spacing = c.strength == strong && amb.FirstNames <= uncrowded && !amb.FrequentSurname &&
			spacing(e.parsed[c.a], e.parsed[c.b], c.match)
		if c.strength == weak || c.strength == medium {
			if n, why := e.namesakes(c); n >= 0 {
				amb.Namesakes, amb.NamesakesWhy, amb.estimated = n, why, true
			}
		}
		if p, ok := e.sharedPaper(c.a, c.b); ok {
			r.keepApart(c, fmt.Sprintf("both appear on %q", r.c.Title(int(p))), ev, amb)
			continue
		}
		why, note := decide(c.strength, c.same(), ev, amb), ""
		if why != "" && e.titlesAlike(c, &ev, amb) {
			why = decide(c.strength, c.same(), ev, amb)
		}
		if amb.SuffixOnce {
			why, note = e.decideSuffix(c, ev, amb)
		}
		if why == "" && amb.estimated {
			// Said only when no other evidence would merge the pair.
			without, alike := amb, ev
			without.estimated = false
			if decide(c.strength, c.same(), ev, without) != "" {
				if e.titlesAlike(c, &alike, without) && decide(c.strength, c.same(), alike, without) == "" {
					ev = alike
				} else {
					amb.ByNamesakes = true
				}
			}
		}
		if why != "" {
			retry = append(retry, decided{c, ev, amb, 0, why})
			continue
		}
		if note == "" && len(e.doubled[[2]int32{c.a, c.b}]) > 0 {
			note = fmt.Sprintf("side by side on %q, which lists every author twice", r.c.Title(int(e.doubled[[2]int32{c.a, c.b}][0])))
		}
		accept = append(accept, decided{c, ev, amb, c.strength*1000 + len(ev.SharedCoauthors), note})
	}
	// Strongest first, so that a spelling that could join two people joins
	// the one with clearly more evidence; when two incompatible people fit
	// a spelling about as well, it joins neither.
	slices.SortStableFunc(accept, func(x, y decided) int { return cmp.Compare(y.score, x.score) })
	partners := make(map[int32][]int) // spelling → its accepted pairs
	for i, d := range accept {
		partners[d.a] = append(partners[d.a], i)
		partners[d.b] = append(partners[d.b], i)
	}
	drop := make(map[int]string)
	spellings := make([]int32, 0, len(partners))
	for s := range partners {
		spellings = append(spellings, s)
	}
	slices.Sort(spellings)
	for _, s := range spellings {
		idx := partners[s]
		for x := 0; x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				p, q := accept[idx[x]], accept[idx[y]]
				other := func(d decided) int32 { return d.a + d.b - s }
				if compatible(e.parsed[other(p)], e.parsed[other(q)]).strength != none || e.r.find(other(p)) == e.r.find(other(q)) ||
					!lessSpecific(e.parsed[s], e.parsed[other(p)]) || !lessSpecific(e.parsed[s], e.parsed[other(q)]) {
					continue
				}
				if p.score > q.score { // sorted: p is at least as strong
					drop[idx[y]] = fmt.Sprintf("%q fits %q better", e.r.c.Names()[s], e.r.c.Names()[other(p)])
					continue
				}
				why := fmt.Sprintf("ambiguous: %q could be %q or %q", e.r.c.Names()[s], e.r.c.Names()[other(p)], e.r.c.Names()[other(q)])
				drop[idx[x]], drop[idx[y]] = why, why
			}
		}
	}
	for i, d := range accept {
		if why, ok := drop[i]; ok {
			r.keepApart(d.pairMatch, why, d.ev, d.amb)
			continue
		}
		if why := e.conflict(d.a, d.b); why != "" {
			r.keepApart(d.pairMatch, why, d.ev, d.amb)
			continue
		}
		e.union(d.a, d.b)
		sp := r.c.Names()
		m := Merge{A: sp[d.a], B: sp[d.b], Rule: ruleName(d.strength), Match: d.String(), Evidence: d.ev, Ambiguity: d.amb}
		if d.note != "" {
			m.Match += " (" + d.note + ")"
		}
		r.reasons = append(r.reasons, reason{name: d.a, text: m.String(), merge: &m})
	}
	e.secondPass(retry)
}

// secondPass decides again the pairs kept apart for want of evidence,
// now counting as shared a co-author written two ways that this pass
// made one person: "A. Banerjee" on one side and "Animesh Banerjee" on the
// other, when the rules merged those two on evidence of their own, under
// a family name that is not crowded (on a synthetic library of crowded
// names, 12 of 900 such merges joined spellings of no person in common). The
// pairs it merges lend no evidence in turn (there is no third pass), and
// a spelling that would join two people this way joins neither.
func (e *evidence) secondPass(retry []decided) {
	r := e.r
	var accept []decided
	for _, d := range retry {
		if r.find(d.a) == r.find(d.b) {
			continue // joined through other spellings: not kept apart (joinedApart)
		}
		if d.strength == typo { // rule 3 only on co-authors as written
			r.keepApart(d.pairMatch, d.note, d.ev, d.amb)
			continue
		}
		extra := e.sharedPeople(d.a, d.b, d.ev.SharedCoauthors)
		if len(extra) == 0 {
			r.keepApart(d.pairMatch, d.note, d.ev, d.amb)
			continue
		}
		ev := d.ev
		ev.SharedCoauthors = append(slices.Clone(ev.SharedCoauthors), extra...)
		slices.Sort(ev.SharedCoauthors)
		why := decide(d.strength, d.same(), ev, d.amb)
		if d.amb.SuffixOnce {
			why, _ = e.decideSuffix(d.pairMatch, ev, d.amb)
		}
		if why != "" {
			r.keepApart(d.pairMatch, d.note, d.ev, d.amb)
			continue
		}
		accept = append(accept, decided{d.pairMatch, ev, d.amb, 0, ""})
	}
	// A spelling that these merges would give to two people joins neither.
	partners := make(map[int32]map[int32]bool)
	for _, d := range accept {
		for _, x := range [][2]int32{{d.a, d.b}, {d.b, d.a}} {
			if partners[x[0]] == nil {
				partners[x[0]] = make(map[int32]bool)
			}
			partners[x[0]][r.find(x[1])] = true
		}
	}
	for _, d := range accept {
		if len(partners[d.a]) > 1 || len(partners[d.b]) > 1 {
			r.keepApart(d.pairMatch, fmt.Sprintf("ambiguous: %q fits two people through co-authors written two ways", r.c.Names()[d.a]), d.ev, d.amb)
			continue
		}
		if why := e.conflict(d.a, d.b); why != "" {
			r.keepApart(d.pairMatch, why, d.ev, d.amb)
			continue
		}
		if r.find(d.a) == r.find(d.b) {
			continue
		}
		e.union(d.a, d.b)
		sp := r.c.Names()
		m := Merge{A: sp[d.a], B: sp[d.b], Rule: ruleName(d.strength), Match: d.String(), Evidence: d.ev, Ambiguity: d.amb}
		r.reasons = append(r.reasons, reason{name: d.a, text: m.String(), merge: &m})
	}
}

// independent reports whether some spelling of xs and some of ys, one
// co-author written two ways, share a co-author of their own outside the
// family names of a and b: their merge did not rest on a and b, so that
// two pairs ("J.-J. Yang"/"J. Yang" beside "Y.-L. Wu"/"Y. Wu") do not
// corroborate each other.
func (e *evidence) independent(xs, ys map[string]int32, a, b int32) bool {
	fa, fb := e.hash(e.parsed[a].Family), e.hash(e.parsed[b].Family)
	for _, kx := range sortedKeys(xs) {
		for _, ky := range sortedKeys(ys) {
			if len(e.shared(xs[kx], ys[ky], team, fa, fb)) > 0 {
				return true
			}
		}
	}
	return false
}

// sharedPeople returns the co-authors of a and b (papers of at most team
// authors, outside the pair's family names) written differently on the
// two sides but made one person by the rules, as "x = y", each once and
// none of those counted already (b's spellings).
func (e *evidence) sharedPeople(a, b int32, counted []string) []string {
	skip := func(x int32) bool {
		f := e.parsed[x].Family
		return f == e.parsed[a].Family || f == e.parsed[b].Family
	}
	// people returns the co-authors of s by person: their spellings by
	// folded name.
	people := func(s int32) map[int32]map[string]int32 {
		out := make(map[int32]map[string]int32)
		for _, p := range e.papers[s] {
			authors := e.r.c.Authors(int(p))
			if len(authors) > team {
				continue
			}
			for _, x := range authors {
				if _, ok := e.byID[x]; !ok || x == s || skip(x) || e.ambiguity(x).FirstNames >= crowded {
					continue // under a crowded family name its merges are the least sure
				}
				if _, other := e.r.minor[mentionRef{p, x}]; other {
					continue // a split name's smaller group: another person
				}
				root := e.r.find(x)
				if out[root] == nil {
					out[root] = make(map[string]int32)
				}
				if _, ok := out[root][e.r.keys[x]]; !ok {
					out[root][e.r.keys[x]] = x
				}
			}
		}
		return out
	}
	// The co-author's merge may rest on a and b themselves (their block
	// one person, coauthors.go) only when a and b are such a block in
	// turn: "P. Bhattacharya" and "Pallab Bhattacharya", the only P.
	// Bhattacharya, beside "A. Banerjee" and "Animesh Banerjee", the only
	// A. Banerjee; not "J.-J. Yang" and "J. Yang" beside "Jian Yang".
	oneBlock := e.coBlocks().sameCoauthor(a, b)
	pa, pb := people(a), people(b)
	var out []string
	for root, xs := range pa {
		ys, ok := pb[root]
		if !ok {
			continue
		}
		// One person, counted once: not again when a spelling of it is
		// shared as written or already counted.
		literal := false
		for k := range xs {
			_, same := ys[k]
			literal = literal || same
		}
		for _, y := range ys {
			literal = literal || slices.Contains(counted, e.r.c.Names()[y])
		}
		if literal || !oneBlock && !e.independent(xs, ys, a, b) {
			continue
		}
		x, y := slices.Min(slices.Collect(maps.Values(xs))), slices.Min(slices.Collect(maps.Values(ys)))
		out = append(out, e.r.c.Names()[x]+" = "+e.r.c.Names()[y])
	}
	slices.Sort(out)
	return out
}

// decide returns "" to merge a candidate of the strength given, or why
// not.
func decide(strength int, same bool, ev Evidence, amb Ambiguity) string {
	co := len(ev.SharedCoauthors)
	if ev.LargeTeams {
		co = min(max(co/3, 1), 2) // two to five count one
	}
	topic := len(ev.TitleWords) > 0 || len(ev.SharedVenues) > 0 || len(ev.SharedAffiliations) > 0
	quiet := amb.FirstNames <= uncrowded && !amb.FrequentSurname
	// Given names spaced, hyphenated or run together are one name
	// ("Kwang-yun", "KwangYun"): under an uncrowded family name (Spacing
	// is set only there) years apart do not part them (hand check #206);
	// nor a middle initial in one spelling only when the corpus expects
	// almost no namesake (namesakes.go, hand check #158).
	spaced := strength == strong && amb.Spacing
	fewMiddle := strength == medium && !amb.FrequentSurname && amb.FirstNames < crowded && amb.few(veryFewNamesakes) && ev.YearsApart <= maxYearsFewMiddle
	if co == 0 && !topic && ev.YearsApart > farApart && !spaced && !fewMiddle {
		return fmt.Sprintf("no shared co-author, title word, venue or affiliation, and their papers are %d years apart", ev.YearsApart)
	}
	if co == 0 && ev.OtherPlaces && strength != strong {
		return otherPlaces(ev)
	}
	if strength == strong && !quiet && co == 0 && !topic && !same {
		strength = medium // one name but for its spelling, and a crowded one: say who
	}
	switch strength {
	case strong:
		return ""
	case medium:
		if co >= 1 || quiet && (!amb.SuffixOnce || topic) {
			return ""
		}
		if !amb.SuffixOnce && !amb.FrequentSurname && amb.FirstNames < crowded && amb.few(fewNamesakes) {
			return "" // a first name and rare family name that few others in the corpus could share (namesakes.go)
		}
		if amb.SuffixOnce {
			return "a suffix (Jr., III) in one spelling only, with no shared co-author: perhaps a father and son"
		}
		return fmt.Sprintf("%s, and no shared co-author", amb.crowd())
	case weak:
		switch {
		case co >= 2:
			return ""
		case amb.InitialsOnly || amb.SuffixOnce:
			// "R. Wilson" and "R. K. Wilson" may be any two R. Wilsons;
			// "S. King" and "Spencer B. King III" a father and son.
			if co == 1 && amb.FirstNames < crowded && !amb.FrequentSurname {
				return ""
			}
			if co == 0 && amb.InitialsOnly && !amb.SuffixOnce && amb.Spellings == 2 && !amb.FrequentSurname && narrowTopic(ev) {
				return "" // the only two spellings of the family name, on the same topic
			}
			return fmt.Sprintf("initials only, or a suffix in one spelling, with too few shared co-authors (%s)", amb.crowd())
		case co == 1 && (amb.Matching <= 1 || amb.FirstNames < crowded && (!amb.FrequentSurname || amb.Matching <= 2)):
			return ""
		case co == 0 && amb.Matching <= 1 && amb.FirstNames <= 2 && !amb.FrequentSurname && topic:
			return "" // the only full name the initials can stand for, on the same topic
		case co == 0 && amb.Matching <= 1 && amb.FirstNames <= 2 && !amb.FrequentSurname && ev.TitleSimilarity >= minTitleSim && ev.YearsApart <= farApart:
			return "" // ... whose titles are alike, words weighted by their rarity in the corpus
		case co == 0 && amb.Matching <= 1 && amb.Spellings <= 3 && !amb.FrequentSurname && amb.AllParts:
			return "" // initials of every part of the only hyphenated name under a rare family name
		case co == 0 && amb.Matching <= 1 && amb.FirstNames <= uncrowded && !amb.FrequentSurname && ev.YearsApart <= farApart && amb.few(fewNamesakes):
			return "" // initials that fit few other people of the corpus, under a rare family name (namesakes.go)
		case co == 1:
			return fmt.Sprintf("initials that fit %d full names under a crowded family name (%s): one shared co-author is not enough", amb.Matching, amb.crowd())
		}
		return fmt.Sprintf("initials for a full name with no shared co-author (%s)", amb.crowd())
	case typo:
		long := utf8.RuneCountInString(amb.Family) >= 8
		if co >= 2 || co == 1 && (!amb.InitialsOnly || long) || co == 0 && long && topic && !amb.InitialsOnly {
			return ""
		}
		// A slip (a doubled or tripled letter, an OCR confusion) in a
		// family name of seven letters or more that both spellings keep
		// uncrowded, after the same full given names, on the same topic
		// or titles alike: "Anders Jonsson"/"Anders Jonssson" (#2249).
		if co == 0 && amb.Slip && quiet && !amb.InitialsOnly && (topic || ev.TitleSimilarity >= minTitleSim) {
			return ""
		}
		return "family names one letter apart with too little evidence (a shared co-author, or for initials or a short name two)"
	}
	return "names not compatible"
}

// arXivArchives are arXiv's archives: a field as wide as a discipline
// ("astro-ph", "hep-ph"), where two people with the same initials and
// family name meet easily.
var arXivArchives = map[string]bool{"astro-ph": true, "cond-mat": true, "gr-qc": true, "hep-ex": true, "hep-lat": true,
	"hep-ph": true, "hep-th": true, "math-ph": true, "nlin": true, "nucl-ex": true, "nucl-th": true, "physics": true,
	"quant-ph": true, "math": true, "cs": true, "q-bio": true, "q-fin": true, "stat": true, "eess": true, "econ": true}

// narrowTopic reports whether the papers share a rare title word, an
// affiliation or a venue narrower than an arXiv archive: evidence for
// initials only, where "astro-ph" alone joined "D. Palmer" of an
// interferometer team with "D. M. Palmer" of a gamma-ray burst team
// (hand check #2404).
func narrowTopic(ev Evidence) bool {
	if len(ev.TitleWords) > 0 || len(ev.SharedAffiliations) > 0 {
		return true
	}
	for _, v := range ev.SharedVenues {
		if !arXivArchives[v] {
			return true
		}
	}
	return false
}

func ruleName(strength int) string {
	switch strength {
	case strong:
		return "transliteration"
	case typo:
		return "rule 3"
	}
	return "rule 2"
}

// keepApart records a candidate pair left apart.
func (r *resolver) keepApart(c pairMatch, why string, ev Evidence, amb Ambiguity) {
	sp := r.c.Names()
	r.kept = append(r.kept, KeptApart{Names: []string{sp[c.a], sp[c.b]}, Why: why, Match: c.String(), Evidence: &ev, Ambiguity: &amb, strength: c.strength, ids: []int32{c.a, c.b}})
}

// evidence holds what the rules read of the corpus: each spelling's
// parsed name, papers, co-authors, title words and years.
type evidence struct {
	r        *resolver
	spells   []spell       // spellings the rules may merge, by name id order
	parsed   []names.Name  // every name id's parse ("" family for ids not parsed)
	byID     map[int32]int // name id → index in spells
	papers   [][]int32     // name id → papers
	families map[string][]int32
	seed     maphash.Seed
	df       map[uint64]int32 // title word → papers holding it
	rare     int32
	amb      map[string]Ambiguity
	members  map[int32][]int32 // person (root) → its spellings the rules compare
	profiles map[int32]*profile
	wordText map[uint64]string
	coSmall  map[int32][]int32 // spelling → co-authors on papers of at most team authors
	coBig    map[int32][]int32 // ... of at most bigPaper authors
	entSmall map[int32][]coEntry
	entBig   map[int32][]coEntry
	matches  map[string]int       // memo of matching
	blocks   *blockIndex          // see coBlocks
	doubled  map[[2]int32][]int32 // spellings side by side → the papers that list every author twice so (doubledLists)
	stems    map[uint64]int32     // title stem → papers holding it (topic.go)
	nsk      *namesakeTables      // namesakes.go
}

// union merges the people of a and b.
func (e *evidence) union(a, b int32) {
	ra, rb := e.r.find(a), e.r.find(b)
	root := e.r.union(a, b)
	gone := ra
	if root == ra {
		gone = rb
	}
	e.members[root] = append(e.members[root], e.members[gone]...)
	delete(e.members, gone)
}

func newEvidence(r *resolver) *evidence {
	c := r.c
	n := len(c.Names())
	e := &evidence{r: r, byID: make(map[int32]int), parsed: make([]names.Name, n), papers: make([][]int32, n),
		families: make(map[string][]int32), seed: r.seed, amb: make(map[string]Ambiguity),
		members: make(map[int32][]int32), profiles: make(map[int32]*profile), wordText: make(map[uint64]string),
		coSmall: make(map[int32][]int32), coBig: make(map[int32][]int32), matches: make(map[string]int),
		entSmall: make(map[int32][]coEntry), entBig: make(map[int32][]coEntry)}
	for i, s := range c.Names() {
		if c.SourceID(int32(i)) != "" {
			continue
		}
		if r.parsed != nil && r.keys[i] != "" {
			e.parsed[i] = r.parsed[i] // parsed once by splitSameString
		} else {
			e.parsed[i] = names.Parse(s)
		}
		if r.fixed[i] || names.NotAName(s) != "" || len(e.parsed[i].Given) == 0 || e.parsed[i].Family == "" {
			continue
		}
		e.byID[int32(i)] = len(e.spells)
		root := r.find(int32(i))
		e.members[root] = append(e.members[root], int32(i))
		e.spells = append(e.spells, spell{id: int32(i), name: e.parsed[i]})
		e.families[e.parsed[i].Family] = append(e.families[e.parsed[i].Family], int32(i))
		if g := e.parsed[i].German; g != e.parsed[i].Family {
			e.families[g] = append(e.families[g], int32(i))
		}
	}
	if len(e.spells) == 0 {
		return e // every name has a source id: nothing for the rules
	}
	for p := 0; p < c.Len(); p++ {
		for _, a := range c.Authors(p) {
			if _, ok := e.byID[a]; ok {
				if _, other := r.minor[mentionRef{int32(p), a}]; !other {
					e.papers[a] = append(e.papers[a], int32(p)) // a split spelling: its largest group only
				}
			}
		}
	}
	e.df, e.rare = r.titleDF()
	e.doubledLists()
	return e
}

// minDoubled is the fewest authors a paper that lists every author twice
// has: three people, each twice.
const minDoubled = 6

// doubledLists finds the papers whose source lists every author twice,
// side by side in two forms ("M Lin; Min Lin; R Goldman; Rich Goldman;
// K Price; Kathleen J Price; ..."; hand check #2339): an even list of at
// least minDoubled spellings, each pair compatible names of one family
// block and no two pairs alike. On such a paper the two forms of a pair
// are one person, not two spellings of one paper (sharedPaper). One such
// paper is among the 22 files of the hand checks; lists with one name
// given twice (#2064 Colafigli/Colatigli beside ten others) are not
// decided this way.
func (e *evidence) doubledLists() {
	c := e.r.c
	for p := 0; p < c.Len(); p++ {
		authors := c.Authors(p)
		if len(authors) < minDoubled || len(authors)%2 != 0 {
			continue
		}
		ok := true
		for i := 0; ok && i < len(authors); i += 2 {
			x, y := authors[i], authors[i+1]
			_, okX := e.byID[x]
			_, okY := e.byID[y]
			ok = okX && okY && x != y && e.parsed[x].Family == e.parsed[y].Family &&
				compatible(e.parsed[x], e.parsed[y]).strength != none
			for j := 0; ok && j < i; j += 2 {
				ok = e.parsed[authors[j]].Family != e.parsed[x].Family // two people of one family: not a doubled list
			}
		}
		if !ok {
			continue
		}
		if e.doubled == nil {
			e.doubled = make(map[[2]int32][]int32)
		}
		for i := 0; i < len(authors); i += 2 {
			k := [2]int32{min(authors[i], authors[i+1]), max(authors[i], authors[i+1])}
			e.doubled[k] = append(e.doubled[k], int32(p))
		}
	}
}

// titleDF returns, computed once, the number of papers holding each title
// word (by hash with r.seed, see splitWords) and the count up to which a
// word is rare.
func (r *resolver) titleDF() (map[uint64]int32, int32) {
	if r.df == nil {
		r.df = make(map[uint64]int32)
		for p := 0; p < r.c.Len(); p++ {
			for _, w := range r.titleWords(r.c.Title(p)) {
				r.df[w]++
			}
		}
		r.rare = int32(rareWordFrac*float64(r.c.Len())) + 2
	}
	return r.df, r.rare
}

// candidates returns the pairs of compatible spellings, each once.
func (e *evidence) candidates() []pairMatch {
	seen := make(map[[2]int32]bool)
	var out []pairMatch
	add := func(a, b int32, m match) {
		if a > b {
			a, b = b, a
		}
		if m.strength == none || e.r.find(a) == e.r.find(b) || seen[[2]int32{a, b}] {
			return
		}
		seen[[2]int32{a, b}] = true
		out = append(out, pairMatch{a, b, m})
	}
	keys := make([]string, 0, len(e.families))
	for k := range e.families {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		e.blockPairs(e.families[k], func(a, b int32) {
			add(a, b, compatible(e.parsed[a], e.parsed[b]))
		})
	}
	e.typoPairs(keys, add)
	e.reversedPairs(add)
	e.compoundPairs(add)
	return out
}

// compoundPairs proposes the spellings of a hyphenated family name
// ("Cegarra-Navarro") with those that keep only its
// last word as the family name and give the others as given names or
// their initials: Web of Science writes José G. Cegarra-Navarro "JG
// Cegarra-Navarro" and "JGC Navarro". The match is weak: the evidence
// of the papers decides.
func (e *evidence) compoundPairs(add func(a, b int32, m match)) {
	for _, s := range e.spells {
		ws := strings.Fields(names.Order(e.r.c.Names()[s.id]))
		if len(ws) < 2 || !strings.Contains(ws[len(ws)-1], "-") {
			continue
		}
		var words []string
		for _, w := range strings.Split(ws[len(ws)-1], "-") {
			if f := strings.ReplaceAll(names.Fold(w), " ", ""); f != "" {
				words = append(words, f)
			}
		}
		if len(words) < 2 || strings.Join(words, "") != s.name.Family {
			continue
		}
		last := words[len(words)-1]
		for _, other := range e.families[last] {
			b := e.parsed[other]
			if b.Family != last || len(b.Given) != len(s.name.Given)+len(words)-1 {
				continue
			}
			// The first words of the family name as given names, full
			// or initials as the other spelling writes them.
			a := s.name
			a.Family, a.German = last, last
			a.Given = slices.Clone(a.Given)
			for k, w := range words[:len(words)-1] {
				u := names.Unit{Kind: names.Full, Text: w}
				if b.Given[len(s.name.Given)+k].Kind != names.Full {
					u = names.Unit{Kind: names.Initial, Text: string(firstRune(w))}
				}
				a.Given = append(a.Given, u)
			}
			if m := compatible(a, b); m.strength != none {
				m = match{strength: min(m.strength, weak), steps: append(m.steps, step{rule: ruleCompoundFamily,
					args: []string{capital(strings.Join(words, "-")), capital(last), unitsText(a.Given[len(s.name.Given):])}})}
				add(s.id, other, m)
			}
		}
	}
}

// blockPairs calls f for the pairs of a family block that may match:
// every pair sharing a first letter (directly or through a nickname), or
// in a large bucket only those sharing a co-author.
func (e *evidence) blockPairs(block []int32, f func(a, b int32)) {
	buckets := make(map[rune][]int32)
	for _, id := range block {
		first := e.parsed[id].Given[0].Text
		letters := []rune{firstRune(first)}
		for _, v := range names.Nicknames(first) {
			if l := firstRune(v); !slices.Contains(letters, l) {
				letters = append(letters, l)
			}
		}
		for _, l := range letters {
			buckets[l] = append(buckets[l], id)
		}
	}
	for _, l := range sortedRunes(buckets) {
		b := buckets[l]
		if len(b) <= bucketLimit {
			for i := range b {
				for j := i + 1; j < len(b); j++ {
					f(b[i], b[j])
				}
			}
			continue
		}
		// A crowded bucket: only spellings that share a co-author or the
		// same given names can merge.
		byKey := make(map[uint64][]int32)
		for _, id := range b {
			for _, k := range e.coauthorKeys(id, 0) {
				byKey[k] = append(byKey[k], id)
			}
			byKey[e.hash(strings.Join(givenTexts(e.parsed[id]), " "))] = append(byKey[e.hash(strings.Join(givenTexts(e.parsed[id]), " "))], id)
		}
		for _, ids := range byKey {
			if len(ids) > coauthorFan {
				continue
			}
			for i := range ids {
				for j := i + 1; j < len(ids); j++ {
					if ids[i] != ids[j] {
						f(ids[i], ids[j])
					}
				}
			}
		}
	}
}

// typoPairs proposes spellings with the same full given names whose
// family names of six letters or more are one edit apart, found through a
// deletion index (two strings one edit apart share a string obtained by
// deleting at most one letter from each).
func (e *evidence) typoPairs(families []string, add func(a, b int32, m match)) {
	index := make(map[string][]string)
	for _, f := range families {
		if utf8.RuneCountInString(f) < 6 {
			continue
		}
		rs := []rune(f)
		vs := []string{f}
		for d := range rs {
			vs = append(vs, string(rs[:d])+string(rs[d+1:]))
		}
		slices.Sort(vs)
		for _, v := range slices.Compact(vs) {
			index[v] = append(index[v], f)
		}
	}
	done := make(map[[2]string]bool)
	for _, v := range sortedKeys(index) {
		fs := index[v]
		if len(fs) > coauthorFan {
			continue
		}
		for i := range fs {
			for j := i + 1; j < len(fs); j++ {
				fa, fb := fs[i], fs[j]
				edit := oneEdit(fa, fb)
				if edit == "" || done[[2]string{fa, fb}] {
					continue
				}
				if s := slipOf(fa, fb); s != "" {
					edit = s
				}
				done[[2]string{fa, fb}] = true
				byGiven := make(map[string][]int32)
				for _, id := range e.families[fa] {
					k := strings.Join(givenTexts(e.parsed[id]), " ") + "/" + e.parsed[id].Suffix
					byGiven[k] = append(byGiven[k], id)
				}
				for _, id := range e.families[fb] {
					k := strings.Join(givenTexts(e.parsed[id]), " ") + "/" + e.parsed[id].Suffix
					for _, other := range byGiven[k] {
						// An umlaut in one spelling only, or another
						// umlaut, is not a typo: "Höller" and "Heller",
						// "Müller" and "Miller", "Müller" and "Möller" are
						// other names (the transliteration rule joins
						// "Höller" and "Hoeller").
						if umlauts(e.parsed[other]) != umlauts(e.parsed[id]) || umlautEdit(fa, fb) {
							continue
						}
						add(other, id, match{typo, []step{{rule: ruleFamilyTypo, args: []string{fa, fb, edit}}}})
					}
				}
			}
		}
	}
}

// umlautEdit reports whether the one edit between family names a and b
// touches the vowel of an umlaut written ae, oe or ue: "Hoeller" and
// "Heller" (the o of oe dropped), "Moeller" and "Mueller" (o for u).
// Dropping the e ("Mueller", "Muller") is the umlaut's dots left out,
// one name, and stays a typo.
func umlautEdit(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	vowel := func(c byte) bool { return c == 'a' || c == 'o' || c == 'u' }
	if i+1 >= len(a) || a[i+1] != 'e' {
		return false
	}
	if len(a) == len(b)+1 { // a[i] dropped: the vowel before e
		return vowel(a[i]) && a[:i]+a[i+1:] == b
	}
	return len(a) == len(b) && vowel(a[i]) && vowel(b[i]) && b[i+1] == 'e'
}

// umlauts returns where n's family name has an ä, ö or ü, and which:
// "Müller" "1:1u ", "Möller" "1:1o ", "Schönfelder" "1:3o ", "Heller" "".
// Family is German with the e of each ae, oe, ue written for an umlaut
// left out.
func umlauts(n names.Name) string {
	if n.German == n.Family {
		return ""
	}
	f, g := n.Family, n.German
	var out []byte
	for i, j := 0, 0; i < len(f) && j < len(g); i, j = i+1, j+1 {
		if c := f[i]; c == g[j] && (c == 'a' || c == 'o' || c == 'u') && j+1 < len(g) && g[j+1] == 'e' && (i+1 == len(f) || f[i+1] != 'e') {
			out = strconv.AppendInt(out, int64(i), 10)
			out = append(out, c, ' ')
			j++
		}
	}
	return strconv.Itoa(len(g)-len(f)) + ":" + string(out)
}

// reversedPairs proposes two-word names written in both orders ("Zhang
// Shuming", "Shuming Zhang").
func (e *evidence) reversedPairs(add func(a, b int32, m match)) {
	byWords := make(map[string][]int32)
	for _, s := range e.spells {
		n := s.name
		if n.Words == 2 && len(n.Given) == 1 && n.Given[0].Kind == names.Full && n.Suffix == "" {
			w := []string{n.Given[0].Text, n.Family}
			slices.Sort(w)
			byWords[w[0]+" "+w[1]] = append(byWords[w[0]+" "+w[1]], s.id)
		}
	}
	for _, k := range sortedKeys(byWords) {
		ids := byWords[k]
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				a, b := e.parsed[ids[i]], e.parsed[ids[j]]
				if a.Family == b.Given[0].Text && b.Family == a.Given[0].Text && a.Family != b.Family {
					add(ids[i], ids[j], match{medium, []step{{rule: ruleReversed}}})
				}
			}
		}
	}
}

// compatible returns how strongly two parsed names of one family block
// match, and by which rules.
func compatible(a, b names.Name) match {
	ga, gb := a.Given, b.Given
	if len(ga) == 0 || len(gb) == 0 {
		return match{}
	}
	if a.Suffix != "" && b.Suffix != "" && a.Suffix != b.Suffix {
		return match{}
	}
	// Initials compared letter by letter, a hyphenated initial giving one
	// letter per part: "S. H. Lee" is not "S.-K. Lee".
	if la, lb := initialLetters(ga), initialLetters(gb); len(la) > 1 && len(lb) > 1 {
		for k := range min(len(la), len(lb)) {
			if la[k] != lb[k] {
				return match{}
			}
		}
	}
	// Full given names spaced in one spelling and hyphenated or run
	// together in the other: "Jean Daniel", "Jean-Daniel" and
	// "JeanDaniel".
	if pa, pb := fullParts(ga), fullParts(gb); pa != nil && pb != nil && len(ga) != len(gb) &&
		(slices.Equal(pa, pb) || strings.Join(pa, "") == strings.Join(pb, "")) {
		m := match{strength: strong}
		m.add(ruleJoined, false, unitsText(ga), unitsText(gb))
		if a.Suffix != b.Suffix {
			m.add(ruleSuffix, false, strings.ToUpper(a.Suffix + b.Suffix)[:1]+a.Suffix[min(1, len(a.Suffix)):]+b.Suffix[min(1, len(b.Suffix)):])
		}
		if a.Family != b.Family {
			m.add(ruleGermanFamily, false, a.Family, b.Family)
		}
		return m
	}
	// Under a family name that is Pinyin ("Zhong", "Ouyang") a one-word
	// given name may be two syllables, each with its initial.
	chinese := a.Family == b.Family && (pinyinSplits(a.Family, 1) || pinyinSplits(a.Family, 2))
	m := match{strength: strong}
	i, j := 0, 0
	for i < len(ga) && j < len(gb) {
		// A hyphenated name against one initial per part: "Yann-Michel"
		// and "Y. M.".
		if k := runOfInitials(ga[i], gb[j:], chinese); k > 0 {
			m.add(ruleInitialsOfParts, false, unitsText(gb[j:j+k]), unitText(ga[i]))
			i, j = i+1, j+k
			continue
		}
		if k := runOfInitials(gb[j], ga[i:], chinese); k > 0 {
			m.add(ruleInitialsOfParts, false, unitsText(ga[i:i+k]), unitText(gb[j]))
			i, j = i+k, j+1
			continue
		}
		st, ok := unitMatch(ga[i], gb[j], i == 0 && j == 0, germanAt(a, i), germanAt(b, j), chinese)
		if !ok || splitsHyphenated(ga[i], gb[j], gb[j+1:]) || splitsHyphenated(gb[j], ga[i], ga[i+1:]) {
			return match{}
		}
		if st.rule == ruleInitial && i > 0 && j > 0 && ga[0].Kind == names.Full && gb[0].Kind == names.Full {
			st.rule = ruleMiddleInitial // "John A." and "John Antony"
		}
		m.strength = min(m.strength, rules[st.rule].strength)
		if rules[st.rule].explain != "" {
			m.steps = append(m.steps, st)
		}
		i, j = i+1, j+1
	}
	if i < len(ga) || j < len(gb) {
		rest, owner := ga[i:], ga
		if j < len(gb) {
			rest, owner = gb[j:], gb
		}
		// "A. Dosil Suárez" against "Abril Suárez": a full word after
		// initials may be the first half of a family name.
		if rest[len(rest)-1].Kind == names.Full && owner[0].Kind != names.Full {
			return match{}
		}
		// A middle name missing is a medium match between full first
		// names ("John A. Smith", "John Smith"), a weak one between
		// initials ("J. A. Smith", "J. Smith").
		r := ruleMiddleInitials
		if ga[0].Kind == names.Full && gb[0].Kind == names.Full {
			r = ruleMiddle
		}
		m.add(r, hyphenInitial(rest...), unitsText(rest))
	}
	if a.Suffix != b.Suffix {
		m.add(ruleSuffix, false, strings.ToUpper(a.Suffix + b.Suffix)[:1]+a.Suffix[min(1, len(a.Suffix)):]+b.Suffix[min(1, len(b.Suffix)):])
	}
	if a.Family != b.Family {
		m.add(ruleGermanFamily, false, a.Family, b.Family)
	}
	return m
}

// initialLetters returns the letters of given names written with
// initials only, one per part of a hyphenated initial ("S.-K." is s, k);
// nil when one is a full name.
func initialLetters(us []names.Unit) []rune {
	var out []rune
	for _, u := range us {
		if u.Kind == names.Full {
			return nil
		}
		if len(u.Parts) > 1 {
			for _, p := range u.Parts {
				out = append(out, firstRune(p))
			}
			continue
		}
		out = append(out, firstRune(u.Text))
	}
	return out
}

// fullParts returns the parts of given names that are all full names
// ("Jean Daniel" and "Jean-Daniel" are both jean, daniel); nil when one
// is an initial.
func fullParts(us []names.Unit) []string {
	var out []string
	for _, u := range us {
		if u.Kind != names.Full {
			return nil
		}
		if len(u.Parts) > 1 {
			out = append(out, u.Parts...)
		} else {
			out = append(out, u.Text)
		}
	}
	return out
}

// splitsHyphenated reports whether an initial u that stands for the first
// part of the hyphenated name full is followed, in its spelling, by an
// initial that is not the second part's: "S. C. Chang" is not
// "Shoou-Jinn Chang".
// pinyinRun returns how many initials of us, two or three, are the
// first letters of the Pinyin syllables of the one-word given name full
// ("S. H." of "Sihua"), 0 for none.
func pinyinRun(full names.Unit, us []names.Unit) int {
	if !chineseGiven(full.Text) {
		return 0
	}
	var letters []byte
	for _, u := range us[:min(3, len(us))] {
		if u.Kind != names.Initial || len(u.Parts) > 1 || len(u.Text) != 1 {
			break
		}
		letters = append(letters, u.Text[0])
	}
	for k := len(letters); k >= 2; k-- {
		if pinyinInitials(full.Text, string(letters[:k])) {
			return k
		}
	}
	return 0
}

// chineseGiven reports whether a folded given name may be a Chinese one
// written as one word: it splits into Pinyin syllables. The caller
// compares it with initials, never with another full name.
func chineseGiven(w string) bool {
	for k := 2; k <= 3; k++ {
		if pinyinSplits(w, k) {
			return true
		}
	}
	return false
}

// pinyinSplits reports whether w splits into exactly k Pinyin syllables.
func pinyinSplits(w string, k int) bool {
	if k == 0 {
		return w == ""
	}
	for n := min(6, len(w)); n >= 1; n-- {
		if pinyin[w[:n]] && pinyinSplits(w[n:], k-1) {
			return true
		}
	}
	return false
}

func splitsHyphenated(full, u names.Unit, next []names.Unit) bool {
	return full.Kind == names.Full && len(full.Parts) > 1 && u.Kind == names.Initial && len(u.Parts) <= 1 &&
		len(next) > 0 && next[0].Kind == names.Initial && firstRune(next[0].Text) != firstRune(full.Parts[1])
}

// lessSpecific reports whether name a says less than b: an initial where
// b has a full name, fewer given names, or a shorter first name (a
// nickname).
func lessSpecific(a, b names.Name) bool {
	ua, ub := a.Given[0], b.Given[0]
	switch {
	case ua.Kind != names.Full && ub.Kind == names.Full:
		return true
	case ua.Kind == names.Full && ub.Kind != names.Full:
		return false
	case len(a.Given) != len(b.Given):
		return len(a.Given) < len(b.Given)
	}
	return utf8.RuneCountInString(ua.Text) < utf8.RuneCountInString(ub.Text)
}

// runOfInitials returns k when full is a hyphenated name of k parts and
// the first k units of us are single initials of those parts, else 0.
func runOfInitials(full names.Unit, us []names.Unit, chinese bool) int {
	k := len(full.Parts)
	if full.Kind == names.Full && k == 0 && chinese {
		return pinyinRun(full, us)
	}
	if full.Kind != names.Full || k < 2 || len(us) < k {
		return 0
	}
	for x := 0; x < k; x++ {
		if us[x].Kind != names.Initial || len(us[x].Parts) > 1 || firstRune(us[x].Text) != firstRune(full.Parts[x]) {
			return 0
		}
	}
	return k
}

func germanAt(n names.Name, i int) string {
	if i < len(n.GermanGiven) {
		return n.GermanGiven[i]
	}
	return ""
}

// unitMatch compares two given-name units by the first rule of
// unitRules that holds; first says whether they are first names (where
// nicknames count). It returns false when no rule holds.
func unitMatch(u, v names.Unit, first bool, gu, gv string, chinese bool) (step, bool) {
	p := unitPair{u: u, v: v, first: first, gu: gu, gv: gv, chinese: chinese}
	if u.Kind != names.Full && v.Kind == names.Full {
		p.full, p.short = v, u
	} else {
		p.full, p.short = u, v
	}
	for _, r := range unitRules {
		if args, ok := rules[r].when(p); ok {
			return step{rule: r, args: args, hyphenInitial: hyphenInitial(u, v) && rules[r].explain != ""}, true
		}
	}
	return step{}, false
}

// initialsOf reports whether the initial unit short abbreviates full:
// "J." for "Jing", "J.-K." for "Jing-Kai".
func initialsOf(short, full names.Unit, chinese bool) bool {
	if len(short.Parts) > 1 && len(full.Parts) == 0 {
		// "S.-H." and "Sihua": the syllables of a Chinese given name.
		return chinese && chineseGiven(full.Text) && pinyinInitials(full.Text, strings.Join(short.Parts, ""))
	}
	if len(short.Parts) > 1 {
		if len(full.Parts) != len(short.Parts) {
			return false
		}
		for i, p := range short.Parts {
			if firstRune(p) != firstRune(full.Parts[i]) {
				return false
			}
		}
		return true
	}
	return firstRune(short.Text) == firstRune(full.Text)
}

// evidence returns what the papers of two spellings share.
func (e *evidence) evidence(a, b int32) Evidence {
	ev := Evidence{SharedCoauthors: e.shared(a, b, team)}
	if len(ev.SharedCoauthors) == 0 {
		// Co-authors of large collaborations count only in numbers: two
		// people of one collaboration share hundreds.
		if big := e.shared(a, b, bigPaper); len(big) >= 2 {
			ev.SharedCoauthors, ev.LargeTeams = big, true
		}
	}
	slices.Sort(ev.SharedCoauthors)
	pa, pb := e.profile(a), e.profile(b)
	for _, w := range intersect(pa.words, pb.words) {
		ev.TitleWords = append(ev.TitleWords, e.wordText[w])
	}
	for _, v := range intersect(pa.venues, pb.venues) {
		ev.SharedVenues = append(ev.SharedVenues, e.wordText[v])
	}
	for _, a := range intersect(pa.affs, pb.affs) {
		if !slices.Contains(ev.SharedAffiliations, e.wordText[a]) {
			ev.SharedAffiliations = append(ev.SharedAffiliations, e.wordText[a])
		}
	}
	// Affiliations on both sides and none in common, or countries on both
	// sides and none in common: the papers say two places.
	ev.OtherPlaces = len(pa.affs) > 0 && len(pb.affs) > 0 && len(ev.SharedAffiliations) == 0 && !placesMeet(pa, pb) &&
		(len(pa.countries) == 0 || len(pb.countries) == 0 || len(intersect(pa.countries, pb.countries)) == 0)
	ev.OtherCountries = ev.OtherPlaces && len(pa.countries) > 0 && len(pb.countries) > 0
	slices.Sort(ev.TitleWords)
	slices.Sort(ev.SharedVenues)
	slices.Sort(ev.SharedAffiliations)
	if pa.hi > 0 && pb.hi > 0 {
		ev.YearsApart = max(0, pb.lo-pa.hi, pa.lo-pb.hi)
		ev.YearsOverlap = pb.lo <= pa.hi+yearSlack && pb.hi >= pa.lo-yearSlack
	}
	return ev
}

// profile is what a spelling's papers say of its topic and time: their
// rare title words and venues (hashes, ascending) and the years they span.
type profile struct {
	words, venues []uint64
	// affs are the affiliations of the spelling's positions (ROR ids and
	// folded names), countries their countries.
	affs, countries []uint64
	// places, placeOne and placeFirst are the components of the
	// affiliations (places.go).
	places, placeOne, placeFirst []uint64
	lo, hi                       int
	topic                        *topicVector // see topic.go
}

// profile returns spelling a's profile, computed once.
func (e *evidence) profile(a int32) *profile {
	if p := e.profiles[a]; p != nil {
		return p
	}
	p := &profile{lo: 1 << 30}
	for _, i := range e.papers[a] {
		for _, w := range e.titleWordsRare(e.r.c.Title(int(i))) {
			h := e.hash(w)
			e.wordText[h] = w
			p.words = append(p.words, h)
		}
		for _, v := range venueKeys(e.r.c.Venue(int(i))) {
			h := e.hash("\x00" + v)
			e.wordText[h] = v
			p.venues = append(p.venues, h)
		}
		if affs := e.r.c.Affiliations(int(i)); affs != nil {
			if pos := slices.Index(e.r.c.Authors(int(i)), a); pos >= 0 {
				for _, af := range affs[pos] {
					if af.ROR != "" {
						h := e.hash("\x01" + af.ROR)
						e.wordText[h] = af.Name
						p.affs = append(p.affs, h)
					}
					if f := names.Fold(af.Name); f != "" {
						h := e.hash("\x02" + f)
						e.wordText[h] = af.Name
						p.affs = append(p.affs, h)
					}
					if org := organisation(af.Name); org != "" {
						h := e.hash("\x02" + names.Fold(org))
						e.wordText[h] = org
						p.affs = append(p.affs, h)
					}
					// The country the source gives, else the one the
					// address names (Web of Science gives none).
					if c := af.Country; c != "" {
						p.countries = append(p.countries, e.hash("\x03"+c))
					} else if c, ok := country.Detect(af.Name); ok {
						p.countries = append(p.countries, e.hash("\x03"+c))
					}
					p.addPlaces(e, af.Name)
				}
			}
		}
		if y := e.r.c.Year(int(i)); y > 0 {
			p.lo, p.hi = min(p.lo, y), max(p.hi, y)
		}
	}
	slices.Sort(p.words)
	slices.Sort(p.venues)
	slices.Sort(p.affs)
	slices.Sort(p.countries)
	p.words, p.venues = slices.Compact(p.words), slices.Compact(p.venues)
	p.affs, p.countries = slices.Compact(p.affs), slices.Compact(p.countries)
	p.sortPlaces()
	e.profiles[a] = p
	return p
}

// organisation returns the organisation that an address names first
// ("Ist Super Sanita" of "Ist Super Sanita, Dept Food Safety, Rome,
// Italy", as Web of Science writes addresses), "" when the address has
// fewer than three parts or begins with a unit of an organisation
// ("Department of Chemistry, ...": many universities have one).
func organisation(address string) string {
	parts := strings.Split(address, ",")
	if len(parts) < 3 {
		return ""
	}
	org := strings.TrimSpace(parts[0])
	first, _, _ := strings.Cut(names.Fold(org), " ")
	if org == "" || unitWords[first] {
		return ""
	}
	return org
}

// unitWords begin the name of a unit of an organisation.
var unitWords = map[string]bool{
	"dept": true, "department": true, "departamento": true, "departement": true, "dipartimento": true,
	"division": true, "div": true, "section": true, "sect": true, "unit": true, "lab": true, "laboratory": true,
	"faculty": true, "fac": true, "school": true, "sch": true, "chair": true, "program": true,
	"programme": true, "grp": true, "group": true, "service": true, "servizio": true, "ctr": true, "center": true,
	"centre": true, "inst": true, "institute": true, "clinic": true, "college": true, "coll": true,
}

// intersect returns the values in both ascending slices.
func intersect(a, b []uint64) []uint64 {
	var out []uint64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// shared returns the co-authors of a and b, as b's papers spell them, on
// papers of at most limit authors and outside the pair's family names:
// the same folded name, or compatible names under a family name
// uncrowded enough for them to be one person.
func (e *evidence) shared(a, b int32, limit int, skip ...uint64) []string {
	ca, cb := e.coEntries(a, limit), e.coEntries(b, limit)
	fa, fb := e.hash(e.parsed[a].Family), e.hash(e.parsed[b].Family)
	out := []string{}
	i, j := 0, 0
	for i < len(ca) && j < len(cb) {
		switch {
		case ca[i].family < cb[j].family:
			i++
			continue
		case ca[i].family > cb[j].family:
			j++
			continue
		}
		// One family name on both sides: its co-authors of a and of b.
		f := ca[i].family
		i0, j0 := i, j
		for i < len(ca) && ca[i].family == f {
			i++
		}
		for j < len(cb) && cb[j].family == f {
			j++
		}
		if f == fa || f == fb || slices.Contains(skip, f) {
			continue
		}
		ga, gb := ca[i0:i], cb[j0:j]
		loose := false
		if amb := e.ambiguity(gb[0].id); amb.FirstNames <= uncrowded && !amb.FrequentSurname {
			loose = true
		}
		for _, y := range gb {
			for _, x := range ga {
				if x.key == y.key {
					out = append(out, e.r.c.Names()[y.id])
					break
				}
				if loose && len(e.parsed[y.id].Given) > 0 && len(e.parsed[x.id].Given) > 0 {
					if compatible(e.parsed[x.id], e.parsed[y.id]).strength != none {
						out = append(out, e.r.c.Names()[y.id])
						break
					}
				}
				if !loose && e.coBlocks().sameCoauthor(x.id, y.id) {
					out = append(out, e.r.c.Names()[y.id]) // coauthors.go
					break
				}
			}
		}
	}
	return out
}

// coEntry is a co-author: the hashes of its family name and folded name,
// and its name id.
type coEntry struct {
	family, key uint64
	id          int32
}

// coEntries returns a's co-authors on papers of at most limit authors,
// one entry per folded name, ordered by family and folded name; computed
// once per spelling and limit.
func (e *evidence) coEntries(a int32, limit int) []coEntry {
	cache := e.entSmall
	if limit != team {
		cache = e.entBig
	}
	if c, ok := cache[a]; ok {
		return c
	}
	var out []coEntry
	for _, x := range e.coauthors(a, limit) {
		out = append(out, coEntry{e.hash(e.parsed[x].Family), e.hash(e.r.keys[x]), x})
	}
	slices.SortFunc(out, func(p, q coEntry) int {
		return cmp.Or(cmp.Compare(p.family, q.family), cmp.Compare(p.key, q.key), cmp.Compare(p.id, q.id))
	})
	out = slices.CompactFunc(out, func(p, q coEntry) bool { return p.family == q.family && p.key == q.key })
	cache[a] = out
	return out
}

// coauthors returns the name ids of a's co-authors on papers of at most
// limit authors, each once.
func (e *evidence) coauthors(a int32, limit int) []int32 {
	cache := e.coSmall
	if limit != team {
		cache = e.coBig
	}
	if c, ok := cache[a]; ok {
		return c
	}
	var out []int32
	for _, p := range e.papers[a] {
		if len(e.r.c.Authors(int(p))) > limit {
			continue
		}
		for _, x := range e.r.c.Authors(int(p)) {
			// A co-author written with one initial under a frequent or
			// crowded family name, or split into people (split.go), may be
			// several people: no evidence.
			if x != a && e.r.keys[x] != "" && (e.r.ambiguous == nil || !e.r.ambiguous[x]) && (e.r.splitName == nil || !e.r.splitName[x] || e.r.majorHomonym(p, x)) {
				out = append(out, x)
			}
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	cache[a] = out
	return out
}

// coauthorSet returns the folded names of a's co-authors outside the
// family names given.
func (e *evidence) coauthorSet(a int32, families ...string) map[uint64]bool {
	set := make(map[uint64]bool)
	for _, x := range e.coauthors(a, team) {
		if !slices.Contains(families, e.parsed[x].Family) {
			set[e.hash(e.r.keys[x])] = true
		}
	}
	return set
}

// coauthorKeys returns a's co-authors' folded names as hashes, at most
// limit of them (0: all).
func (e *evidence) coauthorKeys(a int32, limit int) []uint64 {
	var out []uint64
	for k := range e.coauthorSet(a, e.parsed[a].Family) {
		out = append(out, k)
		if limit > 0 && len(out) == limit {
			break
		}
	}
	slices.Sort(out)
	return out
}

// sharedPaper returns a paper both spellings are on, but for a paper
// that lists every author twice with a and b side by side
// (doubledLists).
func (e *evidence) sharedPaper(a, b int32) (int32, bool) {
	pa, pb := e.papers[a], e.papers[b]
	doubled := e.doubled[[2]int32{min(a, b), max(a, b)}]
	for i, j := 0, 0; i < len(pa) && j < len(pb); {
		switch {
		case pa[i] < pb[j]:
			i++
		case pa[i] > pb[j]:
			j++
		default:
			if !slices.Contains(doubled, pa[i]) {
				return pa[i], true
			}
			i++
			j++
		}
	}
	return 0, false
}

// ambiguity tells how many people the family-name block of a may hold.
func (e *evidence) ambiguity(a int32) Ambiguity {
	f := e.parsed[a].Family
	if amb, ok := e.amb[f]; ok {
		return amb
	}
	firsts := make(map[string]bool)
	amb := Ambiguity{Family: f, FrequentSurname: frequentSurnames[f] || frequentSurnames[ungerman.Replace(f)]}
	for _, id := range e.families[f] {
		amb.Spellings++
		if u := e.parsed[id].Given[0]; u.Kind == names.Full && e.parsed[id].Family == f {
			firsts[u.Text] = true
		}
	}
	amb.FirstNames = len(firsts)
	e.amb[f] = amb
	return amb
}

// matching returns how many distinct full given names of the family block
// the spelling of a and b with initials could stand for.
func (e *evidence) matching(a, b int32) (n int) {
	var fulls map[string]bool
	short := e.parsed[a]
	if short.Given[0].Kind == names.Full && e.parsed[b].Given[0].Kind != names.Full {
		short = e.parsed[b]
	}
	memo := short.Family + "\x00" + short.Suffix + "\x00" + strings.Join(givenTexts(short), " ") + string(rune(short.Given[0].Kind))
	if m, ok := e.matches[memo]; ok {
		return m
	}
	defer func() { e.matches[memo] = len(fulls) }()
	fulls = make(map[string]bool)
	for _, id := range e.families[e.parsed[a].Family] {
		n := e.parsed[id]
		if n.Given[0].Kind != names.Full || n.Family != short.Family {
			continue
		}
		if compatible(short, n).strength != none {
			fulls[n.Given[0].Text] = true
		}
	}
	return len(fulls)
}

// conflict says why merging the people of spellings a and b would be
// wrong: two of their spellings on one paper, or with given names that
// cannot be one person's. "" when there is no conflict.
func (e *evidence) conflict(a, b int32) string {
	ra, rb := e.r.find(a), e.r.find(b)
	if ra == rb {
		return ""
	}
	ma, mb := e.members[ra], e.members[rb]
	sp := e.r.c.Names()
	for _, x := range ma {
		for _, y := range mb {
			if p, ok := e.sharedPaper(x, y); ok {
				return fmt.Sprintf("%q and %q both appear on %q", sp[x], sp[y], e.r.c.Title(int(p)))
			}
			if e.parsed[x].Family == e.parsed[y].Family || e.parsed[x].German == e.parsed[y].German {
				if compatible(e.parsed[x], e.parsed[y]).strength == none && !e.joinedBridge(x, y, ma) && !e.joinedBridge(y, x, mb) {
					return fmt.Sprintf("the merge would make %q and %q one person", sp[x], sp[y])
				}
			}
		}
	}
	return ""
}

// joinedBridge reports whether x, incompatible with y, is a joined or
// transliterated form (a strong match) of a spelling of its own person
// that is compatible with y: "Jianxin Zhao", one person with "Jian-xin
// Zhao", is no obstacle to "J.-X. Zhao".
func (e *evidence) joinedBridge(x, y int32, group []int32) bool {
	for _, z := range group {
		if z != x && e.parsed[z].Family != "" && compatible(e.parsed[z], e.parsed[y]).strength != none {
			if m := compatible(e.parsed[x], e.parsed[z]); m.strength == strong && !m.same() {
				return true
			}
		}
	}
	return false
}

// titleWords returns the hashes of the distinct words of a title that can
// show a topic: four letters or more, not a common word.
func (r *resolver) titleWords(title string) []uint64 {
	var out []uint64
	for _, w := range splitWords(title) {
		out = append(out, maphash.String(r.seed, w))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// titleWordsRare returns the words of a title held by few papers.
func (e *evidence) titleWordsRare(title string) []string {
	var out []string
	for _, w := range splitWords(title) {
		if e.df[e.hash(w)] <= e.rare {
			out = append(out, w)
		}
	}
	return out
}

// venueKeys returns the folded venue, or its categories for a list of
// arXiv categories ("hep-ph", "cond-mat.mes-hall").
func venueKeys(v string) []string {
	f := strings.TrimSpace(strings.ToLower(v))
	if f == "" {
		return nil
	}
	words := strings.Fields(f)
	for _, w := range words {
		if !strings.ContainsAny(w, ".-") || len(w) > 24 {
			return []string{names.Fold(v)}
		}
	}
	// A category's archive is a field too: "cond-mat.supr-con" and
	// "cond-mat.mtrl-sci" are both condensed matter.
	for _, w := range words {
		if archive, _, ok := strings.Cut(w, "."); ok && !slices.Contains(words, archive) {
			words = append(words, archive)
		}
	}
	return words
}

func splitWords(title string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(names.Fold(title), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= 4 && !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

func (e *evidence) hash(s string) uint64 { return maphash.String(e.seed, s) }

// stopWords are title words that show no topic.
var stopWords = map[string]bool{
	"with": true, "from": true, "that": true, "this": true, "their": true, "into": true, "using": true,
	"based": true, "towards": true, "toward": true, "study": true, "analysis": true, "approach": true,
	"case": true, "new": true, "method": true, "methods": true, "model": true, "models": true, "system": true,
	"systems": true, "through": true, "between": true, "over": true, "under": true, "about": true, "role": true,
	"effect": true, "effects": true, "results": true, "review": true, "paper": true, "data": true, "when": true,
	"what": true, "which": true, "does": true, "more": true, "than": true, "within": true, "after": true,
}

// generalWords are title words of general science and general English
// that show no topic however rare they are in one corpus: such a word
// alone joined people of different fields ("structure", "electronic",
// "driven", "plasmonic"). They join stopWords.
var generalWords = strings.Fields(`structure structures structural electronic electrical electric driven
	plasmonic optical properties property growth dynamics dynamic characterization characterisation
	performance design designs application applications novel high highly large small low enhanced
	efficient effective improved general simple fast first evidence understanding investigation
	measurement measurements observation observations experimental experiment experiments theory
	theoretical numerical simulation simulations modeling modelling framework development evaluation
	assessment comparison comparative overview perspective perspectives challenges advances recent
	process processes mechanism mechanisms function functional control quality impact influence
	response interaction interactions formation behavior behaviour state states phase phases effect
	surface surfaces interface material materials device devices network networks technique techniques
	tool tools using toward through based three two single multiple part report reports note notes
	human humans patients patient clinical treatment outcomes outcome associated association risk
	factors factor level levels rate rates time temperature energy film films thin layer layers`)

func init() {
	for _, w := range generalWords {
		stopWords[w] = true
	}
}

// ungerman undoes the German transliteration of a folded name: Mueller is
// as frequent as Müller.
var ungerman = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func givenTexts(n names.Name) []string {
	out := make([]string, len(n.Given))
	for i, u := range n.Given {
		out[i] = u.Text
	}
	return out
}

func unitText(u names.Unit) string {
	if len(u.Parts) > 1 {
		parts := make([]string, len(u.Parts))
		for i, p := range u.Parts {
			parts[i] = capital(p)
			if u.Kind == names.Initial {
				parts[i] += "."
			}
		}
		return strings.Join(parts, "-")
	}
	if u.Kind == names.Initial {
		return capital(u.Text) + "."
	}
	return capital(u.Text)
}

func unitsText(us []names.Unit) string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = unitText(u)
	}
	return strings.Join(out, " ")
}

// capital capitalises a folded word for messages.
func capital(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

func sortedRunes[V any](m map[rune]V) []rune {
	out := make([]rune, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// oneEdit names the single edit between a and b ("letter insertion",
// "letter substitution", "letter transposition"), or returns "" when they
// are not one edit apart.
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

// ocrPairs are letters that optical character recognition (and a hasty
// hand) takes for one another, each pair once in both orders.
var ocrPairs = map[[2]rune]bool{{'l', 'i'}: true, {'i', 'l'}: true, {'l', '1'}: true, {'1', 'l'}: true,
	{'i', '1'}: true, {'1', 'i'}: true, {'e', 'c'}: true, {'c', 'e'}: true, {'t', 'f'}: true, {'f', 't'}: true}

// slipOf names the slip between two family names one edit apart that is
// likelier a typo than another name: "tripled letter" ("Jonssson"),
// "doubled letter" ("Borriello", "Boriello"), "OCR slip (l for i)"
// ("Hollsteln"); "" for any other edit ("Kowalcyzk", "Heller").
func slipOf(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	switch {
	case len(rb) == len(ra)+1 && slices.Equal(ra[i:], rb[i+1:]):
		// rb[i] inserted: a slip when it repeats a neighbour.
		c := rb[i]
		if !(i > 0 && rb[i-1] == c || i+1 < len(rb) && rb[i+1] == c) {
			return ""
		}
		lo, hi := i, i
		for lo > 0 && rb[lo-1] == c {
			lo--
		}
		for hi+1 < len(rb) && rb[hi+1] == c {
			hi++
		}
		if hi-lo+1 >= 3 {
			return "tripled letter"
		}
		return "doubled letter"
	case len(rb) == len(ra) && i < len(ra) && slices.Equal(ra[i+1:], rb[i+1:]) && ocrPairs[[2]rune{ra[i], rb[i]}]:
		x, y := ra[i], rb[i]
		if x == 'i' || x == 'e' || x == 't' {
			x, y = y, x // the likelier misreading first: l for i
		}
		return fmt.Sprintf("OCR slip (%c for %c)", x, y)
	}
	return ""
}

// slip reports whether c, family names one letter apart, differ by a
// slip (slipOf) in a family name of seven letters or more, and folds the
// crowd of the other family name into amb: both must be uncrowded.
func (e *evidence) slip(c pairMatch, amb *Ambiguity) bool {
	fa, fb := e.parsed[c.a].Family, e.parsed[c.b].Family
	if !c.has(ruleFamilyTypo) || fa == fb || min(utf8.RuneCountInString(fa), utf8.RuneCountInString(fb)) < 7 || slipOf(fa, fb) == "" {
		return false
	}
	other := e.ambiguity(c.b)
	amb.FirstNames = max(amb.FirstNames, other.FirstNames)
	amb.FrequentSurname = amb.FrequentSurname || other.FrequentSurname
	return true
}

// spacing reports whether names a and b, matched by m, have the same
// given names but for spaces and hyphens ("Jian-Jang", "JianJang", "Yu
// Ming", "YuMing") under one family name, where no word run together is
// a Pinyin syllable that the other spelling splits ("Xian", "Xi An": two
// given names).
func spacing(a, b names.Name, m match) bool {
	if a.Family != b.Family || a.Suffix != b.Suffix || len(m.steps) == 0 {
		return false
	}
	for _, s := range m.steps {
		if s.rule != ruleJoined {
			return false
		}
	}
	pa, pb := fullParts(a.Given), fullParts(b.Given)
	if pa == nil || pb == nil || strings.Join(pa, "") != strings.Join(pb, "") {
		return false
	}
	if len(pa) > len(pb) {
		pa, pb = pb, pa
	}
	for _, w := range pa {
		if pinyin[w] && !slices.Contains(pb, w) {
			return false
		}
	}
	return true
}
