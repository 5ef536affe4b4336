package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"coauthor/graph/measure"
	"coauthor/render/report"
)

// command is one subcommand: its name and the function that registers its
// flags on a FlagSet and returns the runner holding their values. Its
// texts are in doc/NAME.txt: the arguments after "coauthor NAME", a line
// for the command list, a blank line, the description.
type command struct {
	name  string
	flags func(fs *flag.FlagSet) runner
}

// text returns the command's arguments, its line and its description.
func (c *command) text() (usage, short, long string) {
	usage, rest, _ := strings.Cut(help(c.name), "\n")
	short, long, _ = strings.Cut(rest, "\n")
	return usage, short, long
}

// runner runs a command with its flags parsed and its positional
// arguments.
type runner interface {
	run(e *env, args []string) error
}

// commands returns the command table.
func commands() []*command {
	return []*command{statsCmd, worksCmd, rankCmd, clustersCmd, namesCmd, pathCmd, timelineCmd, renderCmd, exportCmd, serveCmd, genCmd, versionCmd}
}

var versionCmd = &command{name: "version", flags: func(*flag.FlagSet) runner {
	return runFunc(func(e *env, args []string) error {
		if len(args) > 0 {
			return usageError{"version takes no arguments"}
		}
		_, err := io.WriteString(e.stdout, report.Version("coauthor"))
		return err
	})
}}

// lookup returns the command called name, or nil and the commands' names.
func lookup(name string) (_ *command, names []string) {
	for _, c := range commands() {
		if c.name == name {
			return c, nil
		}
		names = append(names, c.name)
	}
	return nil, names
}

func mainUsage() string {
	var list strings.Builder
	for _, c := range commands() {
		_, short, _ := c.text()
		fmt.Fprintf(&list, "	%-8s %s\n", c.name, short)
	}
	return strings.Replace(help("coauthor"), "%COMMANDS%\n", list.String(), 1)
}

// doc holds the usage texts, one file a command.
//
//go:embed doc/*.txt
var doc embed.FS

// help returns the usage text of a command, with the measures' list
// where it says %MEASURES%.
func help(name string) string {
	b, err := doc.ReadFile("doc/" + name + ".txt")
	if err != nil {
		panic(err) // a file missing from doc/ is a bug caught by every test
	}
	return strings.ReplaceAll(string(b), "%MEASURES%", measure.Help)
}

func commandUsage(c *command) string {
	var b strings.Builder
	usage, _, long := c.text()
	fmt.Fprintf(&b, "Usage: coauthor %s %s\n\n%s\n\nFlags:\n", c.name, usage, strings.TrimSpace(long))
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
	files, err := parseFlags(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(e.stdout, commandUsage(c))
		return errHelp
	case err != nil:
		return usageError{err.Error()}
	}
	return r.run(e, files)
}
