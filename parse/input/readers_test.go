package input

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// readLenient reads every paper of r as a lenient caller does: malformed
// records are collected and passed over, a fatal error ends the input.
func readLenient(t *testing.T, r parse.Reader) (papers []*parse.Paper, errs []string) {
	t.Helper()
	for calls := 0; ; calls++ {
		if calls > 1e6 {
			t.Fatal("the reader does not advance")
		}
		p, err := r.Read()
		if errors.Is(err, io.EOF) {
			return papers, errs
		}
		if err != nil {
			var pe *parse.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error that is not a *ParseError: %v", err)
			}
			errs = append(errs, err.Error())
			if pe.Fatal {
				return papers, errs
			}
			continue
		}
		papers = append(papers, p)
	}
}

// readerResult is what a golden file holds for one input.
type readerResult struct {
	Format     string
	Papers     []*parse.Paper
	Unauthored int
	Errors     []string `json:",omitempty"`
}

// Every fixture under testdata/formats, detected and read, against its
// golden file testdata/formats/golden/NAME.json.
func TestReadersGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/formats/*.*")
	if err != nil || len(files) < 12 {
		t.Fatalf("fixtures: %v, %d files", err, len(files))
	}
	want := map[string]string{
		"arxiv-atom.xml": parse.FormatXML, "arxiv-oai.xml": parse.FormatXML, "arxiv-raw.xml": parse.FormatXML,
		"biblatex-examples.bib": parse.FormatBibTeX, "edge-cases.bib": parse.FormatBibTeX, "dblp-sample.xml": parse.FormatXML,
		"ieee.ris": parse.FormatRIS, "wos.txt": parse.FormatWoS, "scopus.csv": parse.FormatCSV, "scopus-old.csv": parse.FormatCSV,
		"papers.tsv": parse.FormatCSV, "papers.jsonl": parse.FormatJSON, "csl.json": parse.FormatJSON, "openalex.json": parse.FormatJSON,
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			br := newPeekReader(f)
			// Detect from the content alone, as for a file named .txt.
			format := parse.Detect("input", br)
			if format != want[name] {
				t.Errorf("Detect = %s, want %s", format, want[name])
			}
			r, err := NewReader(format, br, parse.ReadOptions{File: name})
			if err != nil {
				t.Fatal(err)
			}
			papers, errs := readLenient(t, r)
			for _, p := range papers {
				if len(p.Authors) == 0 || p.Line < 1 {
					t.Errorf("paper without authors or line: %+v", p)
				}
				if p.IDs != nil && len(p.IDs) != len(p.Authors) {
					t.Errorf("%d ids for %d authors in %q", len(p.IDs), len(p.Authors), p.Title)
				}
			}
			got, err := json.MarshalIndent(readerResult{format, papers, r.Unauthored(), errs}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			readertest.Golden(t, filepath.Join("testdata", "formats", "golden", name+".json"), append(got, '\n'), *update)
		})
	}
}

// The real exports under ../shared/data, read whole: papers, author
// entries, records without authors and malformed records per file.
func TestSharedExports(t *testing.T) {
	dir := sharedData
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s", sharedMissing(err))
	}
	tests := []struct {
		file                       string
		papers, authors, none, bad int
	}{
		{"formats/biblatex-examples.bib", 81, 142, 11, 0},
		{"bibtex/aibasel-literatur.bib", 2260, 6500, 26, 0},
		{"bibtex/bbt-1296-export.bib.gz", 3440, 11829, 262, 23}, // 4 years taken for names dropped,
		{"bibtex/bbt-1436-3-library.bib.gz", 7166, 42194, 0, 0},
		{"bibtex/bbt-873-library.bib", 957, 1704, 30, 1}, // one record without its own author takes its crossref parent's (biber inherits every field the child lacks)
		{"bibtex/bbt-mendeley-library.bib", 506, 747, 6, 0},
		{"bibtex/pybibx-wos-export.bib", 37, 173, 0, 0},
		{"formats/dblp-sample.xml", 55, 73, 76, 0},
		{"arxiv/arxivsync-oai-arXiv-1000.xml.gz", 1000, 4384, 0, 0},
		{"ris/synthesisr-scopus.ris", 92, 333, 0, 0},
		{"ris/litstudy-example.ris", 25, 163, 0, 0},
		{"ris/synthesisr-dimensions-citesource_issue_24.ris", 17, 101, 0, 0},
		{"wos/metaknowledge-ManyAuthors.isi.gz", 500, 3351, 0, 0},
		{"wos/synthesisr-zoorec.txt", 134, 342, 0, 0},
		{"scopus/metaknowledge-scopus_testing.csv", 217, 2031, 3, 0},
		{"scopus/pybibx-scopus-2023.csv", 13, 53, 0, 0},
		{"scopus/litstudy-scopus.csv", 49, 213, 9, 0}, // 58 records; rows with a shifted extra field
		{"scopus/bibliometrix-lens_sample.csv", 8, 28, 0, 0},
		{"openalex/herreio-tu9-works-2022.json.gz", 410, 4702, 0, 0},
		{"openalex/bibliometrix-openalex_sample.csv", 8, 20, 0, 0},
		{"csljson/deep-review-references.json", 604, 3167, 11, 0}, // a year taken for a name dropped,
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, tt.file))
			if err != nil {
				t.Skipf("%s", sharedMissing(err))
			}
			defer f.Close()
			var in io.Reader = f
			if strings.HasSuffix(tt.file, ".gz") {
				if in, err = gzip.NewReader(f); err != nil {
					t.Fatal(err)
				}
			}
			br := newPeekReader(in)
			r, err := NewReader(parse.Detect(tt.file, br), br, parse.ReadOptions{File: tt.file})
			if err != nil {
				t.Fatal(err)
			}
			papers, errs := readLenient(t, r)
			authors := 0
			for _, p := range papers {
				authors += len(p.Authors)
			}
			if len(papers) != tt.papers || authors != tt.authors || r.Unauthored() != tt.none || len(errs) != tt.bad {
				t.Errorf("papers %d, author entries %d, without authors %d, malformed %d; want %d, %d, %d, %d",
					len(papers), authors, r.Unauthored(), len(errs), tt.papers, tt.authors, tt.none, tt.bad)
			}
		})
	}
}

func newPeekReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, 64<<10) }
