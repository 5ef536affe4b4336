package identity

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"coauthor/parse/names"
)

// Title similarity: what a careful reader sees when "L. R. Ford" wrote
// "Maximal flow through a network" and "Lester R. Ford" "Flows in
// networks": the same narrow field, with no co-author, venue or single
// rare word in common. Each spelling's titles are a vector of their
// word stems (splitWords, a plural folded to its singular), each stem
// counted by the spelling's papers holding it and weighted by its
// inverse document frequency in the corpus, ln(N/df), so that a word half
// the library uses weighs little and a field that every paper of a
// one-field library shares says nothing. The similarity of two spellings
// is the cosine of their vectors:
//
//	sim(a, b) = Σ_w a_w b_w / (‖a‖ ‖b‖),  a_w = n_a(w) · ln(N / df(w))
//
// It counts only for an initial against a full name under a rare family
// name (decide), where a namesake in the same field is rare.
const minTitleSim = 0.15 // chosen on the hand checks and the tuning half (README: How names are merged)

// titlesAlike sets ev.TitleSimilarity and reports whether it is at
// least minTitleSim, for a pair that decide kept apart and that the
// similarity may decide: an initial for a full name (not initials on
// both sides) with no shared co-author or narrow topic, where the
// initials fit the one full name under a family name of at most two
// full first names that is not frequent worldwide.
//
// A slip in a family name (decide's typo case: the same full given
// names, both family names uncrowded) may be decided by it too.
func (e *evidence) titlesAlike(c pairMatch, ev *Evidence, amb Ambiguity) bool {
	if c.strength == typo && amb.Slip && !amb.InitialsOnly && amb.FirstNames <= uncrowded && !amb.FrequentSurname &&
		len(ev.SharedCoauthors) == 0 && !ev.OtherPlaces && ev.YearsApart <= farApart {
		c.strength = weak // judged as below, but for the initials
		amb.Matching = 1
	}
	if c.strength != weak || amb.InitialsOnly || amb.SuffixOnce || len(ev.SharedCoauthors) > 0 || narrowTopic(*ev) ||
		amb.Matching > 1 || amb.FirstNames > 2 || amb.FrequentSurname || ev.OtherPlaces || ev.YearsApart > farApart {
		return false
	}
	sim := e.titleSimilarity(c.a, c.b)
	if sim < minTitleSim {
		return false
	}
	ev.TitleSimilarity = math.Round(sim*100) / 100
	return true
}

// topicVector is a spelling's title stems (hashes, ascending) with their
// weights and the vector's norm.
type topicVector struct {
	keys []uint64
	w    []float64
	norm float64
}

// stem folds an English plural to its singular: "networks" → "network",
// "studies" → "study"; "process", "virus", "analysis" stay.
func stem(w string) string {
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// titleStems returns the hashes of the distinct stems of a title's
// words of three letters or more but function words, and of each two
// consecutive ones ("data quality"): the weights, not a stop list, say
// which words show a topic.
func (e *evidence) titleStems(title string) []uint64 {
	var out []uint64
	prev := ""
	for _, w := range strings.FieldsFunc(names.Fold(title), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) < 3 || functionWords[w] {
			prev = ""
			continue
		}
		w = stem(w)
		out = append(out, e.hash("\x04"+w))
		if prev != "" {
			out = append(out, e.hash("\x04"+prev+" "+w))
		}
		prev = w
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// functionWords are the English words of titles that name no topic.
var functionWords = map[string]bool{
	"the": true, "and": true, "for": true, "with": true, "from": true, "that": true, "this": true, "these": true,
	"their": true, "into": true, "using": true, "use": true, "via": true, "its": true, "are": true, "was": true,
	"were": true, "been": true, "has": true, "have": true, "how": true, "why": true, "what": true, "which": true,
	"when": true, "where": true, "does": true, "not": true, "can": true, "our": true, "all": true, "any": true,
	"some": true, "more": true, "than": true, "over": true, "under": true, "about": true, "between": true,
	"through": true, "within": true, "without": true, "after": true, "before": true, "towards": true,
	"toward": true, "based": true, "new": true, "two": true, "one": true, "three": true, "part": true,
	"der": true, "die": true, "das": true, "und": true, "von": true, "les": true, "des": true, "del": true,
	"per": true, "une": true, "sur": true,
}

// stemDF returns, computed once when first needed, the papers holding
// each title stem.
func (e *evidence) stemDF() map[uint64]int32 {
	if e.stems == nil {
		e.stems = make(map[uint64]int32)
		for p := 0; p < e.r.c.Len(); p++ {
			for _, s := range e.titleStems(e.r.c.Title(p)) {
				e.stems[s]++
			}
		}
	}
	return e.stems
}

// topic returns spelling a's vector, computed once.
func (e *evidence) topic(a int32) *topicVector {
	p := e.profile(a)
	if p.topic != nil {
		return p.topic
	}
	df, n := e.stemDF(), float64(e.r.c.Len())
	count := make(map[uint64]int)
	for _, i := range e.papers[a] {
		for _, s := range e.titleStems(e.r.c.Title(int(i))) {
			count[s]++
		}
	}
	v := &topicVector{keys: sortedKeys64(count)}
	squares := make([]float64, 0, len(v.keys))
	for _, k := range v.keys {
		w := float64(count[k]) * math.Log(n/float64(df[k]))
		v.w = append(v.w, w)
		squares = append(squares, w*w)
	}
	v.norm = math.Sqrt(orderedSum(squares)) // keys are seeded hashes: their order changes from run to run
	p.topic = v
	return v
}

// titleSimilarity returns the cosine of the title vectors of a and b,
// 0 when either has no title word, when they share fewer than two stems
// (one word, common enough not to be a rare title word, is no topic:
// "Networks" and "Social networks of medieval guilds" gave 0.20), or
// when every stem they share is held by more than 15% of the papers: a
// library's own field ("Graph neural networks" heading 58% of its
// titles) says nothing of who wrote them, however alike two sides are.
func (e *evidence) titleSimilarity(a, b int32) float64 {
	va, vb := e.topic(a), e.topic(b)
	if va.norm == 0 || vb.norm == 0 {
		return 0
	}
	df := e.stemDF()
	narrow := max(2, int32(0.15*float64(e.r.c.Len())))
	specific := false
	var terms []float64
	shared := 0
	for i, j := 0, 0; i < len(va.keys) && j < len(vb.keys); {
		switch {
		case va.keys[i] < vb.keys[j]:
			i++
		case va.keys[i] > vb.keys[j]:
			j++
		default:
			terms = append(terms, va.w[i]*vb.w[j])
			shared++
			specific = specific || df[va.keys[i]] <= narrow
			i++
			j++
		}
	}
	if shared < 2 || !specific {
		return 0
	}
	return orderedSum(terms) / (va.norm * vb.norm)
}

func sortedKeys64[V any](m map[uint64]V) []uint64 {
	out := make([]uint64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
