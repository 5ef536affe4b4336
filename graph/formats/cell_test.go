package formats

import (
	"math"
	"testing"
)

// Cells a spreadsheet would run as formulas get a leading '; numbers and
// other text are left alone.
func TestCell(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		"+1+2":                       "'+1+2",
		"-2+3":                       "'-2+3",
		"@SUM(A1)":                   "'@SUM(A1)",
		"\t=1":                       "'\t=1",
		"\r=1":                       "'\r=1",
		"-0.5":                       "-0.5",
		"1e-3":                       "1e-3",
		"Ada Lovelace":               "Ada Lovelace",
		"":                           "",
	} {
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
}

// Float writes subnormals and other values below graph.Tiny as 0 (igraph
// refuses 8.97e-316 as "double overflow"), and keeps everything else.
func TestFloatTiny(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{{8.97e-316, "0"}, {-3e-310, "0"}, {5e-324, "0"}, {1e-300, "1e-300"}, {3.173e-194, "3.173e-194"}, {0.25, "0.25"}, {math.NaN(), "NaN"}} {
		if got := Float(c.x); got != c.want {
			t.Errorf("Float(%g) = %s, want %s", c.x, got, c.want)
		}
	}
}
