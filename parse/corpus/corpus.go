// Package corpus keeps the papers of one run in compact form and drops
// the papers given twice.
package corpus

import (
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"strconv"
	"unicode/utf8"

	"coauthor/parse"
	"coauthor/parse/internal/text"
	"coauthor/parse/names"
)

// Corpus holds the papers of one run in compact form for identity
// resolution and graph building: author strings are interned to name ids,
// and a paper given twice (same folded title and year, as when two files
// hold it) is kept once. Titles live in one byte arena, so a corpus of
// millions of papers costs the garbage collector little.
type Corpus struct {
	names      []string
	nameCount  []int32  // papers listing each name
	ids        []string // source id of each name ("" for none); nil until one is seen
	venues     []string // distinct venues; venue 0 is none
	venueOf    []int32  // paper → venue
	venueIndex map[string]int32
	titles     []byte // all titles, one after another
	titleOff   []int  // paper i's title: titles[titleOff[i]:titleOff[i+1]]
	years      []int32
	authorOff  []int // paper i's name ids: authorIDs[authorOff[i]:authorOff[i+1]]
	authorIDs  []int32
	duplicates int
	dupExample string        // the title and year of one paper dropped as a repeat
	meta       []*parse.Meta // paper → what else the source tells of it; nil until a paper has some
	etAl       int

	// Lookups for Add, dropped by Compact and rebuilt if Add is called again.
	index map[[2]uint64]int32 // 128-bit hash of (name, source id) → name id
	seeds [2]maphash.Seed
	seen  map[[16]byte][]int32 // hashes of folded title and year → the papers with them
	fold  []byte               // scratch: a folded title
}

// New returns an empty corpus.
func New() *Corpus {
	return &Corpus{index: make(map[[2]uint64]int32), seen: make(map[[16]byte][]int32), authorOff: []int{0}, titleOff: []int{0},
		seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}
}

// Add adds p and reports whether it was kept; false means p repeats a paper
// already added, or has no authors. An author listed twice on p counts once.
func (c *Corpus) Add(p *parse.Paper) bool {
	if len(p.Authors) == 0 {
		return false
	}
	if c.index == nil {
		c.rebuild()
	}
	var key [16]byte
	if p.Title != "" {
		if p.Key != nil {
			key = *p.Key
		} else {
			key = paperKey(&c.fold, p.Title, p.Year)
		}
		for _, i := range c.seen[key] {
			if c.sameWork(int(i), p) {
				c.duplicates++
				if c.dupExample == "" {
					c.dupExample = fmt.Sprintf("%q (%d)", p.Title, p.Year)
					if p.Year == 0 {
						c.dupExample = fmt.Sprintf("%q (no year)", p.Title)
					}
				}
				return false
			}
		}
	}
	start := len(c.authorIDs)
	for i, a := range p.Authors {
		a = text.CollapseSpace(a)
		if a == "" {
			continue
		}
		source := ""
		if i < len(p.IDs) {
			source = p.IDs[i]
		}
		id := c.intern(a, source)
		if !containsID(c.authorIDs[start:], id) {
			c.authorIDs = append(c.authorIDs, id)
			c.nameCount[id]++
		}
	}
	if len(c.authorIDs) == start {
		return false
	}
	if p.EtAl {
		c.etAl++
	}
	c.titles = append(c.titles, p.Title...)
	c.titleOff = append(c.titleOff, len(c.titles))
	c.venueOf = append(c.venueOf, c.venue(p.Venue))
	if !p.Meta.Empty() {
		if c.meta == nil {
			c.meta = make([]*parse.Meta, c.Len(), cap(c.years))
		}
		c.meta = append(c.meta, p.Meta)
	} else if c.meta != nil {
		c.meta = append(c.meta, nil)
	}
	c.years = append(c.years, int32(p.Year))
	c.authorOff = append(c.authorOff, len(c.authorIDs))
	if p.Title != "" {
		c.seen[key] = append(c.seen[key], int32(c.Len()-1))
	}
	return true
}

// PaperKey returns the hash under which the corpus finds a repeat of p
// (its folded title and year), for Paper.Key; nil when p has no title.
func PaperKey(p *parse.Paper) *[16]byte {
	if p.Title == "" {
		return nil
	}
	k := paperKey(nil, p.Title, p.Year)
	return &k
}

// sameWork reports whether p, whose folded title and year are paper i's,
// is paper i given again: no identifier of the work differs and the two
// author lists share someone (by family name and first initial, as one
// paper's authors may be written in full or with initials). "Reviews"
// (1934) by two
// different authors, or an article and a same-titled thesis by different
// people, are two works.
func (c *Corpus) sameWork(i int, p *parse.Paper) bool {
	if idsDiffer(c.Meta(i), p.Meta) {
		return false
	}
	for _, a := range p.Authors {
		k := initialKey(a)
		for _, id := range c.Authors(i) {
			if initialKey(c.names[id]) == k {
				return true
			}
		}
	}
	return false
}

// idsDiffer reports whether a and b have an id of one kind with different
// values.
func idsDiffer(a, b *parse.Meta) bool {
	if a == nil || b == nil {
		return false
	}
	for _, x := range a.IDs {
		if y := b.ID(x.Kind); y != "" && y != x.Value {
			return true
		}
	}
	return false
}

// initialKey is a name's family name and first initial.
func initialKey(name string) string {
	n := names.Parse(name)
	if len(n.Given) == 0 {
		return n.Family
	}
	r, _ := utf8.DecodeRuneInString(n.Given[0].Text)
	return n.Family + " " + string(r)
}

// paperKey hashes a paper's folded title and year; scratch, when not
// nil, is reused for the folded title.
func paperKey(scratch *[]byte, title string, year int) [16]byte {
	h := fnv.New128a()
	var buf []byte
	if scratch != nil {
		buf = (*scratch)[:0]
	}
	buf = names.AppendFold(buf, title)
	if scratch != nil {
		*scratch = buf
	}
	h.Write(buf)
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(year)))
	var key [16]byte
	h.Sum(key[:0])
	return key
}

// intern returns the name id of a spelling with a source id (or "").
// The index holds a 128-bit hash of the two rather than the strings: its
// entries are small and hold no pointers, so millions of them cost the
// collector nothing, and two different keys share a hash with a
// probability near 1e-26 for DBLP's 3.6 million names.
func (c *Corpus) intern(name, source string) int32 {
	key := c.nameKey(name, source)
	if id, ok := c.index[key]; ok {
		return id
	}
	id := int32(len(c.names))
	c.index[key] = id
	c.names = append(c.names, name)
	c.nameCount = append(c.nameCount, 0)
	if source != "" && c.ids == nil {
		c.ids = make([]string, len(c.names)-1, cap(c.names))
	}
	if c.ids != nil {
		c.ids = append(c.ids, source)
	}
	return id
}

func (c *Corpus) nameKey(name, source string) [2]uint64 {
	var key [2]uint64
	for i, seed := range c.seeds {
		var h maphash.Hash
		h.SetSeed(seed)
		h.WriteString(name)
		h.WriteByte(0)
		h.WriteString(source)
		key[i] = h.Sum64()
	}
	return key
}

// Compact drops the lookups Add needs, about a third of a large corpus's
// memory, once all papers are in. A later Add rebuilds them.
func (c *Corpus) Compact() { c.index, c.seen = nil, nil }

// rebuild restores the lookups Compact dropped.
func (c *Corpus) rebuild() {
	c.index = make(map[[2]uint64]int32, len(c.names))
	for id, name := range c.names {
		c.index[c.nameKey(name, c.SourceID(int32(id)))] = int32(id)
	}
	c.seen = make(map[[16]byte][]int32, c.Len())
	for i := 0; i < c.Len(); i++ {
		if t := c.Title(i); t != "" {
			k := paperKey(&c.fold, t, c.Year(i))
			c.seen[k] = append(c.seen[k], int32(i))
		}
	}
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// Len returns the number of papers kept.
func (c *Corpus) Len() int { return len(c.years) }

// venue returns the id of venue v, interning it.
func (c *Corpus) venue(v string) int32 {
	if v == "" {
		return 0
	}
	if c.venueIndex == nil {
		c.venueIndex = map[string]int32{}
		c.venues = []string{""}
	}
	id, ok := c.venueIndex[v]
	if !ok {
		id = int32(len(c.venues))
		c.venueIndex[v] = id
		c.venues = append(c.venues, v)
	}
	return id
}

// Venue returns paper i's venue, "" when unknown.
func (c *Corpus) Venue(i int) string {
	if c.venues == nil {
		return ""
	}
	return c.venues[c.venueOf[i]]
}

// Meta returns what else the source told of paper i (ids, type, link,
// keywords, citations, affiliations per author position), nil when
// nothing. Its Affiliations parallel the authors as the source listed
// them (Paper.Authors), not Authors(i), which drops names given twice
// and empty ones. Do not modify it.
func (c *Corpus) Meta(i int) *parse.Meta {
	if c.meta == nil {
		return nil
	}
	return c.meta[i]
}

// Title returns paper i's title.
func (c *Corpus) Title(i int) string { return string(c.titles[c.titleOff[i]:c.titleOff[i+1]]) }

// Year returns paper i's year, 0 when unknown.
func (c *Corpus) Year(i int) int { return int(c.years[i]) }

// Authors returns paper i's name ids in the order given. The slice is
// shared; do not modify it.
func (c *Corpus) Authors(i int) []int32 { return c.authorIDs[c.authorOff[i]:c.authorOff[i+1]] }

// Names returns the distinct author strings, indexed by name id.
func (c *Corpus) Names() []string { return c.names }

// SourceID returns the identity the source gave name id ("" for none),
// such as a DBLP homonym number or an OpenAlex author id.
func (c *Corpus) SourceID(id int32) string {
	if c.ids == nil {
		return ""
	}
	return c.ids[id]
}

// EtAl returns how many kept papers list only some of their authors.
func (c *Corpus) EtAl() int { return c.etAl }

// NameCount returns how many papers list name id.
func (c *Corpus) NameCount(id int32) int { return int(c.nameCount[id]) }

// DuplicateExample returns the title and year of one paper dropped as a
// repeat, "" for none.
func (c *Corpus) DuplicateExample() string { return c.dupExample }

// Duplicates returns how many papers were dropped as repeats.
func (c *Corpus) Duplicates() int { return c.duplicates }
