package ris

import (
	"errors"
	"io"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/text"
)

func readAll(t *testing.T, src string) (papers []*parse.Paper, errs []*parse.ParseError) {
	t.Helper()
	r := NewReader(strings.NewReader(src), parse.ReadOptions{File: "x.ris"})
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

// A record without its "TY" line vanished without a word.
func TestRecordWithoutTY(t *testing.T) {
	src := "TY  - JOUR\nAU  - Lee, Ann\nTI  - One\nER  - \n\nAU  - Kay, Bob\nTI  - Two\nER  - \n\nTY  - JOUR\nAU  - Dee, Cy\nTI  - Three\nER  - \n"
	papers, errs := readAll(t, src)
	if len(papers) != 2 || papers[1].Title != "Three" || len(errs) != 1 || errs[0].Line != 6 || !errors.Is(errs[0], ErrRISNoStart) {
		t.Errorf("papers %d, errors %v; want 2 papers and a missing TY at line 6", len(papers), errs)
	}
}

// Ovid writes a tag line after "ER" (asreview's ovid_psycinfo.ris: "NL
// - Clin Psychol Psychother", then a link and the next number): fields
// without an author that no "ER" ends trail the record before, and are
// passed over as text between records; stray fields with an author are
// still reported.
func TestTrailingFieldsAfterER(t *testing.T) {
	src := "1.\r\nTY  - JOUR\r\nA1  - Trindade, Ines A\r\nA1  - Irons, Chris\r\nT1  - One\r\nER  -\r\nNL  - Clin Psychol Psychother\r\n\r\nLink to the Ovid Full Text or citation: https://example.org/x\r\n\r\n2.\r\n" +
		"TY  - JOUR\r\nA1  - Lee, Ann\r\nT1  - Two\r\nER  -\r\nNL  - J Psychol\r\n"
	papers, errs := readAll(t, src)
	if len(papers) != 2 || papers[1].Title != "Two" || len(papers[0].Authors) != 2 || len(errs) != 0 {
		t.Errorf("papers %d, errors %v; want 2 papers and no error", len(papers), errs)
	}
	src = "TY  - JOUR\nAU  - Lee, Ann\nTI  - One\nER  - \nAU  - Kay, Bob\nTI  - Lost\nTY  - JOUR\nAU  - Dee, Cy\nTI  - Three\nER  - \n"
	papers, errs = readAll(t, src)
	if len(papers) != 2 || len(errs) != 1 || !errors.Is(errs[0], ErrRISNoStart) || errs[0].Line != 5 {
		t.Errorf("papers %d, errors %v; want 2 papers and a missing TY at line 5", len(papers), errs)
	}
}

// A line over the line limit gives its line number and the limit, not
// "token too long".
func TestLongLine(t *testing.T) {
	src := "TY  - JOUR\nAU  - Lee, Ann\nER  - \nTY  - JOUR\nTI  - " + strings.Repeat("x", text.MaxLine+1) + "\nER  - \n"
	papers, errs := readAll(t, src)
	var le *text.LimitError
	if len(papers) != 1 || len(errs) != 1 || errs[0].Line != 5 || !errs[0].Fatal || !errors.As(errs[0], &le) || le.What != "line" {
		t.Errorf("papers %d, errors %v; want a fatal line limit at line 5", len(papers), errs)
	}
}

// Many continuation lines of a title are gathered in linear time.
func TestLongTitleLinear(t *testing.T) {
	src := "TY  - JOUR\nAU  - Lee, Ann\nTI  - T\n" + strings.Repeat("  more words\n", 200000) + "ER  - \n"
	papers, errs := readAll(t, src)
	if len(papers) != 1 || len(errs) != 0 || len(papers[0].Title) < 200000 {
		t.Errorf("papers %d, errors %v", len(papers), errs)
	}
}
