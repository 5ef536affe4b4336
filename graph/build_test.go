package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// radixSort sorts as a stable comparison sort does, with and without aux.
func TestRadixSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 100, 5000, 100000} {
		for _, width := range []uint{8, 23, 44} {
			keys := make([]uint64, n)
			aux := make([]uint32, n)
			for i := range keys {
				keys[i] = rng.Uint64() & (1<<width - 1)
				if i%3 == 0 && i > 0 {
					keys[i] = keys[i-1] // runs of equal keys
				}
				aux[i] = uint32(i)
			}
			type kv struct {
				k uint64
				a uint32
			}
			want := make([]kv, n)
			for i := range want {
				want[i] = kv{keys[i], aux[i]}
			}
			slices.SortStableFunc(want, func(x, y kv) int {
				switch {
				case x.k < y.k:
					return -1
				case x.k > y.k:
					return 1
				}
				return 0
			})
			plain := slices.Clone(keys)
			radixSort(keys, aux, width)
			radixSort(plain, nil, width)
			for i := range want {
				if keys[i] != want[i].k || aux[i] != want[i].a || plain[i] != want[i].k {
					t.Fatalf("n=%d width=%d: position %d is (%d, %d), want (%d, %d)", n, width, i, keys[i], aux[i], want[i].k, want[i].a)
				}
			}
		}
	}
}

// The builder gives the same graph whether or not it keeps papers, for
// both countings, on a corpus with a large team.
func TestBuilderKeepPapersSameGraph(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	names := make([]string, 3000)
	for i := range names {
		names[i] = string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
	}
	var papers [][]int32
	for p := 0; p < 5000; p++ {
		k := 1 + rng.IntN(6)
		if p == 17 {
			k = 400
		}
		team := make([]int32, k)
		for i := range team {
			team[i] = int32(rng.IntN(len(names)))
		}
		papers = append(papers, team)
	}
	for _, c := range []Counting{Full, Fractional} {
		a, b := NewBuilder(names, BuildOptions{Counting: c}), NewBuilder(names, BuildOptions{Counting: c, KeepPapers: true})
		for _, team := range papers {
			a.AddPaper(team, 2000)
			b.AddPaper(team, 2000)
		}
		ga, gb := mustBuild(a), mustBuild(b)
		if ga.M() != gb.M() || ga.M() < 70000 {
			t.Fatalf("%v: %d and %d edges", c, ga.M(), gb.M())
		}
		for e := range int32(ga.M()) {
			if ga.Edge(e) != gb.Edge(e) {
				t.Fatalf("%v: edge %d is %+v and %+v", c, e, ga.Edge(e), gb.Edge(e))
			}
			if len(gb.EdgePapers(e)) != gb.Edge(e).Papers {
				t.Fatalf("%v: edge %d has %d papers listed, %d counted", c, e, len(gb.EdgePapers(e)), gb.Edge(e).Papers)
			}
		}
		if ga.EdgePapers(0) != nil {
			t.Error("papers kept without KeepPapers")
		}
	}
}

// listPapers is Papers over author lists.
type listPapers [][]int32

func (l listPapers) Len() int              { return len(l) }
func (l listPapers) Authors(i int) []int32 { return l[i] }
func (l listPapers) Year(int) int          { return 2000 }

// Above localityFrom people FromPapers numbers nodes in breadth-first
// order; the graph is the same up to that renumbering.
func TestFromPapersLocalOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const people = 4 * localityFrom
	names := make([]string, people)
	for p := range names {
		names[p] = fmt.Sprintf("Person %06d", p)
	}
	var papers listPapers
	for p := 0; p < 150000; p++ {
		k := 1 + rng.IntN(4)
		var authors []int32
		for range k {
			authors = append(authors, int32(rng.IntN(people)))
		}
		papers = append(papers, authors)
	}
	local, err := FromPapers(context.Background(), names, papers, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b := NewBuilder(names, BuildOptions{})
	for _, authors := range papers {
		b.AddPaper(authors, 2000)
	}
	byName := mustBuild(b)
	if local.N() != byName.N() || local.M() != byName.M() {
		t.Fatalf("%d nodes %d edges, want %d and %d", local.N(), local.M(), byName.N(), byName.M())
	}
	moved := 0
	for v := range int32(local.N()) {
		n := local.Node(v)
		if byName.Node(n.Person).Name != n.Name || byName.Node(n.Person).Papers != n.Papers {
			t.Fatalf("node %d: %+v, person %+v", v, n, byName.Node(n.Person))
		}
		if n.Person != v {
			moved++
		}
	}
	if moved == 0 {
		t.Error("no node renumbered")
	}
	for e := range int32(local.M()) {
		ed := local.Edge(e)
		u, v := local.Node(ed.U).Person, local.Node(ed.V).Person
		if id := byName.EdgeID(u, v); id < 0 || byName.Edge(id).Weight != ed.Weight {
			t.Fatalf("edge %d–%d (persons %d–%d) not in the name-ordered graph with weight %v", ed.U, ed.V, u, v, ed.Weight)
		}
	}
}
