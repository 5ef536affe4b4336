// Package limit turns the limit errors of the readers' line sources into
// the errors readers return.
package limit

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

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

// Reader bounds the bytes a reader takes for one record: past Max bytes
// read since the last Reset, Read and ReadByte give a *text.LimitError
// naming What. It reads through a bufio.Reader, so encoding/xml and
// encoding/csv read it byte by byte without a buffer of their own
// reading ahead.
type Reader struct {
	r     *bufio.Reader
	max   int64
	what  string
	since int64
	// Sep, when MaxSeps is above 0, is a byte counted per record (a CSV
	// delimiter): more than MaxSeps of them give a *text.LimitError too,
	// since a record of tiny fields costs a reader many times its bytes.
	Sep     byte
	MaxSeps int
	seps    int
}

// NewReader returns a Reader of r bounding each record to max bytes.
func NewReader(r io.Reader, max int64, what string) *Reader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	return &Reader{r: br, max: max, what: what}
}

// Reset starts a new record.
func (b *Reader) Reset() { b.since, b.seps = 0, 0 }

func (b *Reader) over() error {
	if b.MaxSeps > 0 && b.seps > b.MaxSeps {
		return &text.LimitError{What: fmt.Sprintf("%q separators in a %s", b.Sep, b.what), Limit: int64(b.MaxSeps), Unit: "separators"}
	}
	return &text.LimitError{What: b.what, Limit: b.max}
}

func (b *Reader) count(p []byte) {
	if b.MaxSeps > 0 {
		b.seps += bytes.Count(p, []byte{b.Sep})
		if b.seps > b.MaxSeps {
			b.since = b.max // no more of this record
		}
	}
}

func (b *Reader) Read(p []byte) (int, error) {
	if b.since >= b.max {
		return 0, b.over()
	}
	if int64(len(p)) > b.max-b.since {
		p = p[:b.max-b.since]
	}
	n, err := b.r.Read(p)
	b.since += int64(n)
	b.count(p[:n])
	return n, err
}

// ReadByte implements io.ByteReader.
func (b *Reader) ReadByte() (byte, error) {
	if b.since >= b.max {
		return 0, b.over()
	}
	c, err := b.r.ReadByte()
	if err == nil {
		b.since++
		if c == b.Sep {
			b.count([]byte{c})
		}
	}
	return c, err
}

// UnreadByte implements io.ByteScanner.
func (b *Reader) UnreadByte() error {
	err := b.r.UnreadByte()
	if err == nil {
		b.since--
		if b.MaxSeps > 0 && b.seps <= b.MaxSeps {
			if c, _ := b.r.Peek(1); len(c) == 1 && c[0] == b.Sep {
				b.seps--
			}
		}
	}
	return err
}
