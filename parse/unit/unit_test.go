package unit_test

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"coauthor/graph"
	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/identity"
	"coauthor/parse/unit"
)

func TestInstitutionName(t *testing.T) {
	tests := []struct{ in, want, why string }{
		{"Stanford Univ, Dept Chem, Stanford, CA 94305 USA", "Stanford Univ", "names a university"},
		{"Dept Chem, Sch Med, Stanford Univ, Stanford, CA 94305 USA", "Stanford Univ", "names a university"},
		{"Department of Surgery, Department of Clinical Medicine, Hunan Normal University Health Science Center, Hunan, Changsha, China", "Hunan Normal University Health Science Center", "names a university"},
		{"Laboratory of Cell Biology, Center for Cancer Research, National Cancer Institute, Bethesda, Maryland", "National Cancer Institute", "names an institution"},
		{"Max Planck Inst Biol, Dept Mol Biol, Tubingen, Germany", "Max Planck Inst Biol", "names an institution"},
		{"CNRS,INST OPTIQUE,3 BLVD PASTEUR,75015 PARIS,FRANCE", "CNRS", "names an institution"},
		{"Google Inc, Mountain View, CA 94043 USA", "Google Inc", "names an institution"},
		{"All Souls College, Oxford.", "All Souls College", "names an institution"},
		{"CERN, CH-1211 Geneva 23, Switzerland", "CERN", "names an institution"},
		{"Univ Paris 06, Lab Phys Theor, 4 Pl Jussieu, F-75252 Paris, France", "Univ Paris 06", "names a university"},
		{"Department of Oncology Clinical Research, Novartis Pharmaceuticals, Basel, Switzerland", "Novartis Pharmaceuticals", "names an institution"},
		{"Zhejiang Univ, 548 Binwen Rd, Bldg 9, Hangzhou 310053, Peoples R China", "Zhejiang Univ", "names a university"},
		{"LUFTKRIGSSKOLEN,TRONDHEIM MIL 7000,NORWAY", "LUFTKRIGSSKOLEN", "first component"},
		{"a Department of Family Medicine , Maastricht University, MD Maastricht , The Netherlands.", "Maastricht University", "names a university"},
		{"*University of Wollongong, Wollongong, Australia", "University of Wollongong", "names a university"},
		{"Department of Neurosurgery.", "", ""},
		{"Dept Phys, Boston, MA", "", ""}, // a city is no institution
		{"Germany, Berlin", "", ""},
		{"ORNL", "ORNL", "an acronym alone"}, // taken as written, never expanded
		{"DLR.", "DLR", "an acronym alone"},
		{"INM7", "INM7", "an acronym alone"},
		{"USA", "", ""},  // a country
		{"MA", "", ""},   // a US state
		{"imec", "", ""}, // not in capitals: nothing says it is an institution
		{"3M", "", ""},   // one letter
		{"Geschichte", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		got, why, ok := unit.InstitutionName(tt.in)
		if got != tt.want || why != tt.why || ok != (tt.want != "") {
			t.Errorf("InstitutionName(%q) = %q, %q, %v; want %q, %q", tt.in, got, why, ok, tt.want, tt.why)
		}
	}
}

// paper makes a paper whose author i has the affiliations affs[i]
// ("name|ror|country", ror and country optional; "" for none).
func paper(title string, authors []string, affs ...string) *parse.Paper {
	p := &parse.Paper{Title: title, Year: 2020, Authors: authors}
	m := p.EnsureMeta()
	m.Affiliations = make([][]parse.Affiliation, len(authors))
	for i, a := range affs {
		for _, one := range strings.Split(a, "+") {
			if one == "" {
				continue
			}
			f := strings.Split(one+"||", "|")
			m.Affiliations[i] = append(m.Affiliations[i], parse.Affiliation{Name: f[0], ROR: f[1], Country: f[2]})
		}
	}
	return p
}

func institutions(t *testing.T, papers []*parse.Paper, th *identity.Thesaurus) (*corpus.Corpus, *unit.Units) {
	t.Helper()
	c := corpus.New()
	for _, p := range papers {
		if !c.Add(p) {
			t.Fatalf("paper %q not kept", p.Title)
		}
	}
	u, err := unit.Project(context.Background(), c, unit.Institution, unit.Options{Thesaurus: th})
	if err != nil {
		t.Fatal(err)
	}
	return c, u
}

// find returns the unit named name.
func find(t *testing.T, u *unit.Units, name string) unit.Unit {
	t.Helper()
	for _, x := range u.Units {
		if x.Name == name {
			return x
		}
	}
	t.Fatalf("no unit %q in %q", name, u.Names())
	return unit.Unit{}
}

// Institutions merge on evidence only, each merge explained; two ROR ids
// stay two; a name in two countries stays two.
func TestProjectInstitutions(t *testing.T) {
	th, err := identity.ReadThesaurus(strings.NewReader("variant,canonical\nMIT,Massachusetts Institute of Technology\n"), "inst.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, u := institutions(t, []*parse.Paper{
		paper("P1", []string{"A One", "B Two"}, "Univ Basel, Dept Chem, Basel, Switzerland", "University of Basel, Basel, Switzerland"),
		paper("P2", []string{"C Three", "D Four"}, "Univ Georgia, Athens, GA 30602 USA", "University of Georgia, Tbilisi, Georgia"),
		paper("P3", []string{"E Five", "F Six"}, "University of Zurich|02crff812|CH", "ETH Zürich, Zürich"),
		paper("P4", []string{"G Seven", "H Eight"}, "ETH Zurich|05a28rw58|CH", "Univ Zurich, Zurich, Switzerland"),
		paper("P5", []string{"I Nine", "J Ten"}, "Trinity College|02tyrky19|IE", "Trinity College|0009gyw86|US"),
		paper("P6", []string{"K Eleven", "L Twelve"}, "MIT, Cambridge, MA 02139 USA", "Massachusetts Institute of Technology, Cambridge, MA, USA"),
		// Two ROR ids of one name in one country: the plain name joins neither.
		paper("P7", []string{"M 13", "N 14", "O 15"}, "Trinity College|0009gyw86|US", "Trinity College|02aaaaa11|US", "Trinity College, Hartford, CT 06106 USA"),
		// A ROR id in Germany whose other spelling has no country joins no
		// Swiss name of that spelling.
		paper("P8", []string{"P 16", "Q 17", "R 18"}, "Research Foundation Institute|03bbbbb22|DE", "Inst Fdn Res|03bbbbb22|", "Inst Fdn Res, Zurich, Switzerland"),
		paper("P9", []string{"S 19", "T 20"}, "MIT, Cambridge, MA 02139 USA", "MIT, Cambridge, MA 02139 USA"),
	}, th)
	basel := find(t, u, "University of Basel")
	if len(basel.Variants) != 2 || basel.Country != "CH" || len(basel.Reasons) != 1 || !strings.Contains(basel.Reasons[0], "abbreviations written out, both in Switzerland") {
		t.Errorf("Basel: %+v", basel)
	}
	// "Univ Georgia" (US) and "University of Georgia" (GE): two.
	find(t, u, "Univ Georgia")
	find(t, u, "University of Georgia")
	// "ETH Zürich" without a country joins the one "ETH Zurich", by ROR.
	eth := find(t, u, "ETH Zurich")
	if eth.ID != "05a28rw58" || eth.Papers != 2 || len(eth.Reasons) != 1 {
		t.Errorf("ETH: %+v", eth)
	}
	// "Univ Zurich" (CH) joins the ROR's "University of Zurich" (CH).
	if uzh := find(t, u, "University of Zurich"); uzh.ID != "02crff812" || uzh.Papers != 2 {
		t.Errorf("UZH: %+v", uzh)
	}
	// Two ROR ids, one name: two units, named apart by country.
	find(t, u, "Trinity College (IE)")
	for _, name := range []string{"Trinity College (US) (0009gyw86)", "Trinity College (US) (02aaaaa11)", "Trinity College (US)"} {
		if x := find(t, u, name); len(x.Reasons) > 0 || x.Papers != 1 && x.Papers != 2 {
			t.Errorf("%s: %+v", name, x)
		}
	}
	mit := find(t, u, "Massachusetts Institute of Technology")
	if mit.Papers != 2 || len(mit.Variants) != 2 || len(mit.Reasons) != 1 || !strings.Contains(strings.Join(mit.Reasons, ";"), "thesaurus inst.csv:2") {
		t.Errorf("MIT: %+v", mit)
	}
	if x := find(t, u, "Research Foundation Institute"); x.ID != "03bbbbb22" || len(x.Reasons) != 0 || len(x.Variants) != 2 {
		t.Errorf("Research Foundation Institute: %+v", x)
	}
	if x := find(t, u, "Inst Fdn Res"); x.ID != "" || x.Country != "CH" || len(x.Reasons) != 0 {
		t.Errorf("Inst Fdn Res: %+v", x)
	}
	if got, want := len(u.Units), 12; got != want {
		t.Errorf("%d units %q, want %d", got, u.Names(), want)
	}
	if !slices.IsSorted(u.Names()) {
		t.Errorf("names not sorted: %q", u.Names())
	}
}

// Positions without a unit are counted; an author given twice is one
// author, not internal collaboration; two authors of one unit are.
func TestProjectPositions(t *testing.T) {
	c, u := institutions(t, []*parse.Paper{
		// Ann is listed twice: one person, no internal collaboration.
		paper("P1", []string{"Ann Lee", "Ann Lee", "Bo Chen", ""}, "Univ Basel, Basel, Switzerland", "Univ Basel, Basel, Switzerland", "Dept Phys, Boston, MA", ""),
		paper("P2", []string{"Cy Dee", "Di Eng", "Ed Fu"}, "Univ Basel, Basel, Switzerland", "Univ Basel, Basel, Switzerland+Univ Bern, Bern, Switzerland", ""),
	}, nil)
	if c.Len() != 2 {
		t.Fatal(c.Len())
	}
	basel := find(t, u, "Univ Basel")
	if basel.Papers != 2 || basel.Internal != 1 {
		t.Errorf("Univ Basel: %d papers, %d internal; want 2 and 1 (P2 only)", basel.Papers, basel.Internal)
	}
	// Positions: P1 has 2 distinct authors (Ann, Bo), P2 3.
	if u.Positions != 5 || u.WithAffiliation != 4 || u.Mapped != 3 {
		t.Errorf("positions %d, with affiliation %d, mapped %d; want 5, 4, 3", u.Positions, u.WithAffiliation, u.Mapped)
	}
	if u.UnmappedStrings != 1 || u.Unmapped[0] != (unit.Count{Text: "Dept Phys, Boston, MA", Count: 1}) {
		t.Errorf("unmapped %+v", u.Unmapped)
	}
	if got := unitNames(u, 1); !slices.Equal(got, []string{"Univ Basel", "Univ Bern"}) {
		t.Errorf("P2's units %q", got)
	}
}

func unitNames(u *unit.Units, i int) []string {
	var out []string
	for _, x := range u.Authors(i) {
		out = append(out, u.Units[x].Name)
	}
	return out
}

// Under fractional counting each paper with n ≥ 2 units gives each of
// them a strength of 1 (its pairs 1/(n−1) each, n/2 in all), as for
// authors; under full counting each pair 1.
func TestFractionalPerPaper(t *testing.T) {
	c := corpus.New()
	c.Add(paper("P1", []string{"A", "B", "C", "D"}, "X, Paris, France", "Y, Berlin, Germany", "Z, Rome, Italy", "W, Lyon, France"))
	c.Add(paper("P2", []string{"A", "B"}, "X, Paris, France", "Y, Berlin, Germany"))
	c.Add(paper("P3", []string{"A"}, "X, Paris, France"))
	u, err := unit.Project(context.Background(), c, unit.Country, unit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i := 0; i < u.Len(); i++ {
		units := u.Authors(i)
		n := len(units)
		if n < 2 {
			continue
		}
		b := graph.NewBuilder(u.Names(), graph.BuildOptions{Counting: graph.Fractional})
		b.AddPaper(units, 0)
		g, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		sum := 0.0
		for e := int32(0); e < int32(g.M()); e++ {
			sum += g.Edge(e).Weight
		}
		if math.Abs(sum-float64(n)/2) > 1e-12 || g.M() != n*(n-1)/2 {
			t.Errorf("paper %d: %d pairs weigh %g, want %d pairs and %g", i, g.M(), sum, n*(n-1)/2, float64(n)/2)
		}
		for _, x := range units {
			if s := g.Strength(x); math.Abs(s-1) > 1e-12 {
				t.Errorf("paper %d: %s has strength %g, want 1", i, u.Units[x].Name, s)
			}
		}
		checked++
	}
	if checked != 2 {
		t.Errorf("%d papers checked, want 2", checked)
	}
}

func TestSCPMCP(t *testing.T) {
	c := corpus.New()
	p := paper("P1", []string{"A", "B"}, "X, Paris, France", "Y, Berlin, Germany")
	p.Meta.Corresponding = "Y, Berlin, Germany"
	c.Add(p)
	c.Add(paper("P2", []string{"A", "B"}, "X, Paris, France", "X, Lyon, France"))
	c.Add(paper("P3", []string{"A", "B"}, "X, Paris, France", "Z, Rome, Italy"))
	c.Add(paper("P4", []string{"A", "B"}, "", "Z, Rome, Italy")) // first author without a country
	u, err := unit.Project(context.Background(), c, unit.Country, unit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	col, err := unit.SCPMCP(u)
	if err != nil {
		t.Fatal(err)
	}
	want := []unit.CountryPapers{
		{Country: "FR", Name: "France", Papers: 2, SCP: 1, MCP: 1, Ratio: 0.5},
		{Country: "DE", Name: "Germany", Papers: 1, MCP: 1, Ratio: 1, ByCorresponding: 1},
	}
	if !slices.Equal(col.Countries, want) || col.ByCorresponding != 1 || col.ByFirstAuthor != 2 || col.Unattributed != 1 {
		t.Errorf("got %+v", col)
	}
	if _, err := unit.SCPMCP(&unit.Units{Kind: unit.Institution}); err == nil {
		t.Error("SCPMCP of institutions: no error")
	}
}

func ExampleProject() {
	c := corpus.New()
	c.Add(paper("Graphs", []string{"Ann Lee", "Bo Chen", "Cy Dee"},
		"Univ Basel, Dept Chem, Basel, Switzerland", "Peking Univ, Beijing 100871, Peoples R China", "MIT, Cambridge, MA 02139 USA"))
	c.Add(paper("Trees", []string{"Ann Lee", "Di Eng"},
		"University of Basel, Basel, Switzerland", "Harvard Univ, Cambridge, MA 02138 USA"))
	for _, k := range []unit.Kind{unit.Country, unit.Institution} {
		u, _ := unit.Project(context.Background(), c, k, unit.Options{})
		g, err := graph.FromPapers(context.Background(), u.Names(), u, graph.BuildOptions{})
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s: %d nodes, %d edges\n", k, g.N(), g.M())
		for e := int32(0); e < int32(g.M()); e++ {
			ed := g.Edge(e)
			fmt.Printf("  %s — %s: %g\n", g.Node(ed.U).Name, g.Node(ed.V).Name, ed.Weight)
		}
		for _, x := range u.Units {
			for _, r := range x.Reasons {
				fmt.Println("  merged:", r)
			}
		}
	}
	// Output:
	// country: 3 nodes, 3 edges
	//   China — Switzerland: 1
	//   China — United States: 1
	//   Switzerland — United States: 2
	// institution: 4 nodes, 4 edges
	//   Harvard Univ — University of Basel: 1
	//   MIT — Peking Univ: 1
	//   MIT — University of Basel: 1
	//   Peking Univ — University of Basel: 1
	//   merged: "University of Basel" = "Univ Basel": the same with Web of Science abbreviations written out, both in Switzerland
}

func TestProjectCancelled(t *testing.T) {
	c := corpus.New()
	c.Add(paper("P1", []string{"A"}, "X, Paris, France"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := unit.Project(ctx, c, unit.Country, unit.Options{}); err != context.Canceled {
		t.Errorf("cancelled projection: %v", err)
	}
	if _, err := unit.Project(context.Background(), c, unit.Author, unit.Options{}); err == nil {
		t.Error("author units without identity: no error")
	}
	if k, err := unit.ParseKind("institution"); k != unit.Institution || err != nil {
		t.Errorf("ParseKind: %v %v", k, err)
	}
	if _, err := unit.ParseKind("people"); err == nil {
		t.Error("ParseKind(people): no error")
	}
}

// The author unit is the identity resolution's people, unchanged.
func TestProjectAuthors(t *testing.T) {
	c := corpus.New()
	c.Add(paper("P1", []string{"Ann Lee", "Bo Chen"}))
	c.Add(paper("P2", []string{"Ann Lee", "Cy Dee"}))
	id := identity.Resolve(c, identity.Options{})
	u, err := unit.Project(context.Background(), c, unit.Author, unit.Options{Identity: id})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(u.Names(), id.Names()) || u.Positions != 4 || u.Mapped != 4 {
		t.Fatalf("names %q, positions %d, mapped %d", u.Names(), u.Positions, u.Mapped)
	}
	ps := id.Papers(c)
	for i := 0; i < c.Len(); i++ {
		if !slices.Equal(u.Authors(i), ps.Authors(i)) {
			t.Errorf("paper %d: %v, identity %v", i, u.Authors(i), ps.Authors(i))
		}
	}
	if ann := find(t, u, "Ann Lee"); ann.Papers != 2 {
		t.Errorf("Ann Lee: %d papers", ann.Papers)
	}
}

// An institution the source gives by its own id is the institution,
// without a keyword; an acronym alone is one too, marked as such; a
// free-text name without a keyword is none.
func TestProjectNamedInstitutions(t *testing.T) {
	p := paper("P1", []string{"A One", "B Two", "C Three", "D Four"}, "", "ORNL", "Modélisation et Vérification")
	p.Meta.Affiliations[0] = []parse.Affiliation{{Name: "Telefónica", ID: "I1296630153", Country: "ES"}}
	_, u := institutions(t, []*parse.Paper{p}, nil)
	if got := u.Names(); !slices.Equal(got, []string{"ORNL", "Telefónica"}) {
		t.Fatalf("institutions %q, want ORNL and Telefónica", got)
	}
	if tel := find(t, u, "Telefónica"); tel.Acronym || tel.Country != "ES" {
		t.Errorf("Telefónica: %+v", tel)
	}
	if !find(t, u, "ORNL").Acronym {
		t.Error("ORNL is not marked as an acronym")
	}
	if u.Mapped != 2 || u.UnmappedStrings != 1 || u.Unmapped[0].Text != "Modélisation et Vérification" {
		t.Errorf("%d positions mapped, unmapped %+v", u.Mapped, u.Unmapped)
	}
}
