package parse

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/examples"
)

// FuzzAuthorPage checks that any input gives papers with a title and
// non-empty authors, or positioned parse errors, and that the reader
// always advances.
func FuzzAuthorPage(f *testing.F) {
	f.Add(string(examples.AuthorPage))
	f.Add(header + "T\n\nJan 2, 2020\nA B, C D\n\nFigure 1 for T\n\nAbs.\n* note\nViaarxiv icon\n")
	f.Add("T1\n\nnot a date\nT2\n\nJan 3, 2020\nC D\n")
	f.Add("\uFEFFT\r\n\r\nDec 01, 2021\r\nA B\r\n")
	f.Add("Jan 2, 2020\nA B\nViaarxiv icon\n")
	f.Fuzz(func(t *testing.T, src string) {
		checkReader(t, strings.Count(src, "\n")+2, NewAuthorPageReader(strings.NewReader(src)), true)
	})
}

// fuzzReader checks that any input gives papers with authors, or errors
// with a position, and that the reader always advances.
func fuzzReader(t *testing.T, src string, r PaperReader) { checkReader(t, len(src)+2, r, false) }

// checkReader reads r to its end: papers with authors (and a title when
// needTitle), errors with a position, at most limit reads.
func checkReader(t *testing.T, limit int, r PaperReader, needTitle bool) {
	for calls := 0; ; calls++ {
		if calls > limit {
			t.Fatalf("more than %d reads: the reader does not advance", limit)
		}
		p, err := r.Read()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error without a position: %v", err)
			}
			if pe.Fatal {
				if _, again := r.Read(); again == nil {
					t.Fatal("a paper after a fatal error")
				}
				return
			}
			continue
		}
		if len(p.Authors) == 0 || p.Line < 1 || needTitle && p.Title == "" {
			t.Fatalf("paper without title, authors or line: %+v", p)
		}
		if p.IDs != nil && len(p.IDs) != len(p.Authors) {
			t.Fatalf("%d ids for %d authors", len(p.IDs), len(p.Authors))
		}
		for _, a := range p.Authors {
			if strings.TrimSpace(a) == "" {
				t.Fatalf("empty author in %q", p.Authors)
			}
		}
	}
}

// addFixtures seeds f with the fixtures of one format.
func addFixtures(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "formats", pattern))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil && len(b) < 20000 {
			f.Add(string(b))
		}
	}
}

func FuzzBibTeX(f *testing.F) {
	addFixtures(f, "*.bib")
	f.Add("@article{k, author = {A and B}, title = \"T\" # x, year = 2000}")
	f.Add("@string(x = {y}) @comment{ } @article{k, author = {\\\"{o}\\c}}")
	f.Fuzz(func(t *testing.T, src string) { fuzzReader(t, src, NewBibTeXReader(strings.NewReader(src))) })
}

func FuzzRIS(f *testing.F) {
	addFixtures(f, "*.ris")
	f.Add("TY  - JOUR\rAU  - Lee, Ann\r\nTI  - T\n  more\nER  - \nTY  - X\nTY  - JOUR\n")
	f.Fuzz(func(t *testing.T, src string) { fuzzReader(t, src, NewRISReader(strings.NewReader(src))) })
}

func FuzzWoS(f *testing.F) {
	addFixtures(f, "wos.txt")
	f.Add("FN x\nPT J\nAU Lee, A\n   Kim, B (b@x.org)\nPY 2001\nER\nPT J\nAF Roach, Mack, III\nPT J\nEF\n")
	f.Fuzz(func(t *testing.T, src string) { fuzzReader(t, src, NewWoSReader(strings.NewReader(src))) })
}

func FuzzCSV(f *testing.F) {
	addFixtures(f, "*.csv")
	addFixtures(f, "*.tsv")
	f.Add("authorships.author.display_name,authorships.author.id,display_name\nA|B,https://openalex.org/A1|,T\n")
	f.Fuzz(func(t *testing.T, src string) { fuzzReader(t, src, NewCSVReader(strings.NewReader(src))) })
}

func FuzzJSON(f *testing.F) {
	addFixtures(f, "*.json*")
	f.Add(`{"message": {"items": [{"author": [{"family": "Lee"}], "title": ["T"]}]}}`)
	f.Add(`{"results": [{"authorships": [{"author": {"id": "x", "display_name": "A"}}]}]}`)
	f.Fuzz(func(t *testing.T, src string) { fuzzReader(t, src, NewJSONReader(strings.NewReader(src))) })
}

func FuzzXML(f *testing.F) {
	addFixtures(f, "*.xml")
	f.Add(`<?xml version="1.0" encoding="ISO-8859-1"?><dblp><article><author>J&uuml;rgen X 0001</author><year>1999</year></article><www><author>Y</author></www></dblp>`)
	f.Fuzz(func(t *testing.T, src string) { fuzzReader(t, src, NewXMLReader(strings.NewReader(src))) })
}
