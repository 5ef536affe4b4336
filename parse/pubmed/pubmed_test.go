package pubmed

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

// The real files under testdata (see testdata/SOURCES.md), against the
// counts the sources state, each counted with grep: articles
// (<PubmedArticle>), authors (<Author>, CollectiveName included),
// ORCIDs (Source="ORCID"); articles without an AuthorList are Unauthored.
func TestRealFiles(t *testing.T) {
	readertest.RealFiles(t, parse.FormatPubMed, "", NewReader, []readertest.RealFile{
		// 176 articles, 169 with an AuthorList; 1658 <Author>, 13 of them CollectiveName.
		{Name: "fatcat-pubmedsample_2019.xml.gz", Want: readertest.Counts{Papers: 169, Authors: 1658, IDs: 4, Unauthored: 7}}, // grep -c 'Source="ORCID"': 4
		{Name: "fatcat-pubmed_19129924.xml", Want: readertest.Counts{Papers: 1, Authors: 2}},
		// 9 <Author> = 8 persons + 1 CollectiveName; 2 ORCIDs.
		{Name: "biopython-pubmed7.xml", Want: readertest.Counts{Papers: 1, Authors: 9, IDs: 2}},
		// 22 authors; the 50 <PMID> of its ReferenceList are not articles.
		{Name: "biopython-pubmed4.xml", Want: readertest.Counts{Papers: 1, Authors: 22}},
	}, nil)
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
	f.Add("<MedlineCitationSet><MedlineCitation><PMID>1</PMID><Article><AuthorList><Author><LastName>A</LastName></Author></AuthorList></Article></MedlineCitation></MedlineCitationSet>")
	f.Add("<PubmedBookArticle><BookDocument><PMID>2</PMID><AuthorList><Author><LastName>B</LastName></Author></AuthorList></BookDocument></PubmedBookArticle>\n<x/>")
	f.Fuzz(func(t *testing.T, src string) {
		readertest.Fuzz(t, src, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	})
}

// The work records of the 2019 sample against counts made with Python's
// ElementTree: articles with authors, with a DOI (ArticleIdList or
// ELocationID), a journal title, an ISSN (Journal/ISSN or ISSNLinking),
// a PMC id, MeSH headings, keywords; author positions with an
// AffiliationInfo/Affiliation (none has a ROR or GRID identifier).
//
//	python3 -c "import gzip,xml.etree.ElementTree as E; r=E.parse(gzip.open('fatcat-pubmedsample_2019.xml.gz')).getroot()
//	au=lambda a: [x for l in a.iter('AuthorList') if l.get('Type') in (None,'authors') for x in l.findall('Author') if x.findtext('LastName') or x.findtext('CollectiveName')]
//	P=[a for a in r.iter('PubmedArticle') if au(a)]; A=[x for a in P for x in au(a)]
//	print(len(P), sum(1 for a in P if a.findall('PubmedData/ArticleIdList/ArticleId[@IdType=\"doi\"]') or a.findall('.//ELocationID[@EIdType=\"doi\"]')),
//	sum(1 for a in P if a.findtext('MedlineCitation/Article/Journal/Title')),
//	sum(1 for a in P if a.findall('MedlineCitation/Article/Journal/ISSN') or a.findtext('MedlineCitation/MedlineJournalInfo/ISSNLinking')),
//	sum(1 for a in P if a.findall('PubmedData/ArticleIdList/ArticleId[@IdType=\"pmc\"]')),
//	sum(1 for a in P if a.findall('MedlineCitation/MeshHeadingList/MeshHeading/DescriptorName')),
//	sum(1 for a in P if a.findall('MedlineCitation/KeywordList/Keyword')),
//	sum(1 for x in A if any((f.findtext('Affiliation') or '').strip() for f in x.findall('AffiliationInfo'))))"
//	→ 169 70 169 164 20 149 43 200
func TestMetaRealFile(t *testing.T) {
	papers, errs := readertest.ReadAll(t, NewReader(readertest.Open(t, filepath.Join("testdata", "fatcat-pubmedsample_2019.xml.gz")), parse.ReadOptions{}))
	if len(errs) > 0 {
		t.Fatalf("errors %q", errs)
	}
	var got [9]int
	for _, p := range papers {
		m := p.Meta
		got[0]++
		if m.ID(parse.IDDOI) != "" {
			got[1]++
		}
		if p.Venue != "" {
			got[2]++
		}
		if len(m.ISSN) > 0 {
			got[3]++
		}
		if m.ID(parse.IDPMCID) != "" {
			got[4]++
		}
		if len(m.IndexKeywords) > 0 {
			got[5]++
		}
		if len(m.Keywords) > 0 {
			got[6]++
		}
		if m.Affiliations != nil && len(m.Affiliations) != len(p.Authors) {
			t.Fatalf("%d affiliation lists for %d authors", len(m.Affiliations), len(p.Authors))
		}
		for _, affs := range m.Affiliations {
			if len(affs) > 0 {
				got[7]++
			}
			for _, a := range affs {
				if a.ROR != "" || a.GRID != "" {
					got[8]++
				}
			}
		}
	}
	if want := [9]int{169, 70, 169, 164, 20, 149, 43, 200, 0}; got != want {
		t.Errorf("papers, DOI, venue, ISSN, PMC, MeSH, keywords, affiliated positions, ROR/GRID:\n got %v\nwant %v", got, want)
	}
}

// Every field of the work record, an author's ROR and GRID ids, and a
// book's ISBN and ids.
func TestMetaFields(t *testing.T) {
	src := `<PubmedArticleSet>
<PubmedArticle><MedlineCitation><PMID>7</PMID><Article>
<Journal><ISSN IssnType="Print">0028-0836</ISSN><Title>Nature</Title><JournalIssue><PubDate><Year>2020</Year></PubDate></JournalIssue></Journal>
<ArticleTitle>T</ArticleTitle><ELocationID EIdType="doi">10.9999/other</ELocationID><ELocationID EIdType="pii">S1</ELocationID>
<AuthorList><Author><LastName>Lee</LastName><ForeName>Ann</ForeName>
<AffiliationInfo><Affiliation>Uni A, <i>X</i>.</Affiliation><Identifier Source="ROR">https://ror.org/05dxps055</Identifier></AffiliationInfo>
<AffiliationInfo><Affiliation>Uni B</Affiliation><Identifier Source="GRID">grid.1234.5</Identifier></AffiliationInfo></Author>
<Author><LastName>Kim</LastName><ForeName>Bo</ForeName></Author></AuthorList>
<Language>eng</Language><Language>fre</Language>
<PublicationTypeList><PublicationType>Journal Article</PublicationType><PublicationType>Review</PublicationType></PublicationTypeList>
</Article><MedlineJournalInfo><ISSNLinking>0028-0836</ISSNLinking></MedlineJournalInfo>
<MeshHeadingList><MeshHeading><DescriptorName UI="D1">Humans</DescriptorName><QualifierName>x</QualifierName></MeshHeading><MeshHeading><DescriptorName>Graphs</DescriptorName></MeshHeading></MeshHeadingList>
<KeywordList Owner="NOTNLM"><Keyword>networks</Keyword><Keyword>people</Keyword></KeywordList>
</MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType="pubmed">7</ArticleId><ArticleId IdType="doi">10.1038/X1</ArticleId><ArticleId IdType="pmc">PMC9</ArticleId></ArticleIdList>
<ReferenceList><Reference><ArticleIdList><ArticleId IdType="doi">10.1000/ref</ArticleId></ArticleIdList></Reference></ReferenceList></PubmedData></PubmedArticle>
<PubmedBookArticle><BookDocument><PMID>8</PMID><Book><BookTitle>B</BookTitle><PubDate><Year>2001</Year></PubDate><Isbn>0-306-40615-2</Isbn></Book>
<AuthorList Type="authors"><Author><LastName>Lee</LastName><ForeName>Ann</ForeName></Author></AuthorList><Language>eng</Language><PublicationType>Book Chapter</PublicationType></BookDocument>
<PubmedBookData><ArticleIdList><ArticleId IdType="bookaccession">NBK1</ArticleId><ArticleId IdType="doi">10.1000/book</ArticleId></ArticleIdList></PubmedBookData></PubmedBookArticle>
</PubmedArticleSet>`
	papers, errs := readertest.ReadAll(t, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	if len(errs) > 0 || len(papers) != 2 {
		t.Fatalf("papers %d, errors %q", len(papers), errs)
	}
	want := []*parse.Meta{{
		IDs:  []parse.WorkID{{Kind: "pmid", Value: "7"}, {Kind: "doi", Value: "10.1038/x1"}, {Kind: "pmcid", Value: "PMC9"}},
		ISSN: []string{"0028-0836"}, Type: "Journal Article", Language: "eng",
		Keywords: []string{"networks", "people"}, IndexKeywords: []string{"Humans", "Graphs"},
		Affiliations: [][]parse.Affiliation{{{Name: "Uni A, X.", ROR: "05dxps055"}, {Name: "Uni B", GRID: "grid.1234.5"}}, nil},
	}, {
		IDs:  []parse.WorkID{{Kind: "isbn", Value: "0306406152"}, {Kind: "pmid", Value: "8"}, {Kind: "doi", Value: "10.1000/book"}},
		Type: "Book Chapter", Language: "eng",
	}}
	for i, p := range papers {
		if !reflect.DeepEqual(p.Meta, want[i]) {
			t.Errorf("paper %d meta\n got %+v\nwant %+v", i, p.Meta, want[i])
		}
	}
}

// Two articles of one title, year and author with different PMIDs are
// two works; the same PMID again is a repeat.
func TestDifferentPMIDsTwoWorks(t *testing.T) {
	art := func(pmid, doi string) string {
		return `<PubmedArticle><MedlineCitation><PMID>` + pmid + `</PMID><Article><Journal><JournalIssue><PubDate><Year>2020</Year></PubDate></JournalIssue></Journal>
<ArticleTitle>Editorial</ArticleTitle><AuthorList><Author><LastName>Lee</LastName><ForeName>Ann</ForeName></Author></AuthorList></Article></MedlineCitation>
<PubmedData><ArticleIdList><ArticleId IdType="doi">` + doi + `</ArticleId></ArticleIdList></PubmedData></PubmedArticle>`
	}
	src := "<PubmedArticleSet>" + art("11", "10.1000/a1") + art("12", "10.1000/b2") + art("11", "10.1000/a1") + "</PubmedArticleSet>"
	papers, errs := readertest.ReadAll(t, NewReader(strings.NewReader(src), parse.ReadOptions{}))
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
