package identity

import (
	"slices"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/names"
)

// people resolves papers (each a list of author strings) and returns the
// persons with more than one spelling as "A | B" strings, sorted, and the
// identity.
func people(papers [][]string, opt Options) ([]string, *Identity) {
	c := corpus.New()
	for i, authors := range papers {
		c.Add(&parse.Paper{Title: "paper " + string(rune('A'+i)), Year: 2020, Authors: authors})
	}
	id := Resolve(c, opt)
	return variantGroups(id), id
}

// variantGroups lists the people of id with two spellings or more, each
// as its sorted spellings joined by " | ", sorted.
func variantGroups(id *Identity) []string {
	var groups []string
	for _, p := range id.People {
		if len(p.Variants) > 1 {
			var vs []string
			for _, v := range p.Variants {
				vs = append(vs, v.Name)
			}
			slices.Sort(vs)
			groups = append(groups, strings.Join(vs, " | "))
		}
	}
	slices.Sort(groups)
	return groups
}

// one puts each name on a paper of its own, so that no two share a paper.
func one(names ...string) [][]string {
	var papers [][]string
	for _, n := range names {
		papers = append(papers, []string{n})
	}
	return papers
}

// withCo puts each name on a paper of its own with the same co-author, who
// is then the evidence that joins them.
func withCo(names ...string) [][]string {
	var papers [][]string
	for _, n := range names {
		papers = append(papers, []string{n, "Grace Hopper"})
	}
	return papers
}

func TestResolveRules(t *testing.T) {
	tests := []struct {
		name   string
		papers [][]string
		want   []string // merged groups
		rule   string   // expected in the reasons, when merged
	}{
		// Rule 1: one folded key, no evidence needed.
		{"diacritics", one("Noemí Mercado", "Noemi Mercado"), []string{"Noemi Mercado | Noemí Mercado"}, "rule 1"},
		{"hyphen and space", one("Zac Hatfield-Dodds", "Zac Hatfield Dodds"), []string{"Zac Hatfield Dodds | Zac Hatfield-Dodds"}, "rule 1"},
		{"case and dots", one("J.R.R. Tolkien", "j r r tolkien"), []string{"J.R.R. Tolkien | j r r tolkien"}, "rule 1"},
		{"letters without decomposition", one("Łukasz Kaiser", "Lukasz Kaiser", "Søren Mindermann", "Soren Mindermann", "Jan Weiß", "Jan Weiss"),
			[]string{"Jan Weiss | Jan Weiß", "Lukasz Kaiser | Łukasz Kaiser", "Soren Mindermann | Søren Mindermann"}, "rule 1"},
		{"comma form", one("Bowman, Samuel R.", "Samuel R. Bowman"), []string{"Bowman, Samuel R. | Samuel R. Bowman"}, "rule 1"},
		{"comma form with suffix", one("Smith, John, Jr.", "John Smith Jr."), []string{"John Smith Jr. | Smith, John, Jr."}, "rule 1"},
		{"NFKC", one("Ａｄａ Lovelace", "Ada Lovelace"), []string{"Ada Lovelace | Ａｄａ Lovelace"}, "rule 1"},
		{"case folding", one("ΟΔΥΣΣΕΥΣ Ελύτης", "Οδυσσεύς Ελύτης"), []string{"ΟΔΥΣΣΕΥΣ Ελύτης | Οδυσσεύς Ελύτης"}, "rule 1"},
		// Strong matches: no evidence needed under an uncrowded family name.
		{"transliteration", one("Detlev Grützmacher", "Detlev Gruetzmacher"), []string{"Detlev Gruetzmacher | Detlev Grützmacher"}, "transliteration"},
		{"joined given name", one("Zhi-Min Gorecki", "Zhimin Gorecki"), []string{"Zhi-Min Gorecki | Zhimin Gorecki"}, "transliteration"},
		// Under a frequent surname the same joined name may be two people
		// ("Weiming Shao", "Wei-Ming Shao"): a co-author must say so.
		{"joined given name, frequent surname", one("Zhi-Min Liao", "Zhimin Liao"), nil, ""},
		{"joined given name, frequent surname, a co-author", withCo("Zhi-Min Liao", "Zhimin Liao"), []string{"Zhi-Min Liao | Zhimin Liao"}, "transliteration"},
		{"apostrophe", one("Laura J. van 't Veer", "Laura J. van't Veer"), []string{"Laura J. van 't Veer | Laura J. van't Veer"}, "transliteration"},
		// Rule 2, medium matches: merged under an uncrowded family name.
		{"nickname and middle initial", one("Samuel R. Bowman", "Sam Bowman"), []string{"Sam Bowman | Samuel R. Bowman"}, "rule 2"},
		{"nickname", one("Tom Henighan", "Thomas Henighan"), []string{"Thomas Henighan | Tom Henighan"}, "rule 2"},
		{"three spellings that all match", one("Sam Bowman", "Samuel Bowman", "Samuel R. Bowman"), []string{"Sam Bowman | Samuel Bowman | Samuel R. Bowman"}, "rule 2"},
		{"abbreviation", one("Th. Kessler", "Thomas Kessler"), []string{"Th. Kessler | Thomas Kessler"}, "rule 2"},
		{"abbreviation under a frequent surname", withCo("Th. Müller", "Thomas Müller"), []string{"Th. Müller | Thomas Müller"}, "rule 2"},
		{"reversed order", one("Zhang Shuming", "Shuming Zhang"), []string{"Shuming Zhang | Zhang Shuming"}, "rule 2"},
		// Rule 2, weak matches: merged with a shared co-author.
		{"initial", withCo("S. Bowman", "Samuel Bowman"), []string{"S. Bowman | Samuel Bowman"}, "rule 2"},
		{"middle initial and middle name", withCo("Samuel Robert Bowman", "Samuel R. Bowman"), []string{"Samuel R. Bowman | Samuel Robert Bowman"}, "rule 2"},
		{"particle in the family name", withCo("Ludwig van Beethoven", "L. van Beethoven"), []string{"L. van Beethoven | Ludwig van Beethoven"}, "rule 2"},
		{"glued initials", withCo("MP Pelletier", "Marc P. Pelletier"), []string{"MP Pelletier | Marc P. Pelletier"}, "rule 2"},
		{"initials of a hyphenated name", withCo("J.-K. Huang", "Jing-Kai Huang"), []string{"J.-K. Huang | Jing-Kai Huang"}, "rule 2"},
		// Rule 3: family names one letter apart, with a shared co-author.
		{"transposition", withCo("Kamilė Lukošiūtė", "Kamile Lukosuite"), []string{"Kamile Lukosuite | Kamilė Lukošiūtė"}, "rule 3"},
		{"deletion", withCo("Jackson Kernion", "Jackson Kerion"), []string{"Jackson Kerion | Jackson Kernion"}, "rule 3"},
		{"substitution", withCo("Azalia Mirhoseini", "Azalia Mirhosseini"), []string{"Azalia Mirhoseini | Azalia Mirhosseini"}, "rule 3"},
		{"typo in a name with an umlaut", withCo("Klaus Schönfelder", "Klaus Schönfeldner"), []string{"Klaus Schönfelder | Klaus Schönfeldner"}, "rule 3"},
		{"umlaut written ue against its dots left out", withCo("Hans Muellerich", "Hans Mullerich"), []string{"Hans Muellerich | Hans Mullerich"}, ""},
		// Refusals.
		{"initial without evidence", one("S. Bowman", "Samuel Bowman"), nil, ""},
		{"typo without evidence", one("Jackson Kernion", "Jackson Kerion"), nil, ""},
		{"different given names", withCo("Dario Amodei", "Daniela Amodei"), nil, ""},
		{"different given names, common surname", withCo("Anna Chen", "Carol Chen", "Edwin Chen"), nil, ""},
		{"different middle initials", withCo("Samuel R. Bowman", "Samuel T. Bowman"), nil, ""},
		{"ambiguous short form", withCo("Sam Bowman", "Samuel R. Bowman", "Samuel T. Bowman"), nil, ""},
		{"ambiguous initial", withCo("J. Smith", "John Smith", "Jane Smith"), nil, ""},
		{"two short forms of one name", one("Sandy Ferreira", "Alex Ferreira"), nil, ""},
		{"hyphenated given name", one("Jing Huang", "Jing-Kai Huang"), nil, ""},
		{"compound family name", withCo("A. Gomez", "Andres Castellanos-Gomez"), nil, ""},
		{"compound family name without hyphen", withCo("A. Dosil Suárez", "Abril Suárez"), nil, ""},
		{"not a name", withCo("W S Karpov S Yun", "W. S. Karpov"), nil, ""},
		{"on one paper", [][]string{{"Tom Brown", "Thomas Brown"}}, nil, ""},
		{"typo rule on one paper", [][]string{{"Jackson Kernion", "Jackson Kerion"}}, nil, ""},
		{"short family name", withCo("Jamie Kerr", "Jamie Kern"), nil, ""},
		{"typo with another given name", withCo("Anna Lukosuite", "Kamile Lukosiute"), nil, ""},
		{"two edits", withCo("Jackson Kernion", "Jackson Kerrian"), nil, ""},
		// An umlaut against another vowel is another name, not a typo
		// (hand check #2345: two people in one lab).
		{"umlaut for another vowel", withCo("Daniel Höller", "Daniel Heller"), nil, ""},
		{"umlaut written oe for another vowel", withCo("Daniel Hoeller", "Daniel Heller"), nil, ""},
		{"umlaut written oe for another written ue", withCo("Hans Moellerich", "Hans Muellerich"), nil, ""},
		{"umlaut for another vowel, substitution", withCo("Hans Müllner", "Hans Millner"), nil, ""},
		{"another umlaut", withCo("Hans Müller", "Hans Möller"), nil, ""},
		{"another umlaut, capital", withCo("Jürgen Bäcker", "Jürgen Böcker"), nil, ""},
		{"suffix without evidence", one("John Smith Jr.", "John Smith"), nil, ""},
		{"given name only in one", withCo("Plato", "Jon Plato"), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, id := people(tt.papers, Options{})
			if !slices.Equal(got, tt.want) {
				t.Fatalf("merged %q, want %q; kept apart: %v", got, tt.want, id.KeptApart)
			}
			for _, p := range id.People {
				if len(p.Variants) > 1 && !strings.Contains(strings.Join(p.Reasons, "\n"), tt.rule) {
					t.Errorf("%s: reasons %q, want them mentioning %s", p.Name, p.Reasons, tt.rule)
				}
			}
		})
	}
}

// Co-author evidence comes from the spellings as written: two pairs that
// would each lend the other its only shared co-author (J.-J. Yang and J.
// Yang, Y.-L. Wu and Y. Wu) are not merged.
func TestResolveNoCircularEvidence(t *testing.T) {
	papers := [][]string{{"J.-J. Yang", "Y.-L. Wu"}, {"J. Yang", "Y. Wu"}}
	if got, id := people(papers, Options{}); len(got) != 0 {
		t.Errorf("merged %q; kept apart %v", got, id.KeptApart)
	}
}

func TestResolveExplainsRefusals(t *testing.T) {
	tests := []struct {
		papers [][]string
		why    string
	}{
		{withCo("Sam Bowman", "Samuel R. Bowman", "Samuel T. Bowman"), "ambiguous"},
		{[][]string{{"Tom Brown", "Thomas Brown"}}, `both appear on "paper A"`},
		{one("S. Bowman", "Samuel Bowman"), "no shared co-author"},
	}
	for _, tt := range tests {
		_, id := people(tt.papers, Options{})
		found := false
		for _, k := range id.KeptApart {
			found = found || strings.Contains(k.Why, tt.why)
		}
		if !found {
			t.Errorf("%q: kept apart %+v, want one mentioning %q", tt.papers, id.KeptApart, tt.why)
		}
	}
}

func TestResolveDisplayName(t *testing.T) {
	tests := []struct {
		papers [][]string
		want   string
	}{
		{[][]string{{"Tom Henighan"}, {"Tom Henighan"}, {"Thomas Henighan"}}, "Tom Henighan"}, // most frequent
		{one("Noemi Mercado", "Noemí Mercado"), "Noemí Mercado"},                              // tie: diacritics
		{one("Sam Bowman", "Samuel R. Bowman"), "Samuel R. Bowman"},                           // tie: longest
	}
	for _, tt := range tests {
		_, id := people(tt.papers, Options{})
		if len(id.People) != 1 || id.People[0].Name != tt.want {
			t.Errorf("%q: people %+v, want one named %q", tt.papers, id.People, tt.want)
		}
	}
}

func TestResolveNoMergeAndThesaurus(t *testing.T) {
	papers := one("Noemí Mercado", "Noemi Mercado", "Sam Bowman", "Samuel R. Bowman", "Jackson Kernion", "Jackson Kerion")
	if got, _ := people(papers, Options{NoMerge: true}); got != nil {
		t.Errorf("with NoMerge merged %q", got)
	}
	th, err := ReadThesaurus(strings.NewReader("variant,canonical\nJackson Kerion,Jackson Kerion\nSam Bowman,S. R. Bowman\n"), "th.csv")
	if err != nil {
		t.Fatal(err)
	}
	got, id := people(papers, Options{Thesaurus: th})
	want := []string{"Noemi Mercado | Noemí Mercado"}
	if !slices.Equal(got, want) {
		t.Errorf("with thesaurus merged %q, want %q", got, want)
	}
	names := map[string]bool{}
	for _, p := range id.People {
		names[p.Name] = true
	}
	// The thesaurus renames Sam Bowman and keeps Kerion apart from Kernion;
	// Samuel R. Bowman, compatible with a name the thesaurus governs, stays.
	for _, n := range []string{"S. R. Bowman", "Samuel R. Bowman", "Jackson Kerion", "Jackson Kernion"} {
		if !names[n] {
			t.Errorf("no person named %q in %v", n, names)
		}
	}
	got, _ = people(one("Dario Amodei", "D. Amodei"), Options{NoMerge: true, Thesaurus: th})
	if got != nil {
		t.Errorf("thesaurus without matching entries merged %q", got)
	}
	th2, _ := ReadThesaurus(strings.NewReader("D. Amodei\tDario Amodei\n"), "th.tsv")
	got, _ = people(one("Dario Amodei", "D. Amodei"), Options{NoMerge: true, Thesaurus: th2})
	if want := []string{"D. Amodei | Dario Amodei"}; !slices.Equal(got, want) {
		t.Errorf("tab-separated thesaurus with NoMerge merged %q, want %q", got, want)
	}
}

func TestReadThesaurusErrors(t *testing.T) {
	for _, src := range []string{"a,b,c\n", "only one field\n", ",b\n"} {
		if _, err := ReadThesaurus(strings.NewReader(src), "th.csv"); err == nil || !strings.Contains(err.Error(), "th.csv:1") {
			t.Errorf("ReadThesaurus(%q) error = %v, want one at th.csv:1", src, err)
		}
	}
	th, err := ReadThesaurus(strings.NewReader("# comment\n\"Bowman, Samuel\",Samuel Bowman\n"), "th.csv")
	if err != nil {
		t.Fatal(err)
	}
	if name, line, ok := th.Canonical(names.Key("Samuel Bowman")); !ok || name != "Samuel Bowman" || line != 2 {
		t.Errorf("Canonical = %q, %d, %v; want the quoted comma-form entry at line 2", name, line, ok)
	}
}

// Person ids do not depend on the order papers arrive in.
func TestResolveStableIDs(t *testing.T) {
	a := [][]string{{"Tom Brown", "Ada Lovelace"}, {"Thomas Brown", "Charles Babbage"}}
	b := [][]string{{"Thomas Brown", "Charles Babbage"}, {"Tom Brown", "Ada Lovelace"}}
	_, ia := people(a, Options{})
	_, ib := people(b, Options{})
	var na, nb []string
	for i := range ia.People {
		na = append(na, ia.People[i].Name)
		nb = append(nb, ib.People[i].Name)
	}
	if !slices.Equal(na, nb) {
		t.Errorf("order of people depends on input order: %q vs %q", na, nb)
	}
}

// Authors with an identity from the source (a DBLP homonym number, an
// OpenAlex id) are told apart by it: one id is one person whatever the
// spelling, two ids are two people whatever the spelling, and the rules
// leave them alone.
func TestResolveSourceIDs(t *testing.T) {
	c := corpus.New()
	add := func(title string, authors, ids []string) {
		c.Add(&parse.Paper{Title: title, Year: 2014, Authors: authors, IDs: ids})
	}
	add("a", []string{"Manish Singh", "Ann Lee"}, []string{"dblp:Manish Singh 0001", ""})
	add("b", []string{"Manish Singh", "Bo Chen"}, []string{"dblp:Manish Singh 0002", ""})
	add("c", []string{"Manish Singh"}, nil)
	add("d", []string{"Manish Singh"}, []string{"dblp:Manish Singh 0001"})
	add("e", []string{"Dana Kim"}, []string{"openalex:A1"})
	add("f", []string{"D. Kim"}, []string{"openalex:A1"})
	add("g", []string{"Dana Kim"}, []string{"openalex:A2"})
	add("h", []string{"Dana Kim"}, nil)
	id := Resolve(c, Options{})
	var got []string
	for _, p := range id.People {
		var vs []string
		for _, v := range p.Variants {
			vs = append(vs, v.Name)
		}
		got = append(got, p.Name+" ["+p.ID+"] "+strings.Join(vs, "|"))
	}
	slices.Sort(got)
	want := []string{
		"Ann Lee [] Ann Lee",
		"Bo Chen [] Bo Chen",
		"Dana Kim [] Dana Kim",
		"Dana Kim [openalex:A1] Dana Kim|D. Kim",
		"Dana Kim [openalex:A2] Dana Kim",
		"Manish Singh [] Manish Singh",
		"Manish Singh [dblp:Manish Singh 0001] Manish Singh",
		"Manish Singh [dblp:Manish Singh 0002] Manish Singh",
	}
	if !slices.Equal(got, want) {
		t.Errorf("people:\n got %q\nwant %q", got, want)
	}
	for _, p := range id.People {
		if p.ID == "openalex:A1" && (len(p.Reasons) != 1 || !strings.Contains(p.Reasons[0], "one author id in the source")) {
			t.Errorf("reasons for %s: %q", p.ID, p.Reasons)
		}
	}
	if n := c.NameCount(0); n != 2 {
		t.Errorf("Manish Singh 0001 is on %d papers, want 2", n)
	}
}

// Found by the hand check of real libraries: "S. C. Chang" is not
// "Shoou-Jinn Chang" (the C. is not the J. of Jinn), and Mueller is as
// frequent a surname as Müller, so a middle initial in one spelling only
// needs a shared co-author.
func TestResolveHandCheckFindings(t *testing.T) {
	for _, papers := range [][][]string{
		withCo("S. C. Chang", "Shoou-Jinn Chang"),
		one("Alexander H Mueller", "Alexander Müller"),
	} {
		if got, id := people(papers, Options{}); len(got) != 0 {
			t.Errorf("merged %q; kept apart %v", got, id.KeptApart)
		}
	}
}

// A weak match (an initial against a full name, or initials only) under
// a frequent or crowded family name needs two shared co-authors: one is
// not enough, two are.
func TestResolveWeakMatchNeedsTwoCoauthors(t *testing.T) {
	// Papers of a and b, each with the co-authors given; the crowd are
	// other spellings of the family name on papers of their own.
	papers := func(a, b string, co []string, crowd ...string) [][]string {
		out := [][]string{append([]string{a}, co...), append([]string{b}, co...)}
		for _, n := range crowd {
			out = append(out, []string{n, "Grace Hopper"})
		}
		return out
	}
	// Eleven first names under Novak, four of them J.: "J. Novak" could
	// be any of four people.
	novaks := []string{"Jana Novak", "Josef Novak", "Jiri Novak", "Petr Novak", "Pavel Novak", "Karel Novak",
		"Martin Novak", "Tomas Novak", "Eva Novak", "Lucie Novak"}
	for _, tt := range []struct {
		name string
		a, b string
		// crowd, then the why of the refusal with one co-author
		crowd []string
		why   string
	}{
		{"initials only, frequent surname", "R. Wilson", "R. K. Wilson", nil, "initials only"},
		{"initial of a full name, crowded family", "J. Novak", "Jan Novak", novaks, "one shared co-author is not enough"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, id := people(papers(tt.a, tt.b, []string{"Ada Lovelace"}, tt.crowd...), Options{})
			if len(got) != 0 {
				t.Errorf("one shared co-author merged %q", got)
			}
			found := false
			for _, k := range id.KeptApart {
				found = found || slices.Contains(k.Names, tt.a) && slices.Contains(k.Names, tt.b) && strings.Contains(k.Why, tt.why)
			}
			if !found {
				t.Errorf("one shared co-author: kept apart %+v, want %q / %q mentioning %q", id.KeptApart, tt.a, tt.b, tt.why)
			}
			got, id = people(papers(tt.a, tt.b, []string{"Ada Lovelace", "Alan Turing"}, tt.crowd...), Options{})
			pair := []string{tt.a, tt.b}
			slices.Sort(pair)
			if want := []string{strings.Join(pair, " | ")}; !slices.Equal(got, want) {
				t.Errorf("two shared co-authors merged %q, want %q; kept apart %+v", got, want, id.KeptApart)
			}
		})
	}
}
