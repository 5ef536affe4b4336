package picture

import (
	"bufio"
	"bytes"
	"image/color"
	"strings"
	"testing"
)

// TestDensity: two authors, one with nine times the other's weight: the
// densest place (red, the ramp's top) is at the heavy one, the light one
// has less, a far corner none (white).
func TestDensity(t *testing.T) {
	r := Density([]float64{100, 300}, []float64{100, 100}, []float64{9, 1}, 0, 0, 400, 200)
	at := func(x, y float64) color.NRGBA {
		b := r.Img.Bounds()
		return r.Img.NRGBAAt(int(x/r.W*float64(b.Dx())), int(y/r.H*float64(b.Dy())))
	}
	if c := at(100, 100); c != densityRamp[len(densityRamp)-1] {
		t.Errorf("at the heavy author: %v, want the ramp's top %v", c, densityRamp[len(densityRamp)-1])
	}
	if c := at(399, 0); c != densityRamp[0] {
		t.Errorf("in a far corner: %v, want white", c)
	}
	heavy, light := at(100, 100), at(300, 100)
	if light == heavy || light == densityRamp[0] {
		t.Errorf("at the light author: %v (heavy %v), want between", light, heavy)
	}
	if r.W < 400 || r.H < 200 {
		t.Errorf("raster %v×%v, want it to cover 400×200", r.W, r.H)
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	if err := r.writeSVG(w); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	if !strings.HasPrefix(b.String(), `<image class="density" x="0" y="0"`) || !strings.Contains(b.String(), "data:image/png;base64,") {
		t.Errorf("SVG %.80s", b.String())
	}
}
