package main

import (
	"flag"

	"coauthor/graph"
	"coauthor/render/explorer"
	"coauthor/render/report"
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
type stats = explorer.Stats

func (f *statsFlags) run(e *env, files []string) error {
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	s, err := d.explore(d.graph).Stats(e.ctx, graph.SummaryOptions{Seed: f.seed, Step: e.steps(d.graph.N())})
	if err != nil {
		return err
	}
	if s.PathsEstimated {
		e.warnf("diameter and average shortest path estimated from %d of %d authors; standard error %.3g", s.PathSources, s.LargestComponent, s.AverageShortestErr)
	}
	if s.ClusteringEstimated {
		e.warnf("transitivity and average clustering estimated from %d sampled wedges each (counting every triangle would exceed %.0e steps); standard errors %.2g and %.2g",
			s.ClusteringSamples, graph.TriangleBudget, s.TransitivityErr, s.AverageClusteringErr)
	}
	if d.units != nil {
		return writeUnitStats(e, d, &s, f.in.json)
	}
	if f.in.json {
		return report.JSON(e.stdout, s)
	}
	return report.Table(e.stdout, s.Rows())
}
