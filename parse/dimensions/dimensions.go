// Package dimensions reads the CSV exports of Dimensions
// (app.dimensions.ai).
package dimensions

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"coauthor/parse"
	"coauthor/parse/internal/limit"
	"coauthor/parse/internal/text"
	"coauthor/parse/names"
)

// ErrHeader is the error of an export without the columns read.
var ErrHeader = errors.New(`expected a Dimensions header row with "Title" and "Authors" columns`)

// Reader reads papers from a Dimensions CSV export: a first line "About
// the data: Exported on ..." (a notice, padded with commas; it may be
// absent), a header row (Rank, Publication ID, DOI, PMID, ..., Title, ...,
// Source title, ..., PubYear, ..., Authors, Authors (Raw Affiliation),
// ...) and a row per publication. Each row is a paper: Title, PubYear (or
// the year of "Publication date"), "Source title" as its venue, and the
// DOI ("doi:...") or else the Publication ID ("dimensions:pub.N") as its
// identity. Its authors are the "Authors" cell, "Last, First; Last,
// First", each made "First Last". Dimensions gives no names for
// publications of more than 100 authors: those rows count as
// Unauthored. Dimensions gives no author ids in this export.
//
// The rest of the row goes to Paper.Meta as given: the ids ("Publication
// ID", DOI, PMID or "PubMed ID", PMCID), ISSN, "Publication Type",
// "Times cited" (citations, source "dimensions"), "MeSH terms" (index
// keywords, split at ";"), and "Dimensions URL" as the URL of a row
// without a DOI. Affiliations are linked to author positions only from a
// column that gives them per author, "Authors Affiliations" or, where
// that is empty, "Authors (Raw Affiliation)": "Last, First (Inst; Inst); Last, First
// (Inst)", each name matched to the Authors name at its place. The
// per-publication columns ("Research Organizations - standardized", "GRID
// IDs", "Country of Research organization") say nothing of which author
// is where, and are not read.
//
// A row over text.MaxRecord bytes, or of more than a million commas,
// stops the reader with a fatal limit error.
type Reader struct {
	opt      parse.ReadOptions
	noAuthor int
	br       *bufio.Reader
	r        *csv.Reader
	in       *limit.Reader // bounds each row
	line     int           // where the last row read starts
	cols     columns
	ready    bool
	fatal    error
}

// NewReader returns a reader of r.
func NewReader(r io.Reader, opt parse.ReadOptions) *Reader {
	return &Reader{opt: opt, br: bufio.NewReaderSize(r, 64<<10)}
}

// Unauthored implements parse.Reader.
func (d *Reader) Unauthored() int { return d.noAuthor }

type columns struct {
	title, year, date, venue, authors, doi, id            int
	pmid, pmcid, issn, typ, cited, mesh, url, aff, rawAff int
}

func column(header []string, name string) int {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i
		}
	}
	return -1
}

// start passes over the notice and reads the header row.
func (d *Reader) start() error {
	d.ready = true
	if bom, _ := d.br.Peek(3); string(bom) == "\uFEFF" {
		d.br.Discard(3)
	}
	d.in = limit.NewReader(d.br, text.MaxRecord, "row")
	// A Dimensions row has 34 columns and at most 100 authors ("Last,
	// First"): a million commas are a bomb of tiny fields, which cost
	// encoding/csv some 80 bytes each.
	d.in.Sep, d.in.MaxSeps = ',', 1<<20
	d.r = csv.NewReader(d.in)
	d.r.FieldsPerRecord = -1
	d.r.ReuseRecord = true
	for {
		row, err := d.r.Read()
		if err != nil {
			return d.csvError(err, true)
		}
		if len(row) > 0 && strings.HasPrefix(strings.TrimSpace(row[0]), "About the data") {
			continue
		}
		d.line, _ = d.r.FieldPos(0)
		c := &d.cols
		c.title, c.year, c.date = column(row, "Title"), column(row, "PubYear"), column(row, "Publication date")
		c.venue, c.authors, c.doi, c.id = column(row, "Source title"), column(row, "Authors"), column(row, "DOI"), column(row, "Publication ID")
		c.pmid, c.pmcid, c.issn, c.typ = column(row, "PMID"), column(row, "PMCID"), column(row, "ISSN"), column(row, "Publication Type")
		if c.pmid < 0 {
			c.pmid = column(row, "PubMed ID")
		}
		c.cited, c.mesh, c.url = column(row, "Times cited"), column(row, "MeSH terms"), column(row, "Dimensions URL")
		c.aff, c.rawAff = column(row, "Authors Affiliations"), column(row, "Authors (Raw Affiliation)")
		if c.title < 0 || c.authors < 0 {
			line, _ := d.r.FieldPos(0)
			d.fatal = &parse.ParseError{File: d.opt.File, Line: line, Found: text.Shorten(strings.Join(row, ","), 40), Err: ErrHeader, Fatal: true}
			return d.fatal
		}
		return nil
	}
}

// csvError positions an error of encoding/csv; one in the header is
// fatal.
func (d *Reader) csvError(err error, fatal bool) error {
	if errors.Is(err, io.EOF) {
		return io.EOF
	}
	pe := &parse.ParseError{File: d.opt.File, Line: 1, Err: err, Fatal: fatal}
	var ce *csv.ParseError
	if errors.As(err, &ce) {
		pe.Line, pe.Record, pe.Err = ce.Line, ce.StartLine, ce.Err
	}
	if le := new(text.LimitError); errors.As(err, &le) { // in the row after the last read
		pe.Line = d.line + 1
		pe.Err = &text.LimitError{What: le.What, Limit: le.Limit, Line: pe.Line, Unit: le.Unit}
		pe.Fatal, fatal = true, true
	}
	if fatal {
		d.fatal = pe
	}
	return pe
}

// Read returns the next paper, io.EOF at the end, or a *parse.ParseError.
func (d *Reader) Read() (*parse.Paper, error) {
	if d.fatal != nil {
		return nil, d.fatal
	}
	if !d.ready {
		if err := d.start(); err != nil {
			return nil, err
		}
	}
	for {
		d.in.Reset()
		row, err := d.r.Read()
		if err != nil {
			var ce *csv.ParseError
			return nil, d.csvError(err, !errors.As(err, &ce))
		}
		line, _ := d.r.FieldPos(0)
		d.line = line
		p := d.paper(row)
		p.Line = line
		if len(p.Authors) == 0 {
			d.noAuthor++
			continue
		}
		return p, nil
	}
}

func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

func (d *Reader) paper(row []string) *parse.Paper {
	c := &d.cols
	p := &parse.Paper{Title: text.CollapseSpace(cell(row, c.title)), Venue: cell(row, c.venue), Year: text.LeadingYear(cell(row, c.year))}
	if p.Year == 0 {
		p.Year = text.LeadingYear(cell(row, c.date))
	}
	m := &parse.Meta{}
	m.AddID(parse.IDDOI, cell(row, c.doi))
	m.AddID(parse.IDDimensions, cell(row, c.id))
	m.AddID(parse.IDPMID, cell(row, c.pmid))
	m.AddID(parse.IDPMCID, cell(row, c.pmcid))
	seen := map[string]bool{} // a set, not a scan of the list: a cell may hold millions
	for _, s := range strings.Split(cell(row, c.issn), ";") {
		if s = parse.NormalizeISSN(s); s != "" && !seen["IS:"+s] {
			seen["IS:"+s] = true
			m.ISSN = append(m.ISSN, s)
		}
	}
	m.Type = text.CollapseSpace(cell(row, c.typ))
	for _, s := range strings.Split(cell(row, c.mesh), ";") {
		if s = text.CollapseSpace(s); s != "" && !seen["MH:"+s] {
			seen["MH:"+s] = true
			m.IndexKeywords = append(m.IndexKeywords, s)
		}
	}
	if n, err := strconv.Atoi(cell(row, c.cited)); err == nil && n >= 0 {
		m.Citations = &parse.Citations{Count: n, Source: "dimensions"}
	}
	if u := cell(row, c.url); m.ID(parse.IDDOI) == "" && (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) {
		m.URL = u
	}
	raw := strings.Split(cell(row, c.authors), ";")
	pos := make([]int, len(raw))
	for i, a := range raw {
		pos[i] = -1
		if name := text.CleanName(names.Order(strings.TrimSpace(a))); name != "" {
			pos[i] = len(p.Authors)
			p.Authors = append(p.Authors, name)
		}
	}
	aff := cell(row, c.aff)
	if aff == "" {
		aff = cell(row, c.rawAff)
	}
	m.Affiliations = affiliations(aff, raw, pos, len(p.Authors))
	if !m.Empty() {
		p.Meta = m
	}
	return p
}

// affiliations links the entries "Last, First (Inst; Inst)" of cell to
// the positions of the authors named so in raw, in order: an entry goes
// to the first author from the one after the last linked whose name is
// the entry's, or else to that last linked author again.
func affiliations(cell string, raw []string, pos []int, n int) [][]parse.Affiliation {
	if cell == "" || n == 0 {
		return nil
	}
	keys := make([]string, len(raw))
	places := map[string][]int{} // the places of each folded name, in order
	for i, r := range raw {
		keys[i] = foldName(r)
		places[keys[i]] = append(places[keys[i]], i)
	}
	var aff [][]parse.Affiliation
	had := map[string]bool{} // "position\x00institution"
	next := 0
	for _, e := range splitOutside(cell, ';') {
		name, insts := nameAndGroups(e)
		key := foldName(name)
		at := -1
		if key != "" {
			ps := places[key]
			if i, _ := slices.BinarySearch(ps, next); i < len(ps) {
				at, next = ps[i], ps[i]+1
			}
		}
		if at < 0 && next > 0 && keys[next-1] == key && key != "" {
			at = next - 1
		}
		if at < 0 || pos[at] < 0 {
			continue
		}
		for _, g := range insts {
			for _, inst := range splitOutside(g, ';') {
				if inst = text.CollapseSpace(inst); inst == "" {
					continue
				}
				if aff == nil {
					aff = make([][]parse.Affiliation, n)
				}
				if k := strconv.Itoa(pos[at]) + "\x00" + inst; !had[k] {
					had[k] = true
					aff[pos[at]] = append(aff[pos[at]], parse.Affiliation{Name: inst})
				}
			}
		}
	}
	return aff
}

// splitOutside splits s at sep outside parentheses.
func splitOutside(s string, sep byte) []string {
	var out []string
	depth, from := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case sep:
			if depth == 0 {
				out = append(out, s[from:i])
				from = i + 1
			}
		}
	}
	return append(out, s[from:])
}

// nameAndGroups splits "Last, First (A; B) (C)" into the name before the
// first parenthesis and the text of each parenthesised group.
func nameAndGroups(e string) (string, []string) {
	open := strings.IndexByte(e, '(')
	if open < 0 {
		return e, nil
	}
	var groups []string
	depth, from := 0, 0
	for i := open; i < len(e); i++ {
		switch e[i] {
		case '(':
			if depth == 0 {
				from = i + 1
			}
			depth++
		case ')':
			if depth > 0 {
				if depth--; depth == 0 {
					groups = append(groups, e[from:i])
				}
			}
		}
	}
	return e[:open], groups
}

// foldName keeps a name's letters and digits, in lower case.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
