package worldmap

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

// world.json is made by ./gen from world-atlas 2.0.2 (Natural Earth
// 1:110m and 1:50m admin-0 countries, public domain; packaging ISC, see
// LICENSE.world-atlas) and Debian's iso-codes 4.15.0 (numeric and
// alpha-2 codes and names, LGPL-2.1+, see SOURCES.md). Get the inputs as
// gen's doc comment says, then:
//
//go:generate go run gen/main.go -atlas /tmp/package -iso /usr/share/iso-codes/json/iso_3166-1.json -o world.json
//go:embed world.json
var worldJSON []byte

// atlasCountry is one entry of world.json: polygons (rings of lon, lat
// in hundredths of a degree, the first ring the outer one) or, for a
// country too small for the 1:110m boundaries, a point.
type atlasCountry struct {
	Code     string      `json:"code"`
	Numeric  string      `json:"numeric"`
	Name     string      `json:"name"`
	Polygons [][][]int32 `json:"polygons"`
	Point    []int32     `json:"point"`
}

var (
	atlasOnce sync.Once
	atlas     []atlasCountry
	atlasErr  error
	byCode    map[string]int
)

func loadAtlas() ([]atlasCountry, error) {
	atlasOnce.Do(func() {
		if atlasErr = json.Unmarshal(worldJSON, &atlas); atlasErr != nil {
			atlasErr = fmt.Errorf("worldmap: embedded world.json: %w", atlasErr)
			return
		}
		byCode = make(map[string]int, len(atlas))
		for i, c := range atlas {
			if c.Code != "" {
				byCode[c.Code] = i
			}
		}
	})
	return atlas, atlasErr
}

// Name returns the name of the country with ISO 3166-1 alpha-2 code
// code (iso-codes' common name where it has one: "South Korea", "Iran"),
// and whether the map knows the code.
func Name(code string) (string, bool) {
	a, err := loadAtlas()
	if err != nil {
		return "", false
	}
	i, ok := byCode[strings.ToUpper(code)]
	if !ok {
		return "", false
	}
	return a[i].Name, true
}

// Equal Earth projection constants (Šavrič, Patterson and Jenny, "The
// Equal Earth map projection", International Journal of Geographical
// Information Science 33(3), 2019, doi:10.1080/13658816.2018.1504949).
const (
	eeA1 = 1.340264
	eeA2 = -0.081106
	eeA3 = 0.000893
	eeA4 = 0.003796
)

// EqualEarth projects longitude and latitude (degrees) onto the plane of
// the Equal Earth projection on the unit sphere, y up:
//
//	sin θ = (√3/2) sin φ
//	x = 2√3 λ cos θ / (3 (9 A4 θ⁸ + 7 A3 θ⁶ + 3 A2 θ² + A1))
//	y = A4 θ⁹ + A3 θ⁷ + A2 θ³ + A1 θ
//
// with λ, φ in radians and A1 … A4 the paper's constants. It is an
// equal-area projection: areas on the plane are proportional to areas
// on the globe.
func EqualEarth(lon, lat float64) (x, y float64) {
	lam, phi := lon*math.Pi/180, lat*math.Pi/180
	th := math.Asin(math.Sqrt(3) / 2 * math.Sin(phi))
	t2 := th * th
	t6 := t2 * t2 * t2
	x = 2 * math.Sqrt(3) * lam * math.Cos(th) / (3 * (9*eeA4*t6*t2 + 7*eeA3*t6 + 3*eeA2*t2 + eeA1))
	y = th * (eeA1 + eeA2*t2 + t6*(eeA3+eeA4*t2))
	return x, y
}

type pt struct{ X, Y float64 }

// polygonCentroid is the area-weighted centroid of a polygon (outer ring
// first, holes after, holes subtracted) and its area.
func polygonCentroid(rings [][]pt) (c pt, area float64) {
	var sx, sy float64
	for k, r := range rings {
		var a, cx, cy float64
		for i := range r {
			p, q := r[i], r[(i+1)%len(r)]
			x := p.X*q.Y - q.X*p.Y
			a += x
			cx += (p.X + q.X) * x
			cy += (p.Y + q.Y) * x
		}
		// Orient every ring: the outer one counts positive, holes negative.
		sign := 1.0
		if (a < 0) != (k > 0) {
			sign = -1
		}
		area += sign * a / 2
		sx += sign * cx / 6
		sy += sign * cy / 6
	}
	if area == 0 {
		return rings[0][0], 0
	}
	return pt{sx / area, sy / area}, area
}

// inside reports whether p lies inside the polygon (even-odd rule over
// all its rings).
func inside(rings [][]pt, p pt) bool {
	in := false
	for _, r := range rings {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
				in = !in
			}
		}
	}
	return in
}

// scanlineCentre is a point inside the polygon on the horizontal line
// y: the middle of the widest stretch of the line inside it. ok is false
// when the line misses the polygon.
func scanlineCentre(rings [][]pt, y float64) (pt, bool) {
	var xs []float64
	for _, r := range rings {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a.Y > y) != (b.Y > y) {
				xs = append(xs, (b.X-a.X)*(y-a.Y)/(b.Y-a.Y)+a.X)
			}
		}
	}
	slices.Sort(xs)
	best, bx := -1.0, 0.0
	for i := 0; i+1 < len(xs); i += 2 {
		if w := xs[i+1] - xs[i]; w > best {
			best, bx = w, (xs[i]+xs[i+1])/2
		}
	}
	return pt{bx, y}, best > 0
}
