package render

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestReadPositions reads what Graphviz wrote after laying out
// testdata/graphviz/small.dot (native dot, neato and circo, and the
// helper's sfdp; gen.sh made them), and compares each node's position
// with Graphviz's own -Tplain of the same layout.
func TestReadPositions(t *testing.T) {
	for _, name := range []string{"small.dot.dot", "small.neato.dot", "small.circo.dot", "small.sfdp-helper.dot"} {
		t.Run(name, func(t *testing.T) {
			out, err := os.ReadFile(filepath.Join("testdata/graphviz", name))
			if err != nil {
				t.Fatal(err)
			}
			want := readPlain(t, filepath.Join("testdata/graphviz", strings.TrimSuffix(name, ".dot")+".plain"))
			if len(want) != 7 {
				t.Fatalf("%d nodes in the -Tplain oracle, want 7", len(want))
			}
			pos, err := readPositions(out, 7)
			if err != nil {
				t.Fatal(err)
			}
			for v, p := range pos {
				w := want["n"+strconv.Itoa(v)]
				// -Tplain: inches with 5 significant digits.
				if math.Abs(p[0]/72-w[0]) > 1e-3 || math.Abs(p[1]/72-w[1]) > 1e-3 {
					t.Errorf("n%d at %v pt = %.5f,%.5f in, want %v in (-Tplain)", v, p, p[0]/72, p[1]/72, w)
				}
			}
		})
	}
}

// readPlain reads the "name x y" lines gen.sh keeps from -Tplain.
func readPlain(t *testing.T, path string) map[string][2]float64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string][2]float64{}
	s := bufio.NewScanner(f)
	for s.Scan() {
		var name string
		var x, y float64
		if _, err := fmt.Sscan(s.Text(), &name, &x, &y); err != nil {
			t.Fatalf("%s: %q: %v", path, s.Text(), err)
		}
		m[name] = [2]float64{x, y}
	}
	return m
}

// TestReadPositionsTricky: DOT that Graphviz may write or a reader must
// take: a quoted id, a pos continued over a backslash-newline with a pin
// "!", a label holding pos=, a node in a subgraph with a third
// coordinate, an edge's pos (not a node's), and a node whose pos comes
// in a second statement.
func TestReadPositionsTricky(t *testing.T) {
	out, err := os.ReadFile("testdata/graphviz/tricky.dot")
	if err != nil {
		t.Fatal(err)
	}
	pos, err := readPositions(out, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]float64{{1.5, 20}, {3, 4}, {-8, -9.25}}
	for v := range want {
		if pos[v] != want[v] {
			t.Errorf("n%d at %v, want %v", v, pos[v], want[v])
		}
	}
}

func TestReadPositionsErrors(t *testing.T) {
	for _, tc := range []struct {
		name, dot, want string
	}{
		{"not DOT", "graph { n0 [pos=", "reading Graphviz's output"},
		{"two graphs", "graph { n0 [pos=\"1,2\"] } graph { }", "2 graphs, want 1"},
		{"no pos", `graph { n0 [pos="1,2"] n1 }`, "no position for node n1"},
		{"no node", `graph { n0 [pos="1,2"] }`, "no position for node n1"},
		{"stranger", `graph { n0 [pos="1,2"] n1 [pos="1,2"] x [pos="1,2"] }`, `node "x" is not one of the picture's n0 to n1`},
		{"out of range", `graph { n0 [pos="1,2"] n1 [pos="1,2"] n2 [pos="1,2"] }`, `node "n2" is not one`},
		{"leading zero", `graph { n0 [pos="1,2"] n01 [pos="1,2"] }`, `node "n01" is not one`},
		{"one coordinate", `graph { n0 [pos="1"] n1 [pos="1,2"] }`, `node n0: pos "1" is not x,y`},
		{"not a number", `graph { n0 [pos="1,y"] n1 [pos="1,2"] }`, `node n0: pos "1,y" is not x,y`},
		{"NaN", `graph { n0 [pos="NaN,1"] n1 [pos="1,2"] }`, `node n0: pos "NaN,1" is not x,y of two finite numbers`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readPositions([]byte(tc.dot), 2)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
