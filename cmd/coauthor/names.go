package main

import (
	"flag"

	"coauthor/render/report"

	"coauthor/parse/identity"
)

var namesCmd = &command{
	name: "names",
	flags: func(fs *flag.FlagSet) runner {
		f := &namesFlags{}
		f.in.noWeights = true
		f.in.register(fs)
		return f
	},
}

type namesFlags struct{ in inputFlags }

func (f *namesFlags) run(e *env, files []string) error {
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	if err := d.needPapers("names"); err != nil {
		return err
	}
	rows := []identity.Person{}
	for _, p := range d.Identity.People {
		if len(p.Reasons) > 0 {
			rows = append(rows, p)
		}
	}
	if f.in.json {
		return report.JSON(e.stdout, rows)
	}
	return d.Identity.WriteReport(e.stdout, 100, len(d.Corpus.Names()), 30)
}
