package worldmap

import (
	"math"
	"testing"
)

// Reference values of the Equal Earth projection on the unit sphere from
// d3-geo 3.1.1, an independent implementation:
//
//	npm install d3-geo@3.1.1
//	node -e 'import("d3-geo").then(d => { const [x, y] = d.geoEqualEarthRaw(lon*Math.PI/180, lat*Math.PI/180); console.log(x, y) })'
//
// for each lon, lat below.
func TestEqualEarthMatchesD3(t *testing.T) {
	for _, c := range []struct{ lon, lat, x, y float64 }{
		{0, 0, 0, 0},
		{180, 0, 2.70662998369607, 0},
		{-180, 0, -2.70662998369607, 0},
		{0, 90, 0, 1.31736275915741},
		{0, -90, 0, -1.31736275915741},
		{12, 55, 0.142570136328052, 1.01783975611451},
		{-98, 39, -1.31415107122753, 0.757039267602079},
		{151.2, -33.9, 2.08664006722590, -0.665255442696444},
		{-74, 40.7, -0.981862090157624, 0.786841444197299},
		{103.8, 1.35, 1.56061633620418, 0.0273470906327334},
		{-180, -60, -2.03906008757156, -1.08830083550532},
		{90, 45, 1.15985449910298, 0.860231085522010},
	} {
		x, y := EqualEarth(c.lon, c.lat)
		if math.Abs(x-c.x) > 1e-12 || math.Abs(y-c.y) > 1e-12 {
			t.Errorf("EqualEarth(%v, %v) = %.15g, %.15g; d3-geo gives %.15g, %.15g", c.lon, c.lat, x, y, c.x, c.y)
		}
	}
}

// The embedded atlas: 175 countries with boundaries and ISO codes (the
// 177 shapes of countries-110m.json less Northern Cyprus and Somaliland,
// which have none), 61 small countries as points, every code two capital
// letters and given once, names from iso-codes.
func TestAtlas(t *testing.T) {
	a, err := loadAtlas()
	if err != nil {
		t.Fatal(err)
	}
	var shapes, points, nocode int
	seen := map[string]bool{}
	for _, c := range a {
		switch {
		case c.Code == "":
			nocode++
		case len(c.Code) != 2 || c.Code[0] < 'A' || c.Code[0] > 'Z' || c.Code[1] < 'A' || c.Code[1] > 'Z':
			t.Errorf("code %q", c.Code)
		case seen[c.Code]:
			t.Errorf("%s twice", c.Code)
		}
		seen[c.Code] = true
		if len(c.Point) == 2 {
			points++
		} else if len(c.Polygons) > 0 {
			if c.Code != "" {
				shapes++
			}
		} else {
			t.Errorf("%s %s: neither polygons nor a point", c.Code, c.Name)
		}
	}
	if shapes != 175 || points != 61 || nocode != 2 {
		t.Errorf("%d countries with boundaries, %d points, %d shapes without a code; want 175, 61, 2", shapes, points, nocode)
	}
	for code, want := range map[string]string{
		"US": "United States", "GB": "United Kingdom", "KR": "South Korea", "KP": "North Korea",
		"CN": "China", "TW": "Taiwan", "RU": "Russian Federation", "CZ": "Czechia",
		"SG": "Singapore", "HK": "Hong Kong", "XK": "Kosovo", "FR": "France", "NO": "Norway",
	} {
		if got, ok := Name(code); !ok || got != want {
			t.Errorf("Name(%s) = %q, %v; want %q", code, got, ok, want)
		}
	}
	if _, ok := Name("ZZ"); ok {
		t.Error("Name(ZZ) is known")
	}
	if got, _ := Name("de"); got != "Germany" {
		t.Errorf("Name(de) = %q", got)
	}
}

// No ring crosses the antimeridian: gen cut Fiji, Russia's Chukotka and
// Wrangel Island, which world-atlas gives as spherical polygons with an
// edge from 180° to -180°, into parts on each side. Only Antarctica's
// edge along the South Pole spans the map.
func TestAntimeridianCut(t *testing.T) {
	a, err := loadAtlas()
	if err != nil {
		t.Fatal(err)
	}
	sides := map[string][2]bool{}
	for _, c := range a {
		for _, p := range c.Polygons {
			for _, r := range p {
				n := len(r) / 2
				for i := range n {
					j := (i + 1) % n
					if math.Abs(float64(r[2*i]-r[2*j])) > 18000 && !(r[2*i+1] == -9000 && r[2*j+1] == -9000) {
						t.Errorf("%s: edge from %d,%d to %d,%d crosses the antimeridian", c.Name, r[2*i], r[2*i+1], r[2*j], r[2*j+1])
					}
					if r[2*i] < -18000 || r[2*i] > 18000 {
						t.Errorf("%s: longitude %d", c.Name, r[2*i])
					}
				}
			}
			s := sides[c.Code]
			if p[0][0] > 0 {
				s[1] = true
			} else {
				s[0] = true
			}
			sides[c.Code] = s
		}
	}
	for _, code := range []string{"FJ", "RU"} {
		if s := sides[code]; !s[0] || !s[1] {
			t.Errorf("%s: parts west %v, east %v; want both", code, s[0], s[1])
		}
	}
	// On the canvas no edge is longer than a third of the map.
	o, err := Project(960)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range o.Countries {
		for _, p := range c.polys {
			for _, r := range p {
				for i := range r {
					q := r[(i+1)%len(r)]
					if math.Abs(q.X-r[i].X) > o.Width/3 {
						t.Errorf("%s: edge from %v to %v", c.Name, r[i], q)
					}
				}
			}
		}
	}
}

// Links end at the centroid of each country's largest polygon, inside
// it; on the countries of the test map the point is within 4 degrees
// (of longitude at the equator, on the canvas) of the rough geographic
// centre of that polygon (the contiguous US, mainland
// France and Norway, Great Britain, Honshu, New Zealand's South Island …):
// a check against a wrong polygon, a mirrored axis or a wrong code. For
// Canada the reference is the country's official centre (62°24′N
// 96°28′W, Natural Resources Canada), which counts the Arctic islands;
// the mainland's centroid lies 6° of latitude south of it, which at 60°N
// Equal Earth stretches to 8.4 degrees on the canvas, so the bound is 9.
func TestCentroids(t *testing.T) {
	o, err := Project(960)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range o.Countries {
		if c.Path == "" {
			continue
		}
		p := pt{c.X, c.Y}
		in := false
		for _, poly := range c.polys {
			if inside(poly, p) {
				in = true
			}
		}
		if !in {
			t.Errorf("%s %s: link point %v outside the country", c.Code, c.Name, p)
		}
	}
	where := map[string]CountryShape{}
	for _, c := range o.Countries {
		where[c.Code] = c
	}
	for _, c := range []struct {
		code     string
		lon, lat float64
		within   float64
	}{
		{"US", -98.6, 39.8, 4}, {"CN", 103.8, 36.5, 4}, {"GB", -2, 54, 4}, {"DE", 10.4, 51.2, 4},
		{"CH", 8.2, 46.8, 4}, {"FR", 2.5, 46.6, 4}, {"JP", 138, 36.5, 4}, {"BR", -53, -10.8, 4},
		{"ZA", 25, -29, 4}, {"AU", 134.5, -25.7, 4}, {"IN", 79, 22.5, 4}, {"RU", 97, 62, 4},
		{"CA", -96.47, 62.4, 9}, {"NO", 12.5, 64.5, 4}, {"NZ", 170.5, -43.7, 4}, {"SG", 103.8, 1.35, 4},
	} {
		s, ok := where[c.code]
		if !ok {
			t.Errorf("%s not on the map", c.code)
			continue
		}
		x, y := o.Locate(c.lon, c.lat)
		// One degree of longitude at the equator is Width/360 points.
		if d := math.Hypot(s.X-x, s.Y-y) / (o.Width / 360); d > c.within {
			t.Errorf("%s: link point %.1f,%.1f is %.1f° from %.1f,%.1f (%v°E %v°N)", c.code, s.X, s.Y, d, x, y, c.lon, c.lat)
		}
	}
}
