package formats

import "fmt"

// ParseError is a malformed part of a graph file: where it is and what
// was expected.
type ParseError struct {
	File  string // may be empty
	Line  int    // 1-based
	Found string // the text found instead, shortened; may be empty
	Err   error
}

func (e *ParseError) Error() string {
	pos := fmt.Sprintf("line %d", e.Line)
	if e.File != "" {
		pos = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	msg := fmt.Sprintf("%s: %v", pos, e.Err)
	if e.Found != "" {
		msg += fmt.Sprintf(", found %q", e.Found)
	}
	return msg
}

func (e *ParseError) Unwrap() error { return e.Err }
