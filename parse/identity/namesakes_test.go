package identity

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
)

// namesakeCorpus returns a library of 400 people, each alone under a
// family name of his own but for 4 family names holding two first names,
// and the papers given (title, year, authors). Of the background's first
// names, half begin with J; none begins with D or S, and none is Satinder.
func namesakeCorpus(extra ...topicPaper) *corpus.Corpus {
	firsts := []string{"Jan", "Julia", "Jorge", "Jonas", "Maria", "Peter", "Anna", "Karl", "Lena", "Tomas"}
	c := corpus.New()
	for i := range 400 {
		family := fmt.Sprintf("Qu%c%c%cvath", 'a'+i%26, 'a'+(i/26)%26, 'a'+i%5)
		authors := []string{firsts[i%len(firsts)] + " " + family}
		if i < 4 {
			authors = append(authors, "Lena "+family+"-Berg") // another block
			authors[0] = firsts[i%len(firsts)] + " " + family
			c.Add(&parse.Paper{Title: fmt.Sprintf("Report number %d of the survey", i), Year: 2000, Authors: []string{"Karl " + family}})
		}
		c.Add(&parse.Paper{Title: fmt.Sprintf("Report number %d of the survey", i+1000), Year: 2000 + i%20, Authors: authors})
	}
	for _, p := range extra {
		c.Add(&parse.Paper{Title: p.title, Year: p.year, Authors: p.authors})
	}
	return c
}

// The estimate's tables on a library whose counts are known.
func TestNamesakeTables(t *testing.T) {
	c := namesakeCorpus(
		topicPaper{"Lattice vibrations of quartz", 2001, []string{"Donald P. McKay", "Ada Lovelace"}},
		topicPaper{"Satellite orbits of comets", 2002, []string{"Satinder Ragh", "Alan Turing"}},
	)
	e := newEvidence(newResolver(c, Options{}))
	tb := e.namesakeTables()
	// 408 family names (400 of the background, 4 "…-Berg", McKay, Ragh,
	// Lovelace, Turing), 4 of them with a second first name (Karl).
	if tb.people != 412 {
		t.Errorf("people = %d, want 412", tb.people)
	}
	p, more, of, _ := tb.another(1, false)
	if more != 4 || of != 408 || math.Abs(p-5.0/410) > 1e-12 {
		t.Errorf("another(1) = %v, %d of %d; want 5/410, 4 of 408", p, more, of)
	}
	// Of the 4 blocks with two first names, none holds three: (0+1)/(4+2);
	// no block holds three: (0+1)/(0+2).
	for k, want := range map[int]float64{2: 1.0 / 6, 3: 1.0 / 2} {
		if p, _, _, _ := tb.another(k, false); math.Abs(p-want) > 1e-12 {
			t.Errorf("another(%d) = %v, want %v", k, p, want)
		}
	}
	// "D. P." fits McKay alone; "J." the 160 Jan, Julia, Jorge and Jonas.
	if got := tb.initialsFit("dp"); math.Abs(got-1.0/412) > 1e-12 {
		t.Errorf(`initialsFit("dp") = %v, want 1/412`, got)
	}
	if got := tb.initialsFit("j"); math.Abs(got-160.0/412) > 1e-12 {
		t.Errorf(`initialsFit("j") = %v, want 160/412`, got)
	}
	// No one is "D. Q.": the floor of one person (himself).
	if got := tb.initialsFit("dq"); got != 1.0/412 {
		t.Errorf(`initialsFit("dq") = %v, want the floor 1/412`, got)
	}
	if got, want := tb.firstFit("satinder"), 1.0/412; got != want {
		t.Errorf(`firstFit("satinder") = %v, want %v`, got, want)
	}
	if got, want := tb.firstFit("jan"), 40.0/412; got != want {
		t.Errorf(`firstFit("jan") = %v, want %v`, got, want)
	}
}

// resolvedPair resolves the library with the papers given and reports
// whether a and b are one person, with the reasons of a's person and the
// why of a pair kept apart (and its estimate of namesakes).
func resolvedPair(t *testing.T, extra []topicPaper, a, b string) (bool, string) {
	t.Helper()
	c := namesakeCorpus(extra...)
	ia, ib := int32(slices.Index(c.Names(), a)), int32(slices.Index(c.Names(), b))
	if ia < 0 || ib < 0 {
		t.Fatalf("%q or %q not in the corpus", a, b)
	}
	id := Resolve(c, Options{})
	if id.Person[ia] == id.Person[ib] {
		return true, strings.Join(id.People[id.Person[ia]].Reasons, "; ")
	}
	for _, k := range id.KeptApart {
		if slices.Contains(k.Names, a) && slices.Contains(k.Names, b) {
			if k.Ambiguity != nil && k.Ambiguity.NamesakesWhy != "" {
				return false, k.Why + " (" + k.Ambiguity.NamesakesWhy + ")"
			}
			return false, k.Why
		}
	}
	return false, "not proposed"
}

// Initials for each given name of a full name, under a rare family name
// that few people of the corpus could share, merge without other
// evidence (hand check #2566, "D.P. McKay" and "Donald P. McKay"), and
// names say why; not with a middle name in one spelling only, under a
// surname frequent worldwide, with initials that fit many people of the
// corpus, or papers far apart. A middle name in one spelling only after
// a rare full first name merges even 12 years apart (#158, "Jeremy R
// Cooperstock"), not after a first name the corpus gives to many (in the
// same years it merges under an uncrowded family name, as before).
func TestNamesakes(t *testing.T) {
	pair := func(a, b string, y1, y2 int) []topicPaper {
		return []topicPaper{
			{"Lattice vibrations of quartz", y1, []string{a, "Ada Lovelace"}},
			{"Satellite orbits of comets", y2, []string{b, "Alan Turing"}},
		}
	}
	tests := []struct {
		name   string
		a, b   string
		y1, y2 int
		merged bool
		why    string   // in the reasons, or in the why kept apart
		crowd  []string // other people of the family name, on papers of their own
	}{
		{"initials of each given name", "D. P. McKay", "Donald P. McKay", 2001, 2003, true,
			"initials D. P. fit 0.24% of this corpus's people; 4 of 407 rare family names with 1 full first name hold one more: 3e-05 expected namesakes", nil},
		{"a middle initial in one spelling only", "D. McKay", "Donald P. McKay", 2001, 2003, false, "initials for a full name with no shared co-author", nil},
		{"a frequent surname", "D. P. Wang", "Donald P. Wang", 2001, 2003, false, "initials for a full name with no shared co-author", nil},
		{"initials that fit many", "J. Mckinnon", "Jan Mckinnon", 2001, 2003, false, "initials for a full name with no shared co-author", nil},
		{"far apart", "D. P. McKay", "Donald P. McKay", 2001, 2015, false, "14 years apart", nil},
		// Four more first names under the family name: not rare (on a
		// synthetic library of crowded names, 25 of 646 such merges
		// joined two people).
		{"a crowded family name", "D. P. McKay", "Donald P. McKay", 2001, 2003, false, "initials for a full name with no shared co-author",
			[]string{"Anna McKay", "Karl McKay", "Lena McKay", "Peter McKay"}},
		// Other people under the family name written with initials only
		// (a Web of Science or MEDLINE export): the block is as crowded.
		{"a family name crowded with initials", "D. P. McKay", "Donald P. McKay", 2001, 2003, false,
			"4 people under Mckay, counting initials-only spellings of other first letters",
			[]string{"A. McKay", "B. R. McKay", "T. McKay", "T. K. McKay", "D. McKay"}},
		{"a middle initial, far apart, initials-only others", "Satinder P. Ragh", "Satinder Ragh", 2001, 2013, false, "12 years apart",
			[]string{"A. Ragh", "B. R. Ragh", "T. Ragh"}},
		{"a rare first name, far apart", "Satinder P. Ragh", "Satinder Ragh", 2001, 2013, true, "first name Satinder: 0.24% of this corpus's people", nil},
		{"a common first name, far apart", "Jan P. Ragh", "Jan Ragh", 2001, 2013, false, "12 years apart", nil},
		// Very few namesakes lift the years apart up to 20: beyond, a
		// father and son may write no suffix.
		{"a rare first name, 25 years apart", "Satinder P. Ragh", "Satinder Ragh", 1990, 2015, false, "25 years apart", nil},
		// A full middle word in one spelling only may be the second
		// syllable of a given name, or a second family name.
		{"a full middle word, far apart", "Satinder Paul Ragh", "Satinder Ragh", 2001, 2013, false, "12 years apart", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			papers := pair(tt.a, tt.b, tt.y1, tt.y2)
			for i, n := range tt.crowd {
				papers = append(papers, topicPaper{fmt.Sprintf("Glacier number %d", i), 1990, []string{n}})
			}
			merged, why := resolvedPair(t, papers, tt.a, tt.b)
			if merged != tt.merged || !strings.Contains(why, tt.why) {
				t.Errorf("merged %v (%s), want %v with %q", merged, why, tt.merged, tt.why)
			}
		})
	}
}
