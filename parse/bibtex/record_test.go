package bibtex

import (
	"reflect"
	"strings"
	"testing"

	"coauthor/examples/shared"
	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/internal/readertest"
)

// The work record from real exports. Counts computed apart from this
// reader by /usr/bin/python3 (entries split at "@" before "type{", fields
// "name = {value}" one a line as these exports write them):
//
//	import re
//	def entries(path):
//	    s = open(path, encoding='utf-8-sig').read()
//	    for chunk in re.split(r'@(?=[A-Za-z]+\s*\{)', s)[1:]:
//	        typ = chunk[:chunk.index('{')].strip().lower()
//	        yield typ, {m.group(1).lower(): m.group(2) for m in re.finditer(r'^\s*([A-Za-z_-]+)\s*=\s*\{(.*?)\},?\s*$', chunk, re.M | re.S)}
//	for path in ['pybibx-wos-export.bib', 'pybibx-scopus-export-170.bib']:
//	    papers = [(t, f) for t, f in entries(path) if 'author' in f]
//	    cites = [int(f['times-cited']) for t, f in papers if 'times-cited' in f] + \
//	        [int(m.group(1)) for t, f in papers for m in [re.search(r'(?i)cited by:?\s*(\d+)', f.get('note', ''))] if m]
//	    print(len(papers), sum('doi' in f for t, f in papers), len(cites), sum(cites),
//	        sum('unique-id' in f for t, f in papers), sum('keywords-plus' in f for t, f in papers),
//	        sum(bool(re.search(r'eid=2-s2\.0-\d+', f.get('url', ''))) for t, f in papers),
//	        sum('author_keywords' in f for t, f in papers), sum('keywords' in f for t, f in papers),
//	        sum(t == 'book' and 'isbn' in f for t, f in papers), sum('issn' in f or 'eissn' in f for t, f in papers),
//	        sum(len(re.split(r'\s+and\s+', f['author'].strip())) == 1 and ('affiliation' in f or 'affiliations' in f) for t, f in papers))
//
// gives for the WoS export 37 papers, 34 with a DOI, 37 citation counts
// summing to 875, 37 WoS ids, 37 with Keywords-Plus, 35 with keywords,
// 36 with an ISSN; for the Scopus export 169 papers, 166 DOIs, 169
// counts summing to 2695, 169 eids, 134 with author keywords, 124 with
// (index) keywords, 25 books with an ISBN, 140 with an ISSN, 7 with one
// author and affiliations. Every WoS record's Affiliation field names its
// authors, so all 37 link affiliations to author positions.
func TestRealRecords(t *testing.T) {
	for _, tc := range []struct {
		file string
		want map[string]int
	}{
		{"pybibx-wos-export.bib", map[string]int{"affiliations": 37, "citations": 37, "citedsum": 875, "doi": 34, "indexkeywords": 37,
			"issn": 36, "keywords": 35, "language": 37, "type": 37, "venue": 37, "wos": 37}},
		{"pybibx-scopus-export-170.bib", map[string]int{"affiliations": 7, "citations": 169, "citedsum": 2695, "doi": 166, "eid": 169,
			"indexkeywords": 124, "isbn": 25, "issn": 140, "keywords": 134, "language": 169, "type": 169, "url": 169, "venue": 169}},
	} {
		path := shared.File(t, "bibtex/"+tc.file)
		_, papers := readertest.Count(t, NewReader(readertest.Open(t, path), parse.ReadOptions{File: tc.file}))
		if got := readertest.FieldCounts(papers); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.file, got, tc.want)
		}
		if tc.file != "pybibx-wos-export.bib" {
			continue
		}
		// The first record: Klusemann at Hereon and at Leuphana.
		p := papers[0]
		if p.Authors[5] != "Benjamin Klusemann" || len(p.Meta.Affiliations) != 7 || len(p.Meta.Affiliations[5]) != 2 ||
			!strings.HasPrefix(p.Meta.Affiliations[5][1].Name, "Leuphana Univ Luneburg") || p.Meta.ID(parse.IDWoS) != "000731787800009" {
			t.Errorf("first WoS record: %q, %+v", p.Authors, p.Meta)
		}
	}
}

func TestRecordFields(t *testing.T) {
	src := `@string{j = "J. Graphs"}
@inproceedings{DBLP:conf/x/Lee20, author = {Lee, Ann and Bo Chen}, title = {T}, crossref = {proc},
  doi = {https://doi.org/10.1000/ABC\_1}, eprint = {2101.00001v2}, archivePrefix = {arXiv}, pmid = {123},
  isbn = {978-3-16-148410-0}, keywords = {graphs, trees}, url = {http://x.org/a\_b}, language = {english}}
@proceedings{proc, editor = {Ed Itor}, title = {Proc. of X}, year = 2020, publisher = {P}, isbn = {978-3-16-148410-0}}
@book{b, author = {Cy Dee}, title = {B}, year = 2001, isbn = {0-306-40615-2}, affiliation = {Uni B}, journal = j}
`
	papers, errs := readAll(t, src)
	if len(errs) != 0 || len(papers) != 2 {
		t.Fatalf("%d papers, errors %v", len(papers), errs)
	}
	// The book comes first: the inproceedings waited for its parent.
	b, p := papers[0], papers[1]
	want := &parse.Meta{IDs: []parse.WorkID{{Kind: "doi", Value: "10.1000/abc_1"}, {Kind: "arxiv", Value: "2101.00001"}, {Kind: "pmid", Value: "123"}, {Kind: "dblp", Value: "conf/x/Lee20"}},
		Type: "inproceedings", URL: "http://x.org/a_b", Language: "english", Keywords: []string{"graphs", "trees"}}
	if !reflect.DeepEqual(p.Meta, want) || p.Year != 2020 || p.Venue != "Proc. of X" || len(p.Authors) != 2 {
		t.Errorf("child: year %d, venue %q, authors %q, meta\n%+v, want\n%+v", p.Year, p.Venue, p.Authors, p.Meta, want)
	}
	wantB := &parse.Meta{IDs: []parse.WorkID{{Kind: "isbn", Value: "0306406152"}}, Type: "book", Affiliations: [][]parse.Affiliation{{{Name: "Uni B"}}}}
	if !reflect.DeepEqual(b.Meta, wantB) || b.Venue != "J. Graphs" {
		t.Errorf("book: venue %q, meta %+v, want %+v", b.Venue, b.Meta, wantB)
	}
	papers, _ = readAll(t, `@misc{u, author = {A B}, title = {T}, url = {\url{https://x.org/a\_b}}}`)
	if papers[0].Meta.URL != "https://x.org/a_b" {
		t.Errorf("url %q", papers[0].Meta.URL)
	}
	// Affiliation of a paper of several authors: not linked.
	papers, _ = readAll(t, `@article{a, author = {A B and C D}, title = {T}, affiliation = {Uni}}`)
	if papers[0].Meta.Affiliations != nil {
		t.Errorf("affiliations of two authors linked: %+v", papers[0].Meta.Affiliations)
	}
	// One author listed of more ("and others"): not linked either.
	papers, _ = readAll(t, `@article{a, author = {A B and others}, title = {T}, affiliation = {Uni}}`)
	if papers[0].Meta.Affiliations != nil {
		t.Errorf("affiliations of one author and others linked: %+v", papers[0].Meta.Affiliations)
	}
}

// Two "Editorial" (2020) entries with one shared author and different DOIs
// stay two works; the same DOI in another case is one.
func TestDifferentIDsTwoWorks(t *testing.T) {
	src := `@article{e1, author = {Lee, Ann and Chen, Bo}, title = {Editorial}, year = 2020, doi = {10.1000/a1}}
@article{e2, author = {Lee, Ann and Kim, Dana}, title = {Editorial}, year = 2020, doi = {10.1000/b2}}
@article{e3, author = {Ann Lee}, title = {EDITORIAL.}, year = 2020, doi = {10.1000/A1}}
`
	papers, _ := readAll(t, src)
	c := corpus.New()
	var kept []bool
	for _, p := range papers {
		kept = append(kept, c.Add(p))
	}
	if !reflect.DeepEqual(kept, []bool{true, true, false}) || c.Len() != 2 {
		t.Errorf("kept %v", kept)
	}
}
