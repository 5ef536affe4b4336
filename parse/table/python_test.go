package table

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const python = "/usr/bin/python3"

// pythonSplit is the Python program TestCSVMatchesPython runs: it reads
// the cases (a JSON list of {"d": delimiter, "t": text}) from the file
// named by its argument and prints, for each, the rows of csv.reader in
// the default dialect with that delimiter, the text read as a file
// opened with newline="" (so "\n", "\r\n" and a lone "\r" end lines).
const pythonSplit = `import csv, io, json, sys
cases = json.load(open(sys.argv[1], encoding="utf-8"))
json.dump([list(csv.reader(io.StringIO(c["t"], newline=""), delimiter=c["d"])) for c in cases], sys.stdout)`

// csvCase is one generated input of the comparison with Python.
type csvCase struct {
	D string `json:"d"`
	T string `json:"t"`
}

// csvCases returns n cases for each delimiter: strings of 1 to 16
// characters drawn from a , ; " \t \n \r and space (a, the delimiters and
// the quote more often than white space), from a fixed seed.
func csvCases(n int) []csvCase {
	alphabet := []rune(`aaaa,,;;""""` + "\t\n\r ")
	rng := rand.New(rand.NewPCG(19, 5))
	var cases []csvCase
	for _, d := range []string{",", ";", "\t"} {
		for range n {
			r := make([]rune, 1+rng.IntN(16))
			for i := range r {
				r[i] = alphabet[rng.IntN(len(alphabet))]
			}
			cases = append(cases, csvCase{d, string(r)})
		}
	}
	return cases
}

// split returns the records of text split with delimiter d, or the error
// that ended them.
func split(text string, d rune) ([][]string, error) {
	p := &csvParser{br: bufio.NewReader(strings.NewReader(text)), comma: d}
	var rows [][]string
	for {
		row, lines, err := p.record()
		if err != nil {
			return rows, err
		}
		if lines == nil {
			return rows, nil
		}
		rows = append(rows, row)
	}
}

// The CSV parser splits 2,400 generated cases (800 per delimiter: comma,
// semicolon, tab) as Python's csv.reader does, but for its two
// deliberate differences (see csvParser), whose cases are counted and
// left out: a quote never closed, and blank lines (Python's [] rows are
// dropped before comparing; a case where Python gives a row of white
// space only is left out when the rows differ).
func TestCSVMatchesPython(t *testing.T) {
	if _, err := os.Stat(python); err != nil {
		msg := fmt.Sprintf("%s is missing (%v); on Debian: apt-get install python3", python, err)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip("skipping the comparison with Python's csv: " + msg)
	}
	cases := csvCases(800)
	path := filepath.Join(t.TempDir(), "cases.json")
	data, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	out, err := exec.Command(python, "-c", pythonSplit, path).Output()
	if err != nil {
		t.Fatalf("%s: %v", python, err)
	}
	var want [][][]string
	if err := json.Unmarshal(out, &want); err != nil || len(want) != len(cases) {
		t.Fatalf("python printed %d results for %d cases (%v)", len(want), len(cases), err)
	}
	t.Logf("Python's csv split %d cases in %v", len(cases), time.Since(start))
	compared, unclosed, blank, quoted := 0, 0, 0, 0
	for i, c := range cases {
		got, err := split(c.T, rune(c.D[0]))
		if errors.Is(err, errUnclosed) {
			unclosed++
			continue
		}
		if err != nil {
			t.Errorf("%q split by %q: %v", c.T, c.D, err)
			continue
		}
		w := slices.DeleteFunc(want[i], func(row []string) bool { return len(row) == 0 })
		if !equalRows(got, w) {
			if slices.ContainsFunc(w, func(row []string) bool {
				return !slices.ContainsFunc(row, func(f string) bool { return strings.TrimSpace(f) != "" })
			}) {
				blank++
				continue
			}
			t.Errorf("%q split by %q: %q, Python's csv %q", c.T, c.D, got, w)
		}
		compared++
		if strings.Contains(c.T, `"`) {
			quoted++
		}
	}
	t.Logf("%d cases compared (%d with a quote), %d left out with a quote never closed, %d with a blank line", compared, quoted, unclosed, blank)
	// The deliberate differences must stay a minority, and the
	// comparison must see quotes.
	if compared < len(cases)*2/3 || quoted < len(cases)/3 {
		t.Errorf("only %d of %d cases compared, %d with a quote", compared, len(cases), quoted)
	}
}

func equalRows(a, b [][]string) bool {
	return slices.EqualFunc(a, b, func(x, y []string) bool { return slices.Equal(x, y) })
}

// The cases of the issue and of csvParser's comment, as Python's csv
// splits them.
func TestCSVQuotes(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want [][]string
	}{
		{`"a"b`, [][]string{{"ab"}}},
		{`a"b`, [][]string{{`a"b`}}},
		{`"a""b",c`, [][]string{{`a"b`, "c"}}},
		{`"on "Computer as a Tool"",x`, [][]string{{`on Computer as a Tool""`, "x"}}},
		{"\"a\r\nb\",c\r\nd", [][]string{{"a\r\nb", "c"}, {"d"}}},
		{"a\rb,\"c\rd\"", [][]string{{"a"}, {"b", "c\rd"}}},
		{"a,\n\n b", [][]string{{"a", ""}, {" b"}}},
	} {
		if got, err := split(tt.in, ','); err != nil || !equalRows(got, tt.want) {
			t.Errorf("%q: %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
