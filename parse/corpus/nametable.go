package corpus

// nameTable finds a name id by the 128-bit hash of the name and its
// source id (nameKey), and counts the papers listing each name. It is
// open addressing with linear probing over one slice: a lookup usually
// costs one cache miss where a Go map costs two (its control word and
// its slot), and the paper count sits beside the id, so counting costs
// none (as nameCount[id]++ did: 15% of the reading of dblp.xml each).
type nameTable struct {
	slots []nameSlot // a power of two long
	n     int        // occupied slots
	sink  int32      // touch's sum, kept so that its loads are not left out
}

// nameSlot is one entry; id is the name id + 1, 0 for an empty slot.
type nameSlot struct {
	key   [2]uint64
	id    int32
	count int32
}

// newNameTable returns a table with room for n names.
func newNameTable(n int) *nameTable {
	return &nameTable{slots: make([]nameSlot, tableSize(n))}
}

// tableSize is the length of a table that holds n entries at most 5/8
// full: a power of two, at least 1024.
func tableSize(n int) int {
	size := 1024
	for size*5 < n*8 {
		size *= 2
	}
	return size
}

// slot returns the slot of key: its own, or the empty one where it goes.
func (t *nameTable) slot(key [2]uint64) *nameSlot {
	mask := uint64(len(t.slots) - 1)
	for i := key[0] & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.id == 0 || s.key == key {
			return s
		}
	}
}

// find returns the id of key, or -1.
func (t *nameTable) find(key [2]uint64) int32 {
	return t.slot(key).id - 1
}

// add files key as id with a count, unless it is there; it returns the
// slot of key.
func (t *nameTable) add(key [2]uint64, id, count int32) *nameSlot {
	if (t.n+1)*8 > len(t.slots)*5 {
		t.grow()
	}
	s := t.slot(key)
	if s.id == 0 {
		*s = nameSlot{key: key, id: id + 1, count: count}
		t.n++
	}
	return s
}

// grow doubles the table.
func (t *nameTable) grow() { t.resize(2 * len(t.slots)) }

// resize moves the table into size slots.
func (t *nameTable) resize(size int) {
	old := t.slots
	t.slots = make([]nameSlot, size)
	for _, s := range old {
		if s.id != 0 {
			*t.slot(s.key) = s
		}
	}
}

// counts writes each name's paper count into counts (indexed by id).
func (t *nameTable) counts(counts []int32) {
	for _, s := range t.slots {
		if s.id != 0 {
			counts[s.id-1] = s.count
		}
	}
}

// touch reads the first slot of each key, so that the cache misses of a
// paper's authors overlap (the loads do not wait for each other) rather
// than come one after another in the lookups that follow.
func (t *nameTable) touch(keys [][2]uint64) {
	mask := uint64(len(t.slots) - 1)
	var sum int32
	for _, k := range keys {
		sum += t.slots[k[0]&mask].id
	}
	t.sink = sum
}

// idTable maps the 64-bit hash of a work id (idKey) to the first paper
// filed under it, by open addressing as nameTable, so that Add can touch
// a paper's slot together with its authors' (touch).
type idTable struct {
	slots []idSlot // a power of two long
	n     int
}

// idSlot is one entry; paper is the paper + 1, 0 for an empty slot.
type idSlot struct {
	h     uint64
	paper int32
}

func newIDTable() *idTable { return &idTable{slots: make([]idSlot, 1024)} }

func (t *idTable) slot(h uint64) *idSlot {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.paper == 0 || s.h == h {
			return s
		}
	}
}

// get returns the first paper filed under h.
func (t *idTable) get(h uint64) (int32, bool) {
	s := t.slot(h)
	return s.paper - 1, s.paper != 0
}

// set files paper i under h, which is not filed yet.
func (t *idTable) set(h uint64, i int32) {
	if (t.n+1)*8 > len(t.slots)*5 {
		t.resize(2 * len(t.slots))
	}
	*t.slot(h) = idSlot{h: h, paper: i + 1}
	t.n++
}

// reserve makes room for n ids in all, moving the table once.
func (t *idTable) reserve(n int) {
	if size := tableSize(n); size > len(t.slots) {
		t.resize(size)
	}
}

// resize moves the table into size slots.
func (t *idTable) resize(size int) {
	old := t.slots
	t.slots = make([]idSlot, size)
	for _, s := range old {
		if s.paper != 0 {
			*t.slot(s.h) = s
		}
	}
}

// touch reads the first slot of h (see nameTable.touch).
func (t *idTable) touch(h uint64) int32 {
	return t.slots[h&uint64(len(t.slots)-1)].paper
}
