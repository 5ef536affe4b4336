package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one subcommand: its name, a line for the command list, the
// usage text, and the function that registers its flags on a FlagSet and
// returns the runner holding their values.
type command struct {
	name  string
	short string
	usage string // after "coauthor NAME "
	long  string
	flags func(fs *flag.FlagSet) runner
}

// runner runs a command with its flags parsed and its positional
// arguments.
type runner interface {
	run(e *env, args []string) error
}

// commands returns the command table.
func commands() []*command {
	return []*command{statsCmd, rankCmd, clustersCmd, namesCmd, renderCmd, exportCmd, genCmd}
}

func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

func mainUsage() string {
	var b strings.Builder
	b.WriteString("coauthor builds a weighted co-authorship graph from publication lists.\n\nUsage:\n\n\tcoauthor <command> [flags] [FILE...]\n\nCommands:\n\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "	%-8s %s\n", c.name, c.short)
	}
	b.WriteString(`
With no FILE, coauthor reads its built-in example (Tristan Hume's author
page, eight papers); "-" reads standard input. FILEs may be BibTeX, RIS,
Web of Science, CSV (Scopus, Lens, IEEE, OpenAlex), JSON or JSON Lines
(OpenAlex, CSL), DBLP or arXiv XML, author pages, gzipped or not, mixed
in one run; or one graph file (edge list, GML). The format is detected
from the name and the content; -format forces it.

Run 'coauthor help <command>' or 'coauthor <command> -help' for its flags.
`)
	return b.String()
}

func commandUsage(c *command) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: coauthor %s %s\n\n%s\n\nFlags:\n", c.name, c.usage, strings.TrimSpace(c.long))
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	c.flags(fs)
	(&env{}).registerProgress(fs)
	fs.SetOutput(&b)
	fs.PrintDefaults()
	return b.String()
}

var errHelp = errors.New("help shown")

// execute parses args with c's flags and runs it.
func (c *command) execute(e *env, args []string) error {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	r := c.flags(fs)
	e.registerProgress(fs)
	files, err := parseFlags(e, c, fs, args)
	if err != nil {
		return err
	}
	return r.run(e, files)
}

// parseFlags parses args with flags and positional arguments in any order
// ("rank FILE --top 5" as well as "rank --top 5 FILE"); "--" ends flags.
func parseFlags(e *env, c *command, fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var files []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(e.stdout, commandUsage(c))
			return nil, errHelp
		}
		if err != nil {
			return nil, usageError{err.Error()}
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
