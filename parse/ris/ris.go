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
	listed  int // author lines of the last record read
	fatal   error
}

// NewReader returns a reader of r.
func NewReader(r io.Reader, opt parse.ReadOptions) *Reader {
	return &Reader{opt: opt, lines: text.NewRawLines(r)}
}

// Unauthored implements parse.Reader.
func (r *Reader) Unauthored() int { return r.noAuthor }

// RIS errors, wrapped by ParseError.
var (
	ErrRISNoEnd   = errors.New(`expected "ER  - " to end the record`)
	ErrRISNoStart = errors.New(`expected "TY  - " to start the record`)
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
	if r.fatal != nil {
		return nil, r.fatal
	}
	p, err := r.read()
	var pe *parse.ParseError
	if errors.As(err, &pe) && pe.Fatal {
		r.fatal = err
	}
	return p, err
}

func (r *Reader) read() (*parse.Paper, error) {
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
		tag, ty, ok := risTag(line)
		if !ok || tag == "ER" {
			continue // text between records
		}
		if tag != "TY" {
			// Fields without the "TY" that starts a record: pass over
			// them to their "ER", and say so. Fields without an author
			// that no "ER" ends (the next "TY" or the end comes first)
			// trail the record before: Ovid writes "NL  - " after "ER".
			start := r.lines.Line()
			_, err := r.record(start, "")
			pe, ok := err.(*parse.ParseError)
			if ok && pe.Fatal {
				return nil, err
			}
			if ok && errors.Is(pe.Err, ErrRISNoEnd) && r.listed == 0 && tag != "AU" && tag != "A1" {
				continue // text between records
			}
			return nil, &parse.ParseError{File: r.opt.File, Line: start, Record: start, Err: ErrRISNoStart, Found: text.Shorten(line, 40)}
		}
		p, err := r.record(r.lines.Line(), ty)
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

// record reads the fields after a TY line (of type ty) up to ER.
func (r *Reader) record(start int, ty string) (*parse.Paper, error) {
	p := &parse.Paper{Line: start}
	var last string // tag of the value being read
	var title, t1 string
	var year, y1, da string
	var more strings.Builder // continuation lines of TI or T1
	var rec fields           // the other fields kept for the work record
	rec.add("TY", ty)
	r.listed = 0
	size := 0
	for {
		line, ok := r.lines.Next()
		if !ok {
			if err := r.lines.Err(); err != nil {
				return nil, limit.Err(r.opt.File, r.lines.Line(), err)
			}
			return nil, &parse.ParseError{File: r.opt.File, Line: r.lines.Line(), Record: start, Err: ErrRISNoEnd, EOF: true}
		}
		if size += len(line); size > text.MaxRecord {
			return nil, limit.New(r.opt.File, r.lines.Line(), "record", text.MaxRecord)
		}
		tag, value, isTag := risTag(line)
		if !isTag {
			// A continuation of the value before it.
			if last == "TI" || last == "T1" {
				more.WriteByte(' ')
				more.WriteString(strings.TrimSpace(line))
			} else {
				rec.more(last, line)
			}
			continue
		}
		switch last {
		case "TI":
			title += more.String()
		case "T1":
			t1 += more.String()
		}
		more.Reset()
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
			rec.fill(p)
			return p, nil
		case "TY":
			r.held, r.hasHeld = line, true
			return nil, &parse.ParseError{File: r.opt.File, Line: r.lines.Line(), Record: start, Err: ErrRISNoEnd, Found: text.Shorten(line, 40)}
		case "AU", "A1":
			rec.listed++
			r.listed++
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
		default:
			rec.add(tag, value)
		}
	}
}
