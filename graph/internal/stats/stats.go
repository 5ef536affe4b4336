// Package stats holds the small statistics the graph packages share.
package stats

import "slices"

// Median returns the upper median of xs (the element at len/2 once
// sorted), 0 for none; xs is not modified.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
