package worldmap

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"coauthor/render/picture"
)

// scene is the map laid out in points, y down: what the SVG writer and
// the PNG rasteriser both draw. Shapes, dots, links and ends are in the
// map's coordinates (MapX, MapY is the map's top left on the canvas);
// the rest in the canvas's.
type scene struct {
	W, H       float64
	MapX, MapY float64
	MapW, MapH float64
	Shapes     []sceneShape
	Dots       []sceneDot // countries too small for the boundaries
	Links      []sceneLink
	Ends       []pt
	Labels     []sceneText // link labels, over a white halo
	Texts      []sceneText // title, subtitle, legend
	Bar        sceneRect   // the colour scale, drawn as the palette
	Rects      []sceneRect // legend swatches and tick marks
	Samples    []sceneLink // legend: link widths
}

type sceneShape struct {
	Code, Name, Fill, Tip, D string
	Polys                    [][][]pt
}

type sceneDot struct {
	Code, Fill, Tip string
	X, Y, R         float64
}

type sceneLink struct {
	A, B       string
	P0, C, P1  pt
	Width      float64
	Tip, Class string
}

type sceneText struct {
	Class, Text string
	X, Y, Size  float64
	Bold        bool
	Color       string
	Anchor      string // "", "middle"
}

type sceneRect struct {
	X, Y, W, H   float64
	Fill, Stroke string
}

// Sizes in points.
const (
	margin      = 18
	titleSize   = 18
	subSize     = 11
	legendSize  = 10
	tickSize    = 9
	labelSize   = 9
	barW, barH  = 220, 10
	dotR        = 3
	endR        = 1.6
	minLinkW    = 0.5
	maxLinkW    = 6
	legendSpace = 64
	maxListed   = 12 // codes not on the map named in the legend
)

func (m *Map) linkWidth(w, maxW float64) float64 {
	if maxW <= 0 {
		return minLinkW
	}
	return round2(minLinkW + (maxLinkW-minLinkW)*w/maxW)
}

func (m *Map) layout(vals map[string]Country, links []Link) error {
	opt := m.opt
	o, err := outline(opt.Width - 2*margin)
	if err != nil {
		return err
	}
	sc := &scene{W: opt.Width, MapX: margin, MapW: o.Width, MapH: o.Height}
	y := float64(margin)
	if opt.Title != "" {
		y += titleSize * picture.Ascent
		sc.Texts = append(sc.Texts, sceneText{Class: "title", Text: opt.Title, X: margin, Y: y, Size: titleSize, Bold: true, Color: textColor})
		y += titleSize * picture.Descent
	}
	if opt.Subtitle != "" {
		y += 4 + subSize*picture.Ascent
		sc.Texts = append(sc.Texts, sceneText{Class: "subtitle", Text: opt.Subtitle, X: margin, Y: y, Size: subSize, Color: greyText})
		y += subSize * picture.Descent
	}
	if y > margin {
		y += 10
	}
	sc.MapY = round2(y)

	var vs []float64
	for _, c := range vals {
		vs = append(vs, c.Value)
	}
	slices.Sort(vs)
	scale := newScale(vs, opt.Scale)

	where := map[string]pt{}
	name := map[string]string{}
	for _, c := range o.Countries {
		if c.Code != "" {
			where[c.Code] = pt{c.X, c.Y}
			name[c.Code] = c.Name
		}
	}
	label := func(code string) string {
		if v, ok := vals[code]; ok && v.Label != "" {
			return v.Label
		}
		if n, ok := name[code]; ok {
			return n
		}
		return code
	}
	tip := func(code, nm string) string {
		if v, ok := vals[code]; ok {
			return fmt.Sprintf("%s (%s): %s %s", label(code), code, formatNumber(v.Value), opt.Measure)
		}
		if code == "" {
			return nm + ": no data"
		}
		return fmt.Sprintf("%s (%s): no data", label(code), code)
	}
	linked := map[string]bool{}
	for _, l := range links {
		linked[l.A], linked[l.B] = true, true
	}
	for _, c := range o.Countries {
		if c.Path == "" {
			// A small country is drawn only when it has a value or a link.
			v, ok := vals[c.Code]
			if !ok && !linked[c.Code] {
				continue
			}
			fill := noDataColor
			if ok {
				fill = scale.color(v.Value)
			}
			sc.Dots = append(sc.Dots, sceneDot{Code: c.Code, Fill: fill, Tip: tip(c.Code, c.Name), X: c.X, Y: c.Y, R: dotR})
			continue
		}
		fill := noDataColor
		if v, ok := vals[c.Code]; ok && c.Code != "" {
			fill = scale.color(v.Value)
		}
		sc.Shapes = append(sc.Shapes, sceneShape{Code: c.Code, Name: c.Name, Fill: fill, Tip: tip(c.Code, c.Name), D: c.Path, Polys: c.polys})
	}
	missing := map[string]bool{}
	for code := range vals {
		if _, ok := where[code]; !ok {
			missing[code] = true
		}
	}

	// Links, weakest drawn first so that the strong lie on top.
	maxW := 0.0
	for _, l := range links {
		maxW = max(maxW, l.Weight)
	}
	var drawn []Link
	ends := map[string]bool{}
	for _, l := range links {
		_, okA := where[l.A]
		_, okB := where[l.B]
		if !okA || !okB {
			m.linksNo++
			for _, c := range []string{l.A, l.B} {
				if _, ok := where[c]; !ok {
					missing[c] = true
				}
			}
			continue
		}
		drawn = append(drawn, l)
		ends[l.A], ends[l.B] = true, true
	}
	for i := len(drawn) - 1; i >= 0; i-- {
		l := drawn[i]
		p0, p1 := where[l.A], where[l.B]
		sc.Links = append(sc.Links, sceneLink{A: l.A, B: l.B, P0: p0, C: control(p0, p1), P1: p1,
			Width: m.linkWidth(l.Weight, maxW), Class: "link",
			Tip: fmt.Sprintf("%s – %s: %s %s", label(l.A), label(l.B), formatNumber(l.Weight), opt.LinkMeasure)})
	}
	for _, c := range o.Countries {
		if ends[c.Code] {
			sc.Ends = append(sc.Ends, where[c.Code])
		}
	}
	m.placeLabels(sc, drawn, where)

	for c := range missing {
		m.missing = append(m.missing, c)
	}
	slices.Sort(m.missing)
	m.legend(sc, scale, links, maxW)
	m.sc = sc
	return nil
}

// control is the control point of the quadratic curve from p to q: off
// the chord's middle by a fifth of its length, on the side towards the
// top of the map (north), so that links bow like great circles in the
// northern hemisphere.
func control(p, q pt) pt {
	mx, my := (p.X+q.X)/2, (p.Y+q.Y)/2
	dx, dy := q.X-p.X, q.Y-p.Y
	nx, ny := -dy, dx // perpendicular, as long as the chord
	if ny > 0 || ny == 0 && nx > 0 {
		nx, ny = -nx, -ny
	}
	return pt{round2(mx + 0.2*nx), round2(my + 0.2*ny)}
}

// labelSpots are where a link's label may go, in order: on the curve's
// middle, a little towards either end, then just above or below those
// (dy in label heights).
var labelSpots = []struct{ t, dy float64 }{
	{0.5, 0}, {0.4, 0}, {0.6, 0}, {0.3, 0}, {0.7, 0},
	{0.5, -1.3}, {0.5, 1.3}, {0.4, -1.3}, {0.6, -1.3}, {0.4, 1.3}, {0.6, 1.3},
}

// placeLabels labels the strongest links with their pair and weight at
// the curves' middles or near them (labelSpots), skipping a label that
// would overlap one already placed.
func (m *Map) placeLabels(sc *scene, drawn []Link, where map[string]pt) {
	type box struct{ x0, y0, x1, y1 float64 }
	var placed []box
	n := min(m.opt.Labels, len(drawn))
	for _, l := range drawn[:n] {
		p0, p1 := where[l.A], where[l.B]
		c := control(p0, p1)
		text := l.A + "–" + l.B + " " + formatNumber(l.Weight)
		w := picture.TextWidth(text, labelSize, false)
		ok := false
		for k := 0; k < len(labelSpots) && !ok; k++ {
			// The quadratic Bézier's point at s.t, shifted by s.dy.
			s := labelSpots[k]
			u := 1 - s.t
			mx := u*u*p0.X + 2*u*s.t*c.X + s.t*s.t*p1.X
			my := u*u*p0.Y + 2*u*s.t*c.Y + s.t*s.t*p1.Y
			x := round2(mx - w/2)
			y := round2(my + s.dy*labelSize + labelSize*0.35)
			b := box{x - 1, y - labelSize*picture.Ascent - 1, x + w + 1, y + labelSize*picture.Descent + 1}
			if b.x0 < 0 || b.x1 > sc.MapW || b.y0 < 0 || b.y1 > sc.MapH {
				continue
			}
			if slices.ContainsFunc(placed, func(p box) bool {
				return b.x0 < p.x1 && p.x0 < b.x1 && b.y0 < p.y1 && p.y0 < b.y1
			}) {
				continue
			}
			placed = append(placed, b)
			sc.Labels = append(sc.Labels, sceneText{Class: "link-label", Text: text,
				X: round2(x + sc.MapX), Y: round2(y + sc.MapY), Size: labelSize, Color: textColor})
			ok = true
		}
		if !ok {
			m.dropped++
		}
	}
}

// legend puts under the map the colour scale with what it measures, the
// swatch of countries without data, the link widths with what they
// measure, and the codes not on the map.
func (m *Map) legend(sc *scene, scale colorScale, links []Link, maxW float64) {
	opt := m.opt
	top := sc.MapY + sc.MapH + 14
	x := float64(margin)
	head := upperFirst(opt.Measure)
	if scale.log {
		head += " (log scale)"
	}
	y := round2(top + legendSize*picture.Ascent)
	sc.Texts = append(sc.Texts, sceneText{Class: "legend", Text: head, X: x, Y: y, Size: legendSize, Bold: true, Color: textColor})
	sc.Bar = sceneRect{X: x, Y: round2(y + 5), W: barW, H: barH, Stroke: "#999999"}
	ty := round2(sc.Bar.Y + barH + 4 + tickSize*picture.Ascent)
	lastEnd := math.Inf(-1)
	for _, v := range scale.ticks() {
		tx := round2(x + barW*scale.t(v))
		s := formatNumber(v)
		w := picture.TextWidth(s, tickSize, false)
		if tx-w/2 < lastEnd+4 {
			continue
		}
		lastEnd = tx + w/2
		sc.Rects = append(sc.Rects, sceneRect{X: round2(tx - 0.4), Y: round2(sc.Bar.Y + barH), W: 0.8, H: 3, Fill: greyText})
		sc.Texts = append(sc.Texts, sceneText{Class: "tick", Text: s, X: tx, Y: ty, Size: tickSize, Color: greyText, Anchor: "middle"})
	}

	// Countries without data.
	x2 := x + barW + 40
	sc.Rects = append(sc.Rects, sceneRect{X: x2, Y: sc.Bar.Y, W: 16, H: barH, Fill: noDataColor, Stroke: "#999999"})
	sc.Texts = append(sc.Texts, sceneText{Class: "legend", Text: "No data", X: x2 + 22, Y: round2(sc.Bar.Y + barH - 1), Size: legendSize, Color: textColor})
	if len(m.missing) > 0 {
		list := m.missing
		more := ""
		if len(list) > maxListed {
			list, more = list[:maxListed], fmt.Sprintf(" and %d more", len(list)-maxListed)
		}
		s := "Not on the map: " + strings.Join(list, ", ") + more
		if m.linksNo > 0 {
			s += fmt.Sprintf(" (%d %s not drawn)", m.linksNo, plural(m.linksNo, "link"))
		}
		sc.Texts = append(sc.Texts, sceneText{Class: "legend", Text: s, X: x2, Y: ty, Size: tickSize, Color: greyText})
	}

	// Link widths: the weakest, the middle and the strongest.
	if len(links) > 0 {
		x3 := x2 + 150
		sc.Texts = append(sc.Texts, sceneText{Class: "legend", Text: "Links: " + opt.LinkMeasure, X: x3, Y: y, Size: legendSize, Bold: true, Color: textColor})
		lo := links[len(links)-1].Weight
		samples := []float64{lo}
		if mid := niceRound((lo + maxW) / 2); mid > lo && mid < maxW {
			samples = append(samples, mid)
		}
		if maxW > lo {
			samples = append(samples, maxW)
		}
		sx := x3
		for _, w := range samples {
			ly := round2(sc.Bar.Y + barH/2)
			sc.Samples = append(sc.Samples, sceneLink{P0: pt{sx, ly}, C: pt{sx + 14, ly}, P1: pt{sx + 28, ly}, Width: m.linkWidth(w, maxW), Class: "sample"})
			s := formatNumber(w)
			sc.Texts = append(sc.Texts, sceneText{Class: "tick", Text: s, X: round2(sx + 14), Y: ty, Size: tickSize, Color: greyText, Anchor: "middle"})
			sx += max(44, picture.TextWidth(s, tickSize, false)+16)
		}
	}
	sc.H = math.Ceil(top + legendSpace - 14 + margin)
}

// niceRound rounds x to two significant digits.
func niceRound(x float64) float64 {
	if x <= 0 {
		return x
	}
	p := math.Pow(10, math.Floor(math.Log10(x))-1)
	return math.Round(x/p) * p
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func plural(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}
