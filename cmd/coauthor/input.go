package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"coauthor/examples"
	"coauthor/graph"
	"coauthor/parse"
)

// inputFlags are the flags every command takes to read and resolve input.
type inputFlags struct {
	format     string
	skipBad    bool
	thesaurus  string
	noMerge    bool
	counting   string
	authorSep  string
	maxAuthors int
	overMax    string
	json       bool
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "auto", "input `format`: auto (from extension and content), "+strings.Join(parse.Formats, ", ")+
		" (also: dblp, arxiv, scopus, openalex, jsonl, tsv)")
	fs.IntVar(&f.maxAuthors, "max-authors", 0, "papers with more than `N` authors are skipped, or cut to their first N with -over-max cap (0: no limit); a paper of n authors adds n(n-1)/2 pairs")
	fs.StringVar(&f.overMax, "over-max", "skip", "what -max-authors does to a larger paper: skip or cap")
	fs.StringVar(&f.authorSep, "author-sep", "", "`separator` of the names in a CSV authors cell (default: | for OpenAlex, else ; or , for Scopus)")
	fs.BoolVar(&f.skipBad, "skip-bad", false, "skip malformed records (their count is reported on stderr) instead of stopping")
	fs.StringVar(&f.thesaurus, "thesaurus", "", "CSV `file` of \"variant,canonical\" name pairs that override the merge rules")
	fs.BoolVar(&f.noMerge, "no-merge", false, "turn name merging off: each distinct spelling is one author")
	fs.StringVar(&f.counting, "counting", "full", "edge weights: full (shared papers) or fractional (each paper with n authors adds 1/(n-1) per pair)")
	fs.BoolVar(&f.json, "json", false, "print JSON instead of a table")
}

// dataset is the input run through the pipeline. A graph file (edge
// list, GML) gives a graph only: corpus and identity are then nil.
type dataset struct {
	corpus     *parse.Corpus
	identity   *parse.Identity
	graph      *graph.Graph
	network    string // name of the graph file, if the input is one
	inputs     []string
	owner      string // owner of the first author page read
	skipped    int
	unauthored int // records without authors
	overMax    int // papers over -max-authors
}

// title names the dataset for a picture.
func (d *dataset) title() string {
	if d.owner != "" && len(d.inputs) == 1 {
		return "Co-authors of " + d.owner
	}
	return "Co-authorship network: " + strings.Join(d.inputs, ", ")
}

// maxWarnings bounds the malformed records printed with -skip-bad.
const maxWarnings = 10

// load reads files (none: the built-in example), resolves names and
// builds the graph.
func load(e *env, files []string, f *inputFlags) (*dataset, error) {
	counting, err := graph.ParseCounting(f.counting)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	if f.maxAuthors < 0 || f.overMax != "skip" && f.overMax != "cap" {
		return nil, usageError{"-max-authors must be 0 or more and -over-max skip or cap"}
	}
	if f.format != "auto" {
		format, ok := parse.Canonical(f.format)
		if !ok {
			return nil, usageError{fmt.Sprintf("unknown format %q: want auto, %s", f.format, strings.Join(parse.Formats, ", "))}
		}
		f.format = format
	}
	d := &dataset{corpus: parse.NewCorpus()}
	if len(files) == 0 {
		if err := d.read(e, examples.AuthorPageName, bytes.NewReader(examples.AuthorPage), f, 1); err != nil {
			return nil, err
		}
	}
	for _, name := range files {
		if err := e.ctx.Err(); err != nil {
			return nil, err
		}
		if name == "-" {
			if err := d.read(e, "stdin", e.stdin, f, len(files)); err != nil {
				return nil, err
			}
			continue
		}
		file, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		err = d.read(e, name, file, f, len(files))
		file.Close()
		if err != nil {
			return nil, err
		}
	}
	if d.network != "" {
		return d, nil
	}
	if d.skipped > 0 {
		fmt.Fprintf(e.stderr, "coauthor: skipped %d malformed record(s)\n", d.skipped)
	}
	if d.unauthored > 0 {
		fmt.Fprintf(e.stderr, "coauthor: passed over %d record(s) without authors\n", d.unauthored)
	}
	if d.overMax > 0 {
		what := "skipped"
		if f.overMax == "cap" {
			what = fmt.Sprintf("cut to their first %d authors", f.maxAuthors)
		}
		fmt.Fprintf(e.stderr, "coauthor: %d paper(s) with more than %d authors %s (-max-authors)\n", d.overMax, f.maxAuthors, what)
	}
	if d.corpus.Len() == 0 {
		return nil, fmt.Errorf("no papers with authors in %s", strings.Join(d.inputs, ", "))
	}
	reportLargeTeams(e, d.corpus)
	if n := d.corpus.Duplicates(); n > 0 {
		fmt.Fprintf(e.stderr, "coauthor: dropped %d duplicate paper(s) (same title and year)\n", n)
	}
	opt := parse.ResolveOptions{NoMerge: f.noMerge}
	if f.thesaurus != "" {
		file, err := os.Open(f.thesaurus)
		if err != nil {
			return nil, err
		}
		opt.Thesaurus, err = parse.ReadThesaurus(file, f.thesaurus)
		file.Close()
		if err != nil {
			return nil, err
		}
	}
	d.corpus.Compact()
	// Return the reading's garbage to the system before the graph's large
	// arrays are allocated: it lowers the peak by a gigabyte on DBLP.
	debug.FreeOSMemory()
	memstats(e, "read")
	prog := newProgress(e, "resolving names", 0, "names")
	d.identity = parse.Resolve(d.corpus, opt)
	prog.add(int64(len(d.corpus.Names())), 0)
	prog.done()
	memstats(e, "resolved")
	prog = newProgress(e, "building the graph", 0, "papers")
	d.graph = graph.FromCorpus(d.corpus, d.identity, counting)
	prog.add(int64(d.corpus.Len()), 0)
	prog.done()
	memstats(e, "built")
	return d, nil
}

// read adds one input to d: its papers, or the graph of a graph file
// (which must then be the only input). Gzip-compressed input is
// decompressed.
func (d *dataset) read(e *env, name string, r io.Reader, f *inputFlags, inputs int) error {
	d.inputs = append(d.inputs, name)
	prog := newProgress(e, "reading "+name, 0, "records")
	defer prog.done()
	if file, ok := r.(*os.File); ok {
		if st, err := file.Stat(); err == nil && st.Mode().IsRegular() {
			prog.expectBytes(st.Size())
		}
	}
	br := bufio.NewReaderSize(countingReader{r, prog}, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	format := f.format
	if format == "auto" {
		format = parse.Detect(name, br)
	}
	if parse.IsGraphFormat(format) {
		if inputs > 1 {
			return usageError{fmt.Sprintf("%s is a graph file (%s); give it alone, not with other inputs", name, format)}
		}
		var net *parse.Network
		var err error
		if format == parse.FormatGML {
			net, err = parse.ReadGML(br, name)
		} else {
			net, err = parse.ReadEdgeList(br, name)
		}
		if err != nil {
			return err
		}
		d.graph, d.network, d.corpus = graph.FromNetwork(net), name, nil
		return nil
	}
	rd, err := parse.NewReader(format, br, parse.ReaderOptions{File: name, AuthorSep: f.authorSep})
	if err != nil {
		return err
	}
	defer func() { d.unauthored += rd.Unauthored() }()
	ahead := readAhead(rd)
	defer ahead.stop()
	for {
		p, err := ahead.next()
		if errors.Is(err, io.EOF) {
			if pr, ok := rd.(*parse.AuthorPageReader); ok && d.owner == "" {
				d.owner = pr.Owner
			}
			return nil
		}
		var pe *parse.ParseError
		if errors.As(err, &pe) && f.skipBad && !pe.Fatal {
			d.skipped++
			if d.skipped <= maxWarnings {
				fmt.Fprintf(e.stderr, "coauthor: skipping %v\n", err)
			}
			continue
		}
		if err != nil {
			if pe == nil {
				return fmt.Errorf("reading %s: %w", name, err)
			}
			if pe.Fatal {
				return err
			}
			return fmt.Errorf("%w (use -skip-bad to skip malformed records)", err)
		}
		if f.maxAuthors > 0 && len(p.Authors) > f.maxAuthors {
			d.overMax++
			if f.overMax == "skip" {
				continue
			}
			p.Authors = p.Authors[:f.maxAuthors]
			if len(p.IDs) > f.maxAuthors {
				p.IDs = p.IDs[:f.maxAuthors]
			}
		}
		d.corpus.Add(p)
		prog.add(1, 0)
	}
}

// readAhead reads papers in a goroutine of their own, in batches, so
// that parsing and interning run on two cores.
type prefetch struct {
	batches chan []readResult
	batch   []readResult
	quit    chan struct{}
}

type readResult struct {
	p   *parse.Paper
	err error
}

func readAhead(rd parse.PaperReader) *prefetch {
	a := &prefetch{batches: make(chan []readResult, 8), quit: make(chan struct{})}
	go func() {
		defer close(a.batches)
		batch := make([]readResult, 0, 1024)
		for {
			p, err := rd.Read()
			if p != nil {
				p.Prepare()
			}
			batch = append(batch, readResult{p, err})
			var pe *parse.ParseError
			last := err != nil && (errors.Is(err, io.EOF) || !errors.As(err, &pe) || pe.Fatal)
			if len(batch) == cap(batch) || err != nil || last {
				select {
				case a.batches <- batch:
				case <-a.quit:
					return
				}
				batch = make([]readResult, 0, 1024)
			}
			if last {
				return
			}
		}
	}()
	return a
}

// next returns the next paper or error, in the reader's order.
func (a *prefetch) next() (*parse.Paper, error) {
	for len(a.batch) == 0 {
		b, ok := <-a.batches
		if !ok {
			return nil, io.EOF
		}
		a.batch = b
	}
	r := a.batch[0]
	a.batch = a.batch[1:]
	return r.p, r.err
}

// stop ends the reading goroutine when the caller stops early.
func (a *prefetch) stop() {
	close(a.quit)
	for range a.batches {
	}
}

// needPapers is the error of a command that needs publication records
// when the input is a graph file.
func (d *dataset) needPapers(what string) error {
	if d.network == "" {
		return nil
	}
	return usageError{fmt.Sprintf("%s needs publication records; %s is a graph file", what, d.network)}
}

// memstats prints the heap after a step when COAUTHOR_MEMSTATS is set, for
// finding what a large run keeps.
func memstats(e *env, step string) {
	if os.Getenv("COAUTHOR_MEMSTATS") == "" {
		return
	}
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	fmt.Fprintf(e.stderr, "coauthor: memory after %s: %.2f GB in use, %.2f GB from the system\n", step, float64(m.HeapInuse)/(1<<30), float64(m.Sys)/(1<<30))
}

// largeTeam is the number of authors from which a paper counts as a large
// collaboration in the report of reportLargeTeams.
const largeTeam = 100

// reportLargeTeams says on stderr how many co-author pairs come from papers
// of largeTeam authors or more, when there are such papers: a paper of n
// authors adds n(n-1)/2 pairs, 4.5 million for 3,000 authors.
func reportLargeTeams(e *env, c *parse.Corpus) {
	var papers, pairs, largest int
	total := 0
	for i := 0; i < c.Len(); i++ {
		n := len(c.Authors(i))
		total += n * (n - 1) / 2
		if n >= largeTeam {
			papers++
			pairs += n * (n - 1) / 2
			largest = max(largest, n)
		}
	}
	if papers > 0 {
		fmt.Fprintf(e.stderr, "coauthor: %d paper(s) with %d or more authors (largest %d) give %d of the %d co-author pairs; -max-authors N leaves them out\n",
			papers, largeTeam, largest, pairs, total)
	}
}
