package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"coauthor/graph"
	"coauthor/render"
)

var renderCmd = &command{
	name:  "render",
	short: "a picture of the network: SVG, PNG or Graphviz DOT",
	usage: "-o FILE [flags] [FILE...]",
	long: `Render draws the co-authorship network. Node area shows the -size-by
measure, node colour the cluster (-algorithm; a colour-blind-safe palette,
grey beyond its nine colours), edge width the weight; the largest -labels
nodes are named. The picture has a title and a legend, and in SVG every
node and edge has a tooltip (<title>): name, papers, co-authors and
cluster; the two names and their shared papers.

The output format comes from the -o file's extension (.svg, .png, .dot) or
-to; "-o -" writes to standard output. Layouts: force is ForceAtlas2 with
Barnes–Hut, computed here and drawn by Graphviz at those positions; the
others are Graphviz's engines (run in-process, nothing to install); auto
takes sfdp up to 100 authors and force above. All are seeded by -seed:
the same input gives the same bytes.

Filters keep big networks readable, applied in this order: -component
largest, -ego NAME -depth D (an author's neighbourhood), -min-papers P,
-top N (authors by the -size-by measure), -min-weight W (edges).
Measures and clusters are computed on the whole network first.

` + measureHelp,
}

type renderFlags struct {
	in         inputFlags
	m          measureFlags
	out        string
	to         string
	layout     string
	sizeBy     string
	labels     int
	title      string
	algorithm  string
	resolution float64
	filter     filterFlags
}

func init() {
	renderCmd.flags = func(fs *flag.FlagSet) any {
		f := &renderFlags{}
		f.in.register(fs)
		f.m.register(fs)
		fs.StringVar(&f.out, "o", "", "output `file` (.svg, .png or .dot; - for standard output)")
		fs.StringVar(&f.to, "to", "", "output `format`: svg, png or dot (default: from the -o extension)")
		fs.StringVar(&f.layout, "layout", "auto", "`layout`: auto (sfdp up to 100 authors drawn, force above), "+strings.Join(render.Layouts, ", "))
		fs.StringVar(&f.sizeBy, "size-by", "pagerank", "`measure` shown by node area: "+strings.Join(measureNames, ", "))
		fs.IntVar(&f.labels, "labels", -1, "name the `N` largest nodes; -1: a fifth of them, 10 to 30; 0: none")
		fs.StringVar(&f.title, "title", "", "picture `title` (default: from the input)")
		fs.StringVar(&f.algorithm, "algorithm", "leiden", "clusters for colour: leiden, louvain, components or none")
		fs.Float64Var(&f.resolution, "resolution", 1, "modularity resolution `γ` of the clustering")
		f.filter.register(fs, "-size-by")
		return f
	}
	renderCmd.run = runRender
}

// autoForce is the number of authors above which -layout auto uses our
// own force layout. Measured against Graphviz's sfdp run as WebAssembly:
// ca-GrQc -top 300 0.29 s against 0.79 s, with clusters apart where sfdp
// drew a hairball; netscience 0.9 s against 2.2 s; ca-GrQc whole 3.3 s
// where sfdp did not finish in 10 minutes. Small pictures (the built-in
// example's 86 authors) keep sfdp.
const autoForce = 100

func runRender(e *env, args []string) error {
	f, files, err := parseCommand[renderFlags](e, renderCmd, args)
	if err != nil {
		return err
	}
	format := f.to
	if format == "" && f.out != "" && f.out != "-" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(f.out)), ".")
	}
	switch {
	case f.out == "" && f.to == "":
		return usageError{"give -o FILE (.svg, .png or .dot), or -to FORMAT with -o - for standard output"}
	case !slices.Contains(render.Formats, format):
		return usageError{fmt.Sprintf("unknown picture format %q: want svg, png or dot (from -o's extension or -to)", format)}
	case f.layout != "auto" && !slices.Contains(render.Layouts, f.layout):
		return usageError{fmt.Sprintf("unknown layout %q: want one of %s", f.layout, strings.Join(render.Layouts, ", "))}
	case !slices.Contains(measureNames, f.sizeBy):
		return usageError{fmt.Sprintf("unknown measure %q for -size-by: want one of %s", f.sizeBy, strings.Join(measureNames, ", "))}
	case !slices.Contains([]string{"leiden", "louvain", "components", "none"}, f.algorithm):
		return usageError{fmt.Sprintf("unknown algorithm %q: want leiden, louvain, components or none", f.algorithm)}
	case f.labels < -1:
		return usageError{"-labels must be -1 or more"}
	}
	if err := f.filter.check(); err != nil {
		return err
	}
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	g := d.graph
	size, err := newMeasures(e, d, f.m).get(f.sizeBy)
	if err != nil {
		return err
	}
	labels := clusterLabels(e, g, f.algorithm, graph.CommunityOptions{Resolution: f.resolution, Seed: f.m.seed})

	keep, err := f.filter.apply(d, size)
	if err != nil {
		return err
	}
	sub := graph.Induced(g, keep, f.filter.minWeight)
	layout := f.layout
	if layout == "auto" {
		layout = "sfdp"
		if sub.N() > autoForce {
			layout = "force"
		}
	}
	ropt := render.Options{Title: f.title, Layout: layout, Seed: f.m.seed, SizeLabel: f.sizeBy, Labels: f.labels}
	switch f.labels {
	case 0:
		ropt.Labels = -1 // none
	case -1:
		ropt.Labels = 0 // the default number
	}
	if ropt.Title == "" {
		ropt.Title = d.title()
	}
	ropt.Size = make([]float64, len(keep))
	for i, v := range keep {
		ropt.Size[i] = size[v]
	}
	if labels != nil {
		ropt.Cluster, ropt.ClusterSizes = relabel(labels, keep)
		ropt.ClusterLabel = f.algorithm + " cluster"
		if f.algorithm == "components" {
			ropt.ClusterLabel = "connected component"
		}
		ropt.ClusterNames = leaders(sub, ropt.Cluster, ropt.Size)
	}

	out := f.out
	if out == "" {
		out = "-"
	}
	err = writeOutput(e, out, func(w io.Writer) error {
		r, err := render.NewRenderer(e.ctx)
		if err != nil {
			return err
		}
		defer r.Close()
		return r.Draw(e.ctx, w, sub, ropt, format)
	})
	if err == nil && out != "-" {
		fmt.Fprintf(e.stderr, "coauthor: wrote %s (%d authors, %d edges)\n", out, sub.N(), sub.M())
	}
	return err
}
