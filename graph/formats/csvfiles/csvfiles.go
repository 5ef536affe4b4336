// Package csvfiles writes a graph as two CSV tables, nodes and edges.
package csvfiles

import (
	"bufio"
	"encoding/csv"
	"io"
	"math"
	"strconv"

	"coauthor/graph"

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
	var row []string // csv.Writer.Write keeps no reference to it
	for v := range int32(g.N()) {
		row = append(row[:0], strconv.Itoa(int(v)), formats.Cell(g.Node(v).Name))
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
	// The edges are numbers, which CSV never quotes: written directly,
	// the same bytes as csv.Writer's (fields joined by commas, lines
	// ended by \n) without a string per field (6.6 million edges on the
	// 1,000,000-paper corpus).
	ew := bufio.NewWriter(edges)
	if t.Papers {
		ew.WriteString("source,target,weight,papers\n")
	} else {
		ew.WriteString("source,target,weight\n")
	}
	var line []byte
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		line = strconv.AppendInt(line[:0], int64(ed.U), 10)
		line = append(line, ',')
		line = strconv.AppendInt(line, int64(ed.V), 10)
		line = append(line, ',')
		if w := ed.Weight; math.IsNaN(w) || math.IsInf(w, 0) {
			line = append(line, "NaN"...) // as formats.Float
		} else {
			line = strconv.AppendFloat(line, graph.Flush(w), 'g', -1, 64)
		}
		if t.Papers {
			line = append(line, ',')
			line = strconv.AppendInt(line, int64(ed.Papers), 10)
		}
		line = append(line, '\n')
		if _, err := ew.Write(line); err != nil {
			return err
		}
	}
	return ew.Flush()
}
