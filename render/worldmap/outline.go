package worldmap

import (
	"math"
	"strconv"
	"strings"
)

// Outline is the world map's countries projected onto a canvas Width
// points wide (Equal Earth, y down, Antarctica left out), as the map's
// SVG draws them: what a browser needs to draw the same map.
type Outline struct {
	Width     float64        `json:"width"`
	Height    float64        `json:"height"`
	Countries []CountryShape `json:"countries"`

	xmin, ymax, s float64 // the plane of EqualEarth onto the canvas
}

// Locate returns where longitude lon and latitude lat (degrees) are on
// the outline's canvas (points, y down).
func (o *Outline) Locate(lon, lat float64) (x, y float64) {
	px, py := EqualEarth(lon, lat)
	return (px - o.xmin) * o.s, (o.ymax - py) * o.s
}

// CountryShape is one country of an Outline: its ISO 3166-1 alpha-2 code
// (empty for the two shapes of the boundaries that have none, Northern
// Cyprus and Somaliland), its name, its SVG path (empty for a country
// too small for the 1:110m boundaries, drawn as a dot at X, Y) and the
// point where links to it end (X, Y: the centroid of its largest
// polygon, or a point inside that polygon when the centroid falls
// outside it).
type CountryShape struct {
	Code string  `json:"code,omitempty"`
	Name string  `json:"name"`
	Path string  `json:"path,omitempty"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`

	polys [][][]pt // the path's polygons, rounded as in Path
}

// outline projects the atlas onto a canvas width points wide.
func outline(width float64) (*Outline, error) {
	a, err := loadAtlas()
	if err != nil {
		return nil, err
	}
	type proj struct {
		polys [][][]pt
		point pt
	}
	ps := make([]proj, len(a))
	xmin, ymin, xmax, ymax := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i, c := range a {
		if c.Code == "AQ" {
			continue
		}
		if len(c.Point) == 2 {
			x, y := EqualEarth(float64(c.Point[0])/100, float64(c.Point[1])/100)
			ps[i].point = pt{x, y}
			continue
		}
		for _, poly := range c.Polygons {
			var rings [][]pt
			for _, r := range poly {
				ring := make([]pt, 0, len(r)/2)
				for k := 0; k+1 < len(r); k += 2 {
					x, y := EqualEarth(float64(r[k])/100, float64(r[k+1])/100)
					ring = append(ring, pt{x, y})
					xmin, xmax = min(xmin, x), max(xmax, x)
					ymin, ymax = min(ymin, y), max(ymax, y)
				}
				rings = append(rings, ring)
			}
			ps[i].polys = append(ps[i].polys, rings)
		}
	}
	s := width / (xmax - xmin)
	o := &Outline{Width: width, Height: round1((ymax - ymin) * s), xmin: xmin, ymax: ymax, s: s}
	screen := func(p pt) pt { return pt{round1((p.X - xmin) * s), round1((ymax - p.Y) * s)} }
	for i, c := range a {
		if c.Code == "AQ" {
			continue
		}
		sh := CountryShape{Code: c.Code, Name: c.Name}
		if len(c.Point) == 2 {
			p := screen(ps[i].point)
			sh.X, sh.Y = p.X, p.Y
			o.Countries = append(o.Countries, sh)
			continue
		}
		var d strings.Builder
		best := -1.0
		var centre pt
		for _, poly := range ps[i].polys {
			var rings [][]pt
			for _, r := range poly {
				ring := make([]pt, 0, len(r))
				for _, p := range r {
					q := screen(p)
					if n := len(ring); n > 0 && ring[n-1] == q {
						continue
					}
					ring = append(ring, q)
				}
				if len(ring) < 3 {
					continue
				}
				rings = append(rings, ring)
				for k, p := range ring {
					if k == 0 {
						d.WriteByte('M')
					} else {
						d.WriteByte('L')
					}
					d.WriteString(f1(p.X))
					d.WriteByte(' ')
					d.WriteString(f1(p.Y))
				}
				d.WriteByte('Z')
			}
			if len(rings) == 0 {
				continue
			}
			sh.polys = append(sh.polys, rings)
			// The largest polygon by area on the plane, which is by area
			// on the globe (Equal Earth is equal-area).
			c, area := polygonCentroid(rings)
			if math.Abs(area) > best {
				best = math.Abs(area)
				centre = c
				if !inside(rings, c) {
					if p, ok := scanlineCentre(rings, c.Y); ok {
						centre = p
					}
				}
			}
		}
		sh.Path = d.String()
		sh.X, sh.Y = round1(centre.X), round1(centre.Y)
		o.Countries = append(o.Countries, sh)
	}
	return o, nil
}

// Project returns the world map's outline on a canvas width points wide
// (960 when width is not positive).
func Project(width float64) (*Outline, error) {
	if !(width > 0) || math.IsInf(width, 1) {
		width = defaultWidth
	}
	return outline(width)
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
func round2(x float64) float64 { return math.Round(x*100) / 100 }

func f1(x float64) string { return strconv.FormatFloat(round1(x), 'f', -1, 64) }
func f2(x float64) string { return strconv.FormatFloat(round2(x), 'f', -1, 64) }
