// Package text holds what the readers of parse share: line sources, white
// space, years, shortened quotes for messages.
package text

import (
	"regexp"
	"strings"
	"unicode"
)

// CollapseSpace trims s and turns each run of white space into one space.
func CollapseSpace(s string) string {
	if collapsedASCII(s) {
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
