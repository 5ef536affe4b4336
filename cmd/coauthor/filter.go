package main

import (
	"cmp"
	"flag"
	"fmt"
	"slices"
	"strings"

	"coauthor/graph"
	"coauthor/parse"
)

// filterFlags select part of a network, for render and export.
type filterFlags struct {
	top       int
	minWeight float64
	minPapers int
	component string
	ego       string
	depth     int
}

// register adds the filter flags; by names the flag that ranks -top.
func (f *filterFlags) register(fs *flag.FlagSet, by string) {
	fs.IntVar(&f.top, "top", 0, "keep the `N` authors with the largest "+by+" measure (0: all)")
	fs.Float64Var(&f.minWeight, "min-weight", 0, "drop edges lighter than `W`")
	fs.IntVar(&f.minPapers, "min-papers", 0, "keep authors with at least `P` papers")
	fs.StringVar(&f.component, "component", "all", "`which` components: all or largest")
	fs.StringVar(&f.ego, "ego", "", "keep the neighbourhood of the author `NAME`")
	fs.IntVar(&f.depth, "depth", 1, "with -ego, keep authors within `D` steps")
}

func (f *filterFlags) check() error {
	switch {
	case f.component != "all" && f.component != "largest":
		return usageError{fmt.Sprintf("-component takes all or largest, not %q", f.component)}
	case f.top < 0 || f.minPapers < 0 || f.depth < 0:
		return usageError{"-top, -min-papers and -depth must be 0 or more"}
	}
	return nil
}

// filter returns the nodes the filters keep, ascending.
func (f *filterFlags) apply(d *dataset, size []float64) ([]int32, error) {
	g := d.graph
	keep := make([]int32, g.N())
	for v := range keep {
		keep[v] = int32(v)
	}
	if f.component == "largest" && g.N() > 0 {
		keep = graph.Components(g)[0]
	}
	if f.ego != "" {
		v, err := findAuthor(g, f.ego)
		if err != nil {
			return nil, err
		}
		ego := graph.Ego(g, v, f.depth)
		keep = slices.DeleteFunc(keep, func(u int32) bool { _, ok := slices.BinarySearch(ego, u); return !ok })
	}
	if f.minPapers > 0 {
		if err := d.needPapers("-min-papers"); err != nil {
			return nil, err
		}
		keep = slices.DeleteFunc(keep, func(u int32) bool { return g.Node(int(u)).Papers < f.minPapers })
	}
	if f.top > 0 && f.top < len(keep) {
		slices.SortStableFunc(keep, func(a, b int32) int {
			return cmp.Or(cmp.Compare(size[b], size[a]), strings.Compare(g.Node(int(a)).Name, g.Node(int(b)).Name))
		})
		keep = keep[:f.top]
		slices.Sort(keep)
	}
	if len(keep) == 0 {
		return nil, fmt.Errorf("the filters leave no author")
	}
	return keep, nil
}

// findAuthor returns the node named name, exactly or failing that by
// folded name (case, diacritics, hyphens).
func findAuthor(g *graph.Graph, name string) (int, error) {
	var folded []int
	key := parse.NameKey(name)
	for v := 0; v < g.N(); v++ {
		if g.Node(v).Name == name {
			return v, nil
		}
		if parse.NameKey(g.Node(v).Name) == key {
			folded = append(folded, v)
		}
	}
	if len(folded) == 1 {
		return folded[0], nil
	}
	if len(folded) > 1 {
		return 0, fmt.Errorf("-ego %q matches %d authors; give the exact name", name, len(folded))
	}
	return 0, fmt.Errorf("-ego: no author named %q", name)
}

// relabel numbers the clusters of the kept nodes by their size among
// them, largest first (ties: the original order), and returns the labels
// of the kept nodes and the sizes.
func relabel(labels []int32, keep []int32) ([]int32, []int) {
	count := map[int32]int{}
	for _, v := range keep {
		count[labels[v]]++
	}
	ids := make([]int32, 0, len(count))
	for c := range count {
		ids = append(ids, c)
	}
	slices.SortFunc(ids, func(a, b int32) int { return cmp.Or(count[b]-count[a], int(a)-int(b)) })
	rank := map[int32]int32{}
	sizes := make([]int, len(ids))
	for i, c := range ids {
		rank[c] = int32(i)
		sizes[i] = count[c]
	}
	out := make([]int32, len(keep))
	for i, v := range keep {
		out[i] = rank[labels[v]]
	}
	return out, sizes
}

// leaders names each cluster by its member with the largest size value.
func leaders(g *graph.Graph, cluster []int32, size []float64) []string {
	k := 0
	for _, c := range cluster {
		k = max(k, int(c)+1)
	}
	best := make([]int, k)
	for i := range best {
		best[i] = -1
	}
	for v, c := range cluster {
		if b := best[c]; b < 0 || size[v] > size[b] {
			best[c] = v
		}
	}
	names := make([]string, k)
	for c, v := range best {
		names[c] = g.Node(v).Name
	}
	return names
}
