package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"

	"coauthor/graph/internal/parallel"
)

// ErrNoConvergence is returned when an iterative measure does not reach
// its tolerance within its iteration limit.
var ErrNoConvergence = errors.New("did not converge")

// IterOptions bounds an iterative measure. The zero value gives the
// defaults: Tol 1e-12 per node, MaxIter 10000.
type IterOptions struct {
	Tol     float64 // stop when Σ_v |x_v − x'_v| < N·Tol
	MaxIter int
	// Context, when set, is checked every iteration: once it ends the
	// measure returns its error.
	Context context.Context
}

func (o IterOptions) withDefaults() IterOptions {
	if o.Tol <= 0 {
		o.Tol = 1e-12
	}
	if o.MaxIter <= 0 {
		o.MaxIter = 10000
	}
	return o
}

// Eigenvector returns the weighted eigenvector centrality of every node,
// as networkx 2.8's eigenvector_centrality(G, weight="weight"): power
// iteration with A+I from the uniform vector, scaled to unit Euclidean
// norm. On a disconnected graph the values outside the component with the
// largest eigenvalue tend to 0 as the tolerance tightens.
func Eigenvector(g *Graph, opt IterOptions) ([]float64, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	opt = opt.withDefaults()
	n := g.N()
	if n == 0 {
		return nil, nil
	}
	x := make([]float64, n)
	last := make([]float64, n)
	for v := range x {
		x[v] = 1 / float64(n)
	}
	for iter := 0; iter < opt.MaxIter; iter++ {
		if canceled(opt.Context) {
			return nil, opt.Context.Err()
		}
		x, last = last, x
		var norm float64
		for v := 0; v < n; v++ {
			s := last[v]
			for i := g.off[v]; i < g.off[v+1]; i++ {
				s += last[g.adj[i]] * g.w[i]
			}
			x[v] = s
			norm += s * s
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1
		}
		var diff float64
		for v := range x {
			x[v] /= norm
			diff += math.Abs(x[v] - last[v])
		}
		if diff < float64(n)*opt.Tol {
			return x, nil
		}
	}
	return x, fmt.Errorf("eigenvector centrality: %w in %d iterations", ErrNoConvergence, opt.MaxIter)
}

// PageRank returns the weighted PageRank of every node with the given
// damping factor (networkx's alpha, usually 0.85), as networkx 2.8's
// pagerank(G, alpha, weight="weight"): each node passes its rank to its
// neighbours in proportion to edge weight; nodes without edges spread
// theirs uniformly; the teleport vector is uniform. The values sum to 1.
func PageRank(g *Graph, damping float64, opt IterOptions) ([]float64, error) {
	if err := cmp.Or(opt.Validate(), checkDamping(damping)); err != nil {
		return nil, err
	}
	opt = opt.withDefaults()
	n := g.N()
	if n == 0 {
		return nil, nil
	}
	strength := make([]float64, n)
	for v := range strength {
		strength[v] = g.Strength(int32(v))
	}
	x := make([]float64, n)
	out := make([]float64, n) // x[v]/strength[v]
	for v := range x {
		x[v] = 1 / float64(n)
	}
	// Each iteration reads x and writes next; nodes are split into fixed
	// blocks, so the sums and the result do not depend on the number of
	// cores.
	next := make([]float64, n)
	const block = 1 << 14
	blocks := (n + block - 1) / block
	diffs := make([]float64, blocks)
	for iter := 0; iter < opt.MaxIter; iter++ {
		if canceled(opt.Context) {
			return nil, opt.Context.Err()
		}
		var dangling float64
		for v := range x {
			if strength[v] == 0 {
				dangling += x[v]
				out[v] = 0
			} else {
				out[v] = x[v] / strength[v]
			}
		}
		base := (damping*dangling + 1 - damping) / float64(n)
		parallel.Each(blocks, func(b int) {
			var diff float64
			for v := b * block; v < min(n, (b+1)*block); v++ {
				var s float64
				for i := g.off[v]; i < g.off[v+1]; i++ {
					s += out[g.adj[i]] * g.w[i]
				}
				next[v] = damping*s + base
				diff += math.Abs(next[v] - x[v])
			}
			diffs[b] = diff
		})
		x, next = next, x
		var diff float64
		for _, d := range diffs {
			diff += d
		}
		if diff < float64(n)*opt.Tol {
			return x, nil
		}
	}
	return x, fmt.Errorf("pagerank: %w in %d iterations", ErrNoConvergence, opt.MaxIter)
}
