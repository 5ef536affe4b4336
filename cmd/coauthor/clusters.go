package main

import (
	"cmp"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"coauthor/render/report"

	"coauthor/graph/community"
	"coauthor/graph/measure"
)

var clustersCmd = &command{
	name: "clusters",
	flags: func(fs *flag.FlagSet) runner {
		f := &clustersFlags{}
		f.in.register(fs)
		f.m.register(fs)
		f.c.register(fs, false, true)
		fs.IntVar(&f.top, "top", 20, "show the `N` largest clusters in the table (0: all; -json gives all)")
		fs.IntVar(&f.members, "members", 5, "top `M` members shown per cluster")
		measure.NameFlag(fs, &f.by, "by", "pagerank", "`measure` that orders members")
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

type clusterReport struct {
	Algorithm  string              `json:"algorithm"`
	Resolution float64             `json:"resolution"`
	Modularity float64             `json:"modularity"`
	Clusters   []community.Cluster `json:"clusters"`
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
	score, err := measures(e, d, f.m.options(d)).Get(f.by)
	if err != nil {
		return err
	}
	gamma := cmp.Or(f.c.opt.Resolution, 1)
	rep := clusterReport{Algorithm: f.c.algorithm, Resolution: gamma, Modularity: community.Modularity(g, labels, gamma),
		Clusters: community.Summarize(g, labels, score, f.members)}
	for i := range rep.Clusters {
		rep.Clusters[i].ID++ // 1 the largest, as in exports and pictures
	}
	if f.in.json {
		return report.JSON(e.stdout, rep)
	}
	shown := rep.Clusters
	if f.top > 0 && f.top < len(shown) {
		shown = shown[:f.top]
	}
	table := [][]string{{"cluster", "size", "internal", "external", "top members by " + f.by}}
	for _, c := range shown {
		table = append(table, []string{strconv.Itoa(c.ID), strconv.Itoa(c.Size), measure.Format(c.InternalWeight),
			measure.Format(c.ExternalWeight), strings.Join(c.Members, "; ")})
	}
	fmt.Fprintf(e.stdout, "%s: %d clusters, modularity %.4f (resolution %v)\n\n", f.c.algorithm, len(rep.Clusters), rep.Modularity, gamma)
	if err := report.Table(e.stdout, table); err != nil {
		return err
	}
	if len(shown) < len(rep.Clusters) {
		fmt.Fprintf(e.stdout, "… %d more clusters (-top 0 shows all)\n", len(rep.Clusters)-len(shown))
	}
	return nil
}
