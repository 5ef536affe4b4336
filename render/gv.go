package render

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// Helper is the program that runs Graphviz compiled to WebAssembly
// (github.com/goccy/go-graphviz) when no native Graphviz is installed:
// cmd/coauthor-graphviz in this module. It reads DOT on standard input,
// takes the engine's name as its argument and writes what "ENGINE -Tdot"
// writes. It is a program of its own so that no other program pays for
// go-graphviz's start (its package init compiles the WebAssembly module,
// 20 to 170 ms), and so that a layout can be stopped: Graphviz in
// WebAssembly does not honour a context, a process can be killed.
const Helper = "coauthor-graphviz"

// DefaultLayoutTimeout is the time limit of one Graphviz layout when
// Renderer.LayoutTimeout is zero.
const DefaultLayoutTimeout = 60 * time.Second

// ErrNoGraphviz is the error (for errors.Is) of a Graphviz layout on a
// machine with neither Graphviz nor the Helper.
var ErrNoGraphviz = errors.New("no Graphviz found")

// ErrLayoutTimeout is the error (for errors.Is) of a Graphviz layout
// stopped at its time limit.
var ErrLayoutTimeout = errors.New("graphviz ran past its time limit")

// graphvizCommand returns the program that lays DOT out with engine and
// its arguments: Graphviz's own program named engine on the PATH when
// there is one, else the Helper beside this program's executable, else
// the Helper on the PATH.
func graphvizCommand(engine string) (path string, args []string, err error) {
	if path, err := exec.LookPath(engine); err == nil {
		return path, []string{"-Tdot"}, nil
	}
	name := Helper
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if exe, err := os.Executable(); err == nil {
		path := filepath.Join(filepath.Dir(exe), name)
		if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
			return path, []string{engine}, nil
		}
	}
	if path, err := exec.LookPath(Helper); err == nil {
		return path, []string{engine}, nil
	}
	return "", nil, fmt.Errorf("layout %s: %w (neither Graphviz's %s on the PATH nor %s beside this program or on the PATH): "+
		"'go install ./cmd/...' in coauthor's source installs coauthor and %s side by side; or install Graphviz (apt-get install graphviz)",
		engine, ErrNoGraphviz, engine, Helper, Helper)
}

// Validate reports a field out of range: a negative LayoutTimeout.
func (r *Renderer) Validate() error {
	if r.LayoutTimeout < 0 {
		return fmt.Errorf("Renderer.LayoutTimeout %v is negative", r.LayoutTimeout)
	}
	return nil
}

// layout runs Graphviz's engine on dot in a child process and returns the
// DOT it writes. The child is killed, with any process it started, when
// ctx is done or the time limit passes; nodes is only for the message.
func (r *Renderer) layout(ctx context.Context, dot []byte, engine string, nodes int) ([]byte, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	limit := cmp.Or(r.LayoutTimeout, DefaultLayoutTimeout)
	path, args, err := graphvizCommand(engine)
	if err != nil {
		return nil, err
	}
	tctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	cmd := exec.CommandContext(tctx, path, args...)
	killGroup(cmd)
	cmd.WaitDelay = time.Second // then close the pipes whoever holds them
	cmd.Stdin = bytes.NewReader(dot)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	switch {
	case err == nil:
		return stdout.Bytes(), nil
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case tctx.Err() != nil:
		return nil, fmt.Errorf("layout %s of %d nodes: %w of %v, and was stopped (%s)", engine, nodes, ErrLayoutTimeout, limit, path)
	}
	return nil, fmt.Errorf("layout %s: %s: %v: %s", engine, path, err, errorLine(stderr.String()))
}

// errorLine picks Graphviz's error out of its standard error, where it
// may follow thousands of warnings: the first line that says "Error",
// else the last line.
func errorLine(stderr string) string {
	if strings.TrimSpace(stderr) == "" {
		return "nothing on its standard error"
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for _, l := range lines {
		if strings.Contains(l, "Error") || strings.Contains(l, "error") {
			return strings.TrimSpace(l)
		}
	}
	return strings.TrimSpace(lines[len(lines)-1])
}
