package graph

import (
	"context"
	"math"
	"slices"

	"coauthor/graph/internal/parallel"
)

// TriangleBudget is the number of list-intersection steps (TriangleWork)
// up to which triangles are counted exactly; beyond it the clustering
// figures are estimated by sampling wedges. BenchmarkCosts measured 2.0
// ns a step on a 1,500-node clique (4.7 on ca-GrQc, whose lists are
// short), so 10^10 steps are about 20 s of one core (the count runs on
// one); a 5,000-author paper's clique takes 8.3·10^10.
const TriangleBudget = 1e10

// ClusteringSamples is the number of wedges EstimateClustering samples
// for each figure: a standard error of at most 0.5/√k = 0.0005.
const ClusteringSamples = 1_000_000

// Clustering figures estimated by EstimateClustering.
type ClusteringEstimate struct {
	Transitivity, TransitivityErr           float64
	AverageClustering, AverageClusteringErr float64
	Samples                                 int // wedges sampled for each figure
}

// EstimateClustering estimates transitivity and average clustering by
// wedge sampling (Schank & Wagner 2005; Seshadhri, Pinar & Kolda 2013).
// A wedge is a path u–v–w centred at v; it is closed when u and w are
// neighbours. Transitivity is the share of closed wedges among all
// Σ d(d−1)/2 of them: k wedges drawn uniformly (the centre with
// probability ∝ d(d−1)/2, then two distinct neighbours) give the share p̂
// with standard error √(p̂(1−p̂)/k). Average clustering is the mean over all
// nodes of the share of their closed wedges (0 below degree 2): k nodes
// drawn uniformly, with one wedge each, give a Bernoulli mean with the
// same standard error. The draws are split into fixed parts with their
// own random streams, so one seed gives one result on any number of
// cores. It returns ctx's error soon after ctx ends.
func EstimateClustering(ctx context.Context, g *Graph, k int, seed uint64) (ClusteringEstimate, error) {
	n := g.N()
	var e ClusteringEstimate
	if n == 0 || k <= 0 {
		return e, nil
	}
	// Cumulative wedge counts, for drawing a centre ∝ d(d−1)/2.
	cum := make([]float64, n)
	var total float64
	for v := range cum {
		d := float64(g.Degree(int32(v)))
		total += d * (d - 1) / 2
		cum[v] = total
	}
	if total == 0 {
		return e, nil
	}
	const parts = 64
	closedT := make([]int, parts)
	closedC := make([]int, parts)
	parallel.Each(parts, func(p int) {
		rng := parallel.NewRand(seed ^ uint64(p+1)*0xa0761d6478bd642f)
		lo, hi := p*k/parts, (p+1)*k/parts
		for i := lo; i < hi; i++ {
			if (i-lo)%4096 == 0 && canceled(ctx) {
				return
			}
			// Transitivity: a uniform wedge.
			v, _ := slices.BinarySearch(cum, rng.Float64()*total)
			v = min(v, n-1)
			for g.Degree(int32(v)) < 2 { // only when the float draw lands on a boundary
				v = (v + 1) % n
			}
			if g.closedWedge(int32(v), rng.IntN, rng.IntN) {
				closedT[p]++
			}
			// Average clustering: a uniform node, one of its wedges.
			u := int32(rng.IntN(n))
			if g.Degree(u) >= 2 && g.closedWedge(u, rng.IntN, rng.IntN) {
				closedC[p]++
			}
		}
	})
	if err := ctx.Err(); err != nil {
		return e, err
	}
	var ct, cc int
	for p := range parts {
		ct += closedT[p]
		cc += closedC[p]
	}
	kf := float64(k)
	e.Samples = k
	e.Transitivity = float64(ct) / kf
	e.TransitivityErr = math.Sqrt(e.Transitivity * (1 - e.Transitivity) / kf)
	e.AverageClustering = float64(cc) / kf
	e.AverageClusteringErr = math.Sqrt(e.AverageClustering * (1 - e.AverageClustering) / kf)
	return e, nil
}

// closedWedge draws two distinct neighbours of v (degree 2 or more) and
// reports whether they are neighbours: a binary search in the shorter of
// their sorted lists.
func (g *Graph) closedWedge(v int32, intn1, intn2 func(int) int) bool {
	nb := g.adj[g.off[v]:g.off[v+1]]
	d := len(nb)
	i := intn1(d)
	j := intn2(d - 1)
	if j >= i {
		j++
	}
	return g.adjacent(nb[i], nb[j])
}

// NodeWedges is the number of wedges per node from which Clustering
// samples a node's wedges instead of checking them all, once counting
// triangles would exceed TriangleBudget: a standard error of at most
// 0.5/√NodeWedges ≈ 0.016.
const NodeWedges = 1000

// Clustering returns the local clustering coefficient of every node,
// triangles / (d(d−1)/2), 0 for degree < 2 (networkx 2.8's clustering,
// unweighted), exact when counting the triangles fits in
// TriangleBudget (stderr nil). Beyond it, each node's coefficient is the
// share of closed wedges among all of them when it has at most
// NodeWedges, else among NodeWedges drawn with seed (with replacement),
// with its standard error in stderr (0 for the exact ones).
// It returns ctx's error soon after ctx ends.
func Clustering(ctx context.Context, g *Graph, seed uint64) (c, stderr []float64, err error) {
	return clusteringWithin(ctx, g, seed, TriangleBudget)
}

// clusteringWithin is Clustering with the given budget.
func clusteringWithin(ctx context.Context, g *Graph, seed uint64, budget float64) (c, stderr []float64, err error) {
	if TriangleWork(g) <= budget {
		tri, err := triangles(ctx, g)
		if err != nil {
			return nil, nil, err
		}
		return clusteringOf(g, tri), nil, nil
	}
	n := g.N()
	c, stderr = make([]float64, n), make([]float64, n)
	const block = 256
	parallel.Each((n+block-1)/block, func(b int) {
		if canceled(ctx) {
			return
		}
		rng := parallel.NewRand(seed ^ uint64(b+1)*0xe7037ed1a0b428db)
		for v := int32(b * block); v < int32(min(n, (b+1)*block)); v++ {
			nb := g.adj[g.off[v]:g.off[v+1]]
			d := len(nb)
			if d < 2 {
				continue
			}
			wedges := d * (d - 1) / 2
			if wedges <= NodeWedges {
				closed := 0
				for i, a := range nb {
					for _, w := range nb[i+1:] {
						if g.adjacent(a, w) {
							closed++
						}
					}
				}
				c[v] = float64(closed) / float64(wedges)
				continue
			}
			closed := 0
			for range NodeWedges {
				if g.closedWedge(v, rng.IntN, rng.IntN) {
					closed++
				}
			}
			// Drawn with replacement: the binomial standard error, of
			// (closed+1)/(k+2) so that it is not 0 when every wedge
			// drawn was closed (or none).
			k := float64(NodeWedges)
			c[v] = float64(closed) / k
			q := (float64(closed) + 1) / (k + 2)
			stderr[v] = math.Sqrt(q * (1 - q) / k)
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return c, stderr, nil
}

// adjacent reports whether a and b are neighbours.
func (g *Graph) adjacent(a, b int32) bool {
	if g.Degree(a) > g.Degree(b) {
		a, b = b, a
	}
	_, found := slices.BinarySearch(g.adj[g.off[a]:g.off[a+1]], b)
	return found
}
