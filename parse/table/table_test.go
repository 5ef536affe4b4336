package table

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

type result struct {
	papers  []*parse.Paper
	errs    []error
	names   int
	without int
}

func read(t *testing.T, r io.Reader) result {
	t.Helper()
	tr := NewReader(r, parse.ReadOptions{File: "t.csv"})
	var res result
	for i := 0; i < 1e5; i++ {
		p, err := tr.Read()
		if errors.Is(err, io.EOF) {
			res.without = tr.Unauthored()
			return res
		}
		if err != nil {
			res.errs = append(res.errs, err)
			var pe *parse.ParseError
			if !errors.As(err, &pe) || pe.Fatal {
				return res
			}
			continue
		}
		res.papers = append(res.papers, p)
		res.names += len(p.Authors)
	}
	t.Fatal("the reader does not advance")
	return res
}

func readFile(t *testing.T, name string) result {
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return read(t, f)
}

// An IEEE Xplore export with an undoubled quote inside a quoted field
// (line 149) is read whole, as Python's csv reads it: 235 records.
func TestIEEEUndoubledQuote(t *testing.T) {
	res := readFile(t, "alanaecp-ieee_csv2bib-IEEE.csv")
	if len(res.errs) > 0 || len(res.papers)+res.without != 235 || res.names != 679 {
		t.Errorf("papers %d + %d without authors, %d names, errors %v; want 235 records, 679 names", len(res.papers), res.without, res.names, res.errs)
	}
}

func TestUndoubledQuoteSmall(t *testing.T) {
	src := "\"Document Title\",Authors,\"Publication Title\",Year\n" +
		"\"A\",\"Ann Lee\",\"EUROCON 2007 - The International Conference on \"Computer as a Tool\"\",2007\n" +
		"\"B\",\"Bob Kay\",\"X\",2008\n" +
		"\"C\",\"Cy Dee\",\"Y\",2009\n"
	res := read(t, strings.NewReader(src))
	if len(res.errs) > 0 || len(res.papers) != 3 || res.papers[2].Title != "C" {
		t.Errorf("papers %d, errors %v; want 3", len(res.papers), res.errs)
	}
}

// A Scopus export whose rows have one trailing empty field more than the
// header, or one shifted extra field, is read, not skipped row by row.
func TestExtraFields(t *testing.T) {
	header := "Authors,Author(s) ID,Title,Year,Source title,Volume,Issue,Art. No.,Page start,Page end,Page count,Cited by,DOI,Link,Affiliations,Authors with affiliations,Abstract,Author Keywords,Index Keywords,Molecular Sequence Numbers,Chemicals/CAS,Tradenames,Manufacturers,Funding Details,Funding Text 1,References,Correspondence Address,Editors,Sponsors,Publisher,Conference name,Conference date,Conference location,Conference code,ISSN,ISBN,CODEN,PubMed ID,Language of Original Document,Abbreviated Source Title,Document Type,Publication Stage,Open Access,Source,EID\n"
	row := func(title string, extra int) string {
		return "\"Lee A., Kay B.\",1;2,\"" + title + "\",2020" + strings.Repeat(",x", 41+extra) + "\n"
	}
	src := header + row("T1", 0) + strings.TrimSuffix(row("T2", 0), "\n") + ",\n" + row("T3", 1) + row("T4", 2) + row("far off", 9) + row("T5", -1)
	res := read(t, strings.NewReader(src))
	if len(res.papers) != 5 || len(res.errs) != 1 {
		t.Errorf("papers %d, errors %v; want 5 and the far-off row", len(res.papers), res.errs)
	}
	tab := "PT\tAU\tTI\tPY\n" + "J\tLee, A\tT1\t2001\t\n" + "J\tKay, B\tT2\t2002\t\n"
	if res := read(t, strings.NewReader(tab)); len(res.papers) != 2 || len(res.errs) != 0 {
		t.Errorf("trailing tab: papers %d, errors %v", len(res.papers), res.errs)
	}
}

// A quote that never closes no longer swallows the good rows after it:
// the row is reported and its next lines read again.
func TestUnclosedQuoteResync(t *testing.T) {
	src := "Authors,Title,Year\n" +
		"\"Lee, Ann,T1,2001\n" +
		"\"Kay, Bob\",T2,2002\n" +
		"\"Dee, Cy\",T3,2003\n" +
		"\"Roe, Di\",\"T4\n" // unclosed at the end
	res := read(t, strings.NewReader(src))
	if len(res.papers) != 2 || res.papers[0].Title != "T2" || res.papers[1].Title != "T3" || len(res.errs) != 2 {
		t.Fatalf("papers %d, errors %v; want T2, T3 and two errors", len(res.papers), res.errs)
	}
	var pe *parse.ParseError
	if !errors.As(res.errs[0], &pe) || pe.Line != 2 {
		t.Errorf("error %v, want line 2", res.errs[0])
	}
	// A legitimate quoted field over several lines stays one field.
	multi := "Authors,Title,Abstract\n\"Lee, Ann\",T1,\"line one\nline two\"\n\"Kay, Bob\",T2,x\n"
	if res := read(t, strings.NewReader(multi)); len(res.papers) != 2 || len(res.errs) != 0 {
		t.Errorf("multi-line field: papers %d, errors %v", len(res.papers), res.errs)
	}
}

// Without a usable header (no authors column, random bytes) a table is
// refused, even by a lenient caller: no column is read for another.
func TestUnusableHeader(t *testing.T) {
	for _, src := range []string{
		"Title,Year\nA paper,2001\nAnother,2002\n",
		"\x00\x01authors\x7f,\xff\xfe\nAnn Lee,x\n",
	} {
		res := read(t, strings.NewReader(src))
		var pe *parse.ParseError
		if len(res.papers) != 0 || len(res.errs) != 1 || !errors.As(res.errs[0], &pe) || !pe.Fatal || !errors.Is(pe, ErrNoAuthorColumn) {
			t.Errorf("%q: papers %d, errors %v; want one fatal error", src, len(res.papers), res.errs)
		}
	}
}

// Web of Science tab-delimited exports: full names (AF), else AU.
func TestWoSTabDelimited(t *testing.T) {
	for _, tt := range []struct {
		file           string
		records, names int
	}{
		{"wosfile-wos_tab_delimited_win_utf8.txt", 50, 250},
		{"scientopy-wos_2026_04_02_4071.txt", 71, 387},
	} {
		res := readFile(t, tt.file)
		if len(res.errs) > 0 || len(res.papers)+res.without != tt.records || res.names != tt.names {
			t.Errorf("%s: papers %d + %d without authors, %d names, errors %v; want %d records, %d names",
				tt.file, len(res.papers), res.without, res.names, res.errs, tt.records, tt.names)
		}
	}
	res := read(t, strings.NewReader("PT\tAU\tAF\tTI\tPY\nJ\tLee, A\tLee, Ann\tT1\t2001\nJ\tKay, B\t\tT2\t2002\n"))
	if len(res.papers) != 2 || res.papers[0].Authors[0] != "Ann Lee" || res.papers[1].Authors[0] != "B Kay" || res.papers[1].Year != 2002 {
		t.Errorf("papers %+v %+v", res.papers[0], res.papers[1])
	}
}

func TestFuzzSeeds(t *testing.T) {
	for _, src := range []string{"a\n\"", "authors\n\"\n\"\"\n", "authors,x\n\"a\nb\"c,d\n"} {
		readertest.Fuzz(t, src, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	}
}
