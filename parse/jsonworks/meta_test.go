package jsonworks

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/internal/readertest"
)

// metaCounts are what the work records of a file hold: papers, papers
// with a DOI, a venue, an ISSN, a citation count (and the counts' sum),
// author positions with an affiliation and with a ROR id.
type metaCounts struct {
	Papers, DOI, Venue, ISSN, Cited, CitationSum, Affiliated, ROR int
}

func countMeta(papers []*parse.Paper) metaCounts {
	var c metaCounts
	for _, p := range papers {
		c.Papers++
		m := p.Meta
		if p.Venue != "" {
			c.Venue++
		}
		if m == nil {
			continue
		}
		if m.ID(parse.IDDOI) != "" {
			c.DOI++
		}
		if len(m.ISSN) > 0 {
			c.ISSN++
		}
		if m.Citations != nil {
			c.Cited++
			c.CitationSum += m.Citations.Count
		}
		for _, affs := range m.Affiliations {
			if len(affs) > 0 {
				c.Affiliated++
			}
			for _, a := range affs {
				if a.ROR != "" {
					c.ROR++
					break
				}
			}
		}
	}
	return c
}

// The real files under testdata (see testdata/SOURCES.md) against counts
// made with Python's json (the command is beside each).
func TestMetaRealFiles(t *testing.T) {
	tests := []struct {
		file string
		want metaCounts
	}{
		// OpenAlex, 2022 schema (host_venue, raw_affiliation_string):
		//   python3 -c "import json,gzip; d=json.load(gzip.open('herreio-tu9-works-2022.json.gz'));
		//   A=[a for x in d for a in x['authorships']];
		//   print(len(d), sum(1 for x in d if x['doi']), sum(1 for x in d if (x['host_venue'] or {}).get('display_name')),
		//   sum(1 for x in d if x['host_venue'].get('issn_l') or x['host_venue'].get('issn')),
		//   sum(x['cited_by_count'] for x in d),
		//   sum(1 for a in A if any(i.get('display_name') or i.get('ror') for i in a['institutions']) or a['raw_affiliation_string']),
		//   sum(1 for a in A if any(i.get('ror') for i in a['institutions'])))"
		//   → 410 323 96 69 3149 4241 3977 (every work has authors and a cited_by_count)
		{"herreio-tu9-works-2022.json.gz", metaCounts{Papers: 410, DOI: 323, Venue: 96, ISSN: 69, Cited: 410, CitationSum: 3149, Affiliated: 4241, ROR: 3977}},
		// Crossref: for each work (message, message.items[] or a line),
		//   DOI, container-title[0], ISSN, is-referenced-by-count (summed),
		//   authors with affiliation[].name; none has an id-type ROR.
		{"fatcat-crossref_api_works.json", metaCounts{Papers: 3, DOI: 3, Venue: 3, ISSN: 2, Cited: 3, CitationSum: 455}},
		{"fatcat-crossref-works.single.json", metaCounts{Papers: 1, DOI: 1, Venue: 1, ISSN: 1, Cited: 1, CitationSum: 5, Affiliated: 1}},
		{"fatcat-crossref-works.2018-01-21.badsample.json.gz", metaCounts{Papers: 14, DOI: 14, Venue: 14, ISSN: 14, Cited: 14, CitationSum: 260, Affiliated: 2}},
		{"fatcat-huge_crossref_doi-1014-authors.json.gz", metaCounts{Papers: 1, DOI: 1, Venue: 1, ISSN: 1, Cited: 1, CitationSum: 29}},
		// CSL-JSON: items with a named author; DOI, container-title, ISSN
		// (two written "ISSN 1533-7928"); no item has keyword or
		// affiliation. bbt-1179's 15 DOIs are all shortDOIs ("10/fqd6hj"),
		// aliases that are not taken for DOIs: the work's DOI would differ.
		//   python3 -c "import json,gzip; d=json.load(gzip.open('deep-review-references.json.gz'));
		//   w=[x for x in d if any(a.get('literal') or a.get('given') or a.get('family') for a in x.get('author',[]))];
		//   print(len(w), sum(1 for x in w if x.get('DOI')), sum(1 for x in w if x.get('container-title')), sum(1 for x in w if x.get('ISSN')))"
		{"deep-review-references.json.gz", metaCounts{Papers: 604, DOI: 435, Venue: 592, ISSN: 9}},
		{"bbt-1179.csl.json", metaCounts{Papers: 26, DOI: 0, Venue: 25, ISSN: 16}},
		// DataCite: 998 records with creators, each with a doi; publisher
		// or container.title as venue; creators with affiliation[]:
		//   python3 -c "import json,gzip; R=[json.loads(l)['attributes'] for l in gzip.open('fatcat-datacite_1k_records.jsonl.gz')];
		//   R=[r for r in R if r['creators']]; print(len(R), sum(1 for r in R if r['publisher'] or r['container'].get('title')),
		//   sum(1 for r in R for c in r['creators'] if c['affiliation']))"
		{"fatcat-datacite_1k_records.jsonl.gz", metaCounts{Papers: 998, DOI: 998, Venue: 998, Affiliated: 2954}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := NewReader(readertest.Open(t, filepath.Join("testdata", tt.file)), parse.ReadOptions{File: tt.file})
			papers, errs := readertest.ReadAll(t, r)
			if len(errs) > 0 {
				t.Errorf("errors %q", errs)
			}
			if got := countMeta(papers); got != tt.want {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
			for _, p := range papers {
				if m := p.Meta; m != nil && m.Affiliations != nil && len(m.Affiliations) != len(p.Authors) {
					t.Fatalf("%d affiliation lists for %d authors in %q", len(m.Affiliations), len(p.Authors), p.Title)
				}
			}
		})
	}
}

// Works whose ids differ stay apart in the corpus: before the readers
// gave ids, 16 works of the OpenAlex file (volumes 1 and 2 of "Topics in
// Nanoscience"; two "DataLad Handbook" works of 37 and 34 authors) and 36
// GBIF datasets of the DataCite file were dropped as repeats of a work of
// the same title, year and an author.
//
//	python3 -c "import json,gzip; d=json.load(gzip.open('herreio-tu9-works-2022.json.gz'));
//	print(len({x['id'] for x in d if any(a['author']['display_name'] for a in x['authorships'])}))"  → 410
//	python3 -c "import json,gzip; R=[json.loads(l)['attributes'] for l in gzip.open('fatcat-datacite_1k_records.jsonl.gz')];
//	print(len({r['doi'].lower() for r in R if r['creators']}))"  → 998
func TestDistinctWorks(t *testing.T) {
	for _, tt := range []struct {
		file           string
		works, dropped int
	}{
		{"herreio-tu9-works-2022.json.gz", 410, 0},
		{"fatcat-datacite_1k_records.jsonl.gz", 998, 0},
	} {
		t.Run(tt.file, func(t *testing.T) {
			papers, errs := readertest.ReadAll(t, NewReader(readertest.Open(t, filepath.Join("testdata", tt.file)), parse.ReadOptions{}))
			if len(errs) > 0 {
				t.Fatalf("errors %q", errs)
			}
			c := corpus.New()
			for _, p := range papers {
				c.Add(p)
			}
			if c.Len() != tt.works || c.Duplicates() != tt.dropped {
				t.Errorf("%d works, %d dropped (%s); want %d and %d", c.Len(), c.Duplicates(), c.DuplicateExample(), tt.works, tt.dropped)
			}
		})
	}
}

// Two editorials of one year with an author in common but different DOIs
// are two works; the same DOI again is a repeat.
func TestEditorialPair(t *testing.T) {
	src := `{"id": "https://openalex.org/W1", "doi": "https://doi.org/10.1000/a1", "title": "Editorial", "publication_year": 2020, "authorships": [{"author": {"display_name": "Ann Lee"}}]}
{"id": "https://openalex.org/W2", "doi": "https://doi.org/10.1000/b2", "title": "Editorial", "publication_year": 2020, "authorships": [{"author": {"display_name": "Ann Lee"}}, {"author": {"display_name": "Bo Kim"}}]}
{"doi": "10.1000/A1", "title": "Editorial", "publication_year": 2020, "authorships": [{"author": {"display_name": "Ann Lee"}}]}`
	papers, errs := readertest.ReadAll(t, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	if len(errs) > 0 || len(papers) != 3 {
		t.Fatalf("papers %d, errors %q", len(papers), errs)
	}
	c := corpus.New()
	var kept []bool
	for _, p := range papers {
		kept = append(kept, c.Add(p))
	}
	if !reflect.DeepEqual(kept, []bool{true, true, false}) || c.Len() != 2 {
		t.Errorf("kept %v, %d works; want the two DOIs kept and the repeat of 10.1000/a1 dropped", kept, c.Len())
	}
	if got := c.Meta(1).ID(parse.IDDOI); got != "10.1000/b2" {
		t.Errorf("second work's DOI %q", got)
	}
}

// Each kind of record gives its fields; a field of an unexpected shape
// is passed over, and nothing is made up.
func TestMetaFields(t *testing.T) {
	tests := []struct {
		name, src string
		venue     string
		want      *parse.Meta
	}{
		{"OpenAlex", `{"id": "https://openalex.org/W42", "doi": "https://doi.org/10.1000/XYZ", "title": "T", "publication_year": 2024,
			"ids": {"openalex": "https://openalex.org/W42", "pmid": "https://pubmed.ncbi.nlm.nih.gov/123", "pmcid": "https://www.ncbi.nlm.nih.gov/pmc/articles/456", "mag": 2741809807},
			"primary_location": {"landing_page_url": "https://x.org/a", "source": {"display_name": "Journal X", "issn_l": "1234-5678", "issn": ["1234-5678", "8765432X"]}},
			"type": "article", "language": "en", "cited_by_count": 7, "updated_date": "2024-05-01T10:00:00.1",
			"keywords": [{"display_name": "Graphs"}], "concepts": [{"display_name": "Mathematics"}, {"display_name": "Graphs"}], "topics": [{"display_name": "Networks"}],
			"authorships": [
			 {"author": {"display_name": "Ann Lee"}, "institutions": [{"display_name": "Uni A", "ror": "https://ror.org/05dxps055", "country_code": "us"}, {"display_name": "Uni B", "ror": null, "country_code": null}, {"id": "https://openalex.org/I1296630153", "display_name": "Telecom Italia Mobile", "ror": null, "country_code": "IT"}]},
			 {"author": {"display_name": "Bo Kim"}, "institutions": [], "raw_affiliation_strings": ["Lab C, Seoul"]},
			 {"author": {"display_name": ""}, "institutions": [{"display_name": "Nobody's"}]},
			 {"author": {"display_name": "Cy Dee"}, "institutions": "none"}]}`,
			"Journal X", &parse.Meta{
				IDs:  []parse.WorkID{{Kind: "openalex", Value: "W42"}, {Kind: "doi", Value: "10.1000/xyz"}, {Kind: "pmid", Value: "123"}, {Kind: "pmcid", Value: "PMC456"}, {Kind: "mag", Value: "2741809807"}},
				ISSN: []string{"1234-5678", "8765-432X"}, Type: "article", URL: "https://x.org/a", Language: "en",
				IndexKeywords: []string{"Graphs", "Mathematics", "Networks"},
				Citations:     &parse.Citations{Count: 7, Source: "openalex", Date: "2024-05-01"},
				Affiliations:  [][]parse.Affiliation{{{Name: "Uni A", ROR: "05dxps055", Country: "US"}, {Name: "Uni B"}, {Name: "Telecom Italia Mobile", Country: "IT", ID: "I1296630153"}}, {{Name: "Lab C, Seoul"}}, nil},
			}},
		{"Crossref", `{"status": "ok", "message": {"items": [{"DOI": "10.1000/ABC", "URL": "http://dx.doi.org/10.1000/abc", "title": ["T"],
			"container-title": ["Journal Y"], "ISSN": ["2049-3630"], "ISBN": ["978-3-16-148410-0"], "type": "journal-article", "language": "en",
			"is-referenced-by-count": {"$numberLong": "12"}, "indexed": {"date-time": "2019-12-04T07:47:00Z"}, "subject": ["Physics"],
			"author": [{"given": "Ann", "family": "Lee", "affiliation": [{"name": "Uni A", "id": [{"id": "https://ror.org/05dxps055", "id-type": "ROR"}]}, {"name": "Uni B", "id": [{"id": "grid.1234.5", "id-type": "GRID"}]}]},
			 {"given": "Bo", "family": "Kim", "affiliation": []}]}]}}`,
			"Journal Y", &parse.Meta{
				IDs:  []parse.WorkID{{Kind: "doi", Value: "10.1000/abc"}}, // the ISBN of a journal article is not its id
				ISSN: []string{"2049-3630"}, Type: "journal-article", URL: "http://dx.doi.org/10.1000/abc", Language: "en",
				IndexKeywords: []string{"Physics"},
				Citations:     &parse.Citations{Count: 12, Source: "crossref", Date: "2019-12-04"},
				Affiliations:  [][]parse.Affiliation{{{Name: "Uni A", ROR: "05dxps055"}, {Name: "Uni B", GRID: "grid.1234.5"}}, nil},
			}},
		{"CSL-JSON", `[{"id": "W7", "DOI": "10.1000/c", "PMID": "99", "PMCID": "PMC7", "ISSN": "1234-5678, 2049-3630", "container-title": "Book Z",
			"type": "chapter", "language": "de", "keyword": "graphs; networks, people", "URL": "https://z.org", "title": "T",
			"author": [{"family": "Lee", "given": "Ann"}, {"literal": "The Lab", "affiliation": "Uni D"}]}]`,
			"Book Z", &parse.Meta{
				IDs:  []parse.WorkID{{Kind: "doi", Value: "10.1000/c"}, {Kind: "pmid", Value: "99"}, {Kind: "pmcid", Value: "PMC7"}},
				ISSN: []string{"1234-5678", "2049-3630"}, Type: "chapter", URL: "https://z.org", Language: "de",
				Keywords:     []string{"graphs", "networks", "people"},
				Affiliations: [][]parse.Affiliation{nil, {{Name: "Uni D"}}},
			}},
		{"CSL-JSON keyword list, nothing else", `[{"title": "T", "keyword": ["a, b"], "citation-key": "x", "author": [{"family": "Lee", "given": "Ann"}]}]`,
			"", &parse.Meta{Keywords: []string{"a, b"}}},
		{"plain record", `{"title": "T", "year": 2020, "authors": ["Ann Lee"]}`, "", nil},
		{"DataCite", `{"id": "10.5061/x", "type": "dois", "attributes": {"doi": "10.5061/X", "url": "https://d.org/x", "titles": [{"title": "D"}],
			"publisher": {"name": "Dryad"}, "container": {}, "types": {"resourceTypeGeneral": "Dataset", "bibtex": "misc"}, "language": "en",
			"subjects": [{"subject": "snow"}, {"subject": "FOS: Earth sciences", "subjectScheme": "Fields of Science and Technology (FOS)"}], "citationCount": 3,
			"creators": [{"name": "Lee, Ann", "affiliation": [{"name": "Uni A", "affiliationIdentifier": "https://ror.org/05dxps055", "affiliationIdentifierScheme": "ROR"}]},
			 {"name": "Kim, Bo", "affiliation": ["Uni B"]}]}}`,
			"Dryad", &parse.Meta{
				IDs:  []parse.WorkID{{Kind: "doi", Value: "10.5061/x"}},
				Type: "Dataset", URL: "https://d.org/x", Language: "en",
				Keywords: []string{"snow"}, IndexKeywords: []string{"FOS: Earth sciences"},
				Citations:    &parse.Citations{Count: 3, Source: "datacite"},
				Affiliations: [][]parse.Affiliation{{{Name: "Uni A", ROR: "05dxps055"}}, {{Name: "Uni B"}}},
			}},
		{"DataCite container", `{"data": {"attributes": {"doi": "10.5061/y", "titles": [{"title": "D"}], "publisher": "Zenodo", "container": {"title": "Series S"},
			"creators": [{"name": "Lee, Ann", "affiliation": []}]}}}`,
			"Series S", &parse.Meta{IDs: []parse.WorkID{{Kind: "doi", Value: "10.5061/y"}}}},
		{"DataCite id without doi", `{"data": [{"id": "10.5061/Z", "type": "dois", "attributes": {"titles": [{"title": "D"}], "creators": [{"name": "Lee, Ann"}]}}]}`,
			"", &parse.Meta{IDs: []parse.WorkID{{Kind: "doi", Value: "10.5061/z"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			papers, errs := readertest.ReadAll(t, NewReader(strings.NewReader(tt.src), parse.ReadOptions{}))
			if len(errs) > 0 || len(papers) != 1 {
				t.Fatalf("papers %d, errors %q", len(papers), errs)
			}
			p := papers[0]
			if p.Venue != tt.venue {
				t.Errorf("venue %q, want %q", p.Venue, tt.venue)
			}
			if !reflect.DeepEqual(p.Meta, tt.want) {
				t.Errorf("meta\n got %+v\nwant %+v", p.Meta, tt.want)
			}
		})
	}
}
