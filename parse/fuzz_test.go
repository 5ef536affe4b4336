package parse

import (
	"errors"
	"io"
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
		r := NewAuthorPageReader(strings.NewReader(src))
		limit := strings.Count(src, "\n") + 2
		for calls := 0; ; calls++ {
			if calls > limit {
				t.Fatalf("more than %d reads on %d lines: the reader does not advance", limit, limit-2)
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
				continue
			}
			if p.Title == "" || len(p.Authors) == 0 || p.Line < 1 {
				t.Fatalf("paper without title, authors or line: %+v", p)
			}
			for _, a := range p.Authors {
				if strings.TrimSpace(a) == "" {
					t.Fatalf("empty author in %q", p.Authors)
				}
			}
		}
	})
}
