package interop

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"coauthor/parse"
	"coauthor/parse/input"
)

// realFiles are the real exports under testdata/real (and biblatex's
// example file, a fixture of parse/input), written by 17 public
// repositories that no one here wrote (testdata/real/SOURCES.md gives
// each one's repository, path, commit and licence), with what count.py
// counts in each apart from coauthor's readers: papers (records with an
// author), author entries of those papers, and records without an author.
// args are export flags for a file whose full graph is too large for a
// quick test.
var realFiles = []struct {
	file                  string
	papers, authors, none int
	args                  []string
}{
	{"arxivsync-oai-arXivRaw-150.xml.gz", 150, 446, 0, nil},
	{"asreview-embase.ris", 6, 29, 0, nil},
	{"asreview-ovid_psycinfo.ris", 6, 32, 0, nil},
	{"asreview-proquest.ris", 6, 47, 0, nil},
	{"asreview-pubmed_zotero.ris", 6, 26, 0, nil},
	{"asreview-scopus.ris", 6, 26, 0, nil},
	{"asreview-web_of_science.txt", 10, 36, 0, nil},
	{"bbt-jabref-1730-5.bib", 4, 19, 0, nil},
	{"bbt-qiqqa.bib", 2, 2, 0, nil},
	{"bbt-unabbreviate-1436-1.bib.gz", 506, 3079, 0, nil},
	{"../../../../parse/input/testdata/formats/biblatex-examples.bib", 81, 142, 11, nil},
	{"bibtexparser-bibtex.bib", 1, 1, 0, nil},
	{"biopython-pubmed1.xml", 2, 2, 0, nil},
	{"biopython-pubmed2.xml", 2, 14, 0, nil},
	{"biopython-pubmed4.xml", 1, 22, 0, nil},
	{"biopython-pubmed_result2.txt", 4, 13, 0, nil},
	{"biopython-pubmed_result3.txt", 1, 4, 0, nil},
	{"bolognese-citeproc.json", 1, 1, 0, nil},
	{"bolognese-crossref.bib", 1, 5, 0, nil},
	{"bolognese-crossref.ris", 1, 5, 0, nil},
	{"bolognese-datacite.json", 1, 1, 0, nil},
	{"context-review-manual-references.json", 16, 36, 0, nil},
	{"context-review-references.json.gz", 257, 2217, 1, []string{"-max-authors", "100"}},
	{"deep-review-references.json.gz", 604, 3167, 11, nil},
	{"handlr-bib-many.bib", 2, 11, 0, nil},
	{"handlr-citeproc-many.json", 2, 5, 0, nil},
	{"handlr-peerj.ris", 1, 4, 0, nil},
	{"handlr-plos.ris", 1, 9, 0, nil},
	{"jabref-IsiImporterTestInspec.isi", 2, 9, 0, nil},
	{"jabref-IsiImporterTestWOS.isi", 2, 11, 0, nil},
	{"jabref-MedlineImporterTestArticleItalics.xml", 1, 24, 0, nil},
	{"jabref-MedlineImporterTestNbib.xml", 2, 5, 0, nil},
	{"litstudy-example.ris", 25, 163, 0, nil},
	{"litstudy-ieee_5.csv", 39, 169, 2, nil},
	{"manubot-cite-command-rendered-input-bibliography.json", 3, 42, 0, nil},
	{"manubot-crossref-deep-review-csl-raw.json", 1, 36, 0, nil},
	{"pubmed_parser-pubmed-29768149.xml", 1, 10, 0, nil},
	{"rispy-example_full.ris", 2, 4, 0, nil},
	{"rispy-example_utf_chars.ris", 1, 5, 0, nil},
	{"scientopy-wos_4071.txt.gz", 67, 387, 4, nil},
	{"wostools-bit-pattern-savedrecs.txt", 30, 128, 0, nil},
	{"wostools-scopus.ris", 37, 144, 0, nil},
	{"wostools-single-article.txt", 1, 4, 0, nil},
}

// readCounts reads file whole with coauthor's readers, as the command
// does, and counts papers, author entries, records without authors and
// malformed records.
func readCounts(file string) (papers, authors, none, bad int, err error) {
	f, err := os.Open(file)
	if err != nil {
		return 0, 0, 0, 0, err
	}
	defer f.Close()
	r, _, _, err := input.Open(filepath.Base(file), f, "", parse.ReadOptions{})
	if err != nil {
		return 0, 0, 0, 0, err
	}
	for calls := 0; ; calls++ {
		if calls > 1e6 {
			return 0, 0, 0, 0, errors.New("the reader does not advance")
		}
		p, err := r.Read()
		if errors.Is(err, io.EOF) {
			return papers, authors, r.Unauthored(), bad, nil
		}
		var pe *parse.ParseError
		if errors.As(err, &pe) && !pe.Fatal {
			bad++
			continue
		}
		if err != nil {
			return 0, 0, 0, 0, err
		}
		papers++
		authors += len(p.Authors)
	}
}

// TestRealExports reads each real export with coauthor's readers and
// asserts count.py's counts (papers, author entries, records without
// authors; no malformed record), then exports each file's network in
// every format and loads the files in their clients, as a new user would:
// networkx and python-igraph (real.py, one process for all files:
// readback.py's checks of nodes, edges, weights, PageRank and clusters
// across GraphML, GEXF, node-link JSON, CSV, Pajek and VOSviewer), Graphviz
// (nop parses every DOT file, sfdp lays out and draws those of at most
// 5,000 edges; no warning), and DuckDB for the Parquet tables when npm
// can install @duckdb/node-api (else that part is skipped, saying so).
func TestRealExports(t *testing.T) {
	dir := filepath.Join("testdata", "real")
	for _, tt := range realFiles {
		papers, authors, none, bad, err := readCounts(filepath.Join(dir, tt.file))
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if papers != tt.papers || authors != tt.authors || none != tt.none || bad != 0 {
			t.Errorf("%s: papers %d, author entries %d, without authors %d, malformed %d; want %d, %d, %d, 0",
				tt.file, papers, authors, none, bad, tt.papers, tt.authors, tt.none)
		}
	}
	if testing.Short() {
		t.Skip("the exports and their clients: not with -short")
	}
	if err := exec.Command(python, "-c", "import networkx, igraph").Run(); err != nil {
		t.Skipf("skipping the exports' clients: %s cannot import networkx and igraph (%v); on Debian: apt-get install python3-networkx python3-igraph", python, err)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "coauthor")
	build := exec.Command("go", "build", "-o", bin, "./cmd/coauthor")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out := filepath.Join(tmp, "out")
	start := time.Now()
	exportAll(t, bin, dir, out)
	t.Logf("%d exports in %v", len(realFiles)*len(exportFormats), time.Since(start).Round(time.Millisecond))
	if t.Failed() {
		return
	}
	start = time.Now()
	cmd := exec.Command(python, "real.py", out)
	cmd.Env = append(os.Environ(), "PYTHONWARNINGS=ignore")
	got, err := cmd.CombinedOutput()
	t.Logf("real.py in %v:\n%s", time.Since(start).Round(time.Millisecond), got)
	if err != nil {
		t.Errorf("real.py: %v", err)
	}
	start = time.Now()
	graphviz(t, out)
	t.Logf("Graphviz in %v", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	duckdb(t, out)
	t.Logf("DuckDB in %v", time.Since(start).Round(time.Millisecond))
}

// exportFormats are the exports of each file: coauthor's -to and the file
// or folder written, as readback.py's check reads them, and DOT and
// Parquet.
var exportFormats = [][2]string{
	{"csv", "csv"}, {"graphml", "g.graphml"}, {"gexf", "g.gexf"}, {"json", "g.json"},
	{"pajek", "g.net"}, {"vosviewer", "vos"}, {"dot", "g.dot"}, {"parquet", "parquet"},
}

// exportAll writes every format of every real file into out/NAME/, two
// commands at a time.
func exportAll(t *testing.T, bin, dir, out string) {
	type job struct{ file, to, dst string }
	var jobs []job
	for _, tt := range realFiles {
		for _, f := range exportFormats {
			args := append([]string{"export", "-quiet", "-measures", "papers,degree,pagerank", "-to", f[0], "-o", filepath.Join(out, filepath.Base(tt.file), f[1])}, tt.args...)
			jobs = append(jobs, job{tt.file, f[0], strings.Join(append(args, filepath.Join(dir, tt.file)), "\x00")})
		}
		if err := os.MkdirAll(filepath.Join(out, filepath.Base(tt.file)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	ch := make(chan job)
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				var stderr bytes.Buffer
				cmd := exec.Command(bin, strings.Split(j.dst, "\x00")...)
				cmd.Stderr = &stderr
				if err := cmd.Run(); err != nil {
					mu.Lock()
					t.Errorf("export -to %s %s: %v\n%s", j.to, j.file, err, stderr.Bytes())
					mu.Unlock()
				}
			}
		}()
	}
	for _, j := range jobs {
		ch <- j
	}
	close(ch)
	wg.Wait()
}

// graphviz parses every DOT export with nop and draws those of at most
// 5,000 edges with sfdp; any output on stderr (a warning) fails.
func graphviz(t *testing.T, out string) {
	if _, err := exec.LookPath("nop"); err != nil {
		t.Logf("skipping Graphviz: nop not on PATH (%v); on Debian: apt-get install graphviz", err)
		return
	}
	drawn := 0
	for _, tt := range realFiles {
		p := filepath.Join(out, filepath.Base(tt.file), "g.dot")
		run := func(name string, args ...string) {
			var stderr bytes.Buffer
			cmd := exec.Command(name, append(args, p)...)
			cmd.Stdout, cmd.Stderr = io.Discard, &stderr
			if err := cmd.Run(); err != nil || stderr.Len() > 0 {
				t.Errorf("%s %s: %v %s", name, tt.file, err, stderr.Bytes())
			}
		}
		run("nop", "-p")
		b, err := os.ReadFile(p)
		if err != nil {
			t.Error(err)
			continue
		}
		if bytes.Count(b, []byte(" -- ")) <= 5000 {
			run("sfdp", "-Tsvg")
			drawn++
		}
	}
	t.Logf("Graphviz: nop parsed %d DOT files, sfdp drew %d", len(realFiles), drawn)
}

// duckdb counts the rows of each Parquet export with DuckDB and compares
// them with the CSV export's, through duckdb.mjs; skipped when npm cannot
// install @duckdb/node-api (the version graph/formats/parquet/duckdb
// uses) within three minutes.
func duckdb(t *testing.T, out string) {
	if _, err := exec.LookPath("npm"); err != nil {
		t.Logf("skipping DuckDB: npm not on PATH (%v)", err)
		return
	}
	mod := filepath.Join(filepath.Dir(out), "duckdb")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	install := exec.CommandContext(ctx, "npm", "install", "--silent", "--no-audit", "--no-fund", "--no-save", "--prefer-offline", "@duckdb/node-api@1.5.6-r.1")
	install.Dir = mod
	if b, err := install.CombinedOutput(); err != nil {
		t.Logf("skipping DuckDB: npm install @duckdb/node-api failed (%v): %s", err, b)
		return
	}
	script, err := filepath.Abs("duckdb.mjs")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "duckdb.mjs"), mustRead(t, script), 0o644); err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, tt := range realFiles {
		dirs = append(dirs, filepath.Join(out, filepath.Base(tt.file)))
	}
	cmd := exec.Command("node", append([]string{filepath.Join(mod, "duckdb.mjs")}, dirs...)...)
	got, err := cmd.CombinedOutput()
	t.Logf("duckdb.mjs:\n%s", got)
	if err != nil {
		t.Errorf("duckdb.mjs: %v", err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(fmt.Errorf("reading %s: %w", path, err))
	}
	return b
}
