package main

import (
	"flag"
	"io"
	"os"

	"golang.org/x/term"

	"coauthor/parse/input"
)

func (e *env) registerProgress(fs *flag.FlagSet) {
	fs.BoolVar(&e.quiet, "quiet", false, "no progress lines on stderr, and no list of the input's warnings (one line counts them)")
	fs.BoolVar(&e.progress, "progress", false, "progress lines on stderr even when it is not a terminal")
}

// terminal reports whether w is a terminal (not a file, pipe or
// /dev/null).
func terminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Start begins reporting a step (input.Progress) on stderr: with
// -progress, or when stderr is a terminal, and never with -quiet.
func (e *env) Start(step string, size int64, unit string) input.Step {
	if e.quiet || !e.progress && !terminal(e.stderr) {
		return input.Silent{}
	}
	r := &input.Reporter{W: e.stderr, Always: e.progress, Terminal: terminal(e.stderr), Ctx: e.ctx}
	return r.Start(step, size, unit)
}

// steps returns a function that starts a progress step over n authors
// (graph.SummaryOptions.Step, measure.Options.Step).
func (e *env) steps(n int) func(name string) func() {
	return func(name string) func() {
		step := e.Start(name, 0, "authors")
		return func() { step.Add(int64(n), 0); step.Done() }
	}
}
