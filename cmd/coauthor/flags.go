package main

import (
	"errors"
	"flag"
	"math"
	"slices"
	"strings"

	"coauthor/graph"
	"coauthor/graph/community"
	"coauthor/graph/filter"
	"coauthor/graph/measure"
	"coauthor/parse/input"
)

// The flags of the library's options are registered in optflags.go; these
// types add what the command line needs beyond them.

// inputFlags are the flags every command that reads input takes (the
// README's table "Flags every command takes"), all of them on every such
// command: one that has no use for -json or -counting accepts it and
// says in its help that it has no effect there.
type inputFlags struct {
	noJSON    bool // the command prints no table: -json has no effect
	noWeights bool // the command uses no edge weight: -counting has no effect
	opt       input.Options
	build     graph.BuildOptions
	thesaurus string
	unit      unitFlags // --unit
	json      bool
	sel       filterFlags
	view      bool // the filters wait for the measures (render, export, serve)
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	registerInput(fs, &f.opt)
	registerUnit(fs, &f.unit)
	registerBuild(fs, &f.build, f.noWeights)
	fs.StringVar(&f.thesaurus, "thesaurus", "", "CSV `file` of \"variant,canonical\" name pairs that override the merge rules")
	if f.noJSON {
		fs.BoolVar(&f.json, "json", false, "no effect: this command writes files, not a table (taken, as every command takes it)")
	} else {
		fs.BoolVar(&f.json, "json", false, "print JSON instead of a table")
	}
	f.sel.register(fs, "")
}

// measureFlags are the flags that tune measures.
type measureFlags struct{ measure.Options }

func (m *measureFlags) options(d *dataset) measure.Options {
	opt := m.Options
	opt.NoPapers = d.network != ""
	return opt
}

// clusterFlags choose the partition behind colours and cluster columns.
type clusterFlags struct {
	algorithm string
	opt       community.Options
}

func (c *clusterFlags) register(fs *flag.FlagSet, none, starts bool) {
	list := strings.Join(community.Methods, ", ")
	if none {
		list += " or none"
	}
	fs.StringVar(&c.algorithm, "algorithm", "leiden", "clusters: "+list)
	registerCommunity(fs, &c.opt, starts)
}

func (c *clusterFlags) check() error {
	if c.algorithm != "none" && !slices.Contains(community.Methods, c.algorithm) {
		return usagef("unknown algorithm %q: want one of %s", c.algorithm, strings.Join(community.Methods, ", "))
	}
	return nil
}

// find partitions d's graph, label 0 the largest cluster; nil for the
// algorithm none.
func (c *clusterFlags) find(e *env, d *dataset, seed uint64) ([]int32, error) {
	if c.algorithm == "none" {
		return nil, nil
	}
	step := e.Start(c.algorithm, 0, "authors")
	defer func() { step.Add(int64(d.graph.N()), 0); step.Done() }()
	opt := c.opt
	opt.Seed = seed
	return community.Find(e.ctx, d.graph, c.algorithm, opt)
}

// filterFlags select part of a network.
type filterFlags struct {
	opt       filter.Options
	ego, only string
	// -ego and -only as matched in the graph matched: a view asks twice
	// (on loading and with its sizes), and matching a long -only file is
	// not free.
	matched  *graph.Graph
	egoID    int32
	onlyIDs  []int32
	matchErr error
}

// register adds the filter flags; by names the flag that ranks -top.
func (f *filterFlags) register(fs *flag.FlagSet, by string) {
	registerFilter(fs, &f.opt, by)
	fs.StringVar(&f.ego, "ego", "", "keep the neighbourhood of the author `NAME`")
	fs.StringVar(&f.only, "only", "", "keep the authors named in `FILE` (one a line) and the edges among them")
}

func (f *filterFlags) check() error {
	o := f.opt
	switch {
	case o.Top < 0 || o.MinPapers < 0 || o.Depth < 0:
		return usageError{"-top, -min-papers and -depth must be 0 or more"}
	case math.IsNaN(o.MinWeight) || math.IsInf(o.MinWeight, 0) || o.MinWeight < 0:
		return usagef("-min-weight must be a number, 0 or more, not %v", o.MinWeight)
	}
	if err := o.Validate(); err != nil {
		return usageError{err.Error()}
	}
	return nil
}

// options returns the filter of d's graph, by the values by for -top.
func (f *filterFlags) options(e *env, d *dataset, by []float64) (opt filter.Options, err error) {
	opt = f.opt
	opt.By = by
	if opt.MinPapers > 0 {
		err = d.needPapers("-min-papers")
	}
	if (f.ego != "" || f.only != "") && err == nil {
		if f.matched != d.graph {
			var note string
			if f.egoID, f.onlyIDs, note, f.matchErr = d.explore(d.graph).Select(f.ego, f.only); note != "" {
				e.warnf("%s", note)
			}
			f.matched = d.graph
		}
		opt.Ego, opt.Only, err = f.egoID, f.onlyIDs, f.matchErr
		opt.HasEgo = f.ego != "" && err == nil
	}
	if err != nil && (f.ego != "" || f.only != "") && !errors.As(err, new(usageError)) {
		err = usageError{err.Error()}
	}
	return opt, err
}
