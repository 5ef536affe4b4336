package identity_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/examples/shared"
	"coauthor/parse/input"
	"coauthor/parse/names"
)

// handJudgement is one decision of coauthor judged by hand, by someone
// who had not read this package, from the papers of the real files of the
// shared data set (testdata/handcheck/METHOD.md): the mentions of names[k]
// on the papers titled sides[k].titles were joined or kept apart by the
// version judged, and are one person or several. A single side is a
// same-string join: all its mentions one person or not.
type handJudgement struct {
	N         int      `json:"n"`
	File      string   `json:"file"`
	Kind      string   `json:"kind"`
	Names     []string `json:"names"`
	Judgement string   `json:"judgement"`
	Evidence  string   `json:"evidence"`
	Sides     []struct {
		Titles []string `json:"titles"`
	} `json:"sides"`
}

// The hand check's decisions (testdata/handcheck: 310 sampled, 78 more
// same-string joins without a shared co-author) against today's rules.
// No decision judged two people may be joined: the three false merges the
// hand check found (Y. C. Liu, Jia Wang, Yan Liu in bbt-1436-3) are
// allowed to stay until fixed, no new one. Missed merges (one person kept
// as several) may not grow beyond maxMissed; every disagreement is logged.
func TestHandCheck(t *testing.T) {
	const maxMissed = 41 // of 280 decisions judged one person (56 at the hand check, 45 before the second pass)
	knownFalse := map[int]bool{}
	var js []handJudgement
	for _, f := range []string{"judgements.jsonl", "hunt-judgements.jsonl"} {
		data, err := os.ReadFile(filepath.Join("testdata", "handcheck", f))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			var j handJudgement
			if err := json.Unmarshal([]byte(line), &j); err != nil {
				t.Fatalf("%s:%d: %v", f, i+1, err)
			}
			if j.Judgement != "cannot tell" {
				js = append(js, j)
			}
		}
	}
	data := map[string]*input.Dataset{}
	var falseMerges, missed, same, different int
	for _, j := range js {
		d, ok := data[j.File]
		if !ok {
			d = loadShared(t, j.File)
			data[j.File] = d
		}
		// persons[k]: the people of names[k]'s mentions on side k's papers.
		var persons []map[int32]bool
		for k, side := range j.Sides {
			name := j.Names[min(k, len(j.Names)-1)]
			persons = append(persons, mentionsOf(t, d, j, name, side.Titles))
		}
		joined := len(persons[0]) == 1
		if len(persons) == 2 {
			joined = false
			for p := range persons[0] {
				joined = joined || persons[1][p]
			}
		}
		isSame := j.Judgement == "same person"
		if isSame {
			same++
		} else {
			different++
		}
		switch {
		case !isSame && joined:
			if knownFalse[j.N] {
				t.Logf("#%d %s %v: known false merge, still joined (%s)", j.N, j.File, j.Names, j.Evidence)
				continue
			}
			falseMerges++
			t.Errorf("#%d %s %v: joined, judged two people: %s", j.N, j.File, j.Names, j.Evidence)
		case isSame && !joined:
			missed++
			t.Logf("#%d %s %v: kept apart, judged one person: %s", j.N, j.File, j.Names, j.Evidence)
		}
	}
	t.Logf("%d decisions judged (%d one person, %d several): %d false merges, %d missed", len(js), same, different, falseMerges, missed)
	if missed > maxMissed {
		t.Errorf("%d of the %d hand-judged same-person decisions kept apart; at most %d were at the hand check", missed, same, maxMissed)
	}
}

// loadShared reads a file of the shared data set as the command line
// does with -skip-bad, resolving names with the default rules.
func loadShared(t *testing.T, rel string) *input.Dataset {
	t.Helper()
	srcs, _, closeAll, err := input.Files([]string{shared.File(t, rel)}, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	defer closeAll()
	d, err := input.Load(context.Background(), srcs, input.Options{SkipBad: true})
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return d
}

// mentionsOf returns the people of name's mentions on the papers with the
// given titles: the spelling itself where a paper has it, else one of the
// same folded form.
func mentionsOf(t *testing.T, d *input.Dataset, j handJudgement, name string, titles []string) map[int32]bool {
	t.Helper()
	want := map[string]int{}
	for _, title := range titles {
		want[title]++
	}
	c, got := d.Corpus, map[int32]bool{}
	found := map[string]bool{}
	key := names.Key(name)
	for p := range c.Len() {
		if want[c.Title(p)] == 0 {
			continue
		}
		best := int32(-1)
		for _, a := range c.Authors(p) {
			switch s := c.Names()[a]; {
			case s == name:
				best = a
			case best < 0 && names.Key(s) == key:
				best = a
			}
		}
		if best >= 0 {
			got[d.Identity.Of(p, best)] = true
			found[c.Title(p)] = true
		}
	}
	for title := range want {
		if !found[title] {
			t.Fatalf("#%d %s: no %q on a paper titled %q", j.N, j.File, name, title)
		}
	}
	if len(got) == 0 {
		t.Fatalf("#%d %s: no mention of %q found", j.N, j.File, name)
	}
	return got
}
