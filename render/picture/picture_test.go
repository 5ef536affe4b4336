package picture

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	dotfmt "gonum.org/v1/gonum/graph/formats/dot"
	dotast "gonum.org/v1/gonum/graph/formats/dot/ast"

	"coauthor/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// small is a graph of two triangles joined by an edge, with names that
// need escaping, and an isolated author.
func small() *graph.Graph {
	b := graph.NewBuilder([]string{`Ada "the Countess" Lovelace`, "Charles Babbage", `Back\slash`, "Mary Somerville", "Ørsted <H.C.>", "Faraday & Co", "Solo"}, graph.BuildOptions{})
	b.AddPaper([]int32{0, 1, 2}, 1843)
	b.AddPaper([]int32{0, 1}, 1844)
	b.AddPaper([]int32{3, 4, 5}, 1850)
	b.AddPaper([]int32{2, 3}, 1851)
	b.AddPaper([]int32{6}, 1860)
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	return g
}

func smallOptions() Options {
	return Options{
		Title: "Two groups", Seed: 3, SizeLabel: "papers", Size: []float64{2, 2, 2, 2, 1, 1, 1}, Labels: 3,
		Cluster: []int32{0, 0, 0, 1, 1, 1, 2}, ClusterLabel: "leiden cluster",
		ClusterNames: []string{"Ada", "Mary", "Solo"}, ClusterSizes: []int{3, 3, 1},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run go test -update and review the diff\n%s", path, got)
	}
}

func TestWriteDOTGolden(t *testing.T) {
	tests := []struct {
		file string
		opt  Options
	}{
		{"small.dot", smallOptions()},
		{"small-zero-options.dot", Options{}},
		{"small-positions.dot", Options{Positions: [][2]float64{{0, 0}, {10, 0}, {5, 9}, {30, 0}, {40, 0}, {35, 9}, {60, 60}}}},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := WriteDOT(context.Background(), &b, small(), tt.opt); err != nil {
			t.Fatal(err)
		}
		golden(t, tt.file, b.Bytes())
	}
}

// The DOT must be valid: Graphviz parses it, with the names escaped.
func TestDOTParses(t *testing.T) {
	var b bytes.Buffer
	if err := WriteDOT(context.Background(), &b, small(), smallOptions()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`xlabel="Ada \"the Countess\" Lovelace"`, `tooltip="Back\\slash — 2 papers, 3 co-authors`, `tooltip="Ørsted <H.C.> — 1 paper`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
}

func TestClusterColor(t *testing.T) {
	if ClusterColor(0) != Palette[0] || ClusterColor(int32(len(Palette))) != Grey || ClusterColor(-1) != Grey {
		t.Error("ClusterColor does not follow the palette, then grey")
	}
}

// Gonum's DOT parser reads the DOT back: 7 node statements, 7 edges.
func TestDOTReadsBack(t *testing.T) {
	var b bytes.Buffer
	if err := WriteDOT(context.Background(), &b, small(), smallOptions()); err != nil {
		t.Fatal(err)
	}
	file, err := dotfmt.ParseString(b.String())
	if err != nil {
		t.Fatalf("gonum cannot parse the DOT: %v", err)
	}
	var nodes, edges int
	for _, stmt := range file.Graphs[0].Stmts {
		switch stmt.(type) {
		case *dotast.NodeStmt:
			nodes++
		case *dotast.EdgeStmt:
			edges++
		}
	}
	if nodes != 7 || edges != 7 {
		t.Errorf("read back %d nodes and %d edges, want 7 and 7", nodes, edges)
	}
}

func TestViz(t *testing.T) {
	v := Viz([]float64{4, 1}, []int32{1, 12})
	if v.Size[0] != 72 || v.Size[1] != 36 || v.Color[0] != Palette[1] || v.Color[1] != Grey {
		t.Errorf("Viz = %+v, want sizes 72 and 36 points (area by value), colours %s and %s", v, Palette[1], Grey)
	}
}

// Quoted DOT strings stay within Graphviz's 16,384 bytes, cut at a
// character's boundary and never leaving an escape's backslash alone.
func TestQuoteLong(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("A", 17000),
		strings.Repeat("A", 15996) + `\` + strings.Repeat("B", 100), // escaped \\ across the cut
		strings.Repeat("é", 9000),
		strings.Repeat(`"`, 9000),
	} {
		q := quote(s)
		inner := q[1 : len(q)-1]
		if len(q) > 16384 || !strings.HasSuffix(inner, "…") || !utf8.ValidString(q) {
			t.Errorf("quote of %d bytes: %d bytes, ends %q", len(s), len(q), q[max(0, len(q)-8):])
		}
		body := strings.TrimSuffix(inner, "…")
		if trail := len(body) - len(strings.TrimRight(body, `\`)); trail%2 == 1 {
			t.Errorf("quote of %d bytes ends in a lone backslash", len(s))
		}
	}
	if got := Shorten(strings.Repeat("x", 100)); utf8.RuneCountInString(got) != MaxName || !strings.HasSuffix(got, "…") {
		t.Errorf("Shorten gave %d characters", utf8.RuneCountInString(got))
	}
	if Shorten("Ada Lovelace") != "Ada Lovelace" {
		t.Error("Shorten changed a short name")
	}
}
