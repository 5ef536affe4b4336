package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"slices"
	"strconv"
	"strings"

	"coauthor/graph/measure"
)

var rankCmd = &command{
	name:  "rank",
	short: "top authors by centrality, co-authors, papers or collaboration strength",
	usage: "[flags] [FILE...]",
	long: `Rank lists the top authors of the co-authorship graph, ordered by the
-by measure (highest first, then by name). The table shows that measure
with papers, degree and strength; -json and -csv give every measure as a
column under the names below (or those listed with -measures).

` + measure.Help,
	flags: func(fs *flag.FlagSet) runner {
		f := &rankFlags{}
		f.in.register(fs)
		f.m.register(fs)
		fs.IntVar(&f.top, "top", 20, "show the top `N` authors (0: all)")
		fs.StringVar(&f.by, "by", "pagerank", "order by `measure`: "+strings.Join(measure.Names, ", "))
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
	case measure.Check(f.by) != nil:
		return usagef("%v (-by)", measure.Check(f.by))
	case err != nil:
		return usageError{err.Error()}
	case f.top < 0:
		return usagef("-top must be 0 or more, not %d", f.top)
	case f.m.samples < 0:
		return usagef("-samples must be 0 or more, not %d", f.m.samples)
	case f.csv && f.in.json:
		return usageError{"-csv and -json exclude each other"}
	}
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	asTable := !f.in.json && !f.csv
	columns = rankColumns(columns, f.by, asTable, d.network != "")
	m := newMeasures(e, d, f.m.options(d))
	values := make([][]float64, len(columns))
	for i, c := range columns {
		if values[i], err = m.get(c); err != nil {
			return err
		}
	}
	key, _ := m.get(f.by)
	g := d.graph
	order := measure.Top(g, key, f.top)
	rows := make([][]string, 0, len(order)+1)
	rows = append(rows, append([]string{"rank", "name"}, columns...))
	for i, v := range order {
		row := []string{strconv.Itoa(i + 1), g.Node(v).Name}
		for j, c := range columns {
			switch {
			case asTable:
				row = append(row, formatValue(values[j][v]))
			case f.csv || measure.Integer(c):
				row = append(row, strconv.FormatFloat(values[j][v], 'g', -1, 64))
			default:
				b, err := json.Marshal(values[j][v])
				if err != nil {
					return err
				}
				row = append(row, string(b))
			}
		}
		rows = append(rows, row)
	}
	switch {
	case f.in.json:
		return writeJSON(e.stdout, rankJSON(rows))
	case f.csv:
		w := csv.NewWriter(e.stdout)
		w.WriteAll(rows)
		return w.Error()
	}
	return writeTable(e.stdout, rows)
}

// rankColumns returns the measures rank shows: the table -by then papers,
// degree and strength; JSON and CSV every measure (or those listed), -by
// included, in the order of measure.Names. A graph file has no papers.
func rankColumns(columns []string, by string, asTable, graphFile bool) []string {
	switch {
	case len(columns) == 0 && asTable:
		columns = []string{"papers", "degree", "strength"}
	case len(columns) == 0:
		columns = slices.Clone(measure.Names)
	}
	columns = slices.DeleteFunc(columns, func(c string) bool { return c == by || graphFile && c == "papers" })
	columns = append([]string{by}, columns...)
	if !asTable {
		slices.SortStableFunc(columns, func(a, b string) int {
			return slices.Index(measure.Names, a) - slices.Index(measure.Names, b)
		})
	}
	return columns
}

// rankJSON is rank's rows as an array of objects whose keys keep the
// column order: the header row names them, each cell is JSON already.
type rankJSON [][]string

func (r rankJSON) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('[')
	for i, row := range r[1:] {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		for j, cell := range row {
			key, _ := json.Marshal(r[0][j])
			if j > 0 {
				b.WriteByte(',')
			}
			b.Write(key)
			b.WriteByte(':')
			if j == 1 {
				name, err := json.Marshal(cell)
				if err != nil {
					return nil, err
				}
				cell = string(name)
			}
			b.WriteString(cell)
		}
		b.WriteByte('}')
	}
	b.WriteByte(']')
	return []byte(b.String()), nil
}
