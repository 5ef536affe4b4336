package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"coauthor/examples"
	"coauthor/graph"
	"coauthor/parse"
)

// inputFlags are the flags every command takes to read and resolve input.
type inputFlags struct {
	format    string
	skipBad   bool
	thesaurus string
	noMerge   bool
	counting  string
	json      bool
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "auto", "input `format`: auto or authorpage")
	fs.BoolVar(&f.skipBad, "skip-bad", false, "skip malformed records (their count is reported on stderr) instead of stopping")
	fs.StringVar(&f.thesaurus, "thesaurus", "", "CSV `file` of \"variant,canonical\" name pairs that override the merge rules")
	fs.BoolVar(&f.noMerge, "no-merge", false, "turn name merging off: each distinct spelling is one author")
	fs.StringVar(&f.counting, "counting", "full", "edge weights: full (shared papers) or fractional (each paper with n authors adds 1/(n-1) per pair)")
	fs.BoolVar(&f.json, "json", false, "print JSON instead of a table")
}

// paperReader is what every format's reader provides.
type paperReader interface {
	Read() (*parse.Paper, error)
}

// dataset is the input run through the pipeline.
type dataset struct {
	corpus   *parse.Corpus
	identity *parse.Identity
	graph    *graph.Graph
	skipped  int
}

// maxWarnings bounds the malformed records printed with -skip-bad.
const maxWarnings = 10

// load reads files (none: the built-in example), resolves names and
// builds the graph.
func load(e *env, files []string, f *inputFlags) (*dataset, error) {
	counting, err := graph.ParseCounting(f.counting)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	if f.format != "auto" && f.format != "authorpage" {
		return nil, usageError{fmt.Sprintf("unknown format %q: want auto or authorpage", f.format)}
	}
	opt := parse.ResolveOptions{NoMerge: f.noMerge}
	if f.thesaurus != "" {
		file, err := os.Open(f.thesaurus)
		if err != nil {
			return nil, err
		}
		opt.Thesaurus, err = parse.ReadThesaurus(file, f.thesaurus)
		file.Close()
		if err != nil {
			return nil, err
		}
	}
	d := &dataset{corpus: parse.NewCorpus()}
	if len(files) == 0 {
		if err := d.read(e, examples.AuthorPageName, bytes.NewReader(examples.AuthorPage), f); err != nil {
			return nil, err
		}
	}
	for _, name := range files {
		if err := e.ctx.Err(); err != nil {
			return nil, err
		}
		if name == "-" {
			if err := d.read(e, "stdin", e.stdin, f); err != nil {
				return nil, err
			}
			continue
		}
		file, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		err = d.read(e, name, file, f)
		file.Close()
		if err != nil {
			return nil, err
		}
	}
	if d.skipped > 0 {
		fmt.Fprintf(e.stderr, "coauthor: skipped %d malformed record(s)\n", d.skipped)
	}
	if n := d.corpus.Duplicates(); n > 0 {
		fmt.Fprintf(e.stderr, "coauthor: dropped %d duplicate paper(s) (same title and year)\n", n)
	}
	d.identity = parse.Resolve(d.corpus, opt)
	d.graph = graph.FromCorpus(d.corpus, d.identity, counting)
	return d, nil
}

// read adds the papers of one input to d.
func (d *dataset) read(e *env, name string, r io.Reader, f *inputFlags) error {
	pr := parse.NewAuthorPageReader(r)
	pr.File = name
	var rd paperReader = pr
	for {
		p, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var pe *parse.ParseError
		if errors.As(err, &pe) && f.skipBad {
			d.skipped++
			if d.skipped <= maxWarnings {
				fmt.Fprintf(e.stderr, "coauthor: skipping %v\n", err)
			}
			continue
		}
		if err != nil {
			if pe == nil {
				return fmt.Errorf("reading %s: %w", name, err)
			}
			return fmt.Errorf("%w (use -skip-bad to skip malformed records)", err)
		}
		d.corpus.Add(p)
	}
}
