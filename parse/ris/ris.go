// Package ris reads RIS files (EndNote, Zotero, Scopus, IEEE, Dimensions
// exports).
package ris

import (
	"errors"
	"io"
	"strings"

	"coauthor/parse"
	"coauthor/parse/internal/limit"
	"coauthor/parse/internal/text"
	"coauthor/parse/names"
)

// Reader reads papers from a RIS file (EndNote, Zotero, Scopus, IEEE,
// Dimensions exports): records from "TY  - " to "ER  - ", authors from
// AU and A1 lines, year from PY, Y1 or DA, title from TI or T1. A line
// without a tag continues the value before it; text between records is
// ignored. Names "Last, First" are given as "First Last".
type Reader struct {
	opt      parse.ReadOptions
	noAuthor int

	lines   *text.RawLines
	held    string // a "TY" line read while closing the record before it
	hasHeld bool
}

// NewReader returns a reader of r.
func NewReader(r io.Reader, opt parse.ReadOptions) *Reader {
	return &Reader{opt: opt, lines: text.NewRawLines(r)}
}

// Unauthored implements parse.Reader.
func (r *Reader) Unauthored() int { return r.noAuthor }

// RIS errors, wrapped by ParseError.
var (
	ErrRISNoEnd = errors.New(`expected "ER  - " to end the record`)
)

// risTag splits a RIS line "XX  - value" into tag and value.
func risTag(line string) (tag, value string, ok bool) {
	if len(line) < 5 || !isUpper(line[0]) || !(isUpper(line[1]) || text.IsDigit(line[1])) {
		return "", "", false
	}
	rest := strings.TrimLeft(line[2:], " ")
	if !strings.HasPrefix(rest, "-") || len(line)-len(rest) < 3 {
		return "", "", false
	}
	return line[:2], strings.TrimSpace(rest[1:]), true
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// Read returns the next paper, io.EOF at the end, or a *parse.ParseError for a
// record that never ends (the next record is still read).
func (r *Reader) Read() (*parse.Paper, error) {
	for {
		var line string
		if r.hasHeld {
			line, r.hasHeld = r.held, false
		} else {
			var ok bool
			if line, ok = r.lines.Next(); !ok {
				if err := r.lines.Err(); err != nil {
					return nil, limit.Err(r.opt.File, r.lines.Line(), err)
				}
				return nil, io.EOF
			}
		}
		tag, _, ok := risTag(line)
		if !ok || tag != "TY" {
			continue // text between records
		}
		p, err := r.record(r.lines.Line())
		if err != nil {
			return nil, err
		}
		if len(p.Authors) == 0 {
			r.noAuthor++
			continue
		}
		return p, nil
	}
}

// record reads the fields after a TY line up to ER.
func (r *Reader) record(start int) (*parse.Paper, error) {
	p := &parse.Paper{Line: start}
	var last string // tag of the value being read
	var title, t1 string
	var year, y1, da string
	for {
		line, ok := r.lines.Next()
		if !ok {
			return nil, &parse.ParseError{File: r.opt.File, Line: r.lines.Line(), Record: start, Err: ErrRISNoEnd, EOF: true}
		}
		tag, value, isTag := risTag(line)
		if !isTag {
			// A continuation of the value before it.
			switch last {
			case "TI":
				title += " " + strings.TrimSpace(line)
			case "T1":
				t1 += " " + strings.TrimSpace(line)
			}
			continue
		}
		last = tag
		switch tag {
		case "ER":
			if title == "" {
				title = t1
			}
			p.Title = text.CollapseSpace(title)
			for _, y := range []string{year, y1, da} {
				if p.Year = text.LeadingYear(y); p.Year != 0 {
					break
				}
			}
			return p, nil
		case "TY":
			r.held, r.hasHeld = line, true
			return nil, &parse.ParseError{File: r.opt.File, Line: r.lines.Line(), Record: start, Err: ErrRISNoEnd, Found: text.Shorten(line, 40)}
		case "AU", "A1":
			if name := text.CleanName(names.Order(value)); name != "" {
				p.Authors = append(p.Authors, name)
			}
		case "TI":
			title = value
		case "T1":
			t1 = value
		case "PY":
			year = value
		case "Y1":
			y1 = value
		case "DA":
			da = value
		}
	}
}
