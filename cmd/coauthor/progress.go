package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

func (e *env) registerProgress(fs *flag.FlagSet) {
	fs.BoolVar(&e.quiet, "quiet", false, "no progress lines on stderr")
	fs.BoolVar(&e.progress, "progress", false, "progress lines on stderr even when it is not a terminal")
}

// showProgress reports whether progress lines go to stderr: with
// -progress, or when stderr is a terminal, and never with -quiet.
func (e *env) showProgress() bool {
	if e.quiet {
		return false
	}
	if e.progress {
		return true
	}
	f, ok := e.stderr.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progress reports one long step on stderr, once a second after the
// first second (a step that ends sooner prints nothing): items done,
// their rate, bytes of input read and, when the total is known, the share
// done and the time left.
type progress struct {
	w        io.Writer
	always   bool // -progress: a closing line even for a step under a second
	terminal bool // rewrite one line with \r rather than print lines
	step     string
	unit     string
	total    int64 // items expected, 0 when unknown
	size     int64 // bytes expected, 0 when unknown
	items    atomic.Int64
	bytes    atomic.Int64
	start    time.Time
	stop     chan struct{}
	wg       sync.WaitGroup
	printed  bool
}

// newProgress starts reporting step; total is the number of items
// expected (0: unknown). It reports nothing when e says so.
func newProgress(e *env, step string, total int64, unit string) *progress {
	p := &progress{step: step, unit: unit, total: total, start: time.Now(), stop: make(chan struct{})}
	if !e.showProgress() {
		return p
	}
	p.w, p.always = e.stderr, e.progress
	if f, ok := e.stderr.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	p.wg.Add(1)
	go p.run()
	return p
}

// expectBytes sets the input size, for the share done and the time left.
func (p *progress) expectBytes(n int64) {
	if p != nil {
		atomic.StoreInt64(&p.size, n)
	}
}

// add counts n more items and b more bytes.
func (p *progress) add(n, b int64) {
	if p == nil {
		return
	}
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

// done stops the reports and ends the line if one was printed.
func (p *progress) done() {
	if p == nil || p.w == nil {
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
	size := atomic.LoadInt64(&p.size)
	if bytes > 0 {
		line += ", " + byteSize(bytes)
		if size > 0 {
			line += " of " + byteSize(size)
		}
		if elapsed > 0.5 {
			line += fmt.Sprintf(" (%s/s)", byteSize(int64(float64(bytes)/elapsed)))
		}
	}
	frac := 0.0
	switch {
	case size > 0:
		frac = float64(bytes) / float64(size)
	case p.total > 0:
		frac = float64(items) / float64(p.total)
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

// countingReader counts the bytes read through it into a progress.
type countingReader struct {
	r io.Reader
	p *progress
}

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.p.add(0, int64(n))
	return n, err
}
