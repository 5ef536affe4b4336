package graph

import (
	"context"
	"math"
	"slices"

	"coauthor/graph/internal/fsum"
	"coauthor/graph/internal/parallel"
)

// Triangles returns the number of triangles through every node. It orients
// each edge from the lower-degree end and intersects sorted out-lists
// (O(M^1.5)), so hubs of large-team papers do not cost degree² each.
func Triangles(g *Graph) []int64 {
	tri, _ := triangles(context.Background(), g)
	return tri
}

// lessRank orders nodes by degree, then id: edges point from the lower
// end, so that every node has at most √(2M) out-neighbours.
func (g *Graph) lessRank(a, b int32) bool {
	da, db := g.Degree(a), g.Degree(b)
	return da < db || da == db && a < b
}

// TriangleWork returns the steps of counting g's triangles exactly: for
// every edge v→u oriented from the lower-ranked end, |out(v)| + |out(u)|,
// the length of the two lists intersected. It takes one pass over the
// edges.
func TriangleWork(g *Graph) float64 {
	n := g.N()
	out := make([]int32, n)
	for v := 0; v < n; v++ {
		for _, u := range g.adj[g.off[v]:g.off[v+1]] {
			if g.lessRank(int32(v), u) {
				out[v]++
			}
		}
	}
	var work float64
	for v := 0; v < n; v++ {
		for _, u := range g.adj[g.off[v]:g.off[v+1]] {
			if g.lessRank(int32(v), u) {
				work += float64(out[v]) + float64(out[u])
			}
		}
	}
	return work
}

// triangles is Triangles, returning ctx's error soon after ctx ends.
func triangles(ctx context.Context, g *Graph) ([]int64, error) {
	n := g.N()
	less := g.lessRank
	// out[v]: neighbours ranked above v, ascending by id.
	outOff := make([]int, n+1)
	for v := 0; v < n; v++ {
		for _, u := range g.adj[g.off[v]:g.off[v+1]] {
			if less(int32(v), u) {
				outOff[v+1]++
			}
		}
	}
	for v := 0; v < n; v++ {
		outOff[v+1] += outOff[v]
	}
	out := make([]int32, outOff[n])
	for v := 0; v < n; v++ {
		k := outOff[v]
		for _, u := range g.adj[g.off[v]:g.off[v+1]] {
			if less(int32(v), u) {
				out[k] = u
				k++
			}
		}
	}
	tri := make([]int64, n)
	var work int
	for v := 0; v < n; v++ {
		ov := out[outOff[v]:outOff[v+1]]
		// Look at the context every million steps or so.
		if work += len(ov) * (len(ov) + 1); work >= 1<<20 {
			if work = 0; canceled(ctx) {
				return nil, ctx.Err()
			}
		}
		for _, u := range ov {
			ou := out[outOff[u]:outOff[u+1]]
			// Intersect two ascending lists.
			i, j := 0, 0
			for i < len(ov) && j < len(ou) {
				switch {
				case ov[i] < ou[j]:
					i++
				case ov[i] > ou[j]:
					j++
				default:
					w := ov[i]
					tri[v]++
					tri[u]++
					tri[w]++
					i++
					j++
				}
			}
		}
	}
	if canceled(ctx) {
		return nil, ctx.Err()
	}
	return tri, nil
}

func clusteringOf(g *Graph, tri []int64) []float64 {
	c := make([]float64, g.N())
	for v := range c {
		if d := int64(g.Degree(int32(v))); d >= 2 {
			c[v] = float64(2*tri[v]) / float64(d*(d-1))
		}
	}
	return c
}

// Summary holds graph-level measures.
type Summary struct {
	Nodes, Edges int
	// Density is 2M / (N(N−1)).
	Density float64
	// Transitivity is 3 × triangles / connected triples.
	Transitivity float64
	// AverageClustering is the mean local clustering over all nodes,
	// zeros included.
	AverageClustering float64
	// When counting the triangles exactly would exceed TriangleBudget,
	// Transitivity and AverageClustering are estimated by sampling
	// wedges (see EstimateClustering): ClusteringEstimated is set,
	// ClusteringSamples is the number of wedges sampled for each figure,
	// and the errors are their standard errors.
	ClusteringEstimated  bool
	ClusteringSamples    int
	TransitivityErr      float64
	AverageClusteringErr float64
	// ComponentSizes lists component sizes, largest first.
	ComponentSizes []int
	// Diameter and AveragePath are the largest and the mean distance
	// (in edges) between two nodes of the largest component. When the
	// work of a search from each of its nodes exceeds PathBudget they are
	// estimated (see PathsEstimated).
	Diameter       int
	AveragePath    float64
	AveragePathErr float64 // standard error of an estimated AveragePath
	PathsEstimated bool
	PathSources    int // searches the path figures came from
}

// SummaryOptions tune Summarize.
type SummaryOptions struct {
	// Seed draws the sources of sampled path figures.
	Seed uint64
	// Step, when set, is called as each step starts ("triangles",
	// "shortest paths") and returns the function to call when it ends,
	// for progress reports.
	Step func(name string) (done func())
}

// Summarize returns the graph-level measures of g. The path figures are
// estimated from sampled sources, drawn with opt.Seed, when a search from
// every node would exceed PathBudget (see Sources); the diameter is then a
// lower bound, the greatest distance the sampled searches and a double
// sweep found. It returns ctx's error soon after ctx ends.
func Summarize(ctx context.Context, g *Graph, opt SummaryOptions) (Summary, error) {
	if err := opt.Validate(); err != nil {
		return Summary{}, err
	}
	step := func(name string) func() {
		if opt.Step == nil {
			return func() {}
		}
		return opt.Step(name)
	}
	n, m := g.N(), g.M()
	s := Summary{Nodes: n, Edges: m}
	if n > 1 {
		s.Density = 2 * float64(m) / (float64(n) * float64(n-1))
	}
	done := step("triangles")
	if TriangleWork(g) > TriangleBudget {
		c, err := EstimateClustering(ctx, g, ClusteringSamples, opt.Seed)
		if err != nil {
			return s, err
		}
		s.Transitivity, s.TransitivityErr = c.Transitivity, c.TransitivityErr
		s.AverageClustering, s.AverageClusteringErr = c.AverageClustering, c.AverageClusteringErr
		s.ClusteringEstimated, s.ClusteringSamples = true, c.Samples
	} else {
		tri, err := triangles(ctx, g)
		if err != nil {
			return s, err
		}
		var triangles, triples int64
		for v, t := range tri {
			d := int64(g.Degree(int32(v)))
			triangles += t
			triples += d * (d - 1) / 2
		}
		if triangles > 0 {
			s.Transitivity = float64(triangles) / float64(triples)
		}
		if n > 0 {
			var total fsum.Sum
			for _, c := range clusteringOf(g, tri) {
				total.Add(c)
			}
			s.AverageClustering = total.Value() / float64(n)
		}
	}
	done()
	if err := ctx.Err(); err != nil {
		return s, err
	}
	comps := Components(g)
	for _, c := range comps {
		s.ComponentSizes = append(s.ComponentSizes, len(c))
	}
	if len(comps) > 0 && len(comps[0]) > 1 {
		done := step("shortest paths")
		var err error
		s.Diameter, s.AveragePath, s.AveragePathErr, s.PathSources, s.PathsEstimated, err = pathFigures(ctx, g, comps[0], opt.Seed)
		done()
		if err != nil {
			return s, err
		}
	}
	return s, nil
}

// pathFigures returns the diameter and mean distance of component c, and
// the standard error of the mean when it is estimated.
func pathFigures(ctx context.Context, g *Graph, c []int32, seed uint64) (diameter int, mean, stderr float64, sources int, estimated bool, err error) {
	var degrees int
	for _, v := range c {
		degrees += g.Degree(v)
	}
	k, estimated := sourcesWithin(len(c), degrees/2, CostBFS, PathBudget)
	src := c
	if estimated {
		src = SampleNodes(c, k, seed)
	}
	sources = len(src)
	totals := make([]int64, len(src))
	ecc := make([]int32, len(src))
	far := make([]int32, len(src))
	n := g.N()
	parallel.ForEach(len(src), func() *bfsState { return newBFS(n) }, func(b *bfsState, i int) {
		if b.stop || canceled(ctx) {
			b.stop = true
			return
		}
		b.run(g, src[i])
		for _, v := range b.queue[1:] {
			totals[i] += int64(b.level[v])
		}
		last := b.queue[len(b.queue)-1]
		ecc[i], far[i] = b.level[last], last
	})
	if err := ctx.Err(); err != nil {
		return 0, 0, 0, 0, false, err
	}
	var total int64
	for i := range src {
		total += totals[i]
		diameter = max(diameter, int(ecc[i]))
	}
	size := int64(len(c))
	mean = float64(total) / float64(int64(len(src))*(size-1))
	if estimated {
		// The standard error of the mean of the sources' mean distances.
		var ss float64
		for i := range src {
			d := float64(totals[i])/float64(size-1) - mean
			ss += d * d
		}
		stderr = math.Sqrt(ss / float64(len(src)-1) / float64(len(src)))
		// Double sweep from the farthest nodes found: a tighter lower bound.
		b := newBFS(n)
		for _, f := range far[:min(len(far), 10)] {
			b.run(g, f)
			diameter = max(diameter, int(b.level[b.queue[len(b.queue)-1]]))
		}
	}
	return diameter, mean, stderr, sources, estimated, nil
}

// SampleNodes returns k nodes of c drawn with seed, ascending.
func SampleNodes(c []int32, k int, seed uint64) []int32 {
	s := slices.Clone(c)
	r := parallel.NewRand(seed)
	for i := 0; i < k; i++ {
		j := i + r.IntN(len(s)-i)
		s[i], s[j] = s[j], s[i]
	}
	s = s[:k]
	slices.Sort(s)
	return s
}
