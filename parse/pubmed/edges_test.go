package pubmed

import (
	"bufio"
	"io"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

// Issue 21, findings 3, 4, 19 and 20: the roots PubMed and NLM write, one
// root only, limits, ORCID iDs dropped counted.

func read(t *testing.T, name, src string) ([]*parse.Paper, []string, *Reader) {
	t.Helper()
	br := bufio.NewReader(strings.NewReader(src))
	if f := parse.Detect(name, br); f != parse.FormatPubMed {
		t.Errorf("Detect(%s) = %s, want %s", name, f, parse.FormatPubMed)
	}
	r := NewReader(br, parse.ReadOptions{File: name})
	papers, errs := readertest.ReadAll(t, r)
	return papers, errs, r
}

const citationXML = `<MedlineCitation Owner="NLM" Status="MEDLINE">
<PMID Version="1">%s</PMID>
<Article PubModel="Print"><Journal><Title>J Test</Title><JournalIssue><PubDate><Year>1999</Year></PubDate></JournalIssue></Journal>
<ArticleTitle>Title %s.</ArticleTitle>
<AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Lee</LastName><ForeName>Ann</ForeName></Author><Author ValidYN="Y"><LastName>Kim</LastName><ForeName>Bo</ForeName></Author></AuthorList>
</Article>
<MeshHeadingList><MeshHeading><DescriptorName UI="D006801">Humans</DescriptorName></MeshHeading></MeshHeadingList>
</MedlineCitation>
`

func cite(pmid string) string { return strings.ReplaceAll(citationXML, "%s", pmid) }

// Finding 3: a MEDLINE baseline file (MedlineCitationSet, up to 2016)
// gave no paper for 604 citations.
func TestMedlineCitationSet(t *testing.T) {
	src := `<?xml version="1.0"?>
<!DOCTYPE MedlineCitationSet PUBLIC "-//NLM//DTD Medline Citation, 1st January, 2016//EN" "x.dtd">
<MedlineCitationSet>
` + cite("101") + cite("102") + `<DeleteCitation><PMID Version="1">99</PMID></DeleteCitation>
</MedlineCitationSet>
`
	papers, errs, _ := read(t, "medline16n0001.xml", src)
	if len(papers) != 2 || len(errs) > 0 {
		t.Fatalf("got %d papers, errors %q; want 2", len(papers), errs)
	}
	p := papers[1]
	if p.Title != "Title 102." || p.Year != 1999 || strings.Join(p.Authors, "; ") != "Ann Lee; Bo Kim" || p.Meta.ID(parse.IDPMID) != "102" || p.Venue != "J Test" || len(p.Meta.IndexKeywords) != 1 {
		t.Errorf("got %+v %+v", p, p.Meta)
	}
	papers, _, _ = read(t, "one.xml", cite("7")) // a lone MedlineCitation
	if len(papers) != 1 {
		t.Errorf("a lone MedlineCitation: %d papers, want 1", len(papers))
	}
}

const book = `<PubmedBookArticle><BookDocument><PMID Version="1">%s</PMID>
<Book><Publisher><PublisherName>P</PublisherName></Publisher><BookTitle>Book %s</BookTitle><PubDate><Year>2010</Year></PubDate>
<AuthorList Type="editors"><Author><LastName>Ed</LastName><ForeName>Itor</ForeName></Author></AuthorList></Book>
<ArticleTitle>Chapter %s</ArticleTitle>
<AuthorList Type="authors"><Author><LastName>Roe</LastName><ForeName>Di</ForeName></Author><Author><LastName>Fox</LastName><ForeName>Eve</ForeName></Author></AuthorList>
</BookDocument></PubmedBookArticle>
`

// Finding 4: PubmedBookArticleSet, and a lone PubmedBookArticle, were
// refused as "expected DBLP".
func TestBookArticleSet(t *testing.T) {
	b := func(id string) string { return strings.ReplaceAll(book, "%s", id) }
	for name, src := range map[string]string{
		"books.xml": "<?xml version=\"1.0\"?>\n<PubmedBookArticleSet>\n" + b("1") + b("2") + "</PubmedBookArticleSet>\n",
		"book.xml":  b("1") + b("2")[:0],
	} {
		papers, errs, _ := read(t, name, src)
		if len(errs) > 0 || len(papers) == 0 || papers[0].Title != "Chapter 1" || strings.Join(papers[0].Authors, "; ") != "Di Roe; Eve Fox" {
			t.Errorf("%s: got %d papers, errors %q", name, len(papers), errs)
		}
	}
}

// Finding 20: a second root element is an error, as in DBLP; so is text
// after the root.
func TestOneRoot(t *testing.T) {
	art := "<PubmedArticle>" + cite("5") + "</PubmedArticle>"
	for name, src := range map[string]string{
		"two sets":       "<PubmedArticleSet>" + art + "</PubmedArticleSet>\n<PubmedArticleSet>" + art + "</PubmedArticleSet>",
		"two articles":   art + "\n" + art,
		"text after":     "<PubmedArticleSet>" + art + "</PubmedArticleSet>\ntrailing",
		"set after lone": art + "<PubmedArticleSet></PubmedArticleSet>",
	} {
		t.Run(name, func(t *testing.T) {
			r := NewReader(strings.NewReader(src), parse.ReadOptions{File: "x.xml"})
			p, err := r.Read()
			if err != nil || p == nil {
				t.Fatalf("first article: %v", err)
			}
			_, err = r.Read()
			pe, ok := err.(*parse.ParseError)
			if !ok || !pe.Fatal || pe.Line < 1 || !strings.Contains(err.Error(), "root") {
				t.Errorf("after the root: %v, want a fatal error naming the root", err)
			}
		})
	}
	r := NewReader(strings.NewReader("<dblp><article/></dblp>"), parse.ReadOptions{File: "x.xml"})
	if _, err := r.Read(); err == nil || !strings.Contains(err.Error(), "PubmedArticleSet") {
		t.Errorf("another root: %v, want an error listing the roots read", err)
	}
}

// Finding 20: ORCID iDs whose check digit does not match were dropped
// silently; the reader counts them.
func TestBadORCIDCounted(t *testing.T) {
	src := `<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>T</ArticleTitle><AuthorList>
<Author><LastName>Lee</LastName><ForeName>Ann</ForeName><Identifier Source="ORCID">0000-0002-1825-0098</Identifier></Author>
<Author><LastName>Kim</LastName><ForeName>Bo</ForeName><Identifier Source="ORCID">https://orcid.org/0000-0002-1825-0097</Identifier></Author>
</AuthorList></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`
	papers, _, r := read(t, "x.xml", src)
	if len(papers) != 1 || r.BadIDs() != 1 || papers[0].IDs[0] != "" || papers[0].IDs[1] != "orcid:0000-0002-1825-0097" {
		t.Errorf("BadIDs %d, papers %+v; want 1 dropped and the valid one kept", r.BadIDs(), papers)
	}
}

// Finding 19: a 1 MB gzip of PubMed XML took 8.75 GB. Every shape of
// hostile input now stops at a limit, having read little past it.
// encoding/xml allocates about 30 bytes (garbage, collected as it goes)
// per byte of a record of tiny elements: the bound is on the whole work.
func TestLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 68 MB per case")
	}
	head := "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>"
	tests := []struct {
		name                 string
		prefix, fill, suffix string
		alloc                uint64 // bytes allocated in all, as a multiple of the limit
	}{
		{"huge title", head + "<ArticleTitle>", "a", "</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>", 4},
		{"many authors", head + "<AuthorList>", "<Author><LastName>a</LastName></Author>", "</AuthorList></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>", 40},
		{"huge skipped element", "<PubmedArticleSet><DeleteCitation>", "<PMID>1</PMID>", "</DeleteCitation></PubmedArticleSet>", 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := readertest.Repeat(tt.prefix, tt.fill, tt.suffix, readertest.Past)
			readertest.OverLimit(t, src, func(r io.Reader) parse.Reader { return NewReader(r, parse.ReadOptions{File: "bomb.xml"}) },
				int64(readertest.Limit)+2<<20, tt.alloc*readertest.Limit)
		})
	}
}
