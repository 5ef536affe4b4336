package text

import (
	"bufio"
	"bytes"
	"io"
	"strings"
)

// RawLines splits input into lines at LF, CRLF or a lone CR (some RIS
// exports mix all three), drops a leading byte order mark and keeps
// leading spaces, which mark continuation lines in Web of Science files.
type RawLines struct {
	s   *bufio.Scanner
	num int
}

// Line returns the number of the line Next returned last.
func (l *RawLines) Line() int { return l.num }

func NewRawLines(r io.Reader) *RawLines {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 64<<10), MaxLine)
	s.Split(newSplitAnyEOL())
	return &RawLines{s: s}
}

// Next returns the next line without its terminator or trailing spaces.
func (l *RawLines) Next() (string, bool) {
	if !l.s.Scan() {
		return "", false
	}
	l.num++
	text := l.s.Text()
	if l.num == 1 {
		text = strings.TrimPrefix(text, "\uFEFF")
	}
	return strings.TrimRight(text, " \t\u00a0"), true
}

// Err returns the read error that ended the lines, nil at a clean end; a
// line over MaxLine gives a *LimitError.
func (l *RawLines) Err() error {
	if err := l.s.Err(); err == bufio.ErrTooLong {
		return &LimitError{What: "line", Limit: MaxLine, Line: l.num + 1}
	} else {
		return err
	}
}

// newSplitAnyEOL returns a bufio.SplitFunc for lines ended by LF, CRLF
// or CR. It remembers how far it has looked for the end of a line, so
// that a long line is scanned once, not again each time more of it is
// read.
func newSplitAnyEOL() bufio.SplitFunc {
	scanned := 0 // bytes of data known to hold no line end
	return func(data []byte, atEOF bool) (int, []byte, error) {
		from := min(scanned, len(data))
		adv, tok, err := splitAnyEOL(data, from, atEOF)
		if adv == 0 && tok == nil && err == nil {
			scanned = max(len(data)-1, 0) // a CR last may be followed by LF
		} else {
			scanned = 0
		}
		return adv, tok, err
	}
}

// splitAnyEOL splits off a line ended by LF, CRLF or CR, looking for the
// end from data[from:].
func splitAnyEOL(data []byte, from int, atEOF bool) (int, []byte, error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	i := bytes.IndexAny(data[from:], "\r\n")
	if i >= 0 {
		i += from
	}
	if i >= 0 {
		if data[i] == '\n' {
			return i + 1, data[:i], nil
		}
		if i+1 < len(data) {
			if data[i+1] == '\n' {
				return i + 2, data[:i], nil
			}
			return i + 1, data[:i], nil
		}
		if atEOF {
			return i + 1, data[:i], nil
		}
		return 0, nil, nil // a CR at the end of the buffer: is LF next?
	}
	if atEOF {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// DropParens removes parenthesized text ("Ann Lee (ann@x.org)").
func DropParens(s string) string {
	if strings.IndexByte(s, '(') < 0 {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return CollapseSpace(b.String())
}
