// Package render draws pictures of the co-authorship graph: SVG and PNG
// through Graphviz compiled to WebAssembly (github.com/goccy/go-graphviz),
// so nothing needs installing. What a picture shows, and its DOT, are the
// picture package's; render is the only package that links Graphviz.
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
	"coauthor/graph/formats"
	"coauthor/render/picture"
)

// Formats are the picture formats: DOT text, or drawn by Graphviz.
var Formats = []string{"dot", "svg", "png"}

// Renderer draws pictures with Graphviz compiled to WebAssembly. Make one
// per process and Close it: one instance is not safe for concurrent use
// (goccy/go-graphviz#117), and Graphviz does not honour a context's
// deadline, so a run is not cancelled midway (a cancelled run breaks later
// ones, #118).
type Renderer struct {
	gv *graphviz.Graphviz
}

// NewRenderer starts Graphviz. The first start on a machine takes about a
// second while it compiles and caches the WebAssembly module.
func NewRenderer(ctx context.Context) (*Renderer, error) {
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("starting graphviz: %w", err)
	}
	r := &Renderer{gv: gv}
	// The first sfdp layout in a process comes out differently from every
	// later one, whatever the seed (measured: the same graph twice gives
	// two pictures, then the same one). A throwaway layout first makes
	// every picture the same for the same input.
	warm, err := graphviz.ParseBytes([]byte("graph{a--b}"))
	if err == nil {
		r.gv.SetLayout(graphviz.SFDP)
		err = r.gv.Render(ctx, warm, graphviz.SVG, io.Discard)
		warm.Close()
	}
	if err != nil {
		gv.Close()
		return nil, fmt.Errorf("starting graphviz: %w", err)
	}
	return r, nil
}

// Close releases Graphviz.
func (r *Renderer) Close() error { return r.gv.Close() }

// Draw writes the picture of g in format ("dot", "svg" or "png"). In an
// SVG every node and edge group's <title> is its tooltip text.
func (r *Renderer) Draw(ctx context.Context, w io.Writer, g *graph.Graph, opt picture.Options, format string) error {
	p := picture.New(g, opt)
	if format == "dot" {
		return p.WriteDOT(w)
	}
	if !slices.Contains(Formats, format) {
		return fmt.Errorf("unknown picture format %q: want dot, svg or png", format)
	}
	var dot bytes.Buffer
	if err := p.WriteDOT(&dot); err != nil {
		return err
	}
	parsed, err := graphviz.ParseBytes(dot.Bytes())
	if err != nil {
		return fmt.Errorf("graphviz rejected the DOT: %w", err)
	}
	defer parsed.Close()
	popt := p.Options()
	r.gv.SetLayout(graphviz.Layout(popt.Engine()))
	if format == "png" {
		return r.gv.Render(ctx, parsed, graphviz.PNG, w)
	}
	var svg bytes.Buffer
	if err := r.gv.Render(ctx, parsed, graphviz.SVG, &svg); err != nil {
		return fmt.Errorf("graphviz: %w", err)
	}
	_, err = w.Write(titles(p, svg.Bytes()))
	return err
}

var (
	nodeTitle = regexp.MustCompile(`<title>n(\d+)</title>`)
	edgeTitle = regexp.MustCompile(`<title>n(\d+)&#45;&#45;n(\d+)</title>`)
)

// titles replaces Graphviz's <title>n12</title> (the node's DOT name) with
// the tooltip text, so that a viewer's hover shows who it is.
func titles(p *picture.Picture, svg []byte) []byte {
	svg = nodeTitle.ReplaceAllFunc(svg, func(m []byte) []byte {
		v, _ := strconv.Atoi(string(nodeTitle.FindSubmatch(m)[1]))
		return []byte("<title>" + formats.XMLText(p.NodeTips[v]) + "</title>")
	})
	return edgeTitle.ReplaceAllFunc(svg, func(m []byte) []byte {
		sm := edgeTitle.FindSubmatch(m)
		u, _ := strconv.Atoi(string(sm[1]))
		v, _ := strconv.Atoi(string(sm[2]))
		if e := p.Graph().EdgeID(int32(u), int32(v)); e >= 0 {
			return []byte("<title>" + formats.XMLText(p.EdgeTips[e]) + "</title>")
		}
		return m
	})
}
