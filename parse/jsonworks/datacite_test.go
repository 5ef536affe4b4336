package jsonworks

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Real DataCite and Crossref files under testdata (see
// testdata/SOURCES.md) against counts made with Python's json: records
// with a named creator (author), creators with a name, creators with an
// ORCID whose check digit holds, records without creators.
func TestDataCiteAndORCID(t *testing.T) {
	readertest.RealFiles(t, parse.FormatJSON, "", NewReader, []readertest.RealFile{
		// 1000 records, 2 without creators, 8040 creators, 86 ORCID
		// nameIdentifiers of which 85 have a valid check digit.
		{Name: "fatcat-datacite_1k_records.jsonl.gz", Want: readertest.Counts{Papers: 998, Authors: 8040, IDs: 85, Unauthored: 2}},
		// {"data": [...]}: 100 records, 264 creators, 41 ORCIDs.
		{Name: "commonmeta-datacite-sample.json.gz", Want: readertest.Counts{Papers: 100, Authors: 264, IDs: 41}},
		// {"data": {...}}: 6 creators, 4 ORCIDs.
		{Name: "commonmeta-datacite-10.6071_z7wc73.json", Want: readertest.Counts{Papers: 1, Authors: 6, IDs: 4}},
		// Crossref /works/{doi}: author[].ORCID.
		{Name: "rapid-prereview-crossref-10-1101_19007971.json", Want: readertest.Counts{Papers: 1, Authors: 12, IDs: 9}},
		{Name: "rapid-prereview-crossref-10-1101_782680.json", Want: readertest.Counts{Papers: 1, Authors: 21, IDs: 6}},
		{Name: "rapid-prereview-crossref-10-1101_19001834.json", Want: readertest.Counts{Papers: 1, Authors: 6, IDs: 4}},
	}, func(t *testing.T, _ readertest.RealFile, papers []*parse.Paper) {
		for _, p := range papers {
			if p.Title == "" {
				t.Errorf("paper without title: %+v", p)
				break
			}
			for _, id := range p.IDs {
				if id != "" && (!strings.HasPrefix(id, "orcid:") || len(id) != len("orcid:0000-0000-0000-0000")) {
					t.Errorf("id %q", id)
				}
			}
		}
	})
}

func TestGoldenDataCite(t *testing.T) {
	for _, file := range []string{"commonmeta-datacite-10.6071_z7wc73.json", "rapid-prereview-crossref-10-1101_19007971.json"} {
		t.Run(file, func(t *testing.T) {
			r := NewReader(readertest.Open(t, filepath.Join("testdata", file)), parse.ReadOptions{File: file})
			readertest.GoldenPapers(t, filepath.Join("testdata", "golden", file+".json"), r, *update)
		})
	}
}

// An OpenAlex author with both ids gets the ORCID; one with an
// OpenAlex id only keeps it.
func TestORCIDPreferred(t *testing.T) {
	src := `{"title": "T", "publication_year": 2020, "authorships": [` +
		`{"author": {"id": "https://openalex.org/A1", "display_name": "Ann Lee", "orcid": "https://orcid.org/0000-0002-1825-0097"}},` +
		`{"author": {"id": "https://openalex.org/A2", "display_name": "Bo Kim", "orcid": null}}]}
{"data": [{"id": "10.1/x", "type": "dois", "attributes": {"titles": [{"title": "D"}], "publicationYear": "2021", ` +
		`"creators": [{"name": "Lee, Ann", "nameType": "Personal", "nameIdentifiers": [{"nameIdentifier": "0000-0002-1825-0097", "nameIdentifierScheme": "ORCID"}]}, ` +
		`{"name": "The Lab", "nameType": "Organizational"}]}}]}`
	papers, errs := readertest.ReadAll(t, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	if len(errs) > 0 || len(papers) != 2 {
		t.Fatalf("papers %d, errors %q", len(papers), errs)
	}
	if got := strings.Join(papers[0].IDs, "|"); got != "orcid:0000-0002-1825-0097|openalex:A2" {
		t.Errorf("OpenAlex ids %q", got)
	}
	p := papers[1]
	if strings.Join(p.Authors, "|") != "Ann Lee|The Lab" || p.IDs[0] != "orcid:0000-0002-1825-0097" || p.Year != 2021 || p.Title != "D" {
		t.Errorf("DataCite %+v", p)
	}
}

func FuzzDataCite(f *testing.F) {
	readertest.AddFixtures(f, "testdata", "*.json")
	f.Add(`{"data": {"attributes": {"creators": [{"name": "Lee, A", "nameIdentifiers": [{"nameIdentifier": "https://orcid.org/0000-0002-1825-0097"}]}]}}}`)
	f.Add(`{"message-type": "work", "message": {"author": [{"family": "Lee", "ORCID": "http://orcid.org/0000-0002-1825-0097"}]}}`)
	f.Fuzz(func(t *testing.T, src string) {
		readertest.Fuzz(t, src, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	})
}
