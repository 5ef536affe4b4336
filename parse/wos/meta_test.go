package wos

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/examples/shared"
	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/internal/readertest"
)

// counts are what TestSharedExports asserts of a file.
type counts struct {
	papers, doi, venue, cited, sum, affiliated, keywords int
}

func countOf(papers []*parse.Paper) counts {
	var c counts
	for _, p := range papers {
		c.papers++
		if p.Venue != "" {
			c.venue++
		}
		m := p.Meta
		if m == nil {
			continue
		}
		if m.ID(parse.IDDOI) != "" {
			c.doi++
		}
		if m.Citations != nil {
			c.cited++
			c.sum += m.Citations.Count
		}
		if len(m.Keywords) > 0 {
			c.keywords++
		}
		if m.Affiliations != nil && len(m.Affiliations) != len(p.Authors) {
			panic(fmt.Sprintf("%d affiliation slots for %d authors", len(m.Affiliations), len(p.Authors)))
		}
		for _, a := range m.Affiliations {
			if len(a) > 0 {
				c.affiliated++
			}
		}
	}
	return c
}

// The real exports of ../shared/data/wos, their work records counted
// apart by testdata/count.py:
//
//	/usr/bin/python3 testdata/count.py ../../../shared/data/wos/FILE
func TestSharedExports(t *testing.T) {
	for _, tt := range []struct {
		file string
		want counts
	}{
		{"bibliometrix-wos_sample.txt", counts{8, 8, 8, 8, 8944, 25, 8}},
		{"metaknowledge-ManyAuthors.isi.gz", counts{500, 413, 500, 500, 33118, 1167, 242}},
		{"metaknowledge-savedrecs.txt", counts{32, 17, 32, 32, 735, 16, 3}},
		{"metaknowledge-testFile.isi", counts{34, 19, 34, 34, 812, 16, 3}},
		{"rispy-example_wos.txt", counts{2, 2, 2, 2, 54, 0, 0}},
		{"synthesisr-WoS_ciw_example.ciw", counts{5, 5, 5, 5, 0, 0, 0}},
		{"synthesisr-WoS_txt_example.txt", counts{4, 4, 4, 4, 0, 0, 0}},
		{"synthesisr-zoorec.txt", counts{134, 27, 134, 0, 0, 79, 134}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			path := shared.File(t, filepath.Join("wos", tt.file))
			papers, errs := readertest.ReadAll(t, NewReader(readertest.Open(t, path), parse.ReadOptions{File: tt.file}))
			if got := countOf(papers); got != tt.want || len(errs) > 0 {
				t.Errorf("got %+v, errors %q\nwant %+v", got, errs, tt.want)
			}
		})
	}
}

// One record's fields, and C1 addresses linked to author positions.
func TestRecord(t *testing.T) {
	src := `PT J
AU Lee, A
   Kim, B
   Roe, D
AF Lee, Ann
   Kim, Bo
   Roe, Di
TI A title
SO JOURNAL OF X
LA English
DT Article; Early Access
DE graph; co-authorship;
   network analysis
ID NETWORKS; SCIENCE
C1 [Lee, Ann; Roe, Di] Univ X, Dept Y, City, Italy.
   [Kim, Bo] Univ Z, City, Japan.
   [Lee, Ann] Univ W, City, Italy.
   Univ Nobody, Somewhere, USA.
TC 12
Z9 15
DA 2026-03-28
SN 1751-1577
EI 1875-5879
BN 978-3-16-148410-0
PY 2017
DI https://doi.org/10.1016/J.JOI.2017.08.007
PM 12345
UT WOS:000418020600003
ER
PT J
AU Ng, W
TI Old record
C1 OAK RIDGE NATL LAB,OAK RIDGE,TN 37830.
TC 3
ER
PT J
AU Stillman, Andrew N. (andrew.stillman@uconn.edu)
   Fox, E
TI Zoological Record
C1 Stillman, Andrew N.; Univ Connecticut, Ecol & Evolutionary Biol, Storrs,
   CT, 06269, USA, USA.
ER
PT J
AU Lee, A
   Kim, B
TI Addresses without names
C1 UNIV A, CITY.
   UNIV B, CITY.
ER
`
	papers, errs := readertest.ReadAll(t, NewReader(strings.NewReader(src), parse.ReadOptions{File: "x.txt"}))
	if len(papers) != 4 || len(errs) != 0 {
		t.Fatalf("papers %d, errors %q", len(papers), errs)
	}
	p, m := papers[0], papers[0].Meta
	for _, c := range []struct{ got, want string }{
		{p.Venue, "JOURNAL OF X"},
		{fmt.Sprint(m.IDs), "[doi:10.1016/j.joi.2017.08.007 wos:000418020600003 pmid:12345 isbn:9783161484100]"},
		{fmt.Sprint(m.ISSN), "[1751-1577 1875-5879]"},
		{m.Type + "|" + m.Language, "Article; Early Access|English"},
		{fmt.Sprintf("%q %q", m.Keywords, m.IndexKeywords), `["graph" "co-authorship" "network analysis"] ["NETWORKS" "SCIENCE"]`},
		{fmt.Sprint(*m.Citations), "{12 wos 2026-03-28}"}, // TC, not Z9
		{fmt.Sprint(m.Affiliations), "[[{Univ X, Dept Y, City, Italy    } {Univ W, City, Italy    }] [{Univ Z, City, Japan    }] [{Univ X, Dept Y, City, Italy    }]]"},
		// Without brackets: the sole author's.
		{fmt.Sprint(papers[1].Meta.Affiliations), "[[{OAK RIDGE NATL LAB,OAK RIDGE,TN 37830    }]]"},
		// "Name; Address" over two lines, the name as AU gives it.
		{fmt.Sprint(papers[2].Meta.Affiliations), "[[{Univ Connecticut, Ecol & Evolutionary Biol, Storrs, CT, 06269, USA, USA    }] []]"},
		// Addresses without names and two authors: linked to nobody.
		{fmt.Sprint(papers[3].Meta.Affiliations == nil, " ", papers[3].Meta.Type), "true J"},
	} {
		if c.got != c.want {
			t.Errorf("got  %s\nwant %s", c.got, c.want)
		}
	}
}

// Two records of one title, year and author list with different DOIs
// are two works, which the corpus keeps both.
func TestTwins(t *testing.T) {
	papers, errs := readertest.ReadAll(t, NewReader(readertest.Open(t, filepath.Join("testdata", "twins.txt")), parse.ReadOptions{File: "twins.txt"}))
	c := corpus.New()
	for _, p := range papers {
		c.Add(p)
	}
	if len(papers) != 2 || len(errs) != 0 || c.Len() != 2 || c.Meta(1).ID(parse.IDDOI) != "10.1000/b2" {
		t.Errorf("papers %d, errors %q, corpus keeps %d; want two works", len(papers), errs, c.Len())
	}
}
