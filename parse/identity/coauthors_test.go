package identity

import (
	"strings"
	"testing"

	"coauthor/parse/names"
)

func TestBlockOnePerson(t *testing.T) {
	for _, c := range []struct {
		spellings []string // the block; the first two are compared
		want      bool
	}{
		// Beside Mohammad Rezaul Huque Khan, compatible with neither.
		{[]string{"M. Asif Khan", "M. A. Khan", "Mohammad Rezaul Huque Khan", "Ada Byron"}, true},
		{[]string{"M. A. Khan", "M. Asif Khan", "Mohammad Rezaul Huque Khan"}, true},
		// M. Khan may be M. B. Khan.
		{[]string{"M. Khan", "M. A. Khan", "M. B. Khan"}, false},
		{[]string{"M. Khan", "M. A. Khan"}, true},
		// M. A. Khan may be M. Khan, who is not M. Asif Khan (a full word
		// after an initial may be a family name's first half).
		{[]string{"M. A. Khan", "M. Asif Khan", "M. Khan"}, false},
		{[]string{"M. A. Khan", "M. B. Khan"}, false}, // not compatible
		// Each fits M. Khan alone: two people all the same, whichever
		// spelling has the smallest id.
		{[]string{"M. A. Khan", "M. B. Khan", "M. Khan"}, false},
		// Two full names fit M. A. Khan.
		{[]string{"M. A. Khan", "Mohammed Ali Khan", "Mahmood A. Khan"}, false},
	} {
		parsed := make([]names.Name, len(c.spellings))
		for i, s := range c.spellings {
			parsed[i] = names.Parse(s)
		}
		b := newBlockIndex(parsed, func(yield func(int32) bool) {
			for i := range c.spellings {
				if !yield(int32(i)) {
					return
				}
			}
		})
		if got := b.sameCoauthor(0, 1); got != c.want {
			t.Errorf("sameCoauthor in %q = %v, want %v", c.spellings, got, c.want)
		}
		// The answer does not depend on the order of the ids: the last
		// spelling first.
		n := len(parsed)
		if n < 3 {
			continue
		}
		rot := append([]names.Name{parsed[n-1]}, parsed[:n-1]...)
		b = newBlockIndex(rot, func(yield func(int32) bool) {
			for i := range rot {
				if !yield(int32(i)) {
					return
				}
			}
		})
		if got := b.sameCoauthor(1, 2); got != c.want {
			t.Errorf("sameCoauthor in %q, %q first = %v, want %v", c.spellings, c.spellings[n-1], got, c.want)
		}
	}
}

// A co-author written two ways links the papers of a split name when its
// block is one person (the hand check's J. W. Yang of the Khan group).
func TestSplitCoauthorOnePerson(t *testing.T) {
	person := func(line string) string { return strings.SplitN(line, ", ", 2)[0] }
	got, _, _ := splitCase(t, [][]string{
		{"Blueshift of edge emission in InGaN", "J. W. Yang", "M. Asif Khan", "E. Kuokstis"},
		{"Luminescence from stacking faults", "J. W. Yang", "M. A. Khan", "R. Liu"},
		{"Something else", "Mohammad Rezaul Huque Khan"},
	})
	if person(got[0]) != person(got[1]) {
		t.Errorf("M. Asif Khan = M. A. Khan not shared: %q", got)
	}
	// "M. Khan" may be "M. B. Khan" as well: no evidence.
	got, _, _ = splitCase(t, [][]string{
		{"Blueshift of edge emission in InGaN", "J. W. Yang", "M. Asif Khan", "E. Kuokstis"},
		{"Luminescence from stacking faults", "J. W. Yang", "M. Khan", "R. Liu"},
		{"Something else", "M. B. Khan"},
	})
	if person(got[0]) == person(got[1]) {
		t.Errorf("M. Khan taken for M. Asif Khan beside M. B. Khan: %q", got)
	}
}

// Rules 2 and 3 count a co-author written two ways as shared when its
// block is one person: "B. Shen" and "Bo Shen" under a frequent surname
// with four B. names need two shared co-authors, and have them.
func TestSharedCoauthorOnePerson(t *testing.T) {
	got, _, _ := splitCase(t, [][]string{
		{"GaN nanowires", "B. Shen", "M. Asif Khan", "R. A. Taylor"},
		{"InN surfaces", "Bo Shen", "M. A. Khan", "Robert A. Taylor"},
		{"Lithium anodes", "Bin Shen"},
		{"Perovskites", "Bao Shen"},
		{"Catalysis", "Bei Shen"},
	})
	if p := strings.SplitN(got[0], ", ", 2)[0]; !strings.HasPrefix(got[1], p+",") {
		t.Errorf("B. Shen and Bo Shen with two shared co-authors written two ways: %q", got)
	}
}
