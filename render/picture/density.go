package picture

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
)

// Raster is a picture's density view (VOSviewer's): a kernel density
// of the nodes' positions, each weighted by its size's value, as an
// image drawn under the graph over X, Y, W, H of the scene.
type Raster struct {
	X, Y, W, H float64
	Img        *image.NRGBA
}

// densityRamp runs from white (no author near) through blue and green to
// red (the densest place).
var densityRamp = []color.NRGBA{
	{0xff, 0xff, 0xff, 0xff}, {0xc6, 0xdb, 0xef, 0xff}, {0x6b, 0xae, 0xd6, 0xff},
	{0x41, 0xab, 0x5d, 0xff}, {0xfe, 0xe3, 0x91, 0xff}, {0xfe, 0x99, 0x29, 0xff}, {0xd7, 0x30, 0x1f, 0xff},
}

// Density returns the density raster of the nodes at xs, ys (in the
// scene's units) weighted by w, over the box x0, y0, width, height: a
// Gaussian kernel of standard deviation a fortieth of the box's shorter
// side on a grid of cells of about 2 units, coloured by the square root
// of the density over its maximum (as the explorer's density view).
func Density(xs, ys, w []float64, x0, y0, width, height float64) *Raster {
	cell := math.Max(1, math.Max(width, height)/600)
	cols, rows := max(1, int(math.Ceil(width/cell))), max(1, int(math.Ceil(height/cell)))
	grid := make([]float64, cols*rows)
	bw := math.Max(3, math.Min(width, height)/40) / cell
	r := int(math.Ceil(3 * bw))
	ker := make([]float64, r+1)
	for d := range ker {
		ker[d] = math.Exp(-float64(d*d) / (2 * bw * bw))
	}
	for v := range xs {
		x, y := int(math.Round((xs[v]-x0)/cell)), int(math.Round((ys[v]-y0)/cell))
		wt := w[v]
		if !(wt > 0) || math.IsInf(wt, 0) {
			continue
		}
		for j := max(0, y-r); j <= min(rows-1, y+r); j++ {
			ky := ker[abs(j-y)] * wt
			for i := max(0, x-r); i <= min(cols-1, x+r); i++ {
				grid[j*cols+i] += ky * ker[abs(i-x)]
			}
		}
	}
	top := 0.0
	for _, g := range grid {
		top = math.Max(top, g)
	}
	img := image.NewNRGBA(image.Rect(0, 0, cols, rows))
	for k, g := range grid {
		t := 0.0
		if top > 0 {
			t = math.Sqrt(g / top)
		}
		f := t * float64(len(densityRamp)-1)
		i := min(int(f), len(densityRamp)-2)
		u := f - float64(i)
		a, b := densityRamp[i], densityRamp[i+1]
		mix := func(p, q uint8) uint8 { return uint8(math.Round(float64(p) + (float64(q)-float64(p))*u)) }
		img.SetNRGBA(k%cols, k/cols, color.NRGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff})
	}
	return &Raster{X: x0, Y: y0, W: float64(cols) * cell, H: float64(rows) * cell, Img: img}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// writeSVG writes the raster as an SVG <image> of its PNG.
func (r *Raster) writeSVG(w *bufio.Writer) error {
	var b bytes.Buffer
	if err := png.Encode(&b, r.Img); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "<image class=\"density\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" preserveAspectRatio=\"none\" href=\"data:image/png;base64,%s\"/>\n",
		f2(r.X), f2(r.Y), f2(r.W), f2(r.H), base64.StdEncoding.EncodeToString(b.Bytes()))
	return err
}
