package pajek

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"coauthor/graph"
	"coauthor/graph/formats"
)

// Issue 21, finding 7: a Pajek .net file is read as a graph.

// testdata/karate-networkx.net was written by networkx 3 (see
// testdata/SOURCES.md): 34 nodes, 78 edges, weights summing to 231.
func TestReadNetworkx(t *testing.T) {
	f, err := os.Open("testdata/karate-networkx.net")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := Read(f, "karate-networkx.net")
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for e := range int32(g.M()) {
		sum += g.Edge(e).Weight
	}
	if g.N() != 34 || g.M() != 78 || sum != 231 || g.Node(0).Name != "Member 0" || g.Node(33).Name != "Member 33" {
		t.Errorf("got %d nodes, %d edges, weight %v, first %q", g.N(), g.M(), sum, g.Node(0).Name)
	}
	if e := g.EdgeID(0, 1); e < 0 || g.Edge(e).Weight != 4 {
		t.Errorf("edge Member 0 – Member 1: %d", e)
	}
}

// What Write writes, Read reads back: names, edges, weights.
func TestRoundTrip(t *testing.T) {
	nodes := []graph.Node{{Name: "Ann Lee"}, {Name: `Bo "Bob" Kim`}, {Name: "Di Roe"}, {Name: "Isolated"}}
	g, err := graph.FromEdges(nodes, []graph.Edge{{U: 0, V: 1, Weight: 2.5}, {U: 1, V: 2, Weight: 1}})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, &formats.Table{Graph: g}); err != nil {
		t.Fatal(err)
	}
	h, err := Read(&b, "x.net")
	if err != nil {
		t.Fatal(err)
	}
	if h.N() != 4 || h.M() != 2 || h.Node(1).Name != "Bo 'Bob' Kim" || h.Node(3).Name != "Isolated" || h.Edge(h.EdgeID(0, 1)).Weight != 2.5 {
		t.Errorf("got %d nodes, %d edges: %v", h.N(), h.M(), h.Node(1).Name)
	}
}

func TestReadForms(t *testing.T) {
	src := "% a comment\r\n*Network co\r\n*Vertices 4\r\n1 \"A\" 0.1 0.2 0.5\r\n2 B\r\n*Arcs\r\n1 2 3 c Blue\r\n2 1 2\r\n*Edgeslist\r\n3 1 2 4\r\n"
	g, err := Read(strings.NewReader(src), "x.net")
	if err != nil {
		t.Fatal(err)
	}
	// Vertices 3 and 4 have no line: labelled by number. 2 1 2 sets the
	// pair's weight again; the edge list adds 3-1, 3-2, 3-4.
	if g.N() != 4 || g.M() != 4 || g.Node(2).Name != "3" || g.Edge(g.EdgeID(0, 1)).Weight != 2 || g.EdgeID(2, 3) < 0 {
		t.Errorf("got %d nodes, %d edges", g.N(), g.M())
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		src  string
		line int
		want error
	}{
		{"1 2\n", 1, ErrSection},
		{"*Vertices 2\n1 A\n*Edges\n1 3\n", 4, ErrVertex},
		{"*Vertices 2\n1 A\n*Edges\n1\n", 4, ErrEdge},
		{"*Vertices 2\n1 A\n*Edges\n1 2 NaN\n", 4, formats.ErrWeight},
		{"*Vertices 2\n1 A\n*Edges\n1 2 -1\n", 4, formats.ErrWeight},
		{"*Vertices 2\n2 A\n", 2, ErrVertex},
		{"*Vertices x\n", 1, ErrSection},
		{"", 1, ErrSection},
	}
	for _, tt := range tests {
		_, err := Read(strings.NewReader(tt.src), "x.net")
		var pe *formats.ParseError
		if !errors.Is(err, tt.want) || !errors.As(err, &pe) || pe.Line != tt.line || pe.File != "x.net" {
			t.Errorf("%q: got %v, want %v at line %d", tt.src, err, tt.want, tt.line)
		}
	}
}

// A *Vertices count is bounded: twenty bytes may not ask for 200 million
// nodes (FuzzReadPajek).
func TestReadVerticesLimit(t *testing.T) {
	if _, err := Read(strings.NewReader("*Vertices 0200000000\n"), "big.net"); err == nil || !strings.Contains(err.Error(), "big.net:1") || !strings.Contains(err.Error(), "over the limit of 4194304") {
		t.Errorf("error %v, want big.net:1 and the limit", err)
	}
	if _, err := Read(strings.NewReader("*Vertices 4194305\n"), "over.net"); err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Errorf("one over the limit: %v", err)
	}
}
