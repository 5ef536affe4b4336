package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"coauthor/graph"
	"coauthor/graph/community"
	"coauthor/graph/filter"
	"coauthor/graph/measure"
	"coauthor/parse"
	"coauthor/parse/names"
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

// measureFlags are the flags that tune measures.
type measureFlags struct {
	samples int
	seed    uint64
}

func (m *measureFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&m.samples, "samples", 0, "estimate betweenness from `K` random source authors instead of all (0: exact); the standard error is reported")
	fs.Uint64Var(&m.seed, "seed", 1, "random `seed` for sampling and clustering")
}

func (m *measureFlags) options(d *dataset) measure.Options {
	return measure.Options{Samples: m.samples, Seed: m.seed, NoPapers: d.network != ""}
}

// clusterFlags choose the partition behind colours and cluster columns.
type clusterFlags struct {
	algorithm  string
	resolution float64
}

func (c *clusterFlags) register(fs *flag.FlagSet, none bool) {
	list := strings.Join(community.Methods, ", ")
	if none {
		list += " or none"
	}
	fs.StringVar(&c.algorithm, "algorithm", "leiden", "clusters: "+list)
	fs.Float64Var(&c.resolution, "resolution", 1, "modularity resolution `γ` of the clustering: higher gives more, smaller clusters")
}

func (c *clusterFlags) check() error {
	if c.algorithm != "none" && !slices.Contains(community.Methods, c.algorithm) {
		return usagef("unknown algorithm %q: want one of %s", c.algorithm, strings.Join(community.Methods, ", "))
	}
	if !(c.resolution > 0) {
		return usagef("-resolution must be above 0, not %v", c.resolution)
	}
	return nil
}

// filterFlags select part of a network, for render and export.
type filterFlags struct {
	top       int
	minWeight float64
	minPapers int
	component string
	ego       string
	depth     int
}

// register adds the filter flags; by names the flag that ranks -top.
func (f *filterFlags) register(fs *flag.FlagSet, by string) {
	fs.IntVar(&f.top, "top", 0, "keep the `N` authors with the largest "+by+" measure (0: all)")
	fs.Float64Var(&f.minWeight, "min-weight", 0, "drop edges lighter than `W`")
	fs.IntVar(&f.minPapers, "min-papers", 0, "keep authors with at least `P` papers")
	fs.StringVar(&f.component, "component", "all", "`which` components: all or largest")
	fs.StringVar(&f.ego, "ego", "", "keep the neighbourhood of the author `NAME`")
	fs.IntVar(&f.depth, "depth", 1, "with -ego, keep authors within `D` steps")
}

func (f *filterFlags) check() error {
	if f.component != "all" && f.component != "largest" {
		return usagef("-component takes all or largest, not %q", f.component)
	}
	if err := (filter.Options{Top: f.top, MinPapers: f.minPapers, Depth: f.depth, MinWeight: f.minWeight}).Check(); err != nil {
		return usageError{"-" + err.Error()}
	}
	return nil
}

// options returns the filter of d's graph, by the values by for -top.
func (f *filterFlags) options(d *dataset, by []float64) (filter.Options, error) {
	opt := filter.Options{Largest: f.component == "largest", Ego: filter.None, Depth: f.depth,
		MinPapers: f.minPapers, Top: f.top, By: by, MinWeight: f.minWeight}
	if f.minPapers > 0 {
		if err := d.needPapers("-min-papers"); err != nil {
			return opt, err
		}
	}
	if f.ego != "" {
		v, err := findAuthor(d.graph, f.ego)
		if err != nil {
			return opt, err
		}
		opt.Ego = v
	}
	return opt, nil
}

// findAuthor returns the node named name, exactly or failing that by
// folded name (case, diacritics, hyphens).
func findAuthor(g *graph.Graph, name string) (int32, error) {
	var folded []int32
	key := names.Key(name)
	for v := range int32(g.N()) {
		if g.Node(v).Name == name {
			return v, nil
		}
		if names.Key(g.Node(v).Name) == key {
			folded = append(folded, v)
		}
	}
	if len(folded) == 1 {
		return folded[0], nil
	}
	if len(folded) > 1 {
		return 0, fmt.Errorf("-ego %q matches %d authors; give the exact name", name, len(folded))
	}
	return 0, fmt.Errorf("-ego: no author named %q", name)
}
