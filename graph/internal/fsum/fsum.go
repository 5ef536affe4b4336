// Package fsum adds float64s with Neumaier's compensation.
package fsum

// Sum adds float64s with Neumaier's compensation, so that fractional
// weights such as 1/3 + 1/3 + 1/3 come out as exactly 1 where they can and
// results do not depend on the order of many small terms. The zero value
// is an empty sum.
type Sum struct{ s, c float64 }

// Add adds x.
func (k *Sum) Add(x float64) {
	t := k.s + x
	if abs(k.s) >= abs(x) {
		k.c += (k.s - t) + x
	} else {
		k.c += (x - t) + k.s
	}
	k.s = t
}

// Value returns the sum.
func (k *Sum) Value() float64 { return k.s + k.c }

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
