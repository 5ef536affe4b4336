package authorpage

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"coauthor/examples"
	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

// readAll reads every paper of src, collecting the errors a lenient caller
// would skip.
func readAll(src string) ([]*parse.Paper, []error) {
	r := NewReader(strings.NewReader(src), parse.ReadOptions{File: "page.txt"})
	var papers []*parse.Paper
	var errs []error
	for {
		p, err := r.Read()
		if errors.Is(err, io.EOF) {
			return papers, errs
		}
		if err != nil {
			errs = append(errs, err)
			if len(errs) > 100 {
				panic("reader does not advance after an error")
			}
			continue
		}
		papers = append(papers, p)
	}
}

const header = "Alert button\nPicture for Ada Lovelace\n\nAda Lovelace\n\nAlert button\n\n"

func TestAuthorPageQuirks(t *testing.T) {
	type want struct {
		title    string
		year     int
		authors  []string
		abstract string
		notes    int
		line     int
	}
	tests := []struct {
		name string
		src  string
		want []want
	}{
		{"plain", header + "A Title\n\nOct 20, 2023\nAda Lovelace, Charles Babbage\n\nFigure 1 for A Title\n\nAn abstract, with commas.\n\nViaarxiv icon\n",
			[]want{{"A Title", 2023, []string{"Ada Lovelace", "Charles Babbage"}, "An abstract, with commas.", 0, 8}}},
		{"CRLF and BOM", "\uFEFF" + strings.ReplaceAll(header+"T\n\nDec 01, 2021\nA B, C D\n\nViaarxiv icon\n", "\n", "\r\n"),
			[]want{{"T", 2021, []string{"A B", "C D"}, "", 0, 8}}},
		{"trailing spaces and no-break spaces", header + "T  \n \nJan 02, 2020 \nA B ,  C\u00a0D \n\n* a note\u00a0\nViaarxiv icon",
			[]want{{"T", 2020, []string{"A B", "C D"}, "", 1, 8}}},
		{"missing final separator", header + "T\n\nJan 2, 2020\nA B\n\nAbstract.",
			[]want{{"T", 2020, []string{"A B"}, "Abstract.", 0, 8}}},
		{"one author, no figures, no abstract", header + "T\n\nJan 2, 2020\nSolo Author\nViaarxiv icon\n",
			[]want{{"T", 2020, []string{"Solo Author"}, "", 0, 8}}},
		{"title with commas, colons and parentheses", header + "Models (Mostly): Know, What They Know\n\nJul 16, 2022\nA B\n\nViaarxiv icon\n",
			[]want{{"Models (Mostly): Know, What They Know", 2022, []string{"A B"}, "", 0, 8}}},
		{"notes", header + "T\n\nJan 2, 2020\nA B\n\nAbs.\n\n* v2 fixes typos\n* 23+17 pages\nViaarxiv icon\n",
			[]want{{"T", 2020, []string{"A B"}, "Abs.", 2, 8}}},
		{"no header", "T\n\nJan 2, 2020\nA B\nViaarxiv icon\n",
			[]want{{"T", 2020, []string{"A B"}, "", 0, 1}}},
		{"missing separator between blocks", header + "T1\n\nJan 2, 2020\nA B\n\nAbstract one.\n\nT2\n\nFeb 3, 2021\nC D\n",
			[]want{{"T1", 2020, []string{"A B"}, "Abstract one.", 0, 8}, {"T2", 2021, []string{"C D"}, "", 0, 15}}},
		{"and before the last author", header + "T\n\nJan 2, 2020\nA B, C D and E F\n",
			[]want{{"T", 2020, []string{"A B", "C D", "E F"}, "", 0, 8}}},
		{"trailing comma", header + "T\n\nJan 2, 2020\nA B, C D,\n",
			[]want{{"T", 2020, []string{"A B", "C D"}, "", 0, 8}}},
		{"full month name", header + "T\n\nSeptember 21, 2022\nA B\n",
			[]want{{"T", 2022, []string{"A B"}, "", 0, 8}}},
		{"empty input", "", nil},
		{"header only", header, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			papers, errs := readAll(tt.src)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(papers) != len(tt.want) {
				t.Fatalf("got %d papers, want %d", len(papers), len(tt.want))
			}
			for i, w := range tt.want {
				p := papers[i]
				if p.Title != w.title || p.Year != w.year || !slices.Equal(p.Authors, w.authors) ||
					p.Abstract != w.abstract || len(p.Notes) != w.notes || p.Line != w.line {
					t.Errorf("paper %d = {%q %d %q %q notes:%d line:%d}, want %+v",
						i, p.Title, p.Year, p.Authors, p.Abstract, len(p.Notes), p.Line, w)
				}
			}
		})
	}
}

func TestAuthorPageErrors(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		err    error
		line   int
		msg    string
		titles []string // papers still read around the bad block
	}{
		{"no date line", header + "T1\n\nAda Lovelace\nViaarxiv icon\n\nT2\n\nJan 2, 2020\nA B\n",
			ErrNoDate, 10, `page.txt:10: expected a date line like "Oct 20, 2023" after the title (record starting at line 8), found "Ada Lovelace"`, []string{"T2"}},
		{"date at end of input", header + "T1\n",
			ErrNoDate, 8, `page.txt:8: expected a date line like "Oct 20, 2023" after the title, found end of input`, nil},
		{"empty author line", header + "T1\n\nJan 2, 2020\n\nFigure 1 for T1\nViaarxiv icon\nT2\n\nJan 3, 2020\nA B\n",
			ErrNoAuthors, 12, `page.txt:12: expected the comma-separated author line after the date (record starting at line 8), found "Figure 1 for T1"`, []string{"T2"}},
		{"separator right after date", header + "T1\n\nJan 2, 2020\nViaarxiv icon\n",
			ErrNoAuthors, 11, "", nil},
		{"abstract where authors belong", header + "T1\n\nJan 2, 2020\nWe study the problem of learning, and we find that models of many sizes do well, which is surprising.\nViaarxiv icon\n",
			ErrNotNames, 11, "", nil},
		{"date without title", header + "Jan 2, 2020\nA B\nViaarxiv icon\nT2\n\nJan 3, 2020\nC D\n",
			ErrNoTitle, 8, "", []string{"T2"}},
		{"impossible date", header + "T1\n\nFeb 30, 2020\nA B\nViaarxiv icon\n",
			ErrBadDate, 10, "", nil},
		{"next block without separator after a bad one", header + "T1\n\nnot a date\nT2\n\nJan 3, 2020\nC D\n",
			ErrNoDate, 10, "", []string{"T2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			papers, errs := readAll(tt.src)
			if len(errs) != 1 {
				t.Fatalf("got errors %v, want one", errs)
			}
			var pe *parse.ParseError
			if !errors.As(errs[0], &pe) || !errors.Is(errs[0], tt.err) || pe.Line != tt.line || pe.File != "page.txt" {
				t.Errorf("error = %v (line %d), want %v at line %d", errs[0], pe.Line, tt.err, tt.line)
			}
			if tt.msg != "" && errs[0].Error() != tt.msg {
				t.Errorf("message\n got %s\nwant %s", errs[0], tt.msg)
			}
			var titles []string
			for _, p := range papers {
				titles = append(titles, p.Title)
			}
			if !slices.Equal(titles, tt.titles) {
				t.Errorf("papers read = %q, want %q", titles, tt.titles)
			}
		})
	}
}

func TestAuthorPageOwner(t *testing.T) {
	r := NewReader(strings.NewReader(header+"T\n\nJan 2, 2020\nA B\n"), parse.ReadOptions{})
	if _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	if r.Owner != "Ada Lovelace" {
		t.Errorf("Owner = %q, want Ada Lovelace", r.Owner)
	}
}

// A long author line (a physics paper's thousands of authors) is one line.
func TestAuthorPageLongLine(t *testing.T) {
	names := make([]string, 5000)
	for i := range names {
		names[i] = "Author Number" + strings.Repeat("x", i%7)
	}
	papers, errs := readAll("T\n\nJan 2, 2020\n" + strings.Join(names, ", ") + "\n")
	if len(errs) > 0 || len(papers) != 1 || len(papers[0].Authors) != 5000 {
		t.Fatalf("got %d papers, errors %v", len(papers), errs)
	}
}

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
		readertest.Check(t, strings.Count(src, "\n")+2, NewReader(strings.NewReader(src), parse.ReadOptions{}), true)
	})
}
