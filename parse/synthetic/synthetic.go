// Package synthetic writes synthetic corpora shaped like DBLP, for
// benchmarks and tests: about 0.48 authors per paper with heavy-tailed
// productivity, authors grouped in labs, team sizes with mean about 3.5 and
// a long tail (1 paper in 100,000 by 100 to 3,000 authors), names from
// Zipf-distributed first and family names (with accented letters) so that
// names collide, homonyms numbered as DBLP does ("Wei Wang 0002"), years
// 1970 to 2025, person pages (<www>) for half of the authors. The same
// seed gives the same bytes.
package synthetic

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// Generator holds the synthetic population.
type Generator struct {
	rng    *rand.Rand
	papers int
	seed   uint64
	names  []string  // DBLP names, with homonym numbers
	weight []float64 // productivity
	lab    []int32   // lab of each author
	labs   [][]int32 // members of each lab
	alias  aliasTable
}

const (
	genAuthorsPerPaper = 0.48
	genLabSize         = 30
)

// New returns the generator of a corpus of papers papers.
func New(papers int, seed uint64) *Generator {
	g := &Generator{rng: rand.New(rand.NewPCG(seed, 0x636f61757468)), papers: papers, seed: seed}
	n := max(2, int(float64(papers)*genAuthorsPerPaper))
	g.weight = make([]float64, n)
	for i := range g.weight {
		// Pareto productivity, α = 2.2: most authors appear once or twice,
		// the most productive in a few thousand papers of 7.5 million.
		g.weight[i] = math.Pow(1-g.rng.Float64(), -1/2.2)
	}
	g.alias = newAlias(g.weight)
	g.lab = make([]int32, n)
	g.labs = make([][]int32, (n+genLabSize-1)/genLabSize)
	for i := range g.lab {
		l := int32(g.rng.IntN(len(g.labs)))
		g.lab[i] = l
		g.labs[l] = append(g.labs[l], int32(i))
	}
	g.names = genNames(g.rng, n)
	return g
}

// genNames draws n names from Zipf-distributed first and family names and
// numbers homonyms as DBLP does: the first holder plain, the others 0002,
// 0003, ... (and the first renamed 0001 once a second appears).
func genNames(rng *rand.Rand, n int) []string {
	first := newZipf(len(genFirst), 1.1)
	family := newZipf(len(genFamily), 1.05)
	names := make([]string, n)
	count := make(map[string]int, n)
	firstHolder := make(map[string]int, n)
	for i := range names {
		base := genFirst[first.draw(rng)]
		if rng.IntN(4) == 0 { // a middle initial
			base += " " + string(rune('A'+rng.IntN(26))) + "."
		}
		base += " " + genFamily[family.draw(rng)]
		if rng.IntN(8) == 0 { // double-barrelled family names
			base += "-" + genFamily[rng.IntN(len(genFamily))]
		}
		count[base]++
		switch c := count[base]; c {
		case 1:
			names[i] = base
			firstHolder[base] = i
		case 2:
			names[firstHolder[base]] = base + " 0001"
			fallthrough
		default:
			names[i] = fmt.Sprintf("%s %04d", base, c)
		}
	}
	return names
}

// teamSize draws the number of authors of a paper: 1 + a negative
// binomial with mean 2.5 for most, and 1 in 100,000 a collaboration of 100
// to 3,000 (Pareto, α = 1.5; 75 such papers in 7.5 million, with about 6
// million co-author pairs between them).
func (g *Generator) teamSize() int {
	if g.rng.IntN(100000) == 0 {
		return min(3000, int(100*math.Pow(1-g.rng.Float64(), -1/1.5)))
	}
	// Negative binomial as a gamma-Poisson mixture, shape 2.
	lambda := 2.5 * (g.rng.ExpFloat64() + g.rng.ExpFloat64()) / 2
	return 1 + poisson(g.rng, lambda)
}

func poisson(rng *rand.Rand, lambda float64) int {
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// team returns the authors of one paper: a lead drawn by productivity,
// then co-authors from the lead's lab (80%) or anyone by productivity.
func (g *Generator) team(buf []int32) []int32 {
	k := min(g.teamSize(), len(g.names))
	buf = buf[:0]
	lead := int32(g.alias.draw(g.rng))
	buf = append(buf, lead)
	lab := g.labs[g.lab[lead]]
	for tries := 0; len(buf) < k && tries < 20*k; tries++ {
		var a int32
		if k <= 50 && g.rng.IntN(5) != 0 {
			a = lab[g.rng.IntN(len(lab))]
		} else {
			a = int32(g.alias.draw(g.rng))
		}
		if !slices.Contains(buf[:min(len(buf), 64)], a) || k > 64 && !slices.Contains(buf, a) {
			buf = append(buf, a)
		}
	}
	return buf
}

// year draws a year in 1970–2025, the number of papers growing 7% a year.
func (g *Generator) year() int {
	const growth = 0.07
	u := g.rng.Float64()
	span := math.Exp(growth*55) - 1
	return 1970 + int(math.Log(1+u*span)/growth)
}

func (g *Generator) title(b []byte) []byte {
	k := 4 + g.rng.IntN(7)
	for i := 0; i < k; i++ {
		w := genWords[g.rng.IntN(len(genWords))]
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return append(b, '.')
}

// writeDBLP writes the corpus as dblp.xml does: ISO-8859-1, entities for
// the letters beyond ASCII, a <www> person page for half of the authors.
// WriteDBLP writes the corpus in dblp.xml's form (ISO-8859-1, HTML
// entities, DOCTYPE); progress, when not nil, is called after each paper
// with the bytes written for it.
func (g *Generator) WriteDBLP(w *bufio.Writer, progress func(bytes int)) error {
	w.WriteString("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<dblp>\n")
	var team []int32
	var buf []byte
	venues := []string{"journals/tcs", "journals/jacm", "conf/icml", "conf/nips", "journals/pami", "conf/sigmod", "conf/stoc", "journals/bioinformatics"}
	www := 0
	// Venues, pages and the like come from a generator of their own, so
	// that both formats hold the same papers.
	deco := rand.New(rand.NewPCG(g.seed, 0x6465636f))
	for i := 0; i < g.papers; i++ {
		team = g.team(team)
		venue := venues[deco.IntN(len(venues))]
		kind, where := "article", "journal"
		if strings.HasPrefix(venue, "conf/") {
			kind, where = "inproceedings", "booktitle"
		}
		year := g.year()
		title := g.title(nil)
		buf = buf[:0]
		buf = fmt.Appendf(buf, "<%s mdate=\"20%02d-%02d-%02d\" key=\"%s/P%d\">\n", kind, 10+deco.IntN(15), 1+deco.IntN(12), 1+deco.IntN(28), venue, i)
		for _, a := range team {
			buf = append(buf, "<author>"...)
			buf = appendLatin1(buf, g.names[a])
			buf = append(buf, "</author>\n"...)
		}
		buf = append(buf, "<title>"...)
		buf = append(buf, title...)
		buf = fmt.Appendf(buf, "</title>\n<pages>%d-%d</pages>\n<year>%d</year>\n<%s>%s</%s>\n",
			1+deco.IntN(500), 501+deco.IntN(500), year, where, strings.ToUpper(venue[strings.IndexByte(venue, '/')+1:]), where)
		short := venue[strings.IndexByte(venue, '/')+1:]
		if kind == "article" {
			buf = fmt.Appendf(buf, "<volume>%d</volume>\n<number>%d</number>\n", year-1960, 1+deco.IntN(12))
		} else {
			buf = fmt.Appendf(buf, "<crossref>%s/%d</crossref>\n", venue, year)
		}
		buf = fmt.Appendf(buf, "<ee>https://doi.org/10.1000/%s.%d.%d</ee>\n<ee type=\"oa\">https://arxiv.org/abs/%02d%02d.%05d</ee>\n<url>db/%s/%s%d.html#P%d</url>\n</%s>\n",
			short, year, i, year%100, 1+deco.IntN(12), deco.IntN(100000), venue, short, year, i, kind)
		// Person pages, as dblp.xml interleaves them with the papers.
		for ; www < len(g.names) && int64(www)*int64(g.papers) < int64(i+1)*int64(len(g.names)); www += 2 {
			buf = fmt.Appendf(buf, "<www mdate=\"2020-01-01\" key=\"homepages/%d\">\n<author>", www)
			buf = appendLatin1(buf, g.names[www])
			buf = fmt.Appendf(buf, "</author>\n<title>Home Page</title>\n<url>https://orcid.org/0000-000%d-%04d-%04d</url>\n<note type=\"affiliation\">University %d</note>\n</www>\n",
				deco.IntN(4), deco.IntN(10000), deco.IntN(10000), g.lab[www])
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
		if progress != nil {
			progress(len(buf))
		}
	}
	_, err := w.WriteString("</dblp>\n")
	return err
}

// appendLatin1 appends s in ISO-8859-1 with an entity for each letter
// beyond ASCII, as dblp.xml writes them.
func appendLatin1(b []byte, s string) []byte {
	for _, r := range s {
		if r < 0x80 {
			b = append(b, byte(r))
		} else if name, ok := latin1Entity[r]; ok {
			b = append(append(append(b, '&'), name...), ';')
		} else {
			b = append(b, "&#"+strconv.Itoa(int(r))+";"...)
		}
	}
	return b
}

var latin1Entity = map[rune]string{'ü': "uuml", 'ö': "ouml", 'ä': "auml", 'é': "eacute", 'è': "egrave", 'á': "aacute", 'í': "iacute",
	'ó': "oacute", 'ç': "ccedil", 'ñ': "ntilde", 'ø': "oslash", 'å': "aring", 'Ö': "Ouml", 'Ü': "Uuml", 'É': "Eacute", 'ß': "szlig", 'ã': "atilde"}

// WriteJSONL writes the corpus as JSON Lines {"title", "year",
// "authors": [{"name", "id"}]}, the DBLP name (with its homonym number) as
// the id; progress as in WriteDBLP.
func (g *Generator) WriteJSONL(w *bufio.Writer, progress func(bytes int)) error {
	type author struct {
		Name string `json:"name"`
		ID   string `json:"id"`
	}
	type record struct {
		Title   string   `json:"title"`
		Year    int      `json:"year"`
		Authors []author `json:"authors"`
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var team []int32
	var title []byte
	for i := 0; i < g.papers; i++ {
		team = g.team(team)
		rec := record{Year: g.year()}
		title = g.title(title[:0]) // in writeDBLP's order: team, year, title
		rec.Title = string(title)
		for _, a := range team {
			name := g.names[a]
			display := name
			if j := strings.LastIndexByte(name, ' '); j > 0 && len(name)-j == 5 && name[j+1] == '0' {
				display = name[:j]
			}
			rec.Authors = append(rec.Authors, author{display, "dblp:" + name})
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
		if progress != nil {
			progress(0)
		}
	}
	return nil
}

// aliasTable draws indexes in proportion to weights in O(1) (Vose).
type aliasTable struct {
	prob  []float64
	alias []int32
}

func newAlias(w []float64) aliasTable {
	n := len(w)
	total := 0.0
	for _, x := range w {
		total += x
	}
	t := aliasTable{prob: make([]float64, n), alias: make([]int32, n)}
	scaled := make([]float64, n)
	var small, large []int32
	for i, x := range w {
		scaled[i] = x * float64(n) / total
		if scaled[i] < 1 {
			small = append(small, int32(i))
		} else {
			large = append(large, int32(i))
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		t.prob[s], t.alias[s] = scaled[s], l
		scaled[l] -= 1 - scaled[s]
		if scaled[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range append(small, large...) {
		t.prob[i], t.alias[i] = 1, i
	}
	return t
}

func (t aliasTable) draw(rng *rand.Rand) int {
	i := rng.IntN(len(t.prob))
	if rng.Float64() < t.prob[i] {
		return i
	}
	return int(t.alias[i])
}

// zipf draws ranks 0..n-1 with P(k) ∝ 1/(k+1)^s.
type zipf struct{ cdf []float64 }

func newZipf(n int, s float64) zipf {
	z := zipf{cdf: make([]float64, n)}
	total := 0.0
	for k := range z.cdf {
		total += 1 / math.Pow(float64(k+1), s)
		z.cdf[k] = total
	}
	for k := range z.cdf {
		z.cdf[k] /= total
	}
	return z
}

func (z zipf) draw(rng *rand.Rand) int {
	i, _ := slices.BinarySearch(z.cdf, rng.Float64())
	return min(i, len(z.cdf)-1)
}

// Authors returns the number of authors in the population.
func (g *Generator) Authors() int { return len(g.names) }
