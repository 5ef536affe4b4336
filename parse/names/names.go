// Package names reads personal names: their order ("Last, First, Jr."),
// their folded form and key, their parts (given names, family name,
// suffix) and the nicknames of given names. It is the one place that
// knows how a name is written; readers and identity resolution call it.
package names

import "strings"

// Order gives a name written "Last, First", "Last, First, Jr." or "Last,
// Jr., First" (BibTeX's "von Last, Jr, First") as "First Last" or "First
// Last Jr."; "First Last, Jr." keeps its order. A comma inside braces or
// after a backslash (LaTeX's "\,") does not count. Other names are
// returned as they are, white space collapsed. biblatex's extended name
// format ("given=Alfred, family=Adler, prefix=von, suffix=Jr., id=x", as
// Better BibTeX writes it) gives "Alfred von Adler Jr.".
func Order(name string) string {
	parts := splitCommas(name)
	if n, ok := extended(parts); ok {
		return n
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	var out string
	switch {
	case len(parts) == 1:
		out = parts[0]
	case len(parts) == 2 && IsSuffix(Fold(parts[1])): // "John Smith, Jr."
		out = parts[0] + " " + parts[1]
	case len(parts) == 2:
		out = parts[1] + " " + parts[0]
	case len(parts) == 3 && IsSuffix(Fold(parts[2])) && !IsSuffix(Fold(parts[1])): // "Smith, John, Jr."
		out = parts[1] + " " + parts[0] + " " + parts[2]
	default: // "Smith, Jr., John", BibTeX's order
		out = strings.Join(parts[2:], " ") + " " + parts[0] + " " + parts[1]
	}
	return strings.Join(strings.Fields(out), " ")
}

// splitCommas splits s at commas outside braces and not after a
// backslash.
func splitCommas(s string) []string {
	if strings.IndexByte(s, ',') < 0 {
		return []string{s}
	}
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++ // the next byte is escaped
		case '{':
			depth++
		case '}':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// Key returns the folded key of a personal name: Fold of the name in
// "First Last Jr." order, so that every written form of one name has one
// key ("Smith, John, Jr." and "John Smith Jr." both "john smith jr").
func Key(name string) string { return Fold(Order(name)) }

// Parts is a folded name split for comparison.
type Parts struct {
	Given  []string // given names and initials, in order
	Family string   // family name with its particles ("van der berg")
	Suffix string   // "jr", "iii", ...
}

// Split splits a folded name key. The family name is the last word with
// the particles before it; at least one given word is kept when there are
// two or more words.
func Split(key string) Parts {
	words := strings.Fields(key)
	var p Parts
	if n := len(words); n > 1 && IsSuffix(words[n-1]) {
		p.Suffix = words[n-1]
		words = words[:n-1]
	}
	if len(words) == 0 {
		return p
	}
	start := len(words) - 1
	for start > 1 && particles[words[start-1]] {
		start--
	}
	p.Family = strings.Join(words[start:], " ")
	p.Given = words[:start]
	return p
}

// IsSuffix reports whether a folded word is a generational suffix.
func IsSuffix(w string) bool {
	switch w {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

// particles join the family name when they stand before its last word.
var particles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "del": true,
	"della": true, "delle": true, "di": true, "da": true, "du": true, "des": true,
	"le": true, "la": true, "lo": true, "ten": true, "ter": true, "dos": true,
	"das": true, "do": true, "bin": true, "ibn": true, "al": true, "el": true,
	"st": true, "van't": true,
}

// GivenCompatible reports whether two lists of given names may belong to
// one person: first names equal, nickname variants, or an initial and a
// name with that letter; later names (middle names and initials) agree
// where both spellings have them, and may be absent from one.
func GivenCompatible(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if !wordCompatible(a[0], b[0], true) {
		return false
	}
	a, b = a[1:], b[1:]
	for i := 0; i < len(a) && i < len(b); i++ {
		if !wordCompatible(a[i], b[i], false) {
			return false
		}
	}
	return true
}

func wordCompatible(a, b string, nicknames bool) bool {
	switch {
	case a == b:
		return true
	case len(a) == 1 || len(b) == 1:
		return a[0] == b[0]
	case nicknames:
		return NicknameVariants(a, b)
	}
	return false
}

// extendedKeys are the keys of biblatex's extended name format; the
// name parts are read, the others (ids, options) left out.
var extendedKeys = map[string]bool{
	"given": true, "family": true, "prefix": true, "suffix": true,
	"given-i": true, "family-i": true, "prefix-i": true, "suffix-i": true,
	"id": true, "useprefix": true, "juniorcomma": true, "sortingnamekeytemplatename": true,
}

// extended reads a name in biblatex's extended format, its parts split at
// commas: every part "key=value" of a key of the format, a family or
// given name among them. Values may be braced or quoted.
func extended(parts []string) (string, bool) {
	if len(parts) == 0 || !strings.Contains(parts[0], "=") {
		return "", false
	}
	v := map[string]string{}
	for _, p := range parts {
		key, value, ok := strings.Cut(p, "=")
		key = strings.ToLower(strings.TrimSpace(key))
		if !ok || !extendedKeys[key] {
			return "", false
		}
		value = strings.TrimSpace(value)
		if n := len(value); n >= 2 && (value[0] == '{' && value[n-1] == '}' || value[0] == '"' && value[n-1] == '"') {
			value = value[1 : n-1]
		}
		v[key] = value
	}
	if v["family"] == "" && v["given"] == "" {
		return "", false
	}
	return strings.Join(strings.Fields(v["given"]+" "+v["prefix"]+" "+v["family"]+" "+v["suffix"]), " "), true
}
