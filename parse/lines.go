package parse

import (
	"bufio"
	"io"
	"strings"
	"unicode"
)

// line is one input line without its terminator and surrounding spaces.
type line struct {
	text string
	num  int
}

// lineSource reads lines of any length and lets a reader look ahead.
// It strips a leading UTF-8 byte order mark, CR before LF, and surrounding
// white space (including no-break spaces, common in pasted web pages).
type lineSource struct {
	r       *bufio.Reader
	num     int
	pending []line
	err     error
}

func newLineSource(r io.Reader) *lineSource {
	return &lineSource{r: bufio.NewReaderSize(r, 64*1024)}
}

// fill makes sure at least n lines are pending, if the input has them.
func (s *lineSource) fill(n int) {
	for len(s.pending) < n && s.err == nil {
		text, err := s.r.ReadString('\n')
		if err != nil {
			s.err = err
			if text == "" {
				break
			}
		}
		s.num++
		if s.num == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		s.pending = append(s.pending, line{text: strings.TrimFunc(text, unicode.IsSpace), num: s.num})
	}
}

// peek returns the i-th pending line (0 is the next one).
func (s *lineSource) peek(i int) (line, bool) {
	s.fill(i + 1)
	if i < len(s.pending) {
		return s.pending[i], true
	}
	return line{}, false
}

// next consumes and returns the next line.
func (s *lineSource) next() (line, bool) {
	l, ok := s.peek(0)
	if ok {
		s.pending = s.pending[1:]
	}
	return l, ok
}

// skipBlank consumes blank lines.
func (s *lineSource) skipBlank() {
	for {
		l, ok := s.peek(0)
		if !ok || l.text != "" {
			return
		}
		s.next()
	}
}

// peekNonBlank returns the first non-blank pending line at or after index
// i, and its index.
func (s *lineSource) peekNonBlank(i int) (line, int, bool) {
	for ; ; i++ {
		l, ok := s.peek(i)
		if !ok {
			return line{}, i, false
		}
		if l.text != "" {
			return l, i, true
		}
	}
}

// readErr is the underlying read error, nil at a clean end of input.
func (s *lineSource) readErr() error {
	if s.err == io.EOF {
		return nil
	}
	return s.err
}
