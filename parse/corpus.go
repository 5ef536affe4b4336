package parse

import (
	"hash/fnv"
	"strconv"
)

// Corpus holds the papers of one run in compact form for identity
// resolution and graph building: author strings are interned to name ids,
// and a paper given twice (same folded title and year, as when two files
// hold it) is kept once.
type Corpus struct {
	names      []string
	nameCount  []int            // papers listing each name
	index      map[string]int32 // name, or name + "\x00" + source id
	ids        map[int32]string // source ids of the names that have one
	titles     []byte // all titles, one after another: no pointers for the collector
	titleOff   []int  // paper i's title: titles[titleOff[i]:titleOff[i+1]]
	years      []int32
	authorOff  []int // paper i's name ids: authorIDs[authorOff[i]:authorOff[i+1]]
	authorIDs  []int32
	duplicates int
	etAl       int
	seen       map[[16]byte]struct{}
	key        []byte // scratch: the interning key of a name
	fold       []byte // scratch: a folded title
}

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus {
	return &Corpus{index: make(map[string]int32), ids: make(map[int32]string), seen: make(map[[16]byte]struct{}), authorOff: []int{0}, titleOff: []int{0}}
}

// Add adds p and reports whether it was kept; false means p repeats a paper
// already added, or has no authors. An author listed twice on p counts once.
func (c *Corpus) Add(p *Paper) bool {
	if len(p.Authors) == 0 {
		return false
	}
	if p.Title != "" {
		h := fnv.New128a()
		if isPlainASCII(p.Title) {
			c.fold = appendFoldASCII(c.fold[:0], p.Title)
			h.Write(c.fold)
		} else {
			h.Write([]byte(Fold(p.Title)))
		}
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(p.Year)))
		var key [16]byte
		h.Sum(key[:0])
		if _, dup := c.seen[key]; dup {
			c.duplicates++
			return false
		}
		c.seen[key] = struct{}{}
	}
	start := len(c.authorIDs)
	for i, a := range p.Authors {
		a = collapseSpace(a)
		if a == "" {
			continue
		}
		source := ""
		c.key = append(c.key[:0], a...)
		if i < len(p.IDs) && p.IDs[i] != "" {
			source = p.IDs[i]
			c.key = append(append(c.key, 0), source...)
		}
		id, ok := c.index[string(c.key)] // no allocation for the lookup
		if !ok {
			id = int32(len(c.names))
			c.index[string(c.key)] = id
			c.names = append(c.names, a)
			c.nameCount = append(c.nameCount, 0)
			if source != "" {
				c.ids[id] = source
			}
		}
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
	c.years = append(c.years, int32(p.Year))
	c.authorOff = append(c.authorOff, len(c.authorIDs))
	return true
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
func (c *Corpus) SourceID(id int32) string { return c.ids[id] }

// EtAl returns how many kept papers list only some of their authors.
func (c *Corpus) EtAl() int { return c.etAl }

// NameCount returns how many papers list name id.
func (c *Corpus) NameCount(id int32) int { return c.nameCount[id] }

// Duplicates returns how many papers were dropped as repeats.
func (c *Corpus) Duplicates() int { return c.duplicates }
