package main

import (
	"flag"
	"slices"

	"coauthor/parse/corpus"
	"coauthor/parse/identity"
	"coauthor/render/report"
)

var namesCmd = &command{
	name: "names",
	flags: func(fs *flag.FlagSet) runner {
		f := &namesFlags{}
		f.in.noWeights = true
		f.in.register(fs)
		fs.BoolVar(&f.kept, "kept-apart", false, "list every candidate pair kept apart in the table, not only the 30 strongest (-json always lists them all, strongest first, with their evidence)")
		return f
	},
}

type namesFlags struct {
	in   inputFlags
	kept bool
}

func (f *namesFlags) run(e *env, files []string) error {
	d, err := load(e, files, &f.in)
	if err != nil {
		return err
	}
	if err := d.needPapers("names"); err != nil {
		return err
	}
	if d.units != nil {
		return writeUnitNames(e, d, f.in.json)
	}
	if f.in.json {
		return report.JSON(e.stdout, namesJSON{People: nameRows(d), KeptApart: d.Identity.KeptApartByStrength()})
	}
	kept := 30
	if f.kept {
		kept = len(d.Identity.KeptApart)
	}
	return d.Identity.WriteReport(e.stdout, 100, len(d.Corpus.Names()), kept)
}

// nameRow is a person of names -json: the identity's Person (its fields
// in its order) with the affiliations of each spelling.
type nameRow struct {
	Name     string           `json:"name"`
	ID       string           `json:"id,omitempty"`
	Variants []variantRow     `json:"variants"`
	Reasons  []string         `json:"reasons"`
	Merges   []identity.Merge `json:"merges,omitempty"`
}

// variantRow is a spelling with the distinct affiliations the papers
// giving it link to it, and on how many papers each.
type variantRow struct {
	identity.Variant
	Affiliations []corpus.NameCount `json:"affiliations,omitempty"`
}

// namesJSON is the output of names -json: the people whose spellings
// were merged (or who are one group of a split spelling), and every pair
// or group of spellings kept apart, with why, the strongest first.
type namesJSON struct {
	People    []nameRow            `json:"people"`
	KeptApart []identity.KeptApart `json:"kept_apart"`
}

// nameRows returns the people whose spellings were merged, with each
// spelling's affiliations. The affiliations of a spelling that is
// several people (a same-string split) go to the person of each paper.
func nameRows(d *dataset) []nameRow {
	type key struct {
		person int32
		name   string
	}
	affs := map[key]map[string]int{}
	names := d.Corpus.Names()
	c := d.Corpus
	for i := 0; i < c.Len(); i++ {
		list := c.Affiliations(i)
		if list == nil {
			continue
		}
		authors := c.Authors(i)
		for pos, id := range authors {
			if slices.Index(authors, id) != pos || slices.Contains(authors[pos+1:], id) {
				continue // a name given twice: which affiliations are whose is not known
			}
			k := key{d.Identity.Of(i, id), names[id]}
			seen := map[string]bool{}
			for _, a := range list[pos] {
				if a.Name == "" || seen[a.Name] {
					continue
				}
				seen[a.Name] = true
				if affs[k] == nil {
					affs[k] = map[string]int{}
				}
				affs[k][a.Name]++
			}
		}
	}
	rows := []nameRow{}
	for i, p := range d.Identity.People {
		if len(p.Reasons) == 0 {
			continue
		}
		row := nameRow{Name: p.Name, ID: p.ID, Reasons: p.Reasons, Merges: p.Merges}
		for _, v := range p.Variants {
			row.Variants = append(row.Variants, variantRow{Variant: v, Affiliations: corpus.SortCounts(affs[key{int32(i), v.Name}])})
		}
		rows = append(rows, row)
	}
	return rows
}
