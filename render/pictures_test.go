package render

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"image"
	"image/png"
	"math"
	"slices"
	"strings"
	"testing"

	"coauthor/graph"
	"coauthor/graph/filter"
	"coauthor/render/picture"
	"coauthor/render/svgscan"
)

func draw(t *testing.T, g *graph.Graph, opt picture.Options, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Draw(&b, g, opt, format); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func parse(t *testing.T, svg []byte) *svgscan.Doc {
	t.Helper()
	d, err := svgscan.Parse(svg)
	if err != nil {
		t.Fatalf("SVG is not XML: %v", err)
	}
	return d
}

// The PNG shows the edges: pixels between two connected nodes, away from
// both, are grey where the SVG draws the edge, and white off it.
func TestPNGHasEdges(t *testing.T) {
	g := network(t, "example")
	opt := picture.Options{Seed: 1, Title: "example"}
	p, err := picture.New(context.Background(), g, opt)
	if err != nil {
		t.Fatal(err)
	}
	scene := p.Scene()
	raw := draw(t, g, opt, "png")
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	scale := float64(img.Bounds().Dx()) / scene.Width
	grey := func(x, y float64) bool {
		r, g, b, _ := img.At(int(x*scale), int(y*scale)).RGBA()
		return r < 0xFE00 && math.Abs(float64(r)-float64(g)) < 0x800 && math.Abs(float64(g)-float64(b)) < 0x800 // a lone edge at the least opacity is 0xF3 or lighter
	}
	// Edges long enough to sample outside both nodes, where no node lies.
	checked, shown := 0, 0
	for _, e := range scene.Edges {
		l := math.Hypot(e.X2-e.X1, e.Y2-e.Y1)
		if l < 120 {
			continue
		}
		mx, my := (e.X1+e.X2)/2, (e.Y1+e.Y2)/2
		clear := true
		for _, n := range scene.Nodes {
			if math.Hypot(n.X-mx, n.Y-my) < n.R+4 {
				clear = false
			}
		}
		for _, l := range scene.Labels { // names have a white halo
			if mx > l.X0-4 && mx < l.X1+4 && my > l.Y0-4 && my < l.Y1+4 {
				clear = false
			}
		}
		if !clear {
			continue
		}
		checked++
		if grey(mx, my) {
			shown++
		}
		if checked == 50 {
			break
		}
	}
	if checked < 10 || shown < checked {
		t.Errorf("%d of %d edge midpoints are grey in the PNG, want all", shown, checked)
	}
	// A corner of the canvas is white: the grey comes from edges.
	if r, _, _, _ := img.At(2, img.Bounds().Dy()-2).RGBA(); r != 0xFFFF {
		t.Errorf("canvas corner is not white")
	}
	// Node fills are drawn.
	n := scene.Nodes[0]
	r, gg, b, _ := img.At(int(n.X*scale), int(n.Y*scale)).RGBA()
	want := []uint32{0xCC, 0x66, 0x77}
	if r>>8 != want[0] || gg>>8 != want[1] || b>>8 != want[2] {
		t.Errorf("node centre is %02x%02x%02x, want %s", r>>8, gg>>8, b>>8, picture.Palette[0])
	}
}

// Width and DPI set the PNG's size.
func TestPNGSize(t *testing.T) {
	g := small()
	opt := smallOptions()
	size := func(o picture.Options) image.Point {
		cfg, err := png.DecodeConfig(bytes.NewReader(draw(t, g, o, "png")))
		if err != nil {
			t.Fatal(err)
		}
		return image.Pt(cfg.Width, cfg.Height)
	}
	opt.Width = 1000
	if p := size(opt); p.X != 1000 {
		t.Errorf("Width 1000 gave %d pixels", p.X)
	}
	opt.Width = 0
	opt.DPI = 72
	a := size(opt)
	opt.DPI = 144
	if b := size(opt); b.X != 2*a.X {
		t.Errorf("144 dpi gave %d pixels wide, 72 dpi %d: want twice", b.X, a.X)
	}
}

// Labels: none overlapping another label or another node, each nearest
// its own node (or joined to it by a leader line).
func TestLabelsPlaced(t *testing.T) {
	for _, tt := range []struct {
		name   string
		top    int
		labels int
	}{{"example", 0, 0}, {"example", 0, 30}, {"ca-GrQc", 300, 30}, {"bbt", 100, 30}} {
		g := network(t, tt.name)
		sub, opt := view(t, g, tt.top, 1)
		opt.Labels = tt.labels
		doc := parse(t, draw(t, sub, opt, "svg"))
		c := svgscan.CheckLabels(doc)
		t.Logf("%s top %d labels %d: %+v", tt.name, tt.top, tt.labels, c)
		if c.PairsOverlapping+c.PairsTouching+c.OverOtherNode+c.NotNearest > 0 {
			t.Errorf("%s: %+v, want no overlap, no two labels within %v points, and every label nearest its node", tt.name, c, svgscan.MinLabelGap)
		}
		// The 10 largest nodes and every coloured cluster's leader (as
		// the legend names it) are named.
		named := map[int]bool{}
		for _, l := range doc.Labels {
			named[l.Node] = true
		}
		order := make([]int, sub.N())
		for v := range order {
			order[v] = v
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(opt.Size[b], opt.Size[a]) })
		for _, v := range order[:10] {
			if !named[v] {
				t.Errorf("%s: %s, one of the 10 largest nodes, is not named", tt.name, sub.Node(int32(v)).Name)
			}
		}
		leaders := 0
		for v := range sub.N() {
			c := opt.Cluster[v]
			if int(c) < len(picture.Palette) && sub.Node(int32(v)).Name == opt.ClusterNames[c] {
				leaders++
				if !named[v] {
					t.Errorf("%s: %s, the leader of cluster %d in the legend, is not named", tt.name, sub.Node(int32(v)).Name, c+1)
				}
			}
		}
		if leaders < 3 {
			t.Errorf("%s: %d cluster leaders drawn, want 3 or more", tt.name, leaders)
		}
		if c.Labels < 10 {
			t.Errorf("%s: only %d labels drawn", tt.name, c.Labels)
		}
	}
}

// within reports whether every text, node and label of d lies inside its
// canvas.
func within(t *testing.T, name string, d *svgscan.Doc) {
	t.Helper()
	in := func(x0, y0, x1, y1 float64) bool { return x0 >= 0 && y0 >= 0 && x1 <= d.Width && y1 <= d.Height }
	for _, tx := range d.Texts {
		if !in(tx.Box()) {
			x0, y0, x1, y1 := tx.Box()
			t.Errorf("%s: %s %q at %.0f,%.0f–%.0f,%.0f leaves the %.0f×%.0f canvas", name, tx.Class, tx.Text, x0, y0, x1, y1, d.Width, d.Height)
		}
	}
	for _, n := range d.Nodes {
		if !in(n.X-n.R, n.Y-n.R, n.X+n.R, n.Y+n.R) {
			t.Errorf("%s: node %q leaves the canvas", name, n.Title)
		}
	}
}

// The canvas holds its content: title, subtitle, legend, nodes and labels,
// for an ego network, a large picture and a two-author one.
func TestCanvasHoldsContent(t *testing.T) {
	grqc := network(t, "ca-GrQc")
	for _, tt := range []struct {
		name string
		f    filter.Options
	}{
		{"ego of node 0, depth 2", filter.Options{HasEgo: true, Ego: 0, Depth: 2}},
		{"top 300", filter.Options{Top: 300}},
		{"two authors", filter.Options{Top: 2}},
	} {
		tt.f.By = degreeF(grqc)
		sub, keep, err := filter.Apply(grqc, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		opt := picture.Of(sub, keep, "Co-authorship network with a long title: "+strings.Repeat("ca-GrQc ", 6), "degree", degreeF(grqc), nil, "")
		opt.Subtitle = tt.f.Describe("degree", "Ego Name") + " A long subtitle that states every filter applied to the network drawn."
		if tt.f.HasEgo {
			opt.HasEgo, opt.Ego = true, 0
		}
		doc := parse(t, draw(t, sub, opt, "svg"))
		within(t, tt.name, doc)
		if len(doc.Texts) < 3 || doc.Texts[len(doc.Texts)-1].Class == "" {
			t.Errorf("%s: no title texts", tt.name)
		}
	}
}

func degreeF(g *graph.Graph) []float64 {
	d := make([]float64, g.N())
	for v := range d {
		d[v] = float64(g.Degree(int32(v)))
	}
	return d
}

// The ego is ringed and named, the title and subtitle are drawn, and
// tooltips name whole-network and drawn counts.
func TestEgoTitleTooltips(t *testing.T) {
	g := network(t, "ca-GrQc")
	ego := filter.Options{HasEgo: true, Ego: 100, Depth: 1}
	sub, keep, err := filter.Apply(g, ego)
	if err != nil {
		t.Fatal(err)
	}
	egoIndex := -1
	for i, v := range keep {
		if v == 100 {
			egoIndex = i
		}
	}
	egoName := g.Node(100).Name
	opt := picture.Of(sub, keep, picture.DefaultTitle([]string{"/data/ca-GrQc.txt"}, "", egoName), "degree", degreeF(g), nil, "")
	opt.Subtitle = ego.Describe("degree", egoName)
	opt.TotalDegree = make([]int, len(keep))
	for i, v := range keep {
		opt.TotalDegree[i] = g.Degree(v)
	}
	plain := draw(t, sub, opt, "svg")
	opt.HasEgo, opt.Ego = true, egoIndex
	ringed := draw(t, sub, opt, "svg")
	if bytes.Equal(plain, ringed) {
		t.Fatal("the ego's picture is the plain one")
	}
	doc := parse(t, ringed)
	if !doc.Nodes[egoIndex].Ego {
		t.Error("the ego has no ring")
	}
	named := false
	for _, l := range doc.Labels {
		named = named || l.Node == egoIndex && l.Text == egoName
	}
	if !named {
		t.Errorf("the ego %s is not named", egoName)
	}
	texts := map[string]string{}
	for _, tx := range doc.Texts {
		texts[tx.Class] = tx.Text
	}
	if texts["title"] != "Co-authors of "+egoName || texts["subtitle"] != "Filters: authors within 1 step of "+egoName+"." {
		t.Errorf("title %q, subtitle %q", texts["title"], texts["subtitle"])
	}
	// A neighbour with co-authors outside the ego network.
	for i, v := range keep {
		if drawn := sub.Degree(int32(i)); g.Degree(v) > drawn {
			want := g.Node(v).Name + " — " + strings.Split(doc.Nodes[i].Title, " — ")[1]
			if !strings.Contains(doc.Nodes[i].Title, " co-authors in all, ") || doc.Nodes[i].Title != want ||
				!strings.Contains(doc.Nodes[i].Title, fmt.Sprintf("%d co-authors in all, %d drawn", g.Degree(v), drawn)) {
				t.Errorf("tooltip %q does not give %d co-authors in all, %d drawn", doc.Nodes[i].Title, g.Degree(v), drawn)
			}
			break
		}
	}
	if got := picture.DefaultTitle([]string{"/home/me/papers/library.bib.gz"}, "", ""); got != "library" {
		t.Errorf("DefaultTitle = %q, want library", got)
	}
}

// Same input and seed, same bytes, in SVG and PNG.
func TestDeterministic(t *testing.T) {
	g := network(t, "example")
	sub, opt := view(t, g, 0, 1)
	for _, format := range []string{"svg", "png"} {
		if a, b := draw(t, sub, opt, format), draw(t, sub, opt, format); !bytes.Equal(a, b) {
			t.Errorf("%s: same input, different bytes", format)
		}
	}
}
