package csvfiles

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"testing"

	"coauthor/graph"
	"coauthor/graph/formats"
)

// The edges, written as bytes, are the bytes csv.Writer writes for the
// same rows (formats.Float weights: a weight under graph.Tiny as 0, large
// and small ones with an exponent); the nodes' names with commas, quotes,
// line ends and letters beyond ASCII are quoted as csv.Writer quotes them,
// and read back as written.
func TestWriteAsEncodingCSV(t *testing.T) {
	names := []string{"Smith, John", `Jo "the" Doe`, "line\nbreak", "Jürgen Müller", "王伟", " lead space", "=SUM(A1)", "", "cr\r"}
	weights := []float64{1, 0.5, 1e-20, 5e-310, 1e21, math.Pi, 2.5e-7, 123456789}
	nodes := make([]graph.Node, len(names))
	for i, n := range names {
		nodes[i] = graph.Node{Name: n}
	}
	var edges []graph.Edge
	for i, w := range weights {
		edges = append(edges, graph.Edge{U: int32(i), V: int32(i + 1), Weight: w, Papers: i * 7})
	}
	g, err := graph.FromEdges(nodes, edges)
	if err != nil {
		t.Fatal(err)
	}
	for _, papers := range []bool{false, true} {
		var nb, eb bytes.Buffer
		if err := Write(&nb, &eb, &formats.Table{Graph: g, Papers: papers}); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		head := []string{"source", "target", "weight"}
		if papers {
			head = append(head, "papers")
		}
		w.Write(head)
		for e := range int32(g.M()) {
			ed := g.Edge(e)
			row := []string{strconv.Itoa(int(ed.U)), strconv.Itoa(int(ed.V)), formats.Float(ed.Weight)}
			if papers {
				row = append(row, strconv.Itoa(ed.Papers))
			}
			w.Write(row)
		}
		w.Flush()
		if eb.String() != want.String() {
			t.Errorf("papers %v: edges\n%s\nwant (csv.Writer)\n%s", papers, eb.String(), want.String())
		}
		rows, err := csv.NewReader(&nb).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(names)+1 {
			t.Fatalf("%d node rows, want %d", len(rows), len(names)+1)
		}
		for i, n := range names {
			if want := formats.Cell(n); rows[i+1][1] != want && !(n == "cr\r" && rows[i+1][1] == "cr\n") {
				t.Errorf("node %d: name %q read back, want %q", i, rows[i+1][1], want)
			}
		}
	}
}
