package main

import (
	"encoding/json"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/identity"
	"coauthor/parse/input"
)

// names -json: a spelling split into several people gives each of them
// the affiliations of its own papers, and the groups kept apart are
// listed with why.
func TestNamesJSONSplit(t *testing.T) {
	c := corpus.New()
	aff := func(name string) *parse.Meta {
		return &parse.Meta{Affiliations: [][]parse.Affiliation{{{Name: name}}, nil}}
	}
	for _, p := range []*parse.Paper{
		{Title: "Zinc oxide nanowires", Year: 2010, Authors: []string{"L. Wang", "Ada Byron"}, Meta: aff("Tsinghua Univ")},
		{Title: "Zinc oxide films", Year: 2011, Authors: []string{"L. Wang", "Ada Byron"}, Meta: aff("Tsinghua Univ")},
		{Title: "Graph spectra", Year: 2012, Authors: []string{"L. Wang", "Carl Gauss"}, Meta: aff("Northeast Normal Univ")},
	} {
		c.Add(p)
	}
	d := &dataset{Dataset: &input.Dataset{Corpus: c, Identity: identity.Resolve(c, identity.Options{})}}
	got := map[string]string{} // affiliations of each L. Wang person
	for _, row := range nameRows(d) {
		for _, v := range row.Variants {
			if v.Name == "L. Wang" {
				var affs []string
				for _, a := range v.Affiliations {
					affs = append(affs, a.Name+"×"+string(rune('0'+a.Count)))
				}
				got[strings.Join(affs, ", ")+" on "+string(rune('0'+v.Count))] = row.Name
			}
		}
	}
	if len(got) != 2 || got["Tsinghua Univ×2 on 2"] == "" || got["Northeast Normal Univ×1 on 1"] == "" {
		t.Errorf("affiliations of the two L. Wangs: %v", got)
	}
	b, err := json.Marshal(namesJSON{People: nameRows(d), KeptApart: d.Identity.KeptApartByStrength()})
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		KeptApart []identity.KeptApart `json:"kept_apart"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if len(out.KeptApart) != 1 || !strings.Contains(out.KeptApart[0].Why, "is 2 people") {
		t.Errorf("kept apart: %+v", out.KeptApart)
	}
}
