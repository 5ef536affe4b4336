package identity

import (
	"fmt"
	"slices"
	"strings"

	"coauthor/parse/names"
)

// Rule 1 under an ambiguous name. The same string is not always one
// person: "L Wang" under a surname borne by millions may be five people
// in one library. A folded key written with initials only, under a
// surname that is frequent worldwide or crowded in the corpus (crowded
// full first names under it), is decided per mention: its papers are
// grouped by the evidence they share (a co-author who is not himself an
// ambiguous name and is outside the family-name block, two such ambiguous
// co-authors together, an affiliation: the same ROR id or the same
// institution string folded, and for two initials or more a rare title
// word within farApart years), and each group
// connected through that evidence is a person. The largest group keeps
// the spellings (Identity.Person); the others are people of their own,
// found per mention by Identity.Of. Evidence missing keeps papers apart:
// a paper of "L Wang" sharing no co-author or affiliation with the others
// is another person until the thesaurus says otherwise.

// splitGroup is a folded key whose mentions were split.
type splitGroup struct {
	key   string
	ids   []int32 // its spellings
	parts [][]mentionRef
	// namesakes is the estimate of people who could bear the key
	// (samestring.go), said in words by estimate; joined is the number
	// of groups of papers joined because it is low.
	namesakes float64
	estimate  string
	joined    int
	apart     []string // with few namesakes, what kept its groups apart
}

// mentionRef is one author of one paper.
type mentionRef struct {
	paper int32
	name  int32
}

// ambiguousInitials reports whether n is written with one or two
// initials only under a family name that may hold many people: frequent
// worldwide, or with at least crowded full first names in the corpus.
func ambiguousInitials(n names.Name, firstNames map[string]int) bool {
	if n.Family == "" || len(n.Given) == 0 {
		return false
	}
	for _, u := range n.Given {
		if u.Kind == names.Full {
			return false
		}
	}
	if letters(n) >= 3 {
		return false // "E. W. K. Tsang": three initials are one person's
	}
	return frequentSurnames[n.Family] || frequentSurnames[ungerman.Replace(n.Family)] || firstNames[n.Family] >= crowded
}

// letters returns the number of given-name letters of n: "J. S." and
// "J.-S." two, "L." one.
func letters(n names.Name) int {
	k := 0
	for _, u := range n.Given {
		k += max(1, len(u.Parts))
	}
	return k
}

// splitSameString splits the mentions of ambiguous initials-only keys
// into people by the evidence of their papers (see above).
func (r *resolver) splitSameString() {
	c := r.c
	sp := c.Names()
	parsed := make([]names.Name, len(sp))
	r.parsed = parsed
	firsts := make(map[string]map[string]bool)
	for i, s := range sp {
		if r.keys[i] == "" {
			continue
		}
		parsed[i] = names.Parse(s)
		if n := parsed[i]; len(n.Given) > 0 && n.Given[0].Kind == names.Full && n.Family != "" {
			if firsts[n.Family] == nil {
				firsts[n.Family] = make(map[string]bool)
			}
			firsts[n.Family][n.Given[0].Text] = true
		}
	}
	firstNames := make(map[string]int, len(firsts))
	for f, set := range firsts {
		firstNames[f] = len(set)
	}
	groupOf := make(map[int32]int) // name id → its group
	var groups []*splitGroup
	byKey := make(map[string]int)
	for i, s := range sp {
		if r.keys[i] == "" || r.fixed[i] || names.NotAName(s) != "" || !ambiguousInitials(parsed[i], firstNames) && !homonymFull(parsed[i]) {
			continue
		}
		g, ok := byKey[r.keys[i]]
		if !ok {
			g = len(groups)
			byKey[r.keys[i]] = g
			groups = append(groups, &splitGroup{key: r.keys[i]})
		}
		groups[g].ids = append(groups[g].ids, int32(i))
		groupOf[int32(i)] = g
	}
	if len(groups) == 0 {
		return
	}
	// One initial under such a name ("L. Wang") is no co-author evidence
	// for others even when its papers hang together; two initials are
	// when they do ("C. C. Harris"), and not when split (below).
	r.ambiguous = make([]bool, len(sp))
	for id := range groupOf {
		r.ambiguous[id] = letters(parsed[id]) == 1 && !homonymFull(parsed[id])
	}
	blocks := newBlockIndex(parsed, func(yield func(int32) bool) {
		for i := range sp {
			if r.keys[i] != "" && !yield(int32(i)) {
				return
			}
		}
	})
	model := newSameStringModel(parsed, r.keys, c.NameCount)
	mentions := make([][]mentionRef, len(groups))
	for p := 0; p < c.Len(); p++ {
		for _, a := range c.Authors(p) {
			if g, ok := groupOf[a]; ok {
				mentions[g] = append(mentions[g], mentionRef{int32(p), a})
			}
		}
	}
	for g, ms := range mentions {
		if len(ms) < 2 {
			continue
		}
		family := parsed[groups[g].ids[0]].Family
		u := newUnionFind(len(ms))
		first := make(map[string]int32)       // evidence → the first mention with it
		ambiguous := make(map[string][]int32) // an ambiguous co-author's key → the mentions with it
		link := func(k string, m int) {
			if f, ok := first[k]; ok {
				u.union(f, int32(m))
			} else {
				first[k] = int32(m)
			}
		}
		// Two initials or more ("J S Hwang", not "L Wang") are specific
		// enough for a rare title word within farApart years to count.
		words := letters(parsed[groups[g].ids[0]])
		if homonymFull(parsed[groups[g].ids[0]]) {
			words = 2 // a full name says as much as two initials
		}
		var df map[uint64]int32
		var rare int32
		wordLinks := make(map[string][]int32) // a rare title word and year → the mentions with it (linked last)
		if words >= 2 {
			df, rare = r.titleDF()
		}
		for m, ref := range ms {
			authors := c.Authors(int(ref.paper))
			if df != nil {
				for _, w := range r.titleWords(c.Title(int(ref.paper))) {
					if df[w] <= rare {
						// A paper of year y joins the keys of years y−farApart
						// to y: two papers share a key exactly when at most
						// farApart years apart.
						y := c.Year(int(ref.paper))
						for d := 0; d <= farApart; d++ {
							k := fmt.Sprintf("w\x00%d\x00%d", w, y-d)
							wordLinks[k] = append(wordLinks[k], int32(m))
						}
					}
				}
			}
			if len(authors) <= bigPaper {
				for _, x := range authors {
					if id := c.SourceID(x); id != "" && x != ref.name {
						// A co-author the source identifies (ORCID,
						// OpenAlex, DBLP) is one person wherever it is.
						link("s\x00"+id, m)
						continue
					}
					if r.keys[x] == "" || r.keys[x] == groups[g].key {
						continue
					}
					if parsed[x].Family == family {
						// A co-author of the same family name under other
						// initials ("Y. C. Liu" beside "Y. L. Liu") may be
						// a namesake's colleague too: it links two papers
						// only with another such co-author (below).
						ambiguous[r.keys[x]] = append(ambiguous[r.keys[x]], int32(m))
						continue
					}
					// A full-name homonym ("Wei Zhang") is as ambiguous a
					// co-author as initials: its own papers may be split
					// into several people in this same pass.
					_, amb := groupOf[x]
					if !amb || words >= 2 && letters(parsed[x]) >= 2 {
						if k, one := blocks.one(x); one {
							// Its block is one person: "M. A. Khan" and
							// "M. Asif Khan" (coauthors.go).
							link("b\x00"+k, m)
							continue
						}
					}
					if amb {
						if words >= 2 && letters(parsed[x]) >= 2 {
							// Two names of two initials each on two
							// papers ("D. H. Ha" with "S. N. Yi"): one pair.
							link("c\x00"+r.keys[x], m)
						} else {
							ambiguous[r.keys[x]] = append(ambiguous[r.keys[x]], int32(m))
						}
						continue
					}
					if n := parsed[x]; len(n.Given) > 0 && firstNames[n.Family] <= uncrowded && !frequentSurnames[n.Family] {
						// Under an uncrowded family name, a co-author is
						// known by family name and first initial: "J. S.
						// Speck" and "James S. Speck".
						link("i\x00"+n.Family+"\x00"+string(firstRune(n.Given[0].Text)), m)
						continue
					}
					link("c\x00"+r.keys[x], m)
				}
			}
			if affs := c.Affiliations(int(ref.paper)); affs != nil {
				pos := slices.Index(authors, ref.name)
				for _, a := range affs[pos] {
					if a.ROR != "" {
						link("r\x00"+a.ROR, m)
					}
					if f := names.Fold(a.Name); f != "" {
						link("a\x00"+f, m)
					}
				}
			}
		}
		// Co-authors who are themselves ambiguous names ("T Wang", "J
		// Bai") link two papers only two at a time: one may be another
		// person of that name, two together are one group.
		pairs := make(map[[2]int32]int)
		for _, k := range sortedKeys(ambiguous) {
			list := slices.Compact(ambiguous[k])
			if len(list) > coauthorFan {
				continue
			}
			for x := range list {
				for y := x + 1; y < len(list); y++ {
					if pairs[[2]int32{list[x], list[y]}]++; pairs[[2]int32{list[x], list[y]}] == 2 {
						u.union(list[x], list[y])
					}
				}
			}
		}
		r.linkWords(u, ms, wordLinks)
		parts := make(map[int32][]mentionRef)
		for m, ref := range ms {
			root := u.find(int32(m))
			parts[root] = append(parts[root], ref)
		}
		if len(parts) < 2 {
			continue
		}
		roots := make([]int32, 0, len(parts))
		for root := range parts {
			roots = append(roots, root)
		}
		// Largest group first, then the one whose first paper comes first.
		slices.SortFunc(roots, func(a, b int32) int {
			if d := len(parts[b]) - len(parts[a]); d != 0 {
				return d
			}
			return int(parts[a][0].paper - parts[b][0].paper)
		})
		for _, root := range roots {
			groups[g].parts = append(groups[g].parts, parts[root])
		}
		groups[g].namesakes, groups[g].estimate = model.namesakes(parsed[groups[g].ids[0]])
		if n := parsed[groups[g].ids[0]]; groups[g].namesakes < keyFewNamesakes && !oneInitialFrequent(n) {
			// Other fields count but for two initials or more with very
			// few namesakes (keyVeryFewNamesakes).
			fields := groups[g].namesakes >= keyVeryFewNamesakes || homonymFull(n) || letters(n) < 2
			groups[g].parts, groups[g].joined, groups[g].apart = r.joinFew(groups[g].parts, fields)
		}
	}
	for _, g := range groups {
		if g.joined > 0 && len(g.parts) == 1 {
			// Few namesakes: one person, and its co-author evidence
			// counts as any other name's.
			r.sameKept = append(r.sameKept, g)
			for _, id := range g.ids {
				r.ambiguous[id] = false
			}
		}
		if len(g.parts) < 2 {
			continue
		}
		if r.minor == nil {
			r.minor = make(map[mentionRef]int32)
			r.minorCount = make(map[int32]int)
			r.splitName = make([]bool, len(sp))
		}
		for _, id := range g.ids {
			r.splitName[id] = true
		}
		for _, part := range g.parts[1:] {
			for _, m := range part {
				r.minor[m] = int32(len(r.splits))
				r.minorCount[m.name]++
			}
			r.splits = append(r.splits, extraPerson{group: g, part: part})
		}
		r.splitGroups = append(r.splitGroups, g)
	}
}

// extraPerson is a group of papers of a split key other than its largest.
type extraPerson struct {
	group *splitGroup
	part  []mentionRef
}

// splitWhy explains the split of g.
func (r *resolver) splitWhy(g *splitGroup) string {
	sizes := make([]string, len(g.parts))
	total := 0
	for i, p := range g.parts {
		sizes[i] = fmt.Sprint(len(p))
		total += len(p)
	}
	what := r.sameWhat(g)
	if g.namesakes < keyFewNamesakes {
		return fmt.Sprintf("%q is %d people: %s, and its %d papers fall in groups of %s that share no co-author or affiliation and are set apart by %s (%s; rule 1 kept apart)",
			r.c.Names()[r.best[g.key]], len(g.parts), what, total, strings.Join(sizes, ", "), strings.Join(g.apart, ", "), g.estimate)
	}
	return fmt.Sprintf("%q is %d people: %s, and its %d papers fall in groups of %s that share no co-author or affiliation (%s; rule 1 kept apart)",
		r.c.Names()[r.best[g.key]], len(g.parts), what, total, strings.Join(sizes, ", "), g.estimate)
}

// keptWhy explains why g, a key split.go would have split, is one person.
func (r *resolver) keptWhy(g *splitGroup) string {
	return fmt.Sprintf("%q is one person although written with %s: %s, below %.2f, and nothing sets its %d groups of papers apart (no other places, other fields, years far apart nor large collaboration; rule 1)",
		r.c.Names()[r.best[g.key]], r.sameWhat(g), g.estimate, keyFewNamesakes, g.joined+1)
}

// sameWhat says why g's key is decided per mention.
func (r *resolver) sameWhat(g *splitGroup) string {
	if homonymFull(r.parsed[r.best[g.key]]) {
		return "a one-syllable given name under a frequent surname"
	}
	return "initials only under a frequent or crowded family name"
}

// linkWords joins the groups of mentions that share a rare title word
// within farApart years, after co-authors and affiliations have made the
// groups, unless the groups' affiliations name other places: one rare
// word is thin evidence beside "Shanghai Jiao Tong Univ" on one side and
// "Shihezi Univ" on the other ("Jun Li" of pancreatic-cancer segmentation
// and "Jun Li" of breast ultrasound, whose titles share "meta" in
// meta-learning and meta-analysis: two ORCIDs, xzy11239).
func (r *resolver) linkWords(u unionFind, ms []mentionRef, wordLinks map[string][]int32) {
	if len(wordLinks) == 0 {
		return
	}
	members := make(map[int32][]mentionRef)
	for m, ref := range ms {
		root := u.find(int32(m))
		members[root] = append(members[root], ref)
	}
	traits := make(map[int32]partTraits)
	traitsOf := func(root int32) partTraits {
		t, ok := traits[root]
		if !ok {
			t = r.traitsOf(members[root])
			traits[root] = t
		}
		return t
	}
	for _, k := range sortedKeys(wordLinks) {
		list := wordLinks[k]
		for i, m := range list {
			for _, o := range list[:i] {
				a, b := u.find(o), u.find(m)
				if a == b {
					continue
				}
				ta, tb := traitsOf(a), traitsOf(b)
				if len(ta.places) > 0 && len(tb.places) > 0 && !placeKeysMeet(ta.places, tb.places) {
					continue
				}
				root, gone := u.union(a, b)
				members[root] = append(members[root], members[gone]...)
				delete(members, gone)
				delete(traits, root)
				delete(traits, gone)
			}
		}
	}
}
