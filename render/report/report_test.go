package report

import (
	"bytes"
	"strings"
	"testing"
)

// The CSV of a table escapes cells a spreadsheet would run as formulas.
func TestCSVCell(t *testing.T) {
	var b bytes.Buffer
	CSV(&b, [][]string{{"name"}, {"=1+1"}})
	if b.String() != "name\n'=1+1\n" {
		t.Errorf("CSV wrote %q", b.String())
	}
}

// A table never sends escape sequences or control characters to the
// terminal.
func TestTableStripsControl(t *testing.T) {
	var b bytes.Buffer
	Table(&b, [][]string{{"name"}, {"\x1b[31mRed\x1b]0;title\x07 Bob\r\nX\u009b"}})
	if strings.ContainsFunc(b.String(), func(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 }) {
		t.Errorf("control characters in %q", b.String())
	}
}

func TestSuggest(t *testing.T) {
	cands := []string{"stats", "rank", "clusters", "names", "render", "export", "gen", "version"}
	for in, want := range map[string]string{"stat": "stats", "rnak": "rank", "exprot": "export", "clusteers": "clusters", "xyz": "", "Export": "export"} {
		if got := Suggest(in, cands); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVersion(t *testing.T) {
	if v := Version("coauthor"); !strings.HasPrefix(v, "coauthor ") || !strings.Contains(v, "go1") {
		t.Errorf("Version = %q", v)
	}
}

// Bidirectional controls are removed from table cells: a name cannot
// reorder the line it is printed on.
func TestTableBidi(t *testing.T) {
	var b strings.Builder
	name := "Ann\u202eeoR boB\u202c Lee\u2066x\u2069\u200e\u200f"
	if err := Table(&b, [][]string{{"name", "papers"}, {name, "3"}}); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsFunc(b.String(), Bidi) || !strings.Contains(b.String(), "AnneoR boB Leex") {
		t.Errorf("%q", b.String())
	}
}
