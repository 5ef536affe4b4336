package render

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// xmlText escapes s for XML text and attribute values.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WriteGraphML writes t as GraphML: node keys name, id (the source's
// identity, when any node has one), each column and cluster; edge keys
// weight and papers. Node ids are "n0", "n1", ... in node order.
func WriteGraphML(w io.Writer, t *Table) error {
	if err := checkTable(t); err != nil {
		return err
	}
	g := t.Graph
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, `<?xml version="1.0" encoding="UTF-8"?>`)
	fmt.Fprintln(bw, `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`)
	fmt.Fprintln(bw, `  <key id="name" for="node" attr.name="name" attr.type="string"/>`)
	if t.IDs != nil {
		fmt.Fprintln(bw, `  <key id="source_id" for="node" attr.name="source_id" attr.type="string"/>`)
	}
	for i, c := range t.Columns {
		fmt.Fprintf(bw, "  <key id=\"m%d\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", i, xmlText(c.Name), c.xmlType())
	}
	if t.Cluster != nil {
		fmt.Fprintln(bw, `  <key id="cluster" for="node" attr.name="cluster" attr.type="int"/>`)
	}
	fmt.Fprintln(bw, `  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>`)
	if t.Papers {
		fmt.Fprintln(bw, `  <key id="papers" for="edge" attr.name="papers" attr.type="int"/>`)
	}
	fmt.Fprintf(bw, "  <graph id=\"coauthor\" edgedefault=\"undirected\">\n")
	if t.Title != "" {
		fmt.Fprintf(bw, "    <desc>%s</desc>\n", xmlText(t.Title))
	}
	for v := 0; v < g.N(); v++ {
		fmt.Fprintf(bw, "    <node id=\"n%d\">\n      <data key=\"name\">%s</data>\n", v, xmlText(g.Node(v).Name))
		if id := t.id(v); id != "" {
			fmt.Fprintf(bw, "      <data key=\"source_id\">%s</data>\n", xmlText(id))
		}
		for i, c := range t.Columns {
			fmt.Fprintf(bw, "      <data key=\"m%d\">%s</data>\n", i, c.format(v))
		}
		if t.Cluster != nil {
			fmt.Fprintf(bw, "      <data key=\"cluster\">%d</data>\n", t.Cluster[v])
		}
		fmt.Fprintln(bw, "    </node>")
	}
	for e := 0; e < g.M(); e++ {
		ed := g.Edge(e)
		fmt.Fprintf(bw, "    <edge source=\"n%d\" target=\"n%d\">\n      <data key=\"weight\">%s</data>\n", ed.U, ed.V, formatFloat(ed.Weight))
		if t.Papers {
			fmt.Fprintf(bw, "      <data key=\"papers\">%d</data>\n", ed.Papers)
		}
		fmt.Fprintln(bw, "    </edge>")
	}
	fmt.Fprintln(bw, "  </graph>\n</graphml>")
	return bw.Flush()
}
