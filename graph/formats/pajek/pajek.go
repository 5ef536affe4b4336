// Package pajek writes a graph as a Pajek .net file.
package pajek

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"coauthor/graph/formats"
)

// pajekName quotes a name for Pajek, which has no escape: double quotes
// become single ones.
func pajekName(s string) string { return `"` + strings.ReplaceAll(s, `"`, `'`) + `"` }

// WritePajek writes t's graph as a Pajek .net file: *Vertices with
// 1-based numbers and quoted names, *Edges with weights.
func Write(w io.Writer, t *formats.Table) error {
	g := t.Graph
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "*Vertices %d\r\n", g.N())
	for v := range int32(g.N()) {
		fmt.Fprintf(bw, "%d %s\r\n", v+1, pajekName(g.Node(v).Name))
	}
	fmt.Fprint(bw, "*Edges\r\n")
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		fmt.Fprintf(bw, "%d %d %s\r\n", ed.U+1, ed.V+1, formats.Float(ed.Weight))
	}
	return bw.Flush()
}
