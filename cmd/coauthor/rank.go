package main

import (
	"flag"
	"slices"

	"coauthor/render/report"

	"coauthor/graph/measure"
)

var rankCmd = &command{
	name: "rank",
	flags: func(fs *flag.FlagSet) runner {
		f := &rankFlags{}
		f.in.register(fs)
		registerMeasure(fs, &f.m.Options)
		fs.IntVar(&f.top, "top", 20, "show the top `N` authors (0: all)")
		measureFlag(fs, &f.by, "by", "pagerank", "order by `measure`")
		fs.BoolVar(&f.csv, "csv", false, "print CSV instead of a table")
		fs.StringVar(&f.measures, "measures", "", "comma-separated `list` of measures for -json and -csv (default: all)")
		return f
	},
}

type rankFlags struct {
	in       inputFlags
	m        measureFlags
	top      int
	by       string
	csv      bool
	measures string
}

func (f *rankFlags) run(e *env, files []string) error {
	columns, err := measure.ParseList(f.measures)
	switch {
	case err != nil:
		return usageError{err.Error()}
	case f.top < 0:
		return usagef("-top must be 0 or more, not %d", f.top)
	case f.csv && f.in.json:
		return usageError{"-csv and -json exclude each other"}
	}
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	asTable := !f.in.json && !f.csv
	columns = measure.Columns(columns, f.by, asTable, d.network != "")
	set, err := measures(e, d, f.m.options(d))
	if err != nil {
		return err
	}
	values, err := set.All(columns)
	if err != nil {
		return err
	}
	key := values[slices.Index(columns, f.by)]
	var ids func(int32) string
	if !asTable && d.HasIDs() {
		ids = d.sourceID
	}
	rows, objects := report.Ranking(set, measure.Top(d.graph, key, f.top), columns, values, ids, asTable)
	switch {
	case f.in.json:
		return report.JSON(e.stdout, objects)
	case f.csv:
		return report.CSV(e.stdout, rows)
	}
	return report.Table(e.stdout, rows)
}
