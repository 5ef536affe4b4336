// Package orcid reads ORCID iDs in the forms sources give them and makes
// them identities.
package orcid

import "strings"

// Prefix starts the identity of an author that a source gives an ORCID
// iD: "orcid:0000-0002-1825-0097".
const Prefix = "orcid:"

// Normalize returns the bare form "0000-0000-0000-000X" of an ORCID iD
// given bare, with or without hyphens, as a URL (https://orcid.org/...,
// http://orcid.org/..., orcid.org/...) or after "ORCID:", and "" when s
// is not one (wrong length, or a check digit that does not match: ISO
// 7064 MOD 11-2).
func Normalize(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(strings.ToLower(s), "orcid.org/"); i >= 0 {
		s = s[i+len("orcid.org/"):]
	}
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "ORCID:"), "orcid:"))
	s = strings.TrimSuffix(s, "/")
	var digits []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case c == 'x' || c == 'X':
			digits = append(digits, 'X')
		case c == '-' || c == ' ':
		default:
			return ""
		}
	}
	if len(digits) != 16 || strings.IndexByte(string(digits[:15]), 'X') >= 0 {
		return ""
	}
	total := 0
	for _, c := range digits[:15] {
		total = (total + int(c-'0')) * 2
	}
	check := (12 - total%11) % 11
	want := byte('0' + check)
	if check == 10 {
		want = 'X'
	}
	if digits[15] != want {
		return ""
	}
	d := string(digits)
	return d[0:4] + "-" + d[4:8] + "-" + d[8:12] + "-" + d[12:16]
}

// ID returns the identity of the ORCID iD in s, "orcid:" and its bare
// form, or "" when s holds none.
func ID(s string) string {
	if n := Normalize(s); n != "" {
		return Prefix + n
	}
	return ""
}
