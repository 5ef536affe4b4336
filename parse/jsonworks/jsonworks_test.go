package jsonworks

import (
	"errors"
	"io"
	"strings"
	"testing"

	"coauthor/parse"
)

func readAll(t *testing.T, src string) (papers []*parse.Paper, errs []*parse.ParseError) {
	t.Helper()
	r := NewReader(strings.NewReader(src), parse.ReadOptions{File: "x.json"})
	for i := 0; i < 10000; i++ {
		p, err := r.Read()
		if errors.Is(err, io.EOF) {
			return papers, errs
		}
		if err != nil {
			var pe *parse.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error without a position: %v", err)
			}
			errs = append(errs, pe)
			if pe.Fatal {
				return papers, errs
			}
			continue
		}
		papers = append(papers, p)
	}
	t.Fatal("the reader does not advance")
	return
}

const work = `{"title": "T", "authors": ["Ann Lee"]}`

// An array not closed, or records after it, were accepted and the
// records after the array dropped.
func TestArrayEnd(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		papers    int
		line      int // of the fatal error; 0 for none
	}{
		{"closed", "[\n" + work + ",\n" + work + "\n]\n", 2, 0},
		{"not closed", "[\n" + work + ",\n" + work + "\n", 2, 3},
		{"record after", "[\n" + work + "\n]\n" + work + "\n", 1, 4},
		{"array after", "[\n" + work + "\n]\n[" + work + "]\n", 1, 4},
		{"pretty stream", "{\n \"title\": \"T\",\n \"authors\": [\"A B\"]\n}\n{\"title\": \"U\", \"authors\": [\"C D\"]}\n", 2, 0},
	} {
		papers, errs := readAll(t, tt.src)
		switch {
		case len(papers) != tt.papers:
			t.Errorf("%s: %d papers, errors %v; want %d", tt.name, len(papers), errs, tt.papers)
		case tt.line == 0 && len(errs) > 0:
			t.Errorf("%s: errors %v", tt.name, errs)
		case tt.line > 0 && (len(errs) != 1 || !errs[0].Fatal || errs[0].Line != tt.line):
			t.Errorf("%s: errors %v; want one fatal error at line %d", tt.name, errs, tt.line)
		}
	}
}

// JSON Lines whose first line is over 64 KB were read as one stream, so
// that a bad line stopped everything; the first complete line decides.
func TestLongFirstLine(t *testing.T) {
	long := `{"title": "` + strings.Repeat("x", 100<<10) + `", "authors": ["Ann Lee"]}`
	src := long + "\n{broken\n" + work + "\n"
	papers, errs := readAll(t, src)
	if len(papers) != 2 || len(errs) != 1 || errs[0].Fatal || errs[0].Line != 2 {
		t.Errorf("papers %d, errors %v; want 2 papers and a skippable error at line 2", len(papers), errs)
	}
	// Blank lines before the first record.
	papers, errs = readAll(t, "\n\n"+work+"\n{broken\n")
	if len(papers) != 1 || len(errs) != 1 || errs[0].Line != 4 {
		t.Errorf("papers %d, errors %v; want an error at line 4", len(papers), errs)
	}
}
