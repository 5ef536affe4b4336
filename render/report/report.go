// Package report writes what the commands print: tables for people to
// read, CSV for spreadsheets and JSON for programs, with names from the
// input made safe for each (no terminal escape sequences in a table, no
// formulas in a spreadsheet cell). It also holds the small helpers of a
// command line: suggestions for misspelled names and the version line.
package report

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
	"text/tabwriter"
	"unicode"

	"coauthor/graph/formats"
)

// JSON writes v as indented JSON.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Table writes rows as columns aligned with spaces; the first row is the
// header. Control characters (escape sequences, tabs, newlines) in cells
// are replaced by spaces and bidirectional controls removed (Printable),
// so that a name cannot drive the terminal or reorder the line.
func Table(w io.Writer, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = Printable(c)
		}
		io.WriteString(tw, strings.Join(cells, "\t")+"\n")
	}
	return tw.Flush()
}

// Printable replaces the control characters of s (C0, DEL, C1: escape
// sequences, tabs, newlines) by spaces and removes the bidirectional
// controls (embeddings and overrides U+202A–U+202E, isolates
// U+2066–U+2069, the marks U+200E, U+200F and U+061C), which would
// reorder the rest of a line of the table ("Trojan Source").
func Printable(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || Bidi(r) }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case Bidi(r):
			return -1
		case unicode.IsControl(r):
			return ' '
		}
		return r
	}, s)
}

// Bidi reports whether r is a bidirectional control character.
func Bidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// CSV writes rows as CSV, each cell through formats.Cell (no formulas
// for a spreadsheet to run).
func CSV(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = formats.Cell(c)
		}
		cw.Write(cells)
	}
	cw.Flush()
	return cw.Error()
}

// Object is a JSON object whose keys keep their order: pairs of a key and
// a value that encoding/json marshals.
type Object []any

func (o Object) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i := 0; i+1 < len(o); i += 2 {
		k, err := json.Marshal(o[i])
		v, err2 := json.Marshal(o[i+1])
		if err = cmp.Or(err, err2); err != nil {
			return nil, err
		}
		b = append(append(append(append(b, k...), ':'), v...), ',')
	}
	return append(b[:max(1, len(b)-1)], '}'), nil
}
