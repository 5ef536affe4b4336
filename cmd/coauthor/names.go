package main

import (
	"coauthor/report"
	"flag"
	"fmt"
	"strings"

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
	table := [][]string{{"name", "variants", "reason"}}
	for _, m := range rows {
		var vs []string
		for _, v := range m.Variants {
			vs = append(vs, fmt.Sprintf("%s (%d)", v.Name, v.Count))
		}
		for i, r := range m.Reasons {
			if i == 0 {
				table = append(table, []string{m.Name, strings.Join(vs, ", "), r})
			} else {
				table = append(table, []string{"", "", r})
			}
		}
	}
	if len(rows) > 0 {
		if err := report.Table(e.stdout, table); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout)
	}
	fmt.Fprintf(e.stdout, "%d author(s) with more than one spelling; %d spellings, %d authors in all.\n",
		len(rows), len(d.Corpus.Names()), len(d.Identity.People))
	if len(d.Identity.KeptApart) > 0 {
		fmt.Fprintln(e.stdout, "\nKept apart:")
		for _, k := range d.Identity.KeptApart {
			fmt.Fprintf(e.stdout, "  %s: %s\n", report.Printable(strings.Join(k.Names, ", ")), k.Why)
		}
	}
	return nil
}
