package parse

import (
	"slices"
	"testing"
)

// A corpus compacted midway ends as one never compacted: the lookups come
// back for later papers, repeats are still found, ids still decide.
func TestCorpusCompact(t *testing.T) {
	papers := []*Paper{
		{Title: "Graphs", Year: 2001, Authors: []string{"Ann Lee", "Bo Chen"}},
		{Title: "Trees", Year: 2002, Authors: []string{"Dana Kim", "Ann Lee"}, IDs: []string{"openalex:A1", ""}},
		{Title: "Trees", Year: 2003, Authors: []string{"D. Kim"}, IDs: []string{"openalex:A1"}},
		{Title: "graphs.", Year: 2001, Authors: []string{"Ann Lee"}}, // a repeat of the first
		{Title: "Forests", Year: 2004, Authors: []string{"Dana Kim", "Dana Kim", "Bo Chen"}, IDs: []string{"openalex:A1", "openalex:A1", ""}},
		{Title: "Fields", Year: 2005, Authors: []string{"D. Kim", "Ann Lee"}, IDs: []string{"openalex:A1", ""}},
	}
	plain, compacted := NewCorpus(), NewCorpus()
	var keptA, keptB []bool
	for i, p := range papers {
		keptA = append(keptA, plain.Add(p))
		if i == 3 || i == 4 {
			compacted.Compact()
		}
		keptB = append(keptB, compacted.Add(p))
	}
	want := []bool{true, true, true, false, true, true}
	if !slices.Equal(keptA, want) || !slices.Equal(keptB, want) {
		t.Errorf("kept %v and %v, want %v", keptA, keptB, want)
	}
	if !slices.Equal(plain.Names(), compacted.Names()) || plain.Len() != compacted.Len() {
		t.Fatalf("names %q and %q", plain.Names(), compacted.Names())
	}
	for i := 0; i < plain.Len(); i++ {
		if !slices.Equal(plain.Authors(i), compacted.Authors(i)) {
			t.Errorf("paper %d: %v and %v", i, plain.Authors(i), compacted.Authors(i))
		}
	}
	// Dana Kim and D. Kim share an id: two spellings, two name ids, one person.
	if got := plain.Names(); !slices.Equal(got, []string{"Ann Lee", "Bo Chen", "Dana Kim", "D. Kim"}) {
		t.Errorf("names %q", got)
	}
	id := Resolve(compacted, ResolveOptions{})
	if len(id.People) != 3 || id.Person[2] != id.Person[3] {
		t.Errorf("people %+v", id.People)
	}
}
