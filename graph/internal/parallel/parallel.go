// Package parallel runs the loops of the graph packages on every core.
package parallel

import (
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
)

// ForEach calls f(state, i) for every i in [0, n) on one goroutine per
// core, handing out indexes in small chunks. Each goroutine gets its own
// state from newState, for scratch buffers reused across calls. Callers
// that write only to slot i of their results get the same result
// whatever the number of cores.
func ForEach[S any](n int, newState func() S, f func(s S, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		if n > 0 {
			s := newState()
			for i := 0; i < n; i++ {
				f(s, i)
			}
		}
		return
	}
	// Small chunks for few items (betweenness hands out 16 parts), larger
	// ones to save on the shared counter when there are many.
	chunk := max(1, min(16, n/(workers*8)))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newState()
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					f(s, i)
				}
			}
		}()
	}
	wg.Wait()
}

// Each calls f(i) for every i in [0, n) on all cores (ForEach without
// per-worker state).
func Each(n int, f func(i int)) {
	ForEach(n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { f(i) })
}

// NewRand returns the generator every randomized algorithm of the graph
// packages uses, so that one seed gives one result on every machine.
func NewRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x636f6175)) }
