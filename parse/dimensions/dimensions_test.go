package dimensions

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/internal/readertest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

const fixture = "fixture-dimensions.csv"

// The fixture (written here from a real export's layout; see
// testdata/SOURCES.md): 4 rows, one without authors (hyper-authorship),
// 6 author names, counted with Python's csv.
func TestFixture(t *testing.T) {
	readertest.RealFiles(t, parse.FormatDimensions, "", NewReader, []readertest.RealFile{
		{Name: fixture, Want: readertest.Counts{Papers: 3, Authors: 6, Unauthored: 1}},
	}, func(t *testing.T, _ readertest.RealFile, papers []*parse.Paper) {
		p := papers[0]
		if strings.Join(p.Authors, "|") != "Ann Lee|Bo-Ra Kim|Jan van der Berg" || p.Year != 2021 || p.Meta.ID(parse.IDDOI) != "10.1000/fixture.1" ||
			p.Title != "Co-authorship networks of a small field" || p.Line != 3 || p.Venue != "Journal of Fixtures" {
			t.Errorf("first paper %+v", p)
		}
		if papers[1].Year != 2019 || papers[1].Meta.ID(parse.IDDimensions) != "pub.1000000003" {
			t.Errorf("second paper %+v", papers[1])
		}
	})
}

func TestGolden(t *testing.T) {
	for _, name := range []string{fixture, twins} {
		r := NewReader(readertest.Open(t, filepath.Join("testdata", name)), parse.ReadOptions{File: name})
		readertest.GoldenPapers(t, filepath.Join("testdata", "golden", name+".json"), r, *update)
	}
}

const twins = "fixture-dimensions-twins.csv"

// The work record of each row (see testdata/SOURCES.md), and two rows of
// equal title, year and authors but different DOIs: two works, which the
// corpus keeps both.
func TestMeta(t *testing.T) {
	papers, errs := readertest.ReadAll(t, NewReader(readertest.Open(t, filepath.Join("testdata", twins)), parse.ReadOptions{File: twins}))
	if len(papers) != 3 || len(errs) != 0 {
		t.Fatalf("papers %d, errors %q; want 3", len(papers), errs)
	}
	m := papers[0].Meta
	if got := fmt.Sprintf("%v|%s|%v|%q|%s|%s", m.IDs, m.Type, *m.Citations, m.IndexKeywords, m.URL, papers[0].Venue); got !=
		`[doi:10.1000/twin.1 dimensions:pub.1000000011]|Article|{7 dimensions }|["Humans" "Social Networking"]||Journal of Fixtures` {
		t.Errorf("first row: %s", got)
	}
	// "Authors Affiliations" first; the raw affiliations where it is empty.
	for i, want := range []string{"[[{Univ A    } {Inst B (Lab 2)    }] [{Univ C    }]]", "[[{Raw A    }] [{Raw C    }]]", "[[] [{Univ F    }]]"} {
		if got := fmt.Sprint(papers[i].Meta.Affiliations); got != want {
			t.Errorf("row %d affiliations %s, want %s", i+1, got, want)
		}
	}
	// Without a DOI, the Dimensions page is the link.
	if m := papers[2].Meta; m.URL != "https://app.dimensions.ai/details/publication/pub.1000000013" || m.ID(parse.IDPMCID) != "PMC123" || m.Citations.Count != 0 {
		t.Errorf("third row %+v", m)
	}
	c := corpus.New()
	if !c.Add(papers[0]) || !c.Add(papers[1]) || c.Len() != 2 || c.Meta(1).ID(parse.IDDOI) != "10.1000/twin.2" {
		t.Errorf("two works of one title and one author list with different DOIs: corpus keeps %d", c.Len())
	}
}

func TestErrors(t *testing.T) {
	r := NewReader(strings.NewReader("Rank,Name\n1,x\n"), parse.ReadOptions{File: "d.csv"})
	if _, err := r.Read(); err == nil || !strings.Contains(err.Error(), "d.csv:1: "+ErrHeader.Error()) {
		t.Errorf("header error %v", err)
	}
	r = NewReader(strings.NewReader("Title,Authors\nA,\"Lee, Ann\"\nB,\"x\"y\"\nC,\"Kim, Bo\"\n"), parse.ReadOptions{File: "d.csv"})
	papers, errs := readertest.ReadAll(t, r)
	if len(papers) != 2 || len(errs) != 1 || !strings.HasPrefix(errs[0], "d.csv:3:") {
		t.Errorf("papers %d, errors %q", len(papers), errs)
	}
}

func FuzzDimensions(f *testing.F) {
	readertest.AddFixtures(f, "testdata", "*.csv")
	f.Add("\"About the data\",\nTitle,Authors,PubYear\nT,\"Lee, A; Kim, B\",2001\n")
	f.Fuzz(func(t *testing.T, src string) {
		readertest.Fuzz(t, src, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	})
}
