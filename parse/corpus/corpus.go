// Package corpus keeps the papers of one run in compact form and drops
// the papers given twice.
package corpus

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"slices"
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
	// KeepRepeats, set before the first Add, keeps every record with
	// authors as a paper of its own: no repeat is looked for or dropped.
	KeepRepeats bool

	names      []string
	nameCount  []int32  // papers listing each name, once Compact moved the counts from index
	ids        []string // source id of each name ("" for none); nil until one is seen
	venues     []string // distinct venues; venue 0 is none
	venueOf    []int32  // paper → venue
	venueIndex map[string]int32
	titles     []byte // all titles, one after another
	titleOff   []int  // paper i's title: titles[titleOff[i]:titleOff[i+1]]
	years      []int32
	authorOff  []int // paper i's name ids: authorIDs[authorOff[i]:authorOff[i+1]]
	authorIDs  []int32
	lines      []int32  // paper → line (or record number) in its source, 0 unknown
	sources    []string // names of the sources, in order (Source)
	sourceAt   []int32  // first paper of each source
	duplicates int
	dupExample string // the dropped and the kept record of one repeat
	// Each paper's Meta, encoded (meta.go) in chunks of about a megabyte
	// (no copying as the corpus grows): metaAt[i] is 0 for none, else
	// chunk+1 in its high 32 bits and the offset of the encoding, after
	// its uvarint length, in the low; metaMoved[i] once a repeat added to
	// it. metaAt is nil until a paper has some.
	metaChunks [][]byte
	metaAt     []uint64
	metaMoved  map[int32][]byte
	metaTmp    []byte // scratch: one paper's encoding
	// positions maps a paper whose source list had an empty or repeated
	// author, and affiliations, to the index in Authors(i) of each source
	// position (-1 for an empty name); other papers map position k to k.
	positions map[int32][]int32
	etAl      int
	// etAlAt holds the kept papers whose source listed only some of
	// their authors; authorsMoved the author list of a kept paper that a
	// repeat listed more fully (longerRepeat), in place of its own.
	etAlAt       map[int32]bool
	authorsMoved map[int32][]int32

	// Lookups for Add, dropped by Compact and rebuilt if Add is called again.
	index  *nameTable // 128-bit hash of (name, source id) → name id and paper count
	seeds  [2]maphash.Seed
	seen   map[[16]byte][]int32 // hashes of folded title and year → the papers with them
	workID *idTable             // hash of a work id (kind and value) → the first paper with it
	// moreID holds the later papers with a work id already in workID
	// (kept apart by another id, or by sharing no author).
	moreID  map[uint64][]int32
	fold    []byte      // scratch: a folded title
	keys    [][2]uint64 // scratch: the name keys of one paper's authors
	spelled []string    // scratch: its authors, white space collapsed
	// idKind is the kind of id under which papers are filed in workID:
	// while every paper with ids has one of a kind (a DBLP key, say),
	// that id alone finds every paper a record may repeat, since papers
	// whose ids of that kind differ are two works; allKinds once a paper
	// with ids lacks it; "" before any paper has ids.
	idKind string
	// titlesAll is set once every paper with a title is filed in seen.
	// Before, papers with ids are not: while every paper with ids has one
	// of kind idKind, two of them always have a kind of id in common, so
	// the title rule never joins them, and only papers without ids need
	// finding by title. A paper without ids (which any paper of its title
	// may repeat), or one with ids but none of kind idKind, files them all.
	titlesAll bool
}

// allKinds is idKind when papers are filed under ids of every kind.
const allKinds = "*"

// New returns an empty corpus.
func New() *Corpus {
	c := &Corpus{authorOff: []int{0}, titleOff: []int{0}, seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}
	c.rebuild()
	return c
}

// Add adds p and reports whether it was kept; false means p repeats a paper
// already added (an id of one kind in common and none differing, or the
// same title and year with no id of one kind in both; and a shared
// author), or has no authors. An author listed twice
// on p counts once. What p's Meta gives that the paper it repeats lacks
// (an id of another kind, a link, citations, ...) is added to that
// paper's.
func (c *Corpus) Add(p *parse.Paper) bool {
	if len(p.Authors) == 0 {
		return false
	}
	if c.index == nil {
		c.rebuild()
	}
	var ids []parse.WorkID
	if p.Meta != nil {
		ids = p.Meta.IDs
	}
	// The slots the lookups below will read, first read together.
	c.keys, c.spelled = c.keys[:0], c.spelled[:0]
	for i, a := range p.Authors {
		source := ""
		if i < len(p.IDs) {
			source = p.IDs[i]
		}
		a = text.CollapseSpace(a)
		c.keys = append(c.keys, c.nameKey(a, source))
		c.spelled = append(c.spelled, a)
	}
	c.index.touch(c.keys)
	if len(ids) > 0 && c.idKind != "" && c.idKind != allKinds && ids[0].Kind == c.idKind {
		c.index.sink += c.workID.touch(c.idKey(ids[0]))
	}
	var key titleKey
	if !c.KeepRepeats {
		if j := c.repeatOf(p, ids, &key); j >= 0 {
			c.dropRepeat(j, p)
			return false
		}
	}
	start := len(c.authorIDs)
	for i, a := range c.spelled {
		if a == "" {
			continue
		}
		source := ""
		if i < len(p.IDs) {
			source = p.IDs[i]
		}
		slot := c.intern(a, source, c.keys[i])
		if id := slot.id - 1; !containsID(c.authorIDs[start:], id) {
			c.authorIDs = append(c.authorIDs, id)
			slot.count++
		}
	}
	if len(c.authorIDs) == start {
		return false
	}
	if p.Meta != nil && len(p.Meta.Affiliations) > 0 && len(c.authorIDs)-start != len(p.Authors) {
		c.keepPositions(p, c.authorIDs[start:])
	}
	if p.EtAl {
		c.etAl++
		if c.etAlAt == nil {
			c.etAlAt = map[int32]bool{}
		}
		c.etAlAt[int32(c.Len())] = true
	}
	c.titles = append(c.titles, p.Title...)
	c.titleOff = append(c.titleOff, len(c.titles))
	c.venueOf = append(c.venueOf, c.venue(p.Venue))
	if !p.Meta.Empty() {
		if c.metaAt == nil {
			c.metaAt = make([]uint64, c.Len(), cap(c.years))
		}
		c.metaAt = append(c.metaAt, c.putMeta(p.Meta))
	} else if c.metaAt != nil {
		c.metaAt = append(c.metaAt, 0)
	}
	c.years = append(c.years, int32(p.Year))
	c.lines = append(c.lines, int32(min(p.Line, 1<<31-1)))
	c.authorOff = append(c.authorOff, len(c.authorIDs))
	if !c.KeepRepeats {
		i := int32(c.Len() - 1)
		if p.Title != "" && (len(ids) == 0 || c.titlesAll) {
			k := key.of(c, p)
			c.seen[k] = append(c.seen[k], i)
		}
		c.indexIDs(i, ids)
	}
	return true
}

// Source says that the papers added from now on come from the source
// called name, for the messages that name a paper's file and line.
func (c *Corpus) Source(name string) {
	c.sources = append(c.sources, name)
	c.sourceAt = append(c.sourceAt, int32(c.Len()))
}

// Where returns where paper i was read: "file:line", "file", "line N",
// or "" when unknown.
func (c *Corpus) Where(i int) string {
	file := ""
	if k, found := slices.BinarySearch(c.sourceAt, int32(i)); found {
		for k+1 < len(c.sourceAt) && c.sourceAt[k+1] == int32(i) {
			k++ // sources that gave no paper
		}
		file = c.sources[k]
	} else if k > 0 {
		file = c.sources[k-1]
	}
	return where(file, int(c.lines[i]))
}

func where(file string, line int) string {
	switch {
	case file != "" && line > 0:
		return file + ":" + strconv.Itoa(line)
	case line > 0:
		return "line " + strconv.Itoa(line)
	}
	return file
}

// Relation is how the ids of two records of works bear on their being
// one work.
type Relation int

const (
	// NoCommonKind: neither has an id of a kind the other has.
	NoCommonKind Relation = iota
	// SameID: an id of one kind is the same, and none differs.
	SameID
	// DifferentID: an id of one kind differs: two works.
	DifferentID
)

// Relate tells how the ids a and b bear on two records being one work.
func Relate(a, b []parse.WorkID) Relation {
	r := NoCommonKind
	for _, x := range a {
		for _, y := range b {
			if x.Kind != y.Kind {
				continue
			}
			if x.Value != y.Value {
				return DifferentID
			}
			r = SameID
		}
	}
	return r
}

// repeatOf returns the paper p, whose work ids are ids, repeats; -1 for
// none. key holds the hash of p's folded title and year once computed.
//
// Two records are one work when an id of one kind is the same in both
// and none differs, and they share an author (a DOI given to every
// paper of a proceedings, or a book's ISBN given to each chapter, does
// not make them one). When neither has an id of a kind the other has,
// they are one work when their folded titles and years are the same and
// they share an author. Whenever an id of one kind differs they are two
// works, whatever the titles.
func (c *Corpus) repeatOf(p *parse.Paper, ids []parse.WorkID, key *titleKey) int {
	if len(ids) > 0 && c.idKind != "" && c.idKind != allKinds && !hasKind(ids, c.idKind) {
		c.indexAllKinds()
	}
	if len(ids) == 0 && c.idKind != "" {
		c.indexAllTitles()
	}
	for _, id := range ids {
		if c.idKind != allKinds && id.Kind != c.idKind {
			continue // not filed: the id of kind idKind finds the paper
		}
		h := c.idKey(id)
		first, ok := c.workID.get(h)
		if !ok {
			continue
		}
		for _, j := range append([]int32{first}, c.moreID[h]...) {
			if Relate(c.paperIDs(int(j)), ids) == SameID && c.sharesAuthor(int(j), p) {
				return int(j)
			}
		}
	}
	if p.Title == "" || len(c.seen) == 0 {
		return -1
	}
	for _, j := range c.seen[key.of(c, p)] {
		if Relate(c.paperIDs(int(j)), ids) == NoCommonKind && c.sharesAuthor(int(j), p) {
			return int(j)
		}
	}
	return -1
}

// indexIDs files paper i under its work ids (of kind idKind only, while
// every paper with ids has one of that kind).
func (c *Corpus) indexIDs(i int32, ids []parse.WorkID) {
	if len(ids) == 0 {
		return
	}
	if c.idKind == "" {
		c.idKind = ids[0].Kind
	}
	if c.idKind != allKinds && !hasKind(ids, c.idKind) {
		c.indexAllKinds()
	}
	for _, id := range ids {
		if c.idKind == allKinds || id.Kind == c.idKind {
			c.fileID(i, c.idKey(id))
		}
	}
}

// titleKey is a paper's title key, computed when first needed.
type titleKey struct {
	key  [16]byte
	done bool
}

// of returns the hash of p's folded title and year: p.Key when the
// reading goroutine computed it.
func (k *titleKey) of(c *Corpus, p *parse.Paper) [16]byte {
	if !k.done {
		if p.Key != nil {
			k.key = *p.Key
		} else {
			k.key = paperKey(&c.fold, p.Title, p.Year)
		}
		k.done = true
	}
	return k.key
}

// indexAllTitles files every paper with a title under it.
func (c *Corpus) indexAllTitles() {
	if c.titlesAll {
		return
	}
	c.titlesAll = true
	for i := 0; i < c.Len(); i++ {
		// Papers without ids are filed already.
		if t := c.Title(i); t != "" && len(c.paperIDs(i)) > 0 {
			k := paperKey(&c.fold, t, c.Year(i))
			c.seen[k] = append(c.seen[k], int32(i))
		}
	}
}

// indexAllKinds files every paper under its ids of every kind, and under
// its title.
func (c *Corpus) indexAllKinds() {
	c.indexAllTitles()
	c.idKind = allKinds
	c.workID, c.moreID = newIDTable(), nil
	for i := 0; i < c.Len(); i++ {
		for _, id := range c.paperIDs(i) {
			c.fileID(int32(i), c.idKey(id))
		}
	}
}

// fileID files paper i under the hash h of one of its ids.
func (c *Corpus) fileID(i int32, h uint64) {
	first, ok := c.workID.get(h)
	switch {
	case !ok:
		c.workID.set(h, i)
	case first != i && !slices.Contains(c.moreID[h], i):
		if c.moreID == nil {
			c.moreID = make(map[uint64][]int32)
		}
		c.moreID[h] = append(c.moreID[h], i)
	}
}

func hasKind(ids []parse.WorkID, kind string) bool {
	for _, id := range ids {
		if id.Kind == kind {
			return true
		}
	}
	return false
}

// idKey hashes a work id. Two ids sharing a hash are told apart by their
// values (repeatOf compares them), so 64 bits are enough.
func (c *Corpus) idKey(id parse.WorkID) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seeds[0])
	h.WriteString(id.Kind)
	h.WriteByte(1)
	h.WriteString(id.Value)
	return h.Sum64()
}

// dropRepeat counts p as a repeat of paper j and gives paper j what p's
// Meta adds.
func (c *Corpus) dropRepeat(j int, p *parse.Paper) {
	c.duplicates++
	if c.dupExample == "" {
		file := ""
		if len(c.sources) > 0 {
			file = c.sources[len(c.sources)-1]
		}
		c.dupExample = record(where(file, p.Line), p.Title, p.Year, p.Meta) + ", a repeat of " + record(c.Where(j), c.Title(j), c.Year(j), c.Meta(j))
	}
	moved := c.longerRepeat(j, p)
	if p.Meta.Empty() {
		return
	}
	m, changed := mergeMeta(c.Meta(j), p.Meta, moved || c.sameOrder(j, p))
	if !changed {
		return
	}
	if c.metaMoved == nil {
		c.metaMoved = make(map[int32][]byte)
	}
	c.metaMoved[int32(j)] = appendMeta(nil, m)
	c.indexIDs(int32(j), m.IDs)
}

// record describes a record for a message: where, title, year and ids.
func record(at, title string, year int, m *parse.Meta) string {
	s := fmt.Sprintf("%q (%d)", title, year)
	if year == 0 {
		s = fmt.Sprintf("%q (no year)", title) // not "(0)"
	}
	if at != "" {
		s = at + " " + s
	}
	if m != nil {
		for _, id := range m.IDs {
			s += " " + id.String()
		}
	}
	return s
}

// longerRepeat gives paper j the author list of its repeat p when p lists
// every author of j and more (j came from an "et al." record, or a source
// that cut the list): the co-authors only p names would otherwise be lost,
// and which record came first would decide the graph. It reports whether
// it did. Positions of j's own affiliations are carried to the new list.
func (c *Corpus) longerRepeat(j int, p *parse.Paper) bool {
	kept := c.Authors(j)
	var ids []int32
	for k := range p.Authors {
		a, id := c.lookup(p, k)
		if a == "" {
			continue
		}
		if id < 0 {
			id = -1 - int32(k) // not interned yet: a new name
		}
		if !containsID(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) <= len(kept) {
		return false
	}
	for _, id := range kept {
		if !containsID(ids, id) {
			return false
		}
	}
	keptM := c.Meta(j)
	var oldPos []int32 // source position of j's list → id, for its affiliations
	if keptM != nil && len(keptM.Affiliations) > 0 {
		oldPos = make([]int32, len(keptM.Affiliations))
		for k := range oldPos {
			oldPos[k] = -1
			if x := c.AuthorAt(j, k); x >= 0 {
				oldPos[k] = kept[x]
			}
		}
	}
	all := ids
	ids = make([]int32, 0, len(all))
	for _, id := range all {
		var slot *nameSlot
		if id < 0 { // a name given twice is one author
			k := -1 - id
			source := ""
			if int(k) < len(p.IDs) {
				source = p.IDs[k]
			}
			name := text.CollapseSpace(p.Authors[k])
			slot = c.intern(name, source, c.nameKey(name, source))
			id = slot.id - 1
		}
		if containsID(ids, id) {
			continue
		}
		ids = append(ids, id)
		if !containsID(kept, id) {
			if slot == nil {
				slot = c.index.slot(c.nameKey(c.names[id], c.SourceID(id)))
			}
			slot.count++ // the paper count, moved to nameCount by Compact
		}
	}
	if c.authorsMoved == nil {
		c.authorsMoved = map[int32][]int32{}
	}
	c.authorsMoved[int32(j)] = ids
	delete(c.positions, int32(j))
	switch {
	case oldPos != nil:
		pos := make([]int32, len(oldPos))
		for k, id := range oldPos {
			pos[k] = -1
			if id >= 0 {
				pos[k] = int32(slices.Index(ids, id))
			}
		}
		c.setPositions(int32(j), pos)
	case p.Meta != nil && len(p.Meta.Affiliations) > 0 && len(ids) != len(p.Authors):
		c.setPositions(int32(j), c.positionsOf(p, ids))
	}
	if c.etAlAt[int32(j)] && !p.EtAl {
		delete(c.etAlAt, int32(j))
		c.etAl--
	}
	return true
}

// sameOrder reports whether p lists the authors of paper j, position by
// position (family name and first initial).
func (c *Corpus) sameOrder(j int, p *parse.Paper) bool {
	kept := c.Authors(j)
	if len(kept) != len(p.Authors) {
		return false
	}
	for k, a := range p.Authors {
		if initialKey(a) != initialKey(c.names[kept[k]]) {
			return false
		}
	}
	return true
}

// paperIDs returns paper i's work ids.
func (c *Corpus) paperIDs(i int) []parse.WorkID { return decodeIDs(c.metaBytes(i)) }

// metaBytes returns paper i's encoded Meta, empty for none.
func (c *Corpus) metaBytes(i int) []byte {
	if b, ok := c.metaMoved[int32(i)]; ok {
		return b
	}
	if c.metaAt == nil || c.metaAt[i] == 0 {
		return nil
	}
	at := c.metaAt[i]
	chunk := c.metaChunks[at>>32-1][uint32(at):]
	n, k := binary.Uvarint(chunk)
	return chunk[k : k+int(n)]
}

// metaChunk is the size of the chunks Meta is kept in.
const metaChunk = 1 << 20

// putMeta stores m encoded and returns where (see metaAt).
func (c *Corpus) putMeta(m *parse.Meta) uint64 {
	c.metaTmp = appendMeta(c.metaTmp[:0], m)
	need := binary.MaxVarintLen64 + len(c.metaTmp)
	last := len(c.metaChunks) - 1
	if last < 0 || cap(c.metaChunks[last])-len(c.metaChunks[last]) < need {
		c.metaChunks = append(c.metaChunks, make([]byte, 0, max(metaChunk, need)))
		last++
	}
	ch := c.metaChunks[last]
	at := uint64(last+1)<<32 | uint64(len(ch))
	ch = binary.AppendUvarint(ch, uint64(len(c.metaTmp)))
	c.metaChunks[last] = append(ch, c.metaTmp...)
	return at
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

// sharesAuthor reports whether p and paper i share an author, by family
// name and first initial (one paper's authors may be written in full or
// with initials): "Reviews" (1934) by two different authors, or an
// article and a same-titled thesis by different people, are two works.
func (c *Corpus) sharesAuthor(i int, p *parse.Paper) bool {
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

// initialKey is a name's family name and first initial; for a string
// that is no one person ("ATLAS Collaboration", a consortium), the whole
// folded string, so that two collaborations share no "author".
func initialKey(name string) string {
	if names.NotAName(name) != "" {
		return string(names.AppendFold(nil, name))
	}
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

// intern returns the index's slot of a spelling with a source id (or
// ""), adding it as a new name when it is not there. The index holds a
// 128-bit hash of the two rather than the strings: its entries are small
// and hold no pointers, so millions of them cost the collector nothing,
// and two different keys share a hash with a probability near 1e-26 for
// DBLP's 3.6 million names.
func (c *Corpus) intern(name, source string, key [2]uint64) *nameSlot {
	slot := c.index.add(key, int32(len(c.names)), 0)
	if int(slot.id) <= len(c.names) {
		return slot
	}
	c.names = append(c.names, name)
	if source != "" && c.ids == nil {
		c.ids = make([]string, len(c.names)-1, cap(c.names))
	}
	if c.ids != nil {
		c.ids = append(c.ids, source)
	}
	return slot
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

// Reserve makes room for papers more papers like those added so far:
// as many author positions, title bytes and work ids per paper.
// A reader of a large input calls it once it has read a part, with the
// papers the rest should hold, so that the corpus's arrays and lookups
// grow once rather than by a quarter again and again (each step copies
// the whole array: 13% of the reading of a million DBLP records). It is
// a hint: more papers still fit, and room not used costs address space
// (taken from the system, never touched), not memory.
func (c *Corpus) Reserve(papers int) {
	n := c.Len()
	if n == 0 || papers <= 0 {
		return
	}
	more := func(have int) int { return int(int64(have)*int64(papers)/int64(n)) + 1 }
	c.titles = grow(c.titles, more(len(c.titles)))
	c.titleOff = grow(c.titleOff, papers)
	c.years = grow(c.years, papers)
	c.lines = grow(c.lines, papers)
	c.authorOff = grow(c.authorOff, papers)
	c.venueOf = grow(c.venueOf, papers)
	c.authorIDs = grow(c.authorIDs, more(len(c.authorIDs)))
	if c.metaAt != nil {
		c.metaAt = grow(c.metaAt, papers)
	}
	// Not the names: the share of papers that bring a new one falls as
	// the corpus grows (of the first 131,072 papers of the generated
	// million, 2.2 in all were foreseen for 0.48 found).
	if c.workID != nil && c.workID.n > 0 {
		c.workID.reserve(c.workID.n + more(c.workID.n))
	}
}

// grow returns s with room for n more elements, moved to an array of
// its own when it has less. It allocates with make, whose memory the
// runtime takes from the system already zero, without touching it;
// slices.Grow (append) clears the room it adds, making all of it
// resident at once (800 MB for 200 million int32s).
func grow[S ~[]E, E any](s S, n int) S {
	if cap(s)-len(s) >= n {
		return s
	}
	t := make(S, len(s), len(s)+n)
	copy(t, s)
	return t
}

// Room returns the papers that fit before the corpus's arrays must grow.
func (c *Corpus) Room() int { return cap(c.years) - len(c.years) }

// Compact drops the lookups Add needs, about a third of a large corpus's
// memory, once all papers are in. A later Add rebuilds them.
func (c *Corpus) Compact() {
	if c.index != nil {
		c.nameCount = make([]int32, len(c.names))
		c.index.counts(c.nameCount)
	}
	c.index, c.seen, c.workID, c.moreID = nil, nil, nil, nil
}

// rebuild restores the lookups Compact dropped.
func (c *Corpus) rebuild() {
	c.index = newNameTable(len(c.names))
	for id, name := range c.names {
		c.index.add(c.nameKey(name, c.SourceID(int32(id))), int32(id), c.nameCount[id])
	}
	c.nameCount = nil
	c.seen = make(map[[16]byte][]int32, c.Len())
	c.workID, c.moreID, c.idKind = newIDTable(), nil, ""
	c.titlesAll = c.Len() > 0
	if c.KeepRepeats {
		return
	}
	for i := 0; i < c.Len(); i++ {
		if t := c.Title(i); t != "" {
			k := paperKey(&c.fold, t, c.Year(i))
			c.seen[k] = append(c.seen[k], int32(i))
		}
		c.indexIDs(int32(i), c.paperIDs(i))
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
// nothing, with what a repeat dropped added (Add). Its Affiliations
// parallel the authors as the source listed them (Paper.Authors), not
// Authors(i), which drops names given twice and empty ones. It is
// decoded afresh at each call: the corpus keeps it in compact form.
func (c *Corpus) Meta(i int) *parse.Meta { return decodeMeta(c.metaBytes(i)) }

// keepPositions records, for the paper about to be added with the given
// name ids, where each of p's author positions went.
func (c *Corpus) keepPositions(p *parse.Paper, ids []int32) {
	c.setPositions(int32(c.Len()), c.positionsOf(p, ids))
}

// setPositions records paper i's position mapping (see AuthorAt).
func (c *Corpus) setPositions(i int32, pos []int32) {
	if c.positions == nil {
		c.positions = map[int32][]int32{}
	}
	c.positions[i] = pos
}

// lookup returns the name of p's author at position k, white space
// collapsed ("" for none), and its name id, -1 when not interned.
func (c *Corpus) lookup(p *parse.Paper, k int) (string, int32) {
	a := text.CollapseSpace(p.Authors[k])
	if a == "" {
		return "", -1
	}
	source := ""
	if k < len(p.IDs) {
		source = p.IDs[k]
	}
	return a, c.index.find(c.nameKey(a, source))
}

// positionsOf maps each of p's author positions to its index in ids, the
// paper's name ids (-1 for an empty name).
func (c *Corpus) positionsOf(p *parse.Paper, ids []int32) []int32 {
	pos := make([]int32, len(p.Authors))
	for k := range p.Authors {
		pos[k] = -1
		a, id := c.lookup(p, k)
		if a == "" {
			continue
		}
		for j, x := range ids {
			if x == id {
				pos[k] = int32(j)
			}
		}
	}
	return pos
}

// AuthorAt returns the index in Authors(i) of the author at position k of
// paper i's list as the source gave it (Paper.Authors, which
// Meta(i).Affiliations parallels), -1 when that position held no name. A
// name given twice has one index. Only papers with affiliations keep the
// mapping: for others it is the identity.
func (c *Corpus) AuthorAt(i, k int) int {
	if pos, ok := c.positions[int32(i)]; ok {
		if k < len(pos) {
			return int(pos[k])
		}
		return -1
	}
	if k < len(c.Authors(i)) {
		return k
	}
	return -1
}

// Title returns paper i's title.
func (c *Corpus) Title(i int) string { return string(c.titles[c.titleOff[i]:c.titleOff[i+1]]) }

// Year returns paper i's year, 0 when unknown.
func (c *Corpus) Year(i int) int { return int(c.years[i]) }

// Authors returns paper i's name ids in the order given. The slice is
// shared; do not modify it.
func (c *Corpus) Authors(i int) []int32 {
	if c.authorsMoved != nil {
		if a, ok := c.authorsMoved[int32(i)]; ok {
			return a
		}
	}
	return c.authorIDs[c.authorOff[i]:c.authorOff[i+1]]
}

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
func (c *Corpus) NameCount(id int32) int {
	if c.index != nil {
		// Before Compact, the count is in the index.
		return int(c.index.slot(c.nameKey(c.names[id], c.SourceID(id))).count)
	}
	return int(c.nameCount[id])
}

// DuplicateExample describes one paper dropped as a repeat and the paper
// kept, each with where it was read, title, year and ids; "" for none.
func (c *Corpus) DuplicateExample() string { return c.dupExample }

// Duplicates returns how many papers were dropped as repeats.
func (c *Corpus) Duplicates() int { return c.duplicates }
