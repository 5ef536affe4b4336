package main

import (
	"flag"

	"coauthor/parse/corpus"
	"coauthor/render/report"
)

var worksCmd = &command{
	name: "works",
	flags: func(fs *flag.FlagSet) runner {
		f := &worksFlags{}
		f.in.noWeights = true
		f.in.register(fs)
		return f
	},
}

type worksFlags struct{ in inputFlags }

func (f *worksFlags) run(e *env, files []string) error {
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	if err := d.needPapers("works"); err != nil {
		return err
	}
	fields := corpus.CountFields(d.Corpus)
	if f.in.json {
		return report.JSON(e.stdout, fields)
	}
	return report.Table(e.stdout, fields.Rows())
}
