package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// nodeLink is the part of "export -to json" the tests read.
type nodeLink struct {
	Nodes []struct {
		ID      int    `json:"id"`
		Name    string `json:"name"`
		Cluster int    `json:"cluster"`
	} `json:"nodes"`
	Links []struct {
		Source, Target int
		Weight         float64
	} `json:"links"`
}

func exportJSON(t *testing.T, args ...string) nodeLink {
	t.Helper()
	out, errOut, code := runCLI(t, "", append([]string{"export", "-to", "json", "-o", "-", "-quiet"}, args...)...)
	var nl nodeLink
	if err := json.Unmarshal([]byte(out), &nl); code != 0 || err != nil {
		t.Fatalf("export %v: %d %v %s", args, code, err, errOut)
	}
	return nl
}

// pairs returns the edges of nl as "name|name" strings with their
// weights, sorted.
func (nl nodeLink) pairs(keep func(string) bool) []string {
	name := map[int]string{}
	for _, n := range nl.Nodes {
		name[n.ID] = n.Name
	}
	var out []string
	for _, l := range nl.Links {
		a, b := name[l.Source], name[l.Target]
		if keep(a) && keep(b) {
			if a > b {
				a, b = b, a
			}
			out = append(out, a+"|"+b+"|"+strings.TrimRight(strings.TrimRight(json.Number(fmtFloat(l.Weight)).String(), "0"), "."))
		}
	}
	slices.Sort(out)
	return out
}

func fmtFloat(x float64) string { b, _ := json.Marshal(x); return string(b) }

// TestOnlyCluster: -only with the names of one cluster gives exactly that
// cluster's induced subgraph, for every command that shows the network.
func TestOnlyCluster(t *testing.T) {
	whole := exportJSON(t)
	var names []string
	in := map[string]bool{}
	for _, n := range whole.Nodes {
		if n.Cluster == 1 {
			names = append(names, n.Name)
			in[n.Name] = true
		}
	}
	if len(names) < 5 || len(names) == len(whole.Nodes) {
		t.Fatalf("cluster 1 has %d of %d authors", len(names), len(whole.Nodes))
	}
	file := filepath.Join(t.TempDir(), "names.txt")
	// Folded and reordered spellings find their authors too.
	list := append([]string{"# cluster 1", strings.ToUpper(names[0])}, names[1:]...)
	if err := os.WriteFile(file, []byte(strings.Join(list, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := exportJSON(t, "-only", file)
	if len(sub.Nodes) != len(names) {
		t.Fatalf("-only: %d authors, want %d", len(sub.Nodes), len(names))
	}
	for _, n := range sub.Nodes {
		if !in[n.Name] {
			t.Errorf("-only kept %s, not in the cluster", n.Name)
		}
	}
	want := whole.pairs(func(s string) bool { return in[s] })
	if got := sub.pairs(func(string) bool { return true }); !slices.Equal(got, want) {
		t.Errorf("-only: %d edges, the cluster's induced subgraph has %d", len(got), len(want))
	}
	// stats and rank see the same subgraph.
	out, _, code := runCLI(t, "", "stats", "-json", "-quiet", "-only", file)
	var s stats
	if err := json.Unmarshal([]byte(out), &s); code != 0 || err != nil || s.Authors != len(names) || s.Edges != len(want) {
		t.Errorf("stats -only: %d %v %+v, want %d authors and %d edges", code, err, s, len(names), len(want))
	}
	// Unknown names are reported, the known ones kept.
	os.WriteFile(file, []byte(names[0]+"\nNobody Atall\n"), 0o644)
	out, errOut, code := runCLI(t, "", "stats", "-json", "-quiet", "-only", file)
	if json.Unmarshal([]byte(out), &s); code != 0 || s.Authors != 1 || !strings.Contains(errOut, `no author named "Nobody Atall"`) {
		t.Errorf("-only with an unknown name: %d, %d authors, stderr %q", code, s.Authors, errOut)
	}
}

// TestTimelineSumsToStats: the papers per year add up to stats' papers,
// whole and within years.
func TestTimelineSumsToStats(t *testing.T) {
	for _, args := range [][]string{nil, {"-since", "2023"}, {"-until", "2022"}, {"testdata/mixed.bib"}} {
		out, errOut, code := runCLI(t, "", append([]string{"timeline", "-json", "-quiet"}, args...)...)
		var years []struct {
			Year, Papers, Authors int
			NewAuthors            int     `json:"new_authors"`
			Share                 float64 `json:"largest_component_share"`
		}
		if err := json.Unmarshal([]byte(out), &years); code != 0 || err != nil {
			t.Fatalf("timeline %v: %d %v %s", args, code, err, errOut)
		}
		out, _, _ = runCLI(t, "", append([]string{"stats", "-json", "-quiet"}, args...)...)
		var s stats
		json.Unmarshal([]byte(out), &s)
		papers, authors := 0, 0
		for _, y := range years {
			papers += y.Papers
			authors += y.NewAuthors
			if y.Share <= 0 || y.Share > 1 {
				t.Errorf("timeline %v: share %v", args, y.Share)
			}
		}
		if papers != s.Papers || authors != s.Authors || papers == 0 {
			t.Errorf("timeline %v: %d papers and %d new authors; stats says %d and %d", args, papers, authors, s.Papers, s.Authors)
		}
	}
	out, _, code := runCLI(t, "", "timeline", "-quiet")
	if code != 0 || !strings.Contains(out, "2022") || !strings.Contains(out, "largest component") {
		t.Errorf("timeline table: %q", out)
	}
}

func TestPathCommand(t *testing.T) {
	out, errOut, code := runCLI(t, "", "path", "Hume", "lukosiute", "-json", "-quiet")
	var p struct {
		Distance *int
		Paths    [][]struct {
			Name  string
			Paper *struct{ Title string }
		}
	}
	if err := json.Unmarshal([]byte(out), &p); code != 0 || err != nil || p.Distance == nil || *p.Distance != 1 || len(p.Paths) != 1 ||
		p.Paths[0][0].Name != "Tristan Hume" || p.Paths[0][1].Name != "Kamilė Lukošiūtė" || p.Paths[0][0].Paper == nil {
		t.Fatalf("path -json: %d %v %s %s", code, err, out, errOut)
	}
	out, _, code = runCLI(t, "", "path", "Tristan Hume", "Kamile Lukosuite", "-quiet")
	if code != 0 || !strings.Contains(out, "collaboration distance 1") || !strings.Contains(out, "(2023)") {
		t.Errorf("path: %d %q", code, out)
	}
	_, errOut, code = runCLI(t, "", "path", "Jared", "Hume", "-quiet")
	if code != 1 || !strings.Contains(errOut, "Jared Kaplan (id") || !strings.Contains(errOut, "Jared Mueller (id") {
		t.Errorf("ambiguous name: %d %q", code, errOut)
	}
	_, errOut, code = runCLI(t, "", "path", "Jarde Kaplan", "Hume", "-quiet")
	if code != 1 || !strings.Contains(errOut, "did you mean Jared Kaplan") {
		t.Errorf("near miss: %d %q", code, errOut)
	}
	_, _, code = runCLI(t, "", "path", "Hume", "-quiet")
	if code != 2 {
		t.Errorf("one name: %d", code)
	}
	// Two papers without a common author: not connected.
	bib := "@article{a, title={One}, author={Ada Lovelace and Charles Babbage}, year={1843}}\n@article{b, title={Two}, author={Alan Turing and Alonzo Church}, year={1937}}\n"
	file := filepath.Join(t.TempDir(), "two.bib")
	os.WriteFile(file, []byte(bib), 0o644)
	out, _, code = runCLI(t, "", "path", "Lovelace", "Turing", file, "-quiet")
	if code != 0 || !strings.Contains(out, "not connected") {
		t.Errorf("not connected: %d %q", code, out)
	}
	out, _, _ = runCLI(t, "", "path", "Lovelace", "Turing", file, "-quiet", "-json")
	if !strings.Contains(out, `"distance": null`) {
		t.Errorf("not connected, JSON: %q", out)
	}
	out, _, code = runCLI(t, "", "path", "Lovelace", "Babbage", file, "-quiet", "-all")
	if code != 0 || !strings.Contains(out, `"One" (1843)`) {
		t.Errorf("path -all: %d %q", code, out)
	}
}

func TestSinceUntilEveryCommand(t *testing.T) {
	out, errOut, code := runCLI(t, "", "stats", "-since", "2023", "-until", "2023", "-json")
	var s stats
	if err := json.Unmarshal([]byte(out), &s); code != 0 || err != nil || s.Papers != 3 || !strings.Contains(errOut, "left out 5 paper(s) from before 2023, after 2023 or without a year") {
		t.Errorf("stats -since 2023: %d %v %+v %q", code, err, s, errOut)
	}
	for _, cmd := range [][]string{{"rank", "-json"}, {"clusters", "-json"}, {"names", "-json"}, {"export", "-to", "json", "-o", "-"}, {"render", "-to", "dot", "-o", "-"}} {
		_, errOut, code := runCLI(t, "", append(cmd, "-since", "2023", "-quiet")...)
		if code != 0 {
			t.Errorf("%v -since 2023: %d %s", cmd, code, errOut)
		}
	}
	_, errOut, code = runCLI(t, "", "stats", "-since", "2030", "-quiet")
	if code != 1 || !strings.Contains(errOut, "2030 on") {
		t.Errorf("no paper in the years: %d %q", code, errOut)
	}
	// Filters for rank too.
	out, _, code = runCLI(t, "", "rank", "-json", "-quiet", "-ego", "wattenberg", "-top", "0")
	var rows []map[string]any
	if json.Unmarshal([]byte(out), &rows); code != 0 || len(rows) != 16 {
		t.Errorf("rank -ego wattenberg: %d, %d rows, want 16 (him and his 15 co-authors)", code, len(rows))
	}
}

func TestExportDynamic(t *testing.T) {
	out, errOut, code := runCLI(t, "", "export", "-to", "gexf", "-o", "-", "-dynamic", "-quiet")
	if code != 0 || !strings.Contains(out, `mode="dynamic" timeformat="integer"`) || !strings.Contains(out, `<spell start="2022" end="2023"/>`) {
		t.Fatalf("export -dynamic: %d %s %.300s", code, errOut, out)
	}
	if n, m := strings.Count(out, "<node "), strings.Count(out, "<spells>"); m != n+2818 {
		t.Errorf("%d nodes, %d spells: want one per node and edge", n, m)
	}
}
