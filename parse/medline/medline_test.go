package medline

import (
	"bufio"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// The real files under testdata (see testdata/SOURCES.md) against counts
// made with grep: records (^PMID-), authors (^FAU plus ^CN: group
// authors are authors; every AU line follows its FAU), ORCIDs (^AUID-
// ORCID), records without FAU, AU or CN (awk over blank-line records).
func TestRealFiles(t *testing.T) {
	tests := []struct {
		file string
		want readertest.Counts
	}{
		// 175 records, one without authors; 1275 FAU + 10 CN; 1 AUID.
		{"metaknowledge-medline_test.medline.gz", readertest.Counts{Papers: 174, Authors: 1285, IDs: 1, Unauthored: 1}},
		{"synthesisr-PubMed_example.nbib", readertest.Counts{Papers: 3, Authors: 13, IDs: 1}},
		// CRLF files: 117 records, 759 FAU + 3 CN, 73 AUID ORCID lines;
		// 10 records, 61 FAU + 1 CN, 5 AUID ORCID lines.
		{"pybibx-pubmed_mcda.nbib.gz", readertest.Counts{Papers: 117, Authors: 762, IDs: 73}},
		{"pybibx-mcda_pubmed.nbib", readertest.Counts{Papers: 10, Authors: 62, IDs: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			br := bufio.NewReader(readertest.Open(t, filepath.Join("testdata", tt.file)))
			// Detected from the content, as for a file named .txt.
			if f := parse.Detect("export.txt", br); f != parse.FormatMEDLINE {
				t.Errorf("Detect = %s, want %s", f, parse.FormatMEDLINE)
			}
			got, _ := readertest.Count(t, NewReader(br, parse.ReadOptions{File: tt.file}))
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestGolden(t *testing.T) {
	for _, file := range []string{"synthesisr-PubMed_example.nbib", "pybibx-mcda_pubmed.nbib"} {
		t.Run(file, func(t *testing.T) {
			r := NewReader(readertest.Open(t, filepath.Join("testdata", file)), parse.ReadOptions{File: file})
			readertest.GoldenPapers(t, filepath.Join("testdata", "golden", file+".json"), r, *update)
		})
	}
}

func TestRecord(t *testing.T) {
	src := "\uFEFFPMID- 1\r\nTI  - A long\r\n      title.\r\nDP  - 2019 Jan 5\r\nFAU - Lee, Ann\r\nAU  - Lee A\r\nAD  - Somewhere\r\n" +
		"AUID- ORCID: 0000-0002-1825-0097\r\nAU  - Kim BJ\r\nCN  - The Group\r\nIR  - Not, Anauthor\r\nJT  - Journal\r\n" +
		"PMID- 2\nTI  - no authors\n\nPMID- 3\nTI  - bad\nthis line\nFAU - X, Y\n\nPMID- 4\nFAU - Z, W\n"
	r := NewReader(strings.NewReader(src), parse.ReadOptions{File: "x.nbib"})
	papers, errs := readertest.ReadAll(t, r)
	if len(papers) != 2 || r.Unauthored() != 1 || len(errs) != 1 {
		t.Fatalf("papers %d, unauthored %d, errors %q", len(papers), r.Unauthored(), errs)
	}
	p := papers[0]
	if got := strings.Join(p.Authors, "|"); got != "Ann Lee|B J Kim|The Group" || p.Title != "A long title." || p.Year != 2019 || p.Meta.ID(parse.IDPMID) != "1" || p.Venue != "Journal" || p.Line != 1 {
		t.Errorf("got %+v", p)
	}
	if p.IDs[0] != "orcid:0000-0002-1825-0097" || p.IDs[1] != "" {
		t.Errorf("ids %q", p.IDs)
	}
	if want := "x.nbib:18: " + ErrLine.Error() + ` (record starting at line 16), found "this line"`; errs[0] != want {
		t.Errorf("error %q, want %q", errs[0], want)
	}
	if papers[1].Authors[0] != "W Z" || papers[1].Line != 21 {
		t.Errorf("last paper %+v", papers[1])
	}
}

func FuzzMEDLINE(f *testing.F) {
	readertest.AddFixtures(f, "testdata", "*.nbib")
	f.Add("PMID- 1\nFAU - Lee, A\nAU  - Lee A\n      x\nCN  - G\nAUID- ORCID: 0000-0002-1825-0097\n\nPMID- 2\r\nAU  - K B\r\nbad\n")
	f.Fuzz(func(t *testing.T, src string) {
		readertest.Fuzz(t, src, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	})
}
