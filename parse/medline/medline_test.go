package medline

import (
	"flag"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/internal/readertest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// The real files under testdata (see testdata/SOURCES.md) against counts
// made with grep: records (^PMID-), authors (^FAU plus ^CN: group
// authors are authors; every AU line follows its FAU), ORCIDs (^AUID-
// ORCID), records without FAU, AU or CN (awk over blank-line records).
func TestRealFiles(t *testing.T) {
	// Detected from the content, as for a file named .txt.
	readertest.RealFiles(t, parse.FormatMEDLINE, "export.txt", NewReader, []readertest.RealFile{
		// 175 records, one without authors; 1275 FAU + 10 CN; 1 AUID.
		{Name: "metaknowledge-medline_test.medline.gz", Want: readertest.Counts{Papers: 174, Authors: 1285, IDs: 1, Unauthored: 1}},
		{Name: "synthesisr-PubMed_example.nbib", Want: readertest.Counts{Papers: 3, Authors: 13, IDs: 1}},
		// CRLF files: 117 records, 759 FAU + 3 CN, 73 AUID ORCID lines;
		// 10 records, 61 FAU + 1 CN, 5 AUID ORCID lines.
		{Name: "pybibx-pubmed_mcda.nbib.gz", Want: readertest.Counts{Papers: 117, Authors: 762, IDs: 73}},
		{Name: "pybibx-mcda_pubmed.nbib", Want: readertest.Counts{Papers: 10, Authors: 62, IDs: 5}},
	}, nil)
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

// The work records of the real files against counts made with Python
// (/usr/bin/python3 testdata/count_meta.py FILE: records split at
// "PMID-", continuation lines joined): records with FAU, AU or CN; with a
// LID or AID ending "[doi]", a JT or TA, an IS, a PMC, an MH, an OT;
// author positions (FAU, AU not after its FAU, CN) followed by an AD
// before any other tag but AU and AUID.
func TestMetaRealFiles(t *testing.T) {
	for _, tt := range []struct {
		file string
		want [8]int // papers, DOI, venue, ISSN, PMC, MeSH, keywords, affiliated positions
	}{
		{"metaknowledge-medline_test.medline.gz", [8]int{174, 171, 174, 174, 18, 0, 120, 1183}},
		{"synthesisr-PubMed_example.nbib", [8]int{3, 3, 3, 3, 1, 1, 3, 13}},
		{"pybibx-pubmed_mcda.nbib.gz", [8]int{117, 117, 117, 117, 43, 102, 73, 622}},
		{"pybibx-mcda_pubmed.nbib", [8]int{10, 10, 10, 10, 4, 9, 6, 58}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			papers, errs := readertest.ReadAll(t, NewReader(readertest.Open(t, filepath.Join("testdata", tt.file)), parse.ReadOptions{}))
			if len(errs) > 0 {
				t.Fatalf("errors %q", errs)
			}
			var got [8]int
			for _, p := range papers {
				m := p.Meta
				got[0]++
				for i, ok := range []bool{m.ID(parse.IDDOI) != "", p.Venue != "", len(m.ISSN) > 0, m.ID(parse.IDPMCID) != "", len(m.IndexKeywords) > 0, len(m.Keywords) > 0} {
					if ok {
						got[i+1]++
					}
				}
				if m.Affiliations != nil && len(m.Affiliations) != len(p.Authors) {
					t.Fatalf("%d affiliation lists for %d authors", len(m.Affiliations), len(p.Authors))
				}
				for _, affs := range m.Affiliations {
					if len(affs) > 0 {
						got[7]++
					}
				}
			}
			if got != tt.want {
				t.Errorf("papers, DOI, venue, ISSN, PMC, MeSH, keywords, affiliated positions:\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

// An AD line is the affiliation of the author it follows (FAU and its AU,
// an AU alone, a CN), never of an investigator's; the other fields.
func TestMetaFields(t *testing.T) {
	src := "PMID- 5\nIS  - 1552-4175 (Electronic)\nIS  - 1099-8004 (Linking)\nIS  - 1099-8004 (Print)\nTI  - T\nLID - S0140(20)1 [pii]\n" +
		"LID - 10.1177/ABC [doi]\nAID - 10.9999/other [doi]\nFAU - Lee, Ann\nAU  - Lee A\nAD  - Uni A,\n      Town.\nAD  - Uni B\nAUID- ORCID: 0000-0002-1825-0097\n" +
		"AU  - Kim B\nAD  - Uni C\nFAU - Dee, Cy\nAU  - Dee C\nCN  - The Group\nAD  - Group Office\nLA  - eng\nLA  - fre\nPT  - Journal Article\nPT  - Review\n" +
		"IR  - Not, Anauthor\nAD  - Investigator's Uni\nMH  - Humans\nMH  - *Neoplasms/*drug therapy/pathology\nMH  - Neoplasms/diagnosis\nOT  - *graphs\nOT  - people\nPMC - PMC77\nJT  - J\n"
	papers, errs := readertest.ReadAll(t, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	if len(errs) > 0 || len(papers) != 1 {
		t.Fatalf("papers %d, errors %q", len(papers), errs)
	}
	want := &parse.Meta{
		IDs:  []parse.WorkID{{Kind: "pmid", Value: "5"}, {Kind: "doi", Value: "10.1177/abc"}, {Kind: "pmcid", Value: "PMC77"}},
		ISSN: []string{"1552-4175", "1099-8004"}, Type: "Journal Article", Language: "eng",
		Keywords: []string{"graphs", "people"}, IndexKeywords: []string{"Humans", "Neoplasms"},
		Affiliations: [][]parse.Affiliation{{{Name: "Uni A, Town."}, {Name: "Uni B"}}, {{Name: "Uni C"}}, nil, {{Name: "Group Office"}}},
	}
	p := papers[0]
	if got := strings.Join(p.Authors, "|"); got != "Ann Lee|B Kim|Cy Dee|The Group" {
		t.Errorf("authors %q", got)
	}
	if !reflect.DeepEqual(p.Meta, want) {
		t.Errorf("meta\n got %+v\nwant %+v", p.Meta, want)
	}
}

// Two records of one title, year and author with different PMIDs and
// DOIs are two works; the same record again is a repeat.
func TestDifferentIDsTwoWorks(t *testing.T) {
	rec := func(pmid, doi string) string {
		return "PMID- " + pmid + "\nTI  - Editorial\nDP  - 2020\nLID - " + doi + " [doi]\nFAU - Lee, Ann\nAU  - Lee A\n\n"
	}
	papers, errs := readertest.ReadAll(t, NewReader(strings.NewReader(rec("11", "10.1000/a1")+rec("12", "10.1000/b2")+rec("11", "10.1000/a1")), parse.ReadOptions{}))
	if len(errs) > 0 || len(papers) != 3 {
		t.Fatalf("papers %d, errors %q", len(papers), errs)
	}
	c := corpus.New()
	for _, p := range papers {
		c.Add(p)
	}
	if c.Len() != 2 || c.Duplicates() != 1 {
		t.Errorf("%d works, %d dropped; want 2 and 1", c.Len(), c.Duplicates())
	}
}
