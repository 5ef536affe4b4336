package corpus_test

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"coauthor/parse"
	. "coauthor/parse/corpus"
)

func ids(kv ...string) *parse.Meta {
	m := &parse.Meta{}
	for i := 0; i+1 < len(kv); i += 2 {
		m.AddID(kv[i], kv[i+1])
	}
	return m
}

// The rule for two records being one work: ids first, then title, year
// and a shared author when no id of one kind is in both.
func TestRepeatRule(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b parse.Paper
		one  bool
	}{
		{"same DOI, title case differs", parse.Paper{Title: "Deep Nets", Year: 2020, Authors: []string{"Ann Lee"}, Meta: ids(parse.IDDOI, "10.1000/A1")},
			parse.Paper{Title: "Deep nets: a survey", Year: 2021, Authors: []string{"A. Lee"}, Meta: ids(parse.IDDOI, "https://doi.org/10.1000/a1")}, true},
		{"different DOIs, same title", parse.Paper{Title: "Editorial", Year: 2020, Authors: []string{"Ann Lee", "Bo Chen"}, Meta: ids(parse.IDDOI, "10.1000/a1")},
			parse.Paper{Title: "Editorial", Year: 2020, Authors: []string{"Ann Lee"}, Meta: ids(parse.IDDOI, "10.1000/b2")}, false},
		{"same DOI, another id of one kind differs", parse.Paper{Title: "X", Year: 2020, Authors: []string{"Ann Lee"}, Meta: ids(parse.IDDOI, "10.1000/x", parse.IDPMID, "1")},
			parse.Paper{Title: "X", Year: 2020, Authors: []string{"Ann Lee"}, Meta: ids(parse.IDDOI, "10.1000/x", parse.IDPMID, "2")}, false},
		{"same DOI, no shared author (a proceedings DOI on each paper)", parse.Paper{Title: "One", Year: 2020, Authors: []string{"Ann Lee"}, Meta: ids(parse.IDDOI, "10.1000/proc")},
			parse.Paper{Title: "Two", Year: 2020, Authors: []string{"Bo Chen"}, Meta: ids(parse.IDDOI, "10.1000/proc")}, false},
		{"ids of different kinds: the title decides", parse.Paper{Title: "X", Year: 2020, Authors: []string{"Ann Lee"}, Meta: ids(parse.IDDOI, "10.1000/x")},
			parse.Paper{Title: "x.", Year: 2020, Authors: []string{"Ann Lee"}, Meta: ids(parse.IDArXiv, "2101.00001")}, true},
		{"id on one side only: the title decides", parse.Paper{Title: "X", Year: 2020, Authors: []string{"Ann Lee"}},
			parse.Paper{Title: "X", Year: 2020, Authors: []string{"Ann Lee"}, Meta: ids(parse.IDDOI, "10.1000/x")}, true},
		{"id on the first only: the title decides", parse.Paper{Title: "X", Year: 2020, Authors: []string{"Ann Lee"}, Meta: ids(parse.IDDBLP, "conf/x/1")},
			parse.Paper{Title: "X.", Year: 2020, Authors: []string{"Ann Lee"}}, true},
		{"no ids, other year", parse.Paper{Title: "X", Year: 2020, Authors: []string{"Ann Lee"}},
			parse.Paper{Title: "X", Year: 2021, Authors: []string{"Ann Lee"}}, false},
		{"no ids, no shared author", parse.Paper{Title: "Reviews", Year: 1934, Authors: []string{"Ann Lee"}},
			parse.Paper{Title: "Reviews", Year: 1934, Authors: []string{"Bo Chen"}}, false},
		{"same arXiv id, other version, other title", parse.Paper{Title: "A", Year: 2020, Authors: []string{"Ann Lee"}, Meta: ids(parse.IDArXiv, "2101.00001v1")},
			parse.Paper{Title: "B", Year: 2021, Authors: []string{"Lee, Ann"}, Meta: ids(parse.IDArXiv, "arXiv:2101.00001v2")}, true},
		{"DBLP keys differ (CoRR and conference)", parse.Paper{Title: "X", Year: 2020, Authors: []string{"Ann Lee"}, Meta: ids(parse.IDDBLP, "journals/corr/abs-1")},
			parse.Paper{Title: "X", Year: 2020, Authors: []string{"Ann Lee"}, Meta: ids(parse.IDDBLP, "conf/x/Lee20")}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, compact := range []bool{false, true} {
				c := New()
				a, b := tc.a, tc.b
				c.Add(&a)
				if compact {
					c.Compact()
				}
				if kept := c.Add(&b); kept == tc.one {
					t.Errorf("compacted %v: second kept %v, want one work %v", compact, kept, tc.one)
				}
				k := New()
				k.KeepRepeats = true
				a, b = tc.a, tc.b
				if !k.Add(&a) || !k.Add(&b) || k.Len() != 2 {
					t.Error("KeepRepeats dropped a record")
				}
			}
		})
	}
	if Relate(ids(parse.IDDOI, "10.1000/x").IDs, ids(parse.IDDOI, "10.1000/X", parse.IDPMID, "3").IDs) != SameID {
		t.Error("Relate: same DOI not SameID")
	}
}

// A repeat dropped gives the kept paper the ids and fields it lacks; the
// message names both records with where they were read and their ids.
func TestRepeatMerges(t *testing.T) {
	c := New()
	c.Source("a.bib")
	c.Add(&parse.Paper{Title: "Editorial", Year: 2020, Line: 3, Authors: []string{"Ann Lee", "Bo Chen"}, Meta: &parse.Meta{IDs: ids(parse.IDDOI, "10.1000/a1").IDs, Type: "article"}})
	c.Source("empty.ris")
	c.Source("b.ris")
	drop := &parse.Paper{Title: "EDITORIAL", Year: 2020, Line: 12, Authors: []string{"Lee, A.", "B. Chen"}, Meta: &parse.Meta{
		IDs: ids(parse.IDDOI, "10.1000/A1", parse.IDScopus, "2-s2.0-1").IDs, Type: "JOUR", URL: "https://x.org/1",
		Citations:    &parse.Citations{Count: 5, Source: "scopus"},
		Affiliations: [][]parse.Affiliation{{{Name: "Uni A"}}, nil}}}
	if c.Add(drop) {
		t.Fatal("same DOI kept twice")
	}
	want := &parse.Meta{IDs: []parse.WorkID{{Kind: parse.IDDOI, Value: "10.1000/a1"}, {Kind: parse.IDScopus, Value: "2-s2.0-1"}}, Type: "article", URL: "https://x.org/1",
		Citations: &parse.Citations{Count: 5, Source: "scopus"}, Affiliations: [][]parse.Affiliation{{{Name: "Uni A"}}, nil}}
	if got := c.Meta(0); !reflect.DeepEqual(got, want) {
		t.Errorf("merged meta\n%+v, want\n%+v", got, want)
	}
	if got, w := c.DuplicateExample(), `b.ris:12 "EDITORIAL" (2020) doi:10.1000/a1 eid:2-s2.0-1, a repeat of a.bib:3 "Editorial" (2020) doi:10.1000/a1`; got != w {
		t.Errorf("example %s, want %s", got, w)
	}
	// The eid the repeat brought finds the paper too.
	if c.Add(&parse.Paper{Title: "Other title", Year: 2020, Authors: []string{"Bo Chen"}, Meta: ids(parse.IDScopus, "2-s2.0-1")}) {
		t.Error("a record with the eid merged in kept")
	}
	c.Add(&parse.Paper{Title: "Next", Year: 2021, Line: 40, Authors: []string{"Cy Dee"}})
	if c.Where(0) != "a.bib:3" || c.Where(1) != "b.ris:40" {
		t.Errorf("where %q, %q", c.Where(0), c.Where(1))
	}
}

// Meta survives the compact encoding whole.
func TestMetaRoundTrip(t *testing.T) {
	m := &parse.Meta{
		IDs:           []parse.WorkID{{Kind: parse.IDDOI, Value: "10.1/x"}, {Kind: parse.IDDBLP, Value: "conf/x/Y"}, {Kind: "future", Value: "v"}},
		ISSN:          []string{"1234-5678", "8765-432X"},
		Type:          "inproceedings",
		URL:           "https://example.org/é",
		Language:      "en",
		Keywords:      []string{"graphs", ""},
		IndexKeywords: []string{"MeSH"},
		Citations:     &parse.Citations{Count: -1, Source: "wos", Date: "2026-01-02"},
		Affiliations:  [][]parse.Affiliation{nil, {{Name: "A", ROR: "05dxps055", GRID: "grid.1.2", Country: "FR"}, {Name: "B", ID: "I42"}}, nil},
	}
	c := New()
	c.Add(&parse.Paper{Title: "T", Authors: []string{"A B"}})
	c.Add(&parse.Paper{Title: "U", Authors: []string{"A B"}, Meta: m})
	c.Add(&parse.Paper{Title: "V", Authors: []string{"A B"}, Meta: &parse.Meta{}})
	if c.Meta(0) != nil || c.Meta(2) != nil {
		t.Errorf("meta of papers without: %+v, %+v", c.Meta(0), c.Meta(2))
	}
	if got := c.Meta(1); !reflect.DeepEqual(got, m) {
		t.Errorf("got\n%+v, want\n%+v", got, m)
	}
}

// While every paper with ids has a DBLP key, papers are filed under it
// alone; a record with a DOI and no key still finds the paper with that
// DOI, and one with another key stays apart.
func TestRepeatAcrossIDKinds(t *testing.T) {
	for _, compact := range []bool{false, true} {
		c := New()
		add := func(title string, m *parse.Meta) bool {
			return c.Add(&parse.Paper{Title: title, Year: 2020, Authors: []string{"Ann Lee"}, Meta: m})
		}
		if !add("A", ids(parse.IDDBLP, "conf/a/1", parse.IDDOI, "10.1000/a")) || !add("B", ids(parse.IDDBLP, "conf/a/2", parse.IDDOI, "10.1000/b")) {
			t.Fatal("two works dropped")
		}
		if add("A", ids(parse.IDDBLP, "journals/corr/3", parse.IDDOI, "10.1000/a")) == false {
			t.Error("another DBLP key with the same DOI dropped")
		}
		if compact {
			c.Compact()
		}
		if add("A, the journal version", ids(parse.IDDBLP, "conf/a/1")) {
			t.Error("the same DBLP key kept twice")
		}
		if add("Other title", ids(parse.IDDOI, "10.1000/b")) {
			t.Error("a record with B's DOI only kept")
		}
		if !add("B again", ids(parse.IDArXiv, "2101.00001")) { // another title: a new work
			t.Error("a new work dropped")
		}
		if add("Third", ids(parse.IDArXiv, "2101.00001v3")) {
			t.Error("the same arXiv id kept twice")
		}
		if c.Duplicates() != 3 {
			t.Errorf("compacted %v: %d duplicates, want 3", compact, c.Duplicates())
		}
	}
}

// Meta across many chunks, and one larger than a chunk, reads back whole.
func TestMetaChunks(t *testing.T) {
	c := New()
	c.KeepRepeats = true
	want := func(i int) *parse.Meta {
		n := 1000
		if i == 1501 {
			n = 3 << 20
		}
		return &parse.Meta{Type: strings.Repeat("t", n) + strconv.Itoa(i)}
	}
	for i := range 3000 {
		var m *parse.Meta
		if i%3 != 0 {
			m = want(i)
		}
		c.Add(&parse.Paper{Title: "T", Authors: []string{"A B"}, Meta: m})
	}
	for i := range 3000 {
		got := c.Meta(i)
		if i%3 == 0 && got != nil || i%3 != 0 && (got == nil || got.Type != want(i).Type) {
			t.Fatalf("paper %d: meta of %d bytes", i, len(got.Type))
		}
	}
}

// Papers with DBLP keys are not filed by title until a record without
// ids comes, which may repeat any of them; then all are.
func TestTitlesFiledWhenNeeded(t *testing.T) {
	c := New()
	add := func(title string, m *parse.Meta) bool {
		return c.Add(&parse.Paper{Title: title, Year: 2020, Authors: []string{"Ann Lee"}, Meta: m})
	}
	add("T", ids(parse.IDDBLP, "conf/a/1"))
	add("U", ids(parse.IDDBLP, "conf/a/2"))
	if add("T", ids(parse.IDDBLP, "conf/a/3")) == false {
		t.Error("another DBLP key dropped")
	}
	if add("t.", nil) || add("U", nil) {
		t.Error("a record without ids repeating a DBLP paper kept")
	}
	if !add("V", ids(parse.IDDBLP, "conf/a/4")) || add("v", nil) || add("V", ids(parse.IDDOI, "10.1000/v")) {
		t.Error("V: the DBLP paper, a repeat without ids, or one with a DOI only")
	}
	if c.Len() != 4 || c.Duplicates() != 4 {
		t.Errorf("%d papers, %d duplicates; want 4, 4", c.Len(), c.Duplicates())
	}
}
