package dimensions

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

const header = "Rank,Publication ID,DOI,Title,Source title,PubYear,Authors,Authors Affiliations,Dimensions URL\n"

func open(r io.Reader) parse.Reader { return NewReader(r, parse.ReadOptions{File: "bomb.csv"}) }

// Issue 21, finding 1: an export without its notice line (the October
// 2025 format; pandas strips it) was read as Scopus, names turned round.
func TestNoNotice(t *testing.T) {
	src := header + `1,pub.1,10.1/x,A title,J,2021,"Penninx, Brenda W. J. H.; Lee, Ann",,https://app.dimensions.ai/details/publication/pub.1` + "\n"
	br := bufio.NewReader(strings.NewReader(src))
	if f := parse.Detect("export.csv", br); f != parse.FormatDimensions {
		t.Fatalf("Detect = %s, want %s", f, parse.FormatDimensions)
	}
	papers, errs := readertest.ReadAll(t, NewReader(br, parse.ReadOptions{}))
	if len(papers) != 1 || len(errs) > 0 || strings.Join(papers[0].Authors, "; ") != "Brenda W. J. H. Penninx; Ann Lee" {
		t.Errorf("got %d papers %v, errors %q", len(papers), papers, errs)
	}
}

// Issue 21, finding 19: a Dimensions cell had no limit (8.8–9.4 GB from
// a 1 MB gzip).
func TestLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 68 MB per case")
	}
	tests := []struct {
		name                 string
		prefix, fill, suffix string
	}{
		{"huge cell", header + `1,pub.1,,"`, "a", "\",J,2021,\"Lee, Ann\",,\n"},
		{"huge cell of lines", header + `1,pub.1,,"`, "a\n", "\",J,2021,\"Lee, Ann\",,\n"},
		{"huge header", "Title,Authors", ",x", "\n"},
		{"many authors", header + `1,pub.1,,T,J,2021,"`, "Lee, Ann; ", "\",,\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			readertest.OverLimit(t, readertest.Repeat(tt.prefix, tt.fill, tt.suffix, readertest.Past), open,
				int64(readertest.Limit)+2<<20, 8*readertest.Limit)
		})
	}
}

// Linking affiliations: 20,000 authors, none of the affiliation entries
// matching, and 20,000 institutions of one author (a scan per entry and
// per institution before, now an index and a set; the test checks the
// result and logs the allocation, as the scans allocated nothing).
func TestAffiliationsMany(t *testing.T) {
	var authors, affs strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&authors, "Lee, A%d; ", i)
		fmt.Fprintf(&affs, "Nobody, X%d (U); ", i)
	}
	affs.WriteString("Lee, A0 (")
	for i := range 20000 {
		fmt.Fprintf(&affs, "Inst %d; ", i)
	}
	affs.WriteString(")")
	src := header + `1,pub.1,,T,J,2021,"` + authors.String() + `","` + affs.String() + "\",\n"
	papers, _ := readertest.ReadAll(t, open(strings.NewReader(src)))
	if len(papers) != 1 || len(papers[0].Authors) != 20000 || len(papers[0].Meta.Affiliations[0]) != 20000 {
		t.Fatalf("got %d papers", len(papers))
	}
	alloc, _ := readertest.Alloc(t, strings.NewReader(src), open)
	if alloc > uint64(60*len(src)) {
		t.Errorf("allocated %d KB for a row of %d KB", alloc>>10, len(src)>>10)
	}
}
