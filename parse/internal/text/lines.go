package text

import (
	"bufio"
	"io"
	"strings"
	"unicode"
)

// Line is one input line without its terminator and surrounding spaces.
type Line struct {
	Text string
	Num  int
}

// LineSource reads lines of any length and lets a reader look ahead.
// It strips a leading UTF-8 byte order mark, CR before LF, and surrounding
// white space (including no-break spaces, common in pasted web pages).
type LineSource struct {
	r   *bufio.Reader
	num int
	// Pending are the lines read ahead, not yet consumed.
	Pending []Line
	err     error
}

func NewLineSource(r io.Reader) *LineSource {
	return &LineSource{r: bufio.NewReaderSize(r, 64*1024)}
}

// fill makes sure at least n lines are pending, if the input has them.
func (s *LineSource) fill(n int) {
	for len(s.Pending) < n && s.err == nil {
		text, err := ReadLine(s.r, MaxLine)
		if le, ok := err.(*LimitError); ok {
			le.Line = s.num + 1
		}
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
		s.Pending = append(s.Pending, Line{Text: strings.TrimFunc(text, unicode.IsSpace), Num: s.num})
	}
}

// Peek returns the i-th pending line (0 is the next one).
func (s *LineSource) Peek(i int) (Line, bool) {
	s.fill(i + 1)
	if i < len(s.Pending) {
		return s.Pending[i], true
	}
	return Line{}, false
}

// Next consumes and returns the next line.
func (s *LineSource) Next() (Line, bool) {
	l, ok := s.Peek(0)
	if ok {
		s.Pending = s.Pending[1:]
	}
	return l, ok
}

// SkipBlank consumes blank lines.
func (s *LineSource) SkipBlank() {
	for {
		l, ok := s.Peek(0)
		if !ok || l.Text != "" {
			return
		}
		s.Next()
	}
}

// PeekNonBlank returns the first non-blank pending line at or after index
// i, and its index.
func (s *LineSource) PeekNonBlank(i int) (Line, int, bool) {
	for ; ; i++ {
		l, ok := s.Peek(i)
		if !ok {
			return Line{}, i, false
		}
		if l.Text != "" {
			return l, i, true
		}
	}
}

// ReadErr is the underlying read error, nil at a clean end of input; a
// line over MaxLine gives a *LimitError.
func (s *LineSource) ReadErr() error {
	if s.err == io.EOF {
		return nil
	}
	return s.err
}
