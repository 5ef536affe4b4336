package xmlfeed

import (
	"reflect"
	"strings"
	"testing"

	"coauthor/examples/shared"
	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/internal/readertest"
)

// The work record from real files. Counts computed apart from this reader
// by /usr/bin/python3 with xml.etree:
//
//	A = '{http://arxiv.org/OAI/arXiv/}'
//	for r in ET.parse(gzip.open('arxivsync-oai-arXiv-1000.xml.gz')).getroot().iter(A + 'arXiv'):
//	    authors = r.findall(A + 'authors/' + A + 'author')   # papers: those with authors
//	    ... r.find(A + 'doi') is not None; r.find(A + 'categories') is not None
//	    ... [len(x.findall(A + 'affiliation')) for x in authors]
//	R = '{http://arxiv.org/OAI/arXivRaw/}'   # the same for arXivRaw: doi, categories
//	# DBLP (entities other than XML's replaced by "?", DOCTYPE dropped):
//	recs = [r for r in root if r.tag in ('article', 'inproceedings', 'incollection', 'book',
//	        'phdthesis', 'mastersthesis', 'data') and r.findall('author')]
//	... r.get('key'); any('doi.org/10.' in e.text for e in r.findall('ee'));
//	... any other <ee> or a <url>; a <journal> or <booktitle>
//
// arXiv OAI: 1000 papers, 1000 with an id and categories, 128 with a DOI,
// 56 with affiliations (203 in all); arXivRaw: 1000, 1000, 573 DOIs;
// dblp-sample.xml: 55 papers, each with a key, a DOI, a link, a venue;
// fatcat-example_dblp.xml: 3 papers, 3 keys, 1 DOI, 3 links, 3 venues.
func TestRealRecords(t *testing.T) {
	for _, tc := range []struct {
		file        string
		want        map[string]int
		affiliation int
	}{
		{"arxiv/arxivsync-oai-arXiv-1000.xml.gz", map[string]int{"affiliations": 56, "arxiv": 1000, "doi": 128, "venue": 1000}, 203},
		{"arxiv/arxivsync-oai-arXivRaw-1000.xml.gz", map[string]int{"arxiv": 1000, "doi": 573, "venue": 1000}, 0},
		{"dblp/fatcat-example_dblp.xml", map[string]int{"dblp": 3, "doi": 1, "type": 3, "url": 3, "venue": 3}, 0},
		{"../../parse/input/testdata/formats/dblp-sample.xml", map[string]int{"dblp": 55, "doi": 55, "type": 55, "url": 55, "venue": 55}, 0},
	} {
		path := "../input/testdata/formats/dblp-sample.xml"
		if !strings.HasPrefix(tc.file, "../") {
			path = shared.File(t, tc.file)
		}
		_, papers := readertest.Count(t, NewReader(readertest.Open(t, path), parse.ReadOptions{File: tc.file}))
		affs := 0
		for _, p := range papers {
			if p.Meta != nil && p.Meta.Affiliations != nil {
				if len(p.Meta.Affiliations) != len(p.Authors) {
					t.Fatalf("%s: %d affiliation positions for %d authors", tc.file, len(p.Meta.Affiliations), len(p.Authors))
				}
				for _, a := range p.Meta.Affiliations {
					affs += len(a)
				}
			}
		}
		if got := readertest.FieldCounts(papers); !reflect.DeepEqual(got, tc.want) || affs != tc.affiliation {
			t.Errorf("%s: %v, %d affiliations; want %v, %d", tc.file, got, affs, tc.want, tc.affiliation)
		}
	}
}

func TestDBLPRecord(t *testing.T) {
	src := `<?xml version="1.0" encoding="ISO-8859-1"?>
<dblp>
<inproceedings key="conf/x/Lee20" mdate="2020-01-01"><author>Ann Lee</author><title>T.</title><year>2020</year>
<booktitle>X</booktitle><ee>https://doi.org/10.1000/ABC</ee><ee>https://arxiv.org/abs/2101.00001v1</ee><ee type="oa">https://x.org/p.pdf</ee><url>db/conf/x/x2020.html#Lee20</url><isbn>978-3-16-148410-0</isbn></inproceedings>
<book key="books/x/Kim"><author>Dana Kim</author><title>B</title><year>2001</year><isbn>0-306-40615-2</isbn><url>db/books/x.html</url></book>
</dblp>`
	for _, r := range []parse.Reader{NewReader(strings.NewReader(src), parse.ReadOptions{}), newXMLDecoderReader(strings.NewReader(src))} {
		papers, errs := readertest.ReadAll(t, r)
		if len(papers) != 2 || errs != nil {
			t.Fatalf("%d papers, %v", len(papers), errs)
		}
		want := &parse.Meta{IDs: []parse.WorkID{{Kind: "dblp", Value: "conf/x/Lee20"}, {Kind: "doi", Value: "10.1000/abc"}, {Kind: "arxiv", Value: "2101.00001"}},
			Type: "inproceedings", URL: "https://x.org/p.pdf"}
		if p := papers[0]; !reflect.DeepEqual(p.Meta, want) || p.Venue != "X" {
			t.Errorf("venue %q, meta\n%+v, want\n%+v", p.Venue, p.Meta, want)
		}
		want = &parse.Meta{IDs: []parse.WorkID{{Kind: "dblp", Value: "books/x/Kim"}, {Kind: "isbn", Value: "0306406152"}}, Type: "book", URL: "https://dblp.org/db/books/x.html"}
		if p := papers[1]; !reflect.DeepEqual(p.Meta, want) {
			t.Errorf("meta\n%+v, want\n%+v", p.Meta, want)
		}
	}
}

// Two "Editorial" (2020) records with one shared author and different
// DOIs stay two works, in DBLP and arXiv alike; so do a CoRR and a
// conference record of one title (two DBLP keys).
func TestDifferentIDsTwoWorks(t *testing.T) {
	dblp := `<dblp>
<article key="journals/j/Lee20a"><author>Ann Lee</author><author>Bo Chen</author><title>Editorial.</title><year>2020</year><ee>https://doi.org/10.1000/a1</ee></article>
<article key="journals/j/Lee20b"><author>Ann Lee</author><title>Editorial.</title><year>2020</year><ee>https://doi.org/10.1000/b2</ee></article>
<article key="journals/corr/abs-1"><author>Ann Lee</author><title>Editorial.</title><year>2020</year></article>
</dblp>`
	oai := `<OAI-PMH><ListRecords>
<record><metadata><arXiv><id>2001.00001</id><created>2020-01-01</created><authors><author><keyname>Lee</keyname><forenames>Ann</forenames></author></authors><title>Editorial</title><doi>10.1000/a1</doi></arXiv></metadata></record>
<record><metadata><arXiv><id>2001.00002</id><created>2020-01-01</created><authors><author><keyname>Lee</keyname><forenames>Ann</forenames></author></authors><title>Editorial</title><doi>10.1000/b2</doi></arXiv></metadata></record>
<record><metadata><arXiv><id>2001.00001v2</id><created>2020-01-01</created><authors><author><keyname>Lee</keyname><forenames>A.</forenames></author></authors><title>EDITORIAL</title></arXiv></metadata></record>
</ListRecords></OAI-PMH>`
	for _, tc := range []struct {
		src  string
		want []bool
	}{{dblp, []bool{true, true, true}}, {oai, []bool{true, true, false}}} {
		papers, _ := readertest.ReadAll(t, NewReader(strings.NewReader(tc.src), parse.ReadOptions{}))
		c := corpus.New()
		var kept []bool
		for _, p := range papers {
			kept = append(kept, c.Add(p))
		}
		if !reflect.DeepEqual(kept, tc.want) {
			t.Errorf("kept %v, want %v", kept, tc.want)
		}
	}
}
