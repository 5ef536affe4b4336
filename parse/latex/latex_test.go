package latex

import (
	"strings"
	"testing"
	"time"
)

// Nested accents once took quadratic time (80 KB: over a minute).
func TestNestedAccentsLinear(t *testing.T) {
	n := 20000
	s := strings.Repeat(`\"{`, n) + "o" + strings.Repeat("}", n)
	start := time.Now()
	got := Decode(s)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Decode of %d nested accents took %v", n, d)
	}
	if !strings.HasPrefix(got, "ö") {
		t.Errorf("got %.20q", got)
	}
	unclosed := strings.Repeat(`\'{`, n)
	start = time.Now()
	Decode(unclosed)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Decode of %d unclosed accents took %v", n, d)
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
