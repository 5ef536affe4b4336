package main

import (
	"cmp"
	"flag"
	"fmt"

	"coauthor/render/report"

	"coauthor/graph/community"
)

var clustersCmd = &command{
	name: "clusters",
	flags: func(fs *flag.FlagSet) runner {
		f := &clustersFlags{}
		f.in.register(fs)
		registerMeasure(fs, &f.m.Options)
		f.c.register(fs, false, true)
		fs.IntVar(&f.top, "top", 20, "show the `N` largest clusters in the table (0: all; -json gives all)")
		fs.IntVar(&f.members, "members", 5, "top `M` members shown per cluster")
		measureFlag(fs, &f.by, "by", "pagerank", "`measure` that orders members")
		return f
	},
}

type clustersFlags struct {
	in      inputFlags
	m       measureFlags
	c       clusterFlags
	top     int
	members int
	by      string
}

func (f *clustersFlags) run(e *env, files []string) error {
	switch err := f.c.check(); {
	case err != nil:
		return err
	case f.top < 0 || f.members < 0:
		return usagef("-top and -members must be 0 or more")
	}
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	g := d.graph
	labels, err := f.c.find(e, d, f.m.Seed)
	if err != nil {
		return err
	}
	set, err := measures(e, d, f.m.options(d))
	if err != nil {
		return err
	}
	score, err := set.Get(f.by)
	if err != nil {
		return err
	}
	rep := community.NewReport(g, labels, f.c.algorithm, cmp.Or(f.c.opt.Resolution, 1), score, f.members)
	if f.in.json {
		return report.JSON(e.stdout, rep)
	}
	rows, more := rep.Rows(f.top, f.by)
	fmt.Fprintf(e.stdout, "%s\n\n", rep.Heading())
	if err := report.Table(e.stdout, rows); err != nil {
		return err
	}
	if more > 0 {
		fmt.Fprintf(e.stdout, "… %d more clusters (-top 0 shows all)\n", more)
	}
	return nil
}
