package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/parse/identity"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// runCLI runs the command line with stdin and returns stdout, stderr and
// the exit status.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestGolden(t *testing.T) {
	tests := []struct {
		file string
		args []string
	}{
		{"stats.txt", []string{"stats"}},
		{"stats.json", []string{"stats", "--json"}},
		{"rank.txt", []string{"rank"}},
		{"rank-papers-top5.txt", []string{"rank", "--by", "papers", "--top", "5"}},
		{"rank-fractional.json", []string{"rank", "--counting", "fractional", "--by", "strength", "--top", "5", "--json"}},
		{"names.txt", []string{"names"}},
		{"names.json", []string{"names", "--json"}},
		{"names-no-merge.txt", []string{"names", "--no-merge"}},
		{"rank-all.csv", []string{"rank", "--csv", "--top", "10"}},
		{"rank-betweenness.json", []string{"rank", "--by", "betweenness", "--top", "5", "--json", "--measures", "betweenness,betweenness_weighted,core"}},
		{"clusters.txt", []string{"clusters"}},
		{"clusters-louvain.json", []string{"clusters", "--algorithm", "louvain", "--json", "--members", "2"}},
		{"karate-rank.txt", []string{"rank", "testdata/karate.txt", "--top", "5", "--by", "betweenness"}},
		{"karate-stats.json", []string{"stats", "--json", "testdata/karate.txt"}},
		{"lesmis-clusters.txt", []string{"clusters", "testdata/lesmis.gml", "--members", "3"}},
		{"lesmis-components.txt", []string{"clusters", "testdata/lesmis.gml", "--algorithm", "components"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", tt.args...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			golden(t, filepath.Join("testdata", tt.file), []byte(out))
		})
	}
}

// golden compares got with the file at path, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
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
		t.Errorf("output differs from %s (go test -update rewrites it):\n%.2000s", path, got)
	}
}

// The figures of the built-in example, computed without coauthor's code by
// testdata/builtin_reference.py (networkx 2.8.8 over the author lines and
// the seven merges checked by hand name by name: Noemi/Noemí Mercado, Zac
// Hatfield Dodds/Hatfield-Dodds, Sheer El-Showk/El Showk, Chris/Christopher
// Olah, Sam/Samuel R. Bowman, Thomas/Tom Henighan, Kamile Lukosuite/Kamilė
// Lukošiūtė): 8 papers, 93 spellings, 86 authors in one component, 2818
// of the 86·85/2 = 3655 possible pairs; every two authors at distance 1 or
// 2, so the mean distance is (2818 + 2·837)/3655.
func TestBuiltInExampleFigures(t *testing.T) {
	out, _, code := runCLI(t, "", "stats", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var s stats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	want := stats{Papers: 8, Authors: 86, Edges: 2818, Components: 1, LargestComponent: 86, RawNames: 93,
		Density: 2818.0 / 3655, Transitivity: 0.877928331121331, AverageClustering: 0.907399846888964,
		Diameter: 2, AverageShortestPath: (2818 + 2*837) / 3655.0}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-12 }
	if s.Papers != want.Papers || s.Authors != want.Authors || s.Edges != want.Edges || s.Components != want.Components ||
		s.LargestComponent != want.LargestComponent || s.RawNames != want.RawNames || s.Diameter != want.Diameter ||
		!near(s.Density, want.Density) || !near(s.Transitivity, want.Transitivity) ||
		!near(s.AverageClustering, want.AverageClustering) || !near(s.AverageShortestPath, want.AverageShortestPath) {
		t.Errorf("stats = %+v, want %+v", s, want)
	}
	var names struct{ People []identity.Person }
	out, _, _ = runCLI(t, "", "names", "--json")
	if err := json.Unmarshal([]byte(out), &names); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, n := range names.People {
		got[n.Name] = len(n.Variants)
	}
	wantNames := map[string]int{"Noemí Mercado": 2, "Zac Hatfield-Dodds": 2, "Sheer El Showk": 2, "Christopher Olah": 2,
		"Samuel R. Bowman": 2, "Tom Henighan": 2, "Kamilė Lukošiūtė": 2}
	if len(got) != len(wantNames) {
		t.Errorf("merged %v, want %v", got, wantNames)
	}
	for n, k := range wantNames {
		if got[n] != k {
			t.Errorf("%s has %d variants, want %d", n, got[n], k)
		}
	}
}

// bigTeam is JSON Lines with a paper of five authors and one of two.
const bigTeam = `{"title": "a", "authors": ["A a", "B b", "C c", "D d", "E e"]}
{"title": "b", "authors": ["A a", "B b"]}
`

func TestExitStatus(t *testing.T) {
	bad := filepath.Join("testdata", "bad.txt")
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string // substring
		stderr string // substring
	}{
		{"no command", nil, "", 2, "", "Usage:"},
		{"unknown command", []string{"frobnicate"}, "", 2, "", `unknown command "frobnicate"`},
		{"unknown flag", []string{"rank", "--bogus"}, "", 2, "", "flag provided but not defined: -bogus"},
		{"bad measure", []string{"rank", "--by", "charisma"}, "", 2, "", `unknown measure "charisma"`},
		{"bad measure list", []string{"rank", "--json", "--measures", "degree,charm"}, "", 2, "", `unknown measure "charm"`},
		{"csv and json", []string{"rank", "--json", "--csv"}, "", 2, "", "exclude each other"},
		{"bad algorithm", []string{"clusters", "--algorithm", "kmeans"}, "", 2, "", `unknown algorithm "kmeans"`},
		{"bad resolution", []string{"clusters", "--resolution", "0"}, "", 2, "", "-resolution must be above 0"},
		{"names of a graph file", []string{"names", "testdata/karate.txt"}, "", 2, "", "names needs publication records"},
		{"papers of a graph file", []string{"rank", "--by", "papers", "testdata/karate.txt"}, "", 2, "", "needs publication records"},
		{"graph file with others", []string{"rank", "testdata/karate.txt", "testdata/bad.txt"}, "", 2, "", "give it alone"},
		{"forced format", []string{"stats", "--format", "edgelist", "testdata/bad.txt"}, "", 1, "", `testdata/bad.txt:2: expected an edge "u v" or "u v weight", found "Picture for Ada Lovelace"`},
		{"sampled betweenness", []string{"rank", "--by", "betweenness", "--samples", "10", "testdata/lesmis.gml"}, "", 0, "Valjean", "estimated from 10 of 77 source authors"},
		{"malformed GML", []string{"stats", "-", "--format", "gml"}, "graph [ node [ id 0 ] edge [ source 0 ] ]", 1, "", "stdin:1: malformed GML: edge without source or target"},
		{"negative top", []string{"rank", "--top", "-1"}, "", 2, "", "-top must be 0 or more"},
		{"bad counting", []string{"rank", "--counting", "harmonic"}, "", 2, "", `unknown counting "harmonic"`},
		{"since after until", []string{"stats", "--since", "2024", "--until", "2020"}, "", 2, "", "-since 2024 is after -until 2020"},
		{"negative min-weight", []string{"export", "-o", "-", "-to", "json", "--min-weight", "-1"}, "", 2, "", "-min-weight must be a number, 0 or more"},
		{"NaN resolution", []string{"clusters", "--resolution", "NaN"}, "", 2, "", "-resolution must be above 0 and finite"},
		{"bad format", []string{"stats", "--format", "pdf"}, "", 2, "", `unknown format "pdf"`},
		{"missing file", []string{"stats", "testdata/no-such-file.txt"}, "", 1, "", "no such file"},
		{"malformed record", []string{"stats", bad}, "", 1, "",
			`testdata/bad.txt:17: expected a date line like "Oct 20, 2023" after the title (record starting at line 15), found "Ada Lovelace, Mary Somerville" (use -skip-bad`},
		{"skip bad", []string{"stats", "--skip-bad", "--json", bad}, "", 0, `"papers": 2,`, "skipped 1 malformed record"},
		{"flags after file", []string{"stats", bad, "--skip-bad", "--json"}, "", 0, `"papers": 2`, "skipped 1"},
		{"stdin", []string{"rank", "--top", "1", "-"}, "T\n\nJan 2, 2020\nAda Lovelace, Charles Babbage\n", 0, "Ada Lovelace", ""},
		{"same file twice", []string{"stats", "--json", "--skip-bad", bad, bad}, "", 0, `"papers": 2,`, "dropped 2 duplicate paper"},
		{"help", []string{"rank", "-help"}, "", 0, "Usage: coauthor rank", ""},
		{"help command", []string{"help", "names"}, "", 0, "rule 2", ""},
		{"missing thesaurus", []string{"names", "--thesaurus", "testdata/none.csv"}, "", 1, "", "none.csv"},
		{"render without output", []string{"render"}, "", 2, "", "give -o FILE"},
		{"render unknown extension", []string{"render", "-o", "x.gif"}, "", 2, "", `unknown picture format "gif"`},
		{"render unknown layout", []string{"render", "-o", "-", "-to", "dot", "-layout", "spring"}, "", 2, "", `unknown layout "spring"`},
		{"render unknown ego", []string{"render", "-o", "-", "-to", "dot", "-ego", "Nobody"}, "", 2, "", `no author named "Nobody"`},
		{"render near ego", []string{"render", "-o", "-", "-to", "dot", "-ego", "Tristan Hmue"}, "", 2, "", `did you mean Tristan Hume (id:83, 8 papers)?`},
		{"misspelled command", []string{"rnak"}, "", 2, "", `did you mean "rank"?`},
		{"resolution Inf", []string{"clusters", "--resolution", "Inf"}, "", 2, "", "resolution"},
		{"resolution NaN", []string{"clusters", "--resolution", "NaN"}, "", 2, "", "resolution"},
		{"min-weight NaN", []string{"export", "-o", "-", "-to", "json", "--min-weight", "NaN"}, "", 2, "", "min-weight"},
		{"min-weight Inf", []string{"render", "-o", "-", "-to", "dot", "--min-weight", "-Inf"}, "", 2, "", "min-weight"},
		{"starts unbounded", []string{"clusters", "--starts", "100000000"}, "", 2, "", "starts"},
		{"starts zero", []string{"clusters", "--starts", "0"}, "", 2, "", "starts"},
		{"version", []string{"version"}, "", 0, "coauthor ", ""},
		{"version takes nothing", []string{"version", "x"}, "", 2, "", "no arguments"},
		{"render dot to stdout", []string{"render", "-o", "-", "-to", "dot", "-top", "5"}, "", 0, "graph coauthor {", ""},
		{"export without output", []string{"export"}, "", 2, "", "give -o FILE"},
		{"export unknown extension", []string{"export", "-o", "x.xlsx"}, "", 2, "", `cannot tell the format of "x.xlsx"`},
		{"export unknown format", []string{"export", "-o", "-", "-to", "xlsx"}, "", 2, "", `unknown export format "xlsx"`},
		{"export csv to stdout", []string{"export", "-o", "-", "-to", "csv"}, "", 2, "", "csv writes two files"},
		{"two formats merged", []string{"stats", "--json", "testdata/mixed.bib", "testdata/mixed.ris"}, "", 0, `"papers": 3,`, "dropped 1 duplicate paper"},
		{"repeat named with file and line", []string{"stats", "testdata/mixed.bib", "testdata/mixed.ris"}, "", 0, "", `testdata/mixed.ris:1 "From Louvain to Leiden: guaranteeing well-connected communities" (2019), a repeat of testdata/mixed.bib:1`},
		{"dedup off", []string{"stats", "--json", "--dedup", "off", "testdata/mixed.bib", "testdata/mixed.ris"}, "", 0, `"papers": 4,`, ""},
		{"bad dedup", []string{"stats", "--dedup", "maybe"}, "", 2, "", "-dedup takes on or off"},
		{"fatal XML even with skip-bad", []string{"stats", "--skip-bad", "testdata/broken.xml"}, "", 1, "",
			"testdata/broken.xml:4: malformed DBLP XML: element <year> closed by </article>"},
		{"max authors skip", []string{"stats", "--json", "--max-authors", "3", "--format", "jsonl", "-"}, bigTeam, 0, `"papers": 1,`, "1 paper(s) with more than 3 authors skipped"},
		{"max authors cap", []string{"stats", "--json", "--max-authors", "3", "--over-max", "cap", "-"}, bigTeam, 0, `"edges": 3,`, "cut to their first 3 authors"},
		{"bad over-max", []string{"stats", "--over-max", "drop"}, "", 2, "", "-over-max skip or cap"},
		{"unauthored counted", []string{"stats", "testdata/mixed.bib", "--format", "ris"}, "", 1, "", "no papers with authors in testdata/mixed.bib"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s\nwant stdout containing %q, stderr containing %q",
					code, tt.code, out, errOut, tt.stdout, tt.stderr)
			}
		})
	}
}

// A thesaurus naming "Christopher Olah" (as a canonical name only) keeps
// it apart from "Chris Olah", which rule 2 would merge with it; one
// mapping "Sam Bowman" to "Samuel R. Bowman" makes that merge, explained
// by its line.
func TestThesaurusFlag(t *testing.T) {
	th := filepath.Join(t.TempDir(), "th.csv")
	os.WriteFile(th, []byte("label,replace by\nC. H. Olah,Christopher Olah\nSam Bowman,Samuel R. Bowman\n"), 0o644)
	out, errOut, code := runCLI(t, "", "names", "--thesaurus", th, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var names struct{ People []identity.Person }
	if err := json.Unmarshal([]byte(out), &names); err != nil {
		t.Fatal(err)
	}
	bowman := false
	for _, n := range names.People {
		if n.Name == "Christopher Olah" || n.Name == "Chris Olah" {
			t.Errorf("thesaurus naming Christopher Olah did not keep it apart: %+v", n)
		}
		if n.Name == "Samuel R. Bowman" {
			bowman = len(n.Variants) == 2 && strings.Contains(strings.Join(n.Reasons, " "), "thesaurus "+th+":3")
		}
	}
	if !bowman {
		t.Errorf("no merge of Sam Bowman into Samuel R. Bowman explained by %s:3 in %+v", th, names)
	}
}

// render: the DOT of filtered pictures, golden; SVG and PNG files written.
func TestRender(t *testing.T) {
	for _, tt := range []struct {
		file string
		args []string
	}{
		{"render-top10.dot", []string{"render", "-o", "-", "-to", "dot", "-top", "10", "-labels", "5"}},
		{"render-ego.dot", []string{"render", "-o", "-", "-to", "dot", "-ego", "noemi mercado", "-depth", "1", "-min-papers", "3", "-min-weight", "2", "-size-by", "papers"}},
		{"render-lesmis.dot", []string{"render", "-o", "-", "-to", "dot", "testdata/lesmis.gml", "-component", "largest", "-algorithm", "louvain"}},
		{"render-lesmis-force.dot", []string{"render", "-o", "-", "-to", "dot", "testdata/lesmis.gml", "-layout", "force", "-labels", "0"}},
	} {
		out, errOut, code := runCLI(t, "", tt.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, errOut)
		}
		golden(t, filepath.Join("testdata", tt.file), []byte(out))
	}
	dir := t.TempDir()
	for _, name := range []string{"x.svg", "x.png", "force.svg"} {
		path := filepath.Join(dir, name)
		_, errOut, code := runCLI(t, "", "render", "-o", path, "-top", "20", "-layout", map[bool]string{true: "force", false: "auto"}[name == "force.svg"])
		data, err := os.ReadFile(path)
		if code != 0 || err != nil || len(data) < 1000 || !strings.Contains(errOut, "wrote "+path+" (20 authors") {
			t.Errorf("render -o %s: exit %d, %d bytes, stderr %q", name, code, len(data), errOut)
		}
	}
}

// export: GraphML of karate golden; every format written and read back
// far enough to count its nodes and edges.
func TestExport(t *testing.T) {
	out, errOut, code := runCLI(t, "", "export", "-o", "-", "-to", "graphml", "-measures", "degree,pagerank", "testdata/karate.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden(t, filepath.Join("testdata", "export-karate.graphml"), []byte(out))

	dir := t.TempDir()
	for _, tt := range []struct {
		args  []string
		files []string
		count func(map[string]string) (nodes, edges int)
	}{
		{[]string{"-o", filepath.Join(dir, "k.json")}, []string{"k.json"}, func(f map[string]string) (int, int) {
			var doc struct{ Nodes, Links []any }
			json.Unmarshal([]byte(f["k.json"]), &doc)
			return len(doc.Nodes), len(doc.Links)
		}},
		{[]string{"-o", filepath.Join(dir, "k.gexf")}, []string{"k.gexf"}, func(f map[string]string) (int, int) {
			return strings.Count(f["k.gexf"], "<node "), strings.Count(f["k.gexf"], "<edge ")
		}},
		{[]string{"-o", filepath.Join(dir, "k.net")}, []string{"k.net"}, func(f map[string]string) (int, int) {
			v, e, _ := strings.Cut(f["k.net"], "*Edges")
			return strings.Count(v, "\n") - 1, strings.Count(e, "\n") - 1
		}},
		{[]string{"-o", filepath.Join(dir, "k.dot")}, []string{"k.dot"}, func(f map[string]string) (int, int) {
			return strings.Count(f["k.dot"], "tooltip=") - strings.Count(f["k.dot"], " -- "), strings.Count(f["k.dot"], " -- ")
		}},
		{[]string{"-o", filepath.Join(dir, "csv"), "-to", "csv"}, []string{"csv/nodes.csv", "csv/edges.csv"}, func(f map[string]string) (int, int) {
			return strings.Count(f["csv/nodes.csv"], "\n") - 1, strings.Count(f["csv/edges.csv"], "\n") - 1
		}},
		{[]string{"-o", filepath.Join(dir, "vos"), "-to", "vosviewer"}, []string{"vos/map.txt", "vos/network.txt"}, func(f map[string]string) (int, int) {
			return strings.Count(f["vos/map.txt"], "\n") - 1, strings.Count(f["vos/network.txt"], "\n")
		}},
	} {
		args := append([]string{"export", "testdata/karate.txt", "-measures", "degree"}, tt.args...)
		_, errOut, code := runCLI(t, "", args...)
		if code != 0 || !strings.Contains(errOut, "(34 authors, 78 edges)") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
			continue
		}
		files := map[string]string{}
		for _, name := range tt.files {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			files[name] = string(b)
		}
		if n, m := tt.count(files); n != 34 || m != 78 {
			t.Errorf("%v: read back %d nodes and %d edges, want 34 and 78", args, n, m)
		}
	}
}

// The picture at the top of the README is what render draws today.
func TestExampleSVGCurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "coauthor.svg")
	if _, errOut, code := runCLI(t, "", "render", "-o", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The picture at the top of the README.
	golden(t, filepath.Join("..", "..", "examples", "coauthor.svg"), got)
}

// Progress lines: none by default (stderr is not a terminal here), every
// step with -progress, none with -quiet.
func TestProgressLines(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{[]string{"stats"}, false},
		{[]string{"stats", "--progress"}, true},
		{[]string{"stats", "--progress", "--quiet"}, false},
	} {
		_, errOut, code := runCLI(t, "", tt.args...)
		got := strings.Contains(errOut, "coauthor: reading tristan-hume.txt (built-in example): 8 records, 16 kB, done in") &&
			strings.Contains(errOut, "coauthor: building the graph: 8 papers, done in")
		if code != 0 || got != tt.want {
			t.Errorf("%v: exit %d, progress lines %v, want %v:\n%s", tt.args, code, got, tt.want, errOut)
		}
	}
}

// A signal that arrives after a command's work is done (its output
// written whole) does not turn its status into 130, and a command that
// stopped for it does.
func TestSignalAfterWorkDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	if code := run(ctx, []string{"version"}, nil, &out, &errb); code != exitOK || out.Len() == 0 {
		t.Errorf("version with a cancelled context: exit %d, output %q, stderr %q; want 0 and the version", code, out.String(), errb.String())
	}
	out.Reset()
	errb.Reset()
	if code := run(ctx, []string{"rank"}, nil, &out, &errb); code != exitSignal || out.Len() != 0 {
		t.Errorf("rank with a cancelled context: exit %d, output %q; want %d and nothing", code, out.String(), exitSignal)
	}
}
