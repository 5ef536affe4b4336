package graph

import (
	"slices"

	"coauthor/graph/internal/fsum"
	"coauthor/graph/internal/parallel"
)

// Triangles returns the number of triangles through every node. It orients
// each edge from the lower-degree end and intersects sorted out-lists
// (O(M^1.5)), so hubs of large-team papers do not cost degree² each.
func Triangles(g *Graph) []int64 {
	n := g.N()
	rank := func(v int32) (int, int32) { return g.Degree(v), v }
	less := func(a, b int32) bool {
		da, va := rank(a)
		db, vb := rank(b)
		return da < db || da == db && va < vb
	}
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
	for v := 0; v < n; v++ {
		ov := out[outOff[v]:outOff[v+1]]
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
	return tri
}

// Clustering returns the local clustering coefficient of every node,
// triangles / (d(d−1)/2), 0 for degree < 2 (networkx 2.8's clustering,
// unweighted).
func Clustering(g *Graph) []float64 {
	return clusteringOf(g, Triangles(g))
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
	// ComponentSizes lists component sizes, largest first.
	ComponentSizes []int
	// Diameter and AveragePath are the largest and the mean distance
	// (in edges) between two nodes of the largest component. When the
	// largest component has more than ExactPathLimit nodes they are
	// estimated (see PathsEstimated).
	Diameter       int
	AveragePath    float64
	PathsEstimated bool
	PathSources    int // searches the path figures came from
}

// ExactPathLimit is the largest component size for which Summarize
// searches from every node; above it, it samples PathSamples sources, or
// FewPathSamples above ManyPathNodes nodes, where each search reads tens
// of millions of edges (1000 searches took over ten minutes on the
// 7.5-million-paper corpus's 3.6 million authors).
const (
	ExactPathLimit = 50000
	PathSamples    = 1000
	ManyPathNodes  = 1000000
	FewPathSamples = 100
)

// Summarize returns the graph-level measures of g. Sampled path figures
// use seed; the diameter is then a lower bound, the greatest distance the
// sampled searches and a double sweep found.
func Summarize(g *Graph, seed uint64) Summary {
	n, m := g.N(), g.M()
	s := Summary{Nodes: n, Edges: m}
	if n > 1 {
		s.Density = 2 * float64(m) / (float64(n) * float64(n-1))
	}
	tri := Triangles(g)
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
	comps := Components(g)
	for _, c := range comps {
		s.ComponentSizes = append(s.ComponentSizes, len(c))
	}
	if len(comps) > 0 && len(comps[0]) > 1 {
		s.Diameter, s.AveragePath, s.PathSources, s.PathsEstimated = pathFigures(g, comps[0], seed)
	}
	return s
}

// pathFigures returns the diameter and mean distance of component c.
func pathFigures(g *Graph, c []int32, seed uint64) (diameter int, mean float64, sources int, estimated bool) {
	sources = len(c)
	src := c
	if len(c) > ExactPathLimit {
		estimated = true
		k := PathSamples
		if len(c) > ManyPathNodes {
			k = FewPathSamples
		}
		src = SampleNodes(c, k, seed)
		sources = len(src)
	}
	totals := make([]int64, len(src))
	ecc := make([]int32, len(src))
	far := make([]int32, len(src))
	n := g.N()
	parallel.ForEach(len(src), func() *bfsState { return newBFS(n) }, func(b *bfsState, i int) {
		b.run(g, src[i])
		for _, v := range b.queue[1:] {
			totals[i] += int64(b.level[v])
		}
		last := b.queue[len(b.queue)-1]
		ecc[i], far[i] = b.level[last], last
	})
	var total int64
	for i := range src {
		total += totals[i]
		diameter = max(diameter, int(ecc[i]))
	}
	k := int64(len(c))
	mean = float64(total) / float64(int64(len(src))*(k-1))
	if estimated {
		// Double sweep from the farthest nodes found: a tighter lower bound.
		b := newBFS(n)
		for _, f := range far[:min(len(far), 10)] {
			b.run(g, f)
			diameter = max(diameter, int(b.level[b.queue[len(b.queue)-1]]))
		}
	}
	return diameter, mean, sources, estimated
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
