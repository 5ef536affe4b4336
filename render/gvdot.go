package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
)

// readPositions reads each node's pos from the DOT Graphviz writes after
// a layout (-Tdot), for the n nodes n0 ... n(n-1) of a picture's DOT. The
// DOT is read by gonum's DOT parser, so quoted ids, backslash-newline
// continuations, attributes split over several lines or several node
// statements, and subgraphs all read as Graphviz meant them. A node
// without a pos, a pos that is not "x,y" (an "!" pin and a third
// coordinate are allowed) or a node the picture does not have is an
// error.
func readPositions(out []byte, n int) ([][2]float64, error) {
	f, err := dot.ParseBytes(out)
	if err != nil {
		return nil, fmt.Errorf("reading Graphviz's output: %w", err)
	}
	if len(f.Graphs) != 1 {
		return nil, fmt.Errorf("reading Graphviz's output: %d graphs, want 1", len(f.Graphs))
	}
	pos := make([][2]float64, n)
	found := make([]bool, n)
	var walk func([]ast.Stmt) error
	walk = func(stmts []ast.Stmt) error {
		for _, s := range stmts {
			switch s := s.(type) {
			case *ast.Subgraph:
				if err := walk(s.Stmts); err != nil {
					return err
				}
			case *ast.NodeStmt:
				id := unquote(s.Node.ID)
				v, err := strconv.Atoi(strings.TrimPrefix(id, "n"))
				if err != nil || !strings.HasPrefix(id, "n") || v < 0 || v >= n || "n"+strconv.Itoa(v) != id {
					return fmt.Errorf("reading Graphviz's output: node %q is not one of the picture's n0 to n%d", id, n-1)
				}
				for _, a := range s.Attrs {
					if a.Key != "pos" {
						continue
					}
					p, err := parsePoint(unquote(a.Val))
					if err != nil {
						return fmt.Errorf("reading Graphviz's output: node %s: %w", id, err)
					}
					pos[v], found[v] = p, true
				}
			}
		}
		return nil
	}
	if err := walk(f.Graphs[0].Stmts); err != nil {
		return nil, err
	}
	for v, ok := range found {
		if !ok {
			return nil, fmt.Errorf("reading Graphviz's output: no position for node n%d", v)
		}
	}
	return pos, nil
}

// parsePoint reads a DOT point "x,y", "x,y,z" or either with a final
// "!" (pinned) into x and y.
func parsePoint(s string) ([2]float64, error) {
	f := strings.Split(strings.TrimSuffix(s, "!"), ",")
	if len(f) != 2 && len(f) != 3 {
		return [2]float64{}, fmt.Errorf("pos %q is not x,y", s)
	}
	var p [2]float64
	for i := range p {
		x, err := strconv.ParseFloat(strings.TrimSpace(f[i]), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return [2]float64{}, fmt.Errorf("pos %q is not x,y of two finite numbers", s)
		}
		p[i] = x
	}
	return p, nil
}

// unquote returns a DOT id as its text: a double-quoted string without
// its quotes and with \" read as " (DOT's only escape; other
// backslashes are the text's own, and gonum has already joined the
// backslash-newline continuations). HTML strings and bare ids are
// returned as they are.
func unquote(id string) string {
	if len(id) >= 2 && id[0] == '"' && id[len(id)-1] == '"' {
		return strings.ReplaceAll(id[1:len(id)-1], `\"`, `"`)
	}
	return id
}
