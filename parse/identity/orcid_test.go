package identity

import (
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
)

// An ORCID on some of a person's records links the others with the same
// name when their papers share a co-author; not without evidence, and not
// when two ORCIDs carry the name.
func TestLinkORCID(t *testing.T) {
	const a, b = "orcid:0000-0002-1825-0097", "orcid:0000-0001-5109-3700"
	type rec struct {
		authors, ids []string
	}
	resolve := func(recs []rec) (*Identity, *corpus.Corpus) {
		c := corpus.New()
		for i, r := range recs {
			c.Add(&parse.Paper{Title: "paper " + string(rune('A'+i)), Year: 2020, Authors: r.authors, IDs: r.ids})
		}
		return Resolve(c, Options{}), c
	}
	person := func(id *Identity, c *corpus.Corpus, paper int) int32 { return id.Of(paper, c.Authors(paper)[0]) }
	for _, tc := range []struct {
		name   string
		recs   []rec
		linked bool
	}{
		{"shared co-author", []rec{{[]string{"Jane Doe", "Ada Byron"}, []string{a, ""}}, {[]string{"Jane Doe", "Ada Byron"}, nil}}, true},
		{"no evidence", []rec{{[]string{"Jane Doe", "Ada Byron"}, []string{a, ""}}, {[]string{"Jane Doe", "Carl Gauss"}, nil}}, false},
		{"two ORCIDs", []rec{{[]string{"Jane Doe", "Ada Byron"}, []string{a, ""}}, {[]string{"Jane Doe", "Ada Byron"}, []string{b, ""}},
			{[]string{"Jane Doe", "Ada Byron"}, nil}}, false},
	} {
		id, c := resolve(tc.recs)
		last := len(tc.recs) - 1
		if got := person(id, c, 0) == person(id, c, last); got != tc.linked {
			t.Errorf("%s: linked %v, want %v; kept apart %v", tc.name, got, tc.linked, id.KeptApart)
		}
		if tc.linked {
			p := id.People[person(id, c, 0)]
			if p.ID != a || len(p.Reasons) != 1 || !strings.Contains(p.Reasons[0], "ORCID") {
				t.Errorf("%s: %+v", tc.name, p)
			}
		}
	}
}

// A name that the source splits across author ids (OpenAlex) stays split,
// and names lists it when the ids' papers share a co-author; ids whose
// papers share none, and ORCID iDs, are not listed.
func TestListIDSplits(t *testing.T) {
	c := corpus.New()
	for _, p := range []*parse.Paper{
		{Title: "Brain imaging data", Year: 2021, Authors: []string{"Adina S. Wagner", "Michael Hanke"}, IDs: []string{"openalex:A1", ""}},
		{Title: "DataLad", Year: 2021, Authors: []string{"Adina S. Wagner", "Michael Hanke"}, IDs: []string{"openalex:A2", ""}},
		{Title: "Unikernels", Year: 2022, Authors: []string{"Alex Jung", "Felipe Huici"}, IDs: []string{"openalex:A3", ""}},
		{Title: "Rivers", Year: 2022, Authors: []string{"Alex Jung", "Ann Other"}, IDs: []string{"openalex:A4", ""}},
		{Title: "Coral", Year: 2020, Authors: []string{"Jo Reef", "Michael Hanke"}, IDs: []string{"orcid:0000-0002-1825-0097", ""}},
		{Title: "Coral 2", Year: 2021, Authors: []string{"Jo Reef", "Michael Hanke"}, IDs: []string{"orcid:0000-0001-5109-3700", ""}},
	} {
		c.Add(p)
	}
	id := Resolve(c, Options{})
	var listed []string
	for _, k := range id.KeptApart {
		if strings.Contains(k.Why, "author ids in the source") {
			listed = append(listed, strings.Join(k.Names, "/")+": "+k.Why)
		}
	}
	if len(listed) != 1 || !strings.HasPrefix(listed[0], "Adina S. Wagner/Adina S. Wagner: 2 author ids in the source (openalex:A1, openalex:A2)") ||
		!strings.Contains(listed[0], "1 co-author(s) (Michael Hanke)") {
		t.Errorf("listed %q", listed)
	}
	wagner := 0
	for _, p := range id.People {
		if p.Name == "Adina S. Wagner" {
			wagner++
		}
	}
	if wagner != 2 {
		t.Errorf("%d people Adina S. Wagner, want 2 (the source's two ids)", wagner)
	}

	// With MergeIDSplits the listed ids are one person, and only they:
	// Alex Jung's ids share no co-author, ORCID iDs are never joined.
	id = Resolve(c, Options{MergeIDSplits: true})
	count := map[string]int{}
	for _, p := range id.People {
		count[p.Name]++
		if p.Name == "Adina S. Wagner" && !strings.Contains(strings.Join(p.Reasons, "\n"), "2 author ids in the source (openalex:A1, openalex:A2) joined") {
			t.Errorf("Adina S. Wagner's reasons %q", p.Reasons)
		}
	}
	if count["Adina S. Wagner"] != 1 || count["Alex Jung"] != 2 || count["Jo Reef"] != 2 {
		t.Errorf("with MergeIDSplits: %d Adina S. Wagner (want 1), %d Alex Jung (want 2), %d Jo Reef (want 2)", count["Adina S. Wagner"], count["Alex Jung"], count["Jo Reef"])
	}
	for _, k := range id.KeptApart {
		if strings.Contains(k.Why, "author ids in the source") {
			t.Errorf("with MergeIDSplits, still listed: %q", k.Names)
		}
	}
	// Co-authors under frequent surnames link no ids: three "Wei Wang"
	// ids, the first and second sharing "Li Zhang", the second and third
	// "Jun Chen", stay three (review: they chained into one).
	cw := corpus.New()
	for _, p := range []*parse.Paper{
		{Title: "A", Year: 2020, Authors: []string{"Wei Wang", "Li Zhang"}, IDs: []string{"openalex:W1", ""}},
		{Title: "B", Year: 2020, Authors: []string{"Wei Wang", "Li Zhang", "Jun Chen"}, IDs: []string{"openalex:W2", "", ""}},
		{Title: "C", Year: 2020, Authors: []string{"Wei Wang", "Jun Chen"}, IDs: []string{"openalex:W3", ""}},
	} {
		cw.Add(p)
	}
	wang := 0
	for _, p := range Resolve(cw, Options{MergeIDSplits: true}).People {
		if p.Name == "Wei Wang" {
			wang++
		}
	}
	if wang != 3 {
		t.Errorf("%d people Wei Wang with MergeIDSplits, want 3 (linked only through co-authors under frequent surnames)", wang)
	}
	if id := Resolve(c, Options{MergeIDSplits: true, Strict: true}); len(id.People) != len(Resolve(c, Options{}).People) {
		t.Errorf("MergeIDSplits under Strict joined ids: %d people", len(id.People))
	}
}
