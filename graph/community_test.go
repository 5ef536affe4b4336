package graph

import (
	"math"
	"slices"
	"testing"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
)

// groups turns labels into gonum's community form.
func groups(labels []int32) [][]gonum.Node {
	k := 0
	for _, c := range labels {
		k = max(k, int(c)+1)
	}
	out := make([][]gonum.Node, k)
	for v, c := range labels {
		out[c] = append(out[c], node(v))
	}
	return out
}

func TestModularityMatchesGonum(t *testing.T) {
	for _, name := range []string{"karate.txt", "lesmis.gml", "netscience.gml"} {
		g := loadNetwork(t, name)
		for _, gamma := range []float64{0.5, 1, 2} {
			labels := Leiden(g, CommunityOptions{Resolution: gamma, Seed: 1})
			got := Modularity(g, labels, gamma)
			want := community.Q(g.Weighted(), groups(labels), gamma)
			if math.Abs(got-want) > 1e-12 {
				t.Errorf("%s γ=%v: Modularity %v, gonum's Q %v", name, gamma, got, want)
			}
		}
	}
}

// Leiden finds at least the modularity of networkx's Louvain (best of
// seeds 0-4) on every reference network, for each of five seeds, and
// every community it returns is connected.
func TestLeidenQualityAndConnectivity(t *testing.T) {
	for _, name := range referenceNetworks {
		g := loadNetwork(t, name)
		ref := loadReference(t, name)
		best := slices.Max(ref.Louvain)
		for seed := uint64(0); seed < 5; seed++ {
			labels := Leiden(g, CommunityOptions{Seed: seed})
			if q := Modularity(g, labels, 1); q < best {
				t.Errorf("%s seed %d: Leiden modularity %.6f < networkx Louvain's %.6f", name, seed, q, best)
			}
			if c := disconnected(g, labels); c >= 0 {
				t.Errorf("%s seed %d: community %d is not connected", name, seed, c)
			}
		}
		lq := Modularity(g, Louvain(g, CommunityOptions{Seed: 0}), 1)
		if lq < 0.95*best {
			t.Errorf("%s: Louvain modularity %.6f, networkx's %.6f", name, lq, best)
		}
	}
}

// disconnected returns a community of labels that is not connected, or -1.
func disconnected(g *Graph, labels []int32) int {
	split := splitDisconnected(g, labels)
	first := map[int32]int32{}
	for v, c := range labels {
		if s, ok := first[c]; ok && s != split[v] {
			return int(c)
		}
		first[c] = split[v]
	}
	return -1
}

func TestCommunitiesDeterministic(t *testing.T) {
	g := loadNetwork(t, "netscience.gml")
	for _, f := range []func(*Graph, CommunityOptions) []int32{Leiden, Louvain} {
		a := f(g, CommunityOptions{Seed: 7})
		b := f(g, CommunityOptions{Seed: 7})
		if !slices.Equal(a, b) {
			t.Error("same seed, different partitions")
		}
	}
}

func TestCommunityLabelsCanonical(t *testing.T) {
	// Two triangles joined by one edge, and an isolated node.
	nodes := make([]Node, 7)
	e := func(u, v int32) Edge { return Edge{U: u, V: v, Weight: 1} }
	g := FromEdges(nodes, []Edge{e(0, 1), e(1, 2), e(0, 2), e(3, 4), e(4, 5), e(3, 5), e(2, 3)})
	for _, f := range []func(*Graph, CommunityOptions) []int32{Leiden, Louvain} {
		got := f(g, CommunityOptions{})
		if want := []int32{0, 0, 0, 1, 1, 1, 2}; !slices.Equal(got, want) {
			t.Errorf("labels %v, want %v", got, want)
		}
	}
	// Higher resolution, smaller communities.
	if k := slices.Max(Leiden(g, CommunityOptions{Resolution: 10})) + 1; k < 4 {
		t.Errorf("γ=10 gave %d communities, want singletons (7)", k)
	}
	empty := FromEdges(make([]Node, 3), nil)
	if got := Leiden(empty, CommunityOptions{}); !slices.Equal(got, []int32{0, 1, 2}) {
		t.Errorf("edgeless graph: %v", got)
	}
}
