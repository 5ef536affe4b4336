package identity

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Merged returns the people with more than one spelling or a reason,
// what "coauthor names" lists.
func (id *Identity) Merged() []Person {
	rows := []Person{}
	for _, p := range id.People {
		if len(p.Reasons) > 0 {
			rows = append(rows, p)
		}
	}
	return rows
}

// WriteReport writes the merges of id as a table (name, variants with
// their counts, each reason), a summary line over spellings names, and
// the names kept apart.
func (id *Identity) WriteReport(w io.Writer, spellings int) error {
	rows := id.Merged()
	if len(rows) > 0 {
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "name\tvariants\treason")
		for _, m := range rows {
			var vs []string
			for _, v := range m.Variants {
				vs = append(vs, fmt.Sprintf("%s (%d)", v.Name, v.Count))
			}
			for i, r := range m.Reasons {
				if i == 0 {
					fmt.Fprintf(tw, "%s\t%s\t%s\n", m.Name, strings.Join(vs, ", "), r)
				} else {
					fmt.Fprintf(tw, "\t\t%s\n", r)
				}
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d author(s) with more than one spelling; %d spellings, %d authors in all.\n", len(rows), spellings, len(id.People))
	if len(id.KeptApart) > 0 {
		fmt.Fprintln(w, "\nKept apart:")
		for _, k := range id.KeptApart {
			fmt.Fprintf(w, "  %s: %s\n", strings.Join(k.Names, ", "), k.Why)
		}
	}
	return nil
}
