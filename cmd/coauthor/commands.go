package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"coauthor/graph/formats/export"
	"coauthor/graph/measure"
	"coauthor/parse"
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
	return strings.Replace(wrap(help("coauthor")), "%COMMANDS%\n", list.String(), 1)
}

// helpWidth is the width of help text lines; wrap rewraps a paragraph
// that a generated list made longer.
const helpWidth = 76

// wrap rewraps the paragraphs of running text in s that have a line over
// helpWidth runes.
func wrap(s string) string {
	paras := strings.Split(s, "\n\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		if !slices.ContainsFunc(lines, func(l string) bool { return width(l) > helpWidth }) {
			continue
		}
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "\t") }) {
			paras[i] = fill(strings.Fields(p)) // indented tables are left as written
		}
	}
	return strings.Join(paras, "\n\n")
}

// fill joins words into lines of at most helpWidth runes.
func fill(words []string) string {
	var b strings.Builder
	n := 0
	for _, w := range words {
		if n > 0 && n+1+width(w) > helpWidth {
			b.WriteString("\n")
			n = 0
		}
		if n > 0 {
			b.WriteString(" ")
			n++
		}
		b.WriteString(w)
		n += width(w)
	}
	return b.String()
}

// width is the width of s in runes.
func width(s string) int { return utf8.RuneCountInString(s) }

// doc holds the usage texts, one file a command.
//
//go:embed doc/*.txt
var doc embed.FS

// help returns the usage text of a command, with the lists made from
// the tables of readers, writers and measures where it says so:
// %MEASURES%, %INPUTS% and %GRAPHS% (parse.Kinds), %EXPORTS% (the export
// formats' names), %DIRECTORIES% (which formats write a directory, and
// how many files).
func help(name string) string {
	b, err := doc.ReadFile("doc/" + name + ".txt")
	if err != nil {
		panic(err) // a file missing from doc/ is a bug caught by every test
	}
	return strings.NewReplacer("%MEASURES%", measure.Help,
		"%INPUTS%", parse.KindList(false, "or"), "%GRAPHS%", parse.KindList(true, "or"),
		"%EXPORTS%", exportNames(), "%DIRECTORIES%", directoryFormats(),
	).Replace(string(b))
}

// exportNames lists the export formats by their names, and DOT.
func exportNames() string {
	var names []string
	for _, f := range export.Formats {
		names = append(names, export.Names[f])
	}
	return strings.Join(append(names, "DOT"), ", ")
}

// directoryFormats says which formats write a directory of files, and
// how many: "csv and vosviewer write two files, parquet two or four".
func directoryFormats() string {
	var two, more []string
	for _, f := range export.Formats {
		if _, dir := export.Files(f); !dir {
			continue
		}
		if f == "parquet" {
			more = append(more, f+" two or four")
		} else {
			two = append(two, f)
		}
	}
	s := strings.Join(two, " and ") + " write two files"
	if len(more) > 0 {
		s += ", " + strings.Join(more, ", ")
	}
	return s
}

func commandUsage(c *command) string {
	var b strings.Builder
	usage, _, long := c.text()
	fmt.Fprintf(&b, "Usage: coauthor %s %s\n\n%s\n\nFlags:\n", c.name, usage, wrap(strings.TrimSpace(long)))
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
