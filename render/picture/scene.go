package picture

import (
	"fmt"
	"math"
	"slices"
)

// Scene is a picture laid out on its canvas, in points with y down: what
// the SVG writer and the PNG rasteriser both draw, so that the two show
// the same picture.
type Scene struct {
	Width, Height float64
	// EdgeColor is the edges' colour (#RRGGBB) and EdgeOpacity their
	// opacity: dense pictures get fainter edges.
	EdgeColor   string
	EdgeOpacity float64
	Edges       []SceneEdge
	Nodes       []SceneNode
	Labels      []SceneLabel // drawn after edges and nodes, with a halo
	Texts       []SceneText  // title, subtitle, legend
	Swatches    []SceneNode  // legend colour dots (Node is -1)
	// Dropped is the number of labels asked for that did not fit.
	Dropped int
	// Density is the density view drawn under the graph (nil: none).
	Density *Raster
}

// SceneEdge is an edge drawn as a line.
type SceneEdge struct {
	Edge           int32
	X1, Y1, X2, Y2 float64
	Width          float64
	Tip            string
}

// SceneNode is a node drawn as a circle; the ego has a ring around it.
type SceneNode struct {
	Node    int32
	X, Y, R float64
	Fill    string
	Tip     string
	Ego     bool
}

// SceneLabel is a node's name: text with its baseline starting at X, Y;
// its box; a leader line from the node's rim when it sits apart.
type SceneLabel struct {
	Node               int32
	Text               string
	X, Y, Size         float64
	X0, Y0, X1, Y1     float64
	Leader             bool
	LX1, LY1, LX2, LY2 float64
}

// SceneText is a line of the title or legend, baseline starting at X, Y.
type SceneText struct {
	Class string // "title", "subtitle", "info", "legend"
	Text  string
	X, Y  float64
	Size  float64
	Bold  bool
	Color string
}

// Font sizes and the margin, in points.
const (
	titleSize    = 18
	subtitleSize = 11
	infoSize     = 10.5
	legendSize   = 10
	margin       = 18
	ringGap      = 3 // from a node's rim to the ego's ring
	ringWidth    = 2
)

// Scene lays the picture out on its canvas: the node positions (the force
// layout unless set), the labels placed, the canvas sized to hold them,
// the title and the legend.
func (p *Picture) Scene() *Scene {
	g, opt := p.g, p.opt
	pos := p.Positions()
	n := g.N()
	s := &Scene{EdgeColor: "#7F7F7F"}
	alpha := int(math.Max(0x18, math.Min(0x90, 0x90*math.Sqrt(300/math.Max(1, float64(g.M()))))))
	s.EdgeOpacity = math.Round(float64(alpha)/255*1000) / 1000
	// Positions are y up (as Graphviz's); the canvas is y down.
	xs, ys, rs := make([]float64, n), make([]float64, n), make([]float64, n)
	for v := range n {
		xs[v], ys[v], rs[v] = pos[v][0], -pos[v][1], p.diameter[v]*72/2
	}
	ego := p.ego()
	labels := p.placeLabels(xs, ys, rs, ego)
	s.Dropped = p.labelsAsked() - len(labels)
	if ego >= 0 && !slices.ContainsFunc(labels, func(l SceneLabel) bool { return l.Node == int32(ego) }) {
		s.Dropped++
	} else if ego >= 0 {
		s.Dropped++ // the ego's label is not among those asked for
	}
	p.dropped = s.Dropped
	// The drawing's extent: circles, the ego's ring, labels.
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for v := range n {
		r := rs[v]
		if v == ego {
			r += ringGap + ringWidth
		}
		x0, y0 = math.Min(x0, xs[v]-r), math.Min(y0, ys[v]-r)
		x1, y1 = math.Max(x1, xs[v]+r), math.Max(y1, ys[v]+r)
	}
	for _, l := range labels {
		x0, y0 = math.Min(x0, l.X0), math.Min(y0, l.Y0)
		x1, y1 = math.Max(x1, l.X1), math.Max(y1, l.Y1)
	}
	if n == 0 {
		x0, y0, x1, y1 = 0, 0, 0, 0
	}
	// The header: title, subtitle, the encoding, the clusters' legend.
	header := p.headerLines()
	width := x1 - x0
	for _, t := range header {
		width = math.Max(width, TextWidth(t.Text, t.Size, t.Bold))
	}
	width = math.Max(width, 240)
	y := float64(margin)
	for i := range header {
		t := &header[i]
		y += t.Size * Ascent
		t.X, t.Y = margin, round2(y)
		y += t.Size*Descent + 3
		s.Texts = append(s.Texts, *t)
	}
	// Legend entries flow in rows as wide as the canvas.
	if opt.Cluster != nil {
		x, rowY := 0.0, y+legendSize*Ascent
		for _, e := range p.legendEntries() {
			w := 14 + TextWidth(e.text, legendSize, false)
			if x > 0 && x+w > width {
				x, rowY = 0, rowY+legendSize*1.5
			}
			s.Swatches = append(s.Swatches, SceneNode{Node: -1, X: round2(margin + x + 5), Y: round2(rowY - legendSize*0.32), R: 5, Fill: e.color})
			s.Texts = append(s.Texts, SceneText{Class: "legend", Text: e.text, X: round2(margin + x + 14), Y: round2(rowY), Size: legendSize, Color: "#333333"})
			x += w + 16
		}
		y = rowY + legendSize*Descent + 3
	}
	top := y + 10
	// Shift the drawing below the header, centred across the canvas.
	dx := margin + (width-(x1-x0))/2 - x0
	dy := top - y0
	s.Width = math.Ceil(width + 2*margin)
	s.Height = math.Ceil(top + (y1 - y0) + margin)
	for v := range n {
		xs[v], ys[v] = round2(xs[v]+dx), round2(ys[v]+dy)
	}
	maxW := 0.0
	for e := range int32(g.M()) {
		maxW = math.Max(maxW, g.Edge(e).Weight)
	}
	for e := range int32(g.M()) {
		edge := g.Edge(e)
		w := 0.4
		if maxW > 0 {
			w += 2.6 * math.Sqrt(edge.Weight/maxW)
		}
		s.Edges = append(s.Edges, SceneEdge{Edge: e, X1: xs[edge.U], Y1: ys[edge.U], X2: xs[edge.V], Y2: ys[edge.V], Width: round2(w), Tip: p.EdgeTips[e]})
	}
	for v := range n {
		s.Nodes = append(s.Nodes, SceneNode{Node: int32(v), X: xs[v], Y: ys[v], R: round2(rs[v]), Fill: p.color(v), Tip: p.NodeTips[v], Ego: v == ego})
	}
	for _, l := range labels {
		l.X, l.Y = round2(l.X+dx), round2(l.Y+dy)
		l.X0, l.Y0, l.X1, l.Y1 = l.X0+dx, l.Y0+dy, l.X1+dx, l.Y1+dy
		l.LX1, l.LY1, l.LX2, l.LY2 = round2(l.LX1+dx), round2(l.LY1+dy), round2(l.LX2+dx), round2(l.LY2+dy)
		s.Labels = append(s.Labels, l)
	}
	if opt.Density {
		w := make([]float64, n)
		for v := range w {
			w[v] = p.size[v]
		}
		s.Density = Density(xs, ys, w, 0, 0, s.Width, s.Height)
	}
	return s
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func (p *Picture) color(v int) string {
	if p.opt.Cluster != nil {
		return ClusterColor(p.opt.Cluster[v])
	}
	return Palette[0]
}

// ego returns the ego's node, -1 for none.
func (p *Picture) ego() int {
	if e := p.opt.Ego; p.opt.HasEgo && e >= 0 && e < p.g.N() {
		return e
	}
	return -1
}

// headerLines returns the title, the subtitle and the line saying what
// the encoding means.
func (p *Picture) headerLines() []SceneText {
	var out []SceneText
	if p.opt.Title != "" {
		out = append(out, SceneText{Class: "title", Text: p.opt.Title, Size: titleSize, Bold: true, Color: "#000000"})
	}
	if p.opt.Subtitle != "" {
		out = append(out, SceneText{Class: "subtitle", Text: p.opt.Subtitle, Size: subtitleSize, Color: "#333333"})
	}
	out = append(out, SceneText{Class: "info", Text: p.infoLine(), Size: infoSize, Color: "#333333"})
	return out
}

// infoLine says what the picture shows and how.
func (p *Picture) infoLine() string {
	size := p.opt.SizeLabel
	if size == "" {
		size = "degree"
	}
	line := fmt.Sprintf("%d authors, %d co-author pairs. Node area: %s. Edge width: %s.", p.g.N(), p.g.M(), size, edgeMeaning(p.g))
	if p.opt.Cluster != nil {
		label := p.opt.ClusterLabel
		if label == "" {
			label = "cluster"
		}
		line += fmt.Sprintf(" Colour: %s.", label)
	}
	if e := p.ego(); e >= 0 {
		line += fmt.Sprintf(" Ringed: %s.", p.g.Node(int32(e)).Name)
	}
	if p.Dropped() > 0 {
		line += fmt.Sprintf(" %s left unnamed for lack of room.", plural(p.Dropped(), "label"))
	}
	return line
}

type legendEntry struct{ color, text string }

// legendEntries lists the named clusters that have a node drawn, by
// number, those with a colour of the palette each on a line, the others
// (grey) counted on the last.
func (p *Picture) legendEntries() []legendEntry {
	opt := p.opt
	drawn := make([]bool, len(opt.ClusterNames))
	for _, c := range opt.Cluster {
		if int(c) < len(drawn) {
			drawn[c] = true
		}
	}
	var out []legendEntry
	rest := 0
	for c, name := range opt.ClusterNames {
		switch {
		case !drawn[c]:
		case c >= len(Palette):
			rest++
		default:
			text := fmt.Sprintf("cluster %d: %s", c+1, name)
			if c < len(opt.ClusterSizes) {
				text += fmt.Sprintf(" (%d)", opt.ClusterSizes[c])
			}
			out = append(out, legendEntry{Palette[c], text})
		}
	}
	if rest > 0 {
		out = append(out, legendEntry{Grey, fmt.Sprintf("%d smaller clusters", rest)})
	}
	return out
}

// labelsAsked is the number of nodes the options name (the ego apart).
func (p *Picture) labelsAsked() int {
	k := 0
	for v, named := range p.named {
		if named && v != p.ego() {
			k++
		}
	}
	return k
}

// labelSize is the font size of v's label: 9 to 14 points by diameter.
func (p *Picture) labelSize(v int) float64 {
	return math.Round((9+5*p.diameter[v]/maxDiameter(p.diameter))*10) / 10
}

// placeLabels places the names greedily, the ego first and then by rank:
// each at the first of its candidate spots (right, left, above, below,
// the diagonals; then farther out, with a leader line) whose box meets no
// other label and no node, and whose nearest node is its own. A name with
// no such spot is left out.
func (p *Picture) placeLabels(xs, ys, rs []float64, ego int) []SceneLabel {
	n := len(xs)
	const cell = 24.0
	type key struct{ x, y int }
	grid := map[key][]int32{} // nodes by cell
	cellOf := func(x, y float64) key { return key{int(math.Floor(x / cell)), int(math.Floor(y / cell))} }
	for v := range n {
		a, b := cellOf(xs[v]-rs[v], ys[v]-rs[v]), cellOf(xs[v]+rs[v], ys[v]+rs[v])
		for i := a.x; i <= b.x; i++ {
			for j := a.y; j <= b.y; j++ {
				grid[key{i, j}] = append(grid[key{i, j}], int32(v))
			}
		}
	}
	var placed []SceneLabel
	lgrid := map[key][]int{} // placed labels by cell
	// rectDist is the distance from a box to a point.
	rectDist := func(x0, y0, x1, y1, x, y float64) float64 {
		dx := math.Max(0, math.Max(x0-x, x-x1))
		dy := math.Max(0, math.Max(y0-y, y-y1))
		return math.Hypot(dx, dy)
	}
	// fits says whether a box for v's name is clear of other labels and of
	// nodes, with v clearly the nearest node (nearest false: with a leader
	// line, only clear of nodes by 2 points).
	fits := func(v int, x0, y0, x1, y1 float64, nearest bool) bool {
		own := rectDist(x0, y0, x1, y1, xs[v], ys[v]) - rs[v]
		if own < 0.5 {
			return false
		}
		// Every other node must be clearly farther from the box than v.
		reach := own + 1.5
		if !nearest {
			reach = 2
		}
		a, b := cellOf(x0-reach, y0-reach), cellOf(x1+reach, y1+reach)
		seen := map[int32]bool{}
		for i := a.x; i <= b.x; i++ {
			for j := a.y; j <= b.y; j++ {
				for _, u := range grid[key{i, j}] {
					if int(u) == v || seen[u] {
						continue
					}
					seen[u] = true
					if rectDist(x0, y0, x1, y1, xs[u], ys[u])-rs[u] < reach {
						return false
					}
				}
				for _, l := range lgrid[key{i, j}] {
					q := placed[l]
					if x0 < q.X1+1 && q.X0 < x1+1 && y0 < q.Y1+1 && q.Y0 < y1+1 {
						return false
					}
				}
			}
		}
		return true
	}
	order := make([]int, 0, n)
	if ego >= 0 {
		order = append(order, ego)
	}
	for _, v := range p.rank {
		if p.named[v] && v != ego {
			order = append(order, v)
		}
	}
	add := func(l SceneLabel) {
		placed = append(placed, l)
		a, b := cellOf(l.X0, l.Y0), cellOf(l.X1, l.Y1)
		for i := a.x; i <= b.x; i++ {
			for j := a.y; j <= b.y; j++ {
				lgrid[key{i, j}] = append(lgrid[key{i, j}], len(placed)-1)
			}
		}
	}
	// crosses says whether the segment passes within 1 point of a node
	// other than v.
	crosses := func(v int, x1, y1, x2, y2 float64) bool {
		a, b := cellOf(math.Min(x1, x2), math.Min(y1, y2)), cellOf(math.Max(x1, x2), math.Max(y1, y2))
		dx, dy := x2-x1, y2-y1
		l2 := dx*dx + dy*dy
		for i := a.x - 1; i <= b.x+1; i++ {
			for j := a.y - 1; j <= b.y+1; j++ {
				for _, u := range grid[key{i, j}] {
					if int(u) == v {
						continue
					}
					t := 0.0
					if l2 > 0 {
						t = math.Max(0, math.Min(1, ((xs[u]-x1)*dx+(ys[u]-y1)*dy)/l2))
					}
					if math.Hypot(x1+t*dx-xs[u], y1+t*dy-ys[u]) < rs[u]+1 {
						return true
					}
				}
			}
		}
		return false
	}
	diag := math.Sqrt(0.5)
	for _, v := range order {
		name := p.g.Node(int32(v)).Name
		size := p.labelSize(v)
		w := TextWidth(name, size, false)
		h := (Ascent + Descent) * size
		x, y, r := xs[v], ys[v], rs[v]
		if v == ego {
			r += ringGap + ringWidth
		}
		var done bool
		for _, gap := range []float64{2, 5, 10, 18, 30} {
			// Box corners (x0, y0) for each spot around the node.
			spots := [][2]float64{
				{x + r + gap, y - h/2},                       // right
				{x - r - gap - w, y - h/2},                   // left
				{x - w/2, y - r - gap - h},                   // above
				{x - w/2, y + r + gap},                       // below
				{x + (r+gap)*diag, y - (r+gap)*diag - h},     // above right
				{x - (r+gap)*diag - w, y - (r+gap)*diag - h}, // above left
				{x + (r+gap)*diag, y + (r+gap)*diag},         // below right
				{x - (r+gap)*diag - w, y + (r+gap)*diag},     // below left
			}
			for _, sp := range spots {
				x0, y0 := sp[0], sp[1]
				if !fits(v, x0, y0, x0+w, y0+h, true) {
					continue
				}
				l := SceneLabel{Node: int32(v), Text: name, X: x0, Y: y0 + Ascent*size, Size: size, X0: x0, Y0: y0, X1: x0 + w, Y1: y0 + h}
				if gap > 5 {
					// A leader from the rim to the box's nearest point.
					bx := math.Max(x0, math.Min(x, x0+w))
					by := math.Max(y0, math.Min(y, y0+h))
					d := math.Hypot(bx-x, by-y)
					l.Leader = true
					l.LX1, l.LY1 = x+(bx-x)*r/d, y+(by-y)*r/d
					l.LX2, l.LY2 = bx-(bx-x)*1/d, by-(by-y)*1/d
				}
				add(l)
				done = true
				break
			}
			if done {
				break
			}
		}
		if !done {
			// Farther out in 16 directions, with a leader line that
			// crosses no other node: clear of nodes and labels. The ego
			// is always named (its leader may cross nodes), other names
			// within 150 points.
			limit := 150.0
			if v == ego {
				limit = 4000
			}
		search:
			for gap := 40.0; gap < limit; gap *= 1.3 {
				for k := range 16 {
					a := float64(k) * math.Pi / 8
					cx, cy := x+(r+gap)*math.Cos(a), y+(r+gap)*math.Sin(a)
					x0, y0 := cx-w/2, cy-h/2
					if !fits(v, x0, y0, x0+w, y0+h, false) {
						continue
					}
					bx := math.Max(x0, math.Min(x, x0+w))
					by := math.Max(y0, math.Min(y, y0+h))
					d := math.Hypot(bx-x, by-y)
					lx1, ly1 := x+(bx-x)*r/d, y+(by-y)*r/d
					lx2, ly2 := bx-(bx-x)*1/d, by-(by-y)*1/d
					if v != ego && crosses(v, lx1, ly1, lx2, ly2) {
						continue
					}
					add(SceneLabel{Node: int32(v), Text: name, X: x0, Y: y0 + Ascent*size, Size: size, X0: x0, Y0: y0, X1: x0 + w, Y1: y0 + h,
						Leader: true, LX1: lx1, LY1: ly1, LX2: lx2, LY2: ly2})
					break search
				}
			}
		}
	}
	return placed
}

// Dropped returns how many names asked for did not fit (computed with the
// scene).
func (p *Picture) Dropped() int { return p.dropped }
