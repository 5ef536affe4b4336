// Package wos reads Web of Science plain-text exports.
package wos

import (
	"errors"
	"io"
	"strings"

	"coauthor/parse"
	"coauthor/parse/internal/limit"
	"coauthor/parse/internal/text"
)

// Reader reads papers from a Web of Science plain-text export (also
// Zoological Record and other Clarivate databases): two-letter tags at
// the start of a line, continuation lines indented by three spaces, "ER"
// after each record and "EF" at the end. Full names (AF) are used where
// the record has them, else AU; each name "Last, First" is given as
// "First Last", e-mail addresses in parentheses dropped. The rest of the
// record goes to Paper.Venue and Paper.Meta as FromTags says.
type Reader struct {
	opt      parse.ReadOptions
	noAuthor int

	lines *text.RawLines
	held  string // the first line of a record, read while ending another
	fatal error
}

// NewReader returns a reader of r.
func NewReader(r io.Reader, opt parse.ReadOptions) *Reader {
	return &Reader{opt: opt, lines: text.NewRawLines(r)}
}

// Unauthored implements parse.Reader.
func (w *Reader) Unauthored() int { return w.noAuthor }

// ErrWoSNoEnd is the error of a record not closed by "ER".
var ErrWoSNoEnd = errors.New(`expected "ER" to end the record`)

// Read returns the next paper, io.EOF at the end, or a *parse.ParseError.
func (w *Reader) Read() (*parse.Paper, error) {
	if w.fatal != nil {
		return nil, w.fatal
	}
	for {
		p, err := w.record()
		if pe, ok := err.(*parse.ParseError); ok && pe.Fatal {
			w.fatal = err
		}
		if err != nil || len(p.Authors) > 0 {
			return p, err
		}
		w.noAuthor++
	}
}

// record reads lines up to the next "ER" and makes a paper of them.
func (w *Reader) record() (*parse.Paper, error) {
	fields := make(map[string][]string)
	start := 0
	tag := ""
	size := 0
	for {
		line, ok := w.held, w.held != ""
		if ok {
			w.held = ""
		} else {
			line, ok = w.lines.Next()
		}
		if !ok {
			if err := w.lines.Err(); err != nil {
				return nil, limit.Err(w.opt.File, w.lines.Line(), err)
			}
			if start != 0 {
				return nil, &parse.ParseError{File: w.opt.File, Line: w.lines.Line(), Record: start, Err: ErrWoSNoEnd, EOF: true}
			}
			return nil, io.EOF
		}
		if size += len(line); size > text.MaxRecord {
			return nil, limit.New(w.opt.File, w.lines.Line(), "record", text.MaxRecord)
		}
		switch {
		case strings.TrimSpace(line) == "":
			continue
		case strings.HasPrefix(line, "   ") || strings.HasPrefix(line, "\t"):
			if tag != "" {
				fields[tag] = append(fields[tag], strings.TrimSpace(line))
			}
			continue
		}
		tag = line
		value := ""
		if i := strings.IndexByte(line, ' '); i >= 0 {
			tag, value = line[:i], strings.TrimSpace(line[i+1:])
		}
		switch tag {
		case "FN", "VR", "EF":
			tag = ""
			continue
		case "ER":
			if start == 0 {
				continue
			}
			return wosPaper(fields, start), nil
		}
		if (tag == "PT" || tag == "AU" || tag == "AF") && len(fields[tag]) > 0 {
			// A new record began without an "ER" before it: a record
			// has one PT, AU and AF line each (names go on on
			// continuation lines), so a second starts the next record.
			w.held = line
			return nil, &parse.ParseError{File: w.opt.File, Line: w.lines.Line(), Record: start, Err: ErrWoSNoEnd, Found: text.Shorten(line, 40)}
		}
		if start == 0 {
			start = w.lines.Line()
		}
		fields[tag] = append(fields[tag], value)
	}
}

func wosPaper(f map[string][]string, start int) *parse.Paper {
	return FromTags(f, start, false)
}
