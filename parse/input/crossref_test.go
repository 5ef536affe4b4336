package input

import (
	"context"
	"os"
	"strings"
	"testing"

	"coauthor/examples/shared"
)

// A BibTeX crossref is followed to a parent in another file, given before
// or after the child's: aibasel-literatur.bib's entries take year and
// booktitle from the @Proceedings of aibasel-crossref.bib, with the
// @string macros of aibasel-abbrv.bib.
//
// The counts, computed apart from this reader by /usr/bin/python3 on the
// three files (entries split at "^@", fields at "^ name ="):
//
//	import re
//	def entries(path):
//	    out = []
//	    for chunk in re.split(r'^(?=@)', open(path, encoding='utf-8').read(), flags=re.M):
//	        m = re.match(r'@(\w+)\s*\{\s*([^,\s]*)\s*,(.*)', chunk, re.S)
//	        if not m or m.group(1).lower() in ('string', 'comment', 'preamble'):
//	            continue
//	        f = {k.lower(): v.strip() for k, v in re.findall(r'^\s*(\w[\w-]*)\s*=\s*(.*?),?\s*$', m.group(3), re.M)}
//	        out.append((m.group(1).lower(), m.group(2).lower(), f))
//	    return out
//	lit, cr = entries('aibasel-literatur.bib'), entries('aibasel-crossref.bib')
//	keys = {}
//	for typ, k, f in lit + cr: keys.setdefault(k, f)
//	papers = [f for typ, k, f in lit if f.get('author', '').strip('"{} ')]
//	parent = lambda f: keys.get(f.get('crossref', '').strip('"{}').lower(), {})
//	print(len(papers), sum('year' in f for f in papers), sum('year' in f or 'year' in parent(f) for f in papers))
//	print(sum('journal' in f or 'booktitle' in f or any(k in parent(f) for k in ('journal', 'booktitle', 'title')) for f in papers))
//	print(sum(not f.get('author', '').strip('"{} ') for typ, k, f in lit + cr))
//
// gives 2260 papers, 1017 with a year of their own, 2260 with one from
// their parent; 1932 with a venue; 419 entries without authors.
func TestCrossrefAcrossFiles(t *testing.T) {
	abbrv := shared.File(t, "bibtex/aibasel-abbrv.bib")
	lit := shared.File(t, "bibtex/aibasel-literatur.bib")
	cr := shared.File(t, "bibtex/aibasel-crossref.bib")
	for _, order := range [][]string{{abbrv, lit, cr}, {abbrv, cr, lit}} {
		var sources []Source
		for _, name := range order {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sources = append(sources, Source{Name: name, R: f})
		}
		d, err := Load(context.Background(), sources, Options{KeepRepeats: true})
		if err != nil {
			t.Fatal(err)
		}
		c := d.Corpus
		years, venues := 0, 0
		for i := 0; i < c.Len(); i++ {
			if c.Year(i) != 0 {
				years++
			}
			if c.Venue(i) != "" {
				venues++
			}
		}
		if c.Len() != 2260 || years != 2260 || venues != 1932 || d.Unauthored != 419 {
			t.Errorf("%v: %d papers, %d with a year, %d with a venue, %d without authors; want 2260, 2260, 1932, 419",
				order, c.Len(), years, venues, d.Unauthored)
		}
	}
}

// A child whose parent comes in a later file is given at the end, with
// the parent's fields: its year is checked as any other.
func TestCrossrefLateParent(t *testing.T) {
	child := "@inproceedings{c, author = {Ann Lee and Bo Chen}, title = {T}, crossref = {p}}\n"
	for _, tc := range []struct {
		year    string
		skipBad bool
		papers  int
		err     bool
	}{{"2001", false, 1, false}, {"2999", false, 0, true}, {"2999", true, 0, true}} {
		parent := "@proceedings{p, editor = {Ed Itor}, title = {Proc}, year = " + tc.year + "}\n"
		d, err := Load(context.Background(), []Source{{Name: "a.bib", R: strings.NewReader(child)}, {Name: "b.bib", R: strings.NewReader(parent)}},
			Options{SkipBad: tc.skipBad})
		if tc.skipBad {
			// The only paper skipped: no papers left.
			if err == nil || d != nil {
				t.Errorf("year %s, skip-bad: %v", tc.year, err)
			}
			continue
		}
		if (err != nil) != tc.err {
			t.Fatalf("year %s: error %v", tc.year, err)
		}
		if err != nil {
			if !strings.Contains(err.Error(), "a.bib:1") {
				t.Errorf("error %v, want a.bib:1", err)
			}
			continue
		}
		if d.Corpus.Len() != tc.papers || d.Corpus.Year(0) != 2001 || d.Corpus.Venue(0) != "Proc" || d.Corpus.Where(0) != "a.bib:1" {
			t.Errorf("papers %d, year %d, venue %q, at %q", d.Corpus.Len(), d.Corpus.Year(0), d.Corpus.Venue(0), d.Corpus.Where(0))
		}
	}
}
