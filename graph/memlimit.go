package graph

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The garbage collector's memory limit while FromPapers builds a graph.
// The build holds the caller's papers (a corpus of several gigabytes)
// while it allocates the pairs, their sort and the edges; by default the
// heap may grow to twice what is live, and freed pages stay with the
// process, so the peak grew past the memory budget with much of it
// garbage: 6.85 GB on the 7.5-million-paper DBLP corpus, 4.3 GB of it
// live at most. Under the limit the collector runs, and returns freed
// pages, as the process nears it. The limit is the build's memory budget
// (BuildOptions.Mem or DefaultMemory), but never less than twice the heap
// live when the build starts, so that a small budget under a large
// corpus does not make the collector run without end; it only lowers a
// limit the caller set (GOMEMLIMIT), never raises it. It is set only when
// the live heap is over a quarter of the budget: below, the default
// growth stays clear of the budget, and small builds run as before.

var memTune struct {
	sync.Mutex
	builds int   // FromPapers calls under way
	saved  int64 // the memory limit before the first of them
}

// limitMemory sets the memory limit for a build of the given budget
// (bytes; 0 or less: none) until the returned function is called.
// Concurrent builds keep the first one's limit; the last to end restores
// the caller's.
func limitMemory(budget int64) (restore func()) {
	memTune.Lock()
	defer memTune.Unlock()
	if memTune.builds == 0 {
		memTune.saved = debug.SetMemoryLimit(-1)
		if live := liveHeap(); budget > 0 && 4*live > budget {
			debug.SetMemoryLimit(min(max(budget, 2*live), memTune.saved))
		}
	}
	memTune.builds++
	return func() {
		memTune.Lock()
		defer memTune.Unlock()
		if memTune.builds--; memTune.builds == 0 {
			debug.SetMemoryLimit(memTune.saved)
		}
	}
}

// liveHeap returns the bytes of heap the last collection found live.
func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return math.MaxInt64 / 4
	}
	return int64(s[0].Value.Uint64())
}
