package graph

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// team returns the author ids 0..n−1.
func team(n int) []int32 {
	a := make([]int32, n)
	for i := range a {
		a[i] = int32(i)
	}
	return a
}

// A paper whose pairs alone exceed the memory budget stops the build
// before anything is allocated: the error names it (its index, authors
// and pairs), the budget and a cap on authors that leaves it out.
func TestTooLarge(t *testing.T) {
	names := make([]string, 20_000)
	ps := listPapers{team(3), team(20_000), team(2), team(12_000)}
	start := time.Now()
	_, err := FromPapers(context.Background(), names, ps, BuildOptions{Mem: 1 << 30})
	t.Logf("refused in %v: %v", time.Since(start), err)
	var tl *TooLargeError
	if !errors.As(err, &tl) {
		t.Fatalf("err = %v, want a *TooLargeError", err)
	}
	want := []LargePaper{{Index: 1, Authors: 20_000, Pairs: 199_990_000}, {Index: 3, Authors: 12_000, Pairs: 71_994_000}}
	if len(tl.Papers) != len(want) || tl.Papers[0] != want[0] || tl.Papers[1] != want[1] || tl.Budget != 1<<30 {
		t.Errorf("error %+v, want papers %+v and budget 1 GB", tl, want)
	}
	if n := tl.MaxAuthors(); n < 2 || int64(n)*int64(n-1)/2*BytesPerEdge > tl.Budget {
		t.Errorf("MaxAuthors %d does not fit in the budget", n)
	}
	for _, s := range []string{"paper 1 has 20000 authors", "199990000 co-author pairs", "1.0 GB", "more than 1000 authors"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("%q lacks %q", err, s)
		}
	}
	// Within the budget: built, the same graph as without one.
	g, err := FromPapers(context.Background(), names[:300], listPapers{team(300), team(3)}, BuildOptions{Mem: 1 << 30})
	if err != nil || g.M() != 300*299/2 {
		t.Fatalf("300 authors: %v, %d edges", err, g.M())
	}
}

// With the default budget (Mem 0), pairs that would not fit in memory
// are spilled within the budget: planMemory sets Mem. A budget it cannot
// read is no budget.
func TestPlanMemory(t *testing.T) {
	budget := DefaultMemory()
	if budget <= 0 {
		t.Skip("no /proc/meminfo")
	}
	// A paper of n authors fits as edges but its pairs, held twice over
	// in memory, would not.
	n := int(math.Sqrt(2 * float64(budget) / BytesPerEdge))
	for int64(n)*int64(n-1)/2*BytesPerEdge > budget {
		n--
	}
	pairs := int64(n) * int64(n-1) / 2
	if pairs*BytesPerEdge > budget || pairs*BytesPerPair <= budget {
		t.Skipf("no team size between the budgets at %s", FormatBytes(budget))
	}
	opt, err := planMemory(listPapers{team(n)}, BuildOptions{}, func() bool { return false })
	if err != nil || opt.Mem != budget/2 {
		t.Errorf("%d authors with %s: Mem %d, %v; want %d", n, FormatBytes(budget), opt.Mem, err, budget/2)
	}
	opt, err = planMemory(listPapers{team(100)}, BuildOptions{}, func() bool { return false })
	if err != nil || opt.Mem != 0 {
		t.Errorf("100 authors: Mem %d, %v; want 0", opt.Mem, err)
	}
}

// A canceled build returns the context's error.
func TestFromPapersCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := FromPapers(ctx, make([]string, 100), listPapers{team(100)}, BuildOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

func TestFormatBytes(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		want string
	}{{0, "0 B"}, {1023, "1023 B"}, {1024, "1.0 KB"}, {1536 << 20, "1.5 GB"}, {6 << 40, "6.0 TB"}} {
		if got := FormatBytes(tt.n); got != tt.want {
			t.Errorf("FormatBytes(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// Pairs to be spilled beyond the free disk stop the build before
// anything is written.
func TestDiskBudget(t *testing.T) {
	dir := t.TempDir()
	free := freeDisk(dir)
	if free < 0 || free > 100<<30 {
		t.Skipf("free disk %d: unknown, or too much to fill with a test's papers", free)
	}
	pair := team(60)              // 1,770 pairs; teams of up to 64 are not sorted
	n := int(free/8/1770)*3/2 + 1 // half as many again: other programs write too
	ps := make(listPapers, n)
	for i := range ps {
		ps[i] = pair
	}
	_, err := planMemory(ps, BuildOptions{Mem: 64 << 20, TempDir: dir}, func() bool { return false })
	var de *DiskError
	if !errors.As(err, &de) || de.Pairs != int64(n)*1770 || de.Need <= de.Free {
		t.Fatalf("%d papers: err = %v", n, err)
	}
	if !strings.Contains(err.Error(), dir) {
		t.Errorf("%q does not name %s", err, dir)
	}
	// A quarter as many fit.
	if _, err := planMemory(ps[:n/4], BuildOptions{Mem: 64 << 20, TempDir: dir}, func() bool { return false }); err != nil {
		t.Errorf("%d papers: %v", n/4, err)
	}
}
