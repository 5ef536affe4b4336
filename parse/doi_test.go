package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// regexpDOI is NormalizeDOI's reading by doiRe alone, as before doiLen.
func regexpDOI(s string) string {
	loc := doiRe.FindStringIndex(s)
	if loc == nil {
		return ""
	}
	return s[loc[0]:loc[1]]
}

// The quick DOI reading finds what doiRe finds, on chosen strings and on
// random ones made of the characters that matter.
func TestDOILen(t *testing.T) {
	check := func(s string) {
		t.Helper()
		want := regexpDOI(s)
		got := ""
		if i := strings.Index(s, "10."); i >= 0 {
			if n := doiLen(s[i:]); n > 0 {
				got = s[i : i+n]
			}
		}
		if got != "" && got != want {
			t.Fatalf("%q: quick %q, doiRe %q", s, got, want)
		}
	}
	for _, s := range []string{
		"10.1000/abc", "https://doi.org/10.1145/3292500.3330919", "doi:10.1000/x y", "10.12/x", "10.1234567890/x",
		"10.123456789/x", "10.1000.5/x", "10.1000.5.x/y", "10.1000./x", "10.1000/", "10.1000/\tx", "x10.10.1000/y",
		"10.10 10.1000/y", "10.1000/a\vb", "10.1000/\xffz", "10.1000.12.34/é x",
	} {
		check(s)
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := "10./ \t9a\vé"
	for range 200000 {
		var b strings.Builder
		for range r.IntN(16) {
			if r.IntN(4) == 0 {
				b.WriteString("10.")
			}
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		check(b.String())
	}
	if got := NormalizeDOI("https://doi.org/10.1145/ABC.1)."); got != "10.1145/abc.1" {
		t.Errorf("NormalizeDOI gives %q", got)
	}
}

// The quick arXiv reading finds what arxivNew finds.
func TestQuickArXiv(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := "0123456789.vV/x"
	for i := range 300000 {
		var b strings.Builder
		if i%2 == 0 {
			b.WriteString("2101.")
		}
		for range r.IntN(12) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		want := ""
		if m := arxivNew.FindStringSubmatch(s); m != nil {
			want = m[1]
		}
		if got := quickArXiv(s); got != "" && got != want || got == "" && want != "" {
			t.Fatalf("%q: quick %q, arxivNew %q", s, got, want)
		}
	}
	if got := NormalizeArXiv("https://arxiv.org/abs/2101.00001v12"); got != "2101.00001" {
		t.Errorf("NormalizeArXiv gives %q", got)
	}
}
