package explorer

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"maps"
	"math"
	"slices"
	"sync"

	"coauthor/graph"
	"coauthor/graph/filter"
	"coauthor/graph/layout"
	"coauthor/graph/measure"
	"coauthor/render/picture"
)

// Options are what the map shows beyond the network.
type Options struct {
	Title string
	// SizeBy names the measure behind node size, Size its value per node
	// (nil: papers).
	SizeBy string
	Size   []float64
	// Cluster is each node's cluster, 0 the largest (nil: none);
	// ClusterNames names each (such as by its leading author).
	Cluster      []int32
	ClusterNames []string
	// Measures are shown in an author's panel: names and values per node.
	Measures      []string
	MeasureValues [][]float64
	// Later are more measures for the panel, after Measures, that
	// App.ComputeLater computes with Compute (values per node) once the
	// map is served; the panel says they are being computed until then.
	Later   []string
	Compute func(ctx context.Context, name string) ([]float64, error)
	// LayoutProgress, when set, is told the layout's steps done and their
	// number as it runs (layout.Options.Progress).
	LayoutProgress func(done, total int)
	// Positions, when set, place the nodes; else layout.Layout with Seed
	// and Cluster, as in the pictures.
	Positions [][2]float64
	Seed      uint64
	// Basemap, when set, is drawn under the network (WorldMap), and
	// Positions, in its coordinates, are kept as given: the nodes sit
	// where the map puts them.
	Basemap *Basemap
}

// App is the explorer of one network: the map and the answers of its
// API. It is read-only and safe for concurrent use.
type App struct {
	*Network
	opt   Options
	meta  Meta
	nodes []Node
	later *later // the measures of opt.Later
	// full is the answer to api/graph without parameters, made on the
	// first such request.
	fullOnce sync.Once
	full     []byte
	fullErr  error
}

// fullAnswer returns the answer to api/graph without parameters.
func (a *App) fullAnswer() ([]byte, error) {
	a.fullOnce.Do(func() {
		var out GraphAnswer
		if out, a.fullErr = a.Graph(All); a.fullErr == nil {
			a.full, a.fullErr = json.Marshal(out)
		}
	})
	return a.full, a.fullErr
}

// Meta is the answer to api/meta.
type Meta struct {
	Title    string        `json:"title"`
	Papers   int           `json:"papers"`
	Authors  int           `json:"authors"`
	Edges    int           `json:"edges"`
	Years    [2]int        `json:"years"`
	Undated  int           `json:"undated"` // papers without a year
	Clusters []ClusterInfo `json:"clusters"`
	Measures []string      `json:"measures"`
	SizeBy   string        `json:"size_by"`
	Basemap  *Basemap      `json:"basemap,omitempty"`
	Unit     string        `json:"unit,omitempty"` // Network.Unit
}

// ClusterInfo is one cluster in Meta: id 1 the largest.
type ClusterInfo struct {
	ID    int    `json:"id"`
	Size  int    `json:"size"`
	Label string `json:"label"`
	Color string `json:"color"`
}

// Node is one author on the map.
type Node struct {
	ID      int32   `json:"id"`
	Name    string  `json:"name"`
	X       float64 `json:"x"`
	Y       float64 `json:"y"`
	Size    float64 `json:"size"`
	Cluster int32   `json:"cluster"` // 1 the largest; 0 none
	Papers  int     `json:"papers"`
	Year    float64 `json:"year"` // average publication year; 0 unknown
}

// Link is one edge on the map.
type Link struct {
	Source int32   `json:"source"`
	Target int32   `json:"target"`
	Weight float64 `json:"weight"`
	Papers int     `json:"papers"`
}

// Counts are the totals of what api/graph returns. HiddenEdges are the
// lightest edges left out over MaxEdges.
type Counts struct {
	Papers      int `json:"papers"`
	Authors     int `json:"authors"`
	Edges       int `json:"edges"`
	HiddenEdges int `json:"hidden_edges,omitempty"`
}

// MaxEdges bounds the edges api/graph returns: above, the heaviest are
// kept. A browser builds and draws a map of 100,000 authors and as many
// edges in a few seconds with software WebGL, and of a million edges in
// half a minute.
const MaxEdges = 150_000

// GraphAnswer is the answer to api/graph.
type GraphAnswer struct {
	Nodes  []Node `json:"nodes"`
	Edges  []Link `json:"edges"`
	Counts Counts `json:"counts"`
}

// Node sizes on the map, in pixels: the smallest and the range above it.
const minSize, sizeRange = 3.0, 12.0

// New returns the explorer of n with opt, laying the map out unless
// opt.Positions is set. Its error is that of the options
// (Options.Validate), or of a value per node that has not one per node
// of n's graph; or ctx's soon after ctx ends, while the layout runs.
func New(ctx context.Context, n *Network, opt Options) (*App, error) {
	g := n.G
	if err := opt.check(g); err != nil {
		return nil, err
	}
	a := &App{Network: n, opt: opt, nodes: make([]Node, g.N()), later: newLater(opt.Later)}
	size := opt.Size
	if size == nil {
		opt.SizeBy = "papers"
		size = make([]float64, g.N())
		for v := range size {
			size[v] = float64(g.Node(int32(v)).Papers)
		}
	}
	pos := opt.Positions
	if pos == nil {
		var err error
		if pos, err = layout.Layout(ctx, heaviest(g, MaxEdges), picture.Diameters(size), layout.Options{Seed: opt.Seed, Cluster: opt.Cluster, Progress: opt.LayoutProgress}); err != nil {
			return nil, err
		}
	}
	top := 0.0
	for _, s := range size {
		top = math.Max(top, s)
	}
	radius := make([]float64, g.N())
	for v := range radius {
		radius[v] = minSize
		if top > 0 && size[v] > 0 {
			radius[v] += sizeRange * math.Sqrt(size[v]/top)
		}
		radius[v] = round(radius[v])
	}
	// No two nodes overlap at the first view: positions in the unit of
	// the sizes, then pushed apart.
	pos = slices.Clone(pos)
	if opt.Basemap == nil {
		fit(pos, frame)
		if _, err := prevent(ctx, pos, radius); err != nil {
			return nil, err
		}
	}
	years := [2]int{}
	for v := range a.nodes {
		node := g.Node(int32(v))
		out := Node{ID: int32(v), Name: node.Name, X: round(pos[v][0]), Y: -round(pos[v][1]), Size: radius[v], Papers: node.Papers}
		if opt.Cluster != nil {
			out.Cluster = opt.Cluster[v] + 1
		}
		sum, k := 0, 0
		for _, i := range n.NodePapers(int32(v)) {
			if y := n.Corpus.Year(int(i)); y != 0 {
				sum, k = sum+y, k+1
			}
		}
		if k > 0 {
			out.Year = round(float64(sum) / float64(k))
		}
		a.nodes[v] = out
		for _, y := range []int{node.FirstYear, node.LastYear} {
			if y != 0 {
				if years[0] == 0 || y < years[0] {
					years[0] = y
				}
				years[1] = max(years[1], y)
			}
		}
	}
	a.meta = Meta{Title: opt.Title, Authors: g.N(), Edges: g.M(), Years: years, Clusters: []ClusterInfo{},
		Measures: slices.Concat([]string{}, opt.Measures, opt.Later), SizeBy: opt.SizeBy, Basemap: opt.Basemap, Unit: n.Unit}
	a.meta.Papers = a.countPapers(func(int32) bool { return true }, 0, 0, false)
	a.meta.Undated = a.meta.Papers - a.countPapers(func(int32) bool { return true }, math.MinInt, math.MaxInt, false)
	if opt.Cluster != nil {
		sizes := map[int32]int{}
		for _, c := range opt.Cluster {
			sizes[c]++
		}
		// Numbered as in the whole network: the clusters drawn may skip
		// numbers.
		for _, c := range slices.Sorted(maps.Keys(sizes)) {
			info := ClusterInfo{ID: int(c) + 1, Size: sizes[c], Color: picture.ClusterColor(c)}
			if int(c) < len(opt.ClusterNames) {
				info.Label = opt.ClusterNames[c]
			}
			a.meta.Clusters = append(a.meta.Clusters, info)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return a, nil
}

// heaviest returns g with its heaviest max edges only (g itself when it
// has no more): the map is laid out with the edges it shows.
func heaviest(g *graph.Graph, max int) *graph.Graph {
	if g.M() <= max {
		return g
	}
	edges := make([]graph.Edge, g.M())
	for e := range edges {
		edges[e] = g.Edge(int32(e))
	}
	slices.SortStableFunc(edges, func(x, y graph.Edge) int {
		return cmp.Or(cmp.Compare(y.Weight, x.Weight), cmp.Compare(y.Papers, x.Papers))
	})
	nodes := make([]graph.Node, g.N())
	for v := range nodes {
		nodes[v] = g.Node(int32(v))
	}
	h, err := graph.FromEdges(nodes, edges[:max])
	if err != nil {
		return g // not reached: the edges are g's own
	}
	return h
}

// shownEdges returns the ids of g's heaviest max edges (by weight, then
// papers, then id), in the order of their ids: all of them when g has no
// more.
func shownEdges(g *graph.Graph, max int) []int32 {
	ids := make([]int32, g.M())
	for e := range ids {
		ids[e] = int32(e)
	}
	if len(ids) <= max {
		return ids
	}
	slices.SortStableFunc(ids, func(x, y int32) int {
		ex, ey := g.Edge(x), g.Edge(y)
		return cmp.Or(cmp.Compare(ey.Weight, ex.Weight), cmp.Compare(ey.Papers, ex.Papers))
	})
	ids = ids[:max]
	slices.Sort(ids)
	return ids
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }

// Meta returns the answer to api/meta.
func (a *App) Meta() Meta { return a.meta }

// countPapers returns the number of distinct papers, within since–until
// (and those without a year when undated), of the nodes keep accepts;
// node papers for a graph file.
func (a *App) countPapers(keep func(int32) bool, since, until int, undated bool) int {
	g := a.G
	if a.Corpus == nil {
		total := 0
		for v := range int32(g.N()) {
			if keep(v) {
				total += g.Node(v).Papers
			}
		}
		return total
	}
	seen := make([]bool, a.Corpus.Len())
	total := 0
	for v := range int32(g.N()) {
		if !keep(v) {
			continue
		}
		for _, i := range a.NodePapers(v) {
			if !seen[i] && inYears(a.Corpus.Year(int(i)), since, until, undated) {
				seen[i] = true
				total++
			}
		}
	}
	return total
}

// inYears reports whether year is within since–until (0: open); an
// unknown year (0) is when undated.
func inYears(year, since, until int, undated bool) bool {
	if since == 0 && until == 0 || year == 0 && undated {
		return true
	}
	return year != 0 && (since == 0 || year >= since) && (until == 0 || year <= until)
}

// Query selects part of the map for api/graph; the zero Query (All)
// selects everything.
type Query struct {
	Since, Until int     // papers of those years only (0: open)
	MinWeight    float64 // edges with at least that weight
	MinPapers    int     // authors with at least that many papers (in the years)
	Clusters     []int32 // clusters kept, 1 the largest (nil: all)
	HasEgo       bool    // keep the authors within Depth steps of Ego only
	Ego          int32
	Depth        int
	Only         []int32 // authors kept (nil: all)
	Undated      bool    // with Since or Until, keep the papers without a year
}

// All is the Query that selects the whole map.
var All = Query{}

// IsAll reports whether q selects the whole map.
func (q Query) IsAll() bool {
	return q.Since == 0 && q.Until == 0 && q.MinWeight == 0 && q.MinPapers == 0 && q.Clusters == nil && q.Only == nil && !q.HasEgo
}

// Graph returns the part of the map q selects: authors with a paper in
// the years (counted within them), at least MinPapers papers, in
// Clusters and Only; edges between them with a shared paper in the years
// (their weight then the number of those papers) and at least MinWeight;
// then the authors within Depth steps of Ego over those edges.
func (a *App) Graph(q Query) (GraphAnswer, error) {
	if q.HasEgo {
		if err := a.Check(q.Ego); err != nil {
			return GraphAnswer{}, err
		}
	}
	g := a.G
	windowed := (q.Since != 0 || q.Until != 0) && a.Corpus != nil
	papers := make([]int, g.N())
	keep := make([]bool, g.N())
	clusters := map[int32]bool{}
	for _, c := range q.Clusters {
		clusters[c] = true
	}
	only := map[int32]bool{}
	for _, v := range q.Only {
		only[v] = true
	}
	for v := range int32(g.N()) {
		p := g.Node(v).Papers
		if windowed {
			p = 0
			for _, i := range a.NodePapers(v) {
				if inYears(a.Corpus.Year(int(i)), q.Since, q.Until, q.Undated) {
					p++
				}
			}
			if p == 0 {
				continue
			}
		}
		papers[v] = p
		keep[v] = p >= q.MinPapers && (q.Clusters == nil || clusters[a.nodes[v].Cluster]) && (q.Only == nil || only[v])
	}
	var links []Link
	for e := range int32(g.M()) {
		edge := g.Edge(e)
		if !keep[edge.U] || !keep[edge.V] {
			continue
		}
		l := Link{Source: edge.U, Target: edge.V, Weight: edge.Weight, Papers: edge.Papers}
		if windowed {
			l.Papers = 0
			for _, i := range a.SharedPapers(edge.U, edge.V) {
				if inYears(a.Corpus.Year(int(i)), q.Since, q.Until, q.Undated) {
					l.Papers++
				}
			}
			if l.Papers == 0 {
				continue
			}
			l.Weight = float64(l.Papers)
		}
		if l.Weight >= q.MinWeight {
			links = append(links, l)
		}
	}
	if q.HasEgo {
		reach := egoOver(g.N(), links, q.Ego, max(q.Depth, 1), keep[q.Ego])
		keep = reach
		links = slices.DeleteFunc(links, func(l Link) bool { return !keep[l.Source] || !keep[l.Target] })
	}
	hidden := 0
	if len(links) > MaxEdges {
		slices.SortStableFunc(links, func(x, y Link) int { return cmp.Or(cmp.Compare(y.Weight, x.Weight), cmp.Compare(y.Papers, x.Papers)) })
		hidden = len(links) - MaxEdges
		links = links[:MaxEdges:MaxEdges]
		slices.SortFunc(links, func(x, y Link) int { return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target)) })
	}
	out := GraphAnswer{Nodes: []Node{}, Edges: links}
	if out.Edges == nil {
		out.Edges = []Link{}
	}
	for v := range a.nodes {
		if keep[v] {
			n := a.nodes[v]
			n.Papers = papers[v]
			out.Nodes = append(out.Nodes, n)
		}
	}
	out.Counts = Counts{Authors: len(out.Nodes), Edges: len(out.Edges), HiddenEdges: hidden,
		Papers: a.countPapers(func(v int32) bool { return keep[v] }, q.Since, q.Until, q.Undated)}
	return out, nil
}

// egoOver returns the nodes within depth steps of ego over links (none
// when ego itself is left out).
func egoOver(n int, links []Link, ego int32, depth int, in bool) []bool {
	reach := make([]bool, n)
	if !in {
		return reach
	}
	adj := map[int32][]int32{}
	for _, l := range links {
		adj[l.Source] = append(adj[l.Source], l.Target)
		adj[l.Target] = append(adj[l.Target], l.Source)
	}
	reach[ego] = true
	frontier := []int32{ego}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []int32
		for _, v := range frontier {
			for _, u := range adj[v] {
				if !reach[u] {
					reach[u] = true
					next = append(next, u)
				}
			}
		}
		frontier = next
	}
	return reach
}

// AuthorAnswer returns the answer to api/author: Author with the
// cluster and the measures.
func (a *App) AuthorAnswer(v int32) (Author, error) {
	if err := a.Check(v); err != nil {
		return Author{}, err
	}
	out := a.Author(v)
	out.Cluster = a.nodes[v].Cluster
	for k := range len(a.opt.Measures) + len(a.opt.Later) {
		name, values := a.measure(k)
		if values == nil {
			continue // still being computed (Status)
		}
		if x := values[v]; !math.IsNaN(x) && !math.IsInf(x, 0) {
			out.Measures[name] = x
		}
	}
	return out, nil
}

// bundle is the data of the self-contained HTML file: the answers of
// the API in one object, as web/app.js reads them in inline mode.
type bundle struct {
	Meta   Meta          `json:"meta"`
	Nodes  []bundleNode  `json:"nodes"`
	Edges  []bundleEdge  `json:"edges"`
	Papers []bundlePaper `json:"papers"`
	// HiddenEdges are the lightest edges left out over MaxEdges, as
	// api/graph leaves them out.
	HiddenEdges int `json:"hidden_edges"`
}

type bundleNode struct {
	Node
	Variants any                `json:"variants"`
	Reasons  []string           `json:"reasons"`
	Measures map[string]float64 `json:"measures"`
	SourceID string             `json:"source_id"`
}

type bundleEdge struct {
	Link
	PaperIDs []int32 `json:"paper_ids"`
}

type bundlePaper struct {
	Paper
	Authors []int32 `json:"authors"`
}

// Bundle returns the JSON of the whole explorer for inline mode; ctx's
// error soon after ctx ends.
func (a *App) Bundle(ctx context.Context) ([]byte, error) {
	shown := shownEdges(a.G, MaxEdges)
	b := bundle{Meta: a.meta, Nodes: make([]bundleNode, len(a.nodes)), Edges: make([]bundleEdge, len(shown)), Papers: []bundlePaper{}, HiddenEdges: a.G.M() - len(shown)}
	for v := range a.nodes {
		if v%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		au, _ := a.AuthorAnswer(int32(v))
		b.Nodes[v] = bundleNode{Node: a.nodes[v], Variants: au.Variants, Reasons: au.Reasons, Measures: au.Measures, SourceID: au.SourceID}
	}
	used := map[int32][]int32{}
	for v := range int32(a.G.N()) {
		for _, i := range a.NodePapers(v) {
			used[i] = append(used[i], v)
		}
	}
	ids := make([]int32, 0, len(used))
	for i := range used {
		ids = append(ids, i)
	}
	slices.Sort(ids)
	for _, i := range ids {
		b.Papers = append(b.Papers, bundlePaper{Paper: a.Paper(i), Authors: used[i]})
	}
	for k, e := range shown {
		if k%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		edge := a.G.Edge(e)
		ps := a.SharedPapers(edge.U, edge.V)
		if ps == nil {
			ps = []int32{}
		}
		b.Edges[k] = bundleEdge{Link: Link{Source: edge.U, Target: edge.V, Weight: edge.Weight, Papers: edge.Papers}, PaperIDs: ps}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // escapes <, > and &: no "</script>" inside
	err := enc.Encode(b)
	return bytes.TrimSpace(buf.Bytes()), err
}

// PanelMeasures returns the measures an author's panel shows by default
// for a network of n authors: all of measure.Names up to 20,000 authors,
// above them those that are not Slow (the slow ones take minutes there).
// papers tells whether the network comes from papers.
func PanelMeasures(n int, papers bool) []string {
	var out []string
	for _, m := range measure.Names {
		if (m != "papers" || papers) && (!Slow(m) || n <= 20000) {
			out = append(out, m)
		}
	}
	return out
}

// PanelOptions are what FromPicture shows beyond the picture.
type PanelOptions struct {
	// Measures are the measures of an author's panel, in order.
	Measures []string
	// Later leaves the measures the map does not need to
	// App.ComputeLater, after the map is served: all but the node size's
	// and those of one pass over the edges (Linear). Else all are
	// computed before FromPicture returns (the self-contained page, which
	// has no server).
	Later bool
	// Seed is the layout's; LayoutProgress is told its steps
	// (Options.LayoutProgress).
	Seed           uint64
	LayoutProgress func(done, total int)
	// Basemap and Positions, when set, are Options.Basemap and
	// Options.Positions: the network on a map (WorldMap).
	Basemap   *Basemap
	Positions [][2]float64
}

// FromPicture returns the explorer of n, the nodes keep of a network
// whose measures are ms, as a picture with opt shows them (title, size,
// clusters), with the panel of p. With p.Later, App.ComputeLater computes
// the slow measures from ms: ms must then be left to it (a measure.Set
// is not safe for concurrent use). It returns ctx's error soon after ctx
// ends.
func FromPicture(ctx context.Context, n *Network, keep []int32, opt picture.Options, ms *measure.Set, p PanelOptions) (*App, error) {
	var now, later []string
	for _, m := range p.Measures {
		if p.Later && !Linear(m) && m != opt.SizeLabel {
			later = append(later, m)
		} else {
			now = append(now, m)
		}
	}
	values, err := ms.All(now)
	if err != nil {
		return nil, err
	}
	for i := range values {
		values[i] = filter.Pick(values[i], keep)
	}
	compute := func(ctx context.Context, name string) ([]float64, error) {
		// ms stops when the context it was made with ends, which is
		// ctx or its parent in the commands.
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		v, err := ms.Get(name)
		if err != nil {
			return nil, err
		}
		return filter.Pick(v, keep), nil
	}
	a, err := New(ctx, n, Options{Title: opt.Title, SizeBy: opt.SizeLabel, Size: opt.Size, Cluster: opt.Cluster,
		ClusterNames: opt.ClusterNames, Measures: now, MeasureValues: values, Later: later, Compute: compute,
		Seed: p.Seed, LayoutProgress: p.LayoutProgress, Basemap: p.Basemap, Positions: p.Positions})
	if err == nil {
		a.meta.Measures = slices.Concat([]string{}, p.Measures) // in the order asked
	}
	return a, err
}
