package identity

import (
	"slices"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
)

// spelled is a paper of the slip and spacing tests: its year, title and
// authors.
type spelled struct {
	year    int
	title   string
	authors []string
}

// resolveSpelled resolves papers (among filler papers that make their
// title words rare) and returns the people of more than one spelling as
// "A | B", sorted, with the identity.
func resolveSpelled(papers []spelled) ([]string, *Identity) {
	c := corpus.New()
	for _, p := range papers {
		c.Add(&parse.Paper{Title: p.title, Year: p.year, Authors: p.authors})
	}
	for i := range 40 {
		c.Add(&parse.Paper{Title: "Filler paper on gardening number " + string(rune('a'+i%26)), Year: 2000, Authors: []string{"Filler Author" + string(rune('a'+i%26)) + " Nobody"}})
	}
	id := Resolve(c, Options{})
	return variantGroups(id), id
}

// Hand check #2249, #206 and the near misses that must stay apart.
func TestResolveSlipsAndSpacing(t *testing.T) {
	pair := func(a, b string, ya, yb int, ta, tb string) []spelled {
		return []spelled{{ya, ta, []string{a, "Alice Kowal"}}, {yb, tb, []string{b, "Bruno Zelinski"}}}
	}
	tests := []struct {
		name   string
		papers []spelled
		want   []string
		match  string // in the merge's explanation, or in the keep-apart's reason
	}{
		{"tripled letter, rare title word", pair("Anders Jonsson", "Anders Jonssson", 2010, 2012,
			"Tractable planning with macros", "Safe tractable relevance analysis"),
			[]string{"Anders Jonsson | Anders Jonssson"}, "one tripled letter apart"},
		{"OCR slip, rare title word", pair("Maria Hollstein", "Maria Hollsteln", 1991, 1994,
			"Mutations of p53 in cancers", "Clues from p53 mutations"),
			[]string{"Maria Hollstein | Maria Hollsteln"}, "one OCR slip (l for i) apart"},
		{"doubled letter, rare title words", pair("Gaetano Borriello", "Gaetano Boriello", 2010, 2012,
			"Mobile phone spirometry sensing", "Spirometry on a mobile phone microphone"),
			[]string{"Gaetano Boriello | Gaetano Borriello"}, "one doubled letter apart"},
		{"spaced given name, 15 years apart", pair("Kwang-yun Wohn", "KwangYun Wohn", 1995, 2010,
			"Active vision for robots", "Virtual reality interaction"),
			[]string{"Kwang-yun Wohn | KwangYun Wohn"}, "Kwang-Yun and Kwangyun joined"},
		// Near misses.
		{"another letter, not a slip", pair("Anders Jonsson", "Anders Jansson", 2010, 2012,
			"Tractable planning with macros", "Safe tractable relevance analysis"),
			nil, "one letter substitution apart"},
		{"slip without topic", pair("Anders Jonsson", "Anders Jonssson", 2010, 2012,
			"Planning with macros", "Bird nesting habits"),
			nil, "one tripled letter apart"},
		{"slip in a family name under seven letters", pair("Maria Bellott", "Maria Bellot", 2010, 2012,
			"Tractable planning with macros", "Safe tractable relevance analysis"),
			nil, "one doubled letter apart"},
		{"slip with initials only", pair("M. Hollstein", "M. Hollsteln", 1991, 1994,
			"Mutations of p53 in cancers", "Clues from p53 mutations"),
			nil, "one OCR slip (l for i) apart"},
		{"umlaut, not a slip", pair("Daniel Höller", "Daniel Heller", 2010, 2012,
			"Tractable planning with macros", "Safe tractable relevance analysis"),
			nil, ""},
		{"spaced given name under a frequent surname, 15 years apart", pair("Jian-Jang Huang", "JianJang Huang", 1995, 2010,
			"Active vision for robots", "Virtual reality interaction"),
			nil, "15 years apart"},
		{"a Pinyin syllable spaced, 15 years apart", pair("Xi-An Wohn", "Xian Wohn", 1995, 2010,
			"Active vision for robots", "Virtual reality interaction"),
			nil, "15 years apart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, id := resolveSpelled(tt.papers)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("merged %q, want %q; kept apart: %+v", got, tt.want, id.KeptApart)
			}
			var text []string
			for _, p := range id.People {
				text = append(text, p.Reasons...)
			}
			for _, k := range id.KeptApart {
				text = append(text, k.Match+": "+k.Why)
			}
			if all := strings.Join(text, "\n"); !strings.Contains(all, tt.match) {
				t.Errorf("explanations %q, want them mentioning %q", all, tt.match)
			}
		})
	}
}

func TestSlipOf(t *testing.T) {
	for _, tt := range []struct{ a, b, want string }{
		{"jonsson", "jonssson", "tripled letter"},
		{"borriello", "boriello", "doubled letter"},
		{"hollstein", "hollsteln", "OCR slip (l for i)"},
		{"ersklne", "erskine", "OCR slip (l for i)"},
		{"kowalczyk", "kowalcyzk", ""}, // a transposition
		{"kernion", "kerion", ""},      // a letter dropped, not repeated
		{"jonsson", "jansson", ""},     // another vowel
		{"heller", "hceller", ""},      // two edits
	} {
		if got := slipOf(tt.a, tt.b); got != tt.want {
			t.Errorf("slipOf(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// A paper that lists every author twice, side by side in two forms (hand
// check #2339), says that each pair is one person; a shorter list, or one
// with a pair that is not one name, says nothing of the kind.
func TestResolveDoubledAuthorList(t *testing.T) {
	doubled := []string{"M Lin", "Min Lin", "R Goldman", "Rich Goldman", "K Price", "Kathleen J Price", "A Sears", "Andrew Sears"}
	tests := []struct {
		name   string
		papers []spelled
		want   []string
	}{
		{"every author twice", []spelled{{2008, "How do people tap when walking", doubled}},
			[]string{"A Sears | Andrew Sears", "K Price | Kathleen J Price", "M Lin | Min Lin", "R Goldman | Rich Goldman"}},
		{"two people twice", []spelled{{2008, "How do people tap when walking", doubled[:4]}}, nil},
		{"a pair of other given names", []spelled{{2008, "How do people tap when walking",
			[]string{"M Lin", "Min Lin", "R Goldman", "Rich Goldman", "K Price", "Laura Price"}}}, nil},
		{"two of one family", []spelled{{2008, "How do people tap when walking",
			[]string{"M Lin", "Min Lin", "R Goldman", "Rich Goldman", "K Lin", "Kai Lin"}}}, nil},
		{"an odd list", []spelled{{2008, "How do people tap when walking", append(slices.Clone(doubled), "Julie Jacko")}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, id := resolveSpelled(tt.papers)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("merged %q, want %q", got, tt.want)
			}
			for _, p := range id.People {
				if len(p.Variants) > 1 && !strings.Contains(strings.Join(p.Reasons, "\n"), "which lists every author twice") {
					t.Errorf("%s: reasons %q, want them naming the doubled list", p.Name, p.Reasons)
				}
			}
		})
	}
}
