// Package dimensions reads the CSV exports of Dimensions
// (app.dimensions.ai).
package dimensions

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"coauthor/parse"
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
type Reader struct {
	opt      parse.ReadOptions
	noAuthor int
	br       *bufio.Reader
	r        *csv.Reader
	cols     struct{ title, year, date, venue, authors, doi, id int }
	ready    bool
	fatal    error
}

// NewReader returns a reader of r.
func NewReader(r io.Reader, opt parse.ReadOptions) *Reader {
	return &Reader{opt: opt, br: bufio.NewReaderSize(r, 64<<10)}
}

// Unauthored implements parse.Reader.
func (d *Reader) Unauthored() int { return d.noAuthor }

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
	d.r = csv.NewReader(d.br)
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
		c := &d.cols
		c.title, c.year, c.date = column(row, "Title"), column(row, "PubYear"), column(row, "Publication date")
		c.venue, c.authors, c.doi, c.id = column(row, "Source title"), column(row, "Authors"), column(row, "DOI"), column(row, "Publication ID")
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
		row, err := d.r.Read()
		if err != nil {
			var ce *csv.ParseError
			return nil, d.csvError(err, !errors.As(err, &ce))
		}
		line, _ := d.r.FieldPos(0)
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
	if doi := cell(row, c.doi); doi != "" {
		p.EnsureMeta().AddID(parse.IDDOI, doi)
	}
	if id := cell(row, c.id); id != "" {
		p.EnsureMeta().AddID(parse.IDDimensions, id)
	}
	for _, a := range strings.Split(cell(row, c.authors), ";") {
		if name := text.CleanName(names.Order(strings.TrimSpace(a))); name != "" {
			p.Authors = append(p.Authors, name)
		}
	}
	return p
}
