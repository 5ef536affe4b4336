// Package nodelink writes node-link JSON, the shape networkx and d3 read.
package nodelink

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"coauthor/graph/formats"
)

// Write writes t as node-link JSON, the shape of networkx's
// node_link_data (read back by node_link_graph) and of d3's force
// examples: {"directed", "multigraph", "graph", "nodes": [{"id", "name",
// "source_id", "affiliation", "country" (where known), ..., "cluster"}],
// "links": [{"source", "target", "weight", "papers"}]}, where a link's
// source and target are node ids (the node's index) and clusters are
// numbered from 1, the largest. Each edge is written once, under "links":
// node_link_graph(data) reads it with its default arguments in networkx
// 2.x to 3.5, and node_link_graph(data, edges="links") in 3.4 and later
// (3.6 changed the default key to "edges").
func Write(w io.Writer, t *formats.Table) error {
	if err := t.Check(); err != nil {
		return err
	}
	g := t.Graph
	bw := bufio.NewWriter(w)
	title := jsonString(t.Title)
	fmt.Fprintf(bw, "{\"directed\": false, \"multigraph\": false, \"graph\": {\"name\": %s},\n \"nodes\": [", title)
	for v := range int32(g.N()) {
		if v > 0 {
			bw.WriteString(",")
		}
		name := jsonString(g.Node(v).Name)
		fmt.Fprintf(bw, "\n  {\"id\": %d, \"name\": %s", v, name)
		if id := t.ID(v); id != "" {
			fmt.Fprintf(bw, ", \"source_id\": %s", jsonString(id))
		}
		if a, c := t.NodeAffiliation(v); a != "" || c != "" {
			if a != "" {
				fmt.Fprintf(bw, ", \"affiliation\": %s", jsonString(a))
			}
			if c != "" {
				fmt.Fprintf(bw, ", \"country\": %s", jsonString(c))
			}
		}
		for _, c := range t.Columns {
			key := jsonString(c.Name)
			val := c.Format(v)
			if val == "NaN" {
				val = "null"
			}
			fmt.Fprintf(bw, ", %s: %s", key, val)
		}
		if t.Cluster != nil {
			fmt.Fprintf(bw, ", \"cluster\": %d", t.Cluster[v]+1)
		}
		bw.WriteString("}")
	}
	bw.WriteString("],\n \"links\": [")
	for e := range int32(g.M()) {
		if e > 0 {
			bw.WriteString(",")
		}
		ed := g.Edge(e)
		fmt.Fprintf(bw, "\n  {\"source\": %d, \"target\": %d, \"weight\": %s", ed.U, ed.V, formats.Float(ed.Weight))
		if t.Papers {
			fmt.Fprintf(bw, ", \"papers\": %d", ed.Papers)
		}
		bw.WriteString("}")
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// jsonString quotes s as a JSON string, leaving <, > and & as they are.
func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
