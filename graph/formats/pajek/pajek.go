// Package pajek writes a graph as a Pajek .net file.
package pajek

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"coauthor/graph/formats"
)

// Labels returns the Pajek label of every node of t's graph, unquoted:
// unique, as readers that key vertices by label (networkx's read_pajek)
// need, so that a second author with a name already taken (DBLP's
// homonyms) gets " (2)", a third " (3)"; without double quotes, which
// Pajek cannot escape, written as single ones; and without backslashes,
// written as slashes, which networkx would take for escapes (a name
// ending in one made the whole file unreadable). It also returns how many
// labels differ from their names.
func Labels(t *formats.Table) (labels []string, changed int) {
	g := t.Graph
	labels = make([]string, g.N())
	taken := make(map[string]bool, g.N())
	clean := strings.NewReplacer(`"`, `'`, `\`, `/`, "\r", " ", "\n", " ")
	for v := range labels {
		labels[v] = clean.Replace(g.Node(int32(v)).Name)
		taken[labels[v]] = true
	}
	seen := make(map[string]int, g.N())
	for v, l := range labels {
		seen[l]++
		if seen[l] > 1 {
			for k := seen[l]; ; k++ {
				if alt := l + " (" + strconv.Itoa(k) + ")"; !taken[alt] {
					labels[v], taken[alt] = alt, true
					break
				}
			}
		}
		if labels[v] != g.Node(int32(v)).Name {
			changed++
		}
	}
	return labels, changed
}

// Write writes t's graph as a Pajek .net file: *Vertices with 1-based
// numbers and quoted, unique labels (see Labels; t.Warn is told how many
// changed), *Edges with weights.
func Write(w io.Writer, t *formats.Table) error {
	g := t.Graph
	labels, changed := Labels(t)
	if changed > 0 && t.Warn != nil {
		t.Warn(fmt.Sprintf("pajek: %d label(s) differ from the names: \" written as ', \\ as /, a repeated name numbered \" (2)\"", changed))
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "*Vertices %d\r\n", g.N())
	for v := range int32(g.N()) {
		fmt.Fprintf(bw, "%d \"%s\"\r\n", v+1, labels[v])
	}
	fmt.Fprint(bw, "*Edges\r\n")
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		fmt.Fprintf(bw, "%d %d %s\r\n", ed.U+1, ed.V+1, formats.Float(ed.Weight))
	}
	return bw.Flush()
}
