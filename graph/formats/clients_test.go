package formats_test

import (
	"bytes"
	"strings"
	"testing"

	"coauthor/graph"
	. "coauthor/graph/formats"
	"coauthor/graph/formats/csvfiles"
	"coauthor/graph/formats/pajek"
	"coauthor/graph/formats/vosviewer"
)

// awkward is a graph whose names trouble the clients: homonyms (two
// "Wei Wang", as DBLP's Wei Wang 0001 and 0002), a name ending in a
// backslash, double quotes, commas and semicolons, a formula.
func awkward() *Table {
	names := []string{"Wei Wang", "Wei Wang", `Back Slash\`, `Quote "Q"`, "Doe, Jane; Jr", `=HYPERLINK("http://x","y")`, "Wei Wang (2)"}
	nodes := make([]graph.Node, len(names))
	for i, n := range names {
		nodes[i] = graph.Node{Name: n, Person: int32(i)}
	}
	var edges []graph.Edge
	for i := 1; i < len(names); i++ {
		edges = append(edges, graph.Edge{U: 0, V: int32(i), Weight: 1})
	}
	cl := make([]int32, len(names))
	for i := range cl {
		cl[i] = int32(i * 600) // up to cluster 3601
	}
	g, err := graph.FromEdges(nodes, edges)
	if err != nil {
		panic(err)
	}
	return &Table{Graph: g, Cluster: cl}
}

// Pajek labels are unique (a homonym gets " (2)", or the next number
// free), hold no double quote or backslash, and the change is reported.
func TestPajekLabels(t *testing.T) {
	tab := awkward()
	var warned string
	tab.Warn = func(msg string) { warned = msg }
	var b bytes.Buffer
	if err := pajek.Write(&b, tab); err != nil {
		t.Fatal(err)
	}
	labels, _ := pajek.Labels(tab)
	seen := map[string]bool{}
	for _, l := range labels {
		if seen[l] || strings.ContainsAny(l, `"\`) {
			t.Errorf("label %q repeated or unreadable", l)
		}
		seen[l] = true
	}
	if labels[1] != "Wei Wang (3)" || labels[6] != "Wei Wang (2)" {
		t.Errorf("homonym labels %q, %q", labels[1], labels[6])
	}
	if !strings.Contains(warned, "label(s) differ") {
		t.Errorf("no warning of changed labels: %q", warned)
	}
}

// VOSviewer labels with a comma, semicolon or double quote are quoted, and
// clusters stay within 1 to 1000.
func TestVOSviewerLabelsAndClusters(t *testing.T) {
	var m, n bytes.Buffer
	if err := vosviewer.Write(&m, &n, awkward()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(m.String()), "\n")
	for _, want := range []string{"\t\"Doe, Jane; Jr\"\t", "\t\"Quote \"\"Q\"\"\"\t", "\t\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\t"} {
		if !strings.Contains(m.String(), want) {
			t.Errorf("map file lacks %q:\n%s", want, m.String())
		}
	}
	for _, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if c := f[2]; len(c) > 4 || c == "0" || len(c) == 4 && c != "1000" {
			t.Errorf("cluster %s out of 1..1000: %s", c, line)
		}
	}
}

// nodes.csv quotes a name a spreadsheet would run.
func TestCSVFormulaNames(t *testing.T) {
	var nodes, edges bytes.Buffer
	if err := csvfiles.Write(&nodes, &edges, awkward()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(nodes.String(), `"'=HYPERLINK(""http://x"",""y"")"`) {
		t.Errorf("the formula went into nodes.csv as is:\n%s", nodes.String())
	}
}
