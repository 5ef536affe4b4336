package formats_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"coauthor/graph"
	. "coauthor/graph/formats"
	"coauthor/graph/formats/csvfiles"
	"coauthor/graph/formats/gexf"
	"coauthor/graph/formats/graphml"
	"coauthor/graph/formats/nodelink"
	"coauthor/graph/formats/pajek"
	"coauthor/graph/formats/vosviewer"
)

// smallTable is small() with two measures, clusters, source ids and a
// value that needs every digit.
func smallTable() *Table {
	g := small()
	d := 0.707 // diameter of a node of size 1 against 2, in inches
	return &Table{
		Graph: g, Title: `Two "groups" & more`, Papers: true,
		IDs: []string{"dblp:Ada Lovelace 0001", "", "", "", "", "", ""},
		Columns: []Column{
			{Name: "papers", Values: []float64{2, 2, 2, 2, 1, 1, 1}, Integer: true},
			{Name: "pagerank", Values: []float64{0.1 + 0.2, 1.0 / 3, 0.25, 0.125, 1e-300, 0.5, 0}},
		},
		Cluster: []int32{0, 0, 0, 1, 1, 1, 12},
		// As a picture sizes papers 2, 2, 2, 2, 1, 1, 1 and colours the
		// clusters.
		Viz: &Viz{Size: []float64{inch, inch, inch, inch, d * 72, d * 72, d * 72},
			Color: []string{"#CC6677", "#CC6677", "#CC6677", "#332288", "#332288", "#332288", "#C8C8C8"}},
	}
}

// inch is 72 points, a variable so that d*72 is float64 arithmetic.
var inch = 72.0

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// small is a graph of two triangles joined by an edge, with names that
// need escaping, and an isolated author.
func small() *graph.Graph {
	b := graph.NewBuilder([]string{`Ada "the Countess" Lovelace`, "Charles Babbage", `Back\slash`, "Mary Somerville", "Ørsted <H.C.>", "Faraday & Co", "Solo"}, graph.BuildOptions{})
	b.AddPaper([]int32{0, 1, 2}, 1843)
	b.AddPaper([]int32{0, 1}, 1844)
	b.AddPaper([]int32{3, 4, 5}, 1850)
	b.AddPaper([]int32{2, 3}, 1851)
	b.AddPaper([]int32{6}, 1860)
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	return g
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run go test -update and review the diff\n%s", path, got)
	}
}

// readBack is a graph as read from an export: names by node key, edges
// by sorted name pair with weight, and each node's pagerank.
type readBack struct {
	names    map[string]string
	edges    map[[2]string]float64
	pagerank map[string]float64
	cluster  map[string]int
}

func newReadBack() *readBack {
	return &readBack{names: map[string]string{}, edges: map[[2]string]float64{}, pagerank: map[string]float64{}, cluster: map[string]int{}}
}

func (r *readBack) edge(t *testing.T, a, b, w string) {
	t.Helper()
	x, err := strconv.ParseFloat(w, 64)
	if err != nil {
		t.Fatalf("weight %q: %v", w, err)
	}
	na, nb := r.names[a], r.names[b]
	if nb < na {
		na, nb = nb, na
	}
	r.edges[[2]string{na, nb}] = x
}

// check compares a read-back graph with the table written.
func (r *readBack) check(t *testing.T, tab *Table, withValues bool) {
	t.Helper()
	g := tab.Graph
	var names []string
	for _, n := range r.names {
		names = append(names, n)
	}
	var want []string
	for v := range int32(g.N()) {
		want = append(want, g.Node(v).Name)
	}
	slices.Sort(names)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
	if len(r.edges) != g.M() {
		t.Errorf("%d edges, want %d", len(r.edges), g.M())
	}
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		a, b := g.Node((ed.U)).Name, g.Node((ed.V)).Name
		if b < a {
			a, b = b, a
		}
		if w, ok := r.edges[[2]string{a, b}]; !ok || w != ed.Weight {
			t.Errorf("edge %s – %s: weight %v (present %v), want %v", a, b, w, ok, ed.Weight)
		}
	}
	if !withValues {
		return
	}
	for v := range int32(g.N()) {
		name := g.Node(v).Name
		if got := r.pagerank[name]; got != tab.Columns[1].Values[v] {
			t.Errorf("pagerank of %s: %v, want %v (every digit)", name, got, tab.Columns[1].Values[v])
		}
		// Every format numbers clusters from 1, the largest.
		if got := r.cluster[name]; got != int(tab.Cluster[v])+1 {
			t.Errorf("cluster of %s: %d, want %d", name, got, tab.Cluster[v]+1)
		}
	}
}

func TestExportGolden(t *testing.T) {
	tab := smallTable()
	one := func(f func(*bytes.Buffer) error) []byte {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	golden(t, "export/small.graphml", one(func(b *bytes.Buffer) error { return graphml.Write(b, tab) }))
	golden(t, "export/small.gexf", one(func(b *bytes.Buffer) error { return gexf.Write(b, tab) }))
	golden(t, "export/small.json", one(func(b *bytes.Buffer) error { return nodelink.Write(b, tab) }))
	golden(t, "export/small.net", one(func(b *bytes.Buffer) error { return pajek.Write(b, tab) }))
	var nodes, edges, mp, nw bytes.Buffer
	if err := csvfiles.Write(&nodes, &edges, tab); err != nil {
		t.Fatal(err)
	}
	golden(t, "export/small.nodes.csv", nodes.Bytes())
	golden(t, "export/small.edges.csv", edges.Bytes())
	if err := vosviewer.Write(&mp, &nw, tab); err != nil {
		t.Fatal(err)
	}
	golden(t, "export/small.map.txt", mp.Bytes())
	golden(t, "export/small.network.txt", nw.Bytes())
}

func TestGraphMLReadBack(t *testing.T) {
	tab := smallTable()
	var b bytes.Buffer
	if err := graphml.Write(&b, tab); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Keys []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	keyName := map[string]string{}
	for _, k := range doc.Keys {
		keyName[k.ID] = k.Name
	}
	r := newReadBack()
	for _, n := range doc.Graph.Nodes {
		vals := map[string]string{}
		for _, d := range n.Data {
			vals[keyName[d.Key]] = d.Value
		}
		r.names[n.ID] = vals["name"]
		r.pagerank[vals["name"]], _ = strconv.ParseFloat(vals["pagerank"], 64)
		r.cluster[vals["name"]], _ = strconv.Atoi(vals["cluster"])
		if (vals["source_id"] != "") != (vals["name"] == `Ada "the Countess" Lovelace`) {
			t.Errorf("source_id of %s: %q", vals["name"], vals["source_id"])
		}
	}
	for _, e := range doc.Graph.Edges {
		for _, d := range e.Data {
			if keyName[d.Key] == "weight" {
				r.edge(t, e.Source, e.Target, d.Value)
			}
		}
	}
	r.check(t, tab, true)
}

func TestGEXFReadBack(t *testing.T) {
	tab := smallTable()
	var b bytes.Buffer
	if err := gexf.Write(&b, tab); err != nil {
		t.Fatal(err)
	}
	type attvalue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
	var doc struct {
		Version string `xml:"version,attr"`
		Graph   struct {
			Attributes []struct {
				Attr []struct {
					ID    string `xml:"id,attr"`
					Title string `xml:"title,attr"`
				} `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []struct {
				ID    string     `xml:"id,attr"`
				Label string     `xml:"label,attr"`
				Att   []attvalue `xml:"attvalues>attvalue"`
				Size  struct {
					Value float64 `xml:"value,attr"`
				} `xml:"http://gexf.net/1.3/viz size"`
				Color struct {
					R int `xml:"r,attr"`
					G int `xml:"g,attr"`
					B int `xml:"b,attr"`
				} `xml:"http://gexf.net/1.3/viz color"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Weight string `xml:"weight,attr"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "1.3" {
		t.Errorf("version %q", doc.Version)
	}
	title := map[string]string{}
	for _, a := range doc.Graph.Attributes {
		for _, x := range a.Attr {
			title[x.ID] = x.Title
		}
	}
	r := newReadBack()
	for i, n := range doc.Graph.Nodes {
		r.names[n.ID] = n.Label
		for _, a := range n.Att {
			switch title[a.For] {
			case "pagerank":
				r.pagerank[n.Label], _ = strconv.ParseFloat(a.Value, 64)
			case "cluster":
				r.cluster[n.Label], _ = strconv.Atoi(a.Value)
			}
		}
		if math.Abs(n.Size.Value-tab.Viz.Size[i]) > 1e-9 {
			t.Errorf("viz:size of %s = %v, want %v", n.Label, n.Size.Value, tab.Viz.Size[i])
		}
		want := tab.Viz.Color[i]
		if got := fmt.Sprintf("#%02X%02X%02X", n.Color.R, n.Color.G, n.Color.B); got != want {
			t.Errorf("viz:color of %s = %s, want %s", n.Label, got, want)
		}
	}
	for _, e := range doc.Graph.Edges {
		r.edge(t, e.Source, e.Target, e.Weight)
	}
	r.check(t, tab, true)
}

func TestNodeLinkReadBack(t *testing.T) {
	tab := smallTable()
	var b bytes.Buffer
	if err := nodelink.Write(&b, tab); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Directed bool
		Nodes    []map[string]any
		Links    []struct {
			Source, Target int
			Weight         json.Number
			Papers         int
		}
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, b.Bytes())
	}
	r := newReadBack()
	for _, n := range doc.Nodes {
		id := fmt.Sprint(n["id"])
		name := n["name"].(string)
		r.names[id] = name
		r.pagerank[name] = n["pagerank"].(float64)
		r.cluster[name] = int(n["cluster"].(float64))
	}
	for _, l := range doc.Links {
		r.edge(t, strconv.Itoa(l.Source), strconv.Itoa(l.Target), string(l.Weight))
	}
	r.check(t, tab, true)
}

func TestPajekReadBack(t *testing.T) {
	tab := smallTable()
	var b bytes.Buffer
	if err := pajek.Write(&b, tab); err != nil {
		t.Fatal(err)
	}
	r := newReadBack()
	section := ""
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\r\n") {
		if strings.HasPrefix(line, "*") {
			section = strings.Fields(line)[0]
			continue
		}
		switch section {
		case "*Vertices":
			num, name, _ := strings.Cut(line, " ")
			// Pajek cannot hold a double quote: it became a single one;
			// a backslash, which networkx reads as an escape, a slash.
			r.names[num] = strings.NewReplacer("'", `"`, "/", `\`).Replace(strings.Trim(name, `"`))
		case "*Edges":
			f := strings.Fields(line)
			r.edge(t, f[0], f[1], f[2])
		}
	}
	r.check(t, tab, false)
}

func TestTablesReadBack(t *testing.T) {
	tab := smallTable()
	for _, format := range []string{"csv", "vosviewer"} {
		t.Run(format, func(t *testing.T) {
			var nodes, edges bytes.Buffer
			var err error
			if format == "csv" {
				err = csvfiles.Write(&nodes, &edges, tab)
			} else {
				err = vosviewer.Write(&nodes, &edges, tab)
			}
			if err != nil {
				t.Fatal(err)
			}
			nr := csv.NewReader(&nodes)
			er := csv.NewReader(&edges)
			idCol, nameCol, prCol, clCol := "id", "name", "pagerank", "cluster"
			if format == "vosviewer" {
				nr.Comma, er.Comma = '\t', '\t'
				nr.LazyQuotes, er.LazyQuotes = true, true
				nameCol, prCol = "label", "score<Pagerank>"
			}
			rows, err := nr.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			col := map[string]int{}
			for i, h := range rows[0] {
				col[h] = i
			}
			r := newReadBack()
			for _, row := range rows[1:] {
				name := row[col[nameCol]]
				r.names[row[col[idCol]]] = name
				r.pagerank[name], _ = strconv.ParseFloat(row[col[prCol]], 64)
				c, _ := strconv.Atoi(row[col[clCol]])
				r.cluster[name] = c
			}
			erows, err := er.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if format == "csv" {
				erows = erows[1:]
			}
			for _, row := range erows {
				r.edge(t, row[0], row[1], row[2])
			}
			r.check(t, tab, true)
		})
	}
}

// A table whose columns do not fit the graph is refused, not written.
func TestExportChecksTable(t *testing.T) {
	tab := smallTable()
	tab.Columns[0].Values = tab.Columns[0].Values[:3]
	if err := graphml.Write(&bytes.Buffer{}, tab); err == nil {
		t.Error("no error for a short column")
	}
}

// An export of a two-author graph as node-link JSON.
func Example() {
	b := graph.NewBuilder([]string{"Ada Lovelace", "Charles Babbage"}, graph.BuildOptions{})
	b.AddPaper([]int32{0, 1}, 1843)
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	t := &Table{Graph: g, Title: "Engine", Papers: true,
		Columns: []Column{{Name: "degree", Values: []float64{1, 1}, Integer: true}}}
	if err := nodelink.Write(os.Stdout, t); err != nil {
		panic(err)
	}
	// Output:
	// {"directed": false, "multigraph": false, "graph": {"name": "Engine"},
	//  "nodes": [
	//   {"id": 0, "name": "Ada Lovelace", "degree": 1},
	//   {"id": 1, "name": "Charles Babbage", "degree": 1}],
	//  "links": [
	//   {"source": 0, "target": 1, "weight": 1, "papers": 1}]}
}
