package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The allocation-free paths of CollapseSpace and CleanName give what the
// general ones give, on random strings of the characters that matter.
func TestCleanFastPaths(t *testing.T) {
	slowCollapse := func(s string) string { return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ") }
	slowClean := func(s string) string {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		s = strings.Map(func(r rune) rune {
			switch {
			case unicode.IsSpace(r):
				return ' '
			case unicode.IsControl(r), r == '\uFFFD', r == '\uFEFF':
				return -1
			}
			return r
		}, s)
		s = slowCollapse(s)
		if strings.IndexFunc(s, unicode.IsLetter) < 0 {
			return ""
		}
		return s
	}
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "Z", " ", "  ", "\t", "\n", "\x00", "\x7f", ".", "-", "0", "é", "\u00a0", "\u0085", "\xff", "@", "`", "{", "[", "_", "ü", "王", "\ufffd", "\ufeff", "\u200b", "\u2028", "\u3000", "\u0301", "\xc3", "\u0080"}
	for range 300000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := CollapseSpace(s), slowCollapse(s); got != want {
			t.Fatalf("CollapseSpace(%q) = %q, want %q", s, got, want)
		}
		if got, want := CleanName(s), slowClean(s); got != want {
			t.Fatalf("CleanName(%q) = %q, want %q", s, got, want)
		}
	}
}
