package report

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// Suggest returns the candidate closest to name, when it is close enough
// to be a slip (an edit distance of at most a third of its length, at
// least 1, ignoring case), else "".
func Suggest(name string, candidates []string) string {
	n := len([]rune(name))
	best, bestD := "", max(1, n/3)+1
	for _, c := range candidates {
		if l := len(c); l < n-bestD || l > 4*(n+bestD) {
			continue // too short or too long to be near
		}
		if d := distance(strings.ToLower(name), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// DidYouMean returns "; did you mean X?" for Suggest's X, "" for none.
func DidYouMean(name string, candidates []string) string {
	if s := Suggest(name, candidates); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return ""
}

// distance is the edit distance between a and b in runes, a swap of two
// neighbours counting one (optimal string alignment).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// Version returns the program's version line: its module's version (and
// the commit it was built from, when known) and the Go version.
func Version(program string) string {
	version, commit := "(devel)", ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && len(s.Value) >= 12:
				commit = " " + s.Value[:12]
			case s.Key == "vcs.modified" && s.Value == "true" && commit != "":
				commit += "+"
			}
		}
	}
	return fmt.Sprintf("%s %s%s %s %s/%s\n", program, version, commit, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
