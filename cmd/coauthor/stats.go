package main

import (
	"flag"

	"coauthor/render/explorer"
)

var statsCmd = &command{
	name: "stats",
	flags: func(fs *flag.FlagSet) runner {
		f := &statsFlags{}
		f.in.register(fs)
		fs.Uint64Var(&f.seed, "seed", 1, "random `seed` for the sampled path figures of large graphs")
		return f
	},
}

type statsFlags struct {
	in   inputFlags
	seed uint64
}

// stats are the figures stats prints.
type stats = explorer.Stats

func (f *statsFlags) run(e *env, files []string) error {
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	s := d.explore(d.graph).Stats(f.seed)
	if f.in.json {
		return writeJSON(e.stdout, s)
	}
	return writeTable(e.stdout, s.Rows())
}
