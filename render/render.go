// Package render draws pictures of the co-authorship graph as SVG and
// PNG. The picture package lays a picture out (the force layout, labels
// placed, canvas sized) and writes its SVG; render rasterises the same
// scene to PNG in pure Go, and runs Graphviz compiled to WebAssembly
// (github.com/goccy/go-graphviz) only for its own layout engines (sfdp,
// neato, ...), reading their positions back. What a picture shows, and
// its DOT, are the picture package's; render is the only package that
// links Graphviz.
package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"

	"github.com/goccy/go-graphviz"

	"coauthor/graph"
	"coauthor/render/picture"
)

// Formats are the picture formats: DOT text, SVG and PNG.
var Formats = []string{"dot", "svg", "png"}

// Renderer draws pictures. It starts Graphviz (as WebAssembly, about 0.15
// s) only when a picture asks for a Graphviz engine; make one per process
// and Close it: one Graphviz instance is not safe for concurrent use
// (goccy/go-graphviz#117), and Graphviz does not honour a context's
// deadline, so a run is not cancelled midway (a cancelled run breaks later
// ones, #118).
type Renderer struct {
	gv *graphviz.Graphviz
}

// NewRenderer returns a Renderer; Graphviz starts on first use.
func NewRenderer(ctx context.Context) (*Renderer, error) {
	return &Renderer{}, nil
}

// graphviz starts Graphviz once. The first start on a machine takes about
// a second while it compiles and caches the WebAssembly module.
func (r *Renderer) graphviz(ctx context.Context) (*graphviz.Graphviz, error) {
	if r.gv != nil {
		return r.gv, nil
	}
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("starting graphviz: %w", err)
	}
	// The first sfdp layout in a process comes out differently from every
	// later one, whatever the seed (measured: the same graph twice gives
	// two pictures, then the same one). A throwaway layout first makes
	// every picture the same for the same input.
	warm, err := graphviz.ParseBytes([]byte("graph{a--b}"))
	if err == nil {
		gv.SetLayout(graphviz.SFDP)
		err = gv.Render(ctx, warm, graphviz.SVG, io.Discard)
		warm.Close()
	}
	if err != nil {
		gv.Close()
		return nil, fmt.Errorf("starting graphviz: %w", err)
	}
	r.gv = gv
	return gv, nil
}

// Close releases Graphviz if it was started.
func (r *Renderer) Close() error {
	if r.gv == nil {
		return nil
	}
	return r.gv.Close()
}

// Draw writes the picture of g in format ("dot", "svg" or "png"). SVG and
// PNG are drawn from the same scene (see picture.Scene); in an SVG every
// node and edge group's <title> is its tooltip text. With a Graphviz
// engine (opt.Layout other than "" and "force"), Graphviz computes the
// positions.
func (r *Renderer) Draw(ctx context.Context, w io.Writer, g *graph.Graph, opt picture.Options, format string) error {
	p := picture.New(g, opt)
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
	gv, err := r.graphviz(ctx)
	if err != nil {
		return nil, err
	}
	var dot bytes.Buffer
	if err := p.WriteDOT(&dot); err != nil {
		return nil, err
	}
	parsed, err := graphviz.ParseBytes(dot.Bytes())
	if err != nil {
		return nil, fmt.Errorf("graphviz rejected the DOT: %w", err)
	}
	defer parsed.Close()
	popt := p.Options()
	gv.SetLayout(graphviz.Layout(popt.Engine()))
	var out bytes.Buffer
	if err := gv.Render(ctx, parsed, graphviz.XDOT, &out); err != nil {
		return nil, fmt.Errorf("graphviz: %w", err)
	}
	n := p.Graph().N()
	pos := make([][2]float64, n)
	found := make([]bool, n)
	// Graphviz wraps long lines with a backslash-newline.
	text := bytes.ReplaceAll(out.Bytes(), []byte("\\\n"), nil)
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
