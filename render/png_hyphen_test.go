package render

import (
	"testing"

	"github.com/fogleman/gg"
)

// The PNG draws a hyphen as a hyphen, not as the Go fonts' U+002D, which
// is as long as their minus sign ("Co−authors"): at 100 pixels, the ink
// of "-" is under 30 pixels wide (the soft-hyphen glyph: 25; U+002D: 48).
func TestPNGHyphen(t *testing.T) {
	dc := gg.NewContext(200, 200)
	dc.SetRGB(1, 1, 1)
	dc.Clear()
	text(dc, "-", 50, 150, 100, false, "#000000", 1, false)
	img := dc.Image()
	x0, x1 := 200, -1
	for y := range 200 {
		for x := range 200 {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
				x0, x1 = min(x0, x), max(x1, x)
			}
		}
	}
	if w := x1 - x0 + 1; x1 < 0 || w >= 30 {
		t.Errorf("a hyphen at 100 pixels is %d pixels wide, want 1 to 29", w)
	}
}
