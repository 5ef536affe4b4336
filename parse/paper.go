// Package parse reads author lists from publication records and resolves
// the spellings of one person into one author.
//
// Readers follow encoding/csv: a Reader over an io.Reader whose Read method
// returns one Paper at a time until io.EOF. A malformed record gives a
// *ParseError naming the file, line and what was expected; the reader has
// then moved past that record, so a lenient caller can call Read again.
package parse

import (
	"errors"
	"fmt"
	"time"
)

// Paper is one publication as a reader yields it.
type Paper struct {
	Title   string
	Date    time.Time // zero when the source gives only a year
	Year    int       // 0 when unknown
	Authors []string  // in the order the source lists them
	// IDs, when not nil, parallels Authors with the identity the source
	// gives each author ("" for none): a DBLP homonym number or an OpenAlex
	// author id. Authors with an id are told apart by it, not by name.
	IDs []string `json:",omitempty"`
	// EtAl is set when the source lists only some of the authors
	// ("and others", "et al.").
	EtAl     bool `json:",omitempty"`
	Abstract string
	Notes    []string
	Line     int // line (or record number) where the record starts

	key    [16]byte // see Prepare
	hasKey bool
}

// Prepare computes what Corpus.Add needs from the paper alone (the hash
// that finds repeats), so that a goroutine reading papers can do it while
// another adds them. Calling it is optional.
func (p *Paper) Prepare() {
	if p.Title != "" {
		p.key, p.hasKey = paperKey(nil, p.Title, p.Year), true
	}
}

// Errors wrapped by ParseError, for errors.Is.
var (
	ErrNoDate    = errors.New("expected a date line like \"Oct 20, 2023\" after the title")
	ErrBadDate   = errors.New("not a valid date")
	ErrNoTitle   = errors.New("expected a title line before the date")
	ErrNoAuthors = errors.New("expected the comma-separated author line after the date")
	ErrNotNames  = errors.New("expected author names separated by commas")
)

// ParseError is a malformed record: where it is and what was expected.
type ParseError struct {
	File   string // may be empty
	Line   int    // 1-based line where the problem is
	Record int    // 1-based line where the record starts
	Found  string // the text found instead, shortened; may be empty
	EOF    bool   // the input ended where more was expected
	// Fatal is set when the reader cannot go on past this error (XML that
	// is not well formed, say): skipping it would lose the rest.
	Fatal bool
	Err   error
}

func (e *ParseError) Error() string {
	pos := fmt.Sprintf("line %d", e.Line)
	if e.File != "" {
		pos = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	msg := fmt.Sprintf("%s: %v", pos, e.Err)
	if e.Record != 0 && e.Record != e.Line {
		msg += fmt.Sprintf(" (record starting at line %d)", e.Record)
	}
	switch {
	case e.Found != "":
		msg += fmt.Sprintf(", found %q", e.Found)
	case e.EOF:
		msg += ", found end of input"
	}
	return msg
}

func (e *ParseError) Unwrap() error { return e.Err }

// shorten cuts s to at most n runes for error messages.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
