package worldmap

import (
	"fmt"
	"math"
)

// palette is ColorBrewer's YlGnBu, a sequential scheme that ColorBrewer
// marks colour-blind safe (Harrower and Brewer, "ColorBrewer.org: an
// online tool for selecting colour schemes for maps", The Cartographic
// Journal 40(1), 2003), classes 2 to 9 of its 9-class version: the
// lightest class is left out so that the smallest value still stands out
// from the white sea. Colours between the stops are interpolated in sRGB,
// as an SVG linear gradient does.
var palette = []string{"#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"}

// Colours of what is not on the scale.
const (
	noDataColor = "#d9d9d9" // land without data
	borderColor = "#ffffff"
	linkColor   = "#d95f02" // ColorBrewer Dark2 orange, apart from the blues
	linkOpacity = 0.7
	endColor    = "#333333"
	textColor   = "#111111"
	greyText    = "#555555"
)

// colorScale maps values onto [0, 1] of the palette.
type colorScale struct {
	log    bool
	lo, hi float64
}

func newScale(vals []float64, kind string) colorScale {
	if len(vals) == 0 {
		return colorScale{lo: 0, hi: 1}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		lo, hi = min(lo, v), max(hi, v)
	}
	if kind == "log" || kind == "" && lo > 0 && hi >= 50*lo {
		if lo > 0 {
			return colorScale{log: true, lo: lo, hi: hi}
		}
	}
	return colorScale{lo: min(0, lo), hi: max(0, hi)}
}

// t places v on the scale, 0 the lightest colour and 1 the darkest.
func (s colorScale) t(v float64) float64 {
	var t float64
	switch {
	case s.hi == s.lo:
		t = 1
	case s.log:
		if v <= 0 {
			return 0
		}
		t = (math.Log(v) - math.Log(s.lo)) / (math.Log(s.hi) - math.Log(s.lo))
	default:
		t = (v - s.lo) / (s.hi - s.lo)
	}
	return max(0, min(1, t))
}

func (s colorScale) color(v float64) string { return paletteAt(s.t(v)) }

// paletteAt interpolates the palette at t in [0, 1].
func paletteAt(t float64) string {
	n := len(palette) - 1
	f := t * float64(n)
	i := min(n-1, int(math.Floor(f)))
	u := f - float64(i)
	a, b := rgb(palette[i]), rgb(palette[i+1])
	var c [3]int
	for k := range 3 {
		c[k] = int(math.Round(float64(a[k]) + u*float64(b[k]-a[k])))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}

func rgb(hex string) [3]int {
	var c [3]int
	fmt.Sscanf(hex, "#%02x%02x%02x", &c[0], &c[1], &c[2])
	return c
}

// ticks are the values the legend marks on the scale: powers of ten
// (and 2× and 5× when the scale spans under three decades) on a log
// scale, round steps on a linear one, the ends when nothing else fits.
func (s colorScale) ticks() []float64 {
	var ts []float64
	if s.hi == s.lo {
		return []float64{s.lo}
	}
	if s.log {
		a, b := math.Floor(math.Log10(s.lo)), math.Ceil(math.Log10(s.hi))
		mult := []float64{1}
		if math.Log10(s.hi/s.lo) < 3 {
			mult = []float64{1, 2, 5}
		}
		for e := a; e <= b; e++ {
			for _, m := range mult {
				v := m * math.Pow(10, e)
				if v >= s.lo*(1-1e-9) && v <= s.hi*(1+1e-9) {
					ts = append(ts, v)
				}
			}
		}
	} else {
		step := niceStep((s.hi - s.lo) / 4)
		for v := math.Ceil(s.lo/step) * step; v <= s.hi+step*1e-9; v += step {
			ts = append(ts, math.Round(v/step)*step)
		}
	}
	if len(ts) < 2 {
		ts = []float64{s.lo, s.hi}
	}
	return ts
}

// niceStep rounds x up to 1, 2 or 5 times a power of ten.
func niceStep(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}
