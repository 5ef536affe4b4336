package community

import (
	"fmt"
	"math"
)

// MaxStarts is the most Leiden starts Options.Starts may ask for.
const MaxStarts = 1000

// Validate reports options Louvain and Leiden cannot run with: a
// Resolution that is negative, NaN or infinite (0 means 1), or Starts
// outside 1 to MaxStarts other than 0 (chosen by size). Every Seed and
// every Iterations is valid (negative Iterations: until a pass gains
// little).
func (o Options) Validate() error {
	switch {
	case math.IsNaN(o.Resolution) || math.IsInf(o.Resolution, 0) || o.Resolution < 0:
		return fmt.Errorf("community: Options.Resolution is %v, want a finite number above 0 (0: 1)", o.Resolution)
	case o.Starts < 0 || o.Starts > MaxStarts:
		return fmt.Errorf("community: Options.Starts is %d, want 1 to %d (0: by size)", o.Starts, MaxStarts)
	}
	return nil
}
