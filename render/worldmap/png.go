package worldmap

import (
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/fogleman/gg"

	"coauthor/render/picture"
)

// maxPixels bounds a PNG's size (4 bytes a pixel in memory: 400 MB).
const maxPixels = 100_000_000

// WritePNG rasterises the map in pure Go, as render.WritePNG does the
// network pictures (github.com/fogleman/gg and the Go fonts): the same
// scene as the SVG, width pixels wide (0: 96 dots per inch). A PNG of
// more than 100 million pixels is an error, before any is drawn.
func (m *Map) WritePNG(w io.Writer, width int) error {
	sc := m.sc
	scale := 96.0 / 72
	if width > 0 {
		scale = float64(width) / sc.W
	}
	if !(sc.W*scale*sc.H*scale <= maxPixels) {
		return fmt.Errorf("worldmap: a PNG %.0f pixels wide would have %.0f million pixels; at most %d million", sc.W*scale, sc.W*scale*sc.H*scale/1e6, maxPixels/1_000_000)
	}
	W := max(1, int(math.Round(sc.W*scale)))
	H := max(1, int(math.Round(sc.H*scale)))
	dc := gg.NewContext(W, H)
	dc.Scale(scale, scale)
	dc.SetColor(color.White)
	dc.Clear()
	dc.SetLineJoin(gg.LineJoinRound)
	dc.SetLineCap(gg.LineCapRound)

	dc.Push()
	dc.Translate(sc.MapX, sc.MapY)
	dc.SetFillRuleEvenOdd()
	for _, s := range sc.Shapes {
		dc.NewSubPath()
		for _, poly := range s.Polys {
			for _, r := range poly {
				dc.MoveTo(r[0].X, r[0].Y)
				for _, p := range r[1:] {
					dc.LineTo(p.X, p.Y)
				}
				dc.ClosePath()
			}
		}
		dc.SetColor(hexColor(s.Fill, 1))
		dc.FillPreserve()
		dc.SetColor(hexColor(borderColor, 1))
		dc.SetLineWidth(0.4)
		dc.Stroke()
	}
	for _, d := range sc.Dots {
		dc.DrawCircle(d.X, d.Y, d.R)
		dc.SetColor(hexColor(d.Fill, 1))
		dc.FillPreserve()
		dc.SetColor(hexColor("#555555", 1))
		dc.SetLineWidth(0.5)
		dc.Stroke()
	}
	for _, l := range sc.Links {
		drawLink(dc, l)
	}
	dc.SetColor(hexColor(endColor, 1))
	for _, e := range sc.Ends {
		dc.DrawCircle(e.X, e.Y, endR)
		dc.Fill()
	}
	dc.Pop()

	for _, t := range sc.Labels {
		drawText(dc, t, scale, true)
	}
	// The colour scale: thin strips of the interpolated palette.
	b := sc.Bar
	const strips = 110
	for i := range strips {
		x := b.X + b.W*float64(i)/strips
		dc.DrawRectangle(x, b.Y, b.W/strips+0.3, b.H)
		dc.SetColor(hexColor(paletteAt((float64(i)+0.5)/strips), 1))
		dc.Fill()
	}
	dc.DrawRectangle(b.X, b.Y, b.W, b.H)
	dc.SetColor(hexColor(b.Stroke, 1))
	dc.SetLineWidth(0.5)
	dc.Stroke()
	for _, r := range sc.Rects {
		dc.DrawRectangle(r.X, r.Y, r.W, r.H)
		dc.SetColor(hexColor(r.Fill, 1))
		if r.Stroke != "" {
			dc.FillPreserve()
			dc.SetColor(hexColor(r.Stroke, 1))
			dc.SetLineWidth(0.5)
			dc.Stroke()
		} else {
			dc.Fill()
		}
	}
	for _, l := range sc.Samples {
		drawLink(dc, l)
	}
	for _, t := range sc.Texts {
		drawText(dc, t, scale, false)
	}
	return png.Encode(w, dc.Image())
}

func drawLink(dc *gg.Context, l sceneLink) {
	dc.MoveTo(l.P0.X, l.P0.Y)
	dc.QuadraticTo(l.C.X, l.C.Y, l.P1.X, l.P1.Y)
	dc.SetColor(hexColor(linkColor, linkOpacity))
	dc.SetLineWidth(l.Width)
	dc.Stroke()
}

// drawText draws t in pixels with a face of the scaled size, so that
// glyphs are rendered at the output resolution; a halo is the text drawn
// in white around it (as render's PNG labels).
func drawText(dc *gg.Context, t sceneText, scale float64, halo bool) {
	dc.Push()
	dc.Identity()
	dc.SetFontFace(picture.Face(t.Size*scale, t.Bold))
	x := t.X
	if t.Anchor == "middle" {
		x -= picture.TextWidth(t.Text, t.Size, t.Bold) / 2
	}
	px, py := x*scale, t.Y*scale
	// The Go fonts draw U+002D as long as a minus sign; their soft hyphen
	// has a hyphen's length (as render's PNG does).
	text := strings.ReplaceAll(t.Text, "-", "\u00AD")
	if halo {
		dc.SetColor(color.White)
		r := 1.5 * scale
		for i := range 12 {
			a := float64(i) * math.Pi / 6
			dc.DrawString(text, px+r*math.Cos(a), py+r*math.Sin(a))
		}
	}
	dc.SetColor(hexColor(t.Color, 1))
	dc.DrawString(text, px, py)
	dc.Pop()
}

// hexColor parses #RRGGBB with an opacity.
func hexColor(hex string, opacity float64) color.NRGBA {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: uint8(math.Round(opacity * 255))}
}
