package render

import (
	"bufio"
	"fmt"
	"io"
)

// WriteGEXF writes t as GEXF 1.3 for Gephi: node attributes source_id,
// each column and cluster; viz:size (the picture's node diameter in
// points: area shows t.Size) and viz:color (the cluster's colour in the
// picture); edge weight and papers.
func WriteGEXF(w io.Writer, t *Table) error {
	if err := checkTable(t); err != nil {
		return err
	}
	g := t.Graph
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, `<?xml version="1.0" encoding="UTF-8"?>`)
	fmt.Fprintln(bw, `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`)
	fmt.Fprintf(bw, "  <meta>\n    <creator>coauthor</creator>\n")
	if t.Title != "" {
		fmt.Fprintf(bw, "    <description>%s</description>\n", xmlText(t.Title))
	}
	fmt.Fprintln(bw, "  </meta>")
	fmt.Fprintln(bw, `  <graph defaultedgetype="undirected" mode="static">`)
	fmt.Fprintln(bw, `    <attributes class="node" mode="static">`)
	if t.IDs != nil {
		fmt.Fprintln(bw, `      <attribute id="source_id" title="source_id" type="string"/>`)
	}
	for i, c := range t.Columns {
		fmt.Fprintf(bw, "      <attribute id=\"m%d\" title=\"%s\" type=\"%s\"/>\n", i, xmlText(c.Name), c.xmlType())
	}
	if t.Cluster != nil {
		fmt.Fprintln(bw, `      <attribute id="cluster" title="cluster" type="integer"/>`)
	}
	fmt.Fprintln(bw, "    </attributes>")
	if t.Papers {
		fmt.Fprintln(bw, `    <attributes class="edge" mode="static">`)
		fmt.Fprintln(bw, `      <attribute id="papers" title="papers" type="integer"/>`)
		fmt.Fprintln(bw, "    </attributes>")
	}
	fmt.Fprintln(bw, "    <nodes>")
	diam := Diameters(t.sizes())
	for v := 0; v < g.N(); v++ {
		fmt.Fprintf(bw, "      <node id=\"%d\" label=\"%s\">\n        <attvalues>\n", v, xmlText(g.Node(v).Name))
		if id := t.id(v); id != "" {
			fmt.Fprintf(bw, "          <attvalue for=\"source_id\" value=\"%s\"/>\n", xmlText(id))
		}
		for i, c := range t.Columns {
			fmt.Fprintf(bw, "          <attvalue for=\"m%d\" value=\"%s\"/>\n", i, c.format(v))
		}
		cluster := int32(0)
		if t.Cluster != nil {
			cluster = t.Cluster[v]
			fmt.Fprintf(bw, "          <attvalue for=\"cluster\" value=\"%d\"/>\n", cluster)
		}
		r, gr, b := rgb(cluster)
		fmt.Fprintf(bw, "        </attvalues>\n        <viz:size value=\"%s\"/>\n        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n      </node>\n",
			formatFloat(diam[v]*72), r, gr, b)
	}
	fmt.Fprintln(bw, "    </nodes>")
	fmt.Fprintln(bw, "    <edges>")
	for e := 0; e < g.M(); e++ {
		ed := g.Edge(e)
		fmt.Fprintf(bw, "      <edge id=\"%d\" source=\"%d\" target=\"%d\" weight=\"%s\"", e, ed.U, ed.V, formatFloat(ed.Weight))
		if t.Papers {
			fmt.Fprintf(bw, ">\n        <attvalues>\n          <attvalue for=\"papers\" value=\"%d\"/>\n        </attvalues>\n      </edge>\n", ed.Papers)
		} else {
			fmt.Fprintln(bw, "/>")
		}
	}
	fmt.Fprintln(bw, "    </edges>\n  </graph>\n</gexf>")
	return bw.Flush()
}
