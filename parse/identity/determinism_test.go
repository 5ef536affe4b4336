package identity

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
)

// The cosines that decide a merge are the same bits from run to run:
// their terms are keyed by title-word hashes whose seed, and so whose map
// and sorted order, changes with every resolver. A sum in that order
// differs in its last bits, which may tip a value at a threshold
// (otherField, minTitleSim).
func TestCosinesDeterministic(t *testing.T) {
	// Two groups of papers sharing 60 words of weights over six orders of
	// magnitude: the sum of their products depends on the order of adding.
	rng := rand.New(rand.NewPCG(1, 2))
	vals := make([][2]float64, 60)
	for i := range vals {
		vals[i] = [2]float64{math.Pow(10, 6*rng.Float64()-3), math.Pow(10, 6*rng.Float64()-3)}
	}
	traits := func(perm []int, side int) partTraits {
		t := partTraits{topic: map[uint64]float64{}}
		for _, i := range perm {
			t.topic[uint64(i)*0x9e3779b97f4a7c15] = vals[i][side]
		}
		squares := make([]float64, 0, len(vals))
		for _, v := range t.topic {
			squares = append(squares, v*v)
		}
		t.norm = math.Sqrt(orderedSum(squares))
		return t
	}
	var first float64
	for k := range 200 {
		a, b := traits(rng.Perm(len(vals)), 0), traits(rng.Perm(len(vals)), 1)
		got := a.cosine(b)
		if k == 0 {
			first = got
		} else if got != first {
			t.Fatalf("cosine of the same groups: %v, then %v", first, got)
		}
	}

	// Title similarity: the same bits for every seed of the hashes.
	c := corpus.New()
	var words []string
	for i := range 40 {
		words = append(words, fmt.Sprintf("word%c%c", 'a'+i%26, 'a'+i/26))
	}
	for i := range 40 {
		// Word i on i+1 papers of others: weights ln(N/df) all different.
		for j := 0; j <= i; j++ {
			c.Add(&parse.Paper{Title: fmt.Sprintf("%s filler%c%c", words[i], 'a'+j%26, 'a'+j/26), Year: 2000, Authors: []string{fmt.Sprintf("Other%c%c Person", 'a'+i%26, 'a'+j%26)}})
		}
	}
	for i := 0; i+3 <= len(words); i += 3 {
		c.Add(&parse.Paper{Title: strings.Join(words[i:i+3], " "), Year: 2001, Authors: []string{"D. Quorvath"}})
		c.Add(&parse.Paper{Title: strings.Join(words[i+1:i+3], " ") + " " + words[(i+7)%len(words)], Year: 2002, Authors: []string{"Donald Quorvath"}})
	}
	ia, ib := int32(-1), int32(-1)
	for i, s := range c.Names() {
		switch s {
		case "D. Quorvath":
			ia = int32(i)
		case "Donald Quorvath":
			ib = int32(i)
		}
	}
	var sim float64
	for k := range 30 {
		e := newEvidence(newResolver(c, Options{})) // a new seed each time
		got := e.titleSimilarity(ia, ib)
		if got == 0 {
			t.Fatal("no title similarity: the case does not test the sum")
		}
		if k == 0 {
			sim = got
		} else if got != sim {
			t.Fatalf("title similarity: %v, then %v with another seed", sim, got)
		}
	}
}
