package readertest

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"coauthor/parse"
)

// Open opens a test file, gunzipped when its name ends in .gz; it is
// closed when the test ends.
func Open(t testing.TB, path string) io.Reader {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if !strings.HasSuffix(path, ".gz") {
		return f
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	return zr
}

// ReadAll reads r as a lenient caller does: malformed records are
// collected as errors and passed over; a fatal error ends the input.
func ReadAll(t testing.TB, r parse.Reader) (papers []*parse.Paper, errs []string) {
	t.Helper()
	for calls := 0; ; calls++ {
		if calls > 1e7 {
			t.Fatal("the reader does not advance")
		}
		p, err := r.Read()
		if errors.Is(err, io.EOF) {
			return papers, errs
		}
		if err != nil {
			var pe *parse.ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error that is not a positioned *ParseError: %v", err)
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

// Counts are what a test asserts of a whole file: papers, author
// entries, author entries with an id, records without authors and
// malformed records.
type Counts struct{ Papers, Authors, IDs, Unauthored, Bad int }

// Count reads r whole and counts.
func Count(t testing.TB, r parse.Reader) (Counts, []*parse.Paper) {
	t.Helper()
	papers, errs := ReadAll(t, r)
	c := Counts{Papers: len(papers), Unauthored: r.Unauthored(), Bad: len(errs)}
	for _, p := range papers {
		c.Authors += len(p.Authors)
		if p.IDs != nil && len(p.IDs) != len(p.Authors) {
			t.Fatalf("%d ids for %d authors in %q", len(p.IDs), len(p.Authors), p.Title)
		}
		for _, id := range p.IDs {
			if id != "" {
				c.IDs++
			}
		}
	}
	return c, papers
}

// GoldenPapers compares the papers and errors read from r with the JSON
// golden file at path (rewritten when update is set).
func GoldenPapers(t *testing.T, path string, r parse.Reader, update bool) {
	t.Helper()
	papers, errs := ReadAll(t, r)
	got, err := json.MarshalIndent(struct {
		Papers     []*parse.Paper
		Unauthored int
		Errors     []string `json:",omitempty"`
	}{papers, r.Unauthored(), errs}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	Golden(t, path, append(got, '\n'), update)
}
