package main

import (
	"reflect"
	"testing"

	"coauthor/graph/formats"
	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/identity"
	"coauthor/parse/input"
)

func TestWorkRecord(t *testing.T) {
	if r := workRecord(nil, "", nil); r != nil {
		t.Errorf("nothing: %+v", r)
	}
	m := &parse.Meta{IDs: []parse.WorkID{{Kind: parse.IDArXiv, Value: "2101.00001"}}, Type: "preprint", Citations: &parse.Citations{Count: 3, Source: "openalex"},
		Affiliations: [][]parse.Affiliation{{{Name: "U", ROR: "05dxps055", Country: "DE"}}, nil}}
	want := &formats.WorkRecord{IDs: [][2]string{{"arxiv", "2101.00001"}}, Venue: "V", Type: "preprint", Link: "https://arxiv.org/abs/2101.00001",
		Citations: 3, CitationsSource: "openalex", HasCitations: true, Affiliations: [][]formats.Affiliation{{{Name: "U", ROR: "05dxps055", Country: "DE"}}, nil}}
	if got := workRecord(m, "V", m.Affiliations); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if got := workRecord(m, "V", nil); got.Affiliations != nil || got.Type != "preprint" {
		t.Errorf("no affiliations: %+v", got)
	}
}

// names -json: each spelling with the affiliations of the papers giving
// it; a paper whose source lists a name twice gives none (positions
// unknown).
func TestNameRowsAffiliations(t *testing.T) {
	c := corpus.New()
	aff := func(names ...string) (out []parse.Affiliation) {
		for _, n := range names {
			out = append(out, parse.Affiliation{Name: n})
		}
		return out
	}
	for _, p := range []*parse.Paper{
		{Title: "A", Year: 2020, Authors: []string{"Noemí Mercado", "Bo Kim"}, Meta: &parse.Meta{Affiliations: [][]parse.Affiliation{aff("Uni X", "Uni X", "Lab Y"), aff("Uni Z")}}},
		{Title: "B", Year: 2021, Authors: []string{"Noemi Mercado", "Bo Kim"}, Meta: &parse.Meta{Affiliations: [][]parse.Affiliation{aff("Uni X"), nil}}},
		{Title: "C", Year: 2022, Authors: []string{"Noemi Mercado"}, Meta: &parse.Meta{Affiliations: [][]parse.Affiliation{aff("Lab Y")}}},
		{Title: "D", Year: 2022, Authors: []string{"Noemi Mercado"}, Meta: &parse.Meta{Affiliations: [][]parse.Affiliation{aff("Lab Y")}}},
		{Title: "E", Year: 2023, Authors: []string{"Noemi Mercado", "Noemi Mercado"}, Meta: &parse.Meta{Affiliations: [][]parse.Affiliation{aff("Wrong"), aff("Wrong")}}},
	} {
		if !c.Add(p) {
			t.Fatalf("%s not kept", p.Title)
		}
	}
	d := &dataset{Dataset: &input.Dataset{Corpus: c, Identity: identity.Resolve(c, identity.Options{})}}
	rows := nameRows(d)
	if len(rows) != 1 || rows[0].Name != "Noemi Mercado" {
		t.Fatalf("rows %+v", rows)
	}
	got := map[string][]corpus.NameCount{}
	for _, v := range rows[0].Variants {
		got[v.Name] = v.Affiliations
	}
	want := map[string][]corpus.NameCount{
		"Noemi Mercado": {{Name: "Lab Y", Count: 2}, {Name: "Uni X", Count: 1}},
		"Noemí Mercado": {{Name: "Lab Y", Count: 1}, {Name: "Uni X", Count: 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	// nameRow has Person's JSON keys in Person's order.
	pt, rt := reflect.TypeFor[identity.Person](), reflect.TypeFor[nameRow]()
	if pt.NumField() != rt.NumField() {
		t.Fatalf("Person has %d fields, nameRow %d", pt.NumField(), rt.NumField())
	}
	for i := range pt.NumField() {
		if pt.Field(i).Tag != rt.Field(i).Tag {
			t.Errorf("field %d: Person %s, nameRow %s", i, pt.Field(i).Tag, rt.Field(i).Tag)
		}
	}
}
