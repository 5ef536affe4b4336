package render

import (
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"

	"github.com/fogleman/gg"

	"coauthor/render/picture"
)

// WritePNG rasterises a scene (the one the SVG writer writes) in pure Go
// with github.com/fogleman/gg (golang/freetype's anti-aliased rasteriser)
// and the Go fonts: the same picture as the SVG, at opt.Width pixels
// wide or opt.DPI (default 96) dots per inch.
func WritePNG(w io.Writer, s *picture.Scene, opt picture.Options) error {
	scale := 96.0 / 72
	if opt.DPI > 0 {
		scale = opt.DPI / 72
	}
	if opt.Width > 0 {
		scale = float64(opt.Width) / s.Width
	}
	W := max(1, int(math.Round(s.Width*scale)))
	H := max(1, int(math.Round(s.Height*scale)))
	dc := gg.NewContext(W, H)
	dc.Scale(scale, scale)
	dc.SetColor(color.White)
	dc.Clear()
	if d := s.Density; d != nil {
		dc.Push()
		dc.Translate(d.X, d.Y)
		dc.Scale(d.W/float64(d.Img.Bounds().Dx()), d.H/float64(d.Img.Bounds().Dy()))
		dc.DrawImage(d.Img, 0, 0)
		dc.Pop()
	}
	dc.SetLineCap(gg.LineCapRound)
	edge := hexColor(s.EdgeColor, s.EdgeOpacity)
	for _, e := range s.Edges {
		dc.SetColor(edge)
		dc.SetLineWidth(e.Width)
		dc.DrawLine(e.X1, e.Y1, e.X2, e.Y2)
		dc.Stroke()
	}
	for _, n := range s.Nodes {
		dc.DrawCircle(n.X, n.Y, n.R)
		dc.SetColor(hexColor(n.Fill, 1))
		dc.FillPreserve()
		dc.SetColor(color.White)
		dc.SetLineWidth(0.6)
		dc.Stroke()
		if n.Ego {
			dc.DrawCircle(n.X, n.Y, n.R+4)
			dc.SetColor(hexColor("#222222", 1))
			dc.SetLineWidth(2)
			dc.Stroke()
		}
	}
	for _, l := range s.Labels {
		if l.Leader {
			dc.SetColor(hexColor("#555555", 1))
			dc.SetLineWidth(0.6)
			dc.DrawLine(l.LX1, l.LY1, l.LX2, l.LY2)
			dc.Stroke()
		}
		text(dc, l.Text, l.X, l.Y, l.Size, false, "#111111", scale, true)
	}
	for _, sw := range s.Swatches {
		dc.DrawCircle(sw.X, sw.Y, sw.R)
		dc.SetColor(hexColor(sw.Fill, 1))
		dc.Fill()
	}
	for _, t := range s.Texts {
		text(dc, t.Text, t.X, t.Y, t.Size, t.Bold, t.Color, scale, false)
	}
	return png.Encode(w, dc.Image())
}

// text draws s with its baseline starting at x, y (points). Text is drawn
// in pixels with a face of the scaled size, so that glyphs are rendered
// at the output resolution; a halo is the text drawn in white around.
func text(dc *gg.Context, s string, x, y, size float64, bold bool, hex string, scale float64, halo bool) {
	dc.Push()
	dc.Identity()
	dc.SetFontFace(picture.Face(size*scale, bold))
	px, py := x*scale, y*scale
	if halo {
		dc.SetColor(color.White)
		r := 1.5 * scale
		for i := range 12 {
			a := float64(i) * math.Pi / 6
			dc.DrawString(s, px+r*math.Cos(a), py+r*math.Sin(a))
		}
	}
	dc.SetColor(hexColor(hex, 1))
	dc.DrawString(s, px, py)
	dc.Pop()
}

// hexColor parses #RRGGBB with an opacity.
func hexColor(hex string, opacity float64) color.NRGBA {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: uint8(math.Round(opacity * 255))}
}
