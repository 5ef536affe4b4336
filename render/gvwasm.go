//go:build wasmgraphviz

package render

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/goccy/go-graphviz"
)

// engine runs Graphviz compiled to WebAssembly. One instance is not safe
// for concurrent use (goccy/go-graphviz#117), and Graphviz does not honour
// a context's deadline, so a run is not cancelled midway (a cancelled run
// breaks later ones, #118).
type engine struct {
	gv *graphviz.Graphviz
}

// newEngine starts Graphviz. The first start on a machine takes about a
// second while it compiles and caches the WebAssembly module.
func newEngine(ctx context.Context) (*engine, error) {
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
	return &engine{gv: gv}, nil
}

func (e *engine) close() error { return e.gv.Close() }

// layout runs Graphviz's layout engine on dot and returns the DOT it
// writes, with each node's pos.
func (e *engine) layout(ctx context.Context, dot []byte, layout string) ([]byte, error) {
	parsed, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("graphviz rejected the DOT: %w", err)
	}
	defer parsed.Close()
	e.gv.SetLayout(graphviz.Layout(layout))
	var out bytes.Buffer
	if err := e.gv.Render(ctx, parsed, graphviz.XDOT, &out); err != nil {
		return nil, fmt.Errorf("graphviz: %w", err)
	}
	return out.Bytes(), nil
}
