package main

import (
	"flag"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"coauthor/graph"
)

// measureNames are the per-author measures, in column order.
var measureNames = []string{"papers", "degree", "strength", "betweenness", "betweenness_weighted",
	"closeness", "harmonic", "eigenvector", "pagerank", "core", "clustering"}

// measureHelp documents each measure; the conventions are networkx 2.8's
// defaults.
const measureHelp = `Measures (networkx 2.8's conventions):

	papers                papers the author is on
	degree                distinct co-authors
	strength              sum of edge weights (shared papers, or Newman's
	                      weights under -counting fractional)
	betweenness           Σ over pairs s,t of the share of shortest s–t paths
	                      through the author, over (n-1)(n-2); edges count 1
	betweenness_weighted  the same with edge length 1/weight, so frequent
	                      co-authors are close
	closeness             (r-1)/Σd · (r-1)/(n-1), r = authors reachable
	                      (Wasserman–Faust, for disconnected graphs)
	harmonic              Σ 1/d over the other authors, not normalized
	eigenvector           weighted eigenvector centrality, unit Euclidean norm
	pagerank              weighted PageRank, damping 0.85, sums to 1
	core                  k-core number (largest k with the author in a
	                      subgraph of minimum degree k)
	clustering            share of pairs of co-authors who are co-authors
	                      (unweighted local clustering coefficient)`

// measureFlags are the flags that tune measures.
type measureFlags struct {
	samples int
	seed    uint64
}

func (m *measureFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&m.samples, "samples", 0, "estimate betweenness from `K` random source authors instead of all (0: exact); the standard error is reported")
	fs.Uint64Var(&m.seed, "seed", 1, "random `seed` for sampling and clustering")
}

// measures computes per-author measures of a dataset on demand, once each.
type measures struct {
	e     *env
	d     *dataset
	opt   measureFlags
	cache map[string][]float64
	reach *graph.Reach
}

func newMeasures(e *env, d *dataset, opt measureFlags) *measures {
	return &measures{e: e, d: d, opt: opt, cache: make(map[string][]float64)}
}

// isInteger reports whether a measure's values are whole numbers.
func isInteger(name string) bool { return name == "papers" || name == "degree" || name == "core" }

// get returns measure name for every node.
func (m *measures) get(name string) ([]float64, error) {
	if v, ok := m.cache[name]; ok {
		return v, nil
	}
	g := m.d.graph
	n := g.N()
	v := make([]float64, n)
	var err error
	prog := newProgress(m.e, "computing "+name, 0, "authors")
	defer func() { prog.add(int64(n), 0); prog.done() }()
	switch name {
	case "papers":
		if err := m.d.needPapers("the papers measure"); err != nil {
			return nil, err
		}
		for i := range v {
			v[i] = float64(g.Node(i).Papers)
		}
	case "degree":
		for i := range v {
			v[i] = float64(g.Degree(i))
		}
	case "strength":
		for i := range v {
			v[i] = g.Strength(i)
		}
	case "betweenness", "betweenness_weighted":
		opt := graph.BetweennessOptions{Weighted: name == "betweenness_weighted", Samples: m.opt.samples, Seed: m.opt.seed}
		var stderr []float64
		v, stderr = graph.Betweenness(g, opt)
		if stderr != nil {
			fmt.Fprintf(m.e.stderr, "coauthor: %s estimated from %d of %d source authors; standard error up to %.3g (median %.3g)\n",
				name, m.opt.samples, n, slices.Max(stderr), median(stderr))
		}
	case "closeness", "harmonic":
		if m.reach == nil {
			m.reach = graph.Reachability(g)
		}
		if name == "closeness" {
			v = m.reach.Closeness()
		} else {
			v = m.reach.Harmonic
		}
	case "eigenvector":
		v, err = graph.Eigenvector(g, graph.IterOptions{})
	case "pagerank":
		v, err = graph.PageRank(g, 0.85, graph.IterOptions{})
	case "core":
		for i, c := range graph.CoreNumber(g) {
			v[i] = float64(c)
		}
	case "clustering":
		v = graph.Clustering(g)
	default:
		return nil, usageError{fmt.Sprintf("unknown measure %q: want one of %s", name, strings.Join(measureNames, ", "))}
	}
	if err != nil {
		return nil, err
	}
	m.cache[name] = v
	return v, nil
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

// parseMeasureList parses a comma-separated list of measure names.
func parseMeasureList(s string) ([]string, error) {
	var out []string
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if !slices.Contains(measureNames, name) {
			return nil, usageError{fmt.Sprintf("unknown measure %q: want one of %s", name, strings.Join(measureNames, ", "))}
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out, nil
}

// formatValue prints a measure for a table: whole numbers as such, others
// with four significant digits.
func formatValue(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}
