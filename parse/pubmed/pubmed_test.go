package pubmed

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

// The real files under testdata (see testdata/SOURCES.md), against the
// counts the sources state, each counted with grep: articles
// (<PubmedArticle>), authors (<Author>, CollectiveName included),
// ORCIDs (Source="ORCID"); articles without an AuthorList are Unauthored.
func TestRealFiles(t *testing.T) {
	tests := []struct {
		file string
		want readertest.Counts
	}{
		// 176 articles, 169 with an AuthorList; 1658 <Author>, 13 of them CollectiveName.
		{"fatcat-pubmedsample_2019.xml.gz", readertest.Counts{Papers: 169, Authors: 1658, IDs: 4, Unauthored: 7}}, // grep -c 'Source="ORCID"': 4
		{"fatcat-pubmed_19129924.xml", readertest.Counts{Papers: 1, Authors: 2}},
		// 9 <Author> = 8 persons + 1 CollectiveName; 2 ORCIDs.
		{"biopython-pubmed7.xml", readertest.Counts{Papers: 1, Authors: 9, IDs: 2}},
		// 22 authors; the 50 <PMID> of its ReferenceList are not articles.
		{"biopython-pubmed4.xml", readertest.Counts{Papers: 1, Authors: 22}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			br := bufio.NewReader(readertest.Open(t, filepath.Join("testdata", tt.file)))
			if f := parse.Detect(strings.TrimSuffix(tt.file, ".gz"), br); f != parse.FormatPubMed {
				t.Errorf("Detect = %s, want %s", f, parse.FormatPubMed)
			}
			got, _ := readertest.Count(t, NewReader(br, parse.ReadOptions{File: tt.file}))
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestGolden(t *testing.T) {
	for _, file := range []string{"biopython-pubmed7.xml", "fatcat-pubmed_19129924.xml"} {
		t.Run(file, func(t *testing.T) {
			r := NewReader(readertest.Open(t, filepath.Join("testdata", file)), parse.ReadOptions{File: file})
			readertest.GoldenPapers(t, filepath.Join("testdata", "golden", file+".json"), r, *update)
		})
	}
}

func TestCollectiveAndORCID(t *testing.T) {
	src := `<?xml version="1.0"?>
<PubmedArticleSet>
<PubmedArticle><MedlineCitation><PMID Version="1">1</PMID><Article>
<Journal><Title>J</Title><JournalIssue><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue></Journal>
<ArticleTitle>A <i>B</i>  c</ArticleTitle>
<AuthorList CompleteYN="N"><Author ValidYN="Y"><LastName>Lee</LastName><ForeName>Ann</ForeName><Initials>A</Initials>
<Identifier Source="ORCID">https://orcid.org/0000-0002-1825-0097</Identifier></Author>
<Author><LastName>Kim</LastName><Initials>B</Initials><Suffix>Jr</Suffix></Author>
<Author><CollectiveName>The Group</CollectiveName></Author></AuthorList>
</Article></MedlineCitation></PubmedArticle>
<PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTitle>none</ArticleTitle></Article></MedlineCitation></PubmedArticle>
</PubmedArticleSet>`
	r := NewReader(strings.NewReader(src), parse.ReadOptions{})
	papers, errs := readertest.ReadAll(t, r)
	if len(errs) > 0 || len(papers) != 1 || r.Unauthored() != 1 {
		t.Fatalf("papers %d, errors %v, unauthored %d", len(papers), errs, r.Unauthored())
	}
	p := papers[0]
	if got := strings.Join(p.Authors, "|"); got != "Ann Lee|B Kim Jr|The Group" || p.Title != "A B c" || p.Year != 1998 || !p.EtAl || p.Meta.ID(parse.IDPMID) != "1" || p.Venue != "J" {
		t.Errorf("got %+v", p)
	}
	if p.IDs[0] != "orcid:0000-0002-1825-0097" || p.IDs[1] != "" {
		t.Errorf("ids %q", p.IDs)
	}
}

func TestBadXML(t *testing.T) {
	r := NewReader(strings.NewReader("<PubmedArticleSet>\n<PubmedArticle>\n<MedlineCitation>\n</PubmedArticle>"), parse.ReadOptions{File: "x.xml"})
	_, err := r.Read()
	pe, ok := err.(*parse.ParseError)
	if !ok || !pe.Fatal || pe.Line != 4 {
		t.Fatalf("err = %#v", err)
	}
}

func FuzzPubMed(f *testing.F) {
	readertest.AddFixtures(f, "testdata", "*.xml")
	f.Add("<PubmedArticleSet><PubmedArticle><MedlineCitation><Article><AuthorList><Author><LastName>A</LastName></Author></AuthorList></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>")
	f.Fuzz(func(t *testing.T, src string) {
		readertest.Fuzz(t, src, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	})
}
