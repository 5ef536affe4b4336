package wos

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/text"
)

func readAll(t *testing.T, src string) (papers []*parse.Paper, errs []*parse.ParseError) {
	t.Helper()
	r := NewReader(strings.NewReader(src), parse.ReadOptions{File: "x.txt"})
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

// A record missing "ER" followed by one missing "PT" became one paper
// whose authors were the two records' authors together.
func TestMissingERThenMissingPT(t *testing.T) {
	src := "FN Clarivate\nVR 1.0\nPT J\nAU Lee, A\n   Roe, D\nTI One\nPY 2001\n" + // no ER
		"AU Kay, B\n   Dee, C\nTI Two\nPY 2002\nER\n" + // no PT
		"PT J\nAU Fox, E\nTI Three\nER\nEF\n"
	papers, errs := readAll(t, src)
	var got []string
	for _, p := range papers {
		got = append(got, fmt.Sprint(p.Authors))
	}
	if len(papers) != 2 || got[0] != "[B Kay C Dee]" || got[1] != "[E Fox]" || len(errs) != 1 || errs[0].Line != 8 {
		t.Errorf("papers %q, errors %v; want [B Kay C Dee], [E Fox] and the record at line 3 without ER", got, errs)
	}
}

// A line over the line limit gives its line number and the limit, not
// "token too long".
func TestLongLine(t *testing.T) {
	src := "PT J\nAU Lee, A\nER\nPT J\nAU Kay, B\nTI " + strings.Repeat("x", text.MaxLine+1) + "\nER\n"
	papers, errs := readAll(t, src)
	var le *text.LimitError
	if len(papers) != 1 || len(errs) != 1 || errs[0].Line != 6 || !errs[0].Fatal || !errors.As(errs[0], &le) {
		t.Errorf("papers %d, errors %v; want a fatal line limit at line 6", len(papers), errs)
	}
}
