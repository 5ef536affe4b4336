package identity

import (
	"errors"
	"strings"
	"testing"
)

func testMatcher() *Matcher {
	return NewMatcher([]Entry{
		{Name: "Kamilė Lukošiūtė", Variants: []string{"Kamile Lukosuite"}, Papers: 5},
		{Name: "Jared Kaplan", Papers: 8},
		{Name: "Jared Mueller", Papers: 4},
		{Name: "Christopher Olah", Variants: []string{"Chris Olah"}, Papers: 3},
		{Name: "Tristan Hume", Papers: 8},
		{Name: "Jan Leike", Papers: 1},
		{Name: "Jan Leike", Papers: 2}, // two people of one name
	})
}

func TestSearchFolded(t *testing.T) {
	m := testMatcher()
	tests := []struct {
		q, first, matched string
	}{
		{"lukosiute", "Kamilė Lukošiūtė", "Kamilė Lukošiūtė"},
		{"LUKOŠIŪTĖ", "Kamilė Lukošiūtė", "Kamilė Lukošiūtė"},
		{"lukosuite", "Kamilė Lukošiūtė", "Kamile Lukosuite"}, // a merged variant
		{"chris olah", "Christopher Olah", "Chris Olah"},
		{"Olah, Christopher", "Christopher Olah", "Christopher Olah"},
		{"hume", "Tristan Hume", "Tristan Hume"},
		{"jared", "Jared Kaplan", "Jared Kaplan"}, // more papers first
	}
	for _, tt := range tests {
		hits := m.Search(tt.q, 10)
		if len(hits) == 0 || hits[0].Name != tt.first || hits[0].Matched != tt.matched {
			t.Errorf("Search(%q) = %+v, want %s first (matched %s)", tt.q, hits, tt.first, tt.matched)
		}
	}
	if hits := m.Search("jared", 1); len(hits) != 1 {
		t.Errorf("limit 1: %d hits", len(hits))
	}
	if hits := m.Search("  ", 10); hits != nil {
		t.Errorf("blank query: %v", hits)
	}
}

func TestMatch(t *testing.T) {
	m := testMatcher()
	for name, want := range map[string]int32{"Kamile Lukosuite": 0, "kamile lukosiute": 0, "Lukošiūtė": 0, "Kaplan": 1, "Chris Olah": 3, "Hume, Tristan": 4} {
		if got, err := m.Match(name); got != want || err != nil {
			t.Errorf("Match(%q) = %d, %v; want %d", name, got, err, want)
		}
	}
	var me *MatchError
	_, err := m.Match("Jared")
	if !errors.As(err, &me) || len(me.Candidates) != 2 || !strings.Contains(err.Error(), "Jared Kaplan (id 1") || !strings.Contains(err.Error(), "Jared Mueller (id 2") {
		t.Errorf("Match(Jared): %v, want both Jareds listed with their ids", err)
	}
	_, err = m.Match("jan leike")
	if !errors.As(err, &me) || len(me.Candidates) != 2 {
		t.Errorf("Match(jan leike): %v, want two candidates", err)
	}
	_, err = m.Match("Jarde Kaplan")
	if !errors.As(err, &me) || len(me.Suggestions) == 0 || me.Suggestions[0].Name != "Jared Kaplan" || !strings.Contains(err.Error(), "did you mean Jared Kaplan") {
		t.Errorf("Match(Jarde Kaplan): %v, want a suggestion of Jared Kaplan", err)
	}
	_, err = m.Match("Nobody At All")
	if !errors.As(err, &me) || len(me.Suggestions) != 0 || err.Error() != `no author named "Nobody At All"` {
		t.Errorf("Match(Nobody At All): %v", err)
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"kaplan", "kaplan", 0}, {"kaplan", "kalpan", 1}, {"kaplan", "caplan", 1}, {"kaplan", "kapln", 1}, {"abc", "xyz", 3}, {"abcdef", "a", 4}} {
		if got := distance(tt.a, tt.b, 4); got != min(tt.d, 4) {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
}
