package identity

import (
	"fmt"
	"slices"
	"strings"

	"coauthor/parse/names"
)

// linkORCID joins a spelling without an id to the person of the same
// folded name that carries an ORCID iD on other records, when exactly one
// ORCID has that name and their papers agree: a co-author in common
// (outside the family name, by folded name) or an affiliation in common.
// Two ORCIDs with the name, or no evidence, leave them apart, in
// KeptApart with the reason.
func (r *resolver) linkORCID() {
	c := r.c
	sp := c.Names()
	orcids := make(map[string][]int32) // folded key → spellings with an ORCID
	for i, s := range sp {
		if id := c.SourceID(int32(i)); strings.HasPrefix(id, "orcid:") {
			k := names.Key(s)
			orcids[k] = append(orcids[k], int32(i))
		}
	}
	if len(orcids) == 0 {
		return
	}
	var bare []int32 // spellings without id whose key has an ORCID
	for i := range sp {
		if k := r.keys[i]; k != "" && !r.fixed[i] && (r.splitName == nil || !r.splitName[i]) && orcids[k] != nil {
			bare = append(bare, int32(i))
		}
	}
	if len(bare) == 0 {
		return
	}
	want := make(map[int32]bool)
	for _, b := range bare {
		want[b] = true
		for _, o := range orcids[r.keys[b]] {
			want[o] = true
		}
	}
	type place struct{ coauthors, affs map[string]bool }
	places := make(map[int32]*place)
	for p := 0; p < c.Len(); p++ {
		authors := c.Authors(p)
		affs := c.Affiliations(p)
		for pos, a := range authors {
			if !want[a] {
				continue
			}
			pl := places[a]
			if pl == nil {
				pl = &place{map[string]bool{}, map[string]bool{}}
				places[a] = pl
			}
			family := names.Parse(sp[a]).Family
			for _, x := range authors {
				if x != a && len(authors) <= team && names.Parse(sp[x]).Family != family {
					pl.coauthors[names.Key(sp[x])] = true
				}
			}
			if affs != nil {
				for _, af := range affs[pos] {
					if af.ROR != "" {
						pl.affs["ror "+af.ROR] = true
					}
					if f := names.Fold(af.Name); f != "" {
						pl.affs[f] = true
					}
				}
			}
		}
	}
	shared := func(a, b map[string]bool) []string {
		var out []string
		for k := range a {
			if b[k] {
				out = append(out, k)
			}
		}
		slices.Sort(out)
		return out
	}
	for _, b := range bare {
		withID := orcids[r.keys[b]]
		ids := make(map[string]bool)
		for _, o := range withID {
			ids[c.SourceID(o)] = true
		}
		if len(ids) > 1 {
			r.kept = append(r.kept, KeptApart{Names: []string{sp[b], sp[withID[0]]}, Match: "the same names", strength: strong,
				Why: fmt.Sprintf("%d ORCID iDs carry the name %q: which one %q is, is not known", len(ids), sp[withID[0]], sp[b])})
			continue
		}
		pb := places[b]
		var co, af []string
		for _, o := range withID {
			if po := places[o]; po != nil && pb != nil {
				co = append(co, shared(pb.coauthors, po.coauthors)...)
				af = append(af, shared(pb.affs, po.affs)...)
			}
		}
		if len(co) == 0 && len(af) == 0 {
			r.kept = append(r.kept, KeptApart{Names: []string{sp[b], sp[withID[0]]}, Match: "the same names", strength: strong,
				Why: fmt.Sprintf("%q has ORCID %s on other papers, but they share no co-author or affiliation with these", sp[withID[0]], c.SourceID(withID[0]))})
			continue
		}
		r.union(b, withID[0])
		ev := ""
		if len(co) > 0 {
			ev = fmt.Sprintf("co-author %s", co[0])
		} else {
			ev = fmt.Sprintf("affiliation %s", af[0])
		}
		r.reasons = append(r.reasons, reason{name: b, text: fmt.Sprintf("%q = %q: the same name without an id, and ORCID %s on the other's papers; shared %s (%d co-authors, %d affiliations in common)",
			sp[b], sp[withID[0]], c.SourceID(withID[0]), ev, len(co), len(af))})
	}
}
