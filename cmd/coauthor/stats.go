package main

import (
	"flag"
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
number of distinct name strings before resolution.

With -json it prints one object with the keys papers, authors, edges,
components, largest_component and raw_names.`,
}

type statsFlags struct{ in inputFlags }

func init() {
	statsCmd.flags = func(fs *flag.FlagSet) any {
		f := &statsFlags{}
		f.in.register(fs)
		return f
	}
	statsCmd.run = runStats
}

// stats are the figures stats prints.
type stats struct {
	Papers           int `json:"papers"`
	Authors          int `json:"authors"`
	Edges            int `json:"edges"`
	Components       int `json:"components"`
	LargestComponent int `json:"largest_component"`
	RawNames         int `json:"raw_names"`
}

func runStats(e *env, args []string) error {
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	f := statsCmd.flags(fs).(*statsFlags)
	files, err := parseFlags(e, statsCmd, fs, args)
	if err != nil {
		return err
	}
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	comps := graph.Components(d.graph)
	s := stats{
		Papers:     d.corpus.Len(),
		Authors:    d.graph.N(),
		Edges:      d.graph.M(),
		Components: len(comps),
		RawNames:   len(d.corpus.Names()),
	}
	if len(comps) > 0 {
		s.LargestComponent = len(comps[0])
	}
	if f.in.json {
		return writeJSON(e.stdout, s)
	}
	itoa := strconv.Itoa
	return writeTable(e.stdout, [][]string{
		{"papers", itoa(s.Papers)},
		{"authors", itoa(s.Authors)},
		{"edges", itoa(s.Edges)},
		{"components", itoa(s.Components)},
		{"largest component", itoa(s.LargestComponent)},
		{"raw names", itoa(s.RawNames)},
	})
}
