package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"coauthor/graph"
	"coauthor/graph/community"
	"coauthor/graph/filter"
	"coauthor/graph/measure"
	"coauthor/parse"
	"coauthor/parse/input"
)

// The library's options know nothing of flags: these functions map the
// command line onto them, each flag's default the option's value when it
// is registered. The library checks the options again (their Validate
// methods), so a bad value from a program other than this one is an
// error too; the flags' own checks name the flag.

// registerInput adds the flags that set o to fs, o's values as defaults:
// -format, -author-sep, -skip-bad, -max-authors, -over-max, -since,
// -until, -no-merge, -merge.
func registerInput(fs *flag.FlagSet, o *input.Options) {
	o.Format = cmp.Or(o.Format, "auto")
	fs.Func("format", "input `format`: auto (from extension and content; the default), "+strings.Join(parse.Formats, ", ")+
		" (also: dblp, arxiv, scopus, openalex, jsonl, tsv)", func(s string) error {
		if _, ok := parse.Canonical(s); !ok && s != "auto" {
			return fmt.Errorf("unknown format %q: want auto, %s", s, strings.Join(parse.Formats, ", "))
		}
		o.Format = s
		return nil
	})
	fs.StringVar(&o.AuthorSep, "author-sep", o.AuthorSep, "`separator` of the names in a CSV authors cell (default: | for OpenAlex, else ; or , for Scopus)")
	fs.BoolVar(&o.SkipBad, "skip-bad", o.SkipBad, "skip malformed records (their count is reported on stderr) instead of stopping")
	fs.Func("max-authors", "papers with more than `N` authors are skipped, or cut to their first N with -over-max cap (0, the default: no limit); a paper of n authors adds n(n-1)/2 pairs", func(s string) error {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return errors.New("-max-authors must be 0 or more")
		}
		o.MaxAuthors = n
		return nil
	})
	fs.Func("over-max", "what -max-authors does to a larger paper: skip (the default) or cap", func(s string) error {
		if s != "skip" && s != "cap" {
			return errors.New("use -over-max skip or cap")
		}
		o.CapAuthors = s == "cap"
		return nil
	})
	fs.IntVar(&o.Since, "since", o.Since, "keep the papers of `YEAR` and after (papers without a year are then left out)")
	fs.IntVar(&o.Until, "until", o.Until, "keep the papers of `YEAR` and before (papers without a year are then left out)")
	fs.BoolVar(&o.Resolve.NoMerge, "no-merge", o.Resolve.NoMerge, "turn name merging off: each distinct spelling is one author (-merge none)")
	fs.Func("merge", "how spellings are merged: evidence (the default: rules 1 to 3, see names -help), strict (one folded name or one source id only) or none", func(s string) error {
		switch s {
		case "evidence", "strict", "none":
			o.Resolve.Strict, o.Resolve.NoMerge = s == "strict", s == "none"
			return nil
		}
		return errors.New("-merge takes evidence, strict or none")
	})
	fs.BoolVar(&o.Resolve.MergeIDSplits, "merge-id-splits", o.Resolve.MergeIDSplits, "join a name that the source (OpenAlex, Scopus) splits across several of its author ids when their papers share a co-author (names lists them; by default they stay apart, as the source says)")
	fs.Func("dedup", "on (the default): a record repeating one read already is dropped (an id of one kind in common and none differing, or the same title and year with no id of one kind in both; and a shared author); off: every record is a paper", func(s string) error {
		switch s {
		case "on", "off":
			o.KeepRepeats = s == "off"
			return nil
		}
		return errors.New("-dedup takes on or off")
	})
}

// registerBuild adds -counting and -mem, which set o.Counting and o.Mem;
// unweighted: the command uses no edge weight, and -counting says that it
// has no effect.
func registerBuild(fs *flag.FlagSet, o *graph.BuildOptions, unweighted bool) {
	fs.Func("mem", "memory `budget` of the co-author pairs while the graph is built, as 2GB or 512MB: beyond it they are sorted and spilled to temporary files (TMPDIR), then merged; the graph is the same (default: no budget, all in memory)", func(s string) error {
		n, err := graph.ParseBytes(s)
		o.Mem = n
		return err
	})
	usage := "edge weights: full (shared papers; the default) or fractional (each paper with n authors adds 1/(n-1) per pair)"
	if unweighted {
		usage += "; no effect on this command, which uses no edge weight"
	}
	fs.Func("counting", usage, func(s string) error {
		c, err := graph.ParseCounting(s)
		o.Counting = c
		return err
	})
}

// registerCommunity adds -resolution and, with starts, -starts, which set
// o.
func registerCommunity(fs *flag.FlagSet, o *community.Options, starts bool) {
	fs.Func("resolution", "modularity resolution `γ` of the clustering: higher gives more, smaller clusters (default 1)", func(s string) error {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || !(x > 0) || math.IsInf(x, 0) {
			return fmt.Errorf("-resolution must be above 0 and finite, not %s", s)
		}
		o.Resolution = x
		return nil
	})
	if starts {
		fs.Func("starts", "independent Leiden runs whose best partition is kept (`N`, 1 to 1000; by default 4 up to 2,000 authors, 1 above)", func(s string) error {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > 1000 {
				return fmt.Errorf("-starts must be 1 to 1000, not %s", s)
			}
			o.Starts = n
			return nil
		})
	}
}

// registerMeasure adds -samples, -epsilon, -delta and -seed, which set o.
func registerMeasure(fs *flag.FlagSet, o *measure.Options) {
	fs.Func("samples", "estimate betweenness, closeness and harmonic from `K` random source authors instead of all (0, the default: exact unless that takes over 8·10^10 edge visits, about a minute on two cores (graph.WorkBudget), then sampled within it; K ≥ authors: exact); the standard error is reported", func(s string) error {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return fmt.Errorf("-samples must be 0 or more, not %s", s)
		}
		o.Samples = n
		return nil
	})
	fs.Func("epsilon", "estimate betweenness so that every author's value is within `E` of the exact one with probability 1-delta (0, the default: exact or by -samples)", func(s string) error {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || !(x >= 0 && x < 1) {
			return fmt.Errorf("-epsilon must be 0 or more and below 1, not %s", s)
		}
		o.Epsilon = x
		return nil
	})
	fs.Func("delta", "with -epsilon, the probability `D` that some estimate is further off (default 0.1)", func(s string) error {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || !(x > 0 && x < 1) {
			return fmt.Errorf("-delta must be above 0 and below 1, not %s", s)
		}
		o.Delta = x
		return nil
	})
	o.Seed = cmp.Or(o.Seed, 1)
	fs.Uint64Var(&o.Seed, "seed", o.Seed, "random `seed` for sampling and clustering")
}

// measureFlag adds a flag that names a measure, checked against
// measure.Names, with def as its default.
func measureFlag(fs *flag.FlagSet, p *string, name, def, usage string) {
	*p = def
	fs.Func(name, usage+": "+strings.Join(measure.Names, ", ")+" (default "+def+")", func(s string) error {
		if err := measure.Check(s); err != nil {
			return err
		}
		*p = s
		return nil
	})
}

// registerMeasures adds -measures, a comma-separated list of measure
// names (measure.ParseList), or none, which sets *names and *set; def
// says what the default is.
func registerMeasures(fs *flag.FlagSet, names *[]string, set *bool, def, usage string) {
	fs.Func("measures", "comma-separated `list` of measures "+usage+" ("+strings.Join(measure.Names, ", ")+"), or none (default "+def+")", func(s string) error {
		list, err := []string{}, error(nil)
		if strings.TrimSpace(s) != "none" {
			if list, err = measure.ParseList(s); err != nil {
				return fmt.Errorf("%v, or none", err)
			}
		}
		*names, *set = list, true
		return nil
	})
}

// registerFilter adds the flags that set o: -top (by the measure named
// by; none when by is ""), -min-weight, -min-papers, -component and
// -depth.
func registerFilter(fs *flag.FlagSet, o *filter.Options, by string) {
	if by != "" {
		registerTop(fs, o, by)
	}
	fs.Float64Var(&o.MinWeight, "min-weight", o.MinWeight, "drop edges lighter than `W`")
	fs.IntVar(&o.MinPapers, "min-papers", o.MinPapers, "keep authors with at least `P` papers")
	fs.Func("component", "`which` components: all (the default) or largest", func(s string) error {
		if s != "all" && s != "largest" {
			return fmt.Errorf("-component takes all or largest, not %q", s)
		}
		o.Largest = s == "largest"
		return nil
	})
	o.Depth = max(o.Depth, 1)
	fs.IntVar(&o.Depth, "depth", o.Depth, "with -ego, keep authors within `D` steps")
}

// registerTop adds -top, which keeps the authors with the largest values
// of the measure named by.
func registerTop(fs *flag.FlagSet, o *filter.Options, by string) {
	fs.IntVar(&o.Top, "top", o.Top, "keep the `N` authors with the largest "+by+" measure (0: all)")
}

// parseFlags parses args with fs, flags and positional arguments in any
// order ("rank FILE --top 5" as well as "rank --top 5 FILE"; "--" ends
// the flags), and returns the positional arguments. Its errors are fs's:
// flag.ErrHelp for -h, the parse error otherwise; fs prints nothing.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return files, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(files, rest...), nil
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}
