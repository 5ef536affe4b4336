// Package spill measures the graph build under a memory budget on a real
// or generated corpus: go test ./graph/bench/spill -run Spill -v with
// COAUTHOR_SPILL_CORPUS=/tmp/g.xml (coauthor gen -papers 1000000 -o
// /tmp/g.xml) and, optionally, COAUTHOR_SPILL_MEM=40MB.
package spill

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"

	"coauthor/graph"
	"coauthor/parse/input"
)

// peakHeap runs f and returns the most heap in use while it ran, above
// what was in use before, sampled every millisecond, and its time.
func peakHeap(f func()) (uint64, time.Duration) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
		}
	}()
	start := time.Now()
	f()
	took := time.Since(start)
	close(done)
	runtime.ReadMemStats(&ms) // the end, with the graph built
	p := max(peak.Load(), ms.HeapAlloc)
	if testing.Verbose() {
		end := ms.HeapAlloc
		runtime.GC()
		runtime.ReadMemStats(&ms)
		fmt.Printf("heap before %d MB, at the end %d MB (%d MB live), peak %d MB\n", base>>20, end>>20, ms.HeapAlloc>>20, p>>20)
	}
	return p - min(base, p), took
}

func TestSpillCorpus(t *testing.T) {
	path := os.Getenv("COAUTHOR_SPILL_CORPUS")
	if path == "" {
		t.Skip("set COAUTHOR_SPILL_CORPUS to a corpus file")
	}
	mem := int64(40 << 20)
	if s := os.Getenv("COAUTHOR_SPILL_MEM"); s != "" {
		var err error
		if mem, err = graph.ParseBytes(s); err != nil {
			t.Fatal(err)
		}
	}
	sources, _, closeAll, err := input.Files([]string{path}, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	d, err := input.Load(context.Background(), sources, input.Options{})
	closeAll()
	if err != nil {
		t.Fatal(err)
	}
	names, papers := d.Identity.Names(), d.Identity.Papers(d.Corpus)
	debug.FreeOSMemory()
	// Each build is measured from the same heap: the corpus alone. The
	// spilled build goes first unless COAUTHOR_SPILL_ORDER=memory.
	builds := []struct {
		name string
		opt  graph.BuildOptions
	}{{fmt.Sprintf("-mem %d MB", mem>>20), graph.BuildOptions{Mem: mem, TempDir: t.TempDir()}}, {"in memory", graph.BuildOptions{}}}
	if os.Getenv("COAUTHOR_SPILL_ORDER") == "memory" {
		builds[0], builds[1] = builds[1], builds[0]
	}
	var sums []uint64
	for _, bd := range builds {
		var g *graph.Graph
		heap, took := peakHeap(func() {
			var err error
			if g, err = graph.FromPapers(context.Background(), names, papers, bd.opt); err != nil {
				t.Error(err)
			}
		})
		t.Logf("%s: %d papers, %d authors, %d edges; build %v, peak heap above the corpus %d MB", bd.name, papers.Len(), g.N(), g.M(), took.Round(time.Millisecond), heap>>20)
		sums = append(sums, sum(g))
	}
	if sums[0] != sums[1] {
		t.Fatal("the graphs differ")
	}
}

// sum hashes a graph's nodes and edges.
func sum(g *graph.Graph) uint64 {
	h := fnv.New64a()
	for v := range int32(g.N()) {
		n := g.Node(v)
		fmt.Fprintln(h, n.Name, n.Person, n.Papers, n.FirstYear, n.LastYear)
	}
	var buf [24]byte
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		binary.LittleEndian.PutUint32(buf[0:], uint32(ed.U))
		binary.LittleEndian.PutUint32(buf[4:], uint32(ed.V))
		binary.LittleEndian.PutUint64(buf[8:], math.Float64bits(ed.Weight))
		binary.LittleEndian.PutUint64(buf[16:], uint64(ed.Papers))
		h.Write(buf[:])
	}
	return h.Sum64()
}

// teams are papers by labs that publish together again and again: many
// more co-author pairs than edges, the case the pair store dominates.
type teams struct{ labs, size, papers int }

func (t teams) Len() int { return t.papers }
func (t teams) Authors(i int) []int32 {
	lab := (i * 7919) % t.labs
	out := make([]int32, t.size)
	for j := range out {
		out[j] = int32(lab*t.size + (j+i)%t.size)
	}
	return out
}
func (t teams) Year(i int) int { return 1990 + i%30 }

// COAUTHOR_SPILL_TEAMS=1: 200,000 papers of 30 authors from 2,000 labs,
// 87 million pairs over 870,000 edges, in memory and under
// COAUTHOR_SPILL_MEM (default 400MB).
func TestSpillTeams(t *testing.T) {
	if os.Getenv("COAUTHOR_SPILL_TEAMS") == "" {
		t.Skip("set COAUTHOR_SPILL_TEAMS=1")
	}
	mem := int64(400 << 20)
	if s := os.Getenv("COAUTHOR_SPILL_MEM"); s != "" {
		mem, _ = graph.ParseBytes(s)
	}
	ps := teams{labs: 2000, size: 30, papers: 200000}
	names := make([]string, ps.labs*ps.size)
	for i := range names {
		names[i] = fmt.Sprint("author ", i)
	}
	var sums []uint64
	for _, opt := range []graph.BuildOptions{{Mem: mem, TempDir: t.TempDir()}, {}} {
		var g *graph.Graph
		var err error
		heap, took := peakHeap(func() { g, err = graph.FromPapers(context.Background(), names, ps, opt) })
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("mem %d MB: %d authors, %d edges; build %v, peak heap %d MB", opt.Mem>>20, g.N(), g.M(), took.Round(time.Millisecond), heap>>20)
		sums = append(sums, sum(g))
	}
	if sums[0] != sums[1] {
		t.Fatal("the graphs differ")
	}
}
