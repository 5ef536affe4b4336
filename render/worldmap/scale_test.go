package worldmap

import (
	"fmt"
	"slices"
	"testing"
)

func TestScale(t *testing.T) {
	for _, c := range []struct {
		name  string
		vals  []float64
		kind  string
		log   bool
		ticks string
	}{
		{"linear from zero", []float64{9, 420}, "", false, "[0 200 400]"},
		{"log when the range is wide", []float64{2, 100, 5000}, "", true, "[10 100 1000]"},
		{"log of just under three decades", []float64{2, 1500}, "", true, "[2 5 10 20 50 100 200 500 1000]"},
		{"log of under three decades has 2× and 5×", []float64{3, 150}, "", true, "[5 10 20 50 100]"},
		{"ratio under 50 stays linear", []float64{3, 140}, "", false, "[0 50 100]"},
		{"log asked", []float64{3, 140}, "log", true, "[5 10 20 50 100]"},
		{"linear asked", []float64{2, 100, 5000}, "linear", false, "[0 2000 4000]"},
		{"log asked with a zero is linear", []float64{0, 10}, "log", false, "[0 5 10]"},
		{"negative values", []float64{-0.5, 0.25}, "", false, "[-0.4 -0.2 0 0.2]"},
		{"one value", []float64{7}, "", false, "[0 2 4 6]"},
		{"narrow log range has its ends", []float64{60, 90}, "log", true, "[60 90]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newScale(c.vals, c.kind)
			if s.log != c.log {
				t.Errorf("log %v, want %v", s.log, c.log)
			}
			if got := fmt.Sprint(s.ticks()); got != c.ticks {
				t.Errorf("ticks %s, want %s", got, c.ticks)
			}
			// Colours go from the palette's first to its last, in order.
			lo, hi := slices.Min(c.vals), slices.Max(c.vals)
			if s.t(hi) != 1 {
				t.Errorf("t(%v) = %v, want 1", hi, s.t(hi))
			}
			if lo != hi && s.t(lo) >= s.t(hi) {
				t.Errorf("t(%v) = %v ≥ t(%v)", lo, s.t(lo), hi)
			}
		})
	}
	if paletteAt(0) != palette[0] || paletteAt(1) != palette[len(palette)-1] || paletteAt(0.5) != "#2fa4c2" {
		t.Errorf("paletteAt 0, 0.5, 1: %s %s %s", paletteAt(0), paletteAt(0.5), paletteAt(1))
	}
}

func TestFormatNumber(t *testing.T) {
	for x, want := range map[float64]string{0: "0", 12: "12", 1234: "1,234", 1234567: "1,234,567", -4500: "-4,500", 0.125: "0.125", 2.3456: "2.35", 1e-5: "1e-05"} {
		if got := formatNumber(x); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", x, got, want)
		}
	}
}
