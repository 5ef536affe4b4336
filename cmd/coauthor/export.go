package main

import (
	"cmp"
	"flag"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"coauthor/graph/filter"
	"coauthor/graph/formats"
	"coauthor/graph/formats/export"
	"coauthor/graph/measure"
	"coauthor/render/picture"
)

var exportCmd = &command{
	name: "export",
	flags: func(fs *flag.FlagSet) runner {
		f := &exportFlags{}
		f.view.register(fs, "behind GEXF's viz:size and the DOT node size")
		fs.StringVar(&f.out, "o", "", "output `file` (a directory for csv and vosviewer; - for standard output)")
		fs.StringVar(&f.to, "to", "", "output `format`: "+strings.Join(exportFormats, ", ")+" (default: from the -o extension)")
		fs.StringVar(&f.measures, "measures", strings.Join(measure.Names, ","), "comma-separated `list` of measures to write")
		return f
	},
}

type exportFlags struct {
	view     viewFlags
	out      string
	to       string
	measures string
}

// exportFormats are the formats export writes: the graph files, and DOT
// as render encodes it.
var exportFormats = append(slices.Clone(export.Formats), "dot")

func (f *exportFlags) run(e *env, files []string) error {
	format := cmp.Or(f.to, export.FormatOf(f.out))
	if ext := strings.ToLower(filepath.Ext(f.out)); format == "" && (ext == ".dot" || ext == ".gv") {
		format = "dot"
	}
	names, err := measure.ParseList(f.measures)
	switch _, two := export.Files(format); {
	case f.out == "":
		return usageError{"give -o FILE (a directory for csv and vosviewer, - for standard output)"}
	case format == "":
		return usagef("cannot tell the format of %q: give -to, one of %s", f.out, strings.Join(exportFormats, ", "))
	case !slices.Contains(exportFormats, format):
		return usagef("unknown export format %q: want one of %s", format, strings.Join(exportFormats, ", "))
	case two && f.out == "-":
		return usageError{format + " writes two files: give -o a directory"}
	case err != nil:
		return usageError{err.Error()}
	}
	if err := f.view.check(); err != nil {
		return err
	}
	v, err := f.view.load(e, files, "")
	if err != nil {
		return err
	}
	t, err := v.table(names)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return export.WriteTo(w, format, t) }
	if format == "dot" {
		write = func(w io.Writer) error { return picture.WriteDOT(w, t.Graph, v.pic) }
	}
	paths := []string{f.out}
	if _, two := export.Files(format); two {
		paths, err = export.Write(format, f.out, t)
	} else {
		err = writeOutput(e, f.out, write)
	}
	if err == nil && f.out != "-" {
		e.warnf("wrote %s (%d authors, %d edges)", strings.Join(paths, " and "), t.Graph.N(), t.Graph.M())
	}
	return err
}

// table returns the table export writes: the view's graph with its
// measures, source ids and clusters.
func (v *view) table(names []string) (*formats.Table, error) {
	d := v.d
	t := &formats.Table{Graph: v.sub, Title: v.pic.Title, Papers: d.network == "", Cluster: v.pic.Cluster, Viz: picture.Viz(v.pic.Size, v.pic.Cluster)}
	names = slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == "papers" && d.network != "" })
	values, err := v.ms.All(names)
	if err != nil {
		return nil, err
	}
	for i, name := range names {
		t.Columns = append(t.Columns, formats.Column{Name: name, Values: filter.Pick(values[i], v.keep), Integer: measure.Integer(name)})
	}
	if d.Dataset != nil {
		t.Works = d.Identity.Papers(d.Corpus)
		ids := make([]string, len(v.keep))
		for i, u := range v.keep {
			ids[i] = d.Identity.People[d.graph.Node(u).Person].ID
		}
		if slices.ContainsFunc(ids, func(s string) bool { return s != "" }) {
			t.IDs = ids
		}
	}
	return t, nil
}
