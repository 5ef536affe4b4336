package corpus_test

import (
	"reflect"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
)

func TestCountFields(t *testing.T) {
	c := corpus.New()
	aff := func(name, ror, country string) []parse.Affiliation {
		return []parse.Affiliation{{Name: name, ROR: ror, Country: country}}
	}
	for _, p := range []*parse.Paper{
		{Title: "A", Year: 2020, Venue: "J", Authors: []string{"Ann Lee", "Bo Kim", "Cy Ode"}, Meta: &parse.Meta{
			IDs: []parse.WorkID{{Kind: parse.IDDOI, Value: "10.1/a"}, {Kind: parse.IDOpenAlex, Value: "W1"}}, ISSN: []string{"1234-5678"}, Type: "article",
			Language: "en", Keywords: []string{"k"}, Citations: &parse.Citations{Count: 5, Source: "openalex"},
			Affiliations: [][]parse.Affiliation{aff("U", "05dxps055", "DE"), nil, append(aff("V", "", "FR"), aff("W", "", "")...)}}},
		{Title: "B", Authors: []string{"Ann Lee"}, EtAl: true, Meta: &parse.Meta{URL: "https://x.org/b", IndexKeywords: []string{"i"},
			Citations: &parse.Citations{Count: 7, Source: "scopus"}, Affiliations: [][]parse.Affiliation{aff("U", "", "")}}},
		{Title: "C", Year: 2021, Authors: []string{"Bo Kim", "Bo Kim"}, Meta: &parse.Meta{IDs: []parse.WorkID{{Kind: parse.IDArXiv, Value: "2101.00001"}}}},
		{Title: "D", Year: 2021, Venue: "P", Authors: []string{"Cy Ode"}},
		// A repeat of D: dropped.
		{Title: "D", Year: 2021, Authors: []string{"Cy Ode"}},
	} {
		c.Add(p)
	}
	got := corpus.CountFields(c)
	ids := map[string]int{}
	for _, k := range parse.IDKinds {
		ids[k] = 0
	}
	ids["doi"], ids["openalex"], ids["arxiv"] = 1, 1, 1
	want := corpus.Fields{Papers: 4, Year: 3, IDs: ids, AnyID: 2, Venue: 2, ISSN: 1, Type: 1, URL: 1, Link: 3, Language: 1, Keywords: 1, IndexKeywords: 1,
		Citations: 2, CitationsSum: 12, Positions: 6, PositionsAffiliated: 3, PositionsROR: 1, PositionsCountry: 2, Affiliated: 2, EtAl: 1, Duplicates: 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	rows := got.Rows()
	if len(rows) != 21+len(parse.IDKinds) || rows[0][0] != "field" || rows[2][0] != "year" || rows[2][2] != "75.0%" {
		t.Errorf("%d rows: %q", len(rows), rows)
	}
}

func TestAffiliations(t *testing.T) {
	c := corpus.New()
	u := []parse.Affiliation{{Name: "U"}}
	c.Add(&parse.Paper{Title: "A", Authors: []string{"Ann Lee", "Bo Kim"}, Meta: &parse.Meta{Affiliations: [][]parse.Affiliation{u, nil}}})
	// Ann Lee twice: kept once, the two affiliation slots cannot be told apart.
	c.Add(&parse.Paper{Title: "B", Authors: []string{"Ann Lee", "Bo Kim", "Ann Lee"}, Meta: &parse.Meta{Affiliations: [][]parse.Affiliation{u, nil, u}}})
	c.Add(&parse.Paper{Title: "C", Authors: []string{"Ann Lee"}})
	if a := c.Affiliations(0); len(a) != 2 || a[0][0].Name != "U" || a[1] != nil {
		t.Errorf("paper A: %v", a)
	}
	if a := c.Affiliations(1); a != nil {
		t.Errorf("paper B: %v, want nil", a)
	}
	if a := c.Affiliations(2); a != nil {
		t.Errorf("paper C: %v, want nil", a)
	}
	got := corpus.NameAffiliations(c)
	if len(got) != 1 || len(got[0]) != 1 || got[0][0] != (corpus.NameCount{Name: "U", Count: 1}) {
		t.Errorf("NameAffiliations %v", got)
	}
}

// A name the source gives twice on a paper is one position: the counts
// of positions with an affiliation never pass the positions (review:
// 4 of 3, 133%).
func TestCountFieldsRepeatedName(t *testing.T) {
	c := corpus.New()
	affOf := func(name, country string) []parse.Affiliation {
		return []parse.Affiliation{{Name: name, Country: country}}
	}
	c.Add(&parse.Paper{Title: "T", Year: 2020, Authors: []string{"Ann Lee", "Bo Chen", "Ann Lee"},
		Meta: &parse.Meta{Affiliations: [][]parse.Affiliation{affOf("Uni A", "DE"), nil, affOf("Uni B", "FR")}}})
	f := corpus.CountFields(c)
	if f.Positions != 2 || f.PositionsAffiliated != 1 || f.PositionsCountry != 1 || f.Affiliated != 1 {
		t.Errorf("positions %d, affiliated %d, with a country %d, papers affiliated %d; want 2, 1, 1, 1",
			f.Positions, f.PositionsAffiliated, f.PositionsCountry, f.Affiliated)
	}
}
