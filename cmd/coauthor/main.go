// Command coauthor builds a weighted co-authorship graph from publication
// lists and ranks, explains, draws and exports it: "coauthor help" lists
// the commands (their texts are in doc/). Each command parses its flags,
// calls the library packages (parse/..., graph/..., render/...) one step
// at a time and prints the result; the work and its defaults are theirs.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"coauthor/graph/formats"
	"coauthor/graph/measure"
	"coauthor/render/report"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	// The last write may fail only when the file is closed (NFS, a quota).
	if err := os.Stdout.Close(); err != nil && code == exitOK {
		fmt.Fprintf(os.Stderr, "coauthor: writing standard output: %v\n", err)
		code = exitInput
	}
	os.Exit(code)
}

// Exit statuses.
const (
	exitOK     = 0
	exitInput  = 1   // bad input or a failed read or write
	exitUsage  = 2   // bad command line
	exitSignal = 130 // interrupted (SIGINT or SIGTERM), nothing written
)

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// usagef returns a usageError.
func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage())
		return exitUsage
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		if len(args) > 1 {
			if c, _ := lookup(args[1]); c != nil {
				fmt.Fprint(stdout, commandUsage(c))
				return exitOK
			}
		}
		fmt.Fprint(stdout, mainUsage())
		return exitOK
	}
	c, names := lookup(name)
	if c == nil {
		fmt.Fprintf(stderr, "coauthor: unknown command %q%s\n\n%s", name, report.DidYouMean(name, names), mainUsage())
		return exitUsage
	}
	out := &checkedWriter{w: stdout}
	e := &env{ctx: ctx, stdin: stdin, stdout: out, stderr: stderr}
	err := c.execute(e, args[1:])
	if err == nil && out.err != nil { // a command that did not check its writes
		err = fmt.Errorf("writing standard output: %w", out.err)
	}
	var ue usageError
	var bad *formats.BadOutput
	switch {
	case err == nil || errors.Is(err, errHelp):
		// A signal that came after the command's work ended (its output
		// written whole, or serve shut down) is no failure.
		return exitOK
	case ctx.Err() != nil:
		fmt.Fprintf(stderr, "coauthor %s: interrupted\n", c.name)
		return exitSignal
	case errors.As(err, &ue) || errors.As(err, &bad) || errors.Is(err, measure.ErrNoPapers):
		fmt.Fprintf(stderr, "coauthor %s: %v\nRun 'coauthor %s -help' for usage.\n", c.name, err, c.name)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "coauthor %s: %v\n", c.name, err)
		return exitInput
	}
}

// checkedWriter keeps the first error of writing to w, and fails every
// write after it: run checks it after every command, so that no command
// ends with status 0 when its output was lost (a full disk, /dev/full).
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

// env is what a command may use of the outside world.
type env struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
	quiet          bool // -quiet: no progress lines, warnings counted in one line
	progress       bool // -progress: progress lines even when stderr is not a terminal
}

// warnf prints a line on stderr.
func (e *env) warnf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "coauthor: "+format+"\n", args...)
}
