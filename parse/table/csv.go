package table

import (
	"bufio"
	"errors"
	"io"
	"strings"

	"coauthor/parse/internal/text"
)

// rawLine is one physical line of the input, with its terminator cut.
type rawLine struct {
	text string
	num  int
}

// csvParser splits a table into records as Python's csv module does in
// its default, lenient dialect, rather than as encoding/csv does: a
// quote inside a quoted field that is neither doubled nor followed by the
// delimiter or the line end ("on "Computer as a Tool"") is kept and ends
// the quoting, so the field ends at the next delimiter and does not
// swallow the rows after it. The lines of each record are kept, so that
// a record whose quote never closed can be read again from its second
// line (see Reader.Read).
type csvParser struct {
	br    *bufio.Reader
	comma rune
	num   int       // lines read
	back  []rawLine // lines to read again, last first
	err   error     // read error that ended the lines
}

// Errors of the table syntax, wrapped by ParseError.
var (
	errUnclosed = errors.New("a quoted field is not closed before the end of the input")
)

func (p *csvParser) nextLine() (rawLine, bool) {
	if n := len(p.back); n > 0 {
		l := p.back[n-1]
		p.back = p.back[:n-1]
		return l, true
	}
	if p.err != nil {
		return rawLine{}, false
	}
	s, err := text.ReadLine(p.br, text.MaxLine)
	if err != nil {
		if le, ok := err.(*text.LimitError); ok {
			le.Line = p.num + 1
		}
		p.err = err
		if s == "" {
			return rawLine{}, false
		}
	}
	p.num++
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	return rawLine{s, p.num}, true
}

// unread puts lines back to be read again, in their order.
func (p *csvParser) unread(lines []rawLine) {
	for i := len(lines) - 1; i >= 0; i-- {
		p.back = append(p.back, lines[i])
	}
}

// record reads the next record: its fields and its lines. Blank lines
// between records are skipped. At the end of the input it returns no
// lines; a quoted field still open there gives errUnclosed.
func (p *csvParser) record() ([]string, []rawLine, error) {
	var lines []rawLine
	var l rawLine
	for {
		var ok bool
		if l, ok = p.nextLine(); !ok {
			return nil, nil, p.readErr()
		}
		if strings.TrimSpace(l.text) != "" {
			break
		}
	}
	lines = append(lines, l)
	var fields []string
	var field strings.Builder
	size := 0
	const (
		start = iota
		unquoted
		quoted
		quoteInQuoted
	)
	state := start
	s := l.text
	for {
		for _, r := range s {
			switch state {
			case start, unquoted:
				switch {
				case r == p.comma:
					fields = append(fields, field.String())
					field.Reset()
					state = start
				case r == '"' && state == start:
					state = quoted
				default:
					field.WriteRune(r)
					state = unquoted
				}
			case quoted:
				if r == '"' {
					state = quoteInQuoted
				} else {
					field.WriteRune(r)
				}
			case quoteInQuoted:
				switch r {
				case '"':
					field.WriteByte('"')
					state = quoted
				case p.comma:
					fields = append(fields, field.String())
					field.Reset()
					state = start
				default:
					// A quote inside the text: kept, and the quoting ends.
					field.WriteByte('"')
					field.WriteRune(r)
					state = unquoted
				}
			}
			if field.Len() > text.MaxField {
				return nil, lines, &text.LimitError{What: "field", Limit: text.MaxField, Line: l.num}
			}
		}
		if state != quoted {
			fields = append(fields, field.String())
			return fields, lines, nil
		}
		// The quoted field goes on on the next line.
		if size += len(s); size > text.MaxRecord {
			return nil, lines, &text.LimitError{What: "record", Limit: text.MaxRecord, Line: l.num}
		}
		var ok bool
		if l, ok = p.nextLine(); !ok {
			if err := p.readErr(); err != nil {
				return nil, lines, err
			}
			return nil, lines, errUnclosed
		}
		lines = append(lines, l)
		field.WriteByte('\n')
		s = l.text
	}
}

func (p *csvParser) readErr() error {
	if p.err == io.EOF {
		return nil
	}
	return p.err
}
