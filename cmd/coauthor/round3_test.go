package main

import (
	"bytes"
	"cmp"
	"debug/elf"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	pq "github.com/parquet-go/parquet-go"

	"coauthor/graph/formats"
	"coauthor/graph/formats/export"
	"coauthor/graph/formats/parquet"
	"coauthor/parse"
	"coauthor/render"
)

// inputCommands are the commands that read input: every flag of the
// README's table "Flags every command takes" applies to each.
func inputCommands() []*command {
	var cs []*command
	for _, c := range commands() {
		if c.name != "gen" && c.name != "version" {
			cs = append(cs, c)
		}
	}
	return cs
}

// readmeCommonFlags returns the flags named in the first column of the
// README's table "Flags every command takes", each with the first value
// the table shows for it ("on" of "`--dedup on\|off`"; "" for none).
func readmeCommonFlags(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(b), "Flags every command takes")
	if !ok {
		t.Fatal("README: no table of the flags every command takes")
	}
	_, table, _ = strings.Cut(table, "\n\n")
	table, _, _ = strings.Cut(table, "\n\n")
	flags := map[string]string{}
	for _, line := range strings.Split(table, "\n")[2:] {
		first := strings.Split(line, " | ")[0]
		for _, m := range regexp.MustCompile("(?:^|[` ])--?([a-z][a-z-]*)(?: ([^`,]+))?").FindAllStringSubmatch(first, -1) {
			value, _, _ := strings.Cut(m[2], `\|`)
			flags[m[1]] = value
		}
	}
	if len(flags) < 16 || flags["mem"] == "" || flags["json"] != "" {
		t.Fatalf("README table gives %d flags: %v", len(flags), flags)
	}
	return flags
}

// Every command that reads input takes every flag the README lists as
// taken by every command (issue 21, 13): stats --counting, names
// --counting, stats -mem and render --json were refused.
func TestCommonFlagsEveryCommand(t *testing.T) {
	values := map[string]string{"counting": "fractional", "mem": "1GB", "thesaurus": "testdata/thesaurus.csv", "format": "auto",
		"author-sep": ";", "max-authors": "0", "over-max": "skip", "since": "2000", "until": "2030", "component": "all",
		"ego": "Ann", "depth": "1", "only": "names.txt", "min-papers": "0", "min-weight": "0"}
	for _, c := range inputCommands() {
		for name, example := range readmeCommonFlags(t) {
			fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
			c.flags(fs)
			(&env{}).registerProgress(fs)
			f := fs.Lookup(name)
			if f == nil {
				t.Errorf("%s does not take --%s", c.name, name)
				continue
			}
			args := []string{"--" + name}
			if v, ok := values[name]; ok {
				args = append(args, v)
			} else if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
				args = append(args, example) // the README's own value
			}
			if _, err := parseFlags(fs, args); err != nil {
				t.Errorf("%s %v: %v", c.name, args, err)
			}
		}
	}
	// A flag with no effect on a command says so in its help.
	for _, c := range []struct{ cmd, flag string }{{"render", "json"}, {"export", "json"}, {"serve", "json"}, {"stats", "counting"}, {"names", "counting"}, {"works", "counting"}} {
		cmd, _ := lookup(c.cmd)
		if u := commandUsage(cmd); !regexp.MustCompile(`(?s)-` + c.flag + `\b[^\n]*\n[^\n]*no effect`).MatchString(u) {
			t.Errorf("%s -help: -%s does not say it has no effect", c.cmd, c.flag)
		}
	}
	out, errOut, code := runCLI(t, "", "stats", "--counting", "fractional", "-mem", "1GB", "--json")
	if code != 0 || !strings.Contains(out, `"authors": 86`) {
		t.Errorf("stats --counting fractional -mem 1GB: %d %q", code, errOut)
	}
}

// failWriter fails every write, as /dev/full does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// Every command that writes to standard output fails with status 1 when
// the write fails (issue 21, 23: timeline and path ended 0).
func TestStdoutWriteFails(t *testing.T) {
	for _, args := range [][]string{{"stats"}, {"works"}, {"rank"}, {"clusters"}, {"names"}, {"timeline"}, {"timeline", "--json"},
		{"path", "Tristan Hume", "Jared Kaplan"}, {"path", "--json", "Tristan Hume", "Jared Kaplan"}, {"version"},
		{"export", "-to", "json", "-o", "-"}, {"render", "-to", "dot", "-o", "-"}, {"gen", "-papers", "10", "-o", "-"}, {"help"}} {
		var errOut strings.Builder
		code := run(t.Context(), args, strings.NewReader(""), failWriter{}, &errOut)
		if args[0] == "help" {
			continue // help's status is 0 whatever happens: nothing to lose
		}
		if code != exitInput || !strings.Contains(errOut.String(), "no space left") {
			t.Errorf("%v to a full disk: exit %d, %q", args, code, errOut.String())
		}
	}
	bin := buildCLI(t)
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	for _, args := range [][]string{{"timeline"}, {"path", "Tristan Hume", "Jared Kaplan"}} {
		cmd := exec.Command(bin, args...)
		var stderr strings.Builder
		cmd.Stdout, cmd.Stderr = full, &stderr
		err := cmd.Run()
		if cmd.ProcessState.ExitCode() != 1 || !strings.Contains(stderr.String(), "no space left") {
			t.Errorf("coauthor %v > /dev/full: %v %s", args, err, stderr.String())
		}
	}
}

// Bad numbers and addresses are command-line mistakes (exit 2, before
// any work), and a spill that cannot write is an error (exit 1, named)
// (issue 21, 21).
func TestBadValuesExit2(t *testing.T) {
	for _, args := range [][]string{
		{"stats", "-mem", "NaN"}, {"stats", "-mem", "Inf"}, {"rank", "-mem", "1e30"}, {"rank", "-mem", "-1GB"},
		{"serve", "--addr", "nonsense"}, {"serve", "--addr", "127.0.0.1:99999"}, {"serve", "--addr", "localhost:http-alt"},
	} {
		_, errOut, code := runCLI(t, "", args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want 2: %q", args, code, errOut)
		}
	}
	for _, c := range inputCommands() {
		args := []string{c.name, "--since", "2024", "--until", "2020"}
		if c.name == "path" {
			args = append(args, "a", "b")
		}
		if c.name == "render" || c.name == "export" {
			args = append(args, "-to", "dot", "-o", "-")
		}
		if _, errOut, code := runCLI(t, "", args...); code != exitUsage || !strings.Contains(errOut, "is after -until") {
			t.Errorf("%v: exit %d, want 2: %q", args, code, errOut)
		}
	}
	in := teamJSONL(t, t.TempDir(), "teams.jsonl", 40, 100, 4000) // 198,000 pairs: past a run of 65,536
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	_, errOut, code := runCLI(t, "", "stats", "-quiet", "-mem", "1MB", in)
	if code != exitInput || !strings.Contains(errOut, "spilling co-author pairs") {
		t.Errorf("-mem with a missing TMPDIR: exit %d, %q", code, errOut)
	}
}

// The command line's words (issue 21, 17).
func TestMessagesRound3(t *testing.T) {
	_, errOut, _ := runCLI(t, "", "stats", "--until", "2022")
	if !strings.Contains(errOut, "left out 3 paper(s) from after 2022 or without a year") {
		t.Errorf("--until 2022: %q", errOut)
	}
	_, errOut, code := runCLI(t, "", "path", "lukosiute", "Bowman, Samuel")
	if code != 1 || !strings.Contains(errOut, "did you mean Samuel R. Bowman (id:66") {
		t.Errorf(`path lukosiute "Bowman, Samuel": %d %q`, code, errOut)
	}
	if out, _, code := runCLI(t, "", "path", "lukosiute", "id:66"); code != 0 || !strings.Contains(out, "Samuel R. Bowman: collaboration distance 1") {
		t.Errorf("path lukosiute id:66: %d %q", code, out)
	}
	// -quiet keeps the list of warnings off stderr and counts it.
	bib := "@article{a, author={Proceedings of the Royal Society and Ann Lee}, title={One}, year=2020}\n" +
		"@article{b, author={Proceedings of the IEEE and Ann Lee}, title={Two}, year=2021}\n"
	_, loud, _ := runCLI(t, bib, "rank", "--format", "bibtex", "-")
	_, quiet, code := runCLI(t, bib, "rank", "--quiet", "--format", "bibtex", "-")
	if n := strings.Count(loud, "not a person's name"); n != 2 || code != 0 ||
		strings.Contains(quiet, "not a person's name") || !strings.Contains(quiet, "2 warning(s) about the input not shown (-quiet)") {
		t.Errorf("warnings: %d lines, then with -quiet: %q", n, quiet)
	}
}

// A Parquet export replaces the directory's whole set: a graph file's
// export (authors and edges only) over a paper export leaves no stale
// authorships.parquet or works.parquet (issue 21, 30); its clusters are
// numbered from 1 as in every export (issue 21, 9).
func TestExportParquetReplacesSet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pq")
	if _, errOut, code := runCLI(t, "", "export", "-to", "parquet", "-o", dir, "-quiet"); code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	if _, errOut, code := runCLI(t, "", "export", "-to", "parquet", "-o", dir, "-quiet", "testdata/karate.txt"); code != 0 {
		t.Fatalf("export karate: %d %s", code, errOut)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{parquet.AuthorsFile, parquet.EdgesFile}) {
		t.Errorf("directory holds %v, want only %s and %s", names, parquet.AuthorsFile, parquet.EdgesFile)
	}
	b, err := os.ReadFile(filepath.Join(dir, parquet.AuthorsFile))
	if err != nil {
		t.Fatal(err)
	}
	type author struct {
		Cluster int32 `parquet:"cluster"`
	}
	rows, err := pq.Read[author](bytes.NewReader(b), int64(len(b)))
	if err != nil || len(rows) != 34 {
		t.Fatalf("%d authors, %v", len(rows), err)
	}
	low := slices.MinFunc(rows, func(a, b author) int { return cmp.Compare(a.Cluster, b.Cluster) })
	if low.Cluster != 1 {
		t.Errorf("clusters start at %d, want 1", low.Cluster)
	}
}

// No directory of the input's path reaches a shared output: the map's
// title and api/meta (embedded in map.html) and the exports' titles name
// the input by its base name (issue 21, 28).
func TestNoInputPathLeaks(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "private-home-dir")
	os.Mkdir(dir, 0o755)
	for _, name := range []string{"karate.txt", "mixed.bib"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		in := filepath.Join(dir, name)
		os.WriteFile(in, b, 0o644)
		html := filepath.Join(t.TempDir(), "map.html")
		if _, errOut, code := runCLI(t, "", "render", "-o", html, "-quiet", in); code != 0 {
			t.Fatalf("render: %d %s", code, errOut)
		}
		got, _ := os.ReadFile(html)
		outs := map[string]string{"map.html": string(got)}
		for _, to := range []string{"json", "graphml", "gexf"} {
			out, errOut, code := runCLI(t, "", "export", "-to", to, "-o", "-", "-quiet", in)
			if code != 0 {
				t.Fatalf("export %s: %d %s", to, code, errOut)
			}
			outs[to] = out
		}
		base := strings.TrimSuffix(name, filepath.Ext(name))
		for what, out := range outs {
			if strings.Contains(out, "private-home-dir") || !strings.Contains(out, base) {
				t.Errorf("%s of %s: the directory is in it, or the base name %q is not", what, in, base)
			}
		}
	}
}

// The help texts name what the tables of readers and writers hold, and
// nothing they do not (issue 21, 15).
func TestHelpMatchesTables(t *testing.T) {
	top := mainUsage()
	for _, k := range parse.Kinds {
		if !strings.Contains(strings.Join(strings.Fields(top), " "), k.Sources) {
			t.Errorf("coauthor help lacks the input %q", k.Sources)
		}
	}
	for _, name := range []string{"PubMed", "MEDLINE", "Dimensions", "DataCite", "Crossref", "DOAJ", "Pajek"} {
		if !strings.Contains(top, name) {
			t.Errorf("coauthor help lacks %s", name)
		}
	}
	exportCmd, _ := lookup("export")
	ex := commandUsage(exportCmd)
	flat := strings.Join(strings.Fields(ex), " ")
	for _, f := range export.Formats {
		if !strings.Contains(ex, "\n\t"+f+" ") {
			t.Errorf("export -help has no entry for %s", f)
		}
		if !strings.Contains(top, export.Names[f]) {
			t.Errorf("coauthor help's export line lacks %s", export.Names[f])
		}
		if pair, dir := export.Files(f); dir {
			if !strings.Contains(flat, pair[0]) || !strings.Contains(flat, pair[1]) {
				t.Errorf("export -help does not name %s's files %v", f, pair)
			}
		}
	}
	var works struct{ formats.Works } // any non-nil Works: the files of a table with papers
	full := &formats.Table{Works: works}
	for _, name := range parquet.Files(full) {
		if !strings.Contains(flat, name) {
			t.Errorf("export -help does not name %s", name)
		}
	}
	if n := len(parquet.Files(full)); !strings.Contains(flat, "parquet two or four") || n != 4 || len(parquet.Files(&formats.Table{})) != 2 {
		t.Errorf("export -help's count of Parquet files is not 2 or %d", n)
	}
	if strings.Contains(ex, "write two files (") || strings.Contains(flat, "csv and vosviewer write two files, so") {
		t.Error("export -help says only csv and vosviewer write directories")
	}
	for _, f := range parse.Formats {
		for _, c := range inputCommands() {
			if u := commandUsage(c); !strings.Contains(u, f) {
				t.Errorf("%s -help: -format does not list %s", c.name, f)
			}
		}
	}
	renderCmd, _ := lookup("render")
	if r := commandUsage(renderCmd); strings.Contains(r, "in-process") || strings.Contains(r, "nothing to install") || !strings.Contains(r, render.Helper) {
		t.Errorf("render -help on Graphviz: %s", r)
	}
	genCmd, _ := lookup("gen")
	if g := commandUsage(genCmd); strings.Contains(g, "number of N") {
		t.Errorf("gen -help: %s", g)
	}
	// No help line runs past the width (but for flag names and indented
	// tables written by hand).
	for _, c := range commands() {
		_, _, long := c.text()
		for _, l := range strings.Split(wrap(strings.TrimSpace(long)), "\n") {
			if width(l) > helpWidth && !strings.HasPrefix(l, "\t") {
				t.Errorf("%s -help: a line of %d runes: %s", c.name, width(l), l)
			}
		}
	}
}

// The README's build promise (issue 21, 14): no package of coauthor or of
// its dependencies outside the standard library has cgo files, and
// CGO_ENABLED=0 builds both commands as static binaries.
func TestStaticBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the commands; not with -short")
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if and .CgoFiles (not .Standard)}}{{.ImportPath}}{{end}}", "coauthor/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	if s := strings.TrimSpace(string(out)); s != "" {
		t.Errorf("packages with cgo: %s", s)
	}
	if runtime.GOOS != "linux" {
		t.Skip("the static check reads ELF")
	}
	for _, cmd := range []string{".", "../coauthor-graphviz"} {
		bin := filepath.Join(t.TempDir(), "bin")
		build := exec.Command("go", "build", "-o", bin, cmd)
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("CGO_ENABLED=0 go build %s: %v\n%s", cmd, err, out)
		}
		f, err := elf.Open(bin)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP {
				t.Errorf("CGO_ENABLED=0 go build %s: dynamically linked (an interpreter)", cmd)
			}
		}
		if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
			t.Errorf("CGO_ENABLED=0 go build %s: links %v", cmd, libs)
		}
		f.Close()
	}
}

// path names at most 20 homonyms, counts the rest, and takes the ids it
// prints (issue 21, 31: 212 KB on one line, ids no argument accepted).
func TestPathHomonyms(t *testing.T) {
	var b strings.Builder
	for i := range 30 {
		fmt.Fprintf(&b, `{"title": "Paper %d", "year": 2020, "authors": [{"name": "Qiang Li", "id": "q%d"}, {"name": "Bob Roe", "id": "bob"}]}`+"\n", i, i)
	}
	_, errOut, code := runCLI(t, b.String(), "path", "Qiang Li", "Bob Roe", "--format", "json", "-")
	m := regexp.MustCompile(`\(id:(\d+),`).FindAllStringSubmatch(errOut, -1)
	if code != 1 || len(m) != 20 || !strings.Contains(errOut, "and 10 more") || strings.Count(errOut, "\n") > 3 {
		t.Fatalf("path Qiang Li: exit %d, %d ids: %q", code, len(m), errOut)
	}
	out, errOut, code := runCLI(t, b.String(), "path", "id:"+m[0][1], "Bob Roe", "--format", "json", "-")
	if code != 0 || !strings.Contains(out, "Qiang Li → Bob Roe: collaboration distance 1") {
		t.Errorf("path id:%s: %d %q %q", m[0][1], code, out, errOut)
	}
}

// serve on a busy port says which flag chooses another (issue 21, 17).
func TestServeBusyPort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip(err)
	}
	defer l.Close()
	_, errOut, code := runCLI(t, "", "serve", "-quiet", "--addr", l.Addr().String())
	if code != exitInput || !strings.Contains(errOut, "address already in use") || !strings.Contains(errOut, "--addr") {
		t.Errorf("serve on a busy port: exit %d, %q", code, errOut)
	}
}

// gen takes its format from -o's extension, and refuses a format the
// name contradicts (a .jsonl file of DBLP XML could not be read back).
func TestGenFormatFromName(t *testing.T) {
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "g.jsonl")
	if _, errOut, code := runCLI(t, "", "gen", "-papers", "20", "-quiet", "-o", jsonl); code != 0 {
		t.Fatalf("gen -o g.jsonl: %d %s", code, errOut)
	}
	if out, errOut, code := runCLI(t, "", "stats", "-json", "-quiet", jsonl); code != 0 || !strings.Contains(out, `"papers": 20`) {
		t.Errorf("stats of the generated .jsonl: %d %s %s", code, out, errOut)
	}
	if _, _, code := runCLI(t, "", "gen", "-papers", "20", "-format", "dblp", "-o", filepath.Join(dir, "x.jsonl")); code != 2 {
		t.Errorf("gen -format dblp -o x.jsonl: exit %d, want 2", code)
	}
}
