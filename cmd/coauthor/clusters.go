package main

import (
	"cmp"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"coauthor/graph"
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
	            cluster is connected; best of -starts runs
	louvain     Louvain (Blondel et al. 2008)
	components  connected components

The same -seed gives the same partition. With -json it prints an object
with the keys algorithm, resolution, modularity and clusters (each with
id, size, internal_weight, external_weight and members, the top members'
names).`,
}

type clustersFlags struct {
	in         inputFlags
	m          measureFlags
	algorithm  string
	resolution float64
	starts     int
	top        int
	members    int
	by         string
}

var algorithms = []string{"leiden", "louvain", "components"}

func init() {
	clustersCmd.flags = func(fs *flag.FlagSet) any {
		f := &clustersFlags{}
		f.in.register(fs)
		f.m.register(fs)
		fs.StringVar(&f.algorithm, "algorithm", "leiden", "`algorithm`: "+strings.Join(algorithms, ", "))
		fs.Float64Var(&f.resolution, "resolution", 1, "modularity resolution `γ`: higher gives more, smaller clusters")
		fs.IntVar(&f.starts, "starts", 4, "independent Leiden runs whose best partition is kept (`N`)")
		fs.IntVar(&f.top, "top", 20, "show the `N` largest clusters in the table (0: all; -json gives all)")
		fs.IntVar(&f.members, "members", 5, "top `M` members shown per cluster")
		fs.StringVar(&f.by, "by", "pagerank", "`measure` that orders members: "+strings.Join(measureNames, ", "))
		return f
	}
	clustersCmd.run = runClusters
}

// cluster is one entry of clusters's output.
type cluster struct {
	ID             int      `json:"id"`
	Size           int      `json:"size"`
	InternalWeight float64  `json:"internal_weight"`
	ExternalWeight float64  `json:"external_weight"`
	Members        []string `json:"members"`
}

type clusterReport struct {
	Algorithm  string    `json:"algorithm"`
	Resolution float64   `json:"resolution"`
	Modularity float64   `json:"modularity"`
	Clusters   []cluster `json:"clusters"`
}

func runClusters(e *env, args []string) error {
	f, files, err := parseCommand[clustersFlags](e, clustersCmd, args)
	if err != nil {
		return err
	}
	switch {
	case !slices.Contains(algorithms, f.algorithm):
		return usageError{fmt.Sprintf("unknown algorithm %q: want one of %s", f.algorithm, strings.Join(algorithms, ", "))}
	case !(f.resolution > 0):
		return usageError{fmt.Sprintf("-resolution must be above 0, not %v", f.resolution)}
	case f.starts < 1:
		return usageError{fmt.Sprintf("-starts must be 1 or more, not %d", f.starts)}
	case f.top < 0 || f.members < 0:
		return usageError{"-top and -members must be 0 or more"}
	case !slices.Contains(measureNames, f.by):
		return usageError{fmt.Sprintf("unknown measure %q for -by: want one of %s", f.by, strings.Join(measureNames, ", "))}
	}
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	g := d.graph
	labels := clusterLabels(e, g, f.algorithm, graph.CommunityOptions{Resolution: f.resolution, Seed: f.m.seed, Starts: f.starts})
	score, err := newMeasures(e, d, f.m).get(f.by)
	if err != nil {
		return err
	}
	report := clusterReport{Algorithm: f.algorithm, Resolution: f.resolution, Modularity: graph.Modularity(g, labels, f.resolution)}
	report.Clusters = summarizeClusters(g, labels, score, f.members)
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
	fmt.Fprintf(e.stdout, "%s: %d clusters, modularity %.4f (resolution %v)\n\n", f.algorithm, len(report.Clusters), report.Modularity, f.resolution)
	if err := writeTable(e.stdout, table); err != nil {
		return err
	}
	if len(shown) < len(report.Clusters) {
		fmt.Fprintf(e.stdout, "… %d more clusters (-top 0 shows all)\n", len(report.Clusters)-len(shown))
	}
	return nil
}

// clusterLabels partitions g by algorithm (leiden, louvain, components;
// anything else: nil), label 0 the largest cluster.
func clusterLabels(e *env, g *graph.Graph, algorithm string, opt graph.CommunityOptions) []int32 {
	if algorithm != "none" {
		prog := newProgress(e, algorithm, 0, "authors")
		defer func() { prog.add(int64(g.N()), 0); prog.done() }()
	}
	switch algorithm {
	case "leiden":
		return graph.Leiden(g, opt)
	case "louvain":
		return graph.Louvain(g, opt)
	case "components":
		labels := make([]int32, g.N())
		for c, comp := range graph.Components(g) {
			for _, v := range comp {
				labels[v] = int32(c)
			}
		}
		return labels
	}
	return nil
}

// summarizeClusters returns the clusters of labels (0 the largest) with
// their weights and top members by score.
func summarizeClusters(g *graph.Graph, labels []int32, score []float64, members int) []cluster {
	k := 0
	for _, c := range labels {
		k = max(k, int(c)+1)
	}
	out := make([]cluster, k)
	nodes := make([][]int, k)
	for v, c := range labels {
		out[c].Size++
		nodes[c] = append(nodes[c], v)
	}
	for e := 0; e < g.M(); e++ {
		edge := g.Edge(e)
		cu, cv := labels[edge.U], labels[edge.V]
		if cu == cv {
			out[cu].InternalWeight += edge.Weight
		} else {
			out[cu].ExternalWeight += edge.Weight
			out[cv].ExternalWeight += edge.Weight
		}
	}
	for c := range out {
		out[c].ID = c
		vs := nodes[c]
		slices.SortStableFunc(vs, func(a, b int) int {
			return cmp.Or(cmp.Compare(score[b], score[a]), strings.Compare(g.Node(a).Name, g.Node(b).Name))
		})
		for _, v := range vs[:min(members, len(vs))] {
			out[c].Members = append(out[c].Members, g.Node(v).Name)
		}
		if out[c].Members == nil {
			out[c].Members = []string{}
		}
	}
	return out
}
