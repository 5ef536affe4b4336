// Command coauthor-graphviz lays out a DOT graph with Graphviz compiled to
// WebAssembly (github.com/goccy/go-graphviz), for coauthor's
// --layout sfdp|neato|fdp|circo|twopi|dot on a machine without Graphviz:
//
//	coauthor-graphviz ENGINE < in.dot > out.dot
//
// It reads DOT on standard input and writes what "ENGINE -Tdot" writes:
// the same graph with each node's pos. Errors go to standard error with
// exit status 1 (2 for a bad command line).
//
// It is a program of its own so that coauthor does not link go-graphviz,
// whose package init compiles its WebAssembly module in every process
// that links it (20 to 170 ms), and so that a layout can be stopped:
// Graphviz in WebAssembly does not honour a context, but a process can
// be killed. coauthor runs it as a child process, looked for beside its
// own executable and then on the PATH, when no native Graphviz is on the
// PATH; "go install ./cmd/..." installs both programs side by side.
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/goccy/go-graphviz"
)

// engines are the Graphviz layout engines this program runs.
var engines = []string{"sfdp", "neato", "fdp", "circo", "twopi", "dot", "osage", "patchwork", "nop", "nop2"}

// main catches no signal: Graphviz in WebAssembly would not stop for a
// cancelled context, so SIGINT and SIGTERM end the process at once.
func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) != 1 || !slices.Contains(engines, args[0]) {
		fmt.Fprintf(stderr, "usage: coauthor-graphviz ENGINE < in.dot > out.dot\nENGINE is one of %s; the output is Graphviz's -Tdot\n", strings.Join(engines, ", "))
		return 2
	}
	in, err := io.ReadAll(stdin)
	if err != nil {
		fmt.Fprintf(stderr, "coauthor-graphviz: reading standard input: %v\n", err)
		return 1
	}
	out, err := layout(ctx, in, args[0])
	if err == nil {
		_, err = stdout.Write(out)
	}
	if err != nil {
		fmt.Fprintf(stderr, "coauthor-graphviz %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

// layout runs Graphviz's engine on dot and returns the DOT it writes.
func layout(ctx context.Context, dot []byte, engine string) ([]byte, error) {
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("starting graphviz: %w", err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("graphviz rejected the DOT: %w", err)
	}
	defer g.Close()
	gv.SetLayout(graphviz.Layout(engine))
	var out bytes.Buffer
	if err := gv.Render(ctx, g, graphviz.XDOT, &out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
