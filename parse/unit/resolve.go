package unit

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"coauthor/parse/country"
	"coauthor/parse/names"
)

// group is a set of spellings becoming one unit.
type group struct {
	key     string // "ror:…", "thesaurus:…", "name:folded|country", "country:XX"
	ror     string
	name    string // a thesaurus's canonical name
	spells  []int32
	reasons []string
	fixed   bool // listed in the thesaurus: no rule merges it
	merged  bool // merged into groups[parent]
	parent  int
}

// item is one spelling of a group under a rule's key.
type item struct {
	key   string
	spell int32
	group int
}

// rootOf follows merged groups to the group holding them.
func rootOf(groups []*group, i int) int {
	for groups[i].merged {
		i = groups[i].parent
	}
	return i
}

// resolve groups the spellings into units, fills u.Units (sorted by
// name) and returns each spelling's unit id.
func (p *projector) resolve(u *Units) []int32 {
	var groups []*group
	byKey := map[string]int{}
	of := make([]int, len(p.spells)) // spelling → group
	for s, sp := range p.spells {
		key, g := p.groupKey(sp)
		i, ok := byKey[key]
		if !ok {
			i = len(groups)
			byKey[key] = i
			groups = append(groups, g)
		} else {
			groups[i].reasons = append(groups[i].reasons, g.reasons...)
		}
		groups[i].spells = append(groups[i].spells, int32(s))
		of[s] = i
	}
	if p.kind == Institution {
		p.merge(groups)
	}
	type built struct {
		unit  Unit
		group int
	}
	var units []built
	for i, g := range groups {
		if g.merged {
			continue
		}
		units = append(units, built{p.unit(g), i})
	}
	// Names unique: a clash shows the country, then the id, then a number.
	for pass := 0; pass < 3; pass++ {
		count := map[string]int{}
		for _, b := range units {
			count[b.unit.Name]++
		}
		seen := map[string]int{}
		for i := range units {
			x := &units[i].unit
			if count[x.Name] < 2 {
				continue
			}
			seen[x.Name]++
			switch {
			case pass == 0 && x.Country != "":
				x.Name += " (" + x.Country + ")"
			case pass == 1 && x.ID != "":
				x.Name += " (" + x.ID + ")"
			case pass == 2:
				x.Name += fmt.Sprintf(" (%d)", seen[x.Name])
			}
		}
	}
	slices.SortFunc(units, func(a, b built) int {
		return cmp.Or(strings.Compare(a.unit.Name, b.unit.Name), strings.Compare(a.unit.ID, b.unit.ID), a.group-b.group)
	})
	unitOfGroup := make([]int32, len(groups))
	u.Units = make([]Unit, len(units))
	for id, b := range units {
		u.Units[id] = b.unit
		unitOfGroup[b.group] = int32(id)
	}
	out := make([]int32, len(p.spells))
	for s := range out {
		out[s] = unitOfGroup[rootOf(groups, of[s])]
	}
	return out
}

// groupKey is the group a spelling starts in.
func (p *projector) groupKey(sp spelling) (string, *group) {
	if p.kind == Country {
		return "country:" + sp.country, &group{key: "country:" + sp.country}
	}
	if t := p.opt.Thesaurus; t != nil {
		k := names.Key(sp.text)
		if canonical, line, ok := t.Canonical(k); ok {
			key := "thesaurus:" + folded(canonical)
			return key, &group{key: key, name: canonical, fixed: true,
				reasons: []string{fmt.Sprintf("%q = %q: thesaurus %s:%d", sp.text, canonical, t.File, line)}}
		}
		if t.Lists(k) {
			key := "thesaurus:" + folded(sp.text)
			return key, &group{key: key, name: sp.text, fixed: true}
		}
	}
	if sp.ror != "" {
		return "ror:" + sp.ror, &group{key: "ror:" + sp.ror, ror: sp.ror}
	}
	key := "name:" + folded(sp.text) + "|" + sp.country
	return key, &group{key: key}
}

// merge applies the merge rules to institution groups, in order: the
// same folded form and country; the same folded form, one country
// unknown, one candidate; the same expanded form (abbreviations written
// out) in one known country. A bucket whose groups carry two ROR ids is
// left apart.
func (p *projector) merge(groups []*group) {
	find := func(i int) int { return rootOf(groups, i) }
	rule := func(keyOf func(sp spelling) string, why func(a, b spelling) string, onlyUnknown bool) {
		var items []item
		for gi, g := range groups {
			if g.merged || g.fixed {
				continue
			}
			for _, s := range g.spells {
				if k := keyOf(p.spells[s]); k != "" {
					items = append(items, item{k, s, gi})
				}
			}
		}
		slices.SortFunc(items, func(a, b item) int { return cmp.Or(strings.Compare(a.key, b.key), int(a.spell-b.spell)) })
		for start := 0; start < len(items); {
			end := start + 1
			for end < len(items) && items[end].key == items[start].key {
				end++
			}
			bucket := items[start:end]
			start = end
			if onlyUnknown {
				p.mergeUnknown(groups, bucket, find, why)
				continue
			}
			rors := map[string]bool{}
			roots := []int{}
			for _, b := range bucket {
				r := find(b.group)
				if !slices.Contains(roots, r) {
					roots = append(roots, r)
				}
				if groups[r].ror != "" {
					rors[groups[r].ror] = true
				}
			}
			if len(roots) < 2 || len(rors) > 1 {
				continue
			}
			// Into the ROR group if any, else the first.
			into := roots[0]
			for _, r := range roots {
				if groups[r].ror != "" {
					into = r
				}
			}
			for _, r := range roots {
				if r == into {
					continue
				}
				a := p.spells[firstIn(bucket, r, find)]
				b := p.spells[firstIn(bucket, into, find)]
				mergeInto(groups, r, into, why(a, b))
			}
		}
	}
	rule(func(sp spelling) string {
		if sp.country == "" {
			return ""
		}
		return folded(sp.text) + "|" + sp.country
	}, func(a, b spelling) string {
		return fmt.Sprintf("%q = %q: the same folded form, both in %s", a.text, b.text, country.Name(a.country))
	}, false)
	rule(func(sp spelling) string { return folded(sp.text) }, func(a, b spelling) string {
		return fmt.Sprintf("%q (no country) = %q (%s): the same folded form, the only one with a country", a.text, b.text, country.Name(b.country))
	}, true)
	rule(func(sp spelling) string {
		if sp.country == "" {
			return ""
		}
		return expanded(sp.text) + "|" + sp.country
	}, func(a, b spelling) string {
		return fmt.Sprintf("%q = %q: the same with Web of Science abbreviations written out, both in %s", a.text, b.text, country.Name(a.country))
	}, false)
}

// mergeUnknown merges the groups of spellings without a country in a
// bucket of one folded form into the one group there with a known
// country, when there is exactly one.
func (p *projector) mergeUnknown(groups []*group, bucket []item, find func(int) int, why func(a, b spelling) string) {
	known := -1
	var knownSpell int32
	for _, b := range bucket {
		if p.spells[b.spell].country == "" {
			continue
		}
		r := find(b.group)
		if known >= 0 && r != known {
			return // two candidates
		}
		known, knownSpell = r, b.spell
	}
	if known < 0 {
		return
	}
	want := p.spells[knownSpell].country
	for _, b := range bucket {
		if r := find(b.group); p.spells[b.spell].country == "" && r != known && (groups[r].ror == "" || groups[known].ror == "") && p.onlyIn(groups[r], want) {
			mergeInto(groups, r, known, why(p.spells[b.spell], p.spells[knownSpell]))
		}
	}
}

// onlyIn reports whether every spelling of g with a country has country c.
func (p *projector) onlyIn(g *group, c string) bool {
	for _, s := range g.spells {
		if x := p.spells[s].country; x != "" && x != c {
			return false
		}
	}
	return true
}

// firstIn returns the first spelling of the bucket whose group's root is r.
func firstIn(bucket []item, r int, find func(int) int) int32 {
	for _, b := range bucket {
		if find(b.group) == r {
			return b.spell
		}
	}
	return -1
}

// mergeInto moves group from's spellings and reasons into group into and
// marks from as merged.
func mergeInto(groups []*group, from, into int, why string) {
	f, t := groups[from], groups[into]
	t.spells = append(t.spells, f.spells...)
	t.reasons = append(append(t.reasons, f.reasons...), why)
	if t.ror == "" {
		t.ror = f.ror
	}
	f.merged, f.parent, f.spells, f.reasons = true, into, nil, nil
}

// unit makes the unit of a group.
func (p *projector) unit(g *group) Unit {
	if p.kind == Country {
		c := p.spells[g.spells[0]].country
		return Unit{Name: country.Name(c), ID: c}
	}
	u := Unit{ID: g.ror, Reasons: g.reasons}
	byText := map[string]int{}
	countries := map[string]int{}
	rorName := map[string]int{}
	u.Acronym = true
	for _, s := range g.spells {
		sp := p.spells[s]
		u.Acronym = u.Acronym && sp.why == acronymWhy
		byText[sp.text] += sp.count
		if sp.country != "" {
			countries[sp.country] += sp.count
		}
		if sp.ror != "" {
			rorName[sp.text] += sp.count
		}
	}
	for t, n := range byText {
		u.Variants = append(u.Variants, Count{t, n})
	}
	sortVariants(u.Variants)
	u.Name = u.Variants[0].Text
	if len(rorName) > 0 {
		var rs []Count
		for t, n := range rorName {
			rs = append(rs, Count{t, n})
		}
		sortVariants(rs)
		u.Name = rs[0].Text
	}
	if g.name != "" {
		u.Name = g.name
	}
	var cs []Count
	for c, n := range countries {
		cs = append(cs, Count{c, n})
	}
	sortCounts(cs)
	if len(cs) > 0 {
		u.Country = cs[0].Text
	}
	return u
}

// sortVariants orders spellings by count, then the longer (the written-out
// "University of Basel" before "Univ Basel"), then by text.
func sortVariants(cs []Count) {
	slices.SortFunc(cs, func(a, b Count) int {
		return cmp.Or(b.Count-a.Count, len(b.Text)-len(a.Text), strings.Compare(a.Text, b.Text))
	})
}
