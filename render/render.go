// Package render draws pictures of the co-authorship graph as SVG and
// PNG. The picture package lays a picture out (the force layout, labels
// placed, canvas sized) and writes its SVG; render rasterises the same
// scene to PNG in pure Go, and runs Graphviz only for its own layout
// engines (sfdp, neato, ...) in a child process, time-limited and killed
// on cancellation, and reading their positions back with a DOT parser:
// the native Graphviz on the PATH, or else the Helper program
// (cmd/coauthor-graphviz), Graphviz compiled to WebAssembly
// (github.com/goccy/go-graphviz), which needs nothing installed. No
// program that imports render links go-graphviz: its package init costs
// every process that links it 20 to 170 ms at start. What a picture
// shows, and its DOT, are the picture package's; render is the only
// package that runs Graphviz.
package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"time"

	"coauthor/graph"
	"coauthor/render/picture"
)

// Formats are the picture formats: DOT text, SVG and PNG.
var Formats = []string{"dot", "svg", "png"}

// Renderer draws pictures. Graphviz runs only when a picture asks for one
// of its engines, as a child process for each picture (see gv.go). The
// zero Renderer is ready to use.
type Renderer struct {
	// LayoutTimeout is the time limit of each Graphviz layout, past which
	// Graphviz is killed and Draw returns an error that wraps
	// ErrLayoutTimeout; zero means DefaultLayoutTimeout (60 s).
	LayoutTimeout time.Duration
}

// NewRenderer returns a Renderer.
func NewRenderer(ctx context.Context) (*Renderer, error) {
	return &Renderer{}, nil
}

// Close does nothing: no Graphviz outlives a Draw.
func (r *Renderer) Close() error { return nil }

// Draw writes the picture of g in format ("dot", "svg" or "png"). SVG and
// PNG are drawn from the same scene (see picture.Scene); in an SVG every
// node and edge group's <title> is its tooltip text. With a Graphviz
// engine (opt.Layout other than "" and "force"), Graphviz computes the
// positions: Draw returns when ctx is done, with Graphviz killed.
func (r *Renderer) Draw(ctx context.Context, w io.Writer, g *graph.Graph, opt picture.Options, format string) error {
	p, err := picture.New(ctx, g, opt)
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

// positions lays the picture's DOT out with its Graphviz engine and reads
// the node centres back (points, y up).
func (r *Renderer) positions(ctx context.Context, p *picture.Picture) ([][2]float64, error) {
	var dot bytes.Buffer
	if err := p.WriteDOT(&dot); err != nil {
		return nil, err
	}
	popt := p.Options()
	n := p.Graph().N()
	out, err := r.layout(ctx, dot.Bytes(), popt.Engine(), n)
	if err != nil {
		return nil, withAuthor(err, dot.Bytes(), p.Graph())
	}
	return readPositions(out, n)
}

// withAuthor adds to a Graphviz error that names a line of the DOT ("in
// line 6") the author that line draws, if it draws one.
func withAuthor(err error, dot []byte, g *graph.Graph) error {
	m := lineRe.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	line, _ := strconv.Atoi(m[1])
	lines := bytes.Split(dot, []byte("\n"))
	if line < 1 || line > len(lines) {
		return err
	}
	n := nodeRe.FindSubmatch(lines[line-1])
	if n == nil {
		return err
	}
	v, _ := strconv.Atoi(string(n[1]))
	if v >= g.N() {
		return err
	}
	what := "author"
	if len(n[2]) > 0 {
		what = "an edge of author"
	}
	return fmt.Errorf("%w (line %d of the DOT draws %s %q)", err, line, what, picture.Shorten(g.Node(int32(v)).Name))
}

var (
	lineRe = regexp.MustCompile(`\bline (\d+)\b`)
	nodeRe = regexp.MustCompile(`^\tn(\d+)( -- n\d+)? \[`)
)
