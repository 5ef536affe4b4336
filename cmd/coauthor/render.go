package main

import (
	"cmp"
	"flag"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"coauthor/render"
	"coauthor/render/picture"
)

var renderCmd = &command{
	name: "render",
	flags: func(fs *flag.FlagSet) runner {
		f := &renderFlags{}
		f.view.register(fs, "shown by node area")
		fs.StringVar(&f.out, "o", "", "output `file` (.svg, .png, .dot, or .html: the explorer in one file; - for standard output)")
		fs.StringVar(&f.to, "to", "", "output `format`: svg, png, dot or html (default: from the -o extension)")
		fs.StringVar(&f.layout, "layout", "auto", "`layout`: auto (sfdp up to 100 authors drawn, force above), "+strings.Join(picture.Layouts, ", "))
		fs.IntVar(&f.labels, "labels", -1, "name the `N` largest nodes; -1: a fifth of them, 10 to 30; 0: none")
		fs.StringVar(&f.title, "title", "", "picture `title` (default: from the input)")
		return f
	},
}

type renderFlags struct {
	view   viewFlags
	out    string
	to     string
	layout string
	labels int
	title  string
}

// autoForce is the number of authors above which -layout auto uses our
// own force layout. Measured against Graphviz's sfdp run as WebAssembly:
// ca-GrQc -top 300 0.29 s against 0.79 s, with clusters apart where sfdp
// drew a hairball; netscience 0.9 s against 2.2 s; ca-GrQc whole 3.3 s
// where sfdp did not finish in 10 minutes. Small pictures (the built-in
// example's 86 authors) keep sfdp.
const autoForce = 100

func (f *renderFlags) run(e *env, files []string) error {
	format := f.to
	if format == "" && f.out != "" && f.out != "-" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(f.out)), ".")
	}
	switch {
	case f.out == "" && f.to == "":
		return usageError{"give -o FILE (.svg, .png, .dot or .html), or -to FORMAT with -o - for standard output"}
	case !slices.Contains(append(render.Formats, "html"), format):
		return usagef("unknown picture format %q: want svg, png, dot or html (from -o's extension or -to)", format)
	case f.layout != "auto" && !slices.Contains(picture.Layouts, f.layout):
		return usagef("unknown layout %q: want one of %s", f.layout, strings.Join(picture.Layouts, ", "))
	case f.labels < -1:
		return usageError{"-labels must be -1 or more"}
	}
	v, err := f.view.load(e, files, f.title)
	if err != nil {
		return err
	}
	sub, opt := v.sub, v.pic
	opt.Layout, opt.Seed, opt.Labels = f.layout, f.view.m.Seed, f.labels
	switch f.labels {
	case 0:
		opt.Labels = -1 // none
	case -1:
		opt.Labels = 0 // the default number
	}
	if f.layout == "auto" {
		opt.Layout = "sfdp"
		if sub.N() > autoForce {
			opt.Layout = "force"
		}
	}
	out := cmp.Or(f.out, "-")
	err = writeOutput(e, out, func(w io.Writer) error {
		if format == "html" {
			app, err := v.explorer(opt.Seed)
			return cmp.Or(err, app.WriteHTML(w))
		}
		r, err := render.NewRenderer(e.ctx)
		if err != nil {
			return err
		}
		defer r.Close()
		return r.Draw(e.ctx, w, sub, opt, format)
	})
	if err == nil && out != "-" {
		e.warnf("wrote %s (%d authors, %d edges)", out, sub.N(), sub.M())
	}
	return err
}
