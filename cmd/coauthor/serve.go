package main

import (
	"flag"
	"fmt"

	"coauthor/render/explorer"
)

var serveCmd = &command{
	name: "serve",
	flags: func(fs *flag.FlagSet) runner {
		f := &serveFlags{}
		f.view.register(fs, "shown by node size")
		fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen on `host:port`")
		return f
	},
}

type serveFlags struct {
	view viewFlags
	addr string
}

func (f *serveFlags) run(e *env, files []string) error {
	if err := f.view.check(); err != nil {
		return err
	}
	v, err := f.view.load(e, files, "")
	if err != nil {
		return err
	}
	app, err := v.explorer(f.view.m.Seed)
	if err != nil {
		return err
	}
	return explorer.Serve(e.ctx, f.addr, app.Handler(), func(url string) {
		fmt.Fprintf(e.stdout, "coauthor explorer: %s (%d authors, %d edges; Ctrl-C stops)\n", url, v.sub.N(), v.sub.M())
	})
}
