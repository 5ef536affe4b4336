// Package render draws pictures of the co-authorship graph as SVG and
// PNG. The picture package lays a picture out (the force layout, labels
// placed, canvas sized) and writes its SVG; render rasterises the same
// scene to PNG in pure Go, and runs Graphviz only for its own layout
// engines (sfdp, neato, ...), reading their positions back: the native
// Graphviz on the PATH, or, built with -tags wasmgraphviz, Graphviz
// compiled to WebAssembly (github.com/goccy/go-graphviz), which needs
// nothing installed but costs every process that links it 20 to 170 ms
// at start (its package init compiles the module). What a picture shows,
// and its DOT, are the picture package's; render is the only package that
// runs Graphviz.
package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"

	"coauthor/graph"
	"coauthor/render/picture"
)

// Formats are the picture formats: DOT text, SVG and PNG.
var Formats = []string{"dot", "svg", "png"}

// Renderer draws pictures. Graphviz runs only when a picture asks for one
// of its engines (see gvnative.go and gvwasm.go); make one
// Renderer per process and Close it.
type Renderer struct {
	gv *engine
}

// NewRenderer returns a Renderer; Graphviz starts on first use.
func NewRenderer(ctx context.Context) (*Renderer, error) {
	return &Renderer{}, nil
}

// Close releases Graphviz if it was started.
func (r *Renderer) Close() error {
	if r.gv == nil {
		return nil
	}
	return r.gv.close()
}

// Draw writes the picture of g in format ("dot", "svg" or "png"). SVG and
// PNG are drawn from the same scene (see picture.Scene); in an SVG every
// node and edge group's <title> is its tooltip text. With a Graphviz
// engine (opt.Layout other than "" and "force"), Graphviz computes the
// positions.
func (r *Renderer) Draw(ctx context.Context, w io.Writer, g *graph.Graph, opt picture.Options, format string) error {
	p, err := picture.New(g, opt)
	if err != nil {
		return err
	}
	if format == "dot" {
		return p.WriteDOT(w)
	}
	if !slices.Contains(Formats, format) {
		return fmt.Errorf("unknown picture format %q: want dot, svg or png", format)
	}
	if !opt.Ours() {
		pos, err := r.positions(ctx, p)
		if err != nil {
			return err
		}
		p.SetPositions(pos)
	}
	if format == "png" {
		return WritePNG(w, p.Scene(), opt)
	}
	return p.WriteSVG(w)
}

// Draw draws a picture at our own positions (opt.Ours()), without
// Graphviz; see Renderer.Draw.
func Draw(w io.Writer, g *graph.Graph, opt picture.Options, format string) error {
	if !opt.Ours() && format != "dot" {
		return fmt.Errorf("layout %q needs Graphviz: use a Renderer", opt.Layout)
	}
	var r Renderer
	return r.Draw(context.Background(), w, g, opt, format)
}

var nodePos = regexp.MustCompile(`(?m)^\s*n(\d+)\s+\[[^\]]*?\bpos="([-0-9.e+]+),([-0-9.e+]+)`)

// positions lays the picture's DOT out with its Graphviz engine and reads
// the node centres back (points, y up).
func (r *Renderer) positions(ctx context.Context, p *picture.Picture) ([][2]float64, error) {
	if r.gv == nil {
		gv, err := newEngine(ctx)
		if err != nil {
			return nil, err
		}
		r.gv = gv
	}
	var dot bytes.Buffer
	if err := p.WriteDOT(&dot); err != nil {
		return nil, err
	}
	popt := p.Options()
	out, err := r.gv.layout(ctx, dot.Bytes(), popt.Engine())
	if err != nil {
		return nil, err
	}
	n := p.Graph().N()
	pos := make([][2]float64, n)
	found := make([]bool, n)
	// Graphviz wraps long lines with a backslash-newline.
	text := bytes.ReplaceAll(out, []byte("\\\n"), nil)
	for _, m := range nodePos.FindAllSubmatch(text, -1) {
		v, err := strconv.Atoi(string(m[1]))
		if err != nil || v >= n {
			continue
		}
		x, _ := strconv.ParseFloat(string(m[2]), 64)
		y, _ := strconv.ParseFloat(string(m[3]), 64)
		pos[v], found[v] = [2]float64{x, y}, true
	}
	if i := slices.Index(found, false); i >= 0 {
		return nil, fmt.Errorf("graphviz gave no position for node %d", i)
	}
	return pos, nil
}
