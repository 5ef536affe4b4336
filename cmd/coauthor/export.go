package main

import (
	"cmp"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"coauthor/graph/filter"
	"coauthor/graph/formats"
	"coauthor/graph/formats/csvfiles"
	"coauthor/graph/formats/gexf"
	"coauthor/graph/formats/graphml"
	"coauthor/graph/formats/nodelink"
	"coauthor/graph/formats/pajek"
	"coauthor/graph/formats/vosviewer"
	"coauthor/graph/measure"
	"coauthor/render/picture"
)

var exportCmd = &command{
	name:  "export",
	short: "write the network for other tools: GraphML, GEXF, JSON, CSV, Pajek, VOSviewer, DOT",
	usage: "-o FILE [-to FORMAT] [flags] [FILE...]",
	long: `Export writes the co-authorship network with every author's measures
(-measures) and cluster (-algorithm) for other tools:

	graphml    GraphML (Cytoscape, yEd, networkx read_graphml, igraph)
	gexf       GEXF 1.3 for Gephi, with viz:size from -size-by and viz:color
	           from the cluster, as in the picture
	json       node-link JSON (networkx node_link_graph, d3)
	csv        nodes.csv and edges.csv in the directory -o names
	pajek      Pajek .net (Pajek, networkx read_pajek, igraph)
	vosviewer  map.txt and network.txt in the directory -o names; open them
	           in VOSviewer with "Create map based on network data"
	dot        Graphviz DOT, encoded as render draws it

The format comes from -to or the -o file's extension (.graphml, .gexf,
.json, .net, .dot); "-o -" writes a one-file format to standard output.
Node ids are 0-based in GraphML ("n0"), GEXF, JSON and CSV, 1-based in
Pajek and VOSviewer, in the order of the authors' names. The filters are
render's; measures and clusters are computed on the whole network first.

` + measure.Help,
	flags: func(fs *flag.FlagSet) runner {
		f := &exportFlags{}
		f.in.register(fs)
		f.m.register(fs)
		f.c.register(fs, true)
		f.filter.register(fs, "-size-by")
		fs.StringVar(&f.out, "o", "", "output `file` (a directory for csv and vosviewer; - for standard output)")
		fs.StringVar(&f.to, "to", "", "output `format`: "+strings.Join(exportFormats, ", ")+" (default: from the -o extension)")
		fs.StringVar(&f.measures, "measures", strings.Join(measure.Names, ","), "comma-separated `list` of measures to write")
		fs.StringVar(&f.sizeBy, "size-by", "pagerank", "`measure` behind GEXF's viz:size and the DOT node size")
		return f
	},
}

type exportFlags struct {
	in       inputFlags
	m        measureFlags
	c        clusterFlags
	filter   filterFlags
	out      string
	to       string
	measures string
	sizeBy   string
}

// exportFormats are the formats export writes; exportExtensions maps -o
// extensions to them; twoFiles are those written as two files in a
// directory.
var (
	exportFormats    = []string{"graphml", "gexf", "json", "csv", "pajek", "vosviewer", "dot"}
	exportExtensions = map[string]string{".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".net": "pajek", ".dot": "dot", ".gv": "dot"}
	twoFiles         = map[string][2]string{"csv": {"nodes.csv", "edges.csv"}, "vosviewer": {"map.txt", "network.txt"}}
)

func (f *exportFlags) run(e *env, files []string) error {
	format := cmp.Or(f.to, exportExtensions[strings.ToLower(filepath.Ext(f.out))])
	names, err := measure.ParseList(f.measures)
	switch _, two := twoFiles[format]; {
	case f.out == "":
		return usageError{"give -o FILE (a directory for csv and vosviewer, - for standard output)"}
	case format == "":
		return usagef("cannot tell the format of %q: give -to, one of %s", f.out, strings.Join(exportFormats, ", "))
	case !slices.Contains(exportFormats, format):
		return usagef("unknown export format %q: want one of %s", format, strings.Join(exportFormats, ", "))
	case two && f.out == "-":
		return usageError{format + " writes two files: give -o a directory"}
	case measure.Check(f.sizeBy) != nil:
		return usagef("%v (-size-by)", measure.Check(f.sizeBy))
	case err != nil:
		return usageError{err.Error()}
	}
	if err := cmp.Or(f.c.check(), f.filter.check()); err != nil {
		return err
	}
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	t, opt, err := f.table(e, d, names)
	if err != nil {
		return err
	}
	g := t.Graph
	if pair, ok := twoFiles[format]; ok {
		if err := os.MkdirAll(f.out, 0o755); err != nil {
			return err
		}
		pa, pb := filepath.Join(f.out, pair[0]), filepath.Join(f.out, pair[1])
		err := writeFiles([]string{pa, pb}, func(w []io.Writer) error {
			if format == "csv" {
				return csvfiles.Write(w[0], w[1], t)
			}
			return vosviewer.Write(w[0], w[1], t)
		})
		if err == nil {
			e.warnf("wrote %s and %s (%d authors, %d edges)", pa, pb, g.N(), g.M())
		}
		return err
	}
	write := map[string]func(io.Writer, *formats.Table) error{"graphml": graphml.Write, "gexf": gexf.Write,
		"json": nodelink.Write, "pajek": pajek.Write,
		"dot": func(w io.Writer, t *formats.Table) error { return picture.WriteDOT(w, t.Graph, opt) }}[format]
	if err := writeOutput(e, f.out, func(w io.Writer) error { return write(w, t) }); err != nil {
		return err
	}
	if f.out != "-" {
		e.warnf("wrote %s (%d authors, %d edges)", f.out, g.N(), g.M())
	}
	return nil
}

// table returns the table export writes: the filtered graph with its
// measures, source ids and clusters; and the picture options of its DOT.
func (f *exportFlags) table(e *env, d *dataset, names []string) (*formats.Table, picture.Options, error) {
	ms := newMeasures(e, d, f.m.options(d))
	size, err := ms.get(f.sizeBy)
	if err != nil {
		return nil, picture.Options{}, err
	}
	fopt, err := f.filter.options(d, size)
	if err != nil {
		return nil, picture.Options{}, err
	}
	sub, keep, err := filter.Apply(d.graph, fopt)
	if err != nil {
		return nil, picture.Options{}, err
	}
	t := &formats.Table{Graph: sub, Title: d.title(), Papers: d.network == ""}
	for _, name := range names {
		if name == "papers" && d.network != "" {
			continue
		}
		v, err := ms.get(name)
		if err != nil {
			return nil, picture.Options{}, err
		}
		t.Columns = append(t.Columns, formats.Column{Name: name, Values: filter.Pick(v, keep), Integer: measure.Integer(name)})
	}
	if d.Dataset != nil {
		ids := make([]string, len(keep))
		for i, v := range keep {
			ids[i] = d.Identity.People[d.graph.Node(v).Person].ID
		}
		if slices.ContainsFunc(ids, func(s string) bool { return s != "" }) {
			t.IDs = ids
		}
	}
	labels, err := f.c.find(e, d, f.m.seed, 0)
	if err != nil {
		return nil, picture.Options{}, err
	}
	opt := pictureOf(sub, keep, t.Title, f.sizeBy, size, labels, f.c.algorithm)
	t.Cluster = opt.Cluster
	t.Viz = picture.Viz(opt.Size, opt.Cluster)
	return t, opt, nil
}
