package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Name is a personal name parsed for comparison: its given names as
// units (a hyphenated "Jing-Kai" is one unit of two parts, glued initials
// "MP" are two initials), its family name as one unit with its particles
// and hyphens ("Castellanos-Gomez", "van 't Veer"), and its suffix.
type Name struct {
	Given  []Unit
	Family string // folded, without spaces, hyphens, dots or apostrophes
	// German and GermanGiven are Family and the texts of Given with the
	// German transliteration of ä ö ü (ae, oe, ue) rather than a o u:
	// "Grützmacher" and "Gruetzmacher" share them.
	German      string
	GermanGiven []string
	Suffix      string // "jr", "sr", "ii", "iii", "iv"
	Words       int    // words in the name, suffix excluded
}

// Unit is one given name: a full name, an initial, or an abbreviation
// such as "Th." (a prefix of the name).
type Unit struct {
	Kind  byte     // Full, Initial or Abbrev
	Text  string   // folded, the parts joined: "jingkai", "j", "th"
	Parts []string // the hyphenated parts: "jing", "kai"; nil for one part
}

// Unit kinds.
const (
	Full    = 'f'
	Initial = 'i'
	Abbrev  = 'a'
)

// Parse parses a name in any order Order accepts.
func Parse(name string) Name {
	s := Order(name)
	// "Van 't Veer" and "Van't Veer" are one spelling.
	s = apostrophes.Replace(s)
	words := strings.Fields(s)
	var n Name
	if k := len(words); k > 1 && IsSuffix(foldWord(words[k-1])) {
		n.Suffix = foldWord(words[k-1])
		words = words[:k-1]
	}
	n.Words = len(words)
	if len(words) == 0 {
		return n
	}
	start := len(words) - 1
	for start > 1 && particles[foldWord(words[start-1])] {
		start--
	}
	family := strings.Join(words[start:], "")
	n.Family = compact(Fold(family))
	n.German = compact(germanFold(family))
	allCaps := isAllCaps(strings.Join(words, ""))
	for _, w := range words[:start] {
		n.Given = append(n.Given, givenUnits(w, allCaps, Fold)...)
		for _, u := range givenUnits(w, allCaps, germanFold) {
			n.GermanGiven = append(n.GermanGiven, u.Text)
		}
	}
	return n
}

// givenUnits splits one given word: "Jing-Kai" is one unit of two parts,
// "J.-K." one initial unit of two parts, "J.R.R." three initials, "MP"
// (two or three capitals in a name not written in capitals, or without
// a vowel in one that is: "JM PANDOLFI") two initials,
// "Th." an abbreviation, "J" or "J." an initial.
func givenUnits(w string, allCaps bool, fold func(string) string) []Unit {
	f := fold(w)
	if f == "" {
		return nil
	}
	parts := strings.Fields(f)
	switch {
	case strings.ContainsAny(w, "-‐‑–") && len(parts) > 1:
		u := Unit{Kind: Full, Text: strings.Join(parts, ""), Parts: parts}
		if allInitials(parts) {
			u.Kind = Initial
		}
		return []Unit{u}
	case len(parts) > 1: // "J.R.R."
		var out []Unit
		for _, p := range parts {
			out = append(out, unitOf(p, false))
		}
		return out
	case len(f) >= 2 && len(f) <= 3 && isAllCaps(w) && utf8.RuneCountInString(w) == len(f) && (!allCaps || !strings.ContainsAny(f, "aeiouy")):
		// In a name written in capitals only a word without a vowel is
		// sure to be initials: "JM PANDOLFI", not "JO SMITH".
		var out []Unit
		for _, r := range f {
			out = append(out, Unit{Kind: Initial, Text: string(r)})
		}
		return out
	}
	return []Unit{unitOf(f, strings.HasSuffix(w, "."))}
}

func unitOf(f string, dotted bool) Unit {
	switch {
	case utf8.RuneCountInString(f) == 1:
		return Unit{Kind: Initial, Text: f}
	case dotted && utf8.RuneCountInString(f) <= 3, digraphs[f]:
		return Unit{Kind: Abbrev, Text: f}
	}
	return Unit{Kind: Full, Text: f}
}

// digraphs are the two-letter abbreviations of given names that are
// never names themselves ("Th. Müller", "Ch Blömers"), even without a dot.
var digraphs = map[string]bool{"th": true, "ch": true, "ph": true, "sh": true, "zh": true, "kh": true, "gh": true, "ts": true}

func allInitials(parts []string) bool {
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

func isAllCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters = true
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters
}

// foldWord folds one word, dots removed.
func foldWord(w string) string { return strings.ReplaceAll(Fold(w), " ", "") }

var (
	apostrophes = strings.NewReplacer(" '", "'", "' ", "'", " ’", "’", "’ ", "’")
	compacter   = strings.NewReplacer(" ", "", "'", "", "’", "")
	german      = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")
)

// compact removes spaces and apostrophes from a folded name.
func compact(s string) string { return compacter.Replace(s) }

// germanFold folds s with the German transliteration of ä ö ü ß.
func germanFold(s string) string { return Fold(german.Replace(s)) }

// notNameWords are words that show an author string is not a person.
var notNameWords = map[string]bool{
	"proceedings": true, "symposium": true, "digest": true, "conference": true, "workshop": true,
	"journal": true, "university": true, "department": true, "institute": true, "collaboration": true,
	"consortium": true, "group": true, "committee": true, "society": true, "association": true,
	"papers": true, "team": true, "network": true, "project": true, "international": true,
	"laboratory": true, "centre": true, "center": true, "investigators": true, "organization": true,
}

// NotAName says why an author string is clearly not one person ("" when
// it may be one): more than six words, a word such as "Proceedings" or
// "Collaboration", or several names run together ("W S Karpov S Yun":
// initials, a family name, initials, another family name).
func NotAName(s string) string {
	words := strings.Fields(Order(s))
	if len(words) > 6 {
		return "more than six words"
	}
	for _, w := range words {
		if notNameWords[foldWord(w)] {
			return "the word " + strings.Trim(w, ".,;:") + " is not part of a name"
		}
	}
	// Runs of initials each followed by a word: two or more means two or
	// more names. A word in lower case is a particle or a conjunction
	// within one name ("Alexander G. de G. Matthews", Catalan "A.
	// Fontcuberta i Morral"), neither an initial nor a name's end (in a
	// string not all in lower case).
	cased := s != strings.ToLower(s)
	names, inInitials := 0, false
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); cased && unicode.IsLower(r) {
			continue
		}
		f := foldWord(w)
		if utf8.RuneCountInString(f) == 1 {
			inInitials = true
			continue
		}
		if inInitials {
			names++
		}
		inInitials = false
	}
	if names >= 2 {
		return "several names run together"
	}
	return ""
}
