package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"coauthor/graph"
)

// ExportFormats are the graph file formats the writers produce.
var ExportFormats = []string{"graphml", "gexf", "json", "csv", "pajek", "vosviewer", "dot"}

// Table is what an export writes: the graph and the values of its nodes.
type Table struct {
	Graph *graph.Graph
	Title string
	// Papers is set when the graph comes from papers, so that each edge's
	// shared papers are known (Edge.Papers) and written.
	Papers bool
	// IDs holds each node's identity in the source ("" for none), or nil.
	IDs []string
	// Columns are per-node measures, written in this order.
	Columns []Column
	// Cluster holds each node's cluster, 0 the largest, or nil.
	Cluster []int32
	// Size holds the value shown by node area in a picture (nil: degree);
	// GEXF's viz:size follows it.
	Size []float64
}

// Column is one measure of every node.
type Column struct {
	Name    string
	Values  []float64
	Integer bool // whole numbers: written without a decimal point
}

// xmlType is the column's type in GraphML and GEXF attribute keys.
func (c Column) xmlType() string {
	if c.Integer {
		return "long"
	}
	return "double"
}

// format writes a column's value: integers as such, others in the
// shortest form that reads back to the same float64.
func (c Column) format(v int) string {
	x := c.Values[v]
	if c.Integer {
		return strconv.FormatInt(int64(x), 10)
	}
	return formatFloat(x)
}

func formatFloat(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "NaN"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// sizes returns the size values, degree when unset.
func (t *Table) sizes() []float64 {
	if t.Size != nil {
		return t.Size
	}
	s := make([]float64, t.Graph.N())
	for v := range s {
		s[v] = float64(t.Graph.Degree(v))
	}
	return s
}

func (t *Table) id(v int) string {
	if t.IDs == nil {
		return ""
	}
	return t.IDs[v]
}

// rgb returns the colour of cluster c as 0–255 components.
func rgb(c int32) (r, g, b int) {
	hex := ClusterColor(c)
	x, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	return int(x >> 16 & 0xff), int(x >> 8 & 0xff), int(x & 0xff)
}

// checkTable reports a table whose columns do not match its graph.
func checkTable(t *Table) error {
	n := t.Graph.N()
	for _, c := range t.Columns {
		if len(c.Values) != n {
			return fmt.Errorf("column %s has %d values for %d nodes", c.Name, len(c.Values), n)
		}
	}
	if t.IDs != nil && len(t.IDs) != n || t.Cluster != nil && len(t.Cluster) != n || t.Size != nil && len(t.Size) != n {
		return fmt.Errorf("ids, clusters or sizes do not match the %d nodes", n)
	}
	return nil
}
