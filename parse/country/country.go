// Package country finds the country of an affiliation string, as
// bibliographic exports write it ("Stanford Univ, Stanford, CA 94305 USA",
// "Peking Univ, Beijing 100871, Peoples R China", "Universität Basel,
// Basel, Switzerland").
//
// The countries are those of ISO 3166-1 from Debian's iso-codes (see
// iso.go, made by gen.go; licence LGPL-2.1+ in LICENSE.iso-codes): their
// names, official and common names, and alpha-2 and alpha-3 codes, with
// the US states and their postal codes from ISO 3166-2:US. A small table
// of variants adds what exports write instead, and the countries' names in
// their own languages (variants.go). When the last component names no
// country, an unambiguous city of GeoNames (cities.tsv, by gencities.go;
// CC BY 4.0, see LICENSE.geonames) decides (see Detect). Hong Kong,
// Macao, Taiwan and Puerto Rico are their own countries, as in ISO 3166-1;
// England, Scotland, Wales and Northern Ireland are GB.
package country

import (
	"strings"
	"unicode"

	"coauthor/parse/names"
)

type entry struct{ alpha2, alpha3, name, official, common string }

var (
	byName   map[string]string // compact folded name → alpha-2
	byAlpha3 map[string]string
	byAlpha2 map[string]string // alpha-2 → display name
	usPostal map[string]bool
	usState  map[string]bool // compact folded state name
)

func init() {
	byName = make(map[string]string, 4*len(iso))
	byAlpha3 = make(map[string]string, len(iso))
	byAlpha2 = make(map[string]string, len(iso))
	for _, e := range iso {
		for _, n := range []string{e.name, e.official, e.common} {
			if n != "" {
				byName[key(n)] = e.alpha2
			}
		}
		// "Korea, Republic of" is also written "Republic of Korea".
		if head, tail, ok := strings.Cut(e.name, ", "); ok && !strings.Contains(tail, ",") {
			byName[key(tail+" "+head)] = e.alpha2
		}
		byAlpha3[e.alpha3] = e.alpha2
		display := e.name
		if e.common != "" {
			display = e.common
		}
		byAlpha2[e.alpha2] = display
	}
	byAlpha2["XK"] = "Kosovo" // user-assigned, see variants
	usPostal = make(map[string]bool, len(usStates))
	usState = make(map[string]bool, len(usStates))
	for _, s := range usStates {
		usState[key(s[1])] = true
		if _, taken := byName[key(s[1])]; !taken { // Georgia is the country
			byName[key(s[1])] = "US"
		}
		usPostal[s[0]] = true
	}
	for _, r := range regions {
		if _, taken := byName[key(r[1])]; !taken {
			byName[key(r[1])] = r[0]
		}
	}
	for _, v := range variants {
		byName[key(v[0])] = v[1]
	}
}

// Name returns the English short name of an ISO 3166-1 alpha-2 code
// (its common name where iso-codes gives one: "South Korea", "Iran"),
// "" for an unknown code.
func Name(code string) string { return byAlpha2[code] }

// Valid reports whether code is an ISO 3166-1 alpha-2 code (or XK,
// Kosovo).
func Valid(code string) bool { return byAlpha2[code] != "" }

// Detect returns the ISO 3166-1 alpha-2 code of the country an
// affiliation string names in its last comma-separated component (after
// dropping an e-mail address and "Electronic address: …"), and whether one
// was found. The component matches when, folded (case, diacritics, dots,
// spaces), it is a country's name, official or common name, an export
// variant ("USA", "Peoples R China", "England", "Russia"), a US state, or
// a province, state or territory of Canada or Australia ("Ontario",
// "Western Australia");
// or, written in capitals, an alpha-3 code ("DEU", "U.S.A.") or a
// two-letter code: a US postal code when it is one (PubMed's "Boston, MA":
// US authors often leave the country out, while ISO alpha-2 codes are
// rarely written in addresses; so "DE" is Delaware and "CA" California),
// else an ISO alpha-2 code ("JP"); or when its words after the last postal
// code match ("CA 94305 USA"; "75005 Paris France" does not), or it is a
// US state or postal code before a ZIP code ("MA 02139", "Pennsylvania
// 19486"). A name or note in parentheses may follow ("Iran (Islamic
// Republic of)", "Sweden (L.D.W.)"). A last component that is only a
// postal code, or "and", is passed over. When none of these matches, the
// last component is looked up as a place (byPlace): a city of 15,000
// inhabitants or more (GeoNames) whose name is unambiguous — all cities of
// that name in one country, or the largest ten times the largest of any
// other country ("Montreal", "London NW1 2ND"; not "Oxford") — alone,
// between postal codes or in brackets; a city then its country or state
// ("Cincinnati Ohio"); a country's name glued to the word before it.
func Detect(affiliation string) (code string, ok bool) {
	code, ok = detect(affiliation)
	if !ok {
		code, ok = byEmail(affiliation)
	}
	return code, ok
}

func detect(affiliation string) (code string, ok bool) {
	s := clean(affiliation)
	if s == "" {
		return "", false
	}
	parts := splitOutside(s, ',')
	// A trailing postal code ("Kingston, Ontario, Canada, K7L 3N6") or a
	// dangling "and" is passed over.
	for len(parts) > 1 && skippable(parts[len(parts)-1]) {
		parts = parts[:len(parts)-1]
	}
	last := strings.TrimSpace(parts[len(parts)-1])
	if c, ok := component(last); ok {
		return c, true
	}
	// "Korea, Republic of", "Iran, Islamic Republic of".
	if len(parts) >= 2 {
		two := strings.TrimSpace(parts[len(parts)-2]) + ", " + last
		if c, ok := byName[key(two)]; ok {
			return c, true
		}
	}
	return byPlace(last)
}

// byEmail returns the country of the e-mail addresses an affiliation
// string holds, when the address proper named none: a country-code
// top-level domain (".se", ".de", ".ac.uk" as GB) other than those sold
// for other uses (".io", ".ai", ".co", ".me", ".tv", …), or ".edu", which
// only institutions accredited in the US may register. Addresses of two
// countries give none.
func byEmail(s string) (string, bool) {
	found := ""
	for _, w := range strings.Fields(s) {
		at := strings.LastIndexByte(w, '@')
		if at < 0 {
			continue
		}
		domain := strings.ToLower(strings.TrimRight(w[at+1:], ".,;:)>]"))
		tld := domain[strings.LastIndexByte(domain, '.')+1:]
		if !strings.Contains(domain, ".") || genericTLD[tld] {
			continue
		}
		code := ""
		switch {
		case tld == "edu":
			code = "US"
		case tld == "uk":
			code = "GB"
		case len(tld) == 2 && Valid(strings.ToUpper(tld)):
			code = strings.ToUpper(tld)
		default:
			continue
		}
		if found != "" && found != code {
			return "", false
		}
		found = code
	}
	return found, found != ""
}

// genericTLD are country-code domains commonly registered from anywhere.
var genericTLD = map[string]bool{
	"ac": true, "ad": true, "ag": true, "ai": true, "am": true, "as": true, "bz": true, "cc": true, "cd": true, "cm": true,
	"co": true, "cx": true, "fm": true, "gg": true, "gl": true, "gs": true, "im": true, "io": true, "la": true, "ly": true,
	"md": true, "me": true, "ms": true, "mu": true, "nu": true, "pw": true, "sc": true, "sh": true, "so": true, "st": true,
	"su": true, "tk": true, "tm": true, "to": true, "tv": true, "vc": true, "vg": true, "ws": true,
}

// skippable reports whether a last component is a postal code (each word
// has a digit), "and", or nothing.
func skippable(c string) bool {
	f := strings.Fields(strings.Trim(c, " .;:"))
	if len(f) == 0 || len(f) == 1 && strings.EqualFold(f[0], "and") {
		return true
	}
	for _, w := range f {
		if !strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	return true
}

// component matches one component.
func component(c string) (string, bool) {
	c = strings.TrimRight(c, " .;:")
	if c == "" {
		return "", false
	}
	if code, ok := byName[key(c)]; ok {
		return code, true
	}
	// A name or note in parentheses: "Iran (Islamic Republic of)",
	// "Stockholm, Sweden (L.D.W., J.M.)", or the country itself:
	// "Mentor Graphics Corp. (USA)".
	if open := strings.LastIndexByte(c, '('); open > 0 {
		if inner, ok := strings.CutSuffix(c[open+1:], ")"); ok {
			if code, ok := byName[key(inner)]; ok {
				return code, true
			}
			if code, ok := codeOf(inner); ok {
				return code, true
			}
		}
		c = strings.TrimRight(c[:strings.IndexByte(c, '(')], " .;:")
		if code, ok := byName[key(c)]; ok {
			return code, true
		}
	}
	if code, ok := codeOf(c); ok {
		return code, true
	}
	// Words after the last token with a digit: "CA 94305 USA", "Beijing
	// 100871 Peoples R China"; a US postal code before a ZIP code.
	words := strings.Fields(c)
	lastDigit := -1
	for i, w := range words {
		if strings.ContainsAny(w, "0123456789") {
			lastDigit = i
		}
	}
	// A postal code after the country: "People's Republic of China
	// 230026", "Canada T6G 2E9".
	if k := trailingCodes(words); k > 0 && k < len(words) {
		if code, ok := byName[key(strings.Join(words[:k], " "))]; ok {
			return code, true
		}
	}
	if lastDigit < 0 {
		// "St Louis, MO USA": a US state before the country.
		if n := len(words); n >= 2 {
			before := strings.Join(words[:n-1], " ")
			if usPostal[strings.TrimRight(before, ".")] || usState[key(before)] {
				return component(words[n-1])
			}
		}
		return "", false
	}
	if rest := strings.Join(words[lastDigit+1:], " "); rest != "" {
		if code, ok := byName[key(rest)]; ok {
			return code, true
		}
		if code, ok := codeOf(rest); ok {
			return code, true
		}
	}
	if lastDigit >= 1 && isZIP(words[lastDigit]) {
		before := strings.Join(words[:lastDigit], " ")
		if usPostal[strings.TrimRight(before, ".")] || usState[key(before)] {
			return "US", true
		}
	}
	// A city between postal codes: "London NW1 2ND", "75005 Paris",
	// "CH-1211 Geneva 23".
	if code, _ := city(strings.Join(withoutCodes(words), " ")); code != "" {
		return code, true
	}
	return "", false
}

// withoutCodes drops the leading and trailing words that hold a digit.
func withoutCodes(words []string) []string {
	words = words[:trailingCodes(words)]
	for len(words) > 0 && strings.ContainsAny(words[0], "0123456789") {
		words = words[1:]
	}
	return words
}

// byPlace matches a last component that no name or code matched, by the
// places it names (package doc): a city, unambiguous, alone or between
// postal codes ("Montreal", "London NW1 2ND"); a city in brackets after a
// unit's name ("Computer Science Department [Los Angeles]", as HAL
// writes); a city followed by its state or country without a comma
// ("Cincinnati Ohio", "Paris France"); a country name glued to the word
// before it ("University of PretoriaSouth Africa").
func byPlace(c string) (string, bool) {
	c = strings.TrimRight(c, " .;:")
	if open := strings.LastIndexByte(c, '['); open > 0 && strings.HasSuffix(c, "]") {
		if code, _ := city(c[open+1 : len(c)-1]); code != "" {
			return code, true
		}
		return "", false
	}
	words := withoutCodes(strings.Fields(c))
	if len(words) == 0 {
		return "", false
	}
	if code, _ := city(strings.Join(words, " ")); code != "" {
		return code, true
	}
	// "Cincinnati Ohio": a known city (even of an ambiguous name), then a
	// country or US state of one to three words.
	for k := 1; k <= 3 && k < len(words); k++ {
		tail := strings.Join(words[len(words)-k:], " ")
		code, ok := byName[key(tail)]
		if !ok {
			continue
		}
		if _, known := city(strings.Join(words[:len(words)-k], " ")); known {
			return code, true
		}
	}
	// "PretoriaSouth Africa": a lower-case letter then a capital starting
	// a country's name of four letters or more.
	for i := len(c) - 1; i > 0; i-- {
		if c[i] >= 'A' && c[i] <= 'Z' && c[i-1] >= 'a' && c[i-1] <= 'z' {
			if tail := c[i:]; len(key(tail)) >= 4 {
				if code, ok := byName[key(tail)]; ok {
					return code, true
				}
			}
		}
	}
	return "", false
}

// trailingCodes returns the number of words before the last ones that
// hold a digit.
func trailingCodes(words []string) int {
	k := len(words)
	for k > 0 && strings.ContainsAny(words[k-1], "0123456789") {
		k--
	}
	return k
}

// codeOf matches a code written in capitals, dots and spaces allowed
// ("USA", "U.S.A.", "DEU", "NY").
func codeOf(c string) (string, bool) {
	var b strings.Builder
	for _, r := range c {
		switch {
		case r == '.' || r == ' ':
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	code := b.String()
	switch len(code) {
	case 3:
		a2, ok := byAlpha3[code]
		return a2, ok
	case 2:
		if code == "UK" {
			return "GB", true
		}
		switch {
		case usPostal[code]:
			return "US", true
		case Valid(code):
			return code, true
		}
	}
	return "", false
}

// isZIP reports whether w is a US ZIP code: 5 digits, or 5-4.
func isZIP(w string) bool {
	w = strings.TrimRight(w, ".")
	if len(w) == 10 && w[5] == '-' {
		w = w[:5] + w[6:]
	} else if len(w) != 5 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// clean drops what follows the address proper: "Electronic address: …",
// e-mail addresses, and keeps the last of several affiliations joined by
// ";" that names something.
func clean(s string) string {
	s = CleanAffiliation(strings.ReplaceAll(s, "#TAB#", " ")) // "#TAB#": an artefact of some OpenAlex raw strings
	parts := splitOutside(s, ';')
	for i := len(parts) - 1; i >= 0; i-- {
		if p := strings.Trim(parts[i], " .,:"); p != "" && !strings.EqualFold(p, "and") {
			return p
		}
	}
	return ""
}

// splitOutside splits s at sep outside parentheses.
func splitOutside(s string, sep byte) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth = max(depth-1, 0)
		case sep:
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// key folds a name for lookup: case, diacritics, punctuation and spaces
// dropped ("U.S.A." and "usa", "People's R China" and "Peoples R China"),
// "&" as "and", a leading "the" dropped.
func key(s string) string {
	f := names.Fold(strings.ReplaceAll(s, "&", " and "))
	f = strings.TrimPrefix(f, "the ")
	var b strings.Builder
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CleanAffiliation drops an e-mail address and "Electronic address: …"
// (PubMed's) from an affiliation string.
func CleanAffiliation(s string) string {
	if i := strings.Index(strings.ToLower(s), "electronic address"); i >= 0 {
		s = s[:i]
	}
	if strings.Contains(s, "@") {
		f := strings.Fields(s)
		out := f[:0]
		for _, w := range f {
			if !strings.Contains(w, "@") {
				out = append(out, w)
			}
		}
		s = strings.Join(out, " ")
	}
	return s
}
