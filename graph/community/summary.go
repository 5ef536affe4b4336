package community

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"coauthor/graph"
	"coauthor/graph/measure"
)

// Methods are the partitions Find makes.
var Methods = []string{"leiden", "louvain", "components"}

// Find partitions g by method: "leiden", "louvain" or "components"
// (connected components); label 0 is the largest cluster. It returns
// ctx's error soon after ctx ends.
func Find(ctx context.Context, g *graph.Graph, method string, opt Options) ([]int32, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	switch method {
	case "leiden":
		return Leiden(ctx, g, opt)
	case "louvain":
		return Louvain(ctx, g, opt)
	case "components":
		labels := make([]int32, g.N())
		for c, comp := range graph.Components(g) {
			for _, v := range comp {
				labels[v] = int32(c)
			}
		}
		return labels, nil
	}
	return nil, fmt.Errorf("unknown algorithm %q: want one of %s", method, strings.Join(Methods, ", "))
}

// Cluster summarizes one cluster.
type Cluster struct {
	ID             int      `json:"id"` // 0 the largest
	Size           int      `json:"size"`
	InternalWeight float64  `json:"internal_weight"`
	ExternalWeight float64  `json:"external_weight"`
	Members        []string `json:"members"` // the top members by score
}

// Summarize returns the clusters of labels (0 the largest) with their
// weights and their top members by score, at most members each (ties by
// name).
func Summarize(g *graph.Graph, labels []int32, score []float64, members int) []Cluster {
	k := 0
	for _, c := range labels {
		k = max(k, int(c)+1)
	}
	out := make([]Cluster, k)
	nodes := make([][]int32, k)
	for v, c := range labels {
		out[c].Size++
		nodes[c] = append(nodes[c], int32(v))
	}
	for e := range int32(g.M()) {
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
		slices.SortStableFunc(vs, func(a, b int32) int {
			return cmp.Or(cmp.Compare(score[b], score[a]), strings.Compare(g.Node(a).Name, g.Node(b).Name))
		})
		out[c].Members = []string{}
		for _, v := range vs[:min(members, len(vs))] {
			out[c].Members = append(out[c].Members, g.Node(v).Name)
		}
	}
	return out
}

// Leaders names each cluster of g by its member with the largest size
// value; a cluster number with no member in g (a partition of a larger
// graph, filtered) gets "".
func Leaders(g *graph.Graph, cluster []int32, size []float64) []string {
	k := 0
	for _, c := range cluster {
		k = max(k, int(c)+1)
	}
	best := make([]int, k)
	for i := range best {
		best[i] = -1
	}
	for v, c := range cluster {
		if b := best[c]; b < 0 || size[v] > size[b] {
			best[c] = v
		}
	}
	names := make([]string, k)
	for c, v := range best {
		if v >= 0 {
			names[c] = g.Node(int32(v)).Name
		}
	}
	return names
}

// Report is a partition as "coauthor clusters" shows it.
type Report struct {
	Algorithm  string    `json:"algorithm"`
	Resolution float64   `json:"resolution"`
	Modularity float64   `json:"modularity"`
	Clusters   []Cluster `json:"clusters"`
}

// NewReport returns the report of labels, found on g by algorithm at
// resolution gamma, with up to members top members each by score. Its
// clusters are numbered from 1, the largest, as in exports and pictures.
func NewReport(g *graph.Graph, labels []int32, algorithm string, gamma float64, score []float64, members int) Report {
	r := Report{Algorithm: algorithm, Resolution: gamma, Modularity: Modularity(g, labels, gamma), Clusters: Summarize(g, labels, score, members)}
	for i := range r.Clusters {
		r.Clusters[i].ID++
	}
	return r
}

// Heading is the line above the report's table.
func (r Report) Heading() string {
	return fmt.Sprintf("%s: %d clusters, modularity %.4f (resolution %v)", r.Algorithm, len(r.Clusters), r.Modularity, r.Resolution)
}

// Rows returns the report as the rows of a table, a header and its top
// largest clusters (0: all), their members ordered by the measure named
// by, and the number of clusters left out.
func (r Report) Rows(top int, by string) (rows [][]string, more int) {
	shown := r.Clusters
	if top > 0 && top < len(shown) {
		shown = shown[:top]
	}
	rows = [][]string{{"cluster", "size", "internal", "external", "top members by " + by}}
	for _, c := range shown {
		rows = append(rows, []string{strconv.Itoa(c.ID), strconv.Itoa(c.Size), measure.Format(c.InternalWeight),
			measure.Format(c.ExternalWeight), strings.Join(c.Members, "; ")})
	}
	return rows, len(r.Clusters) - len(shown)
}
