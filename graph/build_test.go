package graph

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"coauthor/parse"
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
		a, b := NewBuilder(names, c), NewBuilder(names, c)
		b.KeepPapers = true
		for _, team := range papers {
			a.AddPaper(team, 2000)
			b.AddPaper(team, 2000)
		}
		ga, gb := a.Build(), b.Build()
		if ga.M() != gb.M() || ga.M() < 70000 {
			t.Fatalf("%v: %d and %d edges", c, ga.M(), gb.M())
		}
		for e := 0; e < ga.M(); e++ {
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

// Above localityFrom people FromCorpus numbers nodes in breadth-first
// order; the graph is the same up to that renumbering.
func TestFromCorpusLocalOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	c := parse.NewCorpus()
	const people = 4 * localityFrom
	for p := 0; p < 150000; p++ {
		k := 1 + rng.IntN(4)
		var authors []string
		for range k {
			authors = append(authors, fmt.Sprintf("Person %06d", rng.IntN(people)))
		}
		c.Add(&parse.Paper{Title: fmt.Sprint("paper ", p), Year: 2000, Authors: authors})
	}
	id := parse.Resolve(c, parse.ResolveOptions{NoMerge: true})
	if len(id.People) < localityFrom {
		t.Fatalf("only %d people", len(id.People))
	}
	local := FromCorpus(c, id, Full)
	// The same papers by person id, as below the threshold.
	names := make([]string, len(id.People))
	for p, person := range id.People {
		names[p] = person.Name
	}
	b := NewBuilder(names, Full)
	for i := 0; i < c.Len(); i++ {
		var authors []int32
		for _, name := range c.Authors(i) {
			authors = append(authors, id.Person[name])
		}
		b.AddPaper(authors, c.Year(i))
	}
	byName := b.Build()
	if local.N() != byName.N() || local.M() != byName.M() {
		t.Fatalf("%d nodes %d edges, want %d and %d", local.N(), local.M(), byName.N(), byName.M())
	}
	moved := 0
	for v := 0; v < local.N(); v++ {
		n := local.Node(v)
		if byName.Node(int(n.Person)).Name != n.Name || byName.Node(int(n.Person)).Papers != n.Papers {
			t.Fatalf("node %d: %+v, person %+v", v, n, byName.Node(int(n.Person)))
		}
		if int(n.Person) != v {
			moved++
		}
	}
	if moved == 0 {
		t.Error("no node renumbered")
	}
	for e := 0; e < local.M(); e++ {
		ed := local.Edge(e)
		u, v := local.Node(int(ed.U)).Person, local.Node(int(ed.V)).Person
		if id := byName.EdgeID(int(u), int(v)); id < 0 || byName.Edge(id).Weight != ed.Weight {
			t.Fatalf("edge %d–%d (persons %d–%d) not in the name-ordered graph with weight %v", ed.U, ed.V, u, v, ed.Weight)
		}
	}
}
