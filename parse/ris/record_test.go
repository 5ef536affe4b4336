package ris

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
// reader by /usr/bin/python3 (lines "XX  - value", records from TY to ER,
// papers those with AU or A1):
//
//	import re
//	def records(path):
//	    recs, cur = [], None
//	    for line in re.split(r'\r\n|\r|\n', open(path, encoding='utf-8-sig').read()):
//	        m = re.match(r'^([A-Z][A-Z0-9])  -( (.*))?$', line)
//	        if not m: continue
//	        tag, val = m.group(1), (m.group(3) or '').strip()
//	        if tag == 'TY': cur = {'TY': [val]}; recs.append(cur); continue
//	        if tag == 'ER': cur = None; continue
//	        if cur is not None and val: cur.setdefault(tag, []).append(val)
//	    return recs
//	rs = [r for r in records(path) if 'AU' in r or 'A1' in r]
//	cites = [int(m.group(1)) for r in rs for n in r.get('N1', []) for m in [re.match(r'(?i)cited by\s*:\s*(\d+)\s*$', n)] if m]
//	print(len(rs), sum('DO' in r for r in rs), sum(any(t in r for t in ('UR', 'L1', 'L2')) for r in rs),
//	    sum(any(re.search(r'eid=2-s2\.0-\d+', u) for u in r.get('UR', [])) for r in rs),
//	    sum(any(t in r for t in ('T2', 'JF', 'JO', 'JA', 'BT', 'J2')) for r in rs), sum('KW' in r for r in rs),
//	    sum(any(re.match(r'^\d{4}-?\d{3}[\dX]$', v.split()[0]) for v in r.get('SN', [])) for r in rs), len(cites), sum(cites),
//	    sum(len(r.get('AU', []) + r.get('A1', [])) == 1 and 'AD' in r for r in rs),
//	    sum(any(a.startswith('WOS:') for a in r.get('AN', [])) for r in rs), sum(any(a.startswith('pub.') for a in r.get('AN', [])) for r in rs))
//
// synthesisr-scopus.ris: 92 papers, 82 DOIs, 92 URLs, 92 eids, 92
// venues, 71 with keywords, no ISSN, 83 citation counts summing to 2565,
// 5 of one author with AD; litstudy-example.ris (IEEE): 25, 24 DOIs, 25
// venues, 25 with keywords, 13 ISSNs; the Dimensions RIS: 17, 17 DOIs, 9
// URLs, 17 venues, 1 with keywords, 12 ISSNs, 8 WoS ids, 5 Dimensions
// ids. No file has as many AD lines as authors outside Scopus.
func TestRealRecords(t *testing.T) {
	for _, tc := range []struct {
		file string
		want map[string]int
	}{
		{"synthesisr-scopus.ris", map[string]int{"affiliations": 5, "citations": 83, "citedsum": 2565, "doi": 82, "eid": 92, "keywords": 71, "type": 92, "url": 92, "venue": 92}},
		{"litstudy-example.ris", map[string]int{"doi": 24, "issn": 13, "keywords": 25, "type": 25, "venue": 25}},
		{"synthesisr-dimensions-citesource_issue_24.ris", map[string]int{"dimensions": 5, "doi": 17, "issn": 12, "keywords": 1, "type": 17, "url": 9, "venue": 17, "wos": 8}},
	} {
		path := shared.File(t, "ris/"+tc.file)
		_, papers := readertest.Count(t, NewReader(readertest.Open(t, path), parse.ReadOptions{File: tc.file}))
		if got := readertest.FieldCounts(papers); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.file, got, tc.want)
		}
	}
}

func TestRecordFields(t *testing.T) {
	src := `TY  - JOUR
TI  - One
AU  - Lee, Ann
AU  - Chen, Bo
AD  - Uni A
AD  - Uni B
T2  - J. Graphs
DO  - https://doi.org/10.1000/X1
SN  - 20964129 (ISSN)
UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-85079532227&doi=x
KW  - graphs; trees
KW  - paths
LA  - English
N1  - Export Date: 30 April 2020
N1  - Cited By :5
ER  - 

TY  - BOOK
TI  - Two
AU  - Kim, Dana
AD  - Uni C
AD  - Lab D
SN  - 978-3-16-148410-0
AN  - WOS:000389109400040
ER  - 

TY  - JOUR
TI  - Three
AU  - Lee, Ann
AU  - Chen, Bo
AD  - Uni A
AD  - Uni B
DB  - Scopus
ER  - 
`
	r := NewReader(strings.NewReader(src), parse.ReadOptions{})
	papers, errs := readertest.ReadAll(t, r)
	if len(papers) != 3 || len(errs) != 0 {
		t.Fatalf("%d papers, %v", len(papers), errs)
	}
	want := &parse.Meta{IDs: []parse.WorkID{{Kind: "doi", Value: "10.1000/x1"}, {Kind: "eid", Value: "2-s2.0-85079532227"}}, ISSN: []string{"2096-4129"},
		Type: "JOUR", URL: "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85079532227&doi=x", Language: "English", Keywords: []string{"graphs", "trees", "paths"},
		Citations:    &parse.Citations{Count: 5, Source: "scopus", Date: "30 April 2020"},
		Affiliations: [][]parse.Affiliation{{{Name: "Uni A"}}, {{Name: "Uni B"}}}}
	if !reflect.DeepEqual(papers[0].Meta, want) || papers[0].Venue != "J. Graphs" {
		t.Errorf("got %q\n%+v, want\n%+v", papers[0].Venue, papers[0].Meta, want)
	}
	want = &parse.Meta{IDs: []parse.WorkID{{Kind: "wos", Value: "000389109400040"}, {Kind: "isbn", Value: "9783161484100"}}, Type: "BOOK",
		Affiliations: [][]parse.Affiliation{{{Name: "Uni C"}, {Name: "Lab D"}}}}
	if !reflect.DeepEqual(papers[1].Meta, want) {
		t.Errorf("got\n%+v, want\n%+v", papers[1].Meta, want)
	}
	if papers[2].Meta.Affiliations != nil {
		t.Errorf("Scopus AD lines linked to authors: %+v", papers[2].Meta.Affiliations)
	}
	// An AU line that is no name: the AD lines are not linked.
	papers, _ = readertest.ReadAll(t, NewReader(strings.NewReader("TY  - JOUR\nTI  - X\nAU  - Lee, Ann\nAU  - 00\nAD  - Uni A\nAD  - Uni B\nER  - \n"), parse.ReadOptions{}))
	if len(papers) != 1 || papers[0].Meta.Affiliations != nil {
		t.Errorf("AD lines linked past an AU that is no name: %+v", papers[0].Meta)
	}
}

// Two "Editorial" (2020) records with one shared author and different
// DOIs stay two works; the same DOI in another case is one.
func TestDifferentIDsTwoWorks(t *testing.T) {
	src := "TY  - JOUR\nTI  - Editorial\nPY  - 2020\nAU  - Lee, Ann\nAU  - Chen, Bo\nDO  - 10.1000/a1\nER  - \n" +
		"TY  - JOUR\nTI  - Editorial\nPY  - 2020\nAU  - Lee, Ann\nAU  - Kim, Dana\nDO  - 10.1000/b2\nER  - \n" +
		"TY  - JOUR\nTI  - EDITORIAL\nPY  - 2020\nAU  - Lee, A.\nDO  - 10.1000/A1\nER  - \n"
	papers, _ := readertest.ReadAll(t, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	c := corpus.New()
	var kept []bool
	for _, p := range papers {
		kept = append(kept, c.Add(p))
	}
	if !reflect.DeepEqual(kept, []bool{true, true, false}) {
		t.Errorf("kept %v", kept)
	}
}
