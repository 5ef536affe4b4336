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

// IDKinds returns the kinds of work id, parse.IDKinds.
func (works) IDKinds() []string { return parse.IDKinds }

// Record returns paper i's record, nil when the source told nothing of
// it beyond title, year, authors and venue.
func (w works) Record(i int) *formats.WorkRecord {
	m := w.c.Meta(i) // decoded afresh at each call: once here
	return workRecord(m, w.c.Venue(i), w.c.KeptAffiliations(i, m))
}

// workRecord adapts m to the writers' record, with affs (parallel to the
// corpus's authors of the paper: corpus.Affiliations) as its
// affiliations.
func workRecord(m *parse.Meta, venue string, affs [][]parse.Affiliation) *formats.WorkRecord {
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
	if affs != nil {
		r.Affiliations = make([][]formats.Affiliation, len(affs))
		for pos, list := range affs {
			for _, a := range list {
				r.Affiliations[pos] = append(r.Affiliations[pos], formats.Affiliation{Name: a.Name, ROR: a.ROR, GRID: a.GRID, Country: a.Country})
			}
		}
	}
	return r
}
