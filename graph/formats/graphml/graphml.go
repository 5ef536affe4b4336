// Package graphml writes a graph as GraphML.
package graphml

import (
	"bufio"
	"fmt"
	"io"

	"coauthor/graph/formats"
)

// Write writes t as GraphML: node keys name, id (the source's
// identity, when any node has one), affiliation and country (the most
// frequent, when any node has one: Table.Affiliation and Table.Country),
// each column and cluster, x and y (Table.Positions, when set); edge keys
// weight and papers. Node ids are "n0", "n1", ... in node order.
func Write(w io.Writer, t *formats.Table) error {
	if err := t.Check(); err != nil {
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
	if t.Affiliation != nil {
		fmt.Fprintln(bw, `  <key id="affiliation" for="node" attr.name="affiliation" attr.type="string"/>`)
	}
	if t.Country != nil {
		fmt.Fprintln(bw, `  <key id="country" for="node" attr.name="country" attr.type="string"/>`)
	}
	for i, c := range t.Columns {
		fmt.Fprintf(bw, "  <key id=\"m%d\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", i, formats.XMLText(c.Name), c.XMLType())
	}
	if t.Cluster != nil {
		fmt.Fprintln(bw, `  <key id="cluster" for="node" attr.name="cluster" attr.type="int"/>`)
	}
	if t.Positions != nil {
		fmt.Fprintln(bw, `  <key id="x" for="node" attr.name="x" attr.type="double"/>`)
		fmt.Fprintln(bw, `  <key id="y" for="node" attr.name="y" attr.type="double"/>`)
	}
	fmt.Fprintln(bw, `  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>`)
	if t.Papers {
		fmt.Fprintln(bw, `  <key id="papers" for="edge" attr.name="papers" attr.type="int"/>`)
	}
	fmt.Fprintf(bw, "  <graph id=\"coauthor\" edgedefault=\"undirected\">\n")
	if t.Title != "" {
		fmt.Fprintf(bw, "    <desc>%s</desc>\n", formats.XMLText(t.Title))
	}
	for v := range int32(g.N()) {
		fmt.Fprintf(bw, "    <node id=\"n%d\">\n      <data key=\"name\">%s</data>\n", v, formats.XMLText(g.Node(v).Name))
		if id := t.ID(v); id != "" {
			fmt.Fprintf(bw, "      <data key=\"source_id\">%s</data>\n", formats.XMLText(id))
		}
		if a, c := t.NodeAffiliation(v); a != "" || c != "" {
			if a != "" {
				fmt.Fprintf(bw, "      <data key=\"affiliation\">%s</data>\n", formats.XMLText(a))
			}
			if c != "" {
				fmt.Fprintf(bw, "      <data key=\"country\">%s</data>\n", formats.XMLText(c))
			}
		}
		for i, c := range t.Columns {
			fmt.Fprintf(bw, "      <data key=\"m%d\">%s</data>\n", i, c.Format(v))
		}
		if t.Cluster != nil {
			fmt.Fprintf(bw, "      <data key=\"cluster\">%d</data>\n", t.Cluster[v]+1)
		}
		if t.Positions != nil {
			fmt.Fprintf(bw, "      <data key=\"x\">%s</data>\n      <data key=\"y\">%s</data>\n", formats.Float(t.Positions[v][0]), formats.Float(t.Positions[v][1]))
		}
		fmt.Fprintln(bw, "    </node>")
	}
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		fmt.Fprintf(bw, "    <edge source=\"n%d\" target=\"n%d\">\n      <data key=\"weight\">%s</data>\n", ed.U, ed.V, formats.Float(ed.Weight))
		if t.Papers {
			fmt.Fprintf(bw, "      <data key=\"papers\">%d</data>\n", ed.Papers)
		}
		fmt.Fprintln(bw, "    </edge>")
	}
	fmt.Fprintln(bw, "  </graph>\n</graphml>")
	return bw.Flush()
}
