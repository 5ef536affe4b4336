package identity

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
)

// topicPaper is a paper of a title-similarity case.
type topicPaper struct {
	title   string
	year    int
	authors []string
}

// background returns n papers of other people on other topics, or, with
// field set, all on that field (a one-field library).
func background(n int, field string) []topicPaper {
	// Each four times in 40 papers: "flow", "maximal" and "network" are
	// not rare words (at most 2 papers of 42).
	topics := []string{"Lichen symbiosis in alpine tundra", "Replication timing of mammalian genomes", "Ocean gyres and heat flow",
		"Higgs decays into photons", "Parimagnetism of rare earths", "Nonlocal pulsating fronts", "Maximal likelihood phylogenetics of ferns",
		"Glacier retreat in Patagonia", "Syntax of relative clauses", "Medieval trade network"}
	var out []topicPaper
	for i := range n {
		title := topics[i%len(topics)]
		if field != "" {
			title = fmt.Sprintf("%s: %s", field, topics[i%len(topics)])
		}
		out = append(out, topicPaper{title, 1950 + i%20, []string{fmt.Sprintf("Author%c%c Other%c", 'a'+i%26, 'a'+i/26, 'a'+i%7)}})
	}
	return out
}

// joined resolves papers and reports whether spellings a and b are one
// person, with the similarity of their titles.
func joined(t *testing.T, papers []topicPaper, a, b string) (bool, string, float64) {
	t.Helper()
	c := corpus.New()
	for _, p := range papers {
		c.Add(&parse.Paper{Title: p.title, Year: p.year, Authors: p.authors})
	}
	ia, ib := int32(slices.Index(c.Names(), a)), int32(slices.Index(c.Names(), b))
	if ia < 0 || ib < 0 {
		t.Fatalf("%q or %q not in the corpus", a, b)
	}
	e := newEvidence(newResolver(c, Options{}))
	sim := e.titleSimilarity(ia, ib)
	id := Resolve(c, Options{})
	why := ""
	for _, p := range id.People {
		if slices.ContainsFunc(p.Variants, func(v Variant) bool { return v.Name == a }) {
			why = strings.Join(p.Reasons, "; ")
		}
	}
	return id.Person[ia] == id.Person[ib], why, sim
}

// An initial for a full name under a rare family name, with no shared
// co-author, venue, affiliation or rare word, joins when the titles are
// alike, words weighted by their rarity in the corpus (hand check #2390:
// "L. R. Ford" and "Lester R. Ford", network flows); not with unrelated
// titles, under a frequent or crowded family name, more than ten years
// apart, or when the words they share are the library's own field.
func TestTitleSimilarity(t *testing.T) {
	ford := func(short, full string, y1, y2 int, t1, t2 string) []topicPaper {
		return []topicPaper{
			{t1, y1, []string{short, "Alan Hoffman"}},
			{t2, y2, []string{full, "Delbert Fulkerson"}},
		}
	}
	flows := "Maximal flow through a network"
	flows2 := "A suggested computation for maximal network flow"
	tests := []struct {
		name   string
		papers []topicPaper
		a, b   string
		same   bool
	}{
		{"titles alike", append(background(40, ""), ford("L. R. Ford", "Lester R. Ford", 1956, 1958, flows, flows2)...),
			"L. R. Ford", "Lester R. Ford", true},
		{"unrelated titles", append(background(40, ""), ford("L. R. Ford", "Lester R. Ford", 1956, 1958, flows, "Pottery of the Bronze Age")...),
			"L. R. Ford", "Lester R. Ford", false},
		{"frequent surname", append(background(40, ""), ford("L. R. Smith", "Lester R. Smith", 1956, 1958, flows, flows2)...),
			"L. R. Smith", "Lester R. Smith", false},
		{"crowded family name", append(append(background(40, ""), ford("L. R. Ford", "Lester R. Ford", 1956, 1958, flows, flows2)...),
			topicPaper{"Medieval trade routes", 1957, []string{"Henry Ford"}}, topicPaper{"Ocean gyres", 1957, []string{"Gerald Ford"}}),
			"L. R. Ford", "Lester R. Ford", false},
		{"years apart", append(background(40, ""), ford("L. R. Ford", "Lester R. Ford", 1956, 1971, flows, flows2)...),
			"L. R. Ford", "Lester R. Ford", false},
		// Every paper of the library is on network flows: sharing the
		// words says nothing.
		{"one-field library", append(background(40, "Maximal network flow"), ford("L. R. Ford", "Lester R. Ford", 1956, 1958, flows, flows2)...),
			"L. R. Ford", "Lester R. Ford", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why, sim := joined(t, tt.papers, tt.a, tt.b)
			t.Logf("similarity %.3f: %s", sim, why)
			if got != tt.same {
				t.Errorf("%q and %q one person: %v, want %v (title similarity %.3f)", tt.a, tt.b, got, tt.same, sim)
			}
			if got && !strings.Contains(why, "titles alike") {
				t.Errorf("joined on other evidence than the titles: %s", why)
			}
		})
	}
}

func TestStem(t *testing.T) {
	for w, want := range map[string]string{"networks": "network", "studies": "study", "flows": "flow", "process": "process",
		"virus": "virus", "analysis": "analysis", "gas": "gas", "series": "sery"} {
		if got := stem(w); got != want {
			t.Errorf("stem(%q) = %q, want %q", w, got, want)
		}
	}
}

// Two people in different fields whose short titles share one common
// word (held by more than 2% of the papers, so not a rare title word)
// are not "titles alike".
func TestTitleSimilarityOneCommonWord(t *testing.T) {
	var papers []topicPaper
	papers = append(papers, background(100, "")...)
	for i := range 6 {
		papers = append(papers,
			topicPaper{fmt.Sprintf("Networks of trade %d", i), 1960, []string{fmt.Sprintf("Xa%c Yolo", 'a'+i)}},
			topicPaper{fmt.Sprintf("Neural coding %d", i), 1960, []string{fmt.Sprintf("Xb%c Yolo", 'a'+i)}},
			topicPaper{fmt.Sprintf("Social behaviour %d", i), 1960, []string{fmt.Sprintf("Xc%c Yolo", 'a'+i)}},
			topicPaper{"A review of data analysis", 1960, []string{fmt.Sprintf("Xe%c Yolo", 'a'+i)}})
	}
	for _, tt := range []struct{ t1, t2 string }{
		{"Neural networks", "Social networks"},
		{"Networks", "Social networks of medieval guilds"},
		{"Neural networks for speech", "Social networks"},
		{"Data analysis of lichen", "A review of gyres"},
	} {
		ps := append(papers[:len(papers):len(papers)],
			topicPaper{tt.t1, 1990, []string{"L. R. Quorn", "Alan Hoffman"}},
			topicPaper{tt.t2, 1992, []string{"Lester R. Quorn", "Delbert Fulkerson"}})
		got, why, sim := joined(t, ps, "L. R. Quorn", "Lester R. Quorn")
		t.Logf("%q / %q: similarity %.3f, joined %v: %s", tt.t1, tt.t2, sim, got, why)
		if got {
			t.Errorf("%q / %q joined on one common word (similarity %.3f)", tt.t1, tt.t2, sim)
		}
	}
}

// Two sides whose titles are only the library's own field are not alike
// however close the titles (review: "Graph neural networks" heading 58%
// of the titles joined "L. R. Quorn" and "Lester R. Quorn" at 0.27).
func TestTitleSimilarityFieldWords(t *testing.T) {
	var papers []topicPaper
	for i, p := range background(100, "") {
		if i%5 < 3 {
			p.title = "Graph neural networks: " + p.title
		}
		papers = append(papers, p)
	}
	ps := append(papers[:len(papers):len(papers)],
		topicPaper{"Graph neural networks", 1990, []string{"L. R. Quorn", "Alan Hoffman"}},
		topicPaper{"Graph neural networks for traffic", 1992, []string{"Lester R. Quorn", "Delbert Fulkerson"}})
	got, why, sim := joined(t, ps, "L. R. Quorn", "Lester R. Quorn")
	t.Logf("similarity %.3f, joined %v: %s", sim, got, why)
	if got || sim != 0 {
		t.Errorf("joined %v at similarity %.3f on the library's field words alone", got, sim)
	}
}
