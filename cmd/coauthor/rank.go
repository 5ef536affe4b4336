package main

import (
	"cmp"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

var rankCmd = &command{
	name:  "rank",
	short: "top authors by papers, co-authors or collaboration strength",
	usage: "[flags] [FILE...]",
	long: `Rank lists the top authors of the co-authorship graph with, for each:

	papers    papers the author is on
	degree    distinct co-authors
	strength  sum of the author's edge weights: shared papers under full
	          counting, Newman's weights under -counting fractional

Authors are ordered by the -by measure, highest first, then by name.
With -json it prints an array of objects with the keys rank, name,
papers, degree and strength.`,
}

type rankFlags struct {
	in  inputFlags
	top int
	by  string
}

var rankMeasures = []string{"papers", "degree", "strength"}

func init() {
	rankCmd.flags = func(fs *flag.FlagSet) any {
		f := &rankFlags{}
		f.in.register(fs)
		fs.IntVar(&f.top, "top", 20, "show the top `N` authors (0: all)")
		fs.StringVar(&f.by, "by", "degree", "order by `measure`: "+strings.Join(rankMeasures, ", "))
		return f
	}
	rankCmd.run = runRank
}

// ranked is one row of rank's output.
type ranked struct {
	Rank     int     `json:"rank"`
	Name     string  `json:"name"`
	Papers   int     `json:"papers"`
	Degree   int     `json:"degree"`
	Strength float64 `json:"strength"`
}

func runRank(e *env, args []string) error {
	fs := flag.NewFlagSet("rank", flag.ContinueOnError)
	f := rankCmd.flags(fs).(*rankFlags)
	files, err := parseFlags(e, rankCmd, fs, args)
	if err != nil {
		return err
	}
	if !slices.Contains(rankMeasures, f.by) {
		return usageError{fmt.Sprintf("unknown measure %q for -by: want one of %s", f.by, strings.Join(rankMeasures, ", "))}
	}
	if f.top < 0 {
		return usageError{fmt.Sprintf("-top must be 0 or more, not %d", f.top)}
	}
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	g := d.graph
	rows := make([]ranked, g.N())
	for v := range rows {
		rows[v] = ranked{Name: g.Node(v).Name, Papers: g.Node(v).Papers, Degree: g.Degree(v), Strength: g.Strength(v)}
	}
	key := func(r ranked) float64 {
		switch f.by {
		case "papers":
			return float64(r.Papers)
		case "strength":
			return r.Strength
		}
		return float64(r.Degree)
	}
	slices.SortStableFunc(rows, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(key(b), key(a)), strings.Compare(a.Name, b.Name))
	})
	if f.top > 0 && f.top < len(rows) {
		rows = rows[:f.top]
	}
	for i := range rows {
		rows[i].Rank = i + 1
	}
	if f.in.json {
		if rows == nil {
			rows = []ranked{}
		}
		return writeJSON(e.stdout, rows)
	}
	table := [][]string{{"rank", "name", "papers", "degree", "strength"}}
	for _, r := range rows {
		table = append(table, []string{strconv.Itoa(r.Rank), r.Name, strconv.Itoa(r.Papers), strconv.Itoa(r.Degree), formatFloat(r.Strength)})
	}
	return writeTable(e.stdout, table)
}
