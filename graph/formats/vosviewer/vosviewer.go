// Package vosviewer writes a graph as a VOSviewer map file and network
// file.
package vosviewer

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"coauthor/graph/formats"
)

// WriteVOSviewer writes t as a VOSviewer map file and network file, which
// VOSviewer opens together ("Create map based on network data") and lays
// out itself. The map file is tab-separated: id (1-based), label (in
// double quotes when it holds a comma, semicolon or double quote), x and
// y (t.Positions: VOSviewer then keeps the picture's layout), cluster (1 the largest, at most MaxCluster; written when t has clusters), weight<Links> (degree),
// weight<Total link strength> (strength), weight<Documents> (the papers
// column, when t has one), and a score<...> for each other column. The
// network file has one "id id strength" line per edge, no header.
func Write(mapFile, network io.Writer, t *formats.Table) error {
	if err := t.Check(); err != nil {
		return err
	}
	g := t.Graph
	mw := bufio.NewWriter(mapFile)
	head := []string{"id", "label"}
	if t.Positions != nil {
		head = append(head, "x", "y")
	}
	if t.Cluster != nil {
		head = append(head, "cluster")
	}
	head = append(head, "weight<Links>", "weight<Total link strength>")
	var papers *formats.Column
	var scores []formats.Column
	for i, c := range t.Columns {
		switch c.Name {
		case "papers":
			papers = &t.Columns[i]
		case "degree", "strength":
		default:
			scores = append(scores, c)
		}
	}
	if papers != nil {
		head = append(head, "weight<Documents>")
	}
	for _, c := range scores {
		head = append(head, "score<"+vosLabel(c.Name)+">")
	}
	mw.WriteString(strings.Join(head, "\t") + "\n")
	for v := range int32(g.N()) {
		row := []string{strconv.Itoa(int(v) + 1), vosText(g.Node(v).Name)}
		if t.Positions != nil {
			row = append(row, formats.Float(t.Positions[v][0]), formats.Float(t.Positions[v][1]))
		}
		if t.Cluster != nil {
			row = append(row, strconv.Itoa(int(min(t.Cluster[v]+1, MaxCluster))))
		}
		row = append(row, strconv.Itoa(g.Degree(v)), formats.Float(g.Strength(v)))
		if papers != nil {
			row = append(row, papers.Format(v))
		}
		for _, c := range scores {
			row = append(row, c.Format(v))
		}
		mw.WriteString(strings.Join(row, "\t") + "\n")
	}
	if err := mw.Flush(); err != nil {
		return err
	}
	nw := bufio.NewWriter(network)
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		fmt.Fprintf(nw, "%d\t%d\t%s\n", ed.U+1, ed.V+1, formats.Float(ed.Weight))
	}
	return nw.Flush()
}

// vosLabel turns a measure name into VOSviewer's label style.
func vosLabel(name string) string {
	name = strings.ReplaceAll(name, "_", " ")
	return strings.ToUpper(name[:1]) + name[1:]
}

// MaxCluster is the largest cluster number VOSviewer takes: clusters are
// numbered 1 to 1000, so those beyond the 999 largest are written
// together as cluster 1000.
const MaxCluster = 1000

// vosText keeps tabs and newlines out of a tab-separated cell, and puts
// a label with a comma, a semicolon or a double quote in double quotes
// (doubling those inside), as VOSviewer reads them.
func vosText(s string) string {
	s = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
	if strings.ContainsAny(s, `,;"`) {
		s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}
