package formats

import (
	"encoding/json"
	"strings"
)

// Cell makes a text cell safe to open in a spreadsheet: one that starts
// with =, +, -, @, a tab or a carriage return, which a spreadsheet would
// run as a formula, gets a leading ' (OWASP's advice on CSV injection).
// Numbers such as -0.5 are left alone. The CSV exports and the CSV
// tables of the commands (render/report) share it.
func Cell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) || isNumber(s) {
		return s
	}
	return "'" + s
}

func isNumber(s string) bool {
	var x float64
	return json.Unmarshal([]byte(s), &x) == nil
}
