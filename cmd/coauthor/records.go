package main

import (
	"coauthor/graph/formats"
	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/identity"
)

// works are a corpus's papers as the graph-file writers read them
// (formats.Works): identity.Papers with each paper's parse.Meta adapted
// to a formats.WorkRecord, since the graph packages do not import the
// readers.
type works struct {
	*identity.Papers
	c *corpus.Corpus
}

var _ formats.Works = works{}

func newWorks(d *dataset) works { return works{d.Identity.Papers(d.Corpus), d.Corpus} }

// Record returns paper i's record, nil when the source told nothing of
// it beyond title, year, authors and venue.
func (w works) Record(i int) *formats.WorkRecord {
	return workRecord(w.c.Meta(i), w.c.Venue(i), len(w.c.Authors(i)))
}

// workRecord adapts m to the writers' record; authors is the number of
// the corpus's author positions of the paper. The corpus drops a name
// given twice on a paper and an empty one, while m.Affiliations parallels
// the authors as the source listed them: when the two lengths differ,
// which affiliation belongs to which kept position is not known, and the
// paper's affiliations are left out rather than given to the wrong
// person.
func workRecord(m *parse.Meta, venue string, authors int) *formats.WorkRecord {
	if m == nil && venue == "" {
		return nil
	}
	r := &formats.WorkRecord{Venue: venue}
	if m == nil {
		return r
	}
	for _, id := range m.IDs {
		r.IDs = append(r.IDs, [2]string{id.Kind, id.Value})
	}
	r.ISSN, r.Type, r.URL, r.Link, r.Language = m.ISSN, m.Type, m.URL, m.Link(), m.Language
	r.Keywords, r.IndexKeywords = m.Keywords, m.IndexKeywords
	if c := m.Citations; c != nil {
		r.Citations, r.CitationsSource, r.HasCitations = c.Count, c.Source, true
	}
	if m.Affiliations != nil && len(m.Affiliations) == authors {
		r.Affiliations = make([][]formats.Affiliation, authors)
		for pos, affs := range m.Affiliations {
			for _, a := range affs {
				r.Affiliations[pos] = append(r.Affiliations[pos], formats.Affiliation{Name: a.Name, ROR: a.ROR, GRID: a.GRID, Country: a.Country})
			}
		}
	}
	return r
}
