package input

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode"

	"coauthor/parse"
)

// readAll reads src in format as a lenient caller does.
func readAll(t *testing.T, format, src string) (papers []*parse.Paper, errs []string) {
	t.Helper()
	r, err := NewReader(format, strings.NewReader(src), parse.ReadOptions{File: "in"})
	if err != nil {
		t.Fatal(err)
	}
	return readLenient(t, r)
}

func authorsOf(papers []*parse.Paper) []string {
	var all []string
	for _, p := range papers {
		all = append(all, p.Authors...)
	}
	return all
}

// No reader yields a name with a control character or NUL, or a name
// without a letter ("." "!" "..."), which would all merge into one.
func TestNamesCleanEveryReader(t *testing.T) {
	inputs := map[string]string{
		parse.FormatBibTeX:     "@article{k, author = {Ann\x00 Lee and . and ! and ... and Bo\x01b Kay and -}, title = {T}}\n",
		parse.FormatRIS:        "TY  - JOUR\nAU  - Lee,\x00 Ann\nAU  - .\nAU  - ...\nAU  - Kay, Bo\x85b\nTI  - T\nER  - \n",
		parse.FormatWoS:        "PT J\nAU Lee, Ann\x07\n   .\n   Kay, Bob\nTI T\nER\n",
		parse.FormatCSV:        "Authors,Title\n\"Lee, Ann\x00; .; !; Kay, Bob\",T\n",
		parse.FormatJSON:       `{"title": "T", "authors": ["Ann\u0000 Lee", ".", "...", "Bob\u0007 Kay"]}` + "\n",
		parse.FormatXML:        "<dblp><article><author>Ann&#x85; Lee</author><author>.</author><author>Bob Kay</author><title>T</title></article></dblp>\n",
		"arxiv":                "<feed><entry><title>T</title><author><name>Ann\tLee&#x9f;</name></author><author><name>...</name></author><author><name>Bob Kay</name></author></entry></feed>",
		parse.FormatAuthorPage: "T\n\nOct 20, 2023\nAnn\x00 Lee, ., Bob Kay\n",
	}
	for format, src := range inputs {
		papers, errs := readAll(t, format, src)
		got := authorsOf(papers)
		if len(got) != 2 {
			t.Errorf("%s: authors %q, errors %q; want Ann Lee and Bob Kay", format, got, errs)
		}
		for _, a := range got {
			if strings.IndexFunc(a, unicode.IsControl) >= 0 || strings.IndexFunc(a, unicode.IsLetter) < 0 || strings.Contains(a, "  ") {
				t.Errorf("%s: author %q", format, a)
			}
		}
	}
}

var _ = errors.Is
var _ = io.EOF
