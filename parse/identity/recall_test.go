package identity

import (
	"fmt"
	"slices"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
)

// recallPaper is a paper of a recall case: venue, year and authors.
type recallPaper struct {
	venue   string
	year    int
	authors []string
}

// samePerson resolves papers and reports whether spellings a and b
// are one person.
func samePerson(t *testing.T, papers []recallPaper, a, b string) bool {
	t.Helper()
	c := corpus.New()
	titles := []string{"Parimagnetism of rare earths", "Higgs decays into photons", "Nonlocal pulsating fronts", "Replication timing"}
	for i, p := range papers {
		c.Add(&parse.Paper{Title: titles[i], Year: p.year, Venue: p.venue, Authors: p.authors})
	}
	id := Resolve(c, Options{})
	ia, ib := slices.Index(c.Names(), a), slices.Index(c.Names(), b)
	if ia < 0 || ib < 0 {
		t.Fatalf("%q or %q not in the corpus", a, b)
	}
	return id.Person[ia] == id.Person[ib]
}

// Classes of misses of the labelled set's tuning half that the rules now
// merge, each with its counter-case of two people that stays apart.
func TestRecallClasses(t *testing.T) {
	// A big team's author list: 150 authors, no one else's family name.
	team := func(names ...string) []string {
		out := append([]string(nil), names...)
		for i := len(out); i < 150; i++ {
			out = append(out, fmt.Sprintf("Member%c%c Teamster", 'a'+i/26%26, 'a'+i%26))
		}
		return out
	}
	tests := []struct {
		name   string
		papers []recallPaper
		a, b   string
		same   bool
	}{
		// arXiv categories of one archive are one field (Peeters: two
		// cond-mat categories), of two archives two (Bonilla: cond-mat
		// and hep-ph, A2-009).
		{"one arXiv archive", []recallPaper{
			{"cond-mat.supr-con", 2013, []string{"F. M. Peeters", "Mihajlo Covaci"}},
			{"cond-mat.mtrl-sci", 2013, []string{"Francois M. Peeters", "Hasan Sahin"}},
		}, "F. M. Peeters", "Francois M. Peeters", true},
		{"two arXiv archives", []recallPaper{
			{"cond-mat.mtrl-sci", 2013, []string{"C. M. Bonilla", "Ana Herrero-Albillos"}},
			{"hep-ph", 2013, []string{"Cesar Bonilla", "Alfredo Aranda"}},
		}, "C. M. Bonilla", "Cesar Bonilla", false},
		// Two co-authors shared through a paper of more than 100 authors
		// count as one (Mungall, Dunham and Carter on the human genome
		// paper and on a nine-author paper, A2-274); one does not.
		{"two co-authors of a big team", []recallPaper{
			{"Nature", 2001, team("A Mungall", "I Dunham", "N Carter")},
			{"Cell cycle", 2005, []string{"Andrew J Mungall", "Ian Dunham", "Nigel P Carter", "Zed Quorn"}},
		}, "A Mungall", "Andrew J Mungall", true},
		{"one co-author of a big team", []recallPaper{
			{"Nature", 2001, team("A Mungall", "I Dunham")},
			{"Cell cycle", 2005, []string{"Andrew J Mungall", "Ian Dunham", "Zed Quorn"}},
		}, "A Mungall", "Andrew J Mungall", false},
	}
	for _, tt := range tests {
		if got := samePerson(t, tt.papers, tt.a, tt.b); got != tt.same {
			t.Errorf("%s: %q and %q one person: %v, want %v", tt.name, tt.a, tt.b, got, tt.same)
		}
	}
}

func TestVenueKeysArchive(t *testing.T) {
	for v, want := range map[string][]string{
		"cond-mat.supr-con":         {"cond-mat.supr-con", "cond-mat"},
		"hep-ph":                    {"hep-ph"},
		"math.AP math-ph":           {"math.ap", "math-ph", "math"},
		"Physical Review B":         {"physical review b"},
		"cond-mat.str-el cond-mat.": {"cond-mat.str-el", "cond-mat.", "cond-mat"},
	} {
		if got := venueKeys(v); !slices.Equal(got, want) {
			t.Errorf("venueKeys(%q) = %q, want %q", v, got, want)
		}
	}
}
