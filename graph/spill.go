package graph

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// A Builder with BuildOptions.Mem set keeps its co-author pairs out of
// memory: they fill a buffer of Mem/2 bytes, which is sorted (into a
// scratch buffer of the same size) and written to a temporary file as one
// sorted run whenever it is full. Build merges the runs (k-way, through a
// heap) into edges; equal keys come out in the order they were added, as
// the in-memory radix sort leaves them, so weights are summed in the same
// order and the graph is the same, bit for bit. The runs are read twice:
// once to count the edges, so that the edge array is allocated once at
// its size, once to fill it. Each pair takes 8 bytes on disk, 12 under
// fractional counting or KeepPapers. When every pair fits in the budget,
// nothing is written and Build sorts in memory as without one.

// minRun is the fewest pairs in a run, whatever the budget.
const minRun = 1 << 16

// spill is the pair store of a Builder with a memory budget.
type spill struct {
	dir        string
	file       *os.File
	w          *bufio.Writer
	keys       []uint64 // the current run, unsorted
	aux        []uint32
	sk         []uint64 // sort scratch
	sa         []uint32
	withAux    bool
	limit      int // pairs in a run: the buffer grows up to it
	runs       []run
	size       int64 // bytes written
	err        error // the first write error, returned by Build
	recordSize int
}

type run struct{ off, n int64 }

func newSpill(opt BuildOptions) *spill {
	withAux := opt.KeepPapers || opt.Counting == Fractional
	rec := 8
	if withAux {
		rec = 12
	}
	n := int(min(max(opt.Mem/int64(2*rec), minRun), math.MaxInt32))
	return &spill{dir: opt.TempDir, withAux: withAux, recordSize: rec, limit: n}
}

func (s *spill) add(b *Builder, key uint64, aux uint32) {
	if len(s.keys) == cap(s.keys) { // grow by doubling up to the limit, never past it
		c := min(max(2*cap(s.keys), minRun), s.limit)
		s.keys = append(make([]uint64, 0, c), s.keys...)
		if s.withAux {
			s.aux = append(make([]uint32, 0, c), s.aux...)
		}
	}
	s.keys = append(s.keys, key)
	if s.withAux {
		s.aux = append(s.aux, aux)
	}
	if len(s.keys) == s.limit {
		s.flush(2 * b.shift)
		if s.err != nil { // Build fails with it: hold no more pairs
			s.keys, s.aux = s.keys[:0], s.aux[:0]
		}
	}
}

// flush sorts the buffered pairs and writes them as a run.
func (s *spill) flush(width uint) {
	if len(s.keys) == 0 || s.err != nil {
		return
	}
	if s.file == nil {
		f, err := os.CreateTemp(s.dir, "coauthor-pairs-*.bin")
		if err != nil {
			s.err = fmt.Errorf("spilling co-author pairs: %w", err)
			return
		}
		os.Remove(f.Name()) // unlinked: gone when closed, even on a crash
		s.file, s.w = f, bufio.NewWriterSize(f, 1<<20)
	}
	if len(s.sk) < len(s.keys) {
		s.sk = make([]uint64, len(s.keys))
		if s.withAux {
			s.sa = make([]uint32, len(s.keys))
		}
	}
	radixSortScratch(s.keys, s.aux, width, s.sk[:len(s.keys)], s.sa[:len(s.aux)])
	var rec [12]byte
	for i, k := range s.keys {
		binary.LittleEndian.PutUint64(rec[:8], k)
		if s.withAux {
			binary.LittleEndian.PutUint32(rec[8:], s.aux[i])
		}
		s.w.Write(rec[:s.recordSize])
	}
	s.runs = append(s.runs, run{off: s.size, n: int64(len(s.keys))})
	s.size += int64(len(s.keys) * s.recordSize)
	s.keys, s.aux = s.keys[:0], s.aux[:0]
	if err := s.w.Flush(); err != nil {
		s.err = fmt.Errorf("spilling co-author pairs: %w", err)
	}
}

// cursor reads one run.
type cursor struct {
	r    *bufio.Reader
	left int64
	key  uint64
	aux  uint32
	run  int
	buf  [12]byte
	size int
}

func (c *cursor) next() (bool, error) {
	if c.left == 0 {
		return false, nil
	}
	if _, err := io.ReadFull(c.r, c.buf[:c.size]); err != nil {
		return false, err
	}
	c.left--
	c.key = binary.LittleEndian.Uint64(c.buf[:8])
	if c.size == 12 {
		c.aux = binary.LittleEndian.Uint32(c.buf[8:])
	}
	return true, nil
}

// cursors is a min-heap of cursors by key, then run: equal keys come
// out in the order they were added.
type cursors []*cursor

func (h cursors) Len() int { return len(h) }
func (h cursors) Less(i, j int) bool {
	return h[i].key < h[j].key || h[i].key == h[j].key && h[i].run < h[j].run
}
func (h cursors) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *cursors) Push(x any)   { *h = append(*h, x.(*cursor)) }
func (h *cursors) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}

// merge calls f with every pair of the runs in key order.
func (s *spill) merge(bufSize int, stop func() bool, f func(key uint64, aux uint32)) error {
	h := make(cursors, 0, len(s.runs))
	for i, r := range s.runs {
		c := &cursor{r: bufio.NewReaderSize(io.NewSectionReader(s.file, r.off, r.n*int64(s.recordSize)), bufSize), left: r.n, run: i, size: s.recordSize}
		ok, err := c.next()
		if err != nil {
			return err
		}
		if ok {
			h = append(h, c)
		}
	}
	heap.Init(&h)
	for i := 0; len(h) > 0; i++ {
		if i%(1<<20) == 0 && stop() {
			return nil
		}
		c := h[0]
		f(c.key, c.aux)
		ok, err := c.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
	}
	return nil
}

// buildSpilled is Build for a builder whose pairs were spilled.
func (b *Builder) buildSpilled() (*Graph, error) {
	s := b.spill
	b.spill = nil
	defer func() {
		if s.file != nil {
			s.file.Close()
		}
	}()
	s.flush(2 * b.shift)
	if s.err != nil {
		return nil, s.err
	}
	s.keys, s.aux, s.sk, s.sa = nil, nil, nil, nil
	runtime.GC() // the budget's buffers are free for the graph: collect them now, not after it
	bufSize := 1 << 20
	if len(s.runs) > 64 {
		bufSize = max(64<<10, (64<<20)/len(s.runs))
	}
	distinct, pairs := 0, 0
	last := ^uint64(0)
	if err := s.merge(bufSize, b.stopped, func(key uint64, _ uint32) {
		if key != last {
			distinct++
			last = key
		}
		pairs++
	}); err != nil {
		return nil, fmt.Errorf("reading spilled co-author pairs: %w", err)
	}
	sum := b.newEdgeSum(distinct, pairs)
	if b.stopped() {
		return assemble(b.nodes, nil, nil, nil), nil
	}
	if err := s.merge(bufSize, b.stopped, sum.add); err != nil {
		return nil, fmt.Errorf("reading spilled co-author pairs: %w", err)
	}
	return sum.graph(), nil
}

// SpillStats tells how a builder with a memory budget used the disk.
type SpillStats struct {
	Runs  int   // sorted runs written
	Bytes int64 // bytes written
}

// Spilled returns what the builder has written to disk so far.
func (b *Builder) Spilled() SpillStats {
	if b.spill == nil {
		return SpillStats{}
	}
	return SpillStats{Runs: len(b.spill.runs), Bytes: b.spill.size}
}

// ParseBytes reads a size: a number of bytes with an optional unit, B,
// KB, MB, GB, TB (powers of 1024; KiB, MiB, GiB and TiB too), "2GB",
// "512 MB", "1.5G".
func ParseBytes(s string) (int64, error) {
	const maxBytes = 1 << 60 // an exabyte
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	mult := 1.0
	if n := len(t); n > 0 {
		if i := strings.IndexByte("KMGT", t[n-1]); i >= 0 {
			mult = float64(int64(1) << (10 * (i + 1)))
			t = t[:n-1]
		}
	}
	x, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
	if err != nil || !(x >= 0) || math.IsInf(x, 0) { // NaN fails x >= 0
		return 0, errors.New("expected a size such as 2GB, 512MB or 1.5G")
	}
	if x*mult > maxBytes {
		return 0, fmt.Errorf("%s is over the largest budget, %s", strings.TrimSpace(s), FormatBytes(maxBytes))
	}
	return int64(x * mult), nil
}
