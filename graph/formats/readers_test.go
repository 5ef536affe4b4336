package formats_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"coauthor/graph"
	. "coauthor/graph/formats"
	"coauthor/graph/formats/edgelist"
	"coauthor/graph/formats/gml"
	"coauthor/graph/formats/pajek"
)

// Link is an edge as the tests below give it.
type Link struct {
	U, V   int32
	Weight float64
}

// labels and links return a graph's node names and its edges.
func labels(g *graph.Graph) []string {
	var out []string
	for v := range int32(g.N()) {
		out = append(out, g.Node(v).Name)
	}
	return out
}

func links(g *graph.Graph) []Link {
	var out []Link
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		out = append(out, Link{ed.U, ed.V, ed.Weight})
	}
	return out
}

func TestReadEdgeList(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		labels string
		links  []Link
	}{
		{"weighted", "0 1 4\n0 2 5\n", "0 1 2", []Link{{0, 1, 4}, {0, 2, 5}}},
		{"tabs, comments, both directions", "# c\n% c\na\tb\nb\ta\n\nb c\n", "a b c", []Link{{0, 1, 1}, {1, 2, 1}}},
		{"last weight wins", "a b 1\nb a 3\n", "a b", []Link{{0, 1, 3}}},
		{"self-loop dropped, node kept", "a a\nb c\n", "a b c", []Link{{1, 2, 1}}},
		{"networkx data dicts", "a b {}\nb c {'weight': 2.5}\n", "a b c", []Link{{0, 1, 1}, {1, 2, 2.5}}},
		{"CRLF and BOM", "\uFEFFa b\r\nb c\r\n", "a b c", []Link{{0, 1, 1}, {1, 2, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := edgelist.Read(strings.NewReader(tt.src), "e.txt")
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(labels(g), " "); got != tt.labels {
				t.Errorf("labels %q, want %q", got, tt.labels)
			}
			got := links(g)
			if len(got) != len(tt.links) {
				t.Fatalf("links %v, want %v", got, tt.links)
			}
			for i := range tt.links {
				if got[i] != tt.links[i] {
					t.Errorf("link %d = %v, want %v", i, got[i], tt.links[i])
				}
			}
		})
	}
	for _, src := range []string{"a b c\n", "a\n", "a b 1 2\n", "a b x\n"} {
		_, err := edgelist.Read(strings.NewReader("x y\n"+src), "e.txt")
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != 2 || !errors.Is(err, edgelist.ErrEdgeLine) {
			t.Errorf("edgelist.Read(%q) error = %v, want ErrEdgeLine at line 2", src, err)
		}
	}
}

func TestReadGML(t *testing.T) {
	src := `Creator "test"
graph [
  directed 0
  node [ id 0 label "Ann &amp; Co" graphics [ x 1 y 2 ] ]
  node [ id 1 label "Bo" ]
  node [
    id 2
  ]
  edge [ source 1 target 0 value 2.5 ]
  edge [ source 1 target 2 weight 3 ]
  edge [ source 2 target 0 ]
]
`
	g, err := gml.Read(strings.NewReader(src), "g.gml")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(labels(g), "|"); got != "Ann & Co|Bo|2" {
		t.Errorf("labels %q", got)
	}
	want := []Link{{0, 1, 2.5}, {0, 2, 1}, {1, 2, 3}}
	got := links(g)
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Fatalf("links %v, want %v", got, want)
		}
	}
	for _, tt := range []struct{ src, msg string }{
		{"", "g.gml:1: malformed GML: no graph"},
		{"graph [ node [ id 0 ]", "unterminated graph list"},
		{"graph [\nnode [ label \"x\" ] ]", "g.gml:2: malformed GML: node without id"},
		{"graph [ node [ id 0 label \"a\" ] node [ id 1 label \"a\" ] ]", `node label "a" is duplicated`},
		{"graph [ edge [ source 0 target 1 ] ]", "edge between unknown node ids 0 and 1"},
		{"graph [ node [ id 0 ] edge [ source 0 target 0 value x ] ]", `expected a value, found "x" in edge starting at line 1`},
		{"graph [ node [ id 0 ] edge [ source 0 target 0 value 1e ] ]", `edge value "1e" is not a number`},
		{"graph [ node [ id 0 label \"never closed ] ]", "is not closed"},
		{"graph [ node [ id 0 label \"a\" ] node [ id 0 label \"b\" ] node [ id 1 ] edge [ source 0 target 1 ] ]", "node id 0 is duplicated"},
		{"graph [ node [ id 0 ] node [ id 1 ]\nedge [ source 0 target 1 value -1 ] ]", "g.gml:2: malformed GML: edge value: edge weight must be a finite number, 0 or more, not -1"},
		{"graph [ node [ id 0 ] node [ id 1 ] edge [ source 0 target 1 value \"NaN\" ] ]", "not NaN"},
		{"graph [ node [ id 0 ] node [ id 1 ] edge [ source 0 target 1 weight \"Inf\" ] ]", "not +Inf"},
	} {
		_, err := gml.Read(strings.NewReader(tt.src), "g.gml")
		if err == nil || !strings.Contains(err.Error(), tt.msg) || !errors.Is(err, gml.ErrGML) {
			t.Errorf("gml.Read(%q) error = %v, want one containing %q", tt.src, err, tt.msg)
		}
	}
}

// NaN, infinite and negative weights are refused with the file and line.
func TestReadEdgeListBadWeights(t *testing.T) {
	for _, line := range []string{"a b NaN", "a b -2", "a b inf", "a b -Inf", "a b {'weight': nan}", "a b {'weight': -1.5}"} {
		_, err := edgelist.Read(strings.NewReader("x y 1\n"+line+"\n"), "w.txt")
		if err == nil || !strings.HasPrefix(err.Error(), "w.txt:2: ") || !errors.Is(err, ErrWeight) {
			t.Errorf("%q: error %v, want w.txt:2 and ErrWeight", line, err)
		}
	}
}

func FuzzReadEdgeList(f *testing.F) {
	f.Add("0 1 4\n0 2 5\n")
	f.Add("# c\na\tb\nb a {'weight': 2}\n")
	f.Fuzz(fuzzNetwork(edgelist.Read))
}

func FuzzReadGML(f *testing.F) {
	f.Add("graph [ node [ id 0 label \"a\" ] node [ id 1 ] edge [ source 0 target 1 value 2 ] ]")
	f.Add("Creator \"x\"\ngraph\n[\n node\n [\n id 1\n graphics [ x 1 ]\n ]\n]\n")
	f.Fuzz(fuzzNetwork(gml.Read))
}

func FuzzReadPajek(f *testing.F) {
	f.Add("*Vertices 3\r\n1 \"a\"\r\n2 \"b\" 0.1 0.2\r\n*Edges\r\n1 2 2\r\n2 3\r\n")
	f.Add("% c\n*Network n\n*vertices 4 2\n*Arcs\n1 2\n*Edgeslist\n3 1 2 4\n")
	f.Fuzz(fuzzNetwork(pajek.Read))
}

// fuzzNetwork checks that read gives a well-formed network or a
// positioned parse error.
func fuzzNetwork(read func(io.Reader, string) (*graph.Graph, error)) func(*testing.T, string) {
	return func(t *testing.T, src string) {
		g, err := read(strings.NewReader(src), "in")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		checkNetwork(t, g)
	}
}

// checkNetwork checks that links are between known nodes, U < V, once each.
func checkNetwork(t *testing.T, g *graph.Graph) {
	seen := map[[2]int32]bool{}
	for _, l := range links(g) {
		if l.U < 0 || l.U >= l.V || int(l.V) >= g.N() || seen[[2]int32{l.U, l.V}] {
			t.Fatalf("bad link %v among %d nodes", l, g.N())
		}
		seen[[2]int32{l.U, l.V}] = true
	}
}
