package identity

import (
	"fmt"
	"slices"
	"strings"

	"coauthor/parse/names"
)

// listIDSplits lists the names that a source splits across several of
// its author ids (OpenAlex, Scopus) although their papers share a
// co-author: rule 1 trusts the source and keeps them apart, and names
// says so, with the co-authors shared. ORCID iDs and DBLP homonym numbers
// are given by people or curated by hand and not listed.
func (r *resolver) listIDSplits() {
	c := r.c
	sp := c.Names()
	byKey := make(map[string][]int32) // folded name → spellings with a listable id
	for i := range sp {
		id := c.SourceID(int32(i))
		if id == "" || strings.HasPrefix(id, "orcid:") || strings.HasPrefix(id, "dblp:") {
			continue
		}
		if k := names.Key(sp[i]); k != "" {
			byKey[k] = append(byKey[k], int32(i))
		}
	}
	var split []int32
	for _, k := range sortedKeys(byKey) {
		ids := byKey[k]
		if len(ids) > 1 && slices.ContainsFunc(ids[1:], func(x int32) bool { return c.SourceID(x) != c.SourceID(ids[0]) }) {
			split = append(split, ids...)
		}
	}
	if len(split) == 0 {
		return
	}
	// The co-authors of each such spelling, by folded name.
	co := make(map[int32]map[string]bool, len(split))
	shown := make(map[string]string) // folded co-author → a spelling of it
	for _, id := range split {
		co[id] = make(map[string]bool)
	}
	// A co-author under a surname frequent worldwide ("Li Zhang", "Jun
	// Chen") links nothing: two people of one name meet such namesakes
	// easily, and through them a chain of ids would join.
	common := make(map[int32]bool)
	frequent := func(x int32) bool {
		v, ok := common[x]
		if !ok {
			f := names.Parse(sp[x]).Family
			v = frequentSurnames[f] || frequentSurnames[ungerman.Replace(f)]
			common[x] = v
		}
		return v
	}
	for p := 0; p < c.Len(); p++ {
		authors := c.Authors(p)
		if len(authors) > team {
			continue
		}
		for _, a := range authors {
			if co[a] == nil {
				continue
			}
			for _, x := range authors {
				if x != a && !frequent(x) {
					if k := names.Key(sp[x]); !co[a][k] {
						co[a][k] = true
						if _, ok := shown[k]; !ok {
							shown[k] = sp[x]
						}
					}
				}
			}
		}
	}
	for _, k := range sortedKeys(byKey) {
		ids := byKey[k]
		// The ids linked through a shared co-author, one group each.
		u := newUnionFind(len(ids))
		shared := make(map[int32]map[string]bool)
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				a, b := ids[x], ids[y]
				if c.SourceID(a) == c.SourceID(b) {
					u.union(int32(x), int32(y))
					continue
				}
				for n := range co[a] {
					if co[b][n] {
						root, _ := u.union(int32(x), int32(y))
						if shared[root] == nil {
							shared[root] = make(map[string]bool)
						}
						shared[root][n] = true
					}
				}
			}
		}
		groups := make(map[int32][]int32)
		for x := range ids {
			groups[u.find(int32(x))] = append(groups[u.find(int32(x))], ids[x])
		}
		for _, root := range sortedKeys32(groups) {
			g := groups[root]
			var sources, listed []string
			for _, id := range g {
				if s := c.SourceID(id); !slices.Contains(sources, s) {
					sources = append(sources, s)
					listed = append(listed, sp[id])
				}
			}
			if len(sources) < 2 {
				continue
			}
			names := make(map[string]bool)
			for r, set := range shared {
				if u.find(r) == root {
					for n := range set {
						names[n] = true
					}
				}
			}
			var co []string
			for _, n := range sortedKeys(names) {
				co = append(co, shown[n])
			}
			ids := strings.Join(sources[:min(4, len(sources))], ", ") + map[bool]string{true: ", …", false: ""}[len(sources) > 4]
			coText := strings.Join(co[:min(3, len(co))], ", ")
			if r.opt.MergeIDSplits && !r.opt.NoMerge && !r.opt.Strict {
				for _, id := range g[1:] {
					r.union(g[0], id)
				}
				r.reasons = append(r.reasons, reason{name: g[0], text: fmt.Sprintf("%q: %d author ids in the source (%s) joined, as -merge-id-splits asks: their papers share %d co-author(s) (%s)",
					sp[g[0]], len(sources), ids, len(co), coText)})
				continue
			}
			why := fmt.Sprintf("%d author ids in the source (%s), kept apart as it says, though their papers share %d co-author(s) (%s); -merge-id-splits joins them",
				len(sources), ids, len(co), coText)
			r.kept = append(r.kept, KeptApart{Names: listed, Why: why, Match: "the same names", strength: medium})
		}
	}
}

// sortedKeys32 returns m's keys in ascending order.
func sortedKeys32[V any](m map[int32]V) []int32 {
	out := make([]int32, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
