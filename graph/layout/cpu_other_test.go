//go:build !unix

package layout

// cpuSeconds is 0 where getrusage is missing.
func cpuSeconds() float64 { return 0 }
