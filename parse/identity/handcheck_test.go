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

// The hand checks' decisions (testdata/handcheck: 310 sampled, 78 more
// same-string joins without a shared co-author; testdata/handcheck2: 850
// more, the keep-aparts drawn from every pair kept apart; testdata/
// handcheck3: 408 more, and 65 merges of a rejected trial threshold)
// against today's rules. No decision judged two people may be joined but the one known:
// #2147, "Robert P. Sheridan" of Merck and "Robert Sheridan" of a protein
// structure paper, a middle initial in one spelling only under an
// uncrowded family name, the rule that rightly joins "Craig A. Knoblock"
// and "Craig Knoblock" and dozens more in the same files. Missed merges
// (one person kept as several) may not grow beyond maxMissed; every
// disagreement is logged.
func TestHandCheck(t *testing.T) {
	const maxMissed = 188 // of 1,416 decisions judged one person. Of the first two checks' 1,036: 107 before the second pass, 100 before titles alike, 95 before the namesake estimates (namesakes.go, samestring.go), slips, spaced given names years apart and lists of every author twice, 70 after; the third check's 319 (at a764859): 53 (62 keep-aparts judged one person; the replay finds by title, and 9 OpenAlex id splits of versions of one work, titled alike, look joined to it); the trial's 61 (handcheck3/trial: merges a threshold of 0.003 made, judged one person): all apart at 0.0008; 3 more when initials-only spellings count among a block's people (review: C. E./Carl E Norman beside A.G. Norman)
	knownFalse := map[int]bool{2147: true}
	var js []handJudgement
	for _, f := range []string{"handcheck/judgements.jsonl", "handcheck/hunt-judgements.jsonl", "handcheck2/judgements2.jsonl", "handcheck3/judgements3.jsonl", "handcheck3/trial/judgements-trial.jsonl"} {
		data, err := os.ReadFile(filepath.Join("testdata", f))
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
		if len(persons) >= 2 {
			// Several sides (a pair, or a source's group of ids): joined
			// when any two share a person, as the judges answered "same"
			// when any two sides are one person.
			joined = false
			for k := range persons {
				for l := k + 1; l < len(persons); l++ {
					for p := range persons[k] {
						joined = joined || persons[l][p]
					}
				}
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

// names --json's kept_apart lists no pair that other merges made one
// person (663 such pairs at 2de4a16, 591 of them in bbt-1436-3: "Joshua
// D. Caldwell" and "J. D. Caldwell" kept apart, each joined to a third).
func TestKeptApartNotJoined(t *testing.T) {
	d := loadShared(t, "bibtex/bbt-1436-3-library.bib.gz")
	id := map[string]int32{}
	for i, n := range d.Corpus.Names() {
		id[n] = int32(i)
	}
	pairs, joined := 0, 0
	for _, k := range d.Identity.KeptApart {
		if len(k.Names) != 2 || k.Names[0] == k.Names[1] {
			continue
		}
		pairs++
		a, okA := id[k.Names[0]]
		b, okB := id[k.Names[1]]
		if !okA || !okB {
			t.Fatalf("kept apart %q: a name not in the corpus", k.Names)
		}
		if d.Identity.Person[a] == d.Identity.Person[b] {
			joined++
			if joined <= 5 {
				t.Errorf("%q and %q listed as kept apart, but they are one person", k.Names[0], k.Names[1])
			}
		}
	}
	t.Logf("%d pairs of two spellings kept apart, %d of them one person", pairs, joined)
	if pairs < 1000 || joined > 0 {
		t.Errorf("%d pairs kept apart (want over 1,000), %d of them one person (want 0)", pairs, joined)
	}
}
