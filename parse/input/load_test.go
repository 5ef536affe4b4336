package input

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/identity"
)

// Load warns, with file and line, of author strings that are not a person,
// and keeps them as they are.
func TestLoadWarnsNotAName(t *testing.T) {
	page := "T\n\nJan 2, 2020\nW S Karpov S Yun, Ada Lovelace\n"
	var warnings []string
	d, err := Load(context.Background(), []Source{{Name: "page.txt", R: strings.NewReader(page)}},
		Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "page.txt:1") || !strings.Contains(warnings[0], "several names run together") {
		t.Errorf("warnings %q", warnings)
	}
	if len(d.Identity.People) != 2 {
		t.Errorf("people %+v, want the string kept as one author beside Ada Lovelace", d.Identity.People)
	}
}

// Strict merges by one folded name only; NoMerge not at all (-merge
// strict and none).
func TestMergeFlag(t *testing.T) {
	page := "T\n\nJan 2, 2020\nThomas Henighan, Ann Lee\n\nU\n\nJan 3, 2020\nTom Henighan, Ann Lee\n\nV\n\nJan 4, 2020\nTOM HENIGHAN\n"
	for _, tt := range []struct {
		merge  string
		people int
	}{{"evidence", 2}, {"strict", 3}, {"none", 4}} {
		opt := Options{Resolve: identity.Options{Strict: tt.merge == "strict", NoMerge: tt.merge == "none"}}
		d, err := Load(context.Background(), []Source{{Name: "p", R: strings.NewReader(page)}}, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Identity.People) != tt.people {
			t.Errorf("-merge %s: %d people, want %d", tt.merge, len(d.Identity.People), tt.people)
		}
	}
}

// After the first records of a large source, Load makes room for the
// papers its other bytes should hold, in proportion; for a source mostly
// read already, none.
func TestReserveInProportion(t *testing.T) {
	d := &Dataset{Corpus: corpus.New()}
	for i := range 100 {
		d.Corpus.Add(&parse.Paper{Title: "T" + strconv.Itoa(i), Authors: []string{"Ann Lee", "Bob Chen"}})
	}
	room := d.Corpus.Room() // what the arrays' growth left
	d.reserve(100, 1000, 1800)
	if n := d.Corpus.Room(); n != room {
		t.Errorf("room for %d papers more after reading most of the source, want %d as before", n, room)
	}
	d.reserve(100, 1000, 11000)
	if n := d.Corpus.Room(); n < 1125 || n > 1300 {
		t.Errorf("room for %d papers more, want 1125 (10,000 bytes left at 10 a paper, and an eighth)", n)
	}
}
