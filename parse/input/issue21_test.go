package input

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

// Issue 21, finding 19: every reader stops at the same limits, through
// the whole path (gzip, detection, reader), on the same hostile
// generator: a gzip bomb of one huge field per format.
func TestGzipBombEveryReader(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 68 MB per reader")
	}
	tests := []struct {
		name, format         string
		prefix, fill, suffix string
	}{
		{"bomb.bib", parse.FormatBibTeX, "@article{k,\n title = {", "a", "},\n author = {A B}\n}\n"},
		{"bomb.ris", parse.FormatRIS, "TY  - JOUR\nTI  - ", "a", "\nAU  - B, A\nER  - \n"},
		{"bomb.ciw", parse.FormatWoS, "FN Clarivate\nVR 1.0\nPT J\nAU Lee, A\nTI ", "a", "\nER\nEF\n"},
		{"bomb.csv", parse.FormatCSV, "Authors,Title\n\"A B\",\"", "a", "\"\n"},
		{"bomb.json", parse.FormatJSON, "[\n{\"authors\": [\"A B\"], \"title\": \"", "a", "\"}]"},
		{"dblp.xml", parse.FormatXML, "<dblp><article key=\"k\"><author>A B</author><title>", "a", "</title></article></dblp>"},
		{"atom.xml", parse.FormatXML, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>", "a", "</title></entry></feed>"},
		{"pubmed.xml", parse.FormatPubMed, "<PubmedArticleSet><PubmedArticle><MedlineCitation><Article><ArticleTitle>", "a", "</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"},
		{"bomb.nbib", parse.FormatMEDLINE, "PMID- 1\nTI  - ", "a", "\nFAU - Lee, Ann\n"},
		{"dimensions.csv", parse.FormatDimensions, "Rank,Publication ID,Title,PubYear,Authors,Dimensions URL\n1,pub.1,\"", "a", "\",2020,\"Lee, Ann\",\n"},
		{"page.txt", parse.FormatAuthorPage, "Title\nJan 2, 2020\n", "Ann Lee, ", "Bo Kim\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gz := readertest.Gzip(t, readertest.Repeat(tt.prefix, tt.fill, tt.suffix, readertest.Past))
			var format string
			readertest.OverLimit(t, bytes.NewReader(gz), func(r io.Reader) parse.Reader {
				rd, f, _, err := Open(tt.name, r, "", parse.ReadOptions{})
				if err != nil {
					t.Fatal(err)
				}
				format = f
				return rd
			}, int64(len(gz)), 8*readertest.Limit)
			if format != tt.format {
				t.Errorf("read as %s, want %s", format, tt.format)
			}
		})
	}
}

func load(t *testing.T, opt Options, name, src string) (*Dataset, error) {
	t.Helper()
	return Load(context.Background(), []Source{{Name: name, R: strings.NewReader(src)}}, opt)
}

// Issue 21, finding 20: a year of 2147483648 wrapped to -2147483648 later
// on; a year outside parse.MinYear–MaxYear is a malformed record.
func TestYearRange(t *testing.T) {
	src := `{"title": "Far", "year": 2147483648, "authors": ["Ann Lee", "Bo Kim"]}
{"title": "Near", "year": 2020, "authors": ["Ann Lee", "Bo Kim"]}
{"title": "Old", "year": 999, "authors": ["Ann Lee", "Bo Kim"]}
`
	_, err := load(t, Options{}, "w.json", src)
	var pe *parse.ParseError
	if !errors.Is(err, parse.ErrYear) || !errors.As(err, &pe) || pe.Line != 1 || pe.Found != "2147483648" {
		t.Errorf("got %v, want the year error at line 1", err)
	}
	d, err := load(t, Options{SkipBad: true}, "w.json", src)
	if err != nil || d.Skipped != 2 || d.Corpus.Len() != 1 {
		t.Errorf("SkipBad: %v, skipped %d", err, d.Skipped)
	}
}

// Issue 21, finding 8: SpringerLink's CSV runs the names of a paper
// together; the reading says once, at the end, that the file gives no
// co-authorship, why, and how many papers.
func TestRunTogetherNote(t *testing.T) {
	var b strings.Builder
	b.WriteString("Item Title,Item DOI,Authors,Publication Year,Content Type\n")
	for i := range 12 {
		fmt.Fprintf(&b, "Title %d,10.1007/x%d,Araz R. AlievNigar T. Ismayilova%c,2022,Chapter\n", i, i, 'a'+i)
	}
	d, err := load(t, Options{Warn: func(error) {}}, "springer.csv", b.String())
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(d.Notes(Options{}), "\n")
	for _, want := range []string{"springer.csv gives no co-authorship", "each of its 12 papers", "12 of them run several names together", "AlievNigar"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	// A file of single authors with plain names is said to give no
	// co-authorship too, without the reason; McDonald is one name.
	d, _ = load(t, Options{}, "solo.json", `{"title": "A", "authors": ["Ann McDonald"]}`+"\n"+`{"title": "B", "authors": ["Bo DeWitt"]}`)
	if notes := strings.Join(d.Notes(Options{}), "\n"); !strings.Contains(notes, "solo.json gives no co-authorship") || strings.Contains(notes, "run several") {
		t.Errorf("notes %q", notes)
	}
}

// Issue 21, finding 17 (the warning cap of parse/input): the author
// strings that are not names past the ten shown are counted in a note;
// ORCID iDs dropped for a bad check digit are counted (finding 20).
func TestCappedWarningsCounted(t *testing.T) {
	var b strings.Builder
	for i := range 14 {
		fmt.Fprintf(&b, `{"title": "T%d", "author": [{"given": "Ann", "family": "Lee", "ORCID": "0000-0002-1825-009%d"}, {"literal": "Proceedings of Things %d"}]}`+"\n", i, i%10, i)
	}
	var warned int
	d, err := load(t, Options{Warn: func(error) { warned++ }}, "w.json", b.String())
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(d.Notes(Options{}), "\n")
	if warned != 10 || !strings.Contains(notes, "14 author string(s) are not a person's name") {
		t.Errorf("%d warnings, notes %q", warned, notes)
	}
	// Only 0000-0002-1825-0097 (i = 7) has the right check digit.
	if d.BadIDs != 13 || !strings.Contains(notes, "dropped 13 ORCID iD(s)") {
		t.Errorf("BadIDs %d, notes %q", d.BadIDs, notes)
	}
}
