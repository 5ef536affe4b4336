package corpus_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"coauthor/parse"
	. "coauthor/parse/corpus"
	"coauthor/parse/identity"
)

// A corpus compacted midway ends as one never compacted: the lookups come
// back for later papers, repeats are still found, ids still decide.
func TestCorpusCompact(t *testing.T) {
	papers := []*parse.Paper{
		{Title: "Graphs", Year: 2001, Authors: []string{"Ann Lee", "Bob Chen"}},
		{Title: "Trees", Year: 2002, Authors: []string{"Dana Kim", "Ann Lee"}, IDs: []string{"openalex:A1", ""}},
		{Title: "Trees", Year: 2003, Authors: []string{"D. Kim"}, IDs: []string{"openalex:A1"}},
		{Title: "graphs.", Year: 2001, Authors: []string{"Ann Lee"}}, // a repeat of the first
		{Title: "Forests", Year: 2004, Authors: []string{"Dana Kim", "Dana Kim", "Bob Chen"}, IDs: []string{"openalex:A1", "openalex:A1", ""}},
		{Title: "Fields", Year: 2005, Authors: []string{"D. Kim", "Ann Lee"}, IDs: []string{"openalex:A1", ""}},
	}
	plain, compacted := New(), New()
	var keptA, keptB []bool
	for i, p := range papers {
		keptA = append(keptA, plain.Add(p))
		if i == 3 || i == 4 {
			compacted.Compact()
		}
		keptB = append(keptB, compacted.Add(p))
	}
	want := []bool{true, true, true, false, true, true}
	if !slices.Equal(keptA, want) || !slices.Equal(keptB, want) {
		t.Errorf("kept %v and %v, want %v", keptA, keptB, want)
	}
	if !slices.Equal(plain.Names(), compacted.Names()) || plain.Len() != compacted.Len() {
		t.Fatalf("names %q and %q", plain.Names(), compacted.Names())
	}
	for i := 0; i < plain.Len(); i++ {
		if !slices.Equal(plain.Authors(i), compacted.Authors(i)) {
			t.Errorf("paper %d: %v and %v", i, plain.Authors(i), compacted.Authors(i))
		}
	}
	// Dana Kim and D. Kim share an id: two spellings, two name ids, one person.
	if got := plain.Names(); !slices.Equal(got, []string{"Ann Lee", "Bob Chen", "Dana Kim", "D. Kim"}) {
		t.Errorf("names %q", got)
	}
	id := identity.Resolve(compacted, identity.Options{})
	if len(id.People) != 3 || id.Person[2] != id.Person[3] {
		t.Errorf("people %+v", id.People)
	}
}

func TestCorpusDeduplicates(t *testing.T) {
	c := New()
	add := func(title string, year int, authors ...string) bool {
		return c.Add(&parse.Paper{Title: title, Year: year, Authors: authors})
	}
	if !add("A Paper", 2020, "Ada Lovelace", "Ada Lovelace", "Charles Babbage") {
		t.Fatal("first paper not kept")
	}
	if add("a paper.", 2020, "Ada Lovelace") {
		t.Error("same folded title and year kept twice")
	}
	if !add("A Paper", 2021, "Ada Lovelace") {
		t.Error("same title, other year dropped")
	}
	if add("No authors", 2020) {
		t.Error("paper without authors kept")
	}
	// Two works with one title and year: no shared author, or different
	// identifiers of the work.
	if !add("Reviews", 1934, "Ann Lee") || !add("Reviews", 1934, "Bo Chen") {
		t.Error("two works called Reviews (1934) by different authors kept as one")
	}
	if !c.Add(&parse.Paper{Title: "B Paper", Year: 2020, Authors: []string{"Ada Lovelace"}, Meta: &parse.Meta{IDs: []parse.WorkID{{Kind: parse.IDDOI, Value: "10.1/x"}}}}) ||
		!c.Add(&parse.Paper{Title: "B Paper", Year: 2020, Authors: []string{"A. Lovelace"}, Meta: &parse.Meta{IDs: []parse.WorkID{{Kind: parse.IDDOI, Value: "10.1/y"}}}}) {
		t.Error("a paper with another DOI dropped as a repeat")
	}
	if c.Len() != 6 || c.Duplicates() != 1 || len(c.Authors(0)) != 2 || c.NameCount(0) != 3 || c.DuplicateExample() != `"a paper." (2020), a repeat of "A Paper" (2020)` {
		t.Errorf("Len %d, Duplicates %d (e.g. %s), authors of paper 0 %v, count %d; want 6, 1, 2 ids, 3",
			c.Len(), c.Duplicates(), c.DuplicateExample(), c.Authors(0), c.NameCount(0))
	}
}

// A repeat that lists more authors than the kept record ("et al." first)
// gives the kept paper its list, whichever came first; the kept paper's
// affiliations stay with their authors.
func TestRepeatWithLongerList(t *testing.T) {
	doi := []parse.WorkID{{Kind: parse.IDDOI, Value: "10.1/z"}}
	short := func() *parse.Paper {
		return &parse.Paper{Title: "Z", Year: 2020, EtAl: true, Authors: []string{"Ann Lee", "Bo Chen"},
			Meta: &parse.Meta{IDs: doi, Affiliations: [][]parse.Affiliation{{{Name: "Uni A"}}, {{Name: "Uni B"}}}}}
	}
	long := func() *parse.Paper {
		return &parse.Paper{Title: "Z", Year: 2020, Authors: []string{"Cy Dee", "Ann Lee", "Bo Chen", "Cy Dee", "Di Eve"},
			Meta: &parse.Meta{IDs: doi}}
	}
	for _, order := range [][]*parse.Paper{{short(), long()}, {long(), short()}} {
		c := New()
		for _, p := range order {
			c.Add(p)
		}
		var got []string
		for _, id := range c.Authors(0) {
			got = append(got, c.Names()[id])
		}
		slices.Sort(got)
		if want := []string{"Ann Lee", "Bo Chen", "Cy Dee", "Di Eve"}; c.Len() != 1 || !slices.Equal(got, want) {
			t.Errorf("first EtAl=%v: %d papers, authors %v; want 1, %v", order[0].EtAl, c.Len(), got, want)
		}
		if c.EtAl() != 0 {
			t.Errorf("first EtAl=%v: EtAl() = %d, want 0: the kept list is whole", order[0].EtAl, c.EtAl())
		}
		for _, id := range c.Authors(0) {
			if c.NameCount(id) != 1 {
				t.Errorf("first EtAl=%v: NameCount(%s) = %d, want 1", order[0].EtAl, c.Names()[id], c.NameCount(id))
			}
		}
		if order[0].EtAl { // Uni B is Bo Chen's, at his new index
			if k := c.AuthorAt(0, 1); k < 0 || c.Names()[c.Authors(0)[k]] != "Bo Chen" {
				t.Errorf("affiliation 1 maps to index %d of %v, want Bo Chen's", k, c.Authors(0))
			}
		}
	}
}

// AuthorAt maps the source's author positions, which affiliations
// parallel, to the corpus's authors, which drop empty and repeated names.
func TestAuthorAt(t *testing.T) {
	aff := func(n int) *parse.Meta { return &parse.Meta{Affiliations: make([][]parse.Affiliation, n)} }
	c := New()
	c.Add(&parse.Paper{Title: "One", Authors: []string{"Ann Lee", "Bo Chen"}, Meta: aff(2)})
	c.Add(&parse.Paper{Title: "Two", Authors: []string{"Cy Dee", " ", "Ann Lee", "Cy Dee", "Bo Chen"}, Meta: aff(5)})
	c.Add(&parse.Paper{Title: "Three", Authors: []string{"Bo Chen", "", "Ann Lee"}}) // no affiliations: nothing kept
	want := [][]int{{0, 1, -1}, {0, -1, 1, 0, 2, -1}, {0, 1, -1}}
	for i, w := range want {
		var got []int
		for k := range w {
			got = append(got, c.AuthorAt(i, k))
		}
		if !slices.Equal(got, w) {
			t.Errorf("paper %d: AuthorAt = %v, want %v", i, got, w)
		}
	}
}

// An undated repeat is shown without a year, not as year 0 (issue 21, 17).
func TestDuplicateExampleUndated(t *testing.T) {
	c := New()
	for range 2 {
		c.Add(&parse.Paper{Title: "Notes", Authors: []string{"Ada Lovelace", "Bo Chen"}})
	}
	if ex := c.DuplicateExample(); c.Duplicates() != 1 || !strings.Contains(ex, `"Notes" (no year)`) || strings.Contains(ex, "(0)") {
		t.Errorf("%d duplicates, e.g. %s", c.Duplicates(), ex)
	}
}

// Each name's paper count is the same before and after Compact, and
// after the index grew past its first size (5,000 names: the index
// starts with room for 640) and was compacted and rebuilt midway.
func TestNameCountsAcrossGrowth(t *testing.T) {
	c := New()
	const n = 5000
	for i := 0; i < 3*n; i++ {
		if i == 2*n {
			c.Compact()
		}
		// Name k is listed on the papers i with i%n == k, and name
		// k+1 on them too (twice on the same paper counts once).
		k := i % n
		a := "Author " + strings.Repeat("x", k%7) + " " + string(rune('A'+k%26)) + " " + itoa(k)
		b := "Author " + strings.Repeat("x", (k+1)%7) + " " + string(rune('A'+(k+1)%26)) + " " + itoa(k+1)
		c.Add(&parse.Paper{Title: "T" + itoa(i), Year: 2000, Authors: []string{a, b, b}})
	}
	check := func(when string) {
		if len(c.Names()) != n+1 {
			t.Fatalf("%s: %d names, want %d", when, len(c.Names()), n+1)
		}
		for id := range c.Names() {
			want := 6 // three papers as first author, three as second
			if id == 0 || id == n {
				want = 3 // name 0 is never second; name n never first
			}
			if got := c.NameCount(int32(id)); got != want {
				t.Fatalf("%s: name %d (%s) on %d papers, want %d", when, id, c.Names()[id], got, want)
			}
		}
	}
	check("before Compact")
	c.Compact()
	check("after Compact")
}

func itoa(i int) string { return strconv.Itoa(i) }

// A paper whose list a longer repeat replaced gives its affiliations to
// no one rather than to the wrong author: its source list had an empty
// name, so three affiliations for "Ann Lee", "", "Bo Chen" and three
// authors after the repeat, whose third is Cy Dee, not Bo Chen.
func TestAffiliationsAfterLongerRepeat(t *testing.T) {
	doi := []parse.WorkID{{Kind: parse.IDDOI, Value: "10.1/z"}}
	c := New()
	c.Add(&parse.Paper{Title: "Z", Year: 2020, EtAl: true, Authors: []string{"Ann Lee", "", "Bo Chen"},
		Meta: &parse.Meta{IDs: doi, Affiliations: [][]parse.Affiliation{{{Name: "Uni A"}}, {{Name: "Nowhere"}}, {{Name: "Uni B"}}}}})
	c.Add(&parse.Paper{Title: "Z", Year: 2020, Authors: []string{"Ann Lee", "Bo Chen", "Cy Dee"}, Meta: &parse.Meta{IDs: doi}})
	if n := len(c.Authors(0)); c.Len() != 1 || n != 3 {
		t.Fatalf("%d papers, %d authors; want 1, 3", c.Len(), n)
	}
	if affs := c.Affiliations(0); affs != nil {
		t.Errorf("Affiliations = %v, want nil (Uni B is Bo Chen's, at index 1)", affs)
	}
	if k := c.AuthorAt(0, 2); k != 1 {
		t.Errorf("AuthorAt(0, 2) = %d, want 1 (Bo Chen)", k)
	}
	// A paper whose lengths agree one to one keeps its affiliations.
	c.Add(&parse.Paper{Title: "Y", Authors: []string{"Ann Lee"}, Meta: &parse.Meta{Affiliations: [][]parse.Affiliation{{{Name: "Uni A"}}}}})
	if affs := c.Affiliations(1); len(affs) != 1 || affs[0][0].Name != "Uni A" {
		t.Errorf("paper 1: Affiliations = %v, want Uni A", affs)
	}
}
