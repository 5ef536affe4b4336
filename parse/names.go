package parse

import "strings"

// NameKey returns the folded key of a personal name (see Fold). A name in
// "Last, First" or "Last, Jr., First" form is put in "First Last Jr" order
// first, so that both forms of one name have one key.
func NameKey(name string) string {
	if strings.IndexByte(name, ',') < 0 {
		return Fold(name)
	}
	parts := strings.Split(name, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch len(parts) {
	case 2:
		if isSuffix(Fold(parts[1])) { // "John Smith, Jr."
			return Fold(parts[0] + " " + parts[1])
		}
		return Fold(parts[1] + " " + parts[0])
	case 3: // "Last, Jr., First"
		return Fold(parts[2] + " " + parts[0] + " " + parts[1])
	}
	return Fold(strings.Join(parts, " "))
}

// nameParts is a folded name split for comparison.
type nameParts struct {
	given  []string // given names and initials, in order
	family string   // family name with its particles ("van der berg")
	suffix string   // "jr", "iii", ...
}

// splitKey splits a folded name key. The family name is the last word with
// the particles before it; at least one given word is kept when there are
// two or more words.
func splitKey(key string) nameParts {
	words := strings.Fields(key)
	var p nameParts
	if n := len(words); n > 1 && isSuffix(words[n-1]) {
		p.suffix = words[n-1]
		words = words[:n-1]
	}
	if len(words) == 0 {
		return p
	}
	start := len(words) - 1
	for start > 1 && particles[words[start-1]] {
		start--
	}
	p.family = strings.Join(words[start:], " ")
	p.given = words[:start]
	return p
}

func isSuffix(w string) bool {
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
	"st": true,
}

// givenCompatible reports whether two lists of given names may belong to
// one person: first names equal, nickname variants, or an initial and a
// name with that letter; later names (middle names and initials) agree
// where both spellings have them, and may be absent from one.
func givenCompatible(a, b []string) bool {
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
