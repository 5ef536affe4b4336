// Package gexf writes a graph as GEXF 1.3 for Gephi.
package gexf

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"coauthor/graph/formats"
)

// Write writes t as GEXF 1.3 for Gephi: node attributes source_id,
// affiliation and country (the most frequent, where known: Table.Affiliation
// and Table.Country), each column and cluster; viz:size and viz:color
// (t.Viz: the node's diameter in points and colour in the picture) and
// viz:position (t.Positions); edge weight and papers.
func Write(w io.Writer, t *formats.Table) error {
	if err := t.Check(); err != nil {
		return err
	}
	g := t.Graph
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, `<?xml version="1.0" encoding="UTF-8"?>`)
	fmt.Fprintln(bw, `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`)
	fmt.Fprintf(bw, "  <meta>\n    <creator>coauthor</creator>\n")
	if t.Title != "" {
		fmt.Fprintf(bw, "    <description>%s</description>\n", formats.XMLText(t.Title))
	}
	fmt.Fprintln(bw, "  </meta>")
	if t.NodeSpells != nil {
		fmt.Fprintln(bw, `  <graph defaultedgetype="undirected" mode="dynamic" timeformat="integer">`)
	} else {
		fmt.Fprintln(bw, `  <graph defaultedgetype="undirected" mode="static">`)
	}
	fmt.Fprintln(bw, `    <attributes class="node" mode="static">`)
	if t.IDs != nil {
		fmt.Fprintln(bw, `      <attribute id="source_id" title="source_id" type="string"/>`)
	}
	if t.Affiliation != nil {
		fmt.Fprintln(bw, `      <attribute id="affiliation" title="affiliation" type="string"/>`)
	}
	if t.Country != nil {
		fmt.Fprintln(bw, `      <attribute id="country" title="country" type="string"/>`)
	}
	for i, c := range t.Columns {
		fmt.Fprintf(bw, "      <attribute id=\"m%d\" title=\"%s\" type=\"%s\"/>\n", i, formats.XMLText(c.Name), c.XMLType())
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
	for v := range int32(g.N()) {
		fmt.Fprintf(bw, "      <node id=\"%d\" label=\"%s\">\n        <attvalues>\n", v, formats.XMLText(g.Node(v).Name))
		if id := t.ID(v); id != "" {
			fmt.Fprintf(bw, "          <attvalue for=\"source_id\" value=\"%s\"/>\n", formats.XMLText(id))
		}
		if a, c := t.NodeAffiliation(v); a != "" || c != "" {
			if a != "" {
				fmt.Fprintf(bw, "          <attvalue for=\"affiliation\" value=\"%s\"/>\n", formats.XMLText(a))
			}
			if c != "" {
				fmt.Fprintf(bw, "          <attvalue for=\"country\" value=\"%s\"/>\n", formats.XMLText(c))
			}
		}
		for i, c := range t.Columns {
			fmt.Fprintf(bw, "          <attvalue for=\"m%d\" value=\"%s\"/>\n", i, c.Format(v))
		}
		if t.Cluster != nil {
			fmt.Fprintf(bw, "          <attvalue for=\"cluster\" value=\"%d\"/>\n", t.Cluster[v]+1)
		}
		fmt.Fprintf(bw, "        </attvalues>\n")
		if t.Viz != nil {
			r, gr, b := rgb(t.Viz.Color[v])
			fmt.Fprintf(bw, "        <viz:size value=\"%s\"/>\n        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n",
				formats.Float(t.Viz.Size[v]), r, gr, b)
		}
		if t.Positions != nil {
			fmt.Fprintf(bw, "        <viz:position x=\"%s\" y=\"%s\" z=\"0\"/>\n", formats.Float(t.Positions[v][0]), formats.Float(t.Positions[v][1]))
		}
		writeSpells(bw, t.NodeSpells, int(v), "        ")
		fmt.Fprintf(bw, "      </node>\n")
	}
	fmt.Fprintln(bw, "    </nodes>")
	fmt.Fprintln(bw, "    <edges>")
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		fmt.Fprintf(bw, "      <edge id=\"%d\" source=\"%d\" target=\"%d\" weight=\"%s\"", e, ed.U, ed.V, formats.Float(ed.Weight))
		if t.Papers {
			fmt.Fprintf(bw, ">\n        <attvalues>\n          <attvalue for=\"papers\" value=\"%d\"/>\n        </attvalues>\n", ed.Papers)
			writeSpells(bw, t.EdgeSpells, int(e), "        ")
			fmt.Fprintln(bw, "      </edge>")
		} else {
			fmt.Fprintln(bw, "/>")
		}
	}
	fmt.Fprintln(bw, "    </edges>\n  </graph>\n</gexf>")
	return bw.Flush()
}

// writeSpells writes the spells of item i, if any.
func writeSpells(bw *bufio.Writer, spells [][][2]int, i int, indent string) {
	if i >= len(spells) || len(spells[i]) == 0 {
		return
	}
	fmt.Fprintf(bw, "%s<spells>\n", indent)
	for _, s := range spells[i] {
		fmt.Fprintf(bw, "%s  <spell start=\"%d\" end=\"%d\"/>\n", indent, s[0], s[1])
	}
	fmt.Fprintf(bw, "%s</spells>\n", indent)
}

// rgb returns the components of a "#rrggbb" colour.
func rgb(hex string) (r, g, b int) {
	x, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	return int(x >> 16 & 0xff), int(x >> 8 & 0xff), int(x & 0xff)
}
