package render

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"coauthor/graph"
	"coauthor/render/picture"
)

// longNames is a graph with a name of 17,006 characters (over Graphviz's
// 16,384-byte limit on a quoted string).
func longNames(t *testing.T) *graph.Graph {
	t.Helper()
	long := strings.Repeat("A", 17000) + " Smith"
	b := graph.NewBuilder([]string{long, "Bob Jones", "Carol King"}, graph.BuildOptions{})
	b.AddPaper([]int32{0, 1, 2}, 2020)
	b.AddPaper([]int32{1, 2}, 2021)
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// The DOT that "export -to dot" and render write is accepted by native
// Graphviz without a warning (issue 21, findings 11 and 29): a name over
// 16 KB, and ca-GrQc's 5,242 nodes down to 0.045 inch wide (which drew
// one "size too small for label" warning per node with label=" ").
func TestDOTNativeGraphviz(t *testing.T) {
	neato, err := exec.LookPath("neato")
	if err != nil {
		t.Skipf("skipping: no native Graphviz (neato) on the PATH: %v", err)
	}
	grqc := network(t, "ca-GrQc")
	grid := make([][2]float64, grqc.N()) // positions, as a layout's
	for v := range grid {
		grid[v] = [2]float64{float64(v%80) * 20, float64(v/80) * 20}
	}
	for _, tt := range []struct {
		name string
		g    *graph.Graph
		opt  picture.Options
	}{
		{"long name", longNames(t), picture.Options{Title: "long", Layout: "force", Labels: 3}},
		{"ca-GrQc", grqc, picture.Options{Title: "ca-GrQc", Positions: grid}},
	} {
		var dot bytes.Buffer
		if err := picture.WriteDOT(context.Background(), &dot, tt.g, tt.opt); err != nil {
			t.Fatal(err)
		}
		// neato -n2 keeps the positions (as render's nop2); -Tdot parses
		// and lays out every node.
		cmd := exec.Command(neato, "-n2", "-Tdot", "-o", "/dev/null")
		cmd.Stdin = &dot
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			msg := stderr.String()
			if len(msg) > 500 {
				msg = msg[:500] + "…"
			}
			t.Errorf("%s: neato -n2: %v, standard error: %s", tt.name, err, msg)
		}
	}
}

// A Graphviz error naming a line of the DOT names the author it draws.
func TestGraphvizErrorNamesAuthor(t *testing.T) {
	g := longNames(t)
	dot := []byte("graph coauthor {\n\tgraph [x=1]\n\tn1 [width=1]\n\tn1 -- n2 [penwidth=1]\n}\n")
	err := withAuthor(errors.New("layout neato: Error: <stdin>: syntax error in line 3 near 'x'"), dot, g)
	if !strings.Contains(err.Error(), `line 3 of the DOT draws author "Bob Jones"`) {
		t.Errorf("error %q does not name Bob Jones", err)
	}
	err = withAuthor(errors.New("Error: <stdin>: syntax error in line 4"), dot, g)
	if !strings.Contains(err.Error(), `an edge of author "Bob Jones"`) {
		t.Errorf("error %q does not name the edge's author", err)
	}
	if err := withAuthor(errors.New("Error: syntax error in line 2"), dot, g); strings.Contains(err.Error(), "draws") {
		t.Errorf("error %q names an author for the graph's line", err)
	}
}
