package main

import (
	"flag"
)

var pathCmd = &command{
	name: "path",
	flags: func(fs *flag.FlagSet) runner {
		f := &pathFlags{}
		f.in.register(fs)
		fs.BoolVar(&f.all, "all", false, "show every shortest path (at most 100), not only the first")
		return f
	},
}

type pathFlags struct {
	in  inputFlags
	all bool
}

func (f *pathFlags) run(e *env, args []string) error {
	if len(args) < 2 {
		return usageError{"give two authors: coauthor path A B [FILE...]"}
	}
	d, err := load(e, args[2:], &f.in)
	if err != nil {
		return err
	}
	p, err := d.explore(d.graph).PathByName(args[0], args[1], f.all)
	switch {
	case err != nil:
		return err
	case f.in.json:
		return writeJSON(e.stdout, p)
	}
	return p.WriteText(e.stdout)
}
