// Package limit turns the limit errors of the readers' line sources into
// the errors readers return.
package limit

import (
	"errors"

	"coauthor/parse"
	"coauthor/parse/internal/text"
)

// Err returns err as a reader returns it: a *text.LimitError becomes a
// fatal *parse.ParseError of file at the error's line (or at line, when
// the error has none); other errors are returned as they are.
func Err(file string, line int, err error) error {
	var le *text.LimitError
	if errors.As(err, &le) {
		if le.Line > 0 {
			line = le.Line
		}
		return &parse.ParseError{File: file, Line: max(line, 1), Err: le, Fatal: true}
	}
	return err
}

// New returns the fatal *parse.ParseError of input over a limit.
func New(file string, line int, what string, n int64) *parse.ParseError {
	return &parse.ParseError{File: file, Line: max(line, 1), Err: &text.LimitError{What: what, Limit: n, Line: line}, Fatal: true}
}
