package bibtex

import (
	"strings"
	"testing"
)

// Issue 21, finding 5: a '%'-commented entry stopped the whole file;
// between entries '%' comments to the end of the line, as in biber and
// JabRef.
func TestPercentCommentsBetweenEntries(t *testing.T) {
	src := `% A bibliography with an entry commented out
%@BOOK{L27,
%  author = {Lee, Ann and Kim, Bo},
%  title = {Commented {out,
%}
@article{a1,
  author = {Roe, Di and Fox, Eve},
  title = {Kept},
  year = {2020}
}
  % @misc{broken, title = {also commented}
@article{a2, author = {Fox, Eve and Roe, Di}, title = {Value with 50% of it}, year = 2021}
`
	papers, errs := readAll(t, src)
	if len(errs) > 0 || len(papers) != 2 || papers[0].Title != "Kept" || papers[1].Title != "Value with 50% of it" {
		t.Fatalf("got %d papers, errors %v", len(papers), errs)
	}
	if papers[1].Line != 12 {
		t.Errorf("second entry at line %d, want 12", papers[1].Line)
	}
}

// Issue 21, finding 6: biblatex's extended name format, as Better BibTeX
// writes it.
func TestExtendedNames(t *testing.T) {
	src := `@book{b, author = {given=Alfred, family=Adler, id=testid and family={van der Berg}, given=Jan, prefix=de and Kim, Bo}, title = {T}}`
	papers, errs := readAll(t, src)
	if len(errs) > 0 || len(papers) != 1 {
		t.Fatalf("got %d papers, errors %v", len(papers), errs)
	}
	if got := strings.Join(papers[0].Authors, "; "); got != "Alfred Adler; Jan de van der Berg; Bo Kim" {
		t.Errorf("authors %q", got)
	}
}
