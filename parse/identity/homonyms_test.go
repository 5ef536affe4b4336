package identity

import (
	"strings"
	"testing"

	"coauthor/parse/names"
)

func TestHomonymFull(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"Jia Wang", true},
		{"Yan Liu", true},
		{"Wang, Wei", true},
		{"Zhuang Li", true},
		{"Hai Lu", true},
		{"Xiaolei Wang", false}, // two syllables
		{"Jia-Wei Wang", false}, // hyphenated
		{"Jia W. Wang", false},  // a middle initial
		{"J. Wang", false},      // initials: split.go's own case
		{"Ben Smith", false},    // Smith is not a Pinyin syllable
		{"Jia Glasby", false},   // not a frequent surname
		{"John Kim", false},
		{"Jia Wang Jr.", false},
	} {
		if got := homonymFull(names.Parse(c.name)); got != c.want {
			t.Errorf("homonymFull(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

// A full name shared by thousands ("Jia Wang") is decided per mention:
// papers with a shared co-author or affiliation are one person, a paper
// sharing nothing with them is another (the hand check's Jia Wang of
// Eindhoven and of Zhejiang); a two-syllable name stays one.
func TestSplitFullHomonym(t *testing.T) {
	person := func(line string) string { return strings.SplitN(line, ", ", 2)[0] }
	got, id, _ := splitCase(t, [][]string{
		{"InP nanowires grown by selective area epitaxy", "Jia Wang", "Erik Bakkers"},
		{"Wurtzite InP nanowire arrays", "Jia Wang", "Erik Bakkers", "Sebastien Plissard"},
		{"Black titania photocatalysis", "Jia Wang", "Gaoling Qian"},
	})
	if person(got[0]) != person(got[1]) {
		t.Errorf("papers with a shared co-author: %q, want one Jia Wang", got)
	}
	if person(got[0]) == person(got[2]) {
		t.Errorf("papers sharing nothing joined: %q", got)
	}
	var why []string
	for _, k := range id.KeptApart {
		if strings.Contains(k.Why, "one-syllable given name") {
			why = append(why, k.Why)
		}
	}
	if len(why) != 1 || !strings.Contains(why[0], `"Jia Wang" is 2 people`) {
		t.Errorf("kept apart: %q", why)
	}
	// The largest group of a split full name is one person and lends its
	// co-authors as evidence: "H. Xu" and "Hongyi Xu" share "Yong Wang" of
	// that group.
	got, _, _ = splitCase(t, [][]string{
		{"Defect-free InAs nanowires", "H. Xu", "Yong Wang", "Zhiming Liao"},
		{"Twin-free GaAs nanowires", "Hongyi Xu", "Yong Wang", "Zhiming Liao"},
		{"Single-crystal graphene", "Yong Wang"},
		// Three more full names "H. Xu" may stand for: one shared
		// co-author is not enough.
		{"Perovskite solar cells", "Hao Xu"},
		{"Lithium anodes", "Hui Xu"},
		{"Quantum dots", "Hong Xu"},
	})
	if person(got[0]) != person(got[1]) {
		t.Errorf("H. Xu and Hongyi Xu with two shared co-authors: %q", got)
	}
	if strings.Split(got[0], ", ")[1] == got[2] {
		t.Errorf("Yong Wang alone joined his namesake: %q", got)
	}
}

// A full-name homonym is no evidence as a co-author on its own: "L.
// Wang" with "Wei Zhang" on a nanowire paper and on a photocatalysis
// paper is not one L. Wang when Wei Zhang of those papers is two people
// (as the same resolution says).
func TestHomonymCoauthorLinksNothing(t *testing.T) {
	got, id, _ := splitCase(t, [][]string{
		{"InP nanowires grown by selective area epitaxy", "L. Wang", "Wei Zhang"},
		{"Black titania photocatalysis", "L. Wang", "Wei Zhang"},
		{"Cardiac surgery outcomes", "L. Wang"},
	})
	person := func(paper, k int) string { return strings.Split(got[paper], ", ")[k] }
	if person(0, 1) != person(1, 1) && person(0, 0) == person(1, 0) {
		t.Errorf("L. Wang joined by a Wei Zhang who is two people: %q", got)
	}
	for _, k := range id.KeptApart {
		t.Logf("kept apart: %s", k.Why)
	}
}
