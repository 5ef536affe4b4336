package main

import (
	"flag"
	"slices"
	"strconv"

	"coauthor/graph/measure"
	"coauthor/render/report"

	"coauthor/graph"
)

var statsCmd = &command{
	name: "stats",
	flags: func(fs *flag.FlagSet) runner {
		f := &statsFlags{}
		f.in.noWeights = true
		f.in.register(fs)
		fs.Uint64Var(&f.seed, "seed", 1, "random `seed` for the sampled path figures of large graphs")
		return f
	},
}

type statsFlags struct {
	in   inputFlags
	seed uint64
}

// stats are the figures stats prints.
type stats struct {
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
}

func (f *statsFlags) run(e *env, files []string) error {
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	sum, err := graph.SummarizeContext(e.ctx, d.graph, graph.SummaryOptions{Seed: f.seed, Step: e.steps(d.graph.N())})
	if err != nil {
		return err
	}
	if sum.PathsEstimated {
		e.warnf("diameter and average shortest path estimated from %d of %d authors; standard error %.3g", sum.PathSources, sum.ComponentSizes[0], sum.AveragePathErr)
	}
	s := stats{Authors: d.graph.N(), Edges: d.graph.M(), Components: len(sum.ComponentSizes), RawNames: d.graph.N(),
		Density: sum.Density, Transitivity: sum.Transitivity, AverageClustering: sum.AverageClustering,
		Diameter: sum.Diameter, AverageShortestPath: sum.AveragePath, PathsEstimated: sum.PathsEstimated,
		PathSources: sum.PathSources, AverageShortestErr: sum.AveragePathErr}
	if d.Dataset != nil {
		s.Papers, s.RawNames, s.PapersEtAl = d.Corpus.Len(), len(d.Corpus.Names()), d.Corpus.EtAl()
	}
	if len(sum.ComponentSizes) > 0 {
		s.LargestComponent = sum.ComponentSizes[0]
	}
	if f.in.json {
		return report.JSON(e.stdout, s)
	}
	itoa := strconv.Itoa
	approx := ""
	if s.PathsEstimated {
		approx = "≈ "
	}
	rows := [][]string{
		{"papers", itoa(s.Papers)}, {"authors", itoa(s.Authors)}, {"edges", itoa(s.Edges)},
		{"components", itoa(s.Components)}, {"largest component", itoa(s.LargestComponent)},
		{"raw names", itoa(s.RawNames)}, {"density", measure.Format(s.Density)},
		{"transitivity", measure.Format(s.Transitivity)}, {"average clustering", measure.Format(s.AverageClustering)},
		{"diameter", approx + itoa(s.Diameter)}, {"average shortest path", approx + measure.Format(s.AverageShortestPath)},
	}
	if s.PapersEtAl > 0 {
		rows = slices.Insert(rows, 1, []string{"papers with \"et al.\"", itoa(s.PapersEtAl)})
	}
	return report.Table(e.stdout, rows)
}
