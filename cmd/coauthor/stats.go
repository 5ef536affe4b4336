package main

import (
	"flag"
	"slices"
	"strconv"

	"coauthor/graph"
)

var statsCmd = &command{
	name:  "stats",
	short: "counts of papers, authors, edges and components",
	usage: "[flags] [FILE...]",
	long: `Stats prints the size of the co-authorship graph: papers read (a paper
given twice counts once), authors after name resolution, co-author pairs
(edges), connected components, the size of the largest one, and the
number of distinct name strings before resolution; then graph measures
(networkx 2.8's conventions):

	density                2m / (n(n-1))
	transitivity           3 × triangles / connected triples
	average clustering     mean local clustering coefficient, zeros included
	diameter               longest shortest path in the largest component
	average shortest path  mean distance between two authors of the
	                       largest component (edges count 1)

Above 50,000 authors in the largest component the last two are
estimated from 1,000 sampled searches (marked "≈"; the diameter is then
a lower bound). For a graph file (edge list, GML) papers is 0 and raw
names is the number of nodes.

With -json it prints one object with the keys papers, authors, edges,
components, largest_component, raw_names, density, transitivity,
average_clustering, diameter, average_shortest_path and
paths_estimated.`,
	flags: func(fs *flag.FlagSet) runner {
		f := &statsFlags{}
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
	Papers           int `json:"papers"`
	Authors          int `json:"authors"`
	Edges            int `json:"edges"`
	Components       int `json:"components"`
	LargestComponent int `json:"largest_component"`
	RawNames         int `json:"raw_names"`
	// PapersEtAl lists only some of their authors ("and others").
	PapersEtAl int `json:"papers_et_al"`

	Density             float64 `json:"density"`
	Transitivity        float64 `json:"transitivity"`
	AverageClustering   float64 `json:"average_clustering"`
	Diameter            int     `json:"diameter"`
	AverageShortestPath float64 `json:"average_shortest_path"`
	PathsEstimated      bool    `json:"paths_estimated"`
}

func (f *statsFlags) run(e *env, files []string) error {
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	sum := graph.Summarize(d.graph, f.seed)
	s := stats{Authors: d.graph.N(), Edges: d.graph.M(), Components: len(sum.ComponentSizes), RawNames: d.graph.N(),
		Density: sum.Density, Transitivity: sum.Transitivity, AverageClustering: sum.AverageClustering,
		Diameter: sum.Diameter, AverageShortestPath: sum.AveragePath, PathsEstimated: sum.PathsEstimated}
	if d.Dataset != nil {
		s.Papers, s.RawNames, s.PapersEtAl = d.Corpus.Len(), len(d.Corpus.Names()), d.Corpus.EtAl()
	}
	if len(sum.ComponentSizes) > 0 {
		s.LargestComponent = sum.ComponentSizes[0]
	}
	if f.in.json {
		return writeJSON(e.stdout, s)
	}
	itoa := strconv.Itoa
	approx := ""
	if s.PathsEstimated {
		approx = "≈ "
	}
	rows := [][]string{
		{"papers", itoa(s.Papers)}, {"authors", itoa(s.Authors)}, {"edges", itoa(s.Edges)},
		{"components", itoa(s.Components)}, {"largest component", itoa(s.LargestComponent)},
		{"raw names", itoa(s.RawNames)}, {"density", formatValue(s.Density)},
		{"transitivity", formatValue(s.Transitivity)}, {"average clustering", formatValue(s.AverageClustering)},
		{"diameter", approx + itoa(s.Diameter)}, {"average shortest path", approx + formatValue(s.AverageShortestPath)},
	}
	if s.PapersEtAl > 0 {
		rows = slices.Insert(rows, 1, []string{"papers with \"et al.\"", itoa(s.PapersEtAl)})
	}
	return writeTable(e.stdout, rows)
}
