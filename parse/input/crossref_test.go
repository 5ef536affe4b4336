package input

import (
	"context"
	"os"
	"testing"

	"coauthor/parse/internal/readertest"
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
	abbrv := readertest.SharedFile(t, 2, "bibtex/aibasel-abbrv.bib")
	lit := readertest.SharedFile(t, 2, "bibtex/aibasel-literatur.bib")
	cr := readertest.SharedFile(t, 2, "bibtex/aibasel-crossref.bib")
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
