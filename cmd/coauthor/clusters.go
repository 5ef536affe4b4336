package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"coauthor/graph/community"
	"coauthor/graph/measure"
)

var clustersCmd = &command{
	name:  "clusters",
	short: "groups of authors who work together (Leiden, Louvain, components)",
	usage: "[flags] [FILE...]",
	long: `Clusters partitions the co-authorship graph and lists the clusters,
largest first: size, the top members by the -by measure, the weight of
edges inside the cluster and the weight of edges leaving it, and the
modularity of the whole partition:

	Q = Σ_c [ L_c/m − γ (K_c/2m)² ]

(m total edge weight, L_c weight inside c, K_c total strength of c,
γ the resolution). Algorithms:

	leiden      Leiden (Traag, Waltman & van Eck 2019), the default: every
	            cluster is connected; best of several runs (-starts; by
	            default 4 up to 100,000 authors, 1 above)
	louvain     Louvain (Blondel et al. 2008)
	components  connected components

The same -seed gives the same partition. With -json it prints an object
with the keys algorithm, resolution, modularity and clusters (each with
id, size, internal_weight, external_weight and members, the top members'
names).`,
	flags: func(fs *flag.FlagSet) runner {
		f := &clustersFlags{}
		f.in.register(fs)
		f.m.register(fs)
		f.c.register(fs, false)
		fs.IntVar(&f.starts, "starts", 0, "independent Leiden runs whose best partition is kept (`N`; 0: 4 up to 100,000 authors, 1 above)")
		fs.IntVar(&f.top, "top", 20, "show the `N` largest clusters in the table (0: all; -json gives all)")
		fs.IntVar(&f.members, "members", 5, "top `M` members shown per cluster")
		fs.StringVar(&f.by, "by", "pagerank", "`measure` that orders members: "+strings.Join(measure.Names, ", "))
		return f
	},
}

type clustersFlags struct {
	in      inputFlags
	m       measureFlags
	c       clusterFlags
	starts  int
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
	case f.starts < 0 || f.starts > 1000:
		return usagef("-starts must be 0 to 1000, not %d", f.starts)
	case f.top < 0 || f.members < 0:
		return usagef("-top and -members must be 0 or more")
	case measure.Check(f.by) != nil:
		return usagef("%v (-by)", measure.Check(f.by))
	}
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	g := d.graph
	labels, err := f.c.find(e, d, f.m.seed, f.starts)
	if err != nil {
		return err
	}
	score, err := newMeasures(e, d, f.m.options(d)).get(f.by)
	if err != nil {
		return err
	}
	report := clusterReport{Algorithm: f.c.algorithm, Resolution: f.c.resolution, Modularity: community.Modularity(g, labels, f.c.resolution),
		Clusters: community.Summarize(g, labels, score, f.members)}
	if f.in.json {
		return writeJSON(e.stdout, report)
	}
	shown := report.Clusters
	if f.top > 0 && f.top < len(shown) {
		shown = shown[:f.top]
	}
	table := [][]string{{"cluster", "size", "internal", "external", "top members by " + f.by}}
	for _, c := range shown {
		table = append(table, []string{strconv.Itoa(c.ID), strconv.Itoa(c.Size), formatValue(c.InternalWeight),
			formatValue(c.ExternalWeight), strings.Join(c.Members, "; ")})
	}
	fmt.Fprintf(e.stdout, "%s: %d clusters, modularity %.4f (resolution %v)\n\n", f.c.algorithm, len(report.Clusters), report.Modularity, f.c.resolution)
	if err := writeTable(e.stdout, table); err != nil {
		return err
	}
	if len(shown) < len(report.Clusters) {
		fmt.Fprintf(e.stdout, "… %d more clusters (-top 0 shows all)\n", len(report.Clusters)-len(shown))
	}
	return nil
}

// find partitions d's graph, label 0 the largest cluster; nil for the
// algorithm none.
func (c *clusterFlags) find(e *env, d *dataset, seed uint64, starts int) ([]int32, error) {
	if c.algorithm == "none" {
		return nil, nil
	}
	step := e.Start(c.algorithm, 0, "authors")
	defer func() { step.Add(int64(d.graph.N()), 0); step.Done() }()
	return community.Find(d.graph, c.algorithm, community.Options{Resolution: c.resolution, Seed: seed, Starts: starts})
}
