package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"coauthor/examples"
	"coauthor/graph"
	"coauthor/graph/formats/edgelist"
	"coauthor/graph/formats/gml"
	"coauthor/graph/measure"
	"coauthor/parse"
	"coauthor/parse/identity"
	"coauthor/parse/input"
)

// dataset is the input run through the pipeline. A graph file (edge
// list, GML) gives a graph only: Dataset is then nil.
type dataset struct {
	*input.Dataset
	graph   *graph.Graph
	network string // name of the graph file, if the input is one
	inputs  []string
}

// title names the dataset for a picture.
func (d *dataset) title() string {
	if d.Dataset != nil && d.Owner != "" && len(d.inputs) == 1 {
		return "Co-authors of " + d.Owner
	}
	return "Co-authorship network: " + strings.Join(d.inputs, ", ")
}

// needPapers is the error of a command that needs publication records
// when the input is a graph file.
func (d *dataset) needPapers(what string) error {
	if d.network == "" {
		return nil
	}
	return usagef("%s needs publication records; %s is a graph file", what, d.network)
}

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
	if _, ok := parse.Canonical(f.format); !ok && f.format != "auto" {
		return nil, usagef("unknown format %q: want auto, %s", f.format, strings.Join(parse.Formats, ", "))
	}
	opt := input.Options{Format: f.format, AuthorSep: f.authorSep, SkipBad: f.skipBad, MaxAuthors: f.maxAuthors,
		CapAuthors: f.overMax == "cap", Resolve: identity.Options{NoMerge: f.noMerge},
		Warn: func(err error) { e.warnf("skipping %v", err) }, Progress: e}
	if f.thesaurus != "" {
		if opt.Resolve.Thesaurus, err = readThesaurus(f.thesaurus); err != nil {
			return nil, err
		}
	}
	d := &dataset{}
	sources, closeAll, err := d.open(e, files, f.format)
	defer closeAll()
	if err != nil || d.graph != nil {
		return d, err
	}
	if d.Dataset, err = input.Load(e.ctx, sources, opt); err != nil {
		return nil, err
	}
	d.report(e, f)
	memstats(e, "resolved")
	// Return the reading's garbage to the system before the graph's large
	// arrays are allocated: it lowers the peak by a gigabyte on DBLP.
	debug.FreeOSMemory()
	step := e.Start("building the graph", 0, "papers")
	d.graph = graph.FromPapers(d.Identity.Names(), d.Identity.Papers(d.Corpus), graph.BuildOptions{Counting: counting})
	step.Add(int64(d.Corpus.Len()), 0)
	step.Done()
	memstats(e, "built")
	return d, nil
}

// open opens the inputs; a graph file, which must then be the only input,
// is read into d.graph. The returned function closes the files.
func (d *dataset) open(e *env, files []string, format string) ([]input.Source, func(), error) {
	var sources []input.Source
	var open []*os.File
	closeAll := func() {
		for _, f := range open {
			f.Close()
		}
	}
	if len(files) == 0 {
		sources = append(sources, input.Source{Name: examples.AuthorPageName, R: bytes.NewReader(examples.AuthorPage)})
	}
	for _, name := range files {
		src := input.Source{Name: name, R: e.stdin}
		if name == "-" {
			src.Name = "stdin"
		} else {
			file, err := os.Open(name)
			if err != nil {
				return nil, closeAll, err
			}
			open = append(open, file)
			src.R = file
			if st, err := file.Stat(); err == nil && st.Mode().IsRegular() {
				src.Size = st.Size()
			}
		}
		sources = append(sources, src)
	}
	for i, src := range sources {
		d.inputs = append(d.inputs, src.Name)
		fmtName, br, err := input.Detect(src.Name, src.R, format)
		if err != nil {
			return nil, closeAll, err
		}
		sources[i].R = br
		if !parse.IsGraphFormat(fmtName) {
			continue
		}
		if len(sources) > 1 {
			return nil, closeAll, usagef("%s is a graph file (%s); give it alone, not with other inputs", src.Name, fmtName)
		}
		read := edgelist.Read
		if fmtName == parse.FormatGML {
			read = gml.Read
		}
		d.graph, err = read(br, src.Name)
		d.network = src.Name
		return nil, closeAll, err
	}
	return sources, closeAll, nil
}

// report says on stderr what the reading passed over.
func (d *dataset) report(e *env, f *inputFlags) {
	if d.Skipped > 0 {
		e.warnf("skipped %d malformed record(s)", d.Skipped)
	}
	if d.Unauthored > 0 {
		e.warnf("passed over %d record(s) without authors", d.Unauthored)
	}
	if d.OverMax > 0 {
		what := "skipped"
		if f.overMax == "cap" {
			what = fmt.Sprintf("cut to their first %d authors", f.maxAuthors)
		}
		e.warnf("%d paper(s) with more than %d authors %s (-max-authors)", d.OverMax, f.maxAuthors, what)
	}
	if t := input.LargeTeams(d.Corpus); t.Papers > 0 {
		e.warnf("%d paper(s) with %d or more authors (largest %d) give %d of the %d co-author pairs; -max-authors N leaves them out",
			t.Papers, input.LargeTeam, t.Largest, t.Pairs, t.Total)
	}
	if n := d.Corpus.Duplicates(); n > 0 {
		e.warnf("dropped %d duplicate paper(s) (same title and year)", n)
	}
}

func readThesaurus(path string) (*identity.Thesaurus, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return identity.ReadThesaurus(bufio.NewReader(file), path)
}

// measures computes d's measures with progress lines and notes on
// estimates.
type measures struct {
	e       *env
	set     *measure.Set
	n       int
	samples int
}

func newMeasures(e *env, d *dataset, opt measure.Options) *measures {
	return &measures{e: e, set: measure.NewSet(d.graph, opt), n: d.graph.N(), samples: opt.Samples}
}

func (m *measures) get(name string) ([]float64, error) {
	step := m.e.Start("computing "+name, 0, "authors")
	v, err := m.set.Get(name)
	step.Add(int64(m.n), 0)
	step.Done()
	if se := m.set.StdErr(name); se != nil && err == nil {
		sorted := slices.Sorted(slices.Values(se))
		m.e.warnf("%s estimated from %d of %d source authors; standard error up to %.3g (median %.3g)",
			name, m.samples, m.n, sorted[len(sorted)-1], sorted[len(sorted)/2])
	}
	if err != nil && strings.Contains(err.Error(), "publication records") {
		return nil, usageError{err.Error()}
	}
	return v, err
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
	e.warnf("memory after %s: %.2f GB in use, %.2f GB from the system", step, float64(m.HeapInuse)/(1<<30), float64(m.Sys)/(1<<30))
}
