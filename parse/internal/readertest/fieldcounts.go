package readertest

import "coauthor/parse"

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
