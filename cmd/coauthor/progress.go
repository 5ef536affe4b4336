package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"coauthor/parse/input"
)

func (e *env) registerProgress(fs *flag.FlagSet) {
	fs.BoolVar(&e.quiet, "quiet", false, "no progress lines on stderr")
	fs.BoolVar(&e.progress, "progress", false, "progress lines on stderr even when it is not a terminal")
}

// terminal reports whether w is a terminal (not a file, pipe or
// /dev/null).
func terminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// showProgress reports whether progress lines go to stderr: with
// -progress, or when stderr is a terminal, and never with -quiet.
func (e *env) showProgress() bool {
	return !e.quiet && (e.progress || terminal(e.stderr))
}

// progress reports one long step on stderr, once a second after the
// first second (a step that ends sooner prints nothing): items done,
// their rate, bytes of input read and, when the size is known, the share
// done and the time left.
type progress struct {
	w        io.Writer
	always   bool // -progress: a closing line even for a step under a second
	terminal bool // rewrite one line with \r rather than print lines
	step     string
	unit     string
	size     int64 // bytes expected, 0 when unknown
	items    atomic.Int64
	bytes    atomic.Int64
	start    time.Time
	stop     chan struct{}
	wg       sync.WaitGroup
	printed  bool
}

// Start begins reporting a step (input.Progress); it reports nothing when
// e says so.
func (e *env) Start(step string, size int64, unit string) input.Step {
	p := &progress{step: step, unit: unit, size: size, start: time.Now(), stop: make(chan struct{})}
	if !e.showProgress() {
		return p
	}
	p.w, p.always, p.terminal = e.stderr, e.progress, terminal(e.stderr)
	p.wg.Add(1)
	go p.run()
	return p
}

// Add counts n more items and b more bytes.
func (p *progress) Add(n, b int64) {
	p.items.Add(n)
	p.bytes.Add(b)
}

func (p *progress) run() {
	defer p.wg.Done()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-tick.C:
			p.print(false)
		}
	}
}

// Done stops the reports and ends the line if one was printed.
func (p *progress) Done() {
	if p.w == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	if p.printed || p.always {
		p.print(true)
	}
}

func (p *progress) print(final bool) {
	elapsed := time.Since(p.start).Seconds()
	items, bytes := p.items.Load(), p.bytes.Load()
	if items == 0 && bytes == 0 && !final {
		// A step that does not count its work: say that it runs.
		p.emit(fmt.Sprintf("coauthor: %s: running for %s", p.step, round(time.Since(p.start))), false)
		return
	}
	line := fmt.Sprintf("coauthor: %s: %s %s", p.step, count(items), p.unit)
	if elapsed > 0.5 {
		line += fmt.Sprintf(", %s/s", count(int64(float64(items)/elapsed)))
	}
	if bytes > 0 {
		line += ", " + byteSize(bytes)
		if p.size > 0 {
			line += " of " + byteSize(p.size)
		}
		if elapsed > 0.5 {
			line += fmt.Sprintf(" (%s/s)", byteSize(int64(float64(bytes)/elapsed)))
		}
	}
	frac := 0.0
	if p.size > 0 {
		frac = float64(bytes) / float64(p.size)
	}
	if final {
		line += fmt.Sprintf(", done in %s", round(time.Since(p.start)))
	} else if frac > 0 && frac < 1 {
		left := time.Duration(elapsed * (1 - frac) / frac * float64(time.Second))
		line += fmt.Sprintf(", %.0f%%, %s left", 100*frac, round(left))
	}
	p.emit(line, final)
}

func (p *progress) emit(line string, final bool) {
	if p.terminal {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
		if final {
			fmt.Fprintln(p.w)
		}
	} else {
		fmt.Fprintln(p.w, line)
	}
	p.printed = true
}

func round(d time.Duration) time.Duration {
	switch {
	case d > 10*time.Second:
		return d.Round(100 * time.Millisecond)
	case d > time.Second:
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}

// count writes n with a k/M suffix.
func count(n int64) string {
	switch {
	case n >= 10_000_000:
		return fmt.Sprintf("%.1fM", float64(n)/1e6)
	case n >= 1_000_000:
		return fmt.Sprintf("%.2fM", float64(n)/1e6)
	case n >= 10_000:
		return fmt.Sprintf("%.0fk", float64(n)/1e3)
	}
	return fmt.Sprint(n)
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d kB", n>>10)
}
