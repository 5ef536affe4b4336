package main

import (
	"flag"

	"coauthor/render/explorer"
)

var timelineCmd = &command{
	name: "timeline",
	flags: func(fs *flag.FlagSet) runner {
		f := &timelineFlags{}
		f.in.register(fs)
		return f
	},
}

type timelineFlags struct{ in inputFlags }

func (f *timelineFlags) run(e *env, files []string) error {
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	if err := d.needPapers("timeline"); err != nil {
		return err
	}
	years := d.explore(d.graph).Timeline()
	if f.in.json {
		return writeJSON(e.stdout, years)
	}
	return explorer.WriteTimeline(e.stdout, years)
}
