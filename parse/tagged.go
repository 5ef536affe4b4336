package parse

import (
	"bufio"
	"bytes"
	"io"
	"strings"
)

// rawLines splits input into lines at LF, CRLF or a lone CR (some RIS
// exports mix all three), drops a leading byte order mark and keeps
// leading spaces, which mark continuation lines in Web of Science files.
type rawLines struct {
	s   *bufio.Scanner
	num int
}

func newRawLines(r io.Reader) *rawLines {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 64<<10), 64<<20)
	s.Split(splitAnyEOL)
	return &rawLines{s: s}
}

// next returns the next line without its terminator or trailing spaces.
func (l *rawLines) next() (string, bool) {
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

func (l *rawLines) err() error { return l.s.Err() }

// splitAnyEOL is a bufio.SplitFunc for lines ended by LF, CRLF or CR.
func splitAnyEOL(data []byte, atEOF bool) (int, []byte, error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
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

// naturalOrder gives a name written "Last, First" (or "Last, First, Jr",
// "Last, Jr, First") as "First Last" ("First Last Jr"); other names are
// returned as they are.
func naturalOrder(name string) string {
	if strings.IndexByte(name, ',') < 0 {
		return collapseSpace(name)
	}
	return collapseSpace(reorder(name))
}

func reorder(name string) string {
	parts := strings.Split(name, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch {
	case len(parts) == 2 && isSuffix(Fold(parts[1])):
		return parts[0] + " " + parts[1]
	case len(parts) == 2:
		return strings.TrimSpace(parts[1] + " " + parts[0])
	case len(parts) == 3 && isSuffix(Fold(parts[2])):
		return parts[1] + " " + parts[0] + " " + parts[2]
	case len(parts) == 3:
		return parts[2] + " " + parts[0] + " " + parts[1]
	}
	return name
}

// dropParens removes parenthesized text ("Ann Lee (ann@x.org)").
func dropParens(s string) string {
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
	return collapseSpace(b.String())
}
