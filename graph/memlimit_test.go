package graph

import (
	"context"
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestLimitMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetMemoryLimit(math.MaxInt64)
	runtime.GC()
	live := liveHeap()
	if live <= 0 || live > 1<<40 {
		t.Fatalf("liveHeap() = %d", live)
	}
	budget := 3 * live
	restore := limitMemory(budget)
	if got := debug.SetMemoryLimit(-1); got != budget {
		t.Errorf("limit during the build = %d, want the budget %d", got, budget)
	}
	inner := limitMemory(2 * budget) // a concurrent build keeps the first limit
	inner()
	if got := debug.SetMemoryLimit(-1); got != budget {
		t.Errorf("limit after the inner build = %d, want %d", got, budget)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit after the build = %d, want the caller's %d", got, int64(math.MaxInt64))
	}

	// A budget over four times the live heap sets no limit.
	restore = limitMemory(8 * live)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit for a budget of 8 times the live heap = %d, want none", got)
	}
	restore()

	// A budget below twice the live heap gives twice the live heap; a
	// caller's lower limit stays.
	restore = limitMemory(1)
	if got := debug.SetMemoryLimit(-1); got < live {
		t.Errorf("limit for a budget of 1 byte = %d, want at least the live heap %d", got, live)
	}
	restore()
	debug.SetMemoryLimit(budget - 1)
	restore = limitMemory(budget)
	if got := debug.SetMemoryLimit(-1); got != budget-1 {
		t.Errorf("limit under the caller's %d = %d, want the caller's", budget-1, got)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != budget-1 {
		t.Errorf("limit restored = %d, want %d", got, budget-1)
	}
	debug.SetMemoryLimit(math.MaxInt64)

	// FromPapers restores the limit when it ends.
	if _, err := FromPapers(context.Background(), []string{"a", "b"}, listPapers{{0, 1}}, BuildOptions{Mem: 1 << 30}); err != nil {
		t.Fatal(err)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit after FromPapers = %d, want %d", got, int64(math.MaxInt64))
	}
}
