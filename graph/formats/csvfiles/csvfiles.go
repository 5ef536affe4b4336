// Package csvfiles writes a graph as two CSV tables, nodes and edges.
package csvfiles

import (
	"encoding/csv"
	"io"
	"strconv"

	"coauthor/graph/formats"
)

// WriteCSV writes t as two tables: nodes (id, name, source_id, each
// column, cluster) and edges (source, target, weight, papers), where
// source and target are node ids. Spreadsheets, Gephi's import and
// pandas read them. A name that a spreadsheet would run as a formula
// (starting with =, +, -, @) is written with a leading ' (formats.Cell).
func Write(nodes, edges io.Writer, t *formats.Table) error {
	if err := t.Check(); err != nil {
		return err
	}
	g := t.Graph
	nw := csv.NewWriter(nodes)
	head := []string{"id", "name"}
	if t.IDs != nil {
		head = append(head, "source_id")
	}
	for _, c := range t.Columns {
		head = append(head, c.Name)
	}
	if t.Cluster != nil {
		head = append(head, "cluster")
	}
	nw.Write(head)
	for v := range int32(g.N()) {
		row := []string{strconv.Itoa(int(v)), formats.Cell(g.Node(v).Name)}
		if t.IDs != nil {
			row = append(row, formats.Cell(t.IDs[v]))
		}
		for _, c := range t.Columns {
			row = append(row, c.Format(v))
		}
		if t.Cluster != nil {
			row = append(row, strconv.Itoa(int(t.Cluster[v])+1))
		}
		nw.Write(row)
	}
	nw.Flush()
	if err := nw.Error(); err != nil {
		return err
	}
	ew := csv.NewWriter(edges)
	head = []string{"source", "target", "weight"}
	if t.Papers {
		head = append(head, "papers")
	}
	ew.Write(head)
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		row := []string{strconv.Itoa(int(ed.U)), strconv.Itoa(int(ed.V)), formats.Float(ed.Weight)}
		if t.Papers {
			row = append(row, strconv.Itoa(ed.Papers))
		}
		ew.Write(row)
	}
	ew.Flush()
	return ew.Error()
}
