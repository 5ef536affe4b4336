package corpus

import (
	"fmt"
	"reflect"
	"testing"

	"coauthor/parse"
)

// A corpus given room for more papers (Reserve) holds what one without
// holds, and the papers foreseen fit without moving its arrays.
func TestReserve(t *testing.T) {
	papers := make([]*parse.Paper, 1200)
	for i := range papers {
		p := &parse.Paper{Title: fmt.Sprintf("Paper %04d on graphs", i), Year: 1990 + i%30, Line: i + 1, Venue: fmt.Sprintf("V%d", i%7),
			Authors: []string{fmt.Sprintf("Ann %d", i%50), fmt.Sprintf("Bob %d", i%130)}}
		p.IDs = []string{"dblp:" + p.Authors[0], "dblp:" + p.Authors[1]}
		p.Meta = &parse.Meta{Type: "article"}
		p.Meta.AddID(parse.IDDBLP, fmt.Sprintf("journals/x/P%d", i))
		if i%3 == 0 {
			p.Meta.AddID(parse.IDDOI, fmt.Sprintf("10.1000/%d", i))
		}
		papers[i] = p
	}
	papers = append(papers, papers[17]) // a repeat, dropped by both
	plain, reserved := New(), New()
	reserved.seeds = plain.seeds
	var years *int32
	var authors *int32
	var titles *byte
	for i, p := range papers {
		if i == 200 {
			reserved.Reserve(len(papers) - 200)
			if cap(reserved.years) < len(papers) || cap(reserved.authorIDs) < 2*len(papers) || cap(reserved.titles) < 16*len(papers) {
				t.Fatalf("after Reserve: room for %d papers, %d authors, %d title bytes", cap(reserved.years), cap(reserved.authorIDs), cap(reserved.titles))
			}
			years, authors, titles = &reserved.years[0], &reserved.authorIDs[0], &reserved.titles[0]
		}
		if a, b := plain.Add(p), reserved.Add(p); a != b {
			t.Fatalf("paper %d: kept %v and %v", i, a, b)
		}
	}
	if plain.Len() != len(papers)-1 || plain.Duplicates() != 1 {
		t.Errorf("%d papers, %d duplicates", plain.Len(), plain.Duplicates())
	}
	plain.Compact()
	reserved.Compact()
	if !reflect.DeepEqual(plain, reserved) { // lengths and contents, not capacities
		t.Error("the corpus given room differs from the one without")
	}
	if years != &reserved.years[0] || authors != &reserved.authorIDs[0] || titles != &reserved.titles[0] {
		t.Error("the arrays moved after Reserve")
	}
}
