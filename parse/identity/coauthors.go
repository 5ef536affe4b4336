package identity

import (
	"fmt"
	"slices"

	"coauthor/parse/names"
)

// Co-authors written two ways. Evidence counts a co-author shared by two
// spellings' papers; written as each paper writes it, "M. Asif Khan" on
// one and "M. A. Khan" on the other was not shared (the hand check's J. W.
// Yang of the Khan group, split in two). Under an uncrowded family name a
// co-author was already known by family name and first initial. Now, under
// any family name, two compatible spellings of a co-author are one when
// the spellings of their block (the spellings of the corpus with that
// family name and that first initial) compatible with either are
// compatible with each other: one person ("M. Asif Khan" and "M. A. Khan"
// beside "Mohammad Rezaul Huque Khan"; not "M. Khan" and "M. A. Khan"
// when "M. B. Khan" is there too).
// Initials alone under a frequent surname ("A. Banerjee") stay what they
// were: no evidence on their own, evidence two at a time (split.go).

// blockIndex finds the blocks of family name and first initial that hold
// one person.
type blockIndex struct {
	parsed []names.Name
	ids    map[string][]int32 // block → its spellings
	memo   map[int32]string   // spelling → its person key, "" for none
}

// newBlockIndex indexes the spellings ids, parsed as parsed gives them.
func newBlockIndex(parsed []names.Name, ids func(yield func(int32) bool)) *blockIndex {
	b := &blockIndex{parsed: parsed, ids: make(map[string][]int32), memo: make(map[int32]string)}
	for id := range ids {
		if k := blockKey(parsed[id]); k != "" {
			b.ids[k] = append(b.ids[k], id)
		}
	}
	return b
}

// blockKey is the family name and first initial of n, "" when n has no
// given name or no family name.
func blockKey(n names.Name) string {
	if n.Family == "" || len(n.Given) == 0 {
		return ""
	}
	return n.Family + "\x00" + string(firstRune(n.Given[0].Text))
}

// one returns the person key of spelling x and whether it has one: when
// the spellings of its block compatible with x are compatible with each
// other, they are one person, keyed by the block and their ids. "M.
// Asif Khan" and "M. A. Khan" have one key beside "Mohammad Rezaul Huque
// Khan" (compatible with neither); "M. Khan" has none beside "M. A. Khan"
// and "M. B. Khan"; those two have keys, not one.
func (b *blockIndex) one(x int32) (string, bool) {
	k := blockKey(b.parsed[x])
	if k == "" {
		return "", false
	}
	if v, ok := b.memo[x]; ok {
		return v, v != ""
	}
	ids := b.ids[k]
	var fit []int32
	ok := len(ids) <= blockLimit
	for _, z := range ids {
		if ok && (z == x || compatible(b.parsed[x], b.parsed[z]).strength != none) {
			fit = append(fit, z)
		}
	}
	for i := 0; ok && i < len(fit); i++ {
		for j := i + 1; ok && j < len(fit); j++ {
			ok = compatible(b.parsed[fit[i]], b.parsed[fit[j]]).strength != none
		}
	}
	key := ""
	if ok && len(fit) > 0 {
		// Keyed by all of them, not the smallest alone: "M. A. Khan"
		// and "M. B. Khan" each fit "M. Khan" only, and are two.
		slices.Sort(fit)
		key = fmt.Sprint(k, "\x00", fit)
	}
	b.memo[x] = key
	return key, key != ""
}

// blockLimit is the number of spellings of a block above which it is not
// taken for one person.
const blockLimit = 50

// sameCoauthor reports whether co-author spellings x and y are one
// person by their block: they have one person key.
func (b *blockIndex) sameCoauthor(x, y int32) bool {
	kx, ok := b.one(x)
	ky, _ := b.one(y)
	return ok && kx == ky
}

// coBlocks returns the blocks of the spellings the rules compare, built
// once.
func (e *evidence) coBlocks() *blockIndex {
	if e.blocks == nil {
		e.blocks = newBlockIndex(e.parsed, func(yield func(int32) bool) {
			for _, s := range e.spells {
				if !yield(s.id) {
					return
				}
			}
		})
	}
	return e.blocks
}
