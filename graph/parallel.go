package graph

import (
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
)

// forEach calls f(state, i) for every i in [0, n) on one goroutine per
// core, handing out indexes in small chunks. Each goroutine gets its own
// state from newState, for scratch buffers reused across calls.
func forEach[S any](n int, newState func() S, f func(s S, i int)) {
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

// newRand returns the generator every randomized algorithm here uses, so
// that one seed gives one result on every machine.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x636f6175)) }
