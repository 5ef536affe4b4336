package main

import (
	"bufio"
	"flag"
	"io"
	"path/filepath"
	"strings"

	"coauthor/graph/formats"
	"coauthor/parse/synthetic"
)

var genCmd = &command{
	name: "gen",
	flags: func(fs *flag.FlagSet) runner {
		f := &genFlags{}
		fs.IntVar(&f.papers, "papers", 10000, "write `N` papers (at most 100 million)")
		fs.StringVar(&f.format, "format", "", "output `format`: dblp (XML) or jsonl (default: jsonl when -o ends in .jsonl, .ndjson or .json, else dblp)")
		fs.Uint64Var(&f.seed, "seed", 1, "random `seed`")
		fs.StringVar(&f.out, "o", "", "output `file` (- for standard output)")
		return f
	},
}

type genFlags struct {
	papers int
	format string
	seed   uint64
	out    string
}

// maxGenPapers bounds -papers: 100 million papers is 55 GB of XML.
const maxGenPapers = 100_000_000

func (f *genFlags) run(e *env, files []string) error {
	switch {
	case len(files) > 0:
		return usageError{"gen takes no input files"}
	case f.out == "":
		return usageError{"give -o FILE (- for standard output)"}
	case f.papers < 1 || f.papers > maxGenPapers:
		return usagef("-papers must be 1 to %d, not %d", maxGenPapers, f.papers)
	case f.format != "" && f.format != "dblp" && f.format != "jsonl":
		return usagef("unknown format %q: want dblp or jsonl", f.format)
	}
	// The format follows -o's extension unless given; a clash is refused,
	// since coauthor could not read the file back.
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(f.out, ".gz")))
	jsonExt := ext == ".jsonl" || ext == ".ndjson" || ext == ".json"
	switch {
	case f.format == "":
		f.format = "dblp"
		if jsonExt {
			f.format = "jsonl"
		}
	case f.format == "dblp" && jsonExt, f.format == "jsonl" && ext == ".xml":
		return usagef("-format %s writes no %s file: leave -format out, or name the file for its format", f.format, ext)
	}
	if err := formats.CheckOutputs([]string{f.out}, nil); err != nil {
		return err
	}
	g := synthetic.New(f.papers, f.seed)
	err := writeOutput(e, f.out, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<20)
		step := e.Start("generating", 0, "papers")
		defer step.Done()
		progress := func(bytes int) { step.Add(1, int64(bytes)) }
		write := g.WriteDBLP
		if f.format == "jsonl" {
			write = g.WriteJSONL
		}
		if err := write(bw, progress); err != nil {
			return err
		}
		return bw.Flush()
	})
	if err == nil && f.out != "-" {
		e.warnf("wrote %s (%d papers, %d authors)", f.out, f.papers, g.Authors())
	}
	return err
}
