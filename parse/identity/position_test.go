package identity

import (
	"strings"
	"testing"

	"coauthor/parse/names"
)

// Initials compared position by position, hyphenated ones included, and
// full given names spaced or hyphenated (issue 25).
func TestCompatibleByPosition(t *testing.T) {
	for _, c := range []struct {
		a, b     string
		strength int
	}{
		{"S. H. Lee", "S.-K. Lee", none},
		{"S.-K. Lee", "S. H. Lee", none},
		{"S. H. Lee", "S.-H. Lee", weak},
		{"S. H. Lee", "S. Lee", weak},
		{"S.-K. Lee", "Sang Hoon Lee", none},
		{"J.-D. Ganière", "Jean-daniel Ganiere", weak},
		{"Jean Daniel Ganiere", "Jean-Daniel Ganiere", strong},
		{"Maria Beatrice Boniotti", "MariaBeatrice Boniotti", strong},
		{"Maria Beatrice Boniotti", "Mariabea Trice Boniotti", none},
	} {
		if m := compatible(names.Parse(c.a), names.Parse(c.b)); m.strength != c.strength {
			t.Errorf("%q, %q: strength %d (%s), want %d", c.a, c.b, m.strength, m, c.strength)
		}
	}
}

// A general word in common is no evidence, however rare in the corpus; a
// specific one is (issue 25: "structure", "electronic" joined people of
// different fields).
func TestGeneralTitleWords(t *testing.T) {
	for _, c := range []struct {
		second string
		merged bool
	}{
		{"Electronic structure of defects", false},
		{"Electronic structure of perovskites", true},
	} {
		got, _, _ := splitCase(t, [][]string{{"Electronic structure of perovskites", "F. Glasby"}, {c.second, "Frank Glasby"}})
		if merged := strings.SplitN(got[0], "#", 2)[1] == strings.SplitN(got[1], "#", 2)[1]; merged != c.merged {
			t.Errorf("%q: merged %v, want %v (%q)", c.second, merged, c.merged, got)
		}
	}
}

// A Chinese given name written as one word is compared by its Pinyin
// syllables with a run of initials ("S. H. Zhong" and "Sihua Zhong", as
// Web of Science writes AU and AF), only under a Pinyin family name.
func TestCompatiblePinyin(t *testing.T) {
	for _, c := range []struct {
		a, b     string
		strength int
	}{
		{"S. H. Zhong", "Sihua Zhong", weak},
		{"SH Zhong", "Sihua Zhong", weak},
		{"S.-H. Zhong", "Sihua Zhong", weak},
		{"Z. G. Huang", "Zengguang Huang", weak},
		{"X. A. Li", "Xian Li", weak},
		{"S.-Q. Zhong", "Sihua Zhong", none},
		{"M.-N. Smith", "Mina Smith", none},
	} {
		m := compatible(names.Parse(c.a), names.Parse(c.b))
		if m.strength != c.strength {
			t.Errorf("%q, %q: strength %d (%s), want %d", c.a, c.b, m.strength, m, c.strength)
		}
		// Two initials are the syllables, not a first and a middle name.
		if c.strength != none && strings.Count(c.a, ".") == 2 && !m.allParts() {
			t.Errorf("%q, %q: %s, want the initials of every syllable", c.a, c.b, m)
		}
	}
}
