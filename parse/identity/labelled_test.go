package identity_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/identity"
	"coauthor/parse/names"
)

var (
	report     = flag.Bool("labelled.report", false, "print every misjudged pair of the tuning half of the labelled set")
	reportHeld = flag.Bool("labelled.heldout", false, "with -labelled.report, print the misjudged pairs of the held-out half too (not for tuning)")
)

// labelledPair is one pair of testdata/labelled/pairs.jsonl: two spellings
// of its corpus judged by hand, with the evidence read.
type labelledPair struct {
	ID, Corpus, A, B, Judgement, Pattern, Evidence string
}

func readLabelled(t *testing.T) ([]labelledPair, map[string][]*parse.Paper) {
	t.Helper()
	dir := filepath.Join("testdata", "labelled")
	f, err := os.Open(filepath.Join(dir, "pairs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pairs []labelledPair
	corpora := map[string][]*parse.Paper{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var p labelledPair
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, p)
		if _, ok := corpora[p.Corpus]; !ok {
			corpora[p.Corpus] = readCorpus(t, filepath.Join(dir, "corpora", p.Corpus+".jsonl"))
		}
	}
	return pairs, corpora
}

// readCorpus reads a corpus file's papers as they are, names untouched.
func readCorpus(t *testing.T, path string) []*parse.Paper {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var papers []*parse.Paper
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var rec struct {
			Title   string   `json:"title"`
			Year    int      `json:"year"`
			Venue   string   `json:"venue"`
			Authors []string `json:"authors"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("%s:%d: %v", path, i+1, err)
		}
		papers = append(papers, &parse.Paper{Title: rec.Title, Year: rec.Year, Venue: rec.Venue, Authors: rec.Authors, Line: i + 1})
	}
	return papers
}

// scores counts a resolver's decisions on the judged pairs.
type scores struct{ tp, fp, fn, tn int }

func (s scores) precision() float64 { return float64(s.tp) / float64(max(1, s.tp+s.fp)) }
func (s scores) recall() float64    { return float64(s.tp) / float64(max(1, s.tp+s.fn)) }
func (s scores) String() string {
	return fmt.Sprintf("precision %.3f, recall %.3f (merged %d of %d same, %d of %d different)",
		s.precision(), s.recall(), s.tp, s.tp+s.fn, s.fp, s.fp+s.tn)
}

func (s *scores) add(same, merged bool) {
	switch {
	case same && merged:
		s.tp++
	case same:
		s.fn++
	case merged:
		s.fp++
	default:
		s.tn++
	}
}

// heldOut reports whether a labelled pair is in the held-out half: the
// pairs split by the FNV-1a hash of their id, so that the split is fixed
// and independent of the order of pairs.jsonl. Rules and thresholds are
// tuned on the other half (print it with -labelled.report); the gate
// reads only this one.
func heldOut(p labelledPair) bool {
	h := fnv.New32a()
	h.Write([]byte(p.ID))
	return h.Sum32()%2 == 1
}

// Held-out gate: pairwise precision and recall on the held-out half must
// be at least these, just under the figures of 7 December 2026: held out
// precision 1.000 (167 of 167 merges right), recall 0.908 (167 of 184);
// two more false merges (0.988) or two fewer true ones (0.897) fail.
// (Tuning half: precision 0.994, recall 0.833; all pairs: 0.997, 0.868.)
const (
	minPrecision = 0.99
	minRecall    = 0.90
)

// The resolver against the pairs judged by hand on real libraries and
// crafted cases (testdata/labelled: pairs.jsonl with the judgement and
// the evidence of each pair, corpora/ with the papers of each block),
// gated on the held-out half (minPrecision, minRecall). The test also
// prints the figures of the tuning half, of all pairs and of
// bibliometrix's convention (the same family name and first initial are
// one person) on the same pairs.
func TestLabelledPairs(t *testing.T) {
	pairs, corpora := readLabelled(t)
	ids := map[string]*identity.Identity{}
	index := map[string]map[string]int32{}
	for name, papers := range corpora {
		c := corpus.New()
		for _, p := range papers {
			c.Add(p)
		}
		ids[name] = identity.Resolve(c, identity.Options{})
		index[name] = map[string]int32{}
		for i, n := range c.Names() {
			index[name][n] = int32(i)
		}
	}
	var ours, tuning, held, biblio scores
	byPattern := map[string]*scores{}
	for _, p := range pairs {
		if p.Judgement == "doubtful" {
			continue
		}
		a, okA := index[p.Corpus][p.A]
		b, okB := index[p.Corpus][p.B]
		if !okA || !okB {
			t.Logf("%s: %q or %q is only on a repeated paper of %s", p.ID, p.A, p.B, p.Corpus)
			continue
		}
		same := p.Judgement == "same"
		id := ids[p.Corpus]
		merged := id.Person[a] == id.Person[b]
		ours.add(same, merged)
		if heldOut(p) {
			held.add(same, merged)
		} else {
			tuning.add(same, merged)
		}
		if byPattern[p.Pattern] == nil {
			byPattern[p.Pattern] = &scores{}
		}
		byPattern[p.Pattern].add(same, merged)
		biblio.add(same, surnameInitial(p.A) == surnameInitial(p.B))
		if *report && same != merged && (*reportHeld || !heldOut(p)) {
			t.Logf("%s %s %q / %q: judged %s, %s\n    %s", p.ID, p.Pattern, p.A, p.B, p.Judgement,
				map[bool]string{true: "merged", false: "kept apart"}[merged], p.Evidence)
			if merged {
				for _, r := range id.People[id.Person[a]].Reasons {
					t.Logf("      because %s", r)
				}
			} else {
				why := "not proposed: names not compatible"
				for _, k := range id.KeptApart {
					if slices.Contains(k.Names, p.A) && slices.Contains(k.Names, p.B) {
						why = k.Why + " [" + k.Match + "]"
					}
				}
				t.Logf("      kept apart: %s", why)
			}
		}
	}
	patterns := make([]string, 0, len(byPattern))
	for k := range byPattern {
		patterns = append(patterns, k)
	}
	slices.Sort(patterns)
	for _, k := range patterns {
		t.Logf("%-18s %v", k, *byPattern[k])
	}
	t.Logf("coauthor, tuning:  %v", tuning)
	t.Logf("coauthor, held out: %v", held)
	t.Logf("coauthor, all:     %v", ours)
	t.Logf("surname + initial: %v", biblio)
	if held.precision() < minPrecision || held.recall() < minRecall {
		t.Errorf("held-out half: %v; want precision ≥ %v and recall ≥ %v", held, minPrecision, minRecall)
	}
}

// surnameInitial is bibliometrix's author key: the family name and the
// first initial.
func surnameInitial(name string) string {
	p := names.Split(names.Key(name))
	if len(p.Given) == 0 {
		return p.Family
	}
	return p.Family + " " + p.Given[0][:1]
}

// labelledMention is one case of testdata/labelled/mentions.jsonl: one
// folded name on two papers of its corpus (by title), judged by hand the
// same person or two.
type labelledMention struct {
	ID, Corpus, Name, A, B, Judgement, Evidence string
}

// Rule 1 decided per mention: same-string cases judged from the papers
// (co-authors, institutions, topics; each case says why), gated on their
// held-out half: no two people joined (precision ≥ minPrecision). Recall
// is logged: without evidence the resolver keeps same-string papers
// apart (A. Y. Cho's two single-author papers 29 years apart).
func TestLabelledMentions(t *testing.T) {
	dir := filepath.Join("testdata", "labelled")
	data, err := os.ReadFile(filepath.Join(dir, "mentions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	type resolved struct {
		c  *corpus.Corpus
		id *identity.Identity
	}
	corpora := map[string]resolved{}
	var held, all scores
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var m labelledMention
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("mentions.jsonl:%d: %v", i+1, err)
		}
		r, ok := corpora[m.Corpus]
		if !ok {
			r.c = corpus.New()
			for _, p := range readCorpus(t, filepath.Join(dir, "corpora", m.Corpus+".jsonl")) {
				r.c.Add(p)
			}
			r.id = identity.Resolve(r.c, identity.Options{})
			corpora[m.Corpus] = r
		}
		person := func(title string) int32 {
			for p := range r.c.Len() {
				if r.c.Title(p) != title {
					continue
				}
				for _, a := range r.c.Authors(p) {
					if names.Key(r.c.Names()[a]) == names.Key(m.Name) {
						return r.id.Of(p, a)
					}
				}
			}
			t.Fatalf("%s: no %q on %q in %s", m.ID, m.Name, title, m.Corpus)
			return -1
		}
		same, merged := m.Judgement == "same", person(m.A) == person(m.B)
		all.add(same, merged)
		if heldOut(labelledPair{ID: m.ID}) {
			held.add(same, merged)
		}
		if same != merged {
			t.Logf("%s %q: judged %s, %s: %s", m.ID, m.Name, m.Judgement, map[bool]string{true: "one person", false: "two"}[merged], m.Evidence)
		}
	}
	t.Logf("mentions, held out: %v", held)
	t.Logf("mentions, all:      %v", all)
	if all.tp+all.fn == 0 || all.fp+all.tn == 0 {
		t.Fatalf("mentions.jsonl needs cases of both judgements: %v", all)
	}
	if held.precision() < minPrecision {
		t.Errorf("mentions, held-out half: %v; want precision ≥ %v", held, minPrecision)
	}
}
