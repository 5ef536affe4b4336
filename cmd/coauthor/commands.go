package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one subcommand: its name, a line for the command list, the
// usage text and what it does.
type command struct {
	name  string
	short string
	usage string // after "coauthor NAME "
	long  string
	flags func(fs *flag.FlagSet) any
	run   func(e *env, args []string) error
}

var commands = []*command{statsCmd, rankCmd, clustersCmd, namesCmd, renderCmd, exportCmd, genCmd}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

func mainUsage() string {
	var b strings.Builder
	b.WriteString(`coauthor builds a weighted co-authorship graph from publication lists.

Usage:

	coauthor <command> [flags] [FILE...]

Commands:

`)
	for _, c := range commands {
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

// parseCommand parses args with c's flags, whose values it returns as F,
// and the positional arguments.
func parseCommand[F any](e *env, c *command, args []string) (*F, []string, error) {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	f := c.flags(fs).(*F)
	e.registerProgress(fs)
	files, err := parseFlags(e, c, fs, args)
	return f, files, err
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
