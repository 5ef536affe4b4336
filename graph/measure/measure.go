// Package measure computes the per-author measures of a co-authorship
// graph by name, once each: the list behind rank's columns, the
// exports' attributes and the picture's node sizes.
package measure

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
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

// ErrNoPapers is the error of the papers measure on a graph read from a
// graph file.
var ErrNoPapers = errors.New("needs publication records, not a graph file")

// Options tune the measures of a Set.
type Options struct {
	// Step, when set, is called as each measure's computation starts and
	// returns the function to call when it ends, for progress reports.
	Step func(name string) (done func())
	// Samples, when above 0, estimates betweenness, closeness and
	// harmonic centrality from that many source authors (see
	// graph.BetweennessOptions); at 0 they are estimated only when exact
	// figures would exceed graph.WorkBudget (see Sources).
	Samples int
	// Epsilon, when above 0, estimates betweenness so that every author's
	// value is within Epsilon of the exact one with probability 1−Delta
	// (Delta 0 means 0.1), the number of sampled shortest paths chosen
	// from the graph (see graph.Betweenness); it takes
	// precedence over Samples.
	Epsilon, Delta float64
	// Context, when set, stops the long computations soon after it ends;
	// Get then returns its error.
	Context context.Context
	// Seed fixes the sampled sources or paths.
	Seed uint64
	// NoPapers says the graph was read from a graph file, so that no
	// author has a paper count.
	NoPapers bool
}

// Validate reports a negative Samples, an Epsilon outside [0, 1) or a
// Delta outside (0, 1) other than 0 (0.1), as graph.BetweennessOptions.
// Every Seed is valid; Step, Context may be nil.
func (o Options) Validate() error {
	switch {
	case o.Samples < 0:
		return fmt.Errorf("measure: Options.Samples is %d, want 0 (exact within the budget) or more", o.Samples)
	case !(o.Epsilon >= 0 && o.Epsilon < 1):
		return fmt.Errorf("measure: Options.Epsilon is %v, want 0 (exact) or more and below 1", o.Epsilon)
	case !(o.Delta >= 0 && o.Delta < 1):
		return fmt.Errorf("measure: Options.Delta is %v, want above 0 and below 1 (0: 0.1)", o.Delta)
	}
	return nil
}

// Set computes the measures of one graph on demand, once each.
type Set struct {
	g       *graph.Graph
	opt     Options
	cache   map[string][]float64
	stderr  map[string][]float64
	used    map[string]int // searches or paths behind each betweenness
	sources map[string]int // sources of the estimated measures
	reach   *graph.Reach
	sampled *graph.SampledReach
}

// Graph returns the graph the measures are of.
func (s *Set) Graph() *graph.Graph { return s.g }

// Samples returns, for a betweenness measure already computed, the
// number of single-source searches (exact: the number of authors; with
// Options.Samples: the sources drawn) or, with Options.Epsilon, of
// shortest paths sampled; 0 for other measures.
func (s *Set) Samples(name string) int { return s.used[name] }

// NewSet returns the measures of g. Its error is that of the options
// (Options.Validate).
func NewSet(g *graph.Graph, opt Options) (*Set, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	if opt.Context == nil {
		opt.Context = context.Background()
	}
	return &Set{g: g, opt: opt, cache: make(map[string][]float64), stderr: make(map[string][]float64), sources: make(map[string]int), used: make(map[string]int)}, nil
}

// Sources returns how many source authors measure name is computed from
// on g with opt, and whether that is an estimate: -samples when given,
// else all of them unless that exceeds graph.WorkBudget (graph.Sources).
// Measures that search from every author are betweenness,
// betweenness_weighted, closeness and harmonic; the others are exact.
func Sources(g *graph.Graph, name string, opt Options) (int, bool) {
	n := g.N()
	cost := 0.0
	switch name {
	case "betweenness":
		cost = graph.CostBetweenness
	case "betweenness_weighted":
		cost = graph.CostDijkstra
	case "closeness", "harmonic":
		cost = graph.CostBFS
	default:
		return n, false
	}
	if opt.Samples > 0 {
		return min(opt.Samples, n), opt.Samples < n
	}
	return graph.Sources(n, g.M(), cost)
}

// Estimate says how an estimated measure was computed.
type Estimate struct {
	Sources   int     `json:"sources"`    // source authors searched from
	Of        int     `json:"of"`         // authors in all
	MaxStdErr float64 `json:"max_stderr"` // largest standard error of a value
}

// Estimates returns the measures computed so far that are estimates, by
// name.
func (s *Set) Estimates() map[string]Estimate {
	out := make(map[string]Estimate)
	for name, se := range s.stderr {
		out[name] = Estimate{Sources: s.sources[name], Of: s.g.N(), MaxStdErr: slices.Max(se)}
	}
	return out
}

// StdErr returns the standard error of each value of a sampled measure,
// nil for an exact one or one not computed yet.
func (s *Set) StdErr(name string) []float64 { return s.stderr[name] }

// Note says how a sampled measure was estimated ("" for an exact one or
// one not computed yet): from how many sources, with what standard error.
func (s *Set) Note(name string) string {
	se := s.stderr[name]
	if se == nil && s.used[name] > 0 && s.opt.Epsilon > 0 {
		return fmt.Sprintf("%s estimated from %d sampled shortest paths: every value within %g of the exact one with probability %g",
			name, s.used[name], s.opt.Epsilon, 1-cmp.Or(s.opt.Delta, 0.1))
	}
	if se == nil {
		return ""
	}
	sorted := slices.Sorted(slices.Values(se))
	if name == "clustering" {
		return fmt.Sprintf("clustering estimated from %d sampled pairs of co-authors of each author with more (counting every triangle would exceed %.0e steps); standard error up to %.3g (median %.3g)",
			graph.NodeWedges, graph.TriangleBudget, sorted[len(sorted)-1], sorted[len(sorted)/2])
	}
	return fmt.Sprintf("%s estimated from %d of %d source authors; standard error up to %.3g (median %.3g)",
		name, s.sources[name], s.g.N(), sorted[len(sorted)-1], sorted[len(sorted)/2])
}

// Get returns measure name for every node, computing it the first time.
func (s *Set) Get(name string) ([]float64, error) {
	if v, ok := s.cache[name]; ok {
		return v, nil
	}
	g := s.g
	n := g.N()
	v := make([]float64, n)
	var err error
	if s.opt.Step != nil {
		defer s.opt.Step(name)()
	}
	switch name {
	case "papers":
		if s.opt.NoPapers {
			return nil, fmt.Errorf("the papers measure %w", ErrNoPapers)
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
		opt := graph.BetweennessOptions{Weighted: name == "betweenness_weighted", Seed: s.opt.Seed,
			Epsilon: s.opt.Epsilon, Delta: s.opt.Delta}
		k, estimated := Sources(g, name, s.opt)
		if estimated && s.opt.Epsilon == 0 {
			opt.Samples = k
		}
		var r graph.BetweennessResult
		r, err = graph.Betweenness(s.opt.Context, g, opt)
		v = r.BC
		if err == nil && r.StdErr != nil {
			s.stderr[name], s.sources[name] = r.StdErr, k
		}
		s.used[name] = r.Samples
	case "closeness", "harmonic":
		if k, estimated := Sources(g, name, s.opt); estimated {
			if s.sampled == nil {
				s.sampled, err = graph.SampleReachability(s.opt.Context, g, k, s.opt.Seed)
			}
			if err == nil {
				v, s.stderr[name] = s.sampled.Harmonic, s.sampled.HarmonicErr
				if name == "closeness" {
					v, s.stderr[name] = s.sampled.Closeness, s.sampled.ClosenessErr
				}
				s.sources[name] = s.sampled.Sources
			}
			break
		}
		if s.reach == nil {
			// A canceled search returns what it reached so far: not kept.
			var r *graph.Reach
			if r, err = graph.Reachability(s.opt.Context, g); err == nil {
				s.reach = r
			}
		}
		if err == nil && name == "closeness" {
			v = s.reach.Closeness()
		} else if err == nil {
			v = s.reach.Harmonic
		}
	case "eigenvector":
		v, err = graph.Eigenvector(g, graph.IterOptions{Context: s.opt.Context})
	case "pagerank":
		v, err = graph.PageRank(g, Damping, graph.IterOptions{Context: s.opt.Context})
	case "core":
		for i, c := range graph.CoreNumber(g) {
			v[i] = float64(c)
		}
	case "clustering":
		var se []float64
		v, se, err = graph.Clustering(s.opt.Context, g, s.opt.Seed)
		if err == nil && se != nil {
			s.stderr[name], s.sources[name] = se, graph.NodeWedges
		}
	default:
		return nil, Check(name)
	}
	if err != nil {
		return nil, err
	}
	for i, x := range v {
		v[i] = graph.Flush(x) // no subnormal reaches a table, the explorer or a file
	}
	s.cache[name] = v
	return v, nil
}

// All returns the measures named, in order.
func (s *Set) All(names []string) (values [][]float64, err error) {
	values = make([][]float64, len(names))
	for i := 0; i < len(names) && err == nil; i++ {
		values[i], err = s.Get(names[i])
	}
	return values, err
}

// Top returns the nodes of g in order of value, highest first (ties by
// name; NaN last), at most top of them (0: all). Only values at or above
// the top-th largest are sorted, not millions.
func Top(g *graph.Graph, values []float64, top int) []int32 {
	threshold := math.Inf(-1)
	if top > 0 && top < len(values) {
		sorted := slices.Clone(values)
		slices.Sort(sorted)
		threshold = sorted[len(sorted)-top]
	}
	var order []int32
	for v, x := range values {
		if x >= threshold || math.IsNaN(x) {
			order = append(order, int32(v))
		}
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		return cmp.Or(cmp.Compare(values[b], values[a]), strings.Compare(g.Node(a).Name, g.Node(b).Name))
	})
	if top > 0 && top < len(order) {
		order = order[:top]
	}
	return order
}

// Format writes a value for people to read: whole numbers as such, others
// with four significant digits.
func Format(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

// Columns returns the measures "coauthor rank" shows: the table -by then papers,
// degree and strength; JSON and CSV every measure (or those listed), -by
// included, in the order of Names. A graph file has no papers.
func Columns(columns []string, by string, asTable, graphFile bool) []string {
	switch {
	case len(columns) == 0 && asTable:
		columns = []string{"papers", "degree", "strength"}
	case len(columns) == 0:
		columns = slices.Clone(Names)
	}
	columns = slices.DeleteFunc(columns, func(c string) bool { return c == by || graphFile && c == "papers" })
	columns = append([]string{by}, columns...)
	if !asTable {
		slices.SortStableFunc(columns, func(a, b string) int {
			return slices.Index(Names, a) - slices.Index(Names, b)
		})
	}
	return columns
}
