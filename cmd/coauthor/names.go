package main

import (
	"flag"
	"fmt"
	"strings"

	"coauthor/parse/identity"
)

var namesCmd = &command{
	name:  "names",
	short: "every merge of name spellings into one author, with its reason",
	usage: "[flags] [FILE...]",
	long: `Names lists each author whose name appears in more than one spelling:
the displayed name, every spelling with the number of papers giving it,
and the rule that merged each pair. The rules, in order, over names
folded to lower case without diacritics, hyphens or dots:

	rule 1  the same folded name (Noemí Mercado = Noemi Mercado)
	rule 2  one family name; first names equal, nickname variants (Tom,
	        Thomas) or an initial; middle names may be missing from one
	        spelling (Samuel R. Bowman = Sam Bowman)
	rule 3  one given name; family names of 6+ letters one typo apart

Rules 2 and 3 merge only where every two spellings of a group match and
no two share a paper; the groups left apart follow the table, with why.
A -thesaurus file overrides the rules for the names it lists; -no-merge
turns them off. With -json it prints an array of objects with the keys
name, variants (name and count) and reasons.`,
	flags: func(fs *flag.FlagSet) runner {
		f := &namesFlags{}
		f.in.register(fs)
		return f
	},
}

type namesFlags struct{ in inputFlags }

// merged is one row of names's output.
type merged struct {
	Name     string             `json:"name"`
	ID       string             `json:"id,omitempty"` // the source's identity
	Variants []identity.Variant `json:"variants"`
	Reasons  []string           `json:"reasons"`
}

func (f *namesFlags) run(e *env, files []string) error {
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	if err := d.needPapers("names"); err != nil {
		return err
	}
	rows := []merged{}
	for _, p := range d.Identity.People {
		if len(p.Reasons) > 0 {
			rows = append(rows, merged{Name: p.Name, ID: p.ID, Variants: p.Variants, Reasons: p.Reasons})
		}
	}
	if f.in.json {
		return writeJSON(e.stdout, rows)
	}
	table := [][]string{{"name", "variants", "reason"}}
	for _, m := range rows {
		var vs []string
		for _, v := range m.Variants {
			vs = append(vs, fmt.Sprintf("%s (%d)", v.Name, v.Count))
		}
		for i, r := range m.Reasons {
			if i == 0 {
				table = append(table, []string{m.Name, strings.Join(vs, ", "), r})
			} else {
				table = append(table, []string{"", "", r})
			}
		}
	}
	if len(rows) > 0 {
		if err := writeTable(e.stdout, table); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout)
	}
	fmt.Fprintf(e.stdout, "%d author(s) with more than one spelling; %d spellings, %d authors in all.\n",
		len(rows), len(d.Corpus.Names()), len(d.Identity.People))
	if len(d.Identity.KeptApart) > 0 {
		fmt.Fprintln(e.stdout, "\nKept apart:")
		for _, k := range d.Identity.KeptApart {
			fmt.Fprintf(e.stdout, "  %s: %s\n", strings.Join(k.Names, ", "), k.Why)
		}
	}
	return nil
}
