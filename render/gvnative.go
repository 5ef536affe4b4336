//go:build !wasmgraphviz

package render

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
)

// engine runs the native Graphviz found on the PATH. The default build
// does not link the WebAssembly Graphviz: its package init would cost
// every run of every command 20 to 170 ms, pictures at our own layout
// included (build with -tags wasmgraphviz for it).
type engine struct{}

func newEngine(context.Context) (*engine, error) { return &engine{}, nil }

func (*engine) close() error { return nil }

// layout runs Graphviz's layout engine on dot and returns the DOT it
// writes, with each node's pos.
func (*engine) layout(ctx context.Context, dot []byte, layout string) ([]byte, error) {
	path, err := exec.LookPath(layout)
	if err != nil {
		return nil, fmt.Errorf("layout %s runs Graphviz's %s, which is not on the PATH: install Graphviz (apt-get install graphviz), use -layout force, or build coauthor with -tags wasmgraphviz for a built-in Graphviz", layout, layout)
	}
	cmd := exec.CommandContext(ctx, path, "-Tdot")
	cmd.Stdin = bytes.NewReader(dot)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("graphviz %s: %v: %s", layout, err, strings.TrimSpace(firstLine(stderr.String())))
	}
	return out, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
