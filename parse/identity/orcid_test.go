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
