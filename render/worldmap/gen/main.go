//go:build ignore

// Command gen converts the world-atlas TopoJSON files and the iso-codes
// country table into world.json, the boundaries that package worldmap
// embeds. It is run by hand when the data change (see the go:generate
// line in ../data.go):
//
//	cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//	apt-get install iso-codes   # /usr/share/iso-codes/json/iso_3166-1.json
//	go run gen/main.go -atlas /tmp/package -iso /usr/share/iso-codes/json/iso_3166-1.json -o world.json
//
// world.json holds, per country of countries-110m.json (Natural Earth
// 1:110m admin-0 countries, public domain), its ISO 3166-1 alpha-2 code
// (world-atlas ids are the numeric codes), name and polygons in
// geographic coordinates rounded to 0.01° (the 110m file is quantised
// to 0.0036° × 0.0017°); and for the countries too small for the 110m
// file but present in countries-50m.json (Singapore, Hong Kong, Malta,
// Bahrain and 57 more) one point: the centroid of their largest polygon.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects struct {
		Countries struct {
			Geometries []geometry `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
	Arcs [][][2]int `json:"arcs"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

type isoCountry struct {
	Alpha2     string `json:"alpha_2"`
	Numeric    string `json:"numeric"`
	Name       string `json:"name"`
	CommonName string `json:"common_name"`
}

// unassigned names the shapes of countries-110m.json that carry no ISO
// numeric id. Kosovo takes XK, the user-assigned code the European
// Commission and Natural Earth (ISO_A2_EH) use; the others stay without
// a code and are drawn as land without data.
var unassigned = map[string]string{"Kosovo": "XK"}

func main() {
	atlas := flag.String("atlas", "", "directory of the unpacked world-atlas npm package")
	isoFile := flag.String("iso", "/usr/share/iso-codes/json/iso_3166-1.json", "iso-codes' ISO 3166-1 JSON")
	out := flag.String("o", "world.json", "output file")
	flag.Parse()
	if err := run(*atlas, *isoFile, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// Country is one entry of world.json.
type Country struct {
	Code    string `json:"code,omitempty"`
	Numeric string `json:"numeric,omitempty"`
	Name    string `json:"name"`
	// Polygons: each a list of rings (the first the outer one), each
	// ring lon, lat, lon, lat, … in hundredths of a degree.
	Polygons [][][]int32 `json:"polygons,omitempty"`
	// Point is lon, lat of a country too small for the 110m file.
	Point []int32 `json:"point,omitempty"`
}

func run(atlas, isoFile, out string) error {
	var iso struct {
		Countries []isoCountry `json:"3166-1"`
	}
	if err := readJSON(isoFile, &iso); err != nil {
		return err
	}
	byNum := map[string]isoCountry{}
	for _, c := range iso.Countries {
		byNum[c.Numeric] = c
	}
	var t110, t50 topology
	if err := readJSON(filepath.Join(atlas, "countries-110m.json"), &t110); err != nil {
		return err
	}
	if err := readJSON(filepath.Join(atlas, "countries-50m.json"), &t50); err != nil {
		return err
	}
	var list []Country
	have := map[string]bool{}
	for _, g := range t110.Objects.Countries.Geometries {
		c := Country{Name: g.Properties.Name}
		if ic, ok := byNum[g.ID]; ok {
			c.Code, c.Numeric, c.Name = ic.Alpha2, ic.Numeric, name(ic)
		} else if g.ID != "" {
			return fmt.Errorf("countries-110m.json: id %q is no ISO 3166-1 numeric code", g.ID)
		} else {
			c.Code = unassigned[g.Properties.Name]
		}
		polys, err := t110.polygons(g)
		if err != nil {
			return err
		}
		for _, p := range cutAntimeridian(polys) {
			var rings [][]int32
			for _, r := range p {
				if q := quantise(r); len(q) >= 8 {
					rings = append(rings, q)
				}
			}
			if len(rings) > 0 {
				c.Polygons = append(c.Polygons, rings)
			}
		}
		if c.Code != "" {
			if have[c.Code] {
				return fmt.Errorf("countries-110m.json: %s twice", c.Code)
			}
			have[c.Code] = true
		}
		list = append(list, c)
	}
	for _, g := range t50.Objects.Countries.Geometries {
		ic, ok := byNum[g.ID]
		if !ok || have[ic.Alpha2] {
			continue
		}
		polys, err := t50.polygons(g)
		if err != nil {
			return err
		}
		lon, lat := largestCentroid(polys)
		list = append(list, Country{Code: ic.Alpha2, Numeric: ic.Numeric, Name: name(ic),
			Point: []int32{int32(math.Round(lon * 100)), int32(math.Round(lat * 100))}})
		have[ic.Alpha2] = true
	}
	slices.SortFunc(list, func(a, b Country) int {
		if (a.Code == "") != (b.Code == "") {
			if a.Code == "" {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Code+a.Name, b.Code+b.Name)
	})
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	// One country a line, so that a change of the data is a readable diff.
	fmt.Fprintln(bw, "[")
	for i, c := range list {
		b, err := json.Marshal(c)
		if err != nil {
			return err
		}
		sep := ","
		if i == len(list)-1 {
			sep = ""
		}
		fmt.Fprintf(bw, "%s%s\n", b, sep)
	}
	fmt.Fprintln(bw, "]")
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// name is iso-codes' common name where it gives one ("South Korea",
// "Iran"), else its name.
func name(c isoCountry) string {
	if c.CommonName != "" {
		return c.CommonName
	}
	return c.Name
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// polygons decodes a Polygon or MultiPolygon geometry: per polygon its
// rings, per ring lon, lat pairs. TopoJSON arcs are delta-encoded
// quantised positions; a negative arc index ~i is arc i reversed, and
// each arc after the first in a ring starts where the previous ended.
func (t *topology) polygons(g geometry) ([][][][2]float64, error) {
	var polys [][][]int
	switch g.Type {
	case "Polygon":
		var p [][]int
		if err := json.Unmarshal(g.Arcs, &p); err != nil {
			return nil, err
		}
		polys = [][][]int{p}
	case "MultiPolygon":
		if err := json.Unmarshal(g.Arcs, &polys); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%s: geometry type %q", g.Properties.Name, g.Type)
	}
	var res [][][][2]float64
	for _, p := range polys {
		var rings [][][2]float64
		for _, r := range p {
			var ring [][2]float64
			for k, a := range r {
				pts := t.arc(a)
				if k > 0 {
					pts = pts[1:]
				}
				ring = append(ring, pts...)
			}
			rings = append(rings, ring)
		}
		res = append(res, rings)
	}
	return res, nil
}

func (t *topology) arc(i int) [][2]float64 {
	rev := i < 0
	if rev {
		i = ^i
	}
	var x, y int
	pts := make([][2]float64, 0, len(t.Arcs[i]))
	for _, d := range t.Arcs[i] {
		x += d[0]
		y += d[1]
		pts = append(pts, [2]float64{
			float64(x)*t.Transform.Scale[0] + t.Transform.Translate[0],
			float64(y)*t.Transform.Scale[1] + t.Transform.Translate[1],
		})
	}
	if rev {
		slices.Reverse(pts)
	}
	return pts
}

// quantise rounds a ring to hundredths of a degree and drops repeated
// points and the closing point.
func quantise(r [][2]float64) []int32 {
	var q []int32
	for _, p := range r {
		x, y := int32(math.Round(p[0]*100)), int32(math.Round(p[1]*100))
		if n := len(q); n >= 2 && q[n-2] == x && q[n-1] == y {
			continue
		}
		q = append(q, x, y)
	}
	if n := len(q); n >= 4 && q[0] == q[n-2] && q[1] == q[n-1] {
		q = q[:n-2]
	}
	return q
}

// largestCentroid is the area-weighted centroid, in degrees, of the
// outer ring of the largest polygon (the countries it is used for are
// small, so the plane of degrees serves).
func largestCentroid(polys [][][][2]float64) (lon, lat float64) {
	best := -1.0
	for _, p := range polys {
		a, cx, cy := ringCentroid(p[0])
		if math.Abs(a) > best {
			best, lon, lat = math.Abs(a), cx, cy
		}
	}
	return lon, lat
}

func ringCentroid(r [][2]float64) (a, cx, cy float64) {
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		c := p[0]*q[1] - q[0]*p[1]
		a += c
		cx += (p[0] + q[0]) * c
		cy += (p[1] + q[1]) * c
	}
	a /= 2
	if a == 0 {
		return 0, r[0][0], r[0][1]
	}
	return a, cx / (6 * a), cy / (6 * a)
}

// cutAntimeridian splits the polygons that cross the antimeridian (in
// world-atlas 2 they are spherical polygons: Fiji, the Chukotka part of
// Russia, Wrangel Island and Antarctica have rings with an edge from
// 180° to -180°) into a part east and a part west of it, so that each
// polygon is a plain polygon of the plane of lon, lat. A ring is first
// unwrapped (longitudes made continuous), a ring around a pole closed
// along the pole's latitude, then clipped to lon ≤ 180° and lon ≥ 180°
// (Sutherland–Hodgman against one line), the second part shifted by
// -360°.
func cutAntimeridian(polys [][][][2]float64) [][][][2]float64 {
	var res [][][][2]float64
	for _, p := range polys {
		crosses := false
		for _, r := range p {
			for i := range r {
				if math.Abs(r[i][0]-r[(i+1)%len(r)][0]) > 180 {
					crosses = true
				}
			}
		}
		if !crosses {
			res = append(res, p)
			continue
		}
		var east, west [][][2]float64
		for _, r := range p {
			u := unwrap(r)
			if e := clip(u, 180, true); len(e) >= 3 {
				east = append(east, e)
			}
			if w := clip(u, 180, false); len(w) >= 3 {
				for i := range w {
					w[i][0] -= 360
				}
				west = append(west, w)
			}
		}
		// A part's outer ring is the clipped outer ring; a hole that
		// fell wholly on the other side is gone with it.
		if len(east) > 0 && len(p) > 0 && len(clip(unwrap(p[0]), 180, true)) >= 3 {
			res = append(res, east)
		}
		if len(west) > 0 && len(p) > 0 && len(clip(unwrap(p[0]), 180, false)) >= 3 {
			res = append(res, west)
		}
	}
	return res
}

// unwrap makes a ring's longitudes continuous, between about -180° and
// 540°, and closes a ring around a pole along the pole's latitude.
func unwrap(r [][2]float64) [][2]float64 {
	u := make([][2]float64, 0, len(r)+2)
	shift := 0.0
	for i, p := range r {
		if i > 0 {
			d := p[0] + shift - u[len(u)-1][0]
			if d > 180 {
				shift -= 360
			} else if d < -180 {
				shift += 360
			}
		}
		u = append(u, [2]float64{p[0] + shift, p[1]})
	}
	first, last := u[0], u[len(u)-1]
	if d := last[0] - first[0]; math.Abs(d) > 180 {
		pole := 90.0
		if first[1] < 0 {
			pole = -90
		}
		u = append(u, [2]float64{last[0], pole}, [2]float64{first[0], pole})
	}
	west := u[0][0]
	for _, p := range u {
		west = math.Min(west, p[0])
	}
	if west < -180 {
		for i := range u {
			u[i][0] += 360
		}
	}
	return u
}

// clip keeps the part of ring r with lon ≤ x (left) or lon ≥ x.
func clip(r [][2]float64, x float64, left bool) [][2]float64 {
	in := func(p [2]float64) bool {
		if left {
			return p[0] <= x
		}
		return p[0] >= x
	}
	var out [][2]float64
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		if in(p) {
			out = append(out, p)
		}
		if in(p) != in(q) && p[0] != q[0] {
			t := (x - p[0]) / (q[0] - p[0])
			out = append(out, [2]float64{x, p[1] + t*(q[1]-p[1])})
		}
	}
	return out
}
