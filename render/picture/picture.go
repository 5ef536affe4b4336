// Package picture is what a picture of the co-authorship graph shows, apart
// from drawing it: node area by a measure, node colour by cluster (a
// colour-blind-safe palette, grey beyond it), edge width by weight, names
// on the largest nodes, a title and a legend, a tooltip for every node
// and edge; and the DOT that encodes it (deterministic, escaped). It
// links no Graphviz: render draws the DOT.
package picture

import (
	"bufio"
	"context"
	"fmt"
	"html"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"coauthor/graph"
	"coauthor/graph/community"
	"coauthor/graph/filter"
	"coauthor/graph/formats"
	"coauthor/graph/layout"
	"coauthor/graph/measure"
)

// Layouts are the layouts a picture can have: "force" (the default) is
// layout.Layout, computed here with the clusters; the others are
// Graphviz's engines, whose positions render reads back.
var Layouts = []string{"force", "sfdp", "neato", "fdp", "circo", "twopi", "dot"}

// DefaultLabels returns how many nodes are named when Options.Labels is
// 0: a fifth of them, at least 10 and at most 30.
func DefaultLabels(n int) int { return max(10, min(30, n/5)) }

// Options controls a picture. The zero value works: our force layout
// (in DOT, left to Graphviz's sfdp), node area by degree, one colour, the
// largest nodes named (DefaultLabels), no ego. Validate says which values
// are valid; New checks them.
type Options struct {
	// Title heads the picture (such as the input's base name or "Co-authors
	// of NAME"); Subtitle, under it, states the filters applied.
	Title    string
	Subtitle string
	Layout   string // one of Layouts; "" means force (sfdp in DOT)
	Seed     uint64 // seed of the layout's random start

	// Ego, when HasEgo, is the node whose neighbourhood is drawn: ringed
	// and always named.
	HasEgo bool
	Ego    int

	// TotalDegree and TotalPapers, when set, hold each node's co-authors
	// and papers in the whole network, for tooltips that name both:
	// "42 papers, 73 co-authors in all, 14 drawn". Nil: the drawn
	// graph's degree and the node's Papers.
	TotalDegree []int
	TotalPapers []int

	// Width, when above 0, is a PNG's width in pixels; otherwise DPI
	// (0 means 96) scales the picture's points (72 per inch) to pixels.
	Width int
	DPI   float64

	// Size holds each node's value for its area (nil: degree); SizeLabel
	// names it in the legend.
	Size      []float64
	SizeLabel string
	// Density draws VOSviewer's density view under the graph: a kernel
	// density of the nodes' positions, weighted by Size (Density).
	Density bool

	// Cluster holds each node's cluster, 0 the largest (nil: none);
	// ClusterLabel names the method in the legend and ClusterNames each
	// cluster (such as its leading author), ClusterSizes its size. The
	// legend lists the clusters that have a node drawn, by number.
	Cluster      []int32
	ClusterLabel string
	ClusterNames []string
	ClusterSizes []int

	// Labels is how many nodes, largest first, are named; 0 means
	// DefaultLabels(N) and a negative number none.
	Labels int

	// Positions, when set, fix each node's centre in points (a layout
	// computed elsewhere); the picture is then drawn without a Graphviz
	// layout (its nop2 engine, as neato -n2).
	Positions [][2]float64
}

// DefaultTitle returns a picture's title: "Co-authors of EGO" for an ego
// network, "Co-authors of OWNER" for one author's page, else the inputs'
// base names without their extensions (such as "library" for
// /home/me/library.bib.gz).
func DefaultTitle(inputs []string, owner, ego string) string {
	switch {
	case ego != "":
		return "Co-authors of " + ego
	case owner != "":
		return "Co-authors of " + owner
	}
	names := make([]string, len(inputs))
	for i, in := range inputs {
		base := filepath.Base(in)
		for _, ext := range []string{".gz", ".bz2", ".xz", ".zst"} {
			base = strings.TrimSuffix(base, ext)
		}
		if ext := filepath.Ext(base); ext != "" && ext != base {
			base = strings.TrimSuffix(base, ext)
		}
		names[i] = base
	}
	return strings.Join(names, ", ")
}

// Ours reports whether the picture is drawn at our own positions (the
// force layout, or Positions given) rather than a Graphviz engine's.
func (o *Options) Ours() bool {
	return o.Positions != nil || o.Layout == "" || o.Layout == "force"
}

// Engine returns the Graphviz engine that lays out the DOT: nop2 (fixed
// positions) when the picture has positions.
func (o *Options) Engine() string {
	if o.Positions != nil {
		return "nop2"
	}
	if o.Layout == "" {
		return "sfdp"
	}
	return o.Layout
}

// Picture is what the DOT and a drawing share: the values behind the
// encoding and the tooltips.
type Picture struct {
	g        *graph.Graph
	opt      Options
	size     []float64
	diameter []float64 // inches
	named    []bool
	rank     []int // nodes by size, largest first (ties by name)
	pos      [][2]float64
	dropped  int
	// NodeTips and EdgeTips are the tooltip of each node and edge.
	NodeTips []string
	EdgeTips []string
}

// Of returns the options of a picture of sub, the nodes keep of a graph
// whose measure sizeBy has the values size and whose clusters by
// algorithm ("leiden", "louvain", "components") are labels (nil: none):
// the clusters keep their numbers in the whole graph (0 the largest
// there), as "coauthor clusters" and the exports number them, whatever
// the filters leave; each is named by its largest member drawn, and
// ClusterSizes counts its members drawn.
func Of(sub *graph.Graph, keep []int32, title, sizeBy string, size []float64, labels []int32, algorithm string) Options {
	opt := Options{Title: title, SizeLabel: sizeBy, Size: filter.Pick(size, keep)}
	if labels != nil {
		opt.Cluster = filter.Pick(labels, keep)
		opt.ClusterSizes = make([]int, slices.Max(append([]int32{-1}, labels...))+1)
		for _, c := range opt.Cluster {
			opt.ClusterSizes[c]++
		}
		opt.ClusterLabel = algorithm + " cluster"
		if algorithm == "components" {
			opt.ClusterLabel = "connected component"
		}
		opt.ClusterNames = community.Leaders(sub, opt.Cluster, opt.Size)
	}
	return opt
}

// FromWhole sets the options that come from the whole graph g whose
// nodes keep (sorted) the picture draws: each node's co-authors and papers
// in all, and, with hasEgo, the ego from ego, a node of g, when drawn.
func (o *Options) FromWhole(g *graph.Graph, keep []int32, ego int32, hasEgo bool) {
	o.TotalDegree, o.TotalPapers = make([]int, len(keep)), make([]int, len(keep))
	for i, u := range keep {
		o.TotalDegree[i], o.TotalPapers[i] = g.Degree(u), g.Node(u).Papers
	}
	o.HasEgo, o.Ego = false, 0
	if i, ok := slices.BinarySearch(keep, ego); ok && hasEgo {
		o.HasEgo, o.Ego = true, i
	}
}

// Viz returns how a picture with size values and clusters (nil: none)
// shows each node, for GEXF's viz attributes.
func Viz(size []float64, cluster []int32) *formats.Viz {
	d := Diameters(size)
	v := &formats.Viz{Size: make([]float64, len(d)), Color: make([]string, len(d))}
	for i := range d {
		v.Size[i] = d[i] * 72
		c := int32(0)
		if cluster != nil {
			c = cluster[i]
		}
		v.Color[i] = ClusterColor(c)
	}
	return v
}

// Diameters returns the node diameters, in inches, that show size by
// area: diameter ∝ √value, within a range that shrinks as the graph grows
// so that large pictures stay readable.
func Diameters(size []float64) []float64 {
	n := len(size)
	maxD := math.Min(1.0, math.Max(0.25, 6/math.Sqrt(float64(max(n, 1)))))
	minD := maxD * 0.18
	top := 0.0
	for _, s := range size {
		top = math.Max(top, s)
	}
	d := make([]float64, n)
	for v := range d {
		x := minD
		if top > 0 && size[v] > 0 {
			x = math.Max(minD, maxD*math.Sqrt(size[v]/top))
		}
		d[v] = math.Round(x*1000) / 1000
	}
	return d
}

// New returns the picture of g with opt, computing the force layout when
// opt asks for it. Its error is that of the options (Options.Validate),
// or of a value per node (Size, Cluster, TotalDegree, TotalPapers,
// Positions) that has not one per node of g, or of an Ego not in g; or
// ctx's soon after ctx ends, while the layout runs.
func New(ctx context.Context, g *graph.Graph, opt Options) (*Picture, error) {
	if err := opt.check(g); err != nil {
		return nil, err
	}
	n := g.N()
	p := &Picture{g: g, opt: opt, size: sizes(g, opt), named: make([]bool, n)}
	p.diameter = Diameters(p.size)
	if opt.Layout == "force" && opt.Positions == nil {
		pos, err := layout.Layout(ctx, g, p.diameter, layout.Options{Seed: opt.Seed, Cluster: opt.Cluster})
		if err != nil {
			return nil, err
		}
		p.opt.Positions = pos
	}
	labels := opt.Labels
	if labels == 0 {
		labels = DefaultLabels(n)
	}
	order := make([]int, n)
	for v := range order {
		order[v] = v
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if p.size[a] != p.size[b] {
			if p.size[a] > p.size[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(g.Node(int32(a)).Name, g.Node(int32(b)).Name)
	})
	for _, v := range order[:max(0, min(labels, n))] {
		p.named[v] = true
	}
	p.rank = order
	p.NodeTips = make([]string, n)
	for v := range p.NodeTips {
		node := g.Node(int32(v))
		deg := g.Degree(int32(v))
		tip := fmt.Sprintf("%s — %s, %d co-author%s", node.Name, plural(node.Papers, "paper"), deg, pluralS(deg))
		if opt.TotalDegree != nil {
			papers := node.Papers
			if opt.TotalPapers != nil {
				papers = opt.TotalPapers[v]
			}
			tip = fmt.Sprintf("%s — %s, %d co-author%s in all, %d drawn", node.Name, plural(papers, "paper"), opt.TotalDegree[v], pluralS(opt.TotalDegree[v]), deg)
		}
		if opt.SizeLabel != "" && opt.SizeLabel != "degree" && opt.SizeLabel != "papers" {
			tip += fmt.Sprintf(", %s %s", opt.SizeLabel, measure.Format(p.size[v]))
		}
		if opt.Cluster != nil {
			tip += fmt.Sprintf(", cluster %d", opt.Cluster[v]+1)
		}
		p.NodeTips[v] = tip
	}
	p.EdgeTips = make([]string, g.M())
	for e := range p.EdgeTips {
		edge := g.Edge(int32(e))
		p.EdgeTips[e] = fmt.Sprintf("%s — %s: %s", g.Node(edge.U).Name, g.Node(edge.V).Name, edgeWeightText(edge))
	}
	return p, nil
}

func plural(n int, word string) string {
	return fmt.Sprintf("%d %s%s", n, word, pluralS(n))
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func edgeWeightText(e graph.Edge) string {
	if e.Papers > 0 {
		s := plural(e.Papers, "shared paper")
		if e.Weight != float64(e.Papers) {
			s += ", weight " + measure.Format(e.Weight)
		}
		return s
	}
	return "weight " + measure.Format(e.Weight)
}

// WriteDOT writes g as a Graphviz DOT graph with the picture's encoding.
// Nodes are n0, n1, ... in node id order, edges in edge id order, every
// attribute in a fixed order: the same input gives the same bytes.
func WriteDOT(ctx context.Context, w io.Writer, g *graph.Graph, opt Options) error {
	p, err := New(ctx, g, opt)
	if err != nil {
		return err
	}
	return p.WriteDOT(w)
}

// WriteDOT writes the picture as DOT (see the function WriteDOT).
func (p *Picture) WriteDOT(w io.Writer) error {
	g, opt := p.g, p.opt
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "graph coauthor {\n")
	fmt.Fprintf(bw, "\tgraph [layout=%s, start=%d, overlap=prism, overlap_scaling=-4, sep=\"+14\", splines=false, outputorder=edgesfirst, pad=0.3, fontname=\"Helvetica,Arial,sans-serif\", bgcolor=white, labelloc=t, labeljust=l, forcelabels=true,\n\t\tlabel=<%s>]\n",
		p.opt.Engine(), opt.Seed, p.legend())
	fmt.Fprintf(bw, "\tnode [shape=circle, style=filled, fixedsize=true, label=\" \", color=white, penwidth=0.6, fontname=\"Helvetica,Arial,sans-serif\", fontsize=10]\n")
	// Dense pictures get fainter edges so that nodes stay visible.
	alpha := int(math.Max(0x18, math.Min(0x90, 0x90*math.Sqrt(300/math.Max(1, float64(g.M()))))))
	fmt.Fprintf(bw, "\tedge [color=\"#7F7F7F%02X\"]\n", alpha)
	maxW, maxD := 0.0, maxDiameter(p.diameter)
	for e := range int32(g.M()) {
		maxW = math.Max(maxW, g.Edge(e).Weight)
	}
	for v := range int32(g.N()) {
		color := Palette[0]
		if opt.Cluster != nil {
			color = ClusterColor(opt.Cluster[v])
		}
		fmt.Fprintf(bw, "\tn%d [width=%s, fillcolor=%q, tooltip=%s", v, strconv.FormatFloat(p.diameter[v], 'f', -1, 64), color, quote(p.NodeTips[v]))
		if p.named[v] {
			fs := 9 + 5*p.diameter[v]/maxD
			fmt.Fprintf(bw, ", xlabel=%s, fontsize=%.1f", quote(g.Node(v).Name), fs)
		}
		if opt.Positions != nil {
			fmt.Fprintf(bw, ", pos=\"%.2f,%.2f!\"", opt.Positions[v][0], opt.Positions[v][1])
		}
		fmt.Fprintf(bw, "]\n")
	}
	for e := range int32(g.M()) {
		edge := g.Edge(e)
		width := 0.4
		if maxW > 0 {
			width += 2.6 * math.Sqrt(edge.Weight/maxW)
		}
		fmt.Fprintf(bw, "\tn%d -- n%d [penwidth=%.2f, tooltip=%s]\n", edge.U, edge.V, width, quote(p.EdgeTips[e]))
	}
	fmt.Fprintf(bw, "}\n")
	return bw.Flush()
}

func maxDiameter(d []float64) float64 {
	m := 0.0
	for _, x := range d {
		m = math.Max(m, x)
	}
	return m
}

// legend returns the HTML-like label holding the title and the legend.
func (p *Picture) legend() string {
	opt := p.opt
	var b strings.Builder
	b.WriteString(`<table border="0" cellborder="0" cellspacing="2" cellpadding="1">`)
	if opt.Title != "" {
		fmt.Fprintf(&b, `<tr><td colspan="2" align="left"><font point-size="18"><b>%s</b></font></td></tr>`, html.EscapeString(opt.Title))
	}
	if opt.Subtitle != "" {
		fmt.Fprintf(&b, `<tr><td colspan="2" align="left"><font point-size="11">%s</font></td></tr>`, html.EscapeString(opt.Subtitle))
	}
	size := opt.SizeLabel
	if size == "" {
		size = "degree"
	}
	line := fmt.Sprintf("%d authors, %d co-author pairs. Node area: %s. Edge width: %s.", p.g.N(), p.g.M(), size, edgeMeaning(p.g))
	if opt.Cluster != nil {
		label := opt.ClusterLabel
		if label == "" {
			label = "cluster"
		}
		line += fmt.Sprintf(" Colour: %s.", label)
	}
	fmt.Fprintf(&b, `<tr><td colspan="2" align="left"><font point-size="11">%s</font></td></tr>`, html.EscapeString(line))
	if opt.Cluster != nil {
		// A coloured square before each name: one cell per line keeps
		// the square next to its text.
		for _, l := range p.legendEntries() {
			fmt.Fprintf(&b, `<tr><td colspan="2" align="left"><font color="%s" point-size="13">■</font><font point-size="10"> %s</font></td></tr>`,
				l.color, html.EscapeString(l.text))
		}
	}
	b.WriteString(`</table>`)
	return b.String()
}

// edgeMeaning says what edge weight is in this graph.
func edgeMeaning(g *graph.Graph) string {
	for e := range int32(g.M()) {
		if edge := g.Edge(e); edge.Papers == 0 {
			return "weight"
		} else if edge.Weight != float64(edge.Papers) {
			return "fractional co-authorship weight"
		}
	}
	return "shared papers"
}

// quote returns s as a DOT quoted string. Backslashes are doubled so that
// Graphviz's escapes (\N, \n, \l) cannot be triggered by a name.
func quote(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, `"`, `\"`)
	s = strings.ReplaceAll(s, "\n", " ")
	return `"` + s + `"`
}

// sizes returns opt.Size, or the degrees when it is nil.
func sizes(g *graph.Graph, opt Options) []float64 {
	if opt.Size != nil {
		return opt.Size
	}
	size := make([]float64, g.N())
	for v := range size {
		size[v] = float64(g.Degree(int32(v)))
	}
	return size
}

// Positions returns each node's centre in points (y up): Options'
// Positions, those set by SetPositions, or the force layout's.
func (p *Picture) Positions() [][2]float64 {
	switch {
	case p.pos != nil:
	case p.opt.Positions != nil:
		p.pos = p.opt.Positions
	default:
		p.pos, _ = layout.Layout(context.Background(), p.g, p.diameter, layout.Options{Seed: p.opt.Seed, Cluster: p.opt.Cluster})
	}
	return p.pos
}

// SetPositions sets the node centres (points, y up), such as a Graphviz
// engine's.
func (p *Picture) SetPositions(pos [][2]float64) { p.pos = pos }

// Diameter returns node v's diameter in inches.
func (p *Picture) Diameter(v int) float64 { return p.diameter[v] }

// Graph returns the graph drawn.
func (p *Picture) Graph() *graph.Graph { return p.g }

// Options returns the picture's options, with the positions of the force
// layout when it computed them.
func (p *Picture) Options() Options { return p.opt }
