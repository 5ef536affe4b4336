// Package text holds what the readers of parse share: line sources, white
// space, years, shortened quotes for messages.
package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CollapseSpace trims s and turns each run of white space into one space.
func CollapseSpace(s string) string {
	if collapsedASCII(s) || cleanText(s) {
		return s // the usual case, without allocating
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// collapsedASCII reports whether s is ASCII without control characters,
// neither starting nor ending with a space nor holding two in a row: what
// CollapseSpace and CleanName would give back unchanged.
func collapsedASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c >= 0x7f || c == ' ' && prev == ' ' {
			return false
		}
		prev = c
	}
	return true
}

// cleanText reports whether s is valid UTF-8 holding a letter and no
// control character, U+FFFD, U+FEFF or white space but single spaces
// between other characters: what CollapseSpace and CleanName give back
// unchanged. It is the test of names beyond ASCII (Jürgen, 王伟), which
// would otherwise be split and joined again.
func cleanText(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	letter, prev := false, rune(0)
	for _, r := range s {
		switch {
		case r == ' ':
			if prev == ' ' {
				return false
			}
		case r < utf8.RuneSelf:
			if r < ' ' || r == 0x7f {
				return false
			}
			letter = letter || r|0x20 >= 'a' && r|0x20 <= 'z'
		case r == utf8.RuneError, r == '\uFEFF', unicode.IsSpace(r), unicode.IsControl(r):
			return false
		default:
			letter = letter || unicode.IsLetter(r)
		}
		prev = r
	}
	return letter
}

// Shorten cuts s to at most n runes for error messages.
func Shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// IsDigit reports whether c is an ASCII digit.
func IsDigit(c byte) bool { return c >= '0' && c <= '9' }

// LeadingYear returns the year at the start of s ("2006", "2006-09-13",
// "{1998}"), or 0.
func LeadingYear(s string) int {
	s = strings.Trim(strings.TrimSpace(s), "{}")
	if len(s) < 4 {
		return 0
	}
	y := 0
	for i := 0; i < 4; i++ {
		if !IsDigit(s[i]) {
			return 0
		}
		y = y*10 + int(s[i]-'0')
	}
	if len(s) > 4 && IsDigit(s[4]) {
		return 0
	}
	return y
}

// dateShape is the date line of an author page: "Oct 20, 2023".
var dateShape = regexp.MustCompile(`^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}$`)

// IsDate reports whether s is an author page's date line.
func IsDate(s string) bool { return dateShape.MatchString(s) }

// OpenAlexID shortens an OpenAlex author URL to "openalex:A5023888391".
func OpenAlexID(s string) string {
	if s == "" {
		return ""
	}
	return "openalex:" + strings.TrimPrefix(s, "https://openalex.org/")
}

// AppendNew appends s to list unless s is empty or already there: the
// lists of keywords and ISSNs readers gather keep each value once.
func AppendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
