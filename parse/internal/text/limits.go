package text

import (
	"bufio"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits bound the work and memory of every reader, whatever its input.
// They are generous: no real export comes near them.
const (
	MaxField  = 16 << 20 // bytes of one field value (a title, an author list)
	MaxLine   = 64 << 20 // bytes of one input line
	MaxRecord = 64 << 20 // bytes of one record with all its fields
	MaxDepth  = 64       // nesting of elements, braces or accents
	MaxExpand = 64 << 20 // bytes of BibTeX @string text, all macros together
	MaxGunzip = 64 << 30 // bytes of decompressed input
)

// LimitError is input over one of the limits above, at a line.
type LimitError struct {
	What  string // "line", "field", "nesting", ...
	Limit int64
	Line  int    // 1-based line where the limit was passed; 0 when unknown
	Unit  string // of Limit: "" is bytes (levels for nesting)
}

func (e *LimitError) Error() string {
	unit := " bytes"
	switch {
	case e.Unit != "":
		unit = " " + e.Unit
	case strings.HasPrefix(e.What, "nesting"):
		unit = " levels"
	}
	return fmt.Sprintf("%s over the limit of %d%s", e.What, e.Limit, unit)
}

// CleanName is the one cleaning every reader applies to a personal name
// it yields: NUL and other C0 and C1 control characters are dropped,
// white space collapsed; a name without a letter ("." "--" "!") is no
// name and gives "".
func CleanName(s string) string {
	if collapsedASCII(s) {
		// The usual case, without allocating: only the letter to check.
		for i := 0; i < len(s); i++ {
			if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
				return s
			}
		}
		return ""
	}
	if cleanText(s) {
		return s // beyond ASCII, without allocating
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r), r == '\uFFFD', r == '\uFEFF':
			return -1
		}
		return r
	}, s)
	s = CollapseSpace(s)
	if strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return ""
	}
	return s
}

// HasControl reports whether s holds a control character.
func HasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0
}

// ReadLine reads up to and including the next '\n' (or to the end of the
// input), at most max bytes: a longer line gives a *LimitError (its Line
// left for the caller to set).
func ReadLine(r *bufio.Reader, max int) (string, error) {
	var buf []byte
	for {
		b, err := r.ReadSlice('\n')
		if len(buf)+len(b) > max {
			return "", &LimitError{What: "line", Limit: int64(max)}
		}
		if err != bufio.ErrBufferFull {
			if buf == nil {
				return string(b), err
			}
			return string(append(buf, b...)), err
		}
		buf = append(buf, b...)
	}
}
