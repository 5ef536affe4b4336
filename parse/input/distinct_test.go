package input

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// Distinct works that share an identifier not their own, or a
// collaboration as "author", stay distinct (review of the work record):
// each case failed before its fix, keeping one paper of two.
func TestDistinctWorksKept(t *testing.T) {
	for _, tt := range []struct {
		name, file, text string
		papers           int
	}{
		// Two papers of one proceedings: the volume's DOI is not theirs.
		{"crossref DOI", "x.bib", `@proceedings{icaps20, title = {Proceedings of ICAPS 2020}, year = 2020, doi = {10.1609/icaps.v30i1}}
@inproceedings{a, author = {Malte Helmert and Jendrik Seipp}, title = {Paper One on Heuristics}, crossref = {icaps20}}
@inproceedings{b, author = {Malte Helmert and Gabriele R{\"o}ger}, title = {A Different Paper on Planning}, crossref = {icaps20}}
`, 2},
		// Two chapters of one book carry its ISBN (CSL-JSON).
		{"chapter ISBN", "x.json", `[{"type": "chapter", "title": "Chapter one", "author": [{"family": "Smith", "given": "Ann"}], "ISBN": "978-3-16-148410-0", "issued": {"date-parts": [[2020]]}},
{"type": "chapter", "title": "Chapter two", "author": [{"family": "Smith", "given": "Ann"}, {"family": "Jones", "given": "Bo"}], "ISBN": "978-3-16-148410-0", "issued": {"date-parts": [[2020]]}}]`, 2},
		// Two collaborations are not one author.
		{"collaborations", "x.bib", `@article{a, author = {{ATLAS Collaboration}}, title = {Search for new physics}, journal = {PRL}, year = 2020}
@article{b, author = {{ALICE Collaboration}}, title = {Search for new physics}, journal = {PLB}, year = 2020}
`, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Load(context.Background(), []Source{{Name: tt.file, R: strings.NewReader(tt.text)}}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if n := d.Corpus.Len(); n != tt.papers {
				t.Errorf("%d papers, want %d (%d dropped as repeats: %s)", n, tt.papers, d.Corpus.Duplicates(), d.Corpus.DuplicateExample())
			}
		})
	}
}

// A same-string initials-only name under a frequent surname is one person
// when its papers share a co-author the source identifies: a co-author
// with an id is evidence like any other (review: "L. Wang" was split in
// two because Peter Schmid carried an id).
func TestSplitUsesIdentifiedCoauthors(t *testing.T) {
	text := `{"title": "Flow one", "year": 2019, "authors": ["L. Wang", {"name": "Peter Schmid", "id": "P1"}]}
{"title": "Flow two", "year": 2020, "authors": ["L. Wang", {"name": "Peter Schmid", "id": "P1"}]}
`
	d, err := Load(context.Background(), []Source{{Name: "x.jsonl", R: strings.NewReader(text)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Identity.People); n != 2 {
		t.Errorf("%d people, want 2 (one L. Wang, one Peter Schmid): %+v", n, d.Identity.People)
	}
}

// A rare title word links two papers of a same-string initials-only name
// only when they are at most ten years apart (review: 2000 and 2019 were
// one person, 1999 and 2008 two).
func TestSplitTitleWordWindow(t *testing.T) {
	for _, tt := range []struct {
		y1, y2 int
		people int
	}{{1999, 2008, 3}, {2000, 2019, 4}} {
		text := fmt.Sprintf(`{"title": "Zeolite membranes for separation", "year": %d, "authors": ["J. S. Hwang", "Anna Kowalczyk"]}
{"title": "Zeolite catalysts in industry", "year": %d, "authors": ["J. S. Hwang", "Pierre Dubois"]}
`, tt.y1, tt.y2)
		d, err := Load(context.Background(), []Source{{Name: "x.jsonl", R: strings.NewReader(text)}}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(d.Identity.People); n != tt.people {
			t.Errorf("%d and %d: %d people, want %d", tt.y1, tt.y2, n, tt.people)
		}
	}
}
