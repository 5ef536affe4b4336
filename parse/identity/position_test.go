package identity

import (
	"testing"

	"coauthor/parse/names"
)

// Initials compared position by position, hyphenated ones included, and
// full given names spaced or hyphenated (issue 25).
func TestCompatibleByPosition(t *testing.T) {
	for _, c := range []struct {
		a, b     string
		strength int
	}{
		{"S. H. Lee", "S.-K. Lee", none},
		{"S.-K. Lee", "S. H. Lee", none},
		{"S. H. Lee", "S.-H. Lee", weak},
		{"S. H. Lee", "S. Lee", weak},
		{"S.-K. Lee", "Sang Hoon Lee", none},
		{"J.-D. Ganière", "Jean-daniel Ganiere", weak},
		{"Jean Daniel Ganiere", "Jean-Daniel Ganiere", strong},
	} {
		if m := compatible(names.Parse(c.a), names.Parse(c.b)); m.strength != c.strength {
			t.Errorf("%q, %q: strength %d (%s), want %d", c.a, c.b, m.strength, m, c.strength)
		}
	}
}
