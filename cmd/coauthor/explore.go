package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"strconv"
	"syscall"

	"coauthor/render/explorer"
)

// The commands of the explorer: path, timeline, serve.
var (
	pathCmd = &command{name: "path", flags: func(fs *flag.FlagSet) runner {
		f := &exploreFlags{}
		f.view.in.register(fs)
		fs.BoolVar(&f.all, "all", false, "show every shortest path (at most 100), not only the first")
		return runFunc(f.path)
	}}
	timelineCmd = &command{name: "timeline", flags: func(fs *flag.FlagSet) runner {
		f := &exploreFlags{}
		f.view.in.register(fs)
		return runFunc(f.timeline)
	}}
	serveCmd = &command{name: "serve", flags: func(fs *flag.FlagSet) runner {
		f := &exploreFlags{}
		f.view.register(fs, "shown by node size")
		fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen on `host:port`")
		registerMeasures(fs, &f.measures, &f.measuresSet, "all up to 20,000 authors, those that take linear time above",
			"in an author's panel; all but papers, degree, strength, core and -size-by's are computed after the map is served")
		return runFunc(f.serve)
	}}
)

type exploreFlags struct {
	view        viewFlags
	all         bool
	addr        string
	measures    []string
	measuresSet bool
}

// runFunc is a runner that is a function.
type runFunc func(e *env, args []string) error

func (f runFunc) run(e *env, args []string) error { return f(e, args) }

func (f *exploreFlags) path(e *env, args []string) error {
	if len(args) < 2 {
		return usageError{"give two authors: coauthor path A B [FILE...]"}
	}
	d, err := load(e, args[2:], &f.view.in)
	if err != nil {
		return err
	}
	p, err := d.explore(d.graph).PathByName(args[0], args[1], f.all)
	if err != nil {
		return err
	}
	return p.Write(e.stdout, f.view.in.json)
}

func (f *exploreFlags) timeline(e *env, files []string) error {
	d, err := load(e, files, &f.view.in)
	if err == nil {
		err = d.needPapers("timeline")
	}
	if err != nil {
		return err
	}
	return explorer.WriteTimeline(e.stdout, d.explore(d.graph).Timeline(), f.view.in.json)
}

// checkAddr checks -addr before any work: host:port, the port a number
// from 0 to 65535.
func checkAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return usagef("-addr %q: want host:port, such as 127.0.0.1:8080 (%v)", addr, err)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return usagef("-addr %q: the port must be a number from 0 to 65535", addr)
	}
	return nil
}

func (f *exploreFlags) serve(e *env, files []string) error {
	if err := checkAddr(f.addr); err != nil {
		return err
	}
	// The measures computed after the map stop with the server.
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	se := *e
	se.ctx = ctx
	e = &se
	v, err := f.view.load(e, files, "")
	if err != nil {
		return err
	}
	app, err := v.explorer(e, f.view.m.Seed, f.measures, f.measuresSet, true)
	if err != nil {
		return err
	}
	later, started := make(chan struct{}), false
	err = explorer.Serve(ctx, f.addr, app.Handler(), func(url string) {
		fmt.Fprintf(e.stdout, "coauthor explorer: %s (%d %s, %d edges; Ctrl-C stops)\n", url, v.sub.N(), v.d.nodeNoun(), v.sub.M())
		started = true
		go func() {
			defer close(later)
			f.computeLater(e, app)
		}()
	}, func(msg string) { fmt.Fprintf(e.stderr, "coauthor serve: %s\n", msg) })
	cancel()
	if started {
		<-later // stopped by cancel within a second
	}
	if errors.Is(err, syscall.EADDRINUSE) {
		err = fmt.Errorf("%w: another program listens on %s; choose another port with --addr, such as --addr 127.0.0.1:0 for any free one", err, f.addr)
	}
	return err
}

// computeLater computes the measures the explorer shows after the map,
// saying how far it has got on stderr as progress lines are shown
// (env.Start).
func (f *exploreFlags) computeLater(e *env, app *explorer.App) {
	show := !e.quiet && (e.progress || terminal(e.stderr))
	err := app.ComputeLater(e.ctx, func(s explorer.Status) {
		if show && s.Total > 0 {
			e.warnf("measures after the map: %s", s)
		}
	})
	if err != nil && e.ctx.Err() == nil {
		e.warnf("measures after the map: %v", err)
	}
}
