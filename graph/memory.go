package graph

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Memory taken by the build, per co-author pair and per edge, measured:
// one paper of 20,000 authors (199,990,000 pairs, every one an edge) made
// the process grow to 12.9 GB, 64 bytes a pair (8-byte keys, their copy
// and the radix sort's scratch, then the edges and the adjacency). The
// graph alone holds an edge in 56 bytes: the Edge (24) and both
// adjacency entries (neighbour, weight and edge id: 2 × 16).
const (
	BytesPerPair = 64
	BytesPerEdge = 56
)

// DefaultMemory returns the memory budget of a build when
// BuildOptions.Mem is 0: a quarter of the machine's memory, or half of
// what is available now if that is less (Linux's /proc/meminfo); 0, no
// budget, when the machine does not say.
func DefaultMemory() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	var total, avail int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			continue
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			continue
		}
		switch name {
		case "MemTotal":
			total = kb << 10
		case "MemAvailable":
			avail = kb << 10
		}
	}
	budget := total / 4
	if avail > 0 && (budget == 0 || avail/2 < budget) {
		budget = avail / 2
	}
	return budget
}

// LargePaper is a paper too large for a memory budget.
type LargePaper struct {
	Index   int // in the Papers given
	Authors int // distinct authors
	Pairs   int // co-author pairs it adds, n(n−1)/2
}

// TooLargeError is the error of a build refused before it starts: papers
// each of whose co-author pairs alone, as edges, would not fit in the
// memory budget, however the other pairs are stored.
type TooLargeError struct {
	Papers []LargePaper // largest first, at most maxLarge
	More   int          // further papers over the budget, not listed
	Budget int64        // bytes
}

// maxLarge is the most papers a TooLargeError lists.
const maxLarge = 5

func (e *TooLargeError) Error() string {
	var b strings.Builder
	for i, p := range e.Papers {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "paper %d has %d authors and adds %d co-author pairs (about %s)", p.Index, p.Authors, p.Pairs, FormatBytes(int64(p.Pairs)*BytesPerEdge))
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "; and %d more such papers", e.More)
	}
	fmt.Fprintf(&b, ": over the memory budget of %s; leave out papers with more than %d authors", FormatBytes(e.Budget), e.MaxAuthors())
	return b.String()
}

// MaxAuthors returns a cap on authors per paper that leaves out every
// paper of the error: the largest team whose pairs fit in a tenth of the
// budget, at most 1,000.
func (e *TooLargeError) MaxAuthors() int {
	n := 1000
	for n > 2 && int64(n)*int64(n-1)/2*BytesPerEdge > e.Budget/10 {
		n = n * 9 / 10
	}
	return n
}

// FormatBytes writes a size in bytes as "5.8 GB", "512.0 MB" or "300 B"
// (powers of 1024, as ParseBytes reads them).
func FormatBytes(n int64) string {
	const units = "KMGTPE"
	if n < 1024 {
		return strconv.FormatInt(n, 10) + " B"
	}
	x, i := float64(n)/1024, 0
	for x >= 1024 && i < len(units)-1 {
		x /= 1024
		i++
	}
	return strconv.FormatFloat(x, 'f', 1, 64) + " " + units[i:i+1] + "B"
}

// planMemory counts the co-author pairs of ps and decides, before
// anything is allocated, whether the build fits in its memory budget:
// budget is opt.Mem when set, else DefaultMemory(). It returns a
// *TooLargeError when some paper's pairs alone, as edges, exceed the
// budget; otherwise the options to build with: when all the pairs held
// in memory would exceed a default budget, they are spilled to disk
// within it (opt.Mem = half the budget), which gives the same graph.
func planMemory(ps Papers, opt BuildOptions, stop func() bool) (BuildOptions, error) {
	budget := opt.Mem
	if budget == 0 {
		budget = DefaultMemory()
	}
	if budget <= 0 {
		return opt, nil
	}
	var pairs int64
	var large []LargePaper
	over := int64(0)
	var buf []int32
	for i := 0; i < ps.Len(); i++ {
		if i%4096 == 0 && stop() {
			return opt, nil
		}
		authors := ps.Authors(i)
		k := len(authors)
		if k > 64 { // repeats count once, as in AddPaper
			buf = append(buf[:0], authors...)
			slices.Sort(buf)
			k = len(slices.Compact(buf))
		}
		p := int64(k) * int64(k-1) / 2
		pairs += p
		if p*BytesPerEdge > budget {
			over++
			large = append(large, LargePaper{Index: i, Authors: k, Pairs: int(p)})
		}
	}
	if len(large) > 0 {
		slices.SortStableFunc(large, func(a, b LargePaper) int { return b.Pairs - a.Pairs })
		e := &TooLargeError{Budget: budget}
		e.Papers = large[:min(len(large), maxLarge)]
		e.More = len(large) - len(e.Papers)
		return opt, e
	}
	if opt.Mem == 0 && pairs*BytesPerPair > budget {
		opt.Mem = budget / 2
	}
	// Spilled, the pairs go to disk, 8 bytes each (12 with their paper or
	// team size), once they outgrow a buffer of half the budget.
	rec := int64(8)
	if opt.KeepPapers || opt.Counting == Fractional {
		rec = 12
	}
	if opt.Mem > 0 && pairs > opt.Mem/(2*rec) {
		if free := freeDisk(opt.TempDir); free >= 0 && pairs*rec > free {
			return opt, &DiskError{Pairs: pairs, Need: pairs * rec, Free: free, Dir: opt.TempDir}
		}
	}
	return opt, nil
}

// DiskError is the error of a build whose co-author pairs, spilled to
// disk under the memory budget, would not fit in the free space of the
// temporary directory: found before anything is written.
type DiskError struct {
	Pairs      int64
	Need, Free int64  // bytes
	Dir        string // "" for the system's temporary directory
}

func (e *DiskError) Error() string {
	dir := e.Dir
	if dir == "" {
		dir = os.TempDir()
	}
	return fmt.Sprintf("the %d co-author pairs need %s of disk beyond the memory budget, and %s has %s free: give a larger temporary directory (TMPDIR) or memory budget (-mem), or leave out large teams (--max-authors)", e.Pairs, FormatBytes(e.Need), dir, FormatBytes(e.Free))
}
