package explorer

import (
	"context"
	"slices"
	"strconv"

	"coauthor/graph"
	"coauthor/graph/measure"
)

// Stats are the figures of a network that "coauthor stats" prints.
type Stats struct {
	Papers              int     `json:"papers"`
	Authors             int     `json:"authors"`
	Edges               int     `json:"edges"`
	Components          int     `json:"components"`
	LargestComponent    int     `json:"largest_component"`
	RawNames            int     `json:"raw_names"`
	PapersEtAl          int     `json:"papers_et_al"` // papers listing only some authors ("and others")
	Density             float64 `json:"density"`
	Transitivity        float64 `json:"transitivity"`
	AverageClustering   float64 `json:"average_clustering"`
	Diameter            int     `json:"diameter"`
	AverageShortestPath float64 `json:"average_shortest_path"`
	PathsEstimated      bool    `json:"paths_estimated"`
	PathSources         int     `json:"path_sources"`                           // searches behind the path figures
	AverageShortestErr  float64 `json:"average_shortest_path_stderr,omitempty"` // when estimated
	// Transitivity and average clustering are estimated by wedge
	// sampling when counting every triangle would exceed
	// graph.TriangleBudget: so many wedges each, with standard errors.
	ClusteringEstimated  bool    `json:"clustering_estimated"`
	ClusteringSamples    int     `json:"clustering_samples,omitempty"`
	TransitivityErr      float64 `json:"transitivity_stderr,omitempty"`
	AverageClusteringErr float64 `json:"average_clustering_stderr,omitempty"`
}

// Stats returns the network's figures; opt.Seed drives the sampled path
// figures of large graphs. Papers are those of the network's authors.
// It returns ctx's error soon after ctx ends.
func (n *Network) Stats(ctx context.Context, opt graph.SummaryOptions) (Stats, error) {
	g := n.G
	sum, err := graph.Summarize(ctx, g, opt)
	if err != nil {
		return Stats{}, err
	}
	s := Stats{Authors: g.N(), Edges: g.M(), Components: len(sum.ComponentSizes), RawNames: g.N(),
		Density: sum.Density, Transitivity: sum.Transitivity, AverageClustering: sum.AverageClustering,
		Diameter: sum.Diameter, AverageShortestPath: sum.AveragePath, PathsEstimated: sum.PathsEstimated,
		PathSources: sum.PathSources, AverageShortestErr: sum.AveragePathErr,
		ClusteringEstimated: sum.ClusteringEstimated, ClusteringSamples: sum.ClusteringSamples,
		TransitivityErr: sum.TransitivityErr, AverageClusteringErr: sum.AverageClusteringErr}
	if n.Corpus != nil {
		s.Papers, s.RawNames, s.PapersEtAl = n.countPapers(), len(n.Corpus.Names()), n.Corpus.EtAl()
	}
	if len(sum.ComponentSizes) > 0 {
		s.LargestComponent = sum.ComponentSizes[0]
	}
	return s, nil
}

// Rows returns the figures as the rows of a table.
func (s Stats) Rows() [][]string {
	itoa := strconv.Itoa
	approx, approxC := "", ""
	if s.PathsEstimated {
		approx = "≈ "
	}
	if s.ClusteringEstimated {
		approxC = "≈ "
	}
	rows := [][]string{
		{"papers", itoa(s.Papers)}, {"authors", itoa(s.Authors)}, {"edges", itoa(s.Edges)},
		{"components", itoa(s.Components)}, {"largest component", itoa(s.LargestComponent)},
		{"raw names", itoa(s.RawNames)}, {"density", measure.Format(s.Density)},
		{"transitivity", approxC + measure.Format(s.Transitivity)}, {"average clustering", approxC + measure.Format(s.AverageClustering)},
		{"diameter", approx + itoa(s.Diameter)}, {"average shortest path", approx + measure.Format(s.AverageShortestPath)},
	}
	if s.PapersEtAl > 0 {
		rows = slices.Insert(rows, 1, []string{"papers with \"et al.\"", itoa(s.PapersEtAl)})
	}
	return rows
}
