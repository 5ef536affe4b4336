package identity_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/identity"
)

// variantCorpus returns papers of a synthetic library without author ids
// in which each person is written in several ways: in full, with initials,
// with a nickname, without a middle initial, without diacritics, now and
// then with a typo; people work in labs of about 20, and family names
// follow a Zipf law, so that common ones are crowded.
func variantCorpus(papers int, seed uint64) []*parse.Paper {
	rng := rand.New(rand.NewPCG(seed, 7))
	firsts := []string{"John", "Thomas", "William", "Robert", "Samuel", "Alexander", "Maria", "Anna", "Jürgen", "José", "Wei", "Jing",
		"Hiroshi", "Priya", "Olga", "Pierre", "Søren", "Fatima", "Jing-Kai", "Zhi-Min", "Hans-Werner", "Elizabeth", "Christopher", "Daniel"}
	families := []string{"Wang", "Li", "Smith", "Müller", "García", "Kim", "Nguyen", "Schmidt", "Rossi", "Kowalski", "Tanaka", "Dubois"}
	for i := 0; i < 4000; i++ {
		families = append(families, fmt.Sprintf("%s%s%s", []string{"Ber", "Cal", "Dor", "Fen", "Gra", "Hol", "Kar", "Lin"}[i%8],
			[]string{"ga", "mo", "ri", "sto", "ve", "lu"}[i/8%6], []string{"n", "s", "ck", "ler", "ez", "ov", "sen", "tti"}[i/48%8]))
	}
	zipf := rand.NewZipf(rng, 1.1, 1, uint64(len(families)-1))
	type person struct{ first, middle, family string }
	people := make([]person, papers/2)
	for i := range people {
		people[i] = person{firsts[rng.IntN(len(firsts))], string(rune('A' + rng.IntN(26))), families[zipf.Uint64()]}
	}
	nick := map[string]string{"Thomas": "Tom", "William": "Bill", "Robert": "Bob", "Samuel": "Sam", "Alexander": "Alex", "Elizabeth": "Liz", "Christopher": "Chris", "Daniel": "Dan"}
	write := func(p person) string {
		switch r := rng.IntN(20); {
		case r < 10:
			return p.first + " " + p.middle + ". " + p.family
		case r < 13:
			return p.first + " " + p.family
		case r < 16:
			return p.first[:1] + ". " + p.middle + ". " + p.family
		case r < 17 && nick[p.first] != "":
			return nick[p.first] + " " + p.family
		case r < 18:
			return strings.NewReplacer("ü", "ue", "é", "e", "ø", "o", "í", "i").Replace(p.first + " " + p.family)
		case r < 19 && len(p.family) > 6:
			return p.first + " " + p.family[:3] + p.family[4:] // a typo
		}
		return p.family + ", " + p.first
	}
	out := make([]*parse.Paper, papers)
	for i := range out {
		lab := rng.IntN(len(people)/20) * 20
		p := &parse.Paper{Title: fmt.Sprintf("Paper %d on topic %d", i, lab), Year: 1990 + rng.IntN(35)}
		for range 1 + rng.IntN(5) {
			p.Authors = append(p.Authors, write(people[min(len(people)-1, lab+rng.IntN(20))]))
		}
		out[i] = p
	}
	return out
}

// BenchmarkResolve100k resolves a 100,000-paper library without author
// ids (the goal: under 5 s).
func BenchmarkResolve100k(b *testing.B) {
	resolveBench(b, variantCorpus(100000, 1))
}

// resolveBench resolves the papers b.N times and reports the CPU time of
// one resolution (the machine may be shared; wall time is ns/op).
func resolveBench(b *testing.B, papers []*parse.Paper) {
	c := corpus.New()
	for _, p := range papers {
		c.Add(p)
	}
	b.ResetTimer()
	start := cpuTime()
	var id *identity.Identity
	for b.Loop() {
		id = identity.Resolve(c, identity.Options{})
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(len(c.Names())), "spellings")
	b.ReportMetric(float64(len(id.People)), "people")
}

// BenchmarkResolveCrowded: 60,000 authors sharing one family name, with
// initials and full names (a crowded block, compared by shared co-author).
func BenchmarkResolveCrowded(b *testing.B) {
	rng := rand.New(rand.NewPCG(2, 3))
	var papers []*parse.Paper
	for i := 0; i < 60000; i++ {
		first := fmt.Sprintf("%c%s", 'A'+rune(i%26), strings.Repeat("a", 1+i/26%7)) + fmt.Sprint(i/182)
		papers = append(papers, &parse.Paper{Title: fmt.Sprint("p", i), Year: 2000,
			Authors: []string{first + " Wang", first[:1] + ". Wang", fmt.Sprint("Co ", rng.IntN(5000), " Author")}})
	}
	resolveBench(b, papers)
}

// BenchmarkResolveNearSurnames: 3,000 family names one letter apart from
// each other, each with one given name (rule 3's worst case).
func BenchmarkResolveNearSurnames(b *testing.B) {
	var papers []*parse.Paper
	for i := 0; i < 3000; i++ {
		family := "Lukosiute" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676%26))
		papers = append(papers, &parse.Paper{Title: fmt.Sprint("p", i), Authors: []string{"Kamile " + family, "Ann Lee"}})
	}
	resolveBench(b, papers)
}
