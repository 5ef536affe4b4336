package readertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/parse"
)

// FieldCounts counts the papers that carry each part of the work record:
// an id of each kind (by kind name, a paper counted once), "venue", "issn", "type", "url",
// "language", "keywords", "indexkeywords", "citations" and
// "affiliations" (papers with at least one author position linked).
// "citedsum" is the sum of the citation counts.
func FieldCounts(papers []*parse.Paper) map[string]int {
	c := map[string]int{}
	for _, p := range papers {
		if p.Venue != "" {
			c["venue"]++
		}
		m := p.Meta
		if m == nil {
			continue
		}
		kinds := map[string]bool{}
		for _, id := range m.IDs {
			if !kinds[id.Kind] {
				kinds[id.Kind] = true
				c[id.Kind]++
			}
		}
		count := func(k string, ok bool) {
			if ok {
				c[k]++
			}
		}
		count("issn", len(m.ISSN) > 0)
		count("type", m.Type != "")
		count("url", m.URL != "")
		count("language", m.Language != "")
		count("keywords", len(m.Keywords) > 0)
		count("indexkeywords", len(m.IndexKeywords) > 0)
		count("citations", m.Citations != nil)
		if m.Citations != nil {
			c["citedsum"] += m.Citations.Count
		}
		linked := false
		for _, a := range m.Affiliations {
			linked = linked || len(a) > 0
		}
		count("affiliations", linked)
	}
	return c
}

// SharedFile returns the path of a file of the project's shared data set
// (../shared/data beside the repository's root, or the folder
// $COAUTHOR_SHARED_DATA names), skipping the test with a clear message
// when it is absent. up is how many folders the test's package is below
// the repository's root.
func SharedFile(t testing.TB, up int, path string) string {
	t.Helper()
	dir := os.Getenv("COAUTHOR_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join(strings.Repeat("../", up+1), "shared", "data")
	}
	p := filepath.Join(dir, path)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: the shared data set's %s is absent (%v); it is expected at ../shared/data beside the repository's root or in $COAUTHOR_SHARED_DATA", path, err)
	}
	return p
}
