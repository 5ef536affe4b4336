package main

import "flag"

var namesCmd = &command{
	name: "names",
	flags: func(fs *flag.FlagSet) runner {
		f := &namesFlags{}
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
	if f.in.json {
		return writeJSON(e.stdout, d.Identity.Merged())
	}
	return d.Identity.WriteReport(e.stdout, len(d.Corpus.Names()))
}
