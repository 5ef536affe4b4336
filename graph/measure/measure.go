// Package measure computes the per-author measures of a co-authorship
// graph by name, once each: the list behind rank's columns, the
// exports' attributes and the picture's node sizes.
package measure

import (
	"fmt"
	"slices"
	"strings"

	"coauthor/graph"
)

// Names are the per-author measures, in column order.
var Names = []string{"papers", "degree", "strength", "betweenness", "betweenness_weighted",
	"closeness", "harmonic", "eigenvector", "pagerank", "core", "clustering"}

// Help documents each measure; the conventions are networkx 2.8's
// defaults.
const Help = `Measures (networkx 2.8's conventions):

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

// Damping is PageRank's damping factor (networkx's alpha).
const Damping = 0.85

// Integer reports whether a measure's values are whole numbers.
func Integer(name string) bool { return name == "papers" || name == "degree" || name == "core" }

// Check returns an error naming the measures for an unknown name.
func Check(name string) error {
	if slices.Contains(Names, name) {
		return nil
	}
	return fmt.Errorf("unknown measure %q: want one of %s", name, strings.Join(Names, ", "))
}

// ParseList parses a comma-separated list of measure names, in the order
// given, each once.
func ParseList(s string) ([]string, error) {
	var out []string
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if err := Check(name); err != nil {
			return nil, err
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out, nil
}

// Options tune the measures of a Set.
type Options struct {
	// Samples, when above 0, estimates betweenness from that many source
	// authors (see graph.BetweennessOptions).
	Samples int
	// Epsilon, when above 0, estimates betweenness so that every author's
	// value is within Epsilon of the exact one with probability 1−Delta
	// (Delta 0 means 0.1), the number of sampled shortest paths chosen
	// from the graph (see graph.BetweennessCentrality); it takes
	// precedence over Samples.
	Epsilon, Delta float64
	// Seed fixes the sampled sources or paths.
	Seed uint64
	// NoPapers says the graph was read from a graph file, so that no
	// author has a paper count.
	NoPapers bool
}

// Set computes the measures of one graph on demand, once each.
type Set struct {
	g      *graph.Graph
	opt    Options
	cache  map[string][]float64
	stderr map[string][]float64
	used   map[string]int
	reach  *graph.Reach
}

// Samples returns, for a betweenness measure already computed, the
// number of single-source searches (exact: the number of authors; with
// Options.Samples: the sources drawn) or, with Options.Epsilon, of
// shortest paths sampled; 0 for other measures.
func (s *Set) Samples(name string) int { return s.used[name] }

// NewSet returns the measures of g.
func NewSet(g *graph.Graph, opt Options) *Set {
	return &Set{g: g, opt: opt, cache: make(map[string][]float64), stderr: make(map[string][]float64), used: make(map[string]int)}
}

// StdErr returns the standard error of each value of a sampled measure,
// nil for an exact one or one not computed yet.
func (s *Set) StdErr(name string) []float64 { return s.stderr[name] }

// Get returns measure name for every node, computing it the first time.
func (s *Set) Get(name string) ([]float64, error) {
	if v, ok := s.cache[name]; ok {
		return v, nil
	}
	g := s.g
	n := g.N()
	v := make([]float64, n)
	var err error
	switch name {
	case "papers":
		if s.opt.NoPapers {
			return nil, fmt.Errorf("the papers measure needs publication records, not a graph file")
		}
		for i := range v {
			v[i] = float64(g.Node(int32(i)).Papers)
		}
	case "degree":
		for i := range v {
			v[i] = float64(g.Degree(int32(i)))
		}
	case "strength":
		for i := range v {
			v[i] = g.Strength(int32(i))
		}
	case "betweenness", "betweenness_weighted":
		opt := graph.BetweennessOptions{Weighted: name == "betweenness_weighted", Samples: s.opt.Samples, Seed: s.opt.Seed,
			Epsilon: s.opt.Epsilon, Delta: s.opt.Delta}
		r := graph.BetweennessCentrality(g, opt)
		v = r.BC
		if r.StdErr != nil {
			s.stderr[name] = r.StdErr
		}
		s.used[name] = r.Samples
	case "closeness", "harmonic":
		if s.reach == nil {
			s.reach = graph.Reachability(g)
		}
		if name == "closeness" {
			v = s.reach.Closeness()
		} else {
			v = s.reach.Harmonic
		}
	case "eigenvector":
		v, err = graph.Eigenvector(g, graph.IterOptions{})
	case "pagerank":
		v, err = graph.PageRank(g, Damping, graph.IterOptions{})
	case "core":
		for i, c := range graph.CoreNumber(g) {
			v[i] = float64(c)
		}
	case "clustering":
		v = graph.Clustering(g)
	default:
		return nil, Check(name)
	}
	if err != nil {
		return nil, err
	}
	s.cache[name] = v
	return v, nil
}
