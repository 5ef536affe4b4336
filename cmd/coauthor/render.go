package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"coauthor/graph/formats"
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
		fs.StringVar(&f.layout, "layout", "auto", "`layout`: auto (force), "+strings.Join(picture.Layouts, ", "))
		fs.DurationVar(&f.layoutTimeout, "layout-timeout", render.DefaultLayoutTimeout, "time `limit` of a Graphviz layout (sfdp, neato, ...), past which Graphviz is stopped")
		fs.IntVar(&f.labels, "labels", -1, "name the `N` largest nodes; -1: a fifth of them, 10 to 30; 0: none")
		fs.StringVar(&f.title, "title", "", "picture `title` (default: the input's base name, or the ego's or author page owner's name)")
		fs.IntVar(&f.width, "width", 0, "PNG width in `pixels` (0: from -dpi)")
		fs.Float64Var(&f.dpi, "dpi", 96, "PNG `dots` per inch")
		registerMeasures(fs, &f.measures, &f.measuresSet, "all up to 20,000 authors, those that take linear time above", "in an author's panel of -o .html")
		fs.StringVar(&f.mode, "view", "network", "`view`: network, or density (a heat map of the authors' positions weighted by node size under the graph, as VOSviewer's density view; svg and png)")
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
	width  int
	dpi    float64
	mode   string // -view

	measures    []string // -measures, for html
	measuresSet bool

	layoutTimeout time.Duration // render.Renderer.LayoutTimeout
}

// format returns the picture format asked for, or a usage error.
func (f *renderFlags) format() (string, error) {
	format := f.to
	if format == "" && f.out != "" && f.out != "-" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(f.out)), ".")
	}
	switch {
	case f.out == "" && f.to == "":
		return "", usageError{"give -o FILE (.svg, .png, .dot or .html), or -to FORMAT with -o - for standard output"}
	case !slices.Contains(append(render.Formats, "html"), format):
		return "", usagef("unknown picture format %q: want svg, png, dot or html (from -o's extension or -to)", format)
	case f.layout != "auto" && !slices.Contains(picture.Layouts, f.layout):
		return "", usagef("unknown layout %q: want one of %s", f.layout, strings.Join(picture.Layouts, ", "))
	case f.layoutTimeout <= 0:
		return "", usagef("-layout-timeout must be positive, not %v", f.layoutTimeout)
	case f.mode != "network" && f.mode != "density":
		return "", usagef("unknown view %q: want network or density", f.mode)
	case f.mode == "density" && format != "svg" && format != "png":
		return "", usagef("-view density draws SVG or PNG, not %s (the explorer has its own density view)", format)
	case f.measuresSet && format != "html":
		return "", usagef("-measures is for the explorer's page (-o FILE.html), not %s", format)
	case f.labels < -1:
		return "", usageError{"-labels must be -1 or more"}
	}
	return format, nil
}

func (f *renderFlags) run(e *env, files []string) error {
	format, err := f.format()
	if err != nil {
		return err
	}
	out := cmp.Or(f.out, "-")
	if err := cmp.Or(f.view.check(), formats.CheckOutputs([]string{out}, files)); err != nil {
		return err
	}
	v, err := f.view.load(e, files, f.title)
	if err != nil {
		return err
	}
	sub, opt := v.sub, v.pic
	opt.Layout, opt.Seed, opt.Labels = f.layout, f.view.m.Seed, f.labels
	opt.Width, opt.DPI, opt.Density = f.width, f.dpi, f.mode == "density"
	ego := ""
	if v.fopt.HasEgo {
		ego = v.d.graph.Node(v.fopt.Ego).Name
	}
	opt.FromWhole(v.d.graph, v.keep, v.fopt.Ego, v.fopt.HasEgo)
	if inputs := []string{v.d.network}; f.title == "" && v.d.Dataset == nil {
		opt.Title = picture.DefaultTitle(inputs, "", ego)
	} else if f.title == "" {
		opt.Title = picture.DefaultTitle(v.d.Inputs, v.d.PageOwner(), ego)
	}
	opt.Subtitle = v.fopt.Describe(f.view.sizeBy, ego)
	if f.isWorldMap(v, format) {
		return f.worldMap(e, v, out, format, mapTitle(f.title, opt.Title, ego), opt.Subtitle)
	}
	if f.labels <= 0 {
		opt.Labels = -1 - f.labels // -labels 0: none (-1); -1: the default number (0)
	}
	if f.layout == "auto" {
		opt.Layout = "force"
	}
	err = writeOutput(e, out, func(w io.Writer) error {
		if format == "html" {
			v.network = f.layout != "auto"
			app, err := v.explorer(e, opt.Seed, f.measures, f.measuresSet, false)
			if err != nil {
				return err
			}
			return app.WriteHTML(e.ctx, w)
		}
		r, err := render.NewRenderer(e.ctx)
		if err != nil {
			return err
		}
		r.LayoutTimeout = f.layoutTimeout
		defer r.Close()
		step := e.Start("drawing", 0, "authors")
		defer func() { step.Add(int64(sub.N()), 0); step.Done() }()
		derr := r.Draw(e.ctx, w, sub, opt, format)
		switch {
		case errors.Is(derr, render.ErrLayoutTimeout):
			derr = fmt.Errorf("%w; use --layout force, or fewer authors (--top N), or a longer --layout-timeout", derr)
		case errors.Is(derr, render.ErrNoGraphviz):
			derr = fmt.Errorf("%w; or use --layout force", derr)
		}
		if derr != nil && e.ctx.Err() == nil && len(files) > 0 && !opt.Ours() {
			derr = fmt.Errorf("drawing %s: %w", strings.Join(files, ", "), derr)
		}
		return derr
	})
	if err == nil && out != "-" {
		e.warnf("wrote %s (%d %s, %d edges)", out, sub.N(), v.d.nodeNoun(), sub.M())
	}
	return err
}
