package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Fold returns the key under which two spellings of a name count as the
// same: Unicode NFKC, case folded (golang.org/x/text/cases: "ΟΔΥΣΣΕΥΣ" and
// "Οδυσσεύς" fold alike), diacritics removed (also from letters that do
// not decompose, such as ł ø đ ß æ œ), hyphens and dots as spaces (so
// "J.R.R." is "j r r" and "R." is "r"), runs of white space as one space.
func Fold(s string) string {
	if isPlainASCII(s) {
		return foldASCII(s)
	}
	s = norm.NFD.String(cases.Fold().String(norm.NFKC.String(s)))
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading spaces
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '.' || unicode.IsSpace(r) || unicode.Is(unicode.Pd, r):
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		case r == '\u2019' || r == '\u2018' || r == '\u02bc':
			r = '\''
		}
		if s, ok := foldLetters[r]; ok {
			b.WriteString(s)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		space = false
	}
	return strings.TrimSuffix(b.String(), " ")
}

// foldLetters spells letters that carry a mark but have no decomposition.
var foldLetters = map[rune]string{
	'ł': "l", 'Ł': "l", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th",
	'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'Ŧ': "t", 'ŀ': "l", 'Ŀ': "l", 'ƒ': "f",
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldASCII is Fold for ASCII input, the common case, without allocation
// beyond the result.
func foldASCII(s string) string { return string(appendFoldASCII(make([]byte, 0, len(s)), s)) }

// appendFoldASCII appends Fold(s) of an ASCII s to b.
func appendFoldASCII(b []byte, s string) []byte {
	start := len(b)
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' || c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			if !space {
				b = append(b, ' ')
				space = true
			}
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		b = append(b, c)
		space = false
	}
	if n := len(b); n > start && b[n-1] == ' ' {
		b = b[:n-1]
	}
	return b
}

// HasDiacritics reports whether s holds a letter outside ASCII.
func HasDiacritics(s string) bool { return !isPlainASCII(s) }

// AppendFold appends Fold(s) to b, without allocating for ASCII s.
func AppendFold(b []byte, s string) []byte {
	if isPlainASCII(s) {
		return appendFoldASCII(b, s)
	}
	return append(b, Fold(s)...)
}
