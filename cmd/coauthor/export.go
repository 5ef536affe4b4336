package main

import (
	"flag"
	"io"
	"slices"
	"strings"

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
		fs.StringVar(&f.to, "to", "", "output `format`: "+strings.Join(export.Formats, ", ")+", dot (default: from the -o extension)")
		fs.BoolVar(&f.dynamic, "dynamic", false, "gexf: each author's and each edge's years active, for Gephi's timeline")
		fs.BoolVar(&f.positions, "positions", false, "gexf, graphml, vosviewer: each author's position in render's force layout (same -seed): GEXF viz:position, GraphML x and y, VOSviewer x and y, so that Gephi or VOSviewer opens the same picture")
		f.measures = measure.Names
		registerMeasures(fs, &f.measures, new(bool), "all", "to write")
		return f
	},
}

type exportFlags struct {
	view      viewFlags
	out       string
	to        string
	measures  []string
	dynamic   bool
	positions bool
}

func (f *exportFlags) run(e *env, files []string) error {
	format, paths, err := export.Plan(f.out, f.to, files, "dot")
	if err != nil {
		return err
	}
	if f.positions && !slices.Contains([]string{"gexf", "graphml", "vosviewer"}, format) {
		return usagef("-positions is for gexf, graphml and vosviewer, not %s", format)
	}
	v, err := f.view.load(e, files, "")
	if err != nil {
		return err
	}
	t, err := v.table(f.measures)
	if err != nil {
		return err
	}
	if f.positions {
		opt := v.pic
		opt.Layout, opt.Seed = "force", f.view.m.Seed
		p, err := picture.New(e.ctx, v.sub, opt)
		if err != nil {
			return err
		}
		t.Positions = p.Positions()
	}
	t.Warn = func(msg string) { e.warnf("%s", msg) }
	if t.Works != nil && slices.Contains([]string{"graphml", "gexf", "json"}, format) {
		t.Affiliation, t.Country = formats.NodeAffiliations(t.Graph, t.Works)
	}
	if f.dynamic && v.d.Dataset != nil {
		t.NodeSpells, t.EdgeSpells = v.d.explore(v.sub).Spells()
	}
	write := func(w io.Writer) error { return export.WriteTo(w, format, t) }
	if format == "dot" {
		write = func(w io.Writer) error { return picture.WriteDOT(e.ctx, w, t.Graph, v.pic) }
	}
	if _, two := export.Files(format); two {
		paths, err = export.Write(e.ctx, format, f.out, t)
	} else {
		err = writeOutput(e, f.out, write)
	}
	if err == nil && f.out != "-" {
		e.warnf("wrote %s (%d %s, %d edges)", strings.Join(paths, " and "), t.Graph.N(), v.d.nodeNoun(), t.Graph.M())
	}
	return err
}

// table returns the table export writes: the view's graph with its
// measures, source ids and clusters.
func (v *view) table(names []string) (*formats.Table, error) {
	d := v.d
	t := &formats.Table{Graph: v.sub, Title: v.pic.Title, Papers: d.network == "", Cluster: v.pic.Cluster, Viz: picture.Viz(v.pic.Size, v.pic.Cluster)}
	names = slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == "papers" && d.network != "" })
	var err error
	if t.Columns, err = v.ms.Columns(names, v.keep); err != nil {
		return nil, err
	}
	if d.Dataset != nil && d.units == nil { // a unit network's papers list units, not authors
		t.Works = newWorks(d)
	}
	if d.HasIDs() {
		t.IDs = make([]string, len(v.keep))
		for i, u := range v.keep {
			t.IDs[i] = d.sourceID(u)
		}
	}
	return t, nil
}
