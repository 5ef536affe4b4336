// Package formats holds what the graph-file writers share: the Table of a
// graph and its per-author values that every writer takes, and the
// positioned error of the graph-file readers. Each format is a
// subpackage: edgelist and gml (read), graphml, gexf, nodelink (JSON),
// csvfiles, pajek and vosviewer (write). None of them draws or links
// Graphviz; pictures are the render package's.
package formats

import (
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"

	"coauthor/graph"
)

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
	// Cluster holds each node's cluster, 0 the largest, or nil. Every
	// writer numbers clusters from 1, the largest, as the clusters
	// command and the picture's legend do.
	Cluster []int32
	// Warn, when set, is told of what a format could not keep (such as
	// characters a Pajek label cannot hold).
	Warn func(msg string)
	// Viz, when set, is how a picture shows each node; GEXF writes it as
	// viz:size and viz:color.
	Viz *Viz
	// Works, when set, are the papers the graph was built from, with
	// their authors as Node.Person ids: the optional papers view that
	// writers listing who wrote what (Parquet's authorships) read. The
	// other writers ignore it.
	Works Works
	// NodeSpells and EdgeSpells, when set, are the years each node and
	// each edge (by id) was active, as [first, last] runs: GEXF then
	// writes a dynamic graph for Gephi's timeline.
	NodeSpells, EdgeSpells [][][2]int
	// Affiliation and Country, when set, are each node's most frequent
	// affiliation and country code ("" for none; see NodeAffiliations):
	// GraphML, GEXF and node-link JSON write them as node attributes.
	Affiliation, Country []string
}

// Works are papers with their titles and records, authors given as
// person ids (Node.Person); identity.Papers is one.
type Works interface {
	graph.Papers
	Title(i int) string
	// Record returns what the source tells of paper i beyond its title,
	// year and authors, nil when nothing. It may be reused by the next
	// call.
	Record(i int) *WorkRecord
	// IDKinds are the kinds of work id the records may hold, in the
	// order writers give them a column each (parse.IDKinds).
	IDKinds() []string
}

// Viz is the look of each node in a picture.
type Viz struct {
	Size  []float64 // diameter in points
	Color []string  // "#rrggbb"
}

// Column is one measure of every node.
type Column struct {
	Name    string
	Values  []float64
	Integer bool // whole numbers: written without a decimal point
}

// XMLType is the column's type in GraphML and GEXF attribute keys.
func (c Column) XMLType() string {
	if c.Integer {
		return "long"
	}
	return "double"
}

// Format writes node v's value: integers as such, others in the shortest
// form that reads back to the same float64.
func (c Column) Format(v int32) string {
	x := c.Values[v]
	if c.Integer {
		return strconv.FormatInt(int64(x), 10)
	}
	return Float(x)
}

// Float writes x in the shortest form that reads back to the same
// float64; NaN and infinities as "NaN", and values below graph.Tiny in
// magnitude (subnormals such as 8.97e-316, which igraph's C parsers
// refuse as "double overflow") as 0. Every text export writes its
// numbers with it.
func Float(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "NaN"
	}
	return strconv.FormatFloat(graph.Flush(x), 'g', -1, 64)
}

// ID returns node v's identity in the source, "" for none.
func (t *Table) ID(v int32) string {
	if t.IDs == nil {
		return ""
	}
	return t.IDs[v]
}

// NodeAffiliation returns node v's most frequent affiliation and
// country code, "" for none.
func (t *Table) NodeAffiliation(v int32) (affiliation, country string) {
	if t.Affiliation != nil {
		affiliation = t.Affiliation[v]
	}
	if t.Country != nil {
		country = t.Country[v]
	}
	return affiliation, country
}

// Check reports a table whose columns do not match its graph.
func (t *Table) Check() error {
	n := t.Graph.N()
	for _, c := range t.Columns {
		if len(c.Values) != n {
			return fmt.Errorf("column %s has %d values for %d nodes", c.Name, len(c.Values), n)
		}
	}
	if t.IDs != nil && len(t.IDs) != n || t.Cluster != nil && len(t.Cluster) != n {
		return fmt.Errorf("ids or clusters do not match the %d nodes", n)
	}
	if t.Affiliation != nil && len(t.Affiliation) != n || t.Country != nil && len(t.Country) != n {
		return fmt.Errorf("affiliations or countries do not match the %d nodes", n)
	}
	if t.Viz != nil && (len(t.Viz.Size) != n || len(t.Viz.Color) != n) {
		return fmt.Errorf("viz sizes or colours do not match the %d nodes", n)
	}
	return nil
}

// XMLText escapes s for XML text and attribute values.
func XMLText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
