package parse

import (
	"errors"
	"io"
	"strings"
)

// WoSReader reads papers from a Web of Science plain-text export (also
// Zoological Record and other Clarivate databases): two-letter tags at
// the start of a line, continuation lines indented by three spaces, "ER"
// after each record and "EF" at the end. Full names (AF) are used where
// the record has them, else AU; each name "Last, First" is given as
// "First Last", e-mail addresses in parentheses dropped.
type WoSReader struct {
	File     string // file name for errors
	NoAuthor int    // records skipped for want of authors

	lines *rawLines
	held  string // the first line of a record, read while ending another
}

// NewWoSReader returns a reader of r.
func NewWoSReader(r io.Reader) *WoSReader { return &WoSReader{lines: newRawLines(r)} }

// ErrWoSNoEnd is the error of a record not closed by "ER".
var ErrWoSNoEnd = errors.New(`expected "ER" to end the record`)

// Read returns the next paper, io.EOF at the end, or a *ParseError.
func (w *WoSReader) Read() (*Paper, error) {
	for {
		p, err := w.record()
		if err != nil || len(p.Authors) > 0 {
			return p, err
		}
		w.NoAuthor++
	}
}

// record reads lines up to the next "ER" and makes a paper of them.
func (w *WoSReader) record() (*Paper, error) {
	fields := make(map[string][]string)
	start := 0
	tag := ""
	for {
		line, ok := w.held, w.held != ""
		if ok {
			w.held = ""
		} else {
			line, ok = w.lines.next()
		}
		if !ok {
			if err := w.lines.err(); err != nil {
				return nil, err
			}
			if start != 0 {
				return nil, &ParseError{File: w.File, Line: w.lines.num, Record: start, Err: ErrWoSNoEnd, EOF: true}
			}
			return nil, io.EOF
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
		if tag == "PT" && len(fields["PT"]) > 0 {
			// A new record began without an "ER" before it.
			w.held = line
			return nil, &ParseError{File: w.File, Line: w.lines.num, Record: start, Err: ErrWoSNoEnd, Found: shorten(line, 40)}
		}
		if start == 0 {
			start = w.lines.num
		}
		fields[tag] = append(fields[tag], value)
	}
}

func wosPaper(f map[string][]string, start int) *Paper {
	p := &Paper{Line: start, Title: collapseSpace(strings.Join(f["TI"], " "))}
	if len(f["PY"]) > 0 {
		p.Year = leadingYear(f["PY"][0])
	}
	names := f["AF"]
	if len(names) == 0 {
		names = f["AU"]
	}
	for _, n := range names {
		if n = naturalOrder(dropParens(n)); n != "" {
			p.Authors = append(p.Authors, n)
		}
	}
	return p
}
