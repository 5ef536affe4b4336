package identity

import (
	"fmt"
	"slices"
	"strings"
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
	titles := []string{"Parimagnetism of rare earths", "Higgs decays into photons", "Nonlocal pulsating fronts", "Replication timing", "Ocean gyres", "Lichen symbiosis"}
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
		// Initials only, the only two spellings of the family name: a
		// journal is evidence, an arXiv archive alone is not (hand check
		// #2404: an interferometer team and a gamma-ray burst team).
		{"initials only, one arXiv archive", []recallPaper{
			{"astro-ph", 2005, []string{"D. Palmer", "Edgar Serna"}},
			{"astro-ph", 2006, []string{"D. M. Palmer", "Hans Krimm"}},
		}, "D. Palmer", "D. M. Palmer", false},
		{"initials only, one journal", []recallPaper{
			{"Astrophysical Journal", 2005, []string{"D. Palmer", "Edgar Serna"}},
			{"Astrophysical Journal", 2006, []string{"D. M. Palmer", "Hans Krimm"}},
		}, "D. Palmer", "D. M. Palmer", true},
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

// Misses found on ORCID ground truth (a lab's Web of Science export, two
// institutes' BibTeX exports), each with a counter-case.
func TestGroundTruthClasses(t *testing.T) {
	// resolve resolves papers of (authors, address of the first author)
	// and reports whether a and b are one person.
	resolve := func(papers [][]string, a, b string) bool {
		t.Helper()
		c := corpus.New()
		titles := []string{"Rotavirus in pigs", "Hepatitis E in boars", "Norovirus in shellfish", "Coral cores", "Reef decline"}
		for i, p := range papers {
			paper := &parse.Paper{Title: titles[i], Year: 2019 + i, Authors: p[1:]}
			if p[0] != "" {
				affs := make([][]parse.Affiliation, len(p)-1)
				affs[0] = []parse.Affiliation{{Name: p[0]}}
				paper.Meta = &parse.Meta{Affiliations: affs}
			}
			c.Add(paper)
		}
		id := Resolve(c, Options{})
		ia, ib := slices.Index(c.Names(), a), slices.Index(c.Names(), b)
		if ia < 0 || ib < 0 {
			t.Fatalf("%q or %q not in the corpus", a, b)
		}
		return id.Person[ia] == id.Person[ib]
	}
	tests := []struct {
		name   string
		papers [][]string
		a, b   string
		same   bool
	}{
		// One institution in two departments' addresses (Web of Science
		// gives the organisation first and no country code): the same
		// organisation, and Italy on both sides, not "other places".
		{"one organisation", [][]string{
			{"Ist Super Sanita, Dept Food Safety, Rome, Italy", "Ilaria Di Bartolo", "Franco Ruggeri"},
			{"Ist Super Sanita, Dept Infect Dis, Viale Regina Elena 299, Rome, Italy", "I Di Bartolo", "Giorgio Rossi"},
		}, "Ilaria Di Bartolo", "I Di Bartolo", true},
		{"two organisations in two countries", [][]string{
			{"Ist Super Sanita, Dept Food Safety, Rome, Italy", "Ilaria Di Bartolo", "Franco Ruggeri"},
			{"Univ Utrecht, Fac Vet Med, Utrecht, Netherlands", "I Di Bartolo", "Giorgio Rossi"},
		}, "Ilaria Di Bartolo", "I Di Bartolo", false},
		// Two organisations of one country, detected from the addresses,
		// are no evidence against a middle name in one spelling only.
		{"one country", [][]string{
			{"Ist Super Sanita, Dept Food Safety, Rome, Italy", "Ilaria M. Di Bartolo", "Franco Ruggeri"},
			{"Univ Padua, Dept Anim Med, Legnaro, Italy", "Ilaria Di Bartolo", "Giorgio Rossi"},
		}, "Ilaria M. Di Bartolo", "Ilaria Di Bartolo", true},
		{"two countries", [][]string{
			{"Ist Super Sanita, Dept Food Safety, Rome, Italy", "Ilaria M. Di Bartolo", "Franco Ruggeri"},
			{"Univ Utrecht, Fac Vet Med, Utrecht, Netherlands", "Ilaria Di Bartolo", "Giorgio Rossi"},
		}, "Ilaria M. Di Bartolo", "Ilaria Di Bartolo", false},
		// A department named first is no organisation: many universities
		// have a Department of Chemistry.
		{"one department name", [][]string{
			{"Department of Chemistry, University of Leeds, Leeds, UK", "Ilaria Di Bartolo", "Franco Ruggeri"},
			{"Department of Chemistry, University of Padua, Padua, Italy", "I Di Bartolo", "Giorgio Rossi"},
		}, "Ilaria Di Bartolo", "I Di Bartolo", false},
		// Given names run together: "MariaBeatrice" is "Maria Beatrice".
		{"given names run together", [][]string{
			{"", "Maria Beatrice Boniotti", "Franco Ruggeri"},
			{"", "MariaBeatrice Boniotti", "Giorgio Rossi"},
		}, "Maria Beatrice Boniotti", "MariaBeatrice Boniotti", true},
		// A joined given name ("Jianxin", one person with "Jian-xin") is
		// no obstacle to the initials of the hyphenated one.
		{"joined given name and its initials", [][]string{
			{"", "Jian-xin Zhao", "John M. Pandolfi", "Ke-Fu Yu"},
			{"", "Jianxin Zhao", "John M. Pandolfi", "Ke-Fu Yu"},
			{"", "J-X Zhao", "John M. Pandolfi", "Ke-Fu Yu"},
		}, "Jian-xin Zhao", "J-X Zhao", true},
		// Initials glued in a name written in capitals: "JM PANDOLFI" is
		// "JM Pandolfi", not a first name "Jm" that no "John M." can be.
		{"glued initials in capitals", [][]string{
			{"", "John M. Pandolfi", "Terry P. Hughes", "Ann F. Budd"},
			{"", "JM PANDOLFI", "TP HUGHES", "AF BUDD"},
			{"", "JM Pandolfi", "TP Hughes", "AF Budd"},
		}, "John M. Pandolfi", "JM PANDOLFI", true},
	}
	for _, tt := range tests {
		if got := resolve(tt.papers, tt.a, tt.b); got != tt.same {
			t.Errorf("%s: %q and %q one person: %v, want %v", tt.name, tt.a, tt.b, got, tt.same)
		}
	}
}

func TestOrganisation(t *testing.T) {
	for addr, want := range map[string]string{
		"Ist Super Sanita, Dept Food Safety, Rome, Italy":         "Ist Super Sanita",
		"Department of Chemistry, University of Leeds, Leeds, UK": "",
		"Dept Chem, Univ Leeds, Leeds, W Yorkshire, England":      "",
		"University of Leeds": "",
		"Univ Queensland, Sch Biol Sci, Brisbane, Qld 4072, Australia": "Univ Queensland",
	} {
		if got := organisation(addr); got != want {
			t.Errorf("organisation(%q) = %q, want %q", addr, got, want)
		}
	}
}

// A hyphenated family name and its last word with the first as a given
// initial (Web of Science: "JG Cegarra-Navarro" and "JGC Navarro") are
// candidates, merged on a shared co-author; three initials under a
// frequent surname are one person's, two are split without evidence.
func TestCompoundFamilyAndThreeInitials(t *testing.T) {
	tests := []struct {
		name   string
		papers [][]string
		a, b   string
		same   bool
	}{
		{"compound family, shared co-author", [][]string{
			{"Knowledge management", "JG Cegarra-Navarro", "E Martinez-Caro"},
			{"Absorptive capacity", "JGC Navarro", "E Martinez-Caro"},
		}, "JG Cegarra-Navarro", "JGC Navarro", true},
		{"compound family, other initials", [][]string{
			{"Knowledge management", "JG Cegarra-Navarro", "E Martinez-Caro"},
			{"Absorptive capacity", "JGP Navarro", "E Martinez-Caro"},
		}, "JG Cegarra-Navarro", "JGP Navarro", false},
		{"three initials", [][]string{
			{"Zinc oxide", "Y. H. W. Wang", "Ada Byron"},
			{"Graph spectra", "Y. H. W. Wang", "Carl Gauss"},
		}, "", "", true},
		{"two initials", [][]string{
			{"Zinc oxide", "Y. H. Wang", "Ada Byron"},
			{"Graph spectra", "Y. H. Wang", "Carl Gauss"},
		}, "", "", false},
	}
	for _, tt := range tests {
		got, _, _ := splitCase(t, tt.papers)
		first := func(s string) string { return strings.SplitN(s, ", ", 2)[0] }
		same := first(got[0]) == first(got[1]) // the person ids of the first authors
		if same != tt.same {
			t.Errorf("%s: %q, want one person: %v", tt.name, got, tt.same)
		}
	}
}

// An initial for a middle name after the same full first name ("John A."
// and "John Antony") is a medium match, as a middle name in one spelling
// only is: under a rare family name it merges without a co-author (the
// hand check's Assimos, Brattain, Littman); under a frequent one it needs
// one, and papers more than farApart years apart without evidence are
// two people, as for any medium match.
func TestMiddleInitialMedium(t *testing.T) {
	tests := []struct {
		name   string
		papers []recallPaper
		a, b   string
		same   bool
	}{
		{"rare family name", []recallPaper{
			{"Nature", 1965, []string{"John A. Assimos", "Zed Quorn"}},
			{"Solid State Commun.", 1970, []string{"John Antony Assimos", "Yara Pell"}},
		}, "John A. Assimos", "John Antony Assimos", true},
		{"frequent family name, no co-author", []recallPaper{
			{"Nature", 1965, []string{"John A. Smith", "Zed Quorn"}},
			{"Solid State Commun.", 1970, []string{"John Antony Smith", "Yara Pell"}},
		}, "John A. Smith", "John Antony Smith", false},
		{"frequent family name, a co-author", []recallPaper{
			{"Nature", 1965, []string{"John A. Smith", "Zed Quorn"}},
			{"Solid State Commun.", 1970, []string{"John Antony Smith", "Zed Quorn"}},
		}, "John A. Smith", "John Antony Smith", true},
		{"rare family name, papers far apart", []recallPaper{
			{"Nature", 1965, []string{"John A. Assimos", "Zed Quorn"}},
			{"Solid State Commun.", 1980, []string{"John Antony Assimos", "Yara Pell"}},
		}, "John A. Assimos", "John Antony Assimos", false},
	}
	for _, tt := range tests {
		if got := samePerson(t, tt.papers, tt.a, tt.b); got != tt.same {
			t.Errorf("%s: %q and %q one person: %v, want %v", tt.name, tt.a, tt.b, got, tt.same)
		}
	}
}

// A co-author written two ways counts in a second pass when the rules made
// the two spellings one person: "P. Kanjilal" with "A. Banerjee" (an
// initial under a frequent surname: no evidence as written) and "Pallab
// Bhattacharya" with "Animesh Banerjee", whom the rules joined on a paper
// of their own (after the hand check's #159, "P. Bhattacharya", whose
// surname is now frequent worldwide). With a co-author of another
// initial the pair stays apart; so it does when the co-author's merge
// rests on the pair's own names and "P." may be Prasanta too; and two
// pairs whose
// only evidence is each other under an ambiguous block (J.-J. Yang beside
// Jian Yang) do not corroborate each other.
func TestSecondPassCoauthorTwoWays(t *testing.T) {
	tests := []struct {
		name   string
		papers []recallPaper
		a, b   string
		same   bool
	}{
		{"co-author joined by the rules", []recallPaper{
			{"Appl. Phys. Lett.", 2010, []string{"P. Kanjilal", "A. Banerjee", "Zed Quorn"}},
			{"Nano Lett.", 2012, []string{"Pallab Kanjilal", "Animesh Banerjee", "Yara Pell"}},
			{"J. Appl. Phys.", 2011, []string{"A. Banerjee", "Wim Tolk"}},
			{"Phys. Rev. B", 2013, []string{"Animesh Banerjee", "Wim Tolk"}},
		}, "P. Kanjilal", "Pallab Kanjilal", true},
		{"another co-author's initial", []recallPaper{
			{"Appl. Phys. Lett.", 2010, []string{"P. Kanjilal", "S. Banerjee", "Zed Quorn"}},
			{"Nano Lett.", 2012, []string{"Pallab Kanjilal", "Animesh Banerjee", "Yara Pell"}},
			{"J. Appl. Phys.", 2011, []string{"A. Banerjee", "Wim Tolk"}},
			{"Phys. Rev. B", 2013, []string{"Animesh Banerjee", "Wim Tolk"}},
		}, "P. Kanjilal", "Pallab Kanjilal", false},
		{"co-author joined on the pair itself, the pair's block ambiguous", []recallPaper{
			{"Appl. Phys. Lett.", 2010, []string{"P. Kanjilal", "A. Banerjee", "Zed Quorn"}},
			{"Nano Lett.", 2012, []string{"Pallab Kanjilal", "Animesh Banerjee", "Yara Pell"}},
			{"J. Appl. Phys.", 2011, []string{"Prasanta Kanjilal", "Uma Vark"}},
		}, "P. Kanjilal", "Pallab Kanjilal", false},
		// "S. Kumar" and "S. K. Kumar" (initials under a frequent surname)
		// need two co-authors: Tom Vale, shared as written, is one, and
		// not two for being also "T. Vale" on another paper of S. Kumar.
		{"one co-author person counted once", []recallPaper{
			{"Appl. Phys. Lett.", 2010, []string{"S. Kumar", "Tom Vale", "Uma Vark"}},
			{"Nano Lett.", 2012, []string{"S. K. Kumar", "Tom Vale"}},
			{"J. Appl. Phys.", 2011, []string{"S. Kumar", "T. Vale"}},
			{"Phys. Rev. B", 2013, []string{"T. Vale", "Uma Vark"}},
		}, "S. Kumar", "S. K. Kumar", false},
		{"a circle under an ambiguous block", []recallPaper{
			{"Appl. Phys. Lett.", 2010, []string{"J.-J. Yang", "Y.-L. Wu"}},
			{"Nano Lett.", 2012, []string{"J. Yang", "Y. Wu"}},
			{"J. Appl. Phys.", 2011, []string{"Jian Yang", "Wim Tolk"}},
			{"Phys. Rev. B", 2013, []string{"Yan-Li Wu", "Uma Vark"}},
		}, "J.-J. Yang", "J. Yang", false},
	}
	for _, tt := range tests {
		if got := samePerson(t, tt.papers, tt.a, tt.b); got != tt.same {
			t.Errorf("%s: %q and %q one person: %v, want %v", tt.name, tt.a, tt.b, got, tt.same)
		}
	}
}
