package formats

import "testing"

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
