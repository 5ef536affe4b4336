package render

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteNodeLink writes t as node-link JSON, the shape of networkx's
// node_link_data (read back by node_link_graph) and of d3's force
// examples: {"directed", "multigraph", "graph", "nodes": [{"id", "name",
// ...}], "links": [{"source", "target", "weight", "papers"}]}, where a
// link's source and target are node ids (the node's index).
func WriteNodeLink(w io.Writer, t *Table) error {
	if err := checkTable(t); err != nil {
		return err
	}
	g := t.Graph
	bw := bufio.NewWriter(w)
	title := jsonString(t.Title)
	fmt.Fprintf(bw, "{\"directed\": false, \"multigraph\": false, \"graph\": {\"name\": %s},\n \"nodes\": [", title)
	for v := 0; v < g.N(); v++ {
		if v > 0 {
			bw.WriteString(",")
		}
		name := jsonString(g.Node(v).Name)
		fmt.Fprintf(bw, "\n  {\"id\": %d, \"name\": %s", v, name)
		if id := t.id(v); id != "" {
			fmt.Fprintf(bw, ", \"source_id\": %s", jsonString(id))
		}
		for _, c := range t.Columns {
			key := jsonString(c.Name)
			val := c.format(v)
			if val == "NaN" {
				val = "null"
			}
			fmt.Fprintf(bw, ", %s: %s", key, val)
		}
		if t.Cluster != nil {
			fmt.Fprintf(bw, ", \"cluster\": %d", t.Cluster[v])
		}
		bw.WriteString("}")
	}
	bw.WriteString("],\n \"links\": [")
	for e := 0; e < g.M(); e++ {
		if e > 0 {
			bw.WriteString(",")
		}
		ed := g.Edge(e)
		fmt.Fprintf(bw, "\n  {\"source\": %d, \"target\": %d, \"weight\": %s", ed.U, ed.V, formatFloat(ed.Weight))
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

// WriteCSV writes t as two tables: nodes (id, name, source_id, each
// column, cluster) and edges (source, target, weight, papers), where
// source and target are node ids. Spreadsheets, Gephi's import and
// pandas read them.
func WriteCSV(nodes, edges io.Writer, t *Table) error {
	if err := checkTable(t); err != nil {
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
	for v := 0; v < g.N(); v++ {
		row := []string{strconv.Itoa(v), g.Node(v).Name}
		if t.IDs != nil {
			row = append(row, t.IDs[v])
		}
		for _, c := range t.Columns {
			row = append(row, c.format(v))
		}
		if t.Cluster != nil {
			row = append(row, strconv.Itoa(int(t.Cluster[v])))
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
	for e := 0; e < g.M(); e++ {
		ed := g.Edge(e)
		row := []string{strconv.Itoa(int(ed.U)), strconv.Itoa(int(ed.V)), formatFloat(ed.Weight)}
		if t.Papers {
			row = append(row, strconv.Itoa(ed.Papers))
		}
		ew.Write(row)
	}
	ew.Flush()
	return ew.Error()
}

// pajekName quotes a name for Pajek, which has no escape: double quotes
// become single ones.
func pajekName(s string) string { return `"` + strings.ReplaceAll(s, `"`, `'`) + `"` }

// WritePajek writes t's graph as a Pajek .net file: *Vertices with
// 1-based numbers and quoted names, *Edges with weights.
func WritePajek(w io.Writer, t *Table) error {
	g := t.Graph
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "*Vertices %d\r\n", g.N())
	for v := 0; v < g.N(); v++ {
		fmt.Fprintf(bw, "%d %s\r\n", v+1, pajekName(g.Node(v).Name))
	}
	fmt.Fprint(bw, "*Edges\r\n")
	for e := 0; e < g.M(); e++ {
		ed := g.Edge(e)
		fmt.Fprintf(bw, "%d %d %s\r\n", ed.U+1, ed.V+1, formatFloat(ed.Weight))
	}
	return bw.Flush()
}

// WriteVOSviewer writes t as a VOSviewer map file and network file, which
// VOSviewer opens together ("Create map based on network data") and lays
// out itself. The map file is tab-separated: id (1-based), label,
// cluster (1-based; written when t has clusters), weight<Links> (degree),
// weight<Total link strength> (strength), weight<Documents> (the papers
// column, when t has one), and a score<...> for each other column. The
// network file has one "id id strength" line per edge, no header.
func WriteVOSviewer(mapFile, network io.Writer, t *Table) error {
	if err := checkTable(t); err != nil {
		return err
	}
	g := t.Graph
	mw := bufio.NewWriter(mapFile)
	head := []string{"id", "label"}
	if t.Cluster != nil {
		head = append(head, "cluster")
	}
	head = append(head, "weight<Links>", "weight<Total link strength>")
	var papers *Column
	var scores []Column
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
	for v := 0; v < g.N(); v++ {
		row := []string{strconv.Itoa(v + 1), vosText(g.Node(v).Name)}
		if t.Cluster != nil {
			row = append(row, strconv.Itoa(int(t.Cluster[v])+1))
		}
		row = append(row, strconv.Itoa(g.Degree(v)), formatFloat(g.Strength(v)))
		if papers != nil {
			row = append(row, papers.format(v))
		}
		for _, c := range scores {
			row = append(row, c.format(v))
		}
		mw.WriteString(strings.Join(row, "\t") + "\n")
	}
	if err := mw.Flush(); err != nil {
		return err
	}
	nw := bufio.NewWriter(network)
	for e := 0; e < g.M(); e++ {
		ed := g.Edge(e)
		fmt.Fprintf(nw, "%d\t%d\t%s\n", ed.U+1, ed.V+1, formatFloat(ed.Weight))
	}
	return nw.Flush()
}

// vosLabel turns a measure name into VOSviewer's label style.
func vosLabel(name string) string {
	name = strings.ReplaceAll(name, "_", " ")
	return strings.ToUpper(name[:1]) + name[1:]
}

// vosText keeps tabs and newlines out of a tab-separated cell.
func vosText(s string) string { return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s) }
