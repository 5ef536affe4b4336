// Package readertest checks readers of papers for the tests and fuzz
// targets of the parse packages.
package readertest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/text"
)

// Check reads r to its end: papers with authors (and a title when
// needTitle), errors with a position, at most limit reads; after a fatal
// error, no more papers.
func Check(t *testing.T, limit int, r parse.Reader, needTitle bool) {
	t.Helper()
	for calls := 0; ; calls++ {
		if calls > limit {
			t.Fatalf("more than %d reads: the reader does not advance", limit)
		}
		p, err := r.Read()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			var pe *parse.ParseError
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
		if p.Meta != nil && p.Meta.Affiliations != nil && len(p.Meta.Affiliations) != len(p.Authors) {
			t.Fatalf("%d affiliation slots for %d authors", len(p.Meta.Affiliations), len(p.Authors))
		}
		for _, a := range p.Authors {
			if strings.TrimSpace(a) == "" {
				t.Fatalf("empty author in %q", p.Authors)
			}
			if text.HasControl(a) || text.CleanName(a) != a {
				t.Fatalf("author %q is not a clean name (control characters, spaces, no letter)", a)
			}
		}
	}
}

// Fuzz is Check for fuzz targets: the limit is the input's length.
func Fuzz(t *testing.T, src string, r parse.Reader) { Check(t, len(src)+2, r, false) }

// AddFixtures seeds f with the files of dir matching pattern, under 20 KB.
func AddFixtures(f *testing.F, dir, pattern string) {
	files, _ := filepath.Glob(filepath.Join(dir, pattern))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil && len(b) < 20000 {
			f.Add(string(b))
		}
	}
}

// Golden compares got with the file at path, or rewrites it when update
// is set.
func Golden(t *testing.T, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run go test -update and review the diff\n got: %.300s", path, got)
	}
}
