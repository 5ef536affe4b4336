package main

import (
	"cmp"
	"flag"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"coauthor/graph"
	"coauthor/graph/community"
	"coauthor/graph/filter"
	"coauthor/graph/measure"
	"coauthor/render"
	"coauthor/render/picture"
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

` + measure.Help,
	flags: func(fs *flag.FlagSet) runner {
		f := &renderFlags{}
		f.in.register(fs)
		f.m.register(fs)
		f.c.register(fs, true)
		f.filter.register(fs, "-size-by")
		fs.StringVar(&f.out, "o", "", "output `file` (.svg, .png or .dot; - for standard output)")
		fs.StringVar(&f.to, "to", "", "output `format`: svg, png or dot (default: from the -o extension)")
		fs.StringVar(&f.layout, "layout", "auto", "`layout`: auto (sfdp up to 100 authors drawn, force above), "+strings.Join(picture.Layouts, ", "))
		fs.StringVar(&f.sizeBy, "size-by", "pagerank", "`measure` shown by node area: "+strings.Join(measure.Names, ", "))
		fs.IntVar(&f.labels, "labels", -1, "name the `N` largest nodes; -1: a fifth of them, 10 to 30; 0: none")
		fs.StringVar(&f.title, "title", "", "picture `title` (default: from the input)")
		return f
	},
}

type renderFlags struct {
	in     inputFlags
	m      measureFlags
	c      clusterFlags
	filter filterFlags
	out    string
	to     string
	layout string
	sizeBy string
	labels int
	title  string
}

// autoForce is the number of authors above which -layout auto uses our
// own force layout. Measured against Graphviz's sfdp run as WebAssembly:
// ca-GrQc -top 300 0.29 s against 0.79 s, with clusters apart where sfdp
// drew a hairball; netscience 0.9 s against 2.2 s; ca-GrQc whole 3.3 s
// where sfdp did not finish in 10 minutes. Small pictures (the built-in
// example's 86 authors) keep sfdp.
const autoForce = 100

func (f *renderFlags) run(e *env, files []string) error {
	format := f.to
	if format == "" && f.out != "" && f.out != "-" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(f.out)), ".")
	}
	switch {
	case f.out == "" && f.to == "":
		return usageError{"give -o FILE (.svg, .png or .dot), or -to FORMAT with -o - for standard output"}
	case !slices.Contains(render.Formats, format):
		return usagef("unknown picture format %q: want svg, png or dot (from -o's extension or -to)", format)
	case f.layout != "auto" && !slices.Contains(picture.Layouts, f.layout):
		return usagef("unknown layout %q: want one of %s", f.layout, strings.Join(picture.Layouts, ", "))
	case measure.Check(f.sizeBy) != nil:
		return usagef("%v (-size-by)", measure.Check(f.sizeBy))
	case f.labels < -1:
		return usageError{"-labels must be -1 or more"}
	}
	if err := cmp.Or(f.c.check(), f.filter.check()); err != nil {
		return err
	}
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	size, err := newMeasures(e, d, f.m.options(d)).get(f.sizeBy)
	if err != nil {
		return err
	}
	labels, err := f.c.find(e, d, f.m.seed, 0)
	if err != nil {
		return err
	}
	fopt, err := f.filter.options(d, size)
	if err != nil {
		return err
	}
	sub, keep, err := filter.Apply(d.graph, fopt)
	if err != nil {
		return err
	}
	opt := pictureOf(sub, keep, cmp.Or(f.title, d.title()), f.sizeBy, size, labels, f.c.algorithm)
	opt.Layout, opt.Seed, opt.Labels = f.layout, f.m.seed, f.labels
	switch f.labels {
	case 0:
		opt.Labels = -1 // none
	case -1:
		opt.Labels = 0 // the default number
	}
	if f.layout == "auto" {
		opt.Layout = "sfdp"
		if sub.N() > autoForce {
			opt.Layout = "force"
		}
	}
	out := cmp.Or(f.out, "-")
	err = writeOutput(e, out, func(w io.Writer) error {
		r, err := render.NewRenderer(e.ctx)
		if err != nil {
			return err
		}
		defer r.Close()
		return r.Draw(e.ctx, w, sub, opt, format)
	})
	if err == nil && out != "-" {
		e.warnf("wrote %s (%d authors, %d edges)", out, sub.N(), sub.M())
	}
	return err
}

// pictureOf returns the picture options that show sub, the nodes keep of
// a graph whose measure sizeBy has values size and whose clusters by
// algorithm are labels (nil: none).
func pictureOf(sub *graph.Graph, keep []int32, title, sizeBy string, size []float64, labels []int32, algorithm string) picture.Options {
	opt := picture.Options{Title: title, SizeLabel: sizeBy, Size: filter.Pick(size, keep)}
	if labels != nil {
		opt.Cluster, opt.ClusterSizes = community.Relabel(labels, keep)
		opt.ClusterLabel = algorithm + " cluster"
		if algorithm == "components" {
			opt.ClusterLabel = "connected component"
		}
		opt.ClusterNames = community.Leaders(sub, opt.Cluster, opt.Size)
	}
	return opt
}
