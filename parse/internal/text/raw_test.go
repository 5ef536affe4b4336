package text

import (
	"io"
	"runtime"
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

// A long line read in small pieces is scanned once for its end (it took
// minutes for 64 MB): the split function does not look again at bytes it
// has seen hold no line end. Shown with a line end planted, against the
// rules of a growing buffer, where it already looked: a split that looks
// again finds it. The 32 MB line is read with at most 8 bytes allocated
// per byte (5 today: the scanner's doubling buffer and the line); the
// time is logged.
func TestRawLinesLongLineLinear(t *testing.T) {
	split := newSplitAnyEOL()
	if adv, tok, err := split([]byte("xxxxxxxx"), false); adv != 0 || tok != nil || err != nil {
		t.Fatalf("split of a line without end: %d, %q, %v", adv, tok, err)
	}
	if adv, tok, _ := split([]byte("xx\nxxxxxxxxxxxx"), false); adv != 0 || tok != nil {
		t.Errorf("the split looked again at the first 7 bytes: advanced %d, token %q", adv, tok)
	}
	if adv, tok, _ := split([]byte("xxxxxxxxxxxxxx\nx"), false); adv != 15 || string(tok) != "xxxxxxxxxxxxxx" {
		t.Errorf("line end after the bytes seen: advanced %d, token %q", adv, tok)
	}

	src := strings.Repeat("x", 32<<20) + "\nnext\n"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	l := NewRawLines(chunks{strings.NewReader(src)})
	if s, ok := l.Next(); !ok || len(s) != 32<<20 {
		t.Fatalf("first line: %d bytes, %v", len(s), ok)
	}
	if s, _ := l.Next(); s != "next" {
		t.Errorf("second line %q", s)
	}
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("32 MB line read in %v, %d MB allocated", took, alloc>>20)
	if alloc > 8*uint64(len(src)) {
		t.Errorf("allocated %d MB for a %d MB line", alloc>>20, len(src)>>20)
	}
}

// chunks reads at most 16 KB at a time, as a gzip reader does.
type chunks struct{ r io.Reader }

func (c chunks) Read(b []byte) (int, error) { return c.r.Read(b[:min(len(b), 16<<10)]) }
