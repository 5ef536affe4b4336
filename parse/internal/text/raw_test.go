package text

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

func TestRawLines(t *testing.T) {
	src := "a\r\nb\rc\nd\r\r\ne"
	// One byte at a time, so that a CR ends a read.
	l := NewRawLines(iotest.OneByteReader(strings.NewReader(src)))
	var got []string
	for {
		s, ok := l.Next()
		if !ok {
			break
		}
		got = append(got, s)
	}
	if strings.Join(got, "|") != "a|b|c|d||e" {
		t.Errorf("lines %q", got)
	}
}

// A long line read in small pieces is scanned once for its end: it took
// minutes for 64 MB.
func TestRawLinesLongLineLinear(t *testing.T) {
	src := strings.Repeat("x", 32<<20) + "\nnext\n"
	start := time.Now()
	l := NewRawLines(chunks{strings.NewReader(src)})
	if s, ok := l.Next(); !ok || len(s) != 32<<20 {
		t.Fatalf("first line: %d bytes, %v", len(s), ok)
	}
	if s, _ := l.Next(); s != "next" {
		t.Errorf("second line %q", s)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

// chunks reads at most 16 KB at a time, as a gzip reader does.
type chunks struct{ r io.Reader }

func (c chunks) Read(b []byte) (int, error) { return c.r.Read(b[:min(len(b), 16<<10)]) }
