package latex

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// Nested accents once took quadratic time (80 KB: over a minute), each
// level decoding the rest again; the nesting decoded is now bounded, and
// so is the work, measured in bytes allocated: at most 16 per byte of
// input (1.4 today; with the nesting unbounded, 6 GB for the 80 KB, and
// 3.5 minutes). The time is logged.
func TestNestedAccentsLinear(t *testing.T) {
	n := 20000
	s := strings.Repeat(`\"{`, n) + "o" + strings.Repeat("}", n)
	unclosed := strings.Repeat(`\'{`, n)
	for _, tt := range []struct {
		name, in, prefix string
	}{{"nested", s, "ö"}, {"unclosed", unclosed, ""}} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		got := Decode(tt.in)
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("Decode of %d %s accents: %v, %d KB allocated", n, tt.name, took, alloc>>10)
		if limit := 16 * uint64(len(tt.in)); alloc > limit {
			t.Errorf("Decode of %d %s accents allocated %d KB, over %d KB", n, tt.name, alloc>>10, limit>>10)
		}
		if !strings.HasPrefix(got, tt.prefix) {
			t.Errorf("%s: got %.20q", tt.name, got)
		}
	}
}

func TestDecode(t *testing.T) {
	for in, want := range map[string]string{
		`Bob Kay\`:           "Bob Kay",
		`J.\,R.\,R. Tolkien`: "J. R. R. Tolkien",
		`G{\"o}del`:          "Gödel",
		`\'{\i}`:             "í",
		`\"{\"{o}}`:          "ö̈",
		`Erd\H{o}s`:          "Erdős",
		`\c{c}a---va`:        "ça—va",
	} {
		if got := Decode(in); got != want {
			t.Errorf("Decode(%q) = %q, want %q", in, got, want)
		}
	}
}
