package main

import (
	"bytes"
	"errors"
	"runtime/debug"

	"coauthor/examples"
	"coauthor/graph"
	"coauthor/graph/formats/export"
	"coauthor/graph/measure"
	"coauthor/parse/identity"
	"coauthor/parse/input"
)

// dataset is the input run through the pipeline. A graph file (edge
// list, GML) gives a graph only: Dataset is then nil.
type dataset struct {
	*input.Dataset
	graph   *graph.Graph
	network string // name of the graph file, if the input is one
}

// title names the dataset for a picture.
func (d *dataset) title() string {
	if d.Dataset == nil {
		return "Co-authorship network: " + d.network
	}
	return d.Title()
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
	opt := f.opt
	opt.Warn = func(err error) { e.warnf("%v", err) }
	opt.Progress = e
	if f.thesaurus != "" {
		var err error
		if opt.Resolve.Thesaurus, err = identity.ReadThesaurusFile(f.thesaurus); err != nil {
			return nil, err
		}
	}
	sources, graphFormat, closeAll, err := input.Files(files, e.stdin, opt.Format)
	defer closeAll()
	if errors.Is(err, input.ErrGraphWithOthers) {
		return nil, usageError{err.Error()}
	}
	if len(files) == 0 {
		sources = []input.Source{{Name: examples.AuthorPageName, R: bytes.NewReader(examples.AuthorPage)}}
	}
	d := &dataset{}
	switch {
	case err != nil:
		return nil, err
	case graphFormat != "":
		d.graph, err = export.ReadGraph(graphFormat, sources[0].R, sources[0].Name)
	}
	if graphFormat != "" {
		d.network = sources[0].Name
		return d, err
	}
	if d.Dataset, err = input.Load(e.ctx, sources, opt); err != nil {
		return nil, err
	}
	for _, note := range d.Notes(opt) {
		e.warnf("%s", note)
	}
	// Return the reading's garbage to the system before the graph's large
	// arrays are allocated: it lowers the peak by a gigabyte on DBLP.
	debug.FreeOSMemory()
	step := e.Start("building the graph", 0, "papers")
	if d.graph, err = graph.FromPapersErr(d.Identity.Names(), d.Identity.Papers(d.Corpus), f.build); err != nil {
		return nil, err
	}
	step.Add(int64(d.Corpus.Len()), 0)
	step.Done()
	return d, nil
}

// measures returns d's measures, with progress lines and notes on
// estimates on stderr.
func measures(e *env, d *dataset, opt measure.Options) *measure.Set {
	var set *measure.Set
	opt.Step = func(name string) func() {
		step := e.Start("computing "+name, 0, "authors")
		return func() {
			step.Add(int64(d.graph.N()), 0)
			step.Done()
			if note := set.Note(name); note != "" {
				e.warnf("%s", note)
			}
		}
	}
	set = measure.NewSet(d.graph, opt)
	return set
}
