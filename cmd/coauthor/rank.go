package main

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

var rankCmd = &command{
	name:  "rank",
	short: "top authors by centrality, co-authors, papers or collaboration strength",
	usage: "[flags] [FILE...]",
	long: `Rank lists the top authors of the co-authorship graph, ordered by the
-by measure (highest first, then by name). The table shows that measure
with papers, degree and strength; -json and -csv give every measure as a
column under the names below (or those listed with -measures).

` + measureHelp,
}

type rankFlags struct {
	in       inputFlags
	m        measureFlags
	top      int
	by       string
	csv      bool
	measures string
}

func init() {
	rankCmd.flags = func(fs *flag.FlagSet) any {
		f := &rankFlags{}
		f.in.register(fs)
		f.m.register(fs)
		fs.IntVar(&f.top, "top", 20, "show the top `N` authors (0: all)")
		fs.StringVar(&f.by, "by", "pagerank", "order by `measure`: "+strings.Join(measureNames, ", "))
		fs.BoolVar(&f.csv, "csv", false, "print CSV instead of a table")
		fs.StringVar(&f.measures, "measures", "", "comma-separated `list` of measures for -json and -csv (default: all)")
		return f
	}
	rankCmd.run = runRank
}

func runRank(e *env, args []string) error {
	f, files, err := parseCommand[rankFlags](e, rankCmd, args)
	if err != nil {
		return err
	}
	if !slices.Contains(measureNames, f.by) {
		return usageError{fmt.Sprintf("unknown measure %q for -by: want one of %s", f.by, strings.Join(measureNames, ", "))}
	}
	if f.top < 0 {
		return usageError{fmt.Sprintf("-top must be 0 or more, not %d", f.top)}
	}
	if f.m.samples < 0 {
		return usageError{fmt.Sprintf("-samples must be 0 or more, not %d", f.m.samples)}
	}
	if f.csv && f.in.json {
		return usageError{"-csv and -json exclude each other"}
	}
	columns, err := parseMeasureList(f.measures)
	if err != nil {
		return err
	}
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	// The table shows -by first; -json and -csv every measure (or those
	// listed), -by included, in the order of measureNames.
	asTable := !f.in.json && !f.csv
	switch {
	case len(columns) == 0 && asTable:
		columns = []string{"papers", "degree", "strength"}
	case len(columns) == 0:
		columns = slices.Clone(measureNames)
	}
	if d.network != "" {
		if f.by == "papers" {
			return d.needPapers("-by papers")
		}
		columns = slices.DeleteFunc(columns, func(c string) bool { return c == "papers" })
	}
	columns = slices.DeleteFunc(columns, func(c string) bool { return c == f.by })
	columns = append([]string{f.by}, columns...)
	if !asTable {
		slices.SortStableFunc(columns, func(a, b string) int {
			return slices.Index(measureNames, a) - slices.Index(measureNames, b)
		})
	}

	m := newMeasures(e, d, f.m)
	values := make([][]float64, len(columns))
	for i, c := range columns {
		if values[i], err = m.get(c); err != nil {
			return err
		}
	}
	key, _ := m.get(f.by)
	g := d.graph
	order := make([]int, 0, g.N())
	threshold := math.Inf(-1)
	if f.top > 0 && f.top < g.N() {
		// Only authors at or above the top-th largest value can be listed:
		// sort those, not millions.
		sorted := slices.Clone(key)
		slices.Sort(sorted)
		threshold = sorted[len(sorted)-f.top]
	}
	for v := 0; v < g.N(); v++ {
		if key[v] >= threshold || math.IsNaN(key[v]) {
			order = append(order, v)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(key[b], key[a]), strings.Compare(g.Node(a).Name, g.Node(b).Name))
	})
	if f.top > 0 && f.top < len(order) {
		order = order[:f.top]
	}

	switch {
	case f.in.json:
		var b bytes.Buffer
		b.WriteString("[")
		for i, v := range order {
			if i > 0 {
				b.WriteString(",")
			}
			name, _ := json.Marshal(g.Node(v).Name)
			fmt.Fprintf(&b, "\n  {\n    \"rank\": %d,\n    \"name\": %s", i+1, name)
			for j, c := range columns {
				fmt.Fprintf(&b, ",\n    %q: %s", c, jsonNumber(values[j][v], isInteger(c)))
			}
			b.WriteString("\n  }")
		}
		if len(order) > 0 {
			b.WriteString("\n")
		}
		b.WriteString("]\n")
		_, err := e.stdout.Write(b.Bytes())
		return err
	case f.csv:
		w := csv.NewWriter(e.stdout)
		w.Write(append([]string{"rank", "name"}, columns...))
		for i, v := range order {
			row := []string{strconv.Itoa(i + 1), g.Node(v).Name}
			for j := range columns {
				row = append(row, strconv.FormatFloat(values[j][v], 'g', -1, 64))
			}
			w.Write(row)
		}
		w.Flush()
		return w.Error()
	}
	table := [][]string{append([]string{"rank", "name"}, columns...)}
	for i, v := range order {
		row := []string{strconv.Itoa(i + 1), g.Node(v).Name}
		for j := range columns {
			row = append(row, formatValue(values[j][v]))
		}
		table = append(table, row)
	}
	return writeTable(e.stdout, table)
}

// jsonNumber encodes x as a JSON number, as an integer for whole-number
// measures.
func jsonNumber(x float64, integer bool) string {
	if integer {
		return strconv.FormatInt(int64(x), 10)
	}
	b, _ := json.Marshal(x)
	return string(b)
}
