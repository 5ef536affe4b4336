package table

import (
	"bufio"
	"errors"
	"io"
	"strings"

	"coauthor/parse/internal/text"
)

// rawLine is one line of the input as Python's csv module sees it
// (a file opened with newline=""): the text up to "\n", "\r\n" or a lone
// "\r", with its terminator cut and kept in end ("" at the end of the
// input). num is the physical line ("\n"-terminated) it is on.
type rawLine struct {
	text string
	end  string
	num  int
}

// csvParser splits a table into records as Python's csv module does in
// its default dialect (excel: doublequote, no escape character, lenient:
// strict=False) with the delimiter given, rather than as encoding/csv
// does: a quote inside a quoted field that is neither doubled nor
// followed by the delimiter or the line end ends the quoting and is
// dropped, the text after it staying in the field ("a"b is ab), so that
// the field ends at the next delimiter and does not swallow the rows
// after it ("on "Computer as a Tool""); a quote inside an unquoted field
// is kept (a"b is a"b); a line end ("\n", "\r\n" or a lone "\r") inside
// a quoted field is kept as written. TestCSVMatchesPython compares it
// with Python's csv.reader on generated cases.
//
// Two differences are deliberate: blank lines (white space only) where a
// record would start are skipped (Python returns [] or the spaces as a
// row), and a record whose quote never closes is an error (Python
// returns what it read) whose lines are kept, so that it can be read
// again from its second line (see Reader.Read).
type csvParser struct {
	br      *bufio.Reader
	comma   rune
	num     int       // physical lines read
	back    []rawLine // lines to read again, last first
	pending string    // the rest of a physical line after a lone "\r"
	err     error     // read error that ended the lines
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
	s := p.pending
	p.pending = ""
	if s == "" {
		if p.err != nil {
			return rawLine{}, false
		}
		var err error
		s, err = text.ReadLine(p.br, text.MaxLine)
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
	}
	// A lone "\r" ends a line too; the rest is the next line.
	if i := strings.IndexByte(s, '\r'); i >= 0 && s[i+1:] != "" && s[i+1:] != "\n" {
		p.pending = s[i+1:]
		return rawLine{s[:i], "\r", p.num}, true
	}
	l := rawLine{text: s, num: p.num}
	for _, end := range []string{"\r\n", "\n", "\r"} {
		if strings.HasSuffix(s, end) {
			l.text, l.end = s[:len(s)-len(end)], end
			break
		}
	}
	return l, true
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
					// A quote inside the text ends the quoting and is
					// dropped, as Python's csv does (strict=False).
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
		end := l.end
		var ok bool
		if l, ok = p.nextLine(); !ok {
			if err := p.readErr(); err != nil {
				return nil, lines, err
			}
			return nil, lines, errUnclosed
		}
		field.WriteString(end)
		lines = append(lines, l)
		s = l.text
	}
}

func (p *csvParser) readErr() error {
	if p.err == io.EOF {
		return nil
	}
	return p.err
}
