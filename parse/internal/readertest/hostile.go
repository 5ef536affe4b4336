package readertest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"runtime"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/text"
)

// Past is the size of a hostile input: past every per-record limit (a
// field, a line, a record; see text.MaxRecord).
const Past = text.MaxRecord + 4<<20

// Repeat returns a reader of prefix, then fill repeated to n bytes in
// all, then suffix: a huge field, a huge line, deep nesting ("<a>",
// "["), a long run of continuation lines, generated as it is read and
// never held whole.
func Repeat(prefix, fill, suffix string, n int64) io.Reader {
	return io.MultiReader(
		bytes.NewReader([]byte(prefix)),
		&repeater{fill: []byte(fill), n: max(n-int64(len(prefix)+len(suffix)), 0)},
		bytes.NewReader([]byte(suffix)))
}

type repeater struct {
	fill []byte
	n    int64 // bytes left
	off  int   // position in fill
}

func (r *repeater) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.n {
		p = p[:r.n]
	}
	for i := range p {
		p[i] = r.fill[r.off]
		if r.off++; r.off == len(r.fill) {
			r.off = 0
		}
	}
	r.n -= int64(len(p))
	return len(p), nil
}

// Gzip returns the gzip of what r reads: a bomb, when r repeats one
// pattern (68 MB of one byte give about 70 KB).
func Gzip(t testing.TB, r io.Reader) []byte {
	t.Helper()
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if _, err := io.Copy(zw, r); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// counter counts the bytes read through it.
type counter struct {
	r io.Reader
	n int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// OverLimit reads src with the reader open returns and checks that the
// reader stops at a fatal *parse.ParseError with a line, wrapping a
// *parse.LimitError, having read at most maxRead bytes of src and
// allocated at most maxAlloc bytes in all (runtime.MemStats.TotalAlloc,
// which also counts what a quadratic join copies). It returns the error,
// and logs the bytes read and allocated.
func OverLimit(t *testing.T, src io.Reader, open func(io.Reader) parse.Reader, maxRead int64, maxAlloc uint64) *parse.ParseError {
	t.Helper()
	c := &counter{r: src}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := open(c)
	if r == nil {
		t.Fatal("no reader")
	}
	var err error
	for calls := 0; calls < 1e7; calls++ {
		if _, err = r.Read(); err != nil {
			var pe *parse.ParseError
			if errors.As(err, &pe) && !pe.Fatal {
				continue // a malformed record passed over
			}
			break
		}
	}
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("read %d bytes, allocated %d MB: %v", c.n, alloc>>20, err)
	var pe *parse.ParseError
	var le *parse.LimitError
	switch {
	case !errors.As(err, &pe) || !errors.As(err, &le):
		t.Fatalf("got %v, want a *ParseError wrapping a *LimitError", err)
	case !pe.Fatal || pe.Line < 1:
		t.Errorf("limit error %v: fatal %v, line %d; want fatal at a line", pe, pe.Fatal, pe.Line)
	}
	if c.n > maxRead {
		t.Errorf("read %d bytes before the limit error, want at most %d", c.n, maxRead)
	}
	if alloc > maxAlloc {
		t.Errorf("allocated %d MB before the limit error, want at most %d MB", alloc>>20, maxAlloc>>20)
	}
	return pe
}

// Alloc reads src to its end (or first fatal error) with the reader open
// returns and gives the bytes allocated (runtime.MemStats.TotalAlloc) and
// the bytes read: work that grows faster than the input (a quadratic
// join) shows as an allocation many times the input.
func Alloc(t *testing.T, src io.Reader, open func(io.Reader) parse.Reader) (alloc uint64, read int64) {
	t.Helper()
	c := &counter{r: src}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := open(c)
	for calls := 0; calls < 1e7; calls++ {
		if _, err := r.Read(); err != nil {
			var pe *parse.ParseError
			if errors.As(err, &pe) && !pe.Fatal {
				continue
			}
			break
		}
	}
	runtime.ReadMemStats(&after)
	alloc = after.TotalAlloc - before.TotalAlloc
	t.Logf("read %d bytes, allocated %d KB", c.n, alloc>>10)
	return alloc, c.n
}

// Limit is the per-record limit the hostile inputs pass (text.MaxRecord).
const Limit = text.MaxRecord
