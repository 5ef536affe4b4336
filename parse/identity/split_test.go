package identity

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
)

// splitCase resolves papers (title and authors each) and returns, per
// paper, the person of each author as its displayed name and person id,
// and the identity.
func splitCase(t *testing.T, papers [][]string) ([]string, *Identity, *corpus.Corpus) {
	t.Helper()
	c := corpus.New()
	for i, p := range papers {
		c.Add(&parse.Paper{Title: p[0], Year: 2010 + i, Authors: p[1:]})
	}
	id := Resolve(c, Options{})
	var out []string
	ps := id.Papers(c)
	for i := range c.Len() {
		var who []string
		for _, person := range ps.Authors(i) {
			who = append(who, fmt.Sprintf("%s#%d", id.People[person].Name, person))
		}
		out = append(out, strings.Join(who, ", "))
	}
	return out, id, c
}

func TestSplitSameString(t *testing.T) {
	// "L. Wang" on four papers: two with Ada Byron, one with Carl Gauss,
	// one alone. Three people: nothing links the last two to the others.
	got, id, c := splitCase(t, [][]string{
		{"Zinc oxide nanowires", "L. Wang", "Ada Byron"},
		{"Zinc oxide films", "L Wang", "Ada Byron"},
		{"Graph spectra", "L. Wang", "Carl Gauss"},
		{"Protein folding", "L. Wang"},
	})
	person := func(paper int) string { return strings.SplitN(got[paper], ", ", 2)[0] }
	if person(0) != person(1) {
		t.Errorf("papers with a shared co-author: %q and %q, want one person", got[0], got[1])
	}
	if person(0) == person(2) || person(0) == person(3) || person(2) == person(3) {
		t.Errorf("papers sharing nothing joined: %q", got)
	}
	// The largest group keeps both spellings; the others are people of
	// their own, explained.
	wang := id.Person[slices.Index(c.Names(), "L Wang")]
	if p := id.People[wang]; len(p.Variants) != 2 || p.Variants[0].Count+p.Variants[1].Count != 2 {
		t.Errorf("largest group: %+v", p)
	}
	var kept []string
	for _, k := range id.KeptApart {
		if strings.Contains(k.Why, "3 people") {
			kept = append(kept, k.Why)
		}
	}
	if len(kept) != 1 || !strings.Contains(kept[0], "groups of 2, 1, 1") {
		t.Errorf("kept apart: %q", kept)
	}
	if len(id.People) != 5 { // three L. Wangs, Ada Byron, Carl Gauss
		t.Errorf("%d people, want 5: %q", len(id.People), got)
	}

	// A rare family name, or a full first name of more than one syllable,
	// stays one person without evidence, as rule 1 always did.
	for _, name := range []string{"L. Glasby", "Xiaolei Wang"} {
		got, _, _ := splitCase(t, [][]string{{"Zinc oxide", name, "Ada Byron"}, {"Graph spectra", name, "Carl Gauss"}})
		if strings.SplitN(got[0], ", ", 2)[0] != strings.SplitN(got[1], ", ", 2)[0] {
			t.Errorf("%s split: %q", name, got)
		}
	}

	// Two initials with a rare title word in common within ten years are
	// one person; a co-author written with ambiguous initials links
	// nothing.
	got, _, _ = splitCase(t, [][]string{
		{"Ferroelectric domains in thin films", "J. S. Hwang", "X. Li"},
		{"Switching of ferroelectric domains", "J. S. Hwang", "X. Li"},
		{"Bird song learning", "J. S. Hwang", "X. Li"},
		{"Filler one", "A. Author"}, {"Filler two", "B. Author"}, {"Filler three", "C. Author"},
	})
	person = func(paper int) string { return strings.SplitN(got[paper], ", ", 2)[0] }
	if person(0) != person(1) || person(0) == person(2) {
		t.Errorf("J. S. Hwang: %q", got[:3])
	}
}

// A co-author whose spelling was split into people is no evidence: the
// two J. S. Hwangs below are two people, so "Y. Tanaka" and "Yuki
// Tanaka" share no one.
func TestSplitCoauthorNoEvidence(t *testing.T) {
	got, _, _ := splitCase(t, [][]string{
		{"Quantum dots in nanowires", "Yuki Tanaka", "J. S. Hwang", "Bob Ones"},
		{"Bird song learning", "Y. Tanaka", "J. S. Hwang", "Cid Twos"},
	})
	if strings.SplitN(got[0], ", ", 2)[0] == strings.SplitN(got[1], ", ", 2)[0] {
		t.Errorf("merged through a split co-author: %q", got)
	}
	if strings.Split(got[0], ", ")[1] == strings.Split(got[1], ", ")[1] {
		t.Errorf("J. S. Hwang not split: %q", got)
	}
	// One initial under a frequent surname is no evidence even unsplit
	// (Ken Tanaka holds L. Wang's papers together, and is in the pair's
	// own family block).
	got, _, _ = splitCase(t, [][]string{
		{"Quantum dots in nanowires", "Yuki Tanaka", "L. Wang", "Ken Tanaka"},
		{"Bird song learning", "Y. Tanaka", "L. Wang", "Ken Tanaka"},
	})
	if strings.Split(got[0], ", ")[1] != strings.Split(got[1], ", ")[1] {
		t.Errorf("L. Wang split: %q", got)
	}
	if strings.SplitN(got[0], ", ", 2)[0] == strings.SplitN(got[1], ", ", 2)[0] {
		t.Errorf("merged through L. Wang: %q", got)
	}
}

// Ambiguous co-authors link two papers of a split name two at a time: "T.
// Wang" alone may be another T. Wang, "T. Wang" with "J. Bai" is one group.
func TestSplitTwoAmbiguousCoauthors(t *testing.T) {
	for _, c := range []struct {
		second []string
		one    bool
	}{
		{[]string{"B Liu", "J Bai", "T Wang"}, true},
		{[]string{"B Liu", "R Smith", "T Wang"}, false},
	} {
		got, _, _ := splitCase(t, [][]string{{"Nanorod lasers", "B. Liu", "J. Bai", "T. Wang"}, append([]string{"Energy transfer"}, c.second...)})
		if one := strings.SplitN(got[0], ", ", 2)[0] == strings.SplitN(got[1], ", ", 2)[0]; one != c.one {
			t.Errorf("%q: one person %v, want %v", c.second, one, c.one)
		}
	}
}

// Under an uncrowded family name a co-author is known by family name and
// first initial ("J. S. Speck", "James S. Speck"); two two-initial names
// together on two papers are one pair ("D. H. Ha" with "S. N. Yi").
func TestSplitCoauthorSpellings(t *testing.T) {
	for _, c := range [][][]string{
		{{"Nitride growth", "F. Wu", "J. S. Speck"}, {"Polarization fields", "F Wu", "James S. Speck"}},
		{{"Nanorod luminescence", "D. H. Ha", "S. N. Yi"}, {"Nanochestnut synthesis", "D.H. Ha", "S.N. Yi"}},
	} {
		got, _, _ := splitCase(t, c)
		if strings.SplitN(got[0], ", ", 2)[0] != strings.SplitN(got[1], ", ", 2)[0] {
			t.Errorf("split: %q", got)
		}
	}
}
