package xmlfeed

import (
	"strings"

	"coauthor/parse"
)

// dblpRecord gathers what a DBLP record tells of its work beyond title,
// year and authors.
type dblpRecord struct {
	typ, key         string
	ees              []string
	url              string
	journal, booktit string
	isbn             []string
}

// dblpType returns the element name of a record as a constant string
// (no allocation for the usual ones).
func dblpType(name []byte) string {
	switch string(name) {
	case "article":
		return "article"
	case "inproceedings":
		return "inproceedings"
	case "incollection":
		return "incollection"
	case "book":
		return "book"
	case "phdthesis":
		return "phdthesis"
	case "mastersthesis":
		return "mastersthesis"
	case "data":
		return "data"
	}
	return string(name)
}

// reset empties r for a record of type typ and key, keeping its slices.
func (r *dblpRecord) reset(typ, key string) {
	*r = dblpRecord{typ: typ, key: key, ees: r.ees[:0], isbn: r.isbn[:0]}
}

// hasLink reports whether an <ee> read so far is neither a DOI nor an
// arXiv link: the URL, before which a <url> is not needed.
func (r *dblpRecord) hasLink() bool {
	for _, ee := range r.ees {
		if !strings.Contains(ee, "doi.org/10.") && !strings.Contains(ee, "arxiv.org/abs/") {
			return true
		}
	}
	return false
}

func (r *dblpRecord) field(kind, v string) {
	if v == "" {
		return
	}
	switch kind {
	case "ee":
		r.ees = append(r.ees, v)
	case "url":
		if r.url == "" {
			r.url = v
		}
	case "journal":
		if r.journal == "" {
			r.journal = v
		}
	case "booktitle":
		if r.booktit == "" {
			r.booktit = v
		}
	case "isbn":
		r.isbn = append(r.isbn, v)
	}
}

// metaBox holds a Meta and room for its first ids: one allocation.
type metaBox struct {
	m   parse.Meta
	ids [3]parse.WorkID
}

// fill sets p's Venue (journal, else booktitle) and Meta: the record key
// as its DBLP id, the element name as type, each <ee> that is a doi.org
// link as its DOI, an arXiv link as its arXiv id, the first other as its
// URL (else <url>, made absolute on dblp.org), and the ISBN of a <book>
// (a chapter's or a paper's is its book's).
// The Meta and its first ids are kept in box.
func (r *dblpRecord) fill(p *parse.Paper, box *metaBox) {
	p.Venue = r.journal
	if p.Venue == "" {
		p.Venue = r.booktit
	}
	m := &box.m
	m.Type, m.IDs = r.typ, box.ids[:0]
	m.AddID(parse.IDDBLP, r.key)
	for _, ee := range r.ees {
		switch {
		case strings.Contains(ee, "doi.org/10."):
			m.AddID(parse.IDDOI, ee)
		case strings.Contains(ee, "arxiv.org/abs/"):
			m.AddID(parse.IDArXiv, ee)
		case m.URL == "":
			m.URL = ee
		}
	}
	if m.URL == "" && r.url != "" {
		m.URL = r.url
		if strings.HasPrefix(m.URL, "db/") {
			m.URL = "https://dblp.org/" + m.URL
		}
	}
	if r.typ == "book" {
		for _, isbn := range r.isbn {
			m.AddID(parse.IDISBN, isbn)
		}
	}
	if len(m.IDs) == 0 {
		m.IDs = nil
	}
	p.Meta = m
}
