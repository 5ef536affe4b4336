package explorer

import (
	"fmt"
	"math"
	"strings"

	"coauthor/render/worldmap"
)

// Basemap is a map drawn under the network: the world's countries for a
// network of countries. Its shapes are SVG paths on a canvas Width ×
// Height points, y down, in the coordinates of Options.Positions; the web
// app draws them as a layer under the nodes and links, moved and zoomed
// with them.
type Basemap struct {
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	Shapes []Shape `json:"shapes"`
}

// Shape is one country of a Basemap: its name, ISO 3166-1 alpha-2 code,
// SVG path ("" for a country too small for the boundaries' scale, drawn
// as a dot at X, Y), its centroid X, Y (where its node and links are
// drawn) and its node on the map (-1 for none).
type Shape struct {
	Name string  `json:"name"`
	Code string  `json:"code,omitempty"`
	Path string  `json:"path,omitempty"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	Node int32   `json:"node"`
}

// basemapWidth is the world map's canvas width in the explorer, in the
// unit of the node sizes (as the frame of other maps).
const basemapWidth = frame

// WorldMap returns the world map (render/worldmap's outline) as a Basemap
// and the positions of the nodes whose countries are codes (ISO 3166-1
// alpha-2, one per node): each at its country's centroid, as on the
// world map render draws. A code the map has no place for (its
// boundaries merge the country into another) is placed in a row under
// the map and returned in missing.
func WorldMap(codes []string) (b *Basemap, pos [][2]float64, missing []string, err error) {
	o, err := worldmap.Project(basemapWidth)
	if err != nil {
		return nil, nil, nil, err
	}
	b = &Basemap{Width: o.Width, Height: o.Height, Shapes: make([]Shape, len(o.Countries))}
	at := map[string]int{}
	for i, c := range o.Countries {
		b.Shapes[i] = Shape{Name: c.Name, Code: c.Code, Path: c.Path, X: c.X, Y: c.Y, Node: -1}
		if c.Code != "" {
			at[c.Code] = i
		}
	}
	pos = make([][2]float64, len(codes))
	for v, code := range codes {
		i, ok := at[strings.ToUpper(code)]
		if !ok || b.Shapes[i].Node >= 0 {
			missing = append(missing, code)
			pos[v] = [2]float64{20 + 30*float64(len(missing)-1), b.Height + 30}
			continue
		}
		b.Shapes[i].Node = int32(v)
		pos[v] = [2]float64{b.Shapes[i].X, b.Shapes[i].Y}
	}
	return b, pos, missing, nil
}

// check reports a basemap without positions, or one whose canvas or
// shapes are not finite numbers or name nodes not on the map.
func (b *Basemap) check(n int, pos [][2]float64) error {
	if pos == nil {
		return fmt.Errorf("explorer: a Basemap needs Options.Positions in its coordinates")
	}
	if !(b.Width > 0) || !(b.Height > 0) || math.IsInf(b.Width, 0) || math.IsInf(b.Height, 0) {
		return fmt.Errorf("explorer: Basemap of %g × %g points", b.Width, b.Height)
	}
	for _, s := range b.Shapes {
		if math.IsNaN(s.X) || math.IsNaN(s.Y) || math.IsInf(s.X, 0) || math.IsInf(s.Y, 0) || s.Node < -1 || int(s.Node) >= n {
			return fmt.Errorf("explorer: Basemap shape %q at %g, %g for node %d of %d", s.Name, s.X, s.Y, s.Node, n)
		}
	}
	return nil
}
