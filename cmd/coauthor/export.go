package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"coauthor/graph"
	"coauthor/render"
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

` + measureHelp,
}

type exportFlags struct {
	in         inputFlags
	m          measureFlags
	out        string
	to         string
	measures   string
	sizeBy     string
	algorithm  string
	resolution float64
	filter     filterFlags
}

func init() {
	exportCmd.flags = func(fs *flag.FlagSet) any {
		f := &exportFlags{}
		f.in.register(fs)
		f.m.register(fs)
		fs.StringVar(&f.out, "o", "", "output `file` (a directory for csv and vosviewer; - for standard output)")
		fs.StringVar(&f.to, "to", "", "output `format`: "+strings.Join(render.ExportFormats, ", ")+" (default: from the -o extension)")
		fs.StringVar(&f.measures, "measures", strings.Join(measureNames, ","), "comma-separated `list` of measures to write")
		fs.StringVar(&f.sizeBy, "size-by", "pagerank", "`measure` behind GEXF's viz:size and the DOT node size")
		fs.StringVar(&f.algorithm, "algorithm", "leiden", "clusters: leiden, louvain, components or none")
		fs.Float64Var(&f.resolution, "resolution", 1, "modularity resolution `γ` of the clustering")
		f.filter.register(fs, "-size-by")
		return f
	}
	exportCmd.run = runExport
}

// exportExtensions maps -o extensions to formats.
var exportExtensions = map[string]string{
	".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".net": "pajek", ".dot": "dot", ".gv": "dot",
}

func runExport(e *env, args []string) error {
	f, files, err := parseCommand[exportFlags](e, exportCmd, args)
	if err != nil {
		return err
	}
	format := f.to
	if format == "" {
		format = exportExtensions[strings.ToLower(filepath.Ext(f.out))]
	}
	twoFiles := format == "csv" || format == "vosviewer"
	switch {
	case f.out == "":
		return usageError{"give -o FILE (a directory for csv and vosviewer, - for standard output)"}
	case format == "":
		return usageError{fmt.Sprintf("cannot tell the format of %q: give -to, one of %s", f.out, strings.Join(render.ExportFormats, ", "))}
	case !slices.Contains(render.ExportFormats, format):
		return usageError{fmt.Sprintf("unknown export format %q: want one of %s", format, strings.Join(render.ExportFormats, ", "))}
	case twoFiles && f.out == "-":
		return usageError{format + " writes two files: give -o a directory"}
	case !slices.Contains(measureNames, f.sizeBy):
		return usageError{fmt.Sprintf("unknown measure %q for -size-by: want one of %s", f.sizeBy, strings.Join(measureNames, ", "))}
	case !slices.Contains([]string{"leiden", "louvain", "components", "none"}, f.algorithm):
		return usageError{fmt.Sprintf("unknown algorithm %q: want leiden, louvain, components or none", f.algorithm)}
	}
	if err := f.filter.check(); err != nil {
		return err
	}
	names, err := parseMeasureList(f.measures)
	if err != nil {
		return err
	}
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	if d.network != "" {
		names = slices.DeleteFunc(names, func(n string) bool { return n == "papers" })
	}
	g := d.graph
	ms := newMeasures(e, d, f.m)
	size, err := ms.get(f.sizeBy)
	if err != nil {
		return err
	}
	keep, err := f.filter.apply(d, size)
	if err != nil {
		return err
	}
	sub := graph.Induced(g, keep, f.filter.minWeight)
	t := &render.Table{Graph: sub, Title: d.title(), Papers: d.network == "", Size: pick(size, keep)}
	for _, name := range names {
		v, err := ms.get(name)
		if err != nil {
			return err
		}
		t.Columns = append(t.Columns, render.Column{Name: name, Values: pick(v, keep), Integer: isInteger(name)})
	}
	if d.identity != nil {
		ids := make([]string, len(keep))
		has := false
		for i, v := range keep {
			ids[i] = d.identity.People[g.Node(int(v)).Person].ID
			has = has || ids[i] != ""
		}
		if has {
			t.IDs = ids
		}
	}
	var clusterSizes []int
	if labels := clusterLabels(e, g, f.algorithm, graph.CommunityOptions{Resolution: f.resolution, Seed: f.m.seed}); labels != nil {
		t.Cluster, clusterSizes = relabel(labels, keep)
	}

	if twoFiles {
		if err := os.MkdirAll(f.out, 0o755); err != nil {
			return err
		}
		a, b := "nodes.csv", "edges.csv"
		if format == "vosviewer" {
			a, b = "map.txt", "network.txt"
		}
		pa, pb := filepath.Join(f.out, a), filepath.Join(f.out, b)
		err := writeFiles([]string{pa, pb}, func(w []io.Writer) error {
			if format == "csv" {
				return render.WriteCSV(w[0], w[1], t)
			}
			return render.WriteVOSviewer(w[0], w[1], t)
		})
		if err == nil {
			fmt.Fprintf(e.stderr, "coauthor: wrote %s and %s (%d authors, %d edges)\n", pa, pb, sub.N(), sub.M())
		}
		return err
	}
	write := func(w []io.Writer) error {
		switch format {
		case "graphml":
			return render.WriteGraphML(w[0], t)
		case "gexf":
			return render.WriteGEXF(w[0], t)
		case "json":
			return render.WriteNodeLink(w[0], t)
		case "pajek":
			return render.WritePajek(w[0], t)
		}
		opt := render.Options{Title: t.Title, Size: t.Size, SizeLabel: f.sizeBy, Cluster: t.Cluster, ClusterSizes: clusterSizes}
		if t.Cluster != nil {
			opt.ClusterLabel = f.algorithm + " cluster"
			opt.ClusterNames = leaders(sub, t.Cluster, t.Size)
		}
		return render.WriteDOT(w[0], sub, opt)
	}
	if err := writeOutput(e, f.out, func(w io.Writer) error { return write([]io.Writer{w}) }); err != nil {
		return err
	}
	if f.out != "-" {
		fmt.Fprintf(e.stderr, "coauthor: wrote %s (%d authors, %d edges)\n", f.out, sub.N(), sub.M())
	}
	return nil
}

// writeOutput lets write fill the file at path through a buffer, or
// standard output when path is "-"; a file is removed if anything fails.
func writeOutput(e *env, path string, write func(io.Writer) error) error {
	if path == "-" {
		bw := bufio.NewWriter(e.stdout)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	return writeFiles([]string{path}, func(w []io.Writer) error { return write(w[0]) })
}

// pick returns the values of the kept nodes.
func pick(v []float64, keep []int32) []float64 {
	out := make([]float64, len(keep))
	for i, k := range keep {
		out[i] = v[k]
	}
	return out
}

// writeFiles creates paths, lets write fill them through buffers, and
// removes them all if anything fails, so no half-written file is left.
func writeFiles(paths []string, write func([]io.Writer) error) (err error) {
	var files []*os.File
	var ws []io.Writer
	var bufs []*bufio.Writer
	defer func() {
		for _, file := range files {
			if cerr := file.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			for _, p := range paths {
				os.Remove(p)
			}
		}
	}()
	for _, p := range paths {
		file, err := os.Create(p)
		if err != nil {
			return err
		}
		files = append(files, file)
		bw := bufio.NewWriter(file)
		bufs = append(bufs, bw)
		ws = append(ws, bw)
	}
	if err := write(ws); err != nil {
		return err
	}
	for _, bw := range bufs {
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	return nil
}
