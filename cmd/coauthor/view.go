package main

import (
	"cmp"
	"flag"
	"fmt"

	"coauthor/graph"
	"coauthor/graph/filter"
	"coauthor/graph/measure"
	"coauthor/parse/input"
	"coauthor/render/explorer"
	"coauthor/render/picture"
)

// viewFlags are the flags of the commands that show part of the network,
// render and export: input, measures, clusters, filters, node size.
type viewFlags struct {
	in     inputFlags
	m      measureFlags
	c      clusterFlags
	sizeBy string
}

func (v *viewFlags) register(fs *flag.FlagSet, sizeHelp string) {
	v.in.noJSON = true
	v.in.register(fs)
	registerMeasure(fs, &v.m.Options)
	v.c.register(fs, true, false)
	registerTop(fs, &v.in.sel.opt, "-size-by")
	measureFlag(fs, &v.sizeBy, "size-by", "pagerank", "`measure` "+sizeHelp)
}

func (v *viewFlags) check() error {
	return cmp.Or(v.c.check(), v.in.sel.check())
}

// view is the part of the network a picture or an export shows: the
// filtered graph, its nodes' ids in the whole one, and the picture of it
// (sizes and clusters computed on the whole network first).
type view struct {
	d    *dataset
	ms   *measure.Set
	sub  *graph.Graph
	keep []int32
	pic  picture.Options
	fopt filter.Options
	// network: the explorer of a country network lays it out as a
	// network, not on the world map (render --layout).
	network bool
}

func (v *viewFlags) load(e *env, files []string, title string) (*view, error) {
	if err := v.check(); err != nil {
		return nil, err
	}
	v.in.view = true
	d, err := load(e, files, &v.in)
	if err != nil {
		return nil, err
	}
	ms, err := measures(e, d, v.m.options(d))
	if err != nil {
		return nil, err
	}
	size, err := ms.Get(v.sizeBy)
	if err != nil {
		return nil, err
	}
	fopt, err := v.in.sel.options(e, d, size)
	if err != nil {
		return nil, err
	}
	sub, keep, err := filter.Apply(d.graph, fopt)
	if err != nil {
		return nil, err
	}
	labels, err := v.c.find(e, d, v.m.Seed)
	if err != nil {
		return nil, err
	}
	pic := picture.Of(sub, keep, cmp.Or(title, d.title()), v.sizeBy, size, labels, v.c.algorithm)
	return &view{d: d, ms: ms, sub: sub, keep: keep, pic: pic, fopt: fopt}, nil
}

// explorer returns the web explorer of the view, laid out with seed,
// its panel showing the measures named (when set is true; else those of
// explorer.PanelMeasures); with later, the slow ones are left to
// App.ComputeLater. The layout's steps are reported on stderr; on a
// world map (worldMap), the nodes are placed on it.
func (v *view) explorer(e *env, seed uint64, names []string, set, later bool) (*explorer.App, error) {
	if !set {
		names = explorer.PanelMeasures(v.ms.Graph().N(), v.d.network == "")
	}
	var step input.Step
	apart := false
	defer func() {
		if step != nil {
			if apart {
				step.Add(int64(v.sub.N()), 0)
			}
			step.Done()
		}
	}()
	progress := func(done, total int) {
		if apart {
			return
		}
		if step == nil {
			step = e.Start(fmt.Sprintf("layout of %d steps", total), 0, "steps")
		}
		if done > 0 {
			step.Add(1, 0)
		}
		if done == total { // the last step: then overlaps are removed
			step.Done()
			step, apart = e.Start("layout: moving overlapping nodes apart", 0, "authors"), true
		}
	}
	p := explorer.PanelOptions{Measures: names, Later: later, Seed: seed, LayoutProgress: progress}
	if b, pos, err := v.worldMap(); err != nil {
		return nil, err
	} else if b != nil {
		p.Basemap, p.Positions = b, pos
	}
	return explorer.FromPicture(e.ctx, v.d.explore(v.sub), v.keep, v.pic, v.ms, p)
}
