package picture

import (
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// Text is measured with the Go fonts (golang.org/x/image/font/gofont),
// which PNG output draws with. SVG names them first and falls back to
// Helvetica and Arial, which are narrower, so that a label measured here
// holds its text in any of them.
var (
	fontsOnce         sync.Once
	regularTT, boldTT *opentype.Font
	facesMu           sync.Mutex
	faces             = map[faceKey]font.Face{}
)

type faceKey struct {
	size float64
	bold bool
}

func loadFonts() {
	var err error
	if regularTT, err = opentype.Parse(goregular.TTF); err != nil {
		panic(err)
	}
	if boldTT, err = opentype.Parse(gobold.TTF); err != nil {
		panic(err)
	}
}

// Face returns the Go font face (bold or regular) of size points at 72
// dots per inch, so that one dot is one point: scale the size for pixels.
// Faces are shared: use them from one goroutine at a time.
func Face(size float64, bold bool) font.Face {
	fontsOnce.Do(loadFonts)
	k := faceKey{math.Round(size*100) / 100, bold}
	facesMu.Lock()
	defer facesMu.Unlock()
	if f, ok := faces[k]; ok {
		return f
	}
	tt := regularTT
	if bold {
		tt = boldTT
	}
	f, err := opentype.NewFace(tt, &opentype.FaceOptions{Size: k.size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err)
	}
	faces[k] = f
	return f
}

// TextWidth returns the width of s in points at size points.
func TextWidth(s string, size float64, bold bool) float64 {
	f := Face(size, bold)
	facesMu.Lock()
	defer facesMu.Unlock()
	return float64(font.MeasureString(f, s)) / 64
}

// TextBox returns the box of s drawn with its baseline starting at x, y
// (y down): x0, y0 (top), x1, y1 (bottom), from the Go font's ascent and
// descent.
func TextBox(s string, x, y, size float64, bold bool) (x0, y0, x1, y1 float64) {
	return x, y - Ascent*size, x + TextWidth(s, size, bold), y + Descent*size
}

// Ascent and Descent are the Go fonts' ascent and descent over the size
// (their hhea metrics, rounded up).
const (
	Ascent  = 0.95
	Descent = 0.22
)
