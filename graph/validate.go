package graph

import (
	"fmt"
	"math"
)

// The options of the graph package check themselves: each Validate
// returns an error naming the field and its value, and the functions that
// take the options call it first, so that a bad value is an error from
// the library whoever the caller is (not only behind the command line's
// flags).

// Validate reports a Counting other than Full and Fractional, or a
// negative Mem.
func (o BuildOptions) Validate() error {
	switch {
	case o.Counting != Full && o.Counting != Fractional:
		return fmt.Errorf("graph: BuildOptions.Counting is %v, want Full or Fractional", o.Counting)
	case o.Mem < 0:
		return fmt.Errorf("graph: BuildOptions.Mem is %d, want 0 (no budget) or more", o.Mem)
	}
	return nil
}

// Validate reports a negative, NaN or infinite Tol, or a negative MaxIter
// (0 of either is the default).
func (o IterOptions) Validate() error {
	switch {
	case !finite(o.Tol) || o.Tol < 0:
		return fmt.Errorf("graph: IterOptions.Tol is %v, want 0 (the default) or a finite number above 0", o.Tol)
	case o.MaxIter < 0:
		return fmt.Errorf("graph: IterOptions.MaxIter is %d, want 0 (the default) or more", o.MaxIter)
	}
	return nil
}

// Validate reports a negative Samples, an Epsilon outside [0, 1) or a
// Delta outside (0, 1) other than 0 (the default, 0.1).
func (o BetweennessOptions) Validate() error {
	switch {
	case o.Samples < 0:
		return fmt.Errorf("graph: BetweennessOptions.Samples is %d, want 0 (exact) or more", o.Samples)
	case !(o.Epsilon >= 0 && o.Epsilon < 1):
		return fmt.Errorf("graph: BetweennessOptions.Epsilon is %v, want 0 (exact) or more and below 1", o.Epsilon)
	case !(o.Delta >= 0 && o.Delta < 1):
		return fmt.Errorf("graph: BetweennessOptions.Delta is %v, want above 0 and below 1 (0: 0.1)", o.Delta)
	}
	return nil
}

// Validate returns nil: every seed is a seed and Step may be nil.
func (o SummaryOptions) Validate() error { return nil }

// checkDamping reports a PageRank damping factor outside [0, 1].
func checkDamping(d float64) error {
	if !(d >= 0 && d <= 1) {
		return fmt.Errorf("graph: PageRank damping is %v, want 0 to 1 (usually 0.85)", d)
	}
	return nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Tiny is the magnitude below which a value is written as 0: it keeps
// subnormal numbers (such as an eigenvector centrality of 8.97e-316 far
// from the main component) out of every output, as C parsers such as
// igraph's reject them ("double overflow") and they mean 0 here.
const Tiny = 1e-300

// Flush returns x, or 0 when |x| is below Tiny.
func Flush(x float64) float64 {
	if x > -Tiny && x < Tiny {
		return 0
	}
	return x
}
