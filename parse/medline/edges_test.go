package medline

import (
	"io"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

func open(r io.Reader) parse.Reader { return NewReader(r, parse.ReadOptions{File: "bomb.nbib"}) }

// Issue 21, finding 19: MEDLINE had no line limit (6–7 GB) and joined
// continuation lines in quadratic time (a 3.6 KB gzip took 38.8 CPU-s).
func TestLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 68 MB per case")
	}
	tests := []struct {
		name                 string
		prefix, fill, suffix string
		alloc                uint64 // bytes allocated in all, as a multiple of the limit
	}{
		{"huge line", "PMID- 1\nTI  - ", "a", "\nFAU - Lee, Ann\n", 8},
		{"huge continued field", "PMID- 1\nTI  - t\n", "      a\n", "FAU - Lee, Ann\n", 8},
		// A string and a field per 15-byte line: 16 bytes allocated per byte.
		{"huge record", "PMID- 1\nTI  - t\n", "FAU - Lee, Ann\n", "\n", 24},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			readertest.OverLimit(t, readertest.Repeat(tt.prefix, tt.fill, tt.suffix, readertest.Past), open,
				int64(readertest.Limit)+2<<20, tt.alloc*readertest.Limit)
		})
	}
}

// Continuation lines cost work in proportion to their bytes: 300 KB of
// them allocate a few times that, where the join line by line allocated
// gigabytes.
func TestContinuationLinear(t *testing.T) {
	const n = 300 << 10
	alloc, read := readertest.Alloc(t, readertest.Repeat("PMID- 1\nTI  - t\n", "  a\n", "FAU - Lee, Ann\n", n), open)
	if read != n || alloc > 40*n {
		t.Errorf("read %d bytes of %d, allocated %d KB; want all read, at most %d KB", read, n, alloc>>10, 40*n>>10)
	}
	// So do distinct keywords and ISSNs (a set, not a scan of the list).
	var b strings.Builder
	b.WriteString("PMID- 1\nTI  - t\nFAU - Lee, Ann\n")
	for i := range 20000 {
		b.WriteString("OT  - term" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + itoa(i) + "\n")
	}
	alloc, _ = readertest.Alloc(t, strings.NewReader(b.String()), open)
	if alloc > uint64(40*b.Len()) {
		t.Errorf("20,000 keywords allocated %d KB", alloc>>10)
	}
}

func itoa(i int) string {
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

// Issue 21, finding 20: an AUID with a bad ORCID check digit is dropped
// and counted.
func TestBadORCIDCounted(t *testing.T) {
	src := "PMID- 1\nTI  - T\nFAU - Lee, Ann\nAUID- ORCID: 0000-0002-1825-0098\nFAU - Kim, Bo\nAUID- ORCID: 0000-0002-1825-0097\n"
	r := NewReader(strings.NewReader(src), parse.ReadOptions{})
	papers, _ := readertest.ReadAll(t, r)
	if len(papers) != 1 || r.BadIDs() != 1 || papers[0].IDs[0] != "" || papers[0].IDs[1] != "orcid:0000-0002-1825-0097" {
		t.Errorf("BadIDs %d, papers %+v", r.BadIDs(), papers)
	}
}
