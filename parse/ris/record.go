package ris

import (
	"regexp"
	"strconv"
	"strings"

	"coauthor/parse"
)

// recordTags are the RIS tags read for the work record.
var recordTags = map[string]bool{
	"TY": true, "DO": true, "UR": true, "L1": true, "L2": true, "SN": true, "T2": true, "JO": true, "JF": true,
	"JA": true, "J2": true, "BT": true, "KW": true, "LA": true, "AD": true, "AN": true, "N1": true, "DB": true,
}

// fields are a record's values of recordTags, in order, with their
// continuation lines.
type fields struct {
	tags   []string
	values []string
	listed int // AU and A1 lines, names or not
}

func (f *fields) add(tag, value string) {
	if !recordTags[tag] {
		return
	}
	f.tags = append(f.tags, tag)
	f.values = append(f.values, value)
}

// more appends a continuation line to the value of tag read last.
func (f *fields) more(tag, line string) {
	n := len(f.tags)
	if n == 0 || f.tags[n-1] != tag {
		return
	}
	if line = strings.TrimSpace(line); line != "" {
		f.values[n-1] = strings.TrimSpace(f.values[n-1] + " " + line)
	}
}

// all returns the values of tag.
func (f *fields) all(tag string) []string {
	var out []string
	for i, t := range f.tags {
		if t == tag && f.values[i] != "" {
			out = append(out, f.values[i])
		}
	}
	return out
}

func (f *fields) first(tags ...string) string {
	for _, tag := range tags {
		if v := f.all(tag); len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

var (
	citedBy    = regexp.MustCompile(`(?i)^cited\s+by\s*:\s*([0-9]+)\s*$`)
	exportDate = regexp.MustCompile(`(?i)^export\s+date\s*:\s*(.+)$`)
	scopusEID  = regexp.MustCompile(`[?&]eid=(2-s2\.0-[0-9]+)`)
)

// bookTypes are the RIS types whose ISBN (SN) identifies the work; a
// chapter's or a paper's is its book's.
var bookTypes = map[string]bool{"BOOK": true, "EBOOK": true, "EDBOOK": true}

// fill sets p's Venue and Meta from the fields: DO (DOI), UR, else L2 or
// L1 (URL; a Scopus eid in it), SN (ISSN, or a book's ISBN, by shape),
// T2/JF/JO/JA/BT/J2 (venue), TY (type), KW (keywords), LA (language),
// AN (Scopus "2-s2.0-…" eid, "WOS:…" id, Dimensions "pub.…"), N1 "Cited By: N" (Scopus
// citations, dated by N1 "Export Date: …"), AD (affiliations, linked to
// author positions only when the paper has one author, or when the
// record, not from Scopus, has as many AD lines as authors).
func (f *fields) fill(p *parse.Paper) {
	p.Venue = f.first("T2", "JF", "JO", "JA", "BT", "J2")
	m := &parse.Meta{Type: f.first("TY")}
	for _, d := range f.all("DO") {
		m.AddID(parse.IDDOI, d)
	}
	m.URL = f.first("UR", "L2", "L1")
	if s := scopusEID.FindStringSubmatch(m.URL); s != nil {
		m.AddID(parse.IDScopus, s[1])
	}
	if strings.Contains(m.URL, "doi.org/") && m.ID(parse.IDDOI) == "" {
		m.AddID(parse.IDDOI, m.URL)
	}
	for _, an := range f.all("AN") {
		switch {
		case strings.HasPrefix(an, "2-s2.0-"):
			m.AddID(parse.IDScopus, an)
		case strings.HasPrefix(strings.ToUpper(an), "WOS:"):
			m.AddID(parse.IDWoS, an)
		case strings.HasPrefix(an, "pub."):
			m.AddID(parse.IDDimensions, an)
		}
	}
	for _, sn := range f.all("SN") {
		for _, v := range strings.FieldsFunc(sn, func(r rune) bool { return r == ';' || r == ',' || r == ' ' }) {
			if strings.HasPrefix(v, "(") { // "(ISSN)", "(ISBN)"
				continue
			}
			if n := parse.NormalizeISSN(v); n != "" {
				if !contains(m.ISSN, n) {
					m.ISSN = append(m.ISSN, n)
				}
			} else if bookTypes[m.Type] {
				m.AddID(parse.IDISBN, v)
			}
		}
	}
	for _, kw := range f.all("KW") {
		for _, k := range strings.Split(kw, ";") {
			if k = strings.TrimSpace(k); k != "" {
				m.Keywords = append(m.Keywords, k)
			}
		}
	}
	m.Language = f.first("LA")
	date := ""
	for _, n := range f.all("N1") {
		if d := exportDate.FindStringSubmatch(n); d != nil {
			date = strings.TrimSpace(d[1])
		}
	}
	for _, n := range f.all("N1") {
		if c := citedBy.FindStringSubmatch(n); c != nil {
			if k, err := strconv.Atoi(c[1]); err == nil {
				m.Citations = &parse.Citations{Count: k, Source: "scopus", Date: date}
			}
		}
	}
	ad := f.all("AD")
	scopus := strings.EqualFold(f.first("DB"), "Scopus")
	switch {
	case len(ad) == 0 || len(p.Authors) != f.listed:
		// A line that was no name: positions are not sure.
	case len(p.Authors) == 1:
		affs := make([]parse.Affiliation, len(ad))
		for i, a := range ad {
			affs[i] = parse.Affiliation{Name: a}
		}
		m.Affiliations = [][]parse.Affiliation{affs}
	case len(ad) == len(p.Authors) && !scopus:
		// Scopus lists each institution once, not one a author.
		m.Affiliations = make([][]parse.Affiliation, len(ad))
		for i, a := range ad {
			m.Affiliations[i] = []parse.Affiliation{{Name: a}}
		}
	}
	if !m.Empty() {
		p.Meta = m
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
