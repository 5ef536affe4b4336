package jsonworks

import (
	"errors"
	"io"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

func readString(t *testing.T, src string) ([]*parse.Paper, []string, *Reader) {
	t.Helper()
	r := NewReader(strings.NewReader(src), parse.ReadOptions{File: "x.json"})
	papers, errs := readertest.ReadAll(t, r)
	return papers, errs, r
}

// Issue 21, finding 2: Crossref's bare {"items": [...]} (the public data
// file's form, an API page saved without its envelope) gave "no papers".
func TestBareItems(t *testing.T) {
	src := `{"items": [
 {"DOI": "10.1000/a", "title": ["First"], "author": [{"given": "Ann", "family": "Lee"}, {"given": "Bo", "family": "Kim"}], "issued": {"date-parts": [[2020]]}},
 {"DOI": "10.1000/b", "title": ["Second"], "author": [{"given": "Ann", "family": "Lee"}], "issued": {"date-parts": [[2021]]}}
]}`
	papers, errs, _ := readString(t, src)
	if len(papers) != 2 || len(errs) > 0 || papers[1].Title != "Second" || papers[0].Meta.ID(parse.IDDOI) != "10.1000/a" {
		t.Errorf("got %d papers, errors %q", len(papers), errs)
	}
}

// Issue 21, finding 7: DOAJ's JSON (bibjson.author[].name) is read, with
// its DOI, ISSNs and journal.
func TestDOAJ(t *testing.T) {
	src := `{"total": 1, "page": 1, "results": [{"id": "abc", "bibjson": {"title": "A DOAJ article", "year": "2019",
 "author": [{"name": "Ann Lee", "affiliation": "Univ A", "orcid_id": "https://orcid.org/0000-0002-1825-0097"}, {"name": "Kim, Bo"}],
 "journal": {"title": "Open Journal", "issns": ["1234-5679"]},
 "identifier": [{"type": "doi", "id": "10.1000/doaj"}, {"type": "eissn", "id": "2049-3630"}], "keywords": ["graphs"]}}]}`
	papers, errs, _ := readString(t, src)
	if len(papers) != 1 || len(errs) > 0 {
		t.Fatalf("got %d papers, errors %q", len(papers), errs)
	}
	p := papers[0]
	if p.Title != "A DOAJ article" || p.Year != 2019 || strings.Join(p.Authors, "; ") != "Ann Lee; Bo Kim" || p.Venue != "Open Journal" ||
		p.IDs[0] != "orcid:0000-0002-1825-0097" || p.Meta.ID(parse.IDDOI) != "10.1000/doaj" || len(p.Meta.ISSN) != 2 || len(p.Meta.Keywords) != 1 ||
		p.Meta.Affiliations[0][0].Name != "Univ A" {
		t.Errorf("got %+v %+v", p, p.Meta)
	}
}

// Issue 21, finding 7: JSON of no kind read says so, with its fields,
// rather than "no papers with authors".
func TestUnknownSchema(t *testing.T) {
	r := NewReader(strings.NewReader(`[{"name": "x", "creator_list": ["A B"]}, {"name": "y"}]`), parse.ReadOptions{File: "x.json"})
	_, err := r.Read()
	var pe *parse.ParseError
	if !errors.Is(err, ErrSchema) || !errors.As(err, &pe) || !pe.Fatal || !strings.Contains(err.Error(), `"creator_list"`) || !strings.Contains(err.Error(), "2 JSON record") {
		t.Errorf("got %v, want a fatal ErrSchema naming the fields", err)
	}
	// Records with an author field, empty, are records without authors.
	if papers, errs, r := readString(t, `[{"title": "x", "authors": []}, {"title": "y", "author": [{"given": "A", "family": "B"}]}]`); len(papers) != 1 || len(errs) > 0 || r.Unauthored() != 1 {
		t.Errorf("got %d papers, %q", len(papers), errs)
	}
}

// Issue 21, finding 20: ORCID iDs with a bad check digit are counted.
func TestBadORCIDCounted(t *testing.T) {
	src := `{"title": "T", "author": [{"given": "Ann", "family": "Lee", "ORCID": "http://orcid.org/0000-0002-1825-0098"}, {"given": "Bo", "family": "Kim", "ORCID": "http://orcid.org/0000-0002-1825-0097"}]}
{"titles": [{"title": "D"}], "creators": [{"name": "Roe, Di", "nameIdentifiers": [{"nameIdentifier": "0000-0002-1825-0091", "nameIdentifierScheme": "ORCID"}]}]}
`
	papers, _, r := readString(t, src)
	if len(papers) != 2 || r.BadIDs() != 2 || papers[0].IDs[1] != "orcid:0000-0002-1825-0097" {
		t.Errorf("BadIDs %d, papers %v", r.BadIDs(), papers)
	}
}

// Issue 21, finding 19: every hostile shape stops at a limit.
func TestLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 68 MB per case")
	}
	tests := []struct {
		name                 string
		prefix, fill, suffix string
	}{
		{"huge line", `{"title": "`, "a", `", "authors": ["A B"]}` + "\n"},
		{"huge value in an array", "[\n" + `{"title": "`, "a", `", "authors": ["A B"]}]`},
		{"many authors in an array", "[\n" + `{"title": "t", "authors": [`, `"A B",` + "\n", `"A B"]}]`},
		{"deep nesting", "[\n" + `{"title": "t", "x": `, "[\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			readertest.OverLimit(t, readertest.Repeat(tt.prefix, tt.fill, tt.suffix, readertest.Past),
				func(r io.Reader) parse.Reader { return NewReader(r, parse.ReadOptions{File: "bomb.json"}) },
				int64(readertest.Limit)+4<<20, 8*readertest.Limit)
		})
	}
}
