package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"coauthor/examples"
	"coauthor/graph"
	"coauthor/graph/filter"
	"coauthor/graph/formats/export"
	"coauthor/graph/measure"
	"coauthor/parse/identity"
	"coauthor/parse/input"
	"coauthor/parse/unit"
	"coauthor/render/explorer"
	"coauthor/render/picture"
)

// dataset is the input run through the pipeline. A graph file (edge
// list, GML) gives a graph only: Dataset is then nil.
type dataset struct {
	*input.Dataset
	graph   *graph.Graph
	network string      // name of the graph file, if the input is one
	units   *unit.Units // the units of --unit (nil for authors): unit.go
}

// title names the dataset for a picture, the explorer and an export's
// metadata: the inputs' base names (no directory of this machine leaks
// into a shared file or the served api/meta), or the author page's
// owner, as render's -title promises.
func (d *dataset) title() string {
	if d.Dataset == nil {
		return picture.DefaultTitle([]string{d.network}, "", "")
	}
	if d.units != nil {
		return d.unitTitle()
	}
	return picture.DefaultTitle(d.Inputs, d.PageOwner(), "")
}

// sourceID returns node v's identity in the source ("" for none).
func (d *dataset) sourceID(v int32) string {
	if d.units != nil {
		return d.unitID(v)
	}
	return d.SourceID(d.graph.Node(v).Person)
}

// explore returns the explorer's view of g, a graph of d.
func (d *dataset) explore(g *graph.Graph) *explorer.Network {
	if d.Dataset == nil {
		return explorer.NewNetwork(g, nil, nil)
	}
	if d.units != nil {
		return d.exploreUnits(g)
	}
	return explorer.NewNetwork(g, d.Corpus, d.Identity)
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
	switch {
	case opt.Since < 0 || opt.Until < 0:
		return nil, usageError{"-since and -until take years"}
	case opt.Since != 0 && opt.Until != 0 && opt.Since > opt.Until:
		return nil, usagef("-since %d is after -until %d", opt.Since, opt.Until)
	}
	if err := cmp.Or(opt.Validate(), f.build.Validate()); err != nil {
		return nil, usageError{err.Error()}
	}
	var unshown int // warnings -quiet kept off stderr
	opt.Warn = func(err error) {
		if e.quiet {
			unshown++
			return
		}
		e.warnf("%v", err)
	}
	defer func() {
		if unshown > 0 {
			e.warnf("%d warning(s) about the input not shown (-quiet)", unshown)
		}
	}()
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
		if f.unit.kind != unit.Author && err == nil {
			return nil, usagef("--unit %s needs publication records; %s is a graph file", f.unit.kind, d.network)
		}
		if err != nil {
			return nil, err
		}
		return d, f.filter(e, d)
	}
	if d.Dataset, err = input.Load(e.ctx, sources, opt); err != nil {
		return nil, err
	}
	pairsNote := "" // of pairs of authors: a unit network has none of them
	if f.unit.kind != unit.Author {
		pairsNote = input.LargeTeams(d.Corpus).Note()
	}
	for _, note := range d.Notes(opt) {
		if note != pairsNote {
			e.warnf("%s", note)
		}
	}
	// Return the reading's garbage to the system before the graph's large
	// arrays are allocated: it lowers the peak by a gigabyte on DBLP.
	debug.FreeOSMemory()
	step := e.Start("building the graph", 0, "papers")
	names, papers, err := d.papers(e, f)
	if err != nil {
		return nil, err
	}
	if d.graph, err = graph.FromPapers(e.ctx, names, papers, f.build); err != nil {
		return nil, tooLarge(d, err)
	}
	step.Add(int64(d.Corpus.Len()), 0)
	step.Done()
	return d, f.filter(e, d)
}

// tooLarge names the papers of a *graph.TooLargeError by title and gives
// the remedy; other errors are returned as they are.
func tooLarge(d *dataset, err error) error {
	var tl *graph.TooLargeError
	if !errors.As(err, &tl) {
		return err
	}
	var b strings.Builder
	for i, p := range tl.Papers {
		if i > 0 {
			b.WriteString("; ")
		}
		pairs := "co-author pairs"
		if d.units != nil {
			pairs = "pairs of " + d.nodeNoun()
		}
		fmt.Fprintf(&b, "the paper %q (%d %s) alone adds %d %s, about %s as edges",
			shorten(d.Corpus.Title(p.Index), 80), p.Authors, d.nodeNoun(), p.Pairs, pairs, graph.FormatBytes(int64(p.Pairs)*graph.BytesPerEdge))
	}
	if tl.More > 0 {
		fmt.Fprintf(&b, "; %d more papers as large", tl.More)
	}
	if d.units != nil {
		// --max-authors counts authors, not units: it would leave out far
		// more than the paper at fault.
		return fmt.Errorf("%s: over the memory budget of %s (-mem; by default a quarter of this machine's memory); give a larger -mem",
			b.String(), graph.FormatBytes(tl.Budget))
	}
	return fmt.Errorf("%s: over the memory budget of %s (-mem; by default a quarter of this machine's memory); leave such papers out with --max-authors %d, or cut them with --max-authors %d --over-max cap",
		b.String(), graph.FormatBytes(tl.Budget), tl.MaxAuthors(), tl.MaxAuthors())
}

// filter applies the filters to d's graph, unless they wait for a view.
func (f *inputFlags) filter(e *env, d *dataset) error {
	opt, err := f.sel.options(e, d, nil)
	if err == nil && !f.view && opt.Selects() {
		d.graph, _, err = filter.Apply(d.graph, opt)
	}
	return cmp.Or(f.sel.check(), err)
}

// measures returns d's measures, with progress lines and notes on
// estimates on stderr.
func measures(e *env, d *dataset, opt measure.Options) (*measure.Set, error) {
	var set *measure.Set
	opt.Context = e.ctx
	opt.Step = func(name string) func() {
		done := e.steps(d.graph.N())("computing " + name)
		return func() {
			done()
			if note := set.Note(name); note != "" {
				e.warnf("%s", note)
			}
		}
	}
	var err error
	set, err = measure.NewSet(d.graph, opt)
	return set, err
}

// shorten cuts s to n runes, marking the cut with "…".
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// nodeNoun names the dataset's nodes in the plural: authors, or the
// units of --unit.
func (d *dataset) nodeNoun() string {
	if d == nil || d.units == nil {
		return "authors"
	}
	return unitPlural(d.units.Kind)
}
