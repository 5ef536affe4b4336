package identity

import (
	"fmt"
	"math"
	"slices"

	"coauthor/parse/names"
)

// Namesakes of a same-string key, estimated from the corpus itself. A
// key split.go would decide per mention ("L Wang", "Rong Zhou") is
// several people only when the corpus holds several people who could
// bear it: "Rong Zhou" in a Western AI-planning library (three Zhous,
// "Rong" under no other family name) is almost surely one person; "Wei
// Wang" in a Chinese topic search (hundreds of Wangs, "Wei" under dozens
// of family names) is not. The estimate is the number of people under
// the family name (its distinct full first names, or its distinct
// initials if more) times the share of the corpus's names that have this
// given name (or these initials) across all family names, add-one
// smoothed so that a given name seen once is no certainty. For a
// one-syllable given name ("Rong Zhou") the share is among the full
// names under frequent Pinyin surnames only, so that a library's other
// names do not make a common Chinese given name look rare, smoothed
// over the Pinyin syllables (pinyin.go) that a given name could be:
//
//	namesakes = forms(family) × (bearers(given) + 1) / (names + vocabulary)
//
// Where it is low (below) the key is one person but where its papers set
// its groups against each other (other places, other fields, farApart
// years between them, a large collaboration against a small team); where
// high, its groups are people as split.go finds them.
// (namesakes.go builds a like estimate for an initial against a full
// name; this one is self-contained.)

// A namesake matters as much as two papers of one string are likely to
// be one person's at all: in a personal library a third of the names
// are on two papers or more, in a random sample of PubMed almost none
// are. So the estimate is weighed against the share of the corpus's
// names on two papers or more (repeat), and a key is one person when
//
//	namesakes / repeat < keyFewNamesakes
//
// keyFewNamesakes and keyVeryFewNamesakes were chosen on the tuning half of the
// labelled pairs, on the hand-check replay (TestHandCheck) and on the
// new merges in the hand-check files, never on the held-out half.
const keyFewNamesakes = 0.3

// keyVeryFewNamesakes is the weighed estimate below which titles in other
// fields no longer keep a key's groups apart: a name this rare in the
// corpus ("R. F. Davis", "F. C. Chou") is one person across his
// subjects. It holds for two initials or more only: a one-syllable given
// name is always checked for other fields.
const keyVeryFewNamesakes = 0.025

// minEstimateNames is the number of distinct names below which the
// corpus is too small to estimate namesakes from: a key is then split as
// its evidence says.
const minEstimateNames = 100

// maxRepeat caps the share of names on two papers or more that weighs the
// estimate: personal libraries repeat 0.22 to 0.30 of their names, and a
// key is one person below keyFewNamesakes × 0.3 expected namesakes
// however often the corpus repeats its authors.
const maxRepeat = 0.3

// sameStringModel holds the counts of the estimate.
type sameStringModel struct {
	forms    map[string]int // family name → distinct given forms under it
	initials map[string]int // first one or two initials → distinct names with them
	firsts   map[string]int // full first name → distinct Pinyin family names with it
	names    int            // distinct names with a given and a family name
	fulls    int            // distinct (Pinyin family name, full first name) pairs
	vInit    [3]int         // distinct first initials (1) and first two (2)
	repeated int            // keys on two papers or more
	repeat   float64        // their share of the keys
}

// givenInitials returns the first letters of n's given names, each part
// of a hyphenated one counted: "Jing-Kai Li" "jk", "L. Wang" "l".
func givenInitials(n names.Name) string {
	var b []rune
	for _, u := range n.Given {
		if len(u.Parts) == 0 {
			b = append(b, firstRune(u.Text))
			continue
		}
		for _, p := range u.Parts {
			b = append(b, firstRune(p))
		}
	}
	return string(b)
}

// newSameStringModel counts the distinct keys of parsed (spellings with
// a key) by family name, initials and full first name.
func newSameStringModel(parsed []names.Name, keys []string, count func(int32) int) *sameStringModel {
	m := &sameStringModel{forms: map[string]int{}, initials: map[string]int{}, firsts: map[string]int{}}
	seen := make(map[string]bool)
	papers := make(map[string]int)
	for i := range parsed {
		if keys[i] != "" {
			papers[keys[i]] += count(int32(i))
		}
	}
	for _, n := range papers {
		if n >= 2 {
			m.repeated++
		}
	}
	m.repeat = float64(m.repeated) / float64(max(1, len(papers)))
	fullUnder := make(map[string]map[string]bool) // under frequent Pinyin surnames
	firstsOf := make(map[string]map[string]bool)  // family → its full first names
	initUnder := make(map[string]map[string]bool)
	for i, n := range parsed {
		if keys[i] == "" || n.Family == "" || len(n.Given) == 0 || seen[keys[i]] {
			continue
		}
		seen[keys[i]] = true
		m.names++
		ini := []rune(givenInitials(n))
		if len(ini) == 0 {
			continue
		}
		if initUnder[n.Family] == nil {
			initUnder[n.Family] = map[string]bool{}
		}
		initUnder[n.Family][string(ini)] = true
		m.initials["1\x00"+string(ini[:1])]++
		if len(ini) >= 2 {
			m.initials["2\x00"+string(ini[:2])]++
		}
		if u := n.Given[0]; u.Kind == names.Full {
			if firstsOf[n.Family] == nil {
				firstsOf[n.Family] = map[string]bool{}
			}
			firstsOf[n.Family][u.Text] = true
		}
		if u := n.Given[0]; u.Kind == names.Full && frequentSurnames[n.Family] && pinyinSyllable(n.Family) {
			if fullUnder[n.Family] == nil {
				fullUnder[n.Family] = map[string]bool{}
			}
			if !fullUnder[n.Family][u.Text] {
				fullUnder[n.Family][u.Text] = true
				m.firsts[u.Text]++
				m.fulls++
			}
		}
	}
	for f, set := range initUnder {
		m.forms[f] = max(len(set), len(firstsOf[f]))
	}
	for k := range m.initials {
		m.vInit[int(k[0]-'0')]++
	}
	return m
}

// namesakes returns the estimated number of people of the corpus who
// could bear n's string weighed against the share of names on two papers
// or more (see above), and says how in words.
func (m *sameStringModel) namesakes(n names.Name) (float64, string) {
	if m.names < minEstimateNames || m.repeated == 0 {
		return math.Inf(1), fmt.Sprintf("no estimate of namesakes from %d names, %d of them on two papers or more", m.names, m.repeated)
	}
	forms := max(1, m.forms[n.Family])
	var est float64
	var what string
	if homonymFull(n) {
		g := n.Given[0].Text
		est = float64(forms) * float64(m.firsts[g]+1) / float64(m.fulls+len(pinyin))
		what = fmt.Sprintf("%d first names under %s, and %q under %d of the corpus's %d Chinese family names and first names",
			forms, n.Family, g, m.firsts[g], m.fulls)
	} else {
		ini := []rune(givenInitials(n))
		k := min(len(ini), 2)
		key := fmt.Sprintf("%d\x00%s", k, string(ini[:k]))
		est = float64(forms) * float64(m.initials[key]+1) / float64(m.names+m.vInit[k]+1)
		what = fmt.Sprintf("%d given names under %s, and %d of the corpus's %d names with initials %s",
			forms, n.Family, m.initials[key], m.names, string(ini[:k]))
	}
	// A library that repeats more than maxRepeat of its names (one lab's
	// output) is weighed as one that repeats maxRepeat: its own people
	// repeat, not its namesakes' chances.
	w := est / min(m.repeat, maxRepeat)
	return w, fmt.Sprintf("about %.3f namesakes expected (%s) against %.0f%% of the corpus's names on two papers or more: %.2f",
		est, what, 100*m.repeat, w)
}

// oneInitialFrequent reports whether n is one initial under a surname
// frequent worldwide ("L. Wang", "S. Kim", "P. Kumar"): the hand checks
// found such a key several people even where the corpus holds few of its
// namesakes (a library's extract), so it is never joined for few.
func oneInitialFrequent(n names.Name) bool {
	return !homonymFull(n) && letters(n) == 1 && (frequentSurnames[n.Family] || frequentSurnames[ungerman.Replace(n.Family)])
}

// partTraits are what a group of papers of a split key says against
// joining it with another: its years and its places.
type partTraits struct {
	lo, hi int      // years, 0 when none known
	places []string // component keys of its affiliations (places.go)
	topic  map[uint64]float64
	norm   float64
	big    bool // all its papers by a large collaboration
}

// Two groups of papers of one key are not joined for few namesakes when
// they are in other fields: a cosine of their titles' rare words below
// otherField (topic.go weighs words alike), or the papers of a large
// collaboration (more than bigTeam authors) and a small team's.
const (
	otherField = 0.02
	bigTeam    = 100
)

// traitsOf returns the years and places of the mentions of part.
func (r *resolver) traitsOf(part []mentionRef) partTraits {
	t := partTraits{topic: map[uint64]float64{}, big: true}
	df, _ := r.titleDF()
	n := float64(r.c.Len())
	for _, m := range part {
		for _, w := range r.titleWords(r.c.Title(int(m.paper))) {
			if d := df[w]; d > 0 {
				t.topic[w] += math.Log(n / float64(d))
			}
		}
		t.big = t.big && len(r.c.Authors(int(m.paper))) > bigTeam
		if y := r.c.Year(int(m.paper)); y > 0 {
			if t.lo == 0 || y < t.lo {
				t.lo = y
			}
			t.hi = max(t.hi, y)
		}
		if affs := r.c.Affiliations(int(m.paper)); affs != nil {
			pos := slices.Index(r.c.Authors(int(m.paper)), m.name)
			if pos >= 0 && pos < len(affs) {
				for _, a := range affs[pos] {
					t.places = append(t.places, placeKeys(a.Name)...)
				}
			}
		}
	}
	squares := make([]float64, 0, len(t.topic))
	for _, v := range t.topic {
		squares = append(squares, v*v)
	}
	t.norm = math.Sqrt(orderedSum(squares))
	slices.Sort(t.places)
	t.places = slices.Compact(t.places)
	return t
}

// against says why two groups of papers cannot be one person, or "";
// other fields count only with fields.
func (a partTraits) against(b partTraits, fields bool) string {
	if a.lo > 0 && b.lo > 0 && (b.lo-a.hi > farApart || a.lo-b.hi > farApart) {
		return "years far apart"
	}
	if len(a.places) > 0 && len(b.places) > 0 && !placeKeysMeet(a.places, b.places) {
		return "other places"
	}
	if a.big != b.big {
		return "a large collaboration's papers and a small team's"
	}
	if fields && a.norm > 0 && b.norm > 0 && a.cosine(b) < otherField {
		return "other fields"
	}
	return ""
}

// cosine returns the cosine of the title words of a and b, the same
// whatever the order of their maps (and of the seeded hashes keying
// them): a sum in map order differs in its last bits from run to run,
// which may tip a value at otherField.
func (a partTraits) cosine(b partTraits) float64 {
	var terms []float64
	for w, v := range a.topic {
		if u, ok := b.topic[w]; ok {
			terms = append(terms, v*u)
		}
	}
	return orderedSum(terms) / (a.norm * b.norm)
}

// orderedSum returns the sum of xs added in ascending order, so that it
// does not depend on the order xs were gathered in (map order); xs is
// sorted in place.
func orderedSum(xs []float64) float64 {
	slices.Sort(xs)
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// placeKeysMeet reports whether two sorted lists of place keys name one
// place, as placesMeet does for hashed keys: a component in common, or a
// one-word component that is the first word of the other's.
func placeKeysMeet(a, b []string) bool {
	has := func(list []string, k string) bool {
		_, ok := slices.BinarySearch(list, k)
		return ok
	}
	for _, k := range a {
		if w, ok := cutOne(k); ok {
			if has(b, "1\x00"+w) {
				return true
			}
			continue
		}
		if len(k) > 2 && k[0] == '1' && k[1] == 0 {
			if has(b, "one\x00"+k[2:]) {
				return true
			}
			continue
		}
		if has(b, k) {
			return true
		}
	}
	return false
}

func cutOne(k string) (string, bool) {
	if len(k) > 4 && k[:4] == "one\x00" {
		return k[4:], true
	}
	return "", false
}

// joinFew joins the groups of a key with few namesakes that nothing sets
// against each other: each group, largest first, joins the first person
// so far none of whose groups it is against (other fields only with
// fields). It returns the groups left
// and how many were joined.
func (r *resolver) joinFew(parts [][]mentionRef, fields bool) ([][]mentionRef, int, []string) {
	type person struct {
		parts  [][]mentionRef
		traits []partTraits
	}
	var people []*person
	joined := 0
	var apart []string // what kept two groups apart, each once
	for _, p := range parts {
		t := r.traitsOf(p)
		var into *person
		for _, q := range people {
			ok := true
			for _, u := range q.traits {
				if why := t.against(u, fields); why != "" {
					if !slices.Contains(apart, why) {
						apart = append(apart, why)
					}
					ok = false
					break
				}
			}
			if ok {
				into = q
				break
			}
		}
		if into == nil {
			people = append(people, &person{parts: [][]mentionRef{p}, traits: []partTraits{t}})
			continue
		}
		into.parts = append(into.parts, p)
		into.traits = append(into.traits, t)
		joined++
	}
	out := make([][]mentionRef, 0, len(people))
	for _, q := range people {
		var all []mentionRef
		for _, p := range q.parts {
			all = append(all, p...)
		}
		slices.SortFunc(all, func(a, b mentionRef) int { return int(a.paper - b.paper) })
		out = append(out, all)
	}
	slices.SortStableFunc(out, func(a, b []mentionRef) int {
		if d := len(b) - len(a); d != 0 {
			return d
		}
		return int(a[0].paper - b[0].paper)
	})
	slices.Sort(apart)
	return out, joined, apart
}
