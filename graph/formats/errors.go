package formats

import (
	"errors"
	"fmt"
	"math"
)

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

// ErrWeight is the error of an edge weight that is not a finite number of
// 0 or more: NaN, an infinity or a negative weight would make every
// weighted measure and the modularity meaningless.
var ErrWeight = errors.New("edge weight must be a finite number, 0 or more")

// CheckWeight returns an error wrapping ErrWeight for a weight that is
// NaN, infinite or negative.
func CheckWeight(w float64) error {
	if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
		return fmt.Errorf("%w, not %v", ErrWeight, w)
	}
	return nil
}
