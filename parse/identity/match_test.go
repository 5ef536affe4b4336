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
	if !errors.As(err, &me) || len(me.Candidates) != 2 || !strings.Contains(err.Error(), "Jared Kaplan (id:1") || !strings.Contains(err.Error(), "Jared Mueller (id:2") {
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
	// "Family, Given" is suggested as "Given Family" is, and the ids
	// listed are accepted.
	_, err = m.Match("Kaplen, Jared")
	if !errors.As(err, &me) || len(me.Suggestions) == 0 || me.Suggestions[0].Name != "Jared Kaplan" {
		t.Errorf("Match(Kaplen, Jared): %v, want a suggestion of Jared Kaplan", err)
	}
	for name, want := range map[string]int32{"id:6": 6, " id:0": 0} {
		if got, err := m.Match(name); got != want || err != nil {
			t.Errorf("Match(%q) = %d, %v; want %d", name, got, err, want)
		}
	}
	for _, name := range []string{"id:7", "id:-1", "id:x", "id:99999999999"} {
		if _, err := m.Match(name); !errors.As(err, &me) || !me.NoID {
			t.Errorf("Match(%q) = %v, want no such id", name, err)
		}
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

// FuzzMatcher: any query gives hits that contain it (folded) and a Match
// that is an author or a *MatchError, never a panic.
func FuzzMatcher(f *testing.F) {
	for _, s := range []string{"lukosiute", "Olah, Christopher", "Jared", "", " . - ", "Jarde Kaplan", "ß", "\xff"} {
		f.Add(s)
	}
	m := testMatcher()
	f.Fuzz(func(t *testing.T, q string) {
		for _, h := range m.Search(q, 5) {
			if h.ID < 0 || int(h.ID) >= m.Len() {
				t.Fatalf("Search(%q): id %d", q, h.ID)
			}
		}
		id, err := m.Match(q)
		var me *MatchError
		if err == nil && (id < 0 || int(id) >= m.Len()) || err != nil && !errors.As(err, &me) {
			t.Fatalf("Match(%q) = %d, %v", q, id, err)
		}
	})
}

// A name shared by many authors lists at most MaxListed of them, and
// counts the rest.
func TestMatchManyHomonyms(t *testing.T) {
	var entries []Entry
	for range 212 {
		entries = append(entries, Entry{Name: "Qiang Li", Papers: 1})
	}
	_, err := NewMatcher(entries).Match("Qiang Li")
	msg := err.Error()
	if n := strings.Count(msg, "(id:"); n != MaxListed || !strings.HasSuffix(msg, "; and 192 more") || len(msg) > 1000 {
		t.Errorf("%d ids listed, %d bytes: %.200s", n, len(msg), msg)
	}
}

// Authors are found by the source ids coauthor prints (an ORCID iD in any
// form, a DBLP name with its homonym number) and by a name written with
// initials, given first or after a comma (issue 25).
func TestMatchIDsAndInitials(t *testing.T) {
	m := NewMatcher([]Entry{
		{Name: "Malte Helmert", Papers: 40},
		{Name: "Wei Wang", Papers: 9, IDs: []string{"dblp:Wei Wang 0002"}},
		{Name: "Wei Wang", Papers: 7, IDs: []string{"dblp:Wei Wang 0001"}},
		{Name: "Josiah Carberry", Papers: 3, IDs: []string{"orcid:0000-0002-1825-0097"}},
		{Name: "Jörg Hoffmann", Papers: 20},
		{Name: "Jana Hoffmann", Papers: 2},
	})
	for q, want := range map[string]int32{
		"dblp:Wei Wang 0002":                    1,
		"Wei Wang 0001":                         2,
		"0000-0002-1825-0097":                   3,
		"https://orcid.org/0000-0002-1825-0097": 3,
		"orcid:0000000218250097":                3,
		"M. Helmert":                            0,
		"Helmert, M":                            0,
		"Helmert, Malte":                        0,
		"id:4":                                  4,
		"J. Hoffmann":                           -1,
	} {
		if got, err := m.Match(q); got != want {
			t.Errorf("Match(%q) = %d, %v; want %d", q, got, err, want)
		}
	}
	// Two authors fit "Hoffmann, J" by initials: both are named.
	if _, err := m.Match("Hoffmann, J"); err == nil || !strings.Contains(err.Error(), "matches 2 authors") {
		t.Errorf("Match(Hoffmann, J): %v, want both Hoffmanns", err)
	}
	for _, q := range []string{"M. Helmert", "Helmert, M", "0000-0002-1825-0097"} {
		if hits := m.Search(q, 5); len(hits) == 0 || hits[0].Name != map[bool]string{true: "Josiah Carberry", false: "Malte Helmert"}[q[0] == '0'] {
			t.Errorf("Search(%q) = %+v", q, hits)
		}
	}
}
