package input

import (
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// Reporter writes progress lines for the steps of a long run (it
// implements Progress): once a second after the first second (a step that
// ends sooner prints nothing unless Always is set) items done, their rate,
// bytes of input read and, when the size is known, the share done and the
// time left; and a closing "done in" line.
type Reporter struct {
	W io.Writer
	// Always prints a closing line for every step, even one under a second.
	Always bool
	// Terminal rewrites one line with \r rather than print lines.
	Terminal bool
	// Ctx, when set, is the run's context: a step that ends after it is
	// cancelled closes with "stopped after", not "done in".
	Ctx context.Context
}

// progress reports one long step on stderr, once a second after the
// first second (a step that ends sooner prints nothing): items done,
// their rate, bytes of input read and, when the size is known, the share
// done and the time left.
type progress struct {
	w        io.Writer
	ctx      context.Context
	always   bool
	terminal bool
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

// Start begins reporting a step.
func (r *Reporter) Start(step string, size int64, unit string) Step {
	p := &progress{w: r.W, ctx: r.Ctx, always: r.Always, terminal: r.Terminal, step: step, unit: unit, size: size, start: time.Now(), stop: make(chan struct{})}
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
	if final && p.ctx != nil && p.ctx.Err() != nil {
		line += fmt.Sprintf(", stopped after %s", round(time.Since(p.start)))
	} else if final {
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
