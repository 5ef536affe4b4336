package main

import (
	"encoding/csv"
	"flag"
	"slices"
	"strconv"

	"coauthor/graph/measure"
)

var rankCmd = &command{
	name: "rank",
	flags: func(fs *flag.FlagSet) runner {
		f := &rankFlags{}
		f.in.register(fs)
		f.m.register(fs)
		fs.IntVar(&f.top, "top", 20, "show the top `N` authors (0: all)")
		measure.NameFlag(fs, &f.by, "by", "pagerank", "order by `measure`")
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
	values, err := measures(e, d, f.m.options(d)).All(columns)
	if err != nil {
		return err
	}
	key := values[slices.Index(columns, f.by)]
	g := d.graph
	order := measure.Top(g, key, f.top)
	header := append([]string{"rank", "name"}, columns...)
	rows, objects := [][]string{header}, []object{}
	for i, v := range order {
		row, obj := []string{strconv.Itoa(i + 1), g.Node(v).Name}, object{"rank", i + 1, "name", g.Node(v).Name}
		for j, c := range columns {
			x := values[j][v]
			row = append(row, map[bool]string{true: measure.Format(x), false: strconv.FormatFloat(x, 'g', -1, 64)}[asTable])
			obj = append(obj, c, map[bool]any{true: int64(x), false: x}[measure.Integer(c)])
		}
		rows, objects = append(rows, row), append(objects, obj)
	}
	switch {
	case f.in.json:
		return writeJSON(e.stdout, objects)
	case f.csv:
		w := csv.NewWriter(e.stdout)
		w.WriteAll(rows)
		return w.Error()
	}
	return writeTable(e.stdout, rows)
}
