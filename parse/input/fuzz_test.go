package input

import (
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/bibtex"
	"coauthor/parse/internal/readertest"
	"coauthor/parse/jsonworks"
	"coauthor/parse/ris"
	"coauthor/parse/table"
	"coauthor/parse/wos"
)

var none parse.ReadOptions

const fixtures = "testdata/formats"

func FuzzBibTeX(f *testing.F) {
	readertest.AddFixtures(f, fixtures, "*.bib")
	f.Add("@article{k, author = {A and B}, title = \"T\" # x, year = 2000}")
	f.Add("@string(x = {y}) @comment{ } @article{k, author = {\\\"{o}\\c}}")
	f.Fuzz(func(t *testing.T, src string) {
		readertest.Fuzz(t, src, bibtex.NewReader(strings.NewReader(src), none))
	})
}

func FuzzRIS(f *testing.F) {
	readertest.AddFixtures(f, fixtures, "*.ris")
	f.Add("TY  - JOUR\rAU  - Lee, Ann\r\nTI  - T\n  more\nER  - \nTY  - X\nTY  - JOUR\n")
	f.Add("AU  - Kay, Bob\nTI  - Two\nER  - \nTY  - JOUR\nAU  - .\nER  - \n")
	f.Fuzz(func(t *testing.T, src string) { readertest.Fuzz(t, src, ris.NewReader(strings.NewReader(src), none)) })
}

func FuzzWoS(f *testing.F) {
	readertest.AddFixtures(f, fixtures, "wos.txt")
	f.Add("FN x\nPT J\nAU Lee, A\n   Kim, B (b@x.org)\nPY 2001\nER\nPT J\nAF Roach, Mack, III\nPT J\nEF\n")
	f.Add("PT J\nAU Lee, A\nTI One\nAU Kay, B\nTI Two\nER\n")
	f.Add("PT J\nAU Lee, A\n   Kay, B\nAF Lee, Ann\n   Kay, Bo\nC1 [Lee, Ann; Kay, B] Univ X, Y.\n   Kay, Bo; Univ Z,\n   W.\n   Old Univ.\nTC 3\nDI 10.1/x\nER\n")
	f.Fuzz(func(t *testing.T, src string) { readertest.Fuzz(t, src, wos.NewReader(strings.NewReader(src), none)) })
}

func FuzzCSV(f *testing.F) {
	readertest.AddFixtures(f, fixtures, "*.csv")
	readertest.AddFixtures(f, fixtures, "*.tsv")
	f.Add("authorships.author.display_name,authorships.author.id,display_name\nA|B,https://openalex.org/A1|,T\n")
	f.Add("\uFEFFPT\tAU\tAF\tTI\tPY\t\r\nJ\tLee, A\tLee, Ann\tT\t2001\t\r\nJ\tKay, B\t\tU\t2002\t\t\r\n")
	f.Add("Authors,Title,Authors with affiliations,EID,Cited by\n\"Lee A.; Kay B.\",T,\"Lee A., U; Lee A., V; Kay B.\",2-s2.0-1,3\n")
	f.Add("authorships.author.display_name,authorships.institutions.display_name,authorships.countries\nA|B|C,X||Y,IT||\n")
	f.Add("Authors\tAuthor Affiliations\tIEEE Terms\nA; B\tNA; U\tx\n")
	f.Add("Authors,Title,Year\n\"Lee, Ann,T1,2001\n\"Kay, Bob\",T2 \"x\" y,2002\n\"Dee\",\"T3\nmore\",2003,\n")
	f.Fuzz(func(t *testing.T, src string) { readertest.Fuzz(t, src, table.NewReader(strings.NewReader(src), none)) })
}

func FuzzJSON(f *testing.F) {
	readertest.AddFixtures(f, fixtures, "*.json*")
	f.Add(`{"message": {"items": [{"author": [{"family": "Lee"}], "title": ["T"]}]}}`)
	f.Add(`{"results": [{"authorships": [{"author": {"id": "x", "display_name": "A"}}]}]}`)
	f.Add("[{\"title\": \"T\", \"authors\": [\"A B\"]},\n{\"authors\": [\"C\"]}]\n{}")
	f.Add("\n{\"title\": \"T\", \"authors\": [\"A B\"]}\n{broken\n")
	f.Fuzz(func(t *testing.T, src string) {
		readertest.Fuzz(t, src, jsonworks.NewReader(strings.NewReader(src), none))
	})
}
