package community

import (
	"fmt"
	"testing"

	"coauthor/graph/internal/parallel"
	"coauthor/graph/internal/testnet"
)

// refineCase is one call of the refinement: a graph, the partition it
// refines and the resolution.
type refineCase struct {
	name  string
	g     *workGraph
	part  []int32 // labels 0..count−1
	count int
	gamma float64
}

// refineCases gives, for each reference network and γ ∈ {0.5, 1, 2, 4},
// the partition that Leiden's local moving finds (what the refinement is
// given inside Leiden) and a coarser one, pairs of its communities joined
// (so that some nodes are poorly connected to their community, which the
// refinement must leave alone). The same graph is also aggregated once by
// the refined partition, as Leiden does, so that the refinement is tested
// on a graph with self-loops too.
func refineCases(t *testing.T) []refineCase {
	t.Helper()
	var cases []refineCase
	for _, name := range testnet.Networks {
		base := newWorkGraph(testnet.Load(t, name))
		for _, gamma := range []float64{0.5, 1, 2, 4} {
			o := &optimizer{gamma: gamma, rand: parallel.NewRand(1), leiden: true}
			o.init(base)
			part := identityLabels(base.n())
			o.moveNodes(base, part)
			count := o.renumber(part)
			cases = append(cases, refineCase{fmt.Sprintf("%s γ=%v local moving", name, gamma), base, part, count, gamma})
			coarse := make([]int32, len(part))
			for v, c := range part {
				coarse[v] = c / 2
			}
			cases = append(cases, refineCase{fmt.Sprintf("%s γ=%v pairs joined", name, gamma), base, coarse, o.renumber(coarse), gamma})

			// One level up: the graph aggregated by the refined
			// partition, its nodes starting in their local-moving
			// community, moved again (as in Leiden's run).
			refined := append([]int32(nil), o.refine(base, part, count)...)
			rc := o.renumber(refined)
			if rc == base.n() {
				continue
			}
			agg := sized(base)
			o.aggregate(base, refined, rc, agg)
			up := make([]int32, rc)
			for v, r := range refined {
				up[r] = part[v]
			}
			o.moveNodes(agg, up)
			cases = append(cases, refineCase{fmt.Sprintf("%s γ=%v aggregated", name, gamma), agg, up, o.renumber(up), gamma})
		}
	}
	return cases
}

// The refinement's invariants (Traag, Waltman & van Eck 2019, section
// "Refinement" and Supplementary Information), checked on its result
// for several seeds:
//
//   - the refined partition refines the given one (each refined
//     community lies inside one community S);
//   - every node of a refined community with two or more nodes is well
//     connected to its community: E(v, S−v) ≥ γ·k_v·(K_S − k_v)/2m (a
//     node joins only when it is, and a singleton is joined only when it
//     is, the two checks of refine);
//   - every refined community is connected, and was built by merges each
//     of gain ≥ 0, so its modularity contribution is at least that of
//     its nodes alone;
//   - nodes poorly connected to their community stay singletons.
func TestRefineInvariants(t *testing.T) {
	merged, illConnected := 0, 0
	for _, tc := range refineCases(t) {
		for seed := uint64(0); seed < 3; seed++ {
			o := &optimizer{gamma: tc.gamma, rand: parallel.NewRand(seed), leiden: true}
			o.init(tc.g)
			part := append([]int32(nil), tc.part...)
			refined := append([]int32(nil), o.refine(tc.g, part, tc.count)...)
			m, ill := checkRefined(t, fmt.Sprintf("%s seed %d", tc.name, seed), tc.g, part, tc.count, refined, tc.gamma)
			merged += m
			illConnected += ill
		}
	}
	// The cases must exercise both sides of the checks: nodes that were
	// merged, and nodes poorly connected to their community.
	t.Logf("%d nodes in merged refined communities, %d nodes not well connected to their community", merged, illConnected)
	if merged == 0 || illConnected == 0 {
		t.Errorf("cases too easy: %d merged nodes, %d poorly connected nodes", merged, illConnected)
	}
}

// checkRefined checks the invariants of TestRefineInvariants and returns
// the number of nodes in refined communities of two or more nodes and
// the number of nodes not well connected to their community.
func checkRefined(t *testing.T, name string, g *workGraph, part []int32, count int, refined []int32, gamma float64) (merged, ill int) {
	t.Helper()
	n := g.n()
	scale := gamma / g.m2
	K := make([]float64, count) // strength of each community
	for v, c := range part {
		K[c] += g.k[v]
	}
	// Refinement: one community per refined community.
	of := make(map[int32]int32)
	size := make(map[int32]int)
	kR := make(map[int32]float64)
	inR := make(map[int32]float64) // weight inside, self-loops included
	for v, r := range refined {
		if c, ok := of[r]; ok && c != part[v] {
			t.Errorf("%s: refined community %d spans communities %d and %d", name, r, c, part[v])
			return
		}
		of[r] = part[v]
		size[r]++
		kR[r] += g.k[v]
		inR[r] += g.self[v]
	}
	for v := 0; v < n; v++ {
		var toS float64 // E(v, S−v)
		for i := g.off[v]; i < g.off[v+1]; i++ {
			u := g.adj[i]
			if part[u] == part[v] {
				toS += g.w[i]
			}
			if refined[u] == refined[v] && int(u) > v {
				inR[refined[v]] += g.w[i]
			}
		}
		c := part[v]
		well := toS >= scale*g.k[v]*(K[c]-g.k[v])
		if !well {
			ill++
		}
		if size[refined[v]] > 1 {
			merged++
			if !well {
				t.Errorf("%s: node %d is in a refined community of %d nodes but not well connected to its community: E(v,S−v) = %g < %g",
					name, v, size[refined[v]], toS, scale*g.k[v]*(K[c]-g.k[v]))
			}
		}
	}
	// Each refined community: connected, and its merges gained.
	seen := make([]bool, n)
	for s := 0; s < n; s++ {
		r := refined[s]
		if seen[s] || size[r] < 2 {
			continue
		}
		queue := []int32{int32(s)}
		seen[s] = true
		for i := 0; i < len(queue); i++ {
			v := queue[i]
			for _, u := range g.adj[g.off[v]:g.off[v+1]] {
				if refined[u] == r && !seen[u] {
					seen[u] = true
					queue = append(queue, u)
				}
			}
		}
		if len(queue) != size[r] {
			t.Errorf("%s: refined community %d is not connected (%d of %d nodes reached)", name, r, len(queue), size[r])
		}
		// Q contribution L_R/m − γ(K_R/2m)² against the sum over its
		// nodes alone, in units of 1/m: L_R − γK_R²/(2·2m) ≥
		// Σ_v (self_v − γk_v²/(2·2m)).
		var alone float64
		for _, v := range queue {
			alone += g.self[v] - gamma*g.k[v]*g.k[v]/(2*g.m2)
		}
		if together := inR[r] - gamma*kR[r]*kR[r]/(2*g.m2); together < alone-1e-9*g.m2 {
			t.Errorf("%s: refined community %d lowers modularity: %g < %g alone", name, r, together, alone)
		}
	}
	return merged, ill
}
