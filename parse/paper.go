// Package parse holds what every reader of publication records shares: the
// Paper record, the Reader interface, the positioned ParseError and the
// detection of an input's format. The readers are its subpackages, one per
// format family (authorpage, bibtex, ris, wos, table for CSV/TSV,
// jsonworks, xmlfeed for DBLP and arXiv); names reads personal names,
// corpus keeps the papers of a run, identity resolves spellings into
// people, and input runs the whole path from files to identities.
//
// Readers follow encoding/csv: a Reader over an io.Reader whose Read method
// returns one Paper at a time until io.EOF. A malformed record gives a
// *ParseError naming the file, line and what was expected; the reader has
// then moved past that record, so a lenient caller can call Read again.
//
// Every reader bounds its work and memory whatever its input: a field
// value is at most 16 MB, a line or a record 64 MB, elements and accents
// nest at most 64 deep, BibTeX @string text is bounded by the input read,
// decompressed input is at most 64 GB. Input over a limit gives a fatal
// *ParseError at its line wrapping a *LimitError that names the limit.
// Every name a reader yields is cleaned once (text.CleanName): no control
// characters, white space collapsed, and no "name" without a letter.
package parse

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"coauthor/parse/internal/text"
)

// LimitError names the limit some input passed (see the package
// documentation); a fatal *ParseError wraps it.
type LimitError = text.LimitError

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
	EtAl bool `json:",omitempty"`
	// Venue is the journal, proceedings or arXiv categories, "" when the
	// source gives none.
	Venue string `json:",omitempty"`
	// Meta is the rest of what the source tells of the work: its ids
	// (DOI, arXiv, PMID, OpenAlex, DBLP key, ...), type, link, keywords,
	// citations, and each author's affiliations; nil when it tells none.
	// Two records with different ids of one kind are two works, whatever
	// their titles.
	Meta     *Meta `json:",omitempty"`
	Abstract string
	Notes    []string
	Line     int // line (or record number) where the record starts
	// Key, when set, is a hash of the folded title and year that the
	// corpus uses to find repeats, computed ahead by a reading goroutine
	// (see corpus.PaperKey).
	Key *[16]byte `json:"-"`
}

// ReadOptions are the settings every reader takes.
type ReadOptions struct {
	File string // file name for errors; may be empty
	// AuthorSep separates the names in a CSV authors cell; "" lets the
	// reader choose per file.
	AuthorSep string
}

// Validate reports an AuthorSep that is not valid UTF-8 or holds a line
// break or a NUL, which no authors cell is split on. Every File is valid.
func (o ReadOptions) Validate() error {
	if !utf8.ValidString(o.AuthorSep) || strings.ContainsAny(o.AuthorSep, "\n\r\x00") {
		return fmt.Errorf("parse: ReadOptions.AuthorSep is %q, want text without line breaks", o.AuthorSep)
	}
	return nil
}

// Reader is what every reader of papers provides: Read returns the next
// paper, io.EOF at the end, or an error; after a *ParseError that is not
// Fatal, Read goes on with the next record.
type Reader interface {
	Read() (*Paper, error)
	// Unauthored returns how many records were passed over so far for
	// want of authors (editors only, a person page, an empty field).
	Unauthored() int
}

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

// BadIDReader is implemented by readers that drop an id the source gives
// malformed (an ORCID iD whose check digit does not match): BadIDs counts
// them so far. The author stays, without that identity.
type BadIDReader interface {
	BadIDs() int
}

// The plausible years of a paper: a reader's year outside them (a typo,
// or a number such as 2147483648 that would wrap in 32 bits) makes the
// record malformed, wrapping ErrYear.
const (
	MinYear = 1000
	MaxYear = 2100
)

// ErrYear is wrapped by the error of a record whose year is outside
// MinYear–MaxYear.
var ErrYear = fmt.Errorf("expected a year from %d to %d", MinYear, MaxYear)
