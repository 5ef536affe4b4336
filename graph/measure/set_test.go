package measure

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"coauthor/graph"
	"coauthor/graph/internal/testnet"
)

// Every measure but papers on karate and lesmis equals networkx 2.8.8's
// (graph/testdata/reference/NAME.csv, made by make_reference.py there:
// degree, strength, betweenness, betweenness with length 1/weight,
// closeness, harmonic, weighted eigenvector and PageRank, core number,
// clustering), to 1e-9 relative; each is computed once (Step called once,
// the second Get from the cache), and exact betweenness searches from
// every author.
func TestGetMatchesNetworkx(t *testing.T) {
	for _, name := range []string{"karate.txt", "lesmis.gml"} {
		g := testnet.Load(t, name)
		ref := testnet.LoadReference(t, name)
		byName := make(map[string]int, len(ref.Names))
		for i, n := range ref.Names {
			byName[n] = i
		}
		steps := map[string]int{}
		s := newSet(t, g, Options{NoPapers: true, Step: func(m string) func() {
			steps[m]++
			return func() {}
		}})
		if s.Graph() != g {
			t.Error("Graph() is not the set's graph")
		}
		for _, m := range Names[1:] {
			got, err := s.Get(m)
			if err != nil {
				t.Fatalf("%s %s: %v", name, m, err)
			}
			want := ref.Columns[m]
			if len(got) != g.N() || len(want) != g.N() {
				t.Fatalf("%s %s: %d values, networkx %d, %d nodes", name, m, len(got), len(want), g.N())
			}
			for v := range got {
				w := want[byName[g.Node(int32(v)).Name]]
				if math.Abs(got[v]-w) > 1e-9*max(1, math.Abs(w)) {
					t.Errorf("%s %s of %s: %.12g, networkx %.12g", name, m, g.Node(int32(v)).Name, got[v], w)
				}
			}
			again, _ := s.Get(m)
			if &again[0] != &got[0] || steps[m] != 1 {
				t.Errorf("%s %s: computed %d times", name, m, steps[m])
			}
			if s.StdErr(m) != nil || s.Note(m) != "" {
				t.Errorf("%s %s: exact, but stderr %v, note %q", name, m, s.StdErr(m), s.Note(m))
			}
		}
		for _, m := range []string{"betweenness", "betweenness_weighted"} {
			if got := s.Samples(m); got != g.N() {
				t.Errorf("%s %s: %d searches, want one per author (%d)", name, m, got, g.N())
			}
		}
		if got := s.Samples("degree"); got != 0 {
			t.Errorf("Samples(degree) = %d", got)
		}
		if e := s.Estimates(); len(e) != 0 {
			t.Errorf("estimates of exact measures: %v", e)
		}
	}
}

// papers counts each author's papers; a graph read from a graph file has
// none (ErrNoPapers). All returns the measures in the order asked and
// stops at the first error.
func TestPapersAndAll(t *testing.T) {
	b := graph.NewBuilder([]string{"Ann", "Bob", "Cy"}, graph.BuildOptions{})
	b.AddPaper([]int32{0, 1}, 2001)
	b.AddPaper([]int32{0, 1, 2}, 2002)
	b.AddPaper([]int32{0}, 2003)
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	vals, err := newSet(t, g, Options{}).All([]string{"papers", "degree"})
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]float64{{3, 2, 1}, {2, 2, 2}}; !slices.EqualFunc(vals, want, slices.Equal) {
		t.Errorf("papers, degree = %v, want %v", vals, want)
	}
	if _, err := newSet(t, g, Options{NoPapers: true}).Get("papers"); !errors.Is(err, ErrNoPapers) {
		t.Errorf("papers of a graph file: %v, want ErrNoPapers", err)
	}
	if _, err := newSet(t, g, Options{NoPapers: true}).All([]string{"degree", "papers", "core"}); !errors.Is(err, ErrNoPapers) {
		t.Errorf("All: %v, want ErrNoPapers", err)
	}
	if _, err := newSet(t, g, Options{}).Get("fame"); err == nil || !strings.Contains(err.Error(), `unknown measure "fame"`) {
		t.Errorf("Get(fame): %v", err)
	}
}

// With Samples, betweenness, closeness and harmonic are estimated from
// that many sources, with a standard error per author, reported by
// Estimates and Note; the other measures stay exact. Sources says so
// beforehand.
func TestSampled(t *testing.T) {
	g := testnet.Load(t, "lesmis.gml")
	n := g.N()
	opt := Options{NoPapers: true, Samples: 20, Seed: 3}
	for _, tt := range []struct {
		name      string
		opt       Options
		k         int
		estimated bool
	}{
		{"betweenness", opt, 20, true},
		{"harmonic", opt, 20, true},
		{"closeness", Options{Samples: n}, n, false},
		{"betweenness_weighted", Options{}, n, false}, // within graph.WorkBudget
		{"pagerank", opt, n, false},
	} {
		if k, est := Sources(g, tt.name, tt.opt); k != tt.k || est != tt.estimated {
			t.Errorf("Sources(%s, samples %d) = %d, %v; want %d, %v", tt.name, tt.opt.Samples, k, est, tt.k, tt.estimated)
		}
	}
	s := newSet(t, g, opt)
	for _, m := range []string{"betweenness", "closeness", "harmonic", "degree"} {
		v, err := s.Get(m)
		if err != nil || len(v) != n {
			t.Fatalf("%s: %d values, %v", m, len(v), err)
		}
	}
	est := s.Estimates()
	if len(est) != 3 {
		t.Fatalf("estimates %v, want betweenness, closeness, harmonic", est)
	}
	for _, m := range []string{"betweenness", "closeness", "harmonic"} {
		e := est[m]
		se := s.StdErr(m)
		if e.Sources != 20 || e.Of != n || len(se) != n || e.MaxStdErr != slices.Max(se) || e.MaxStdErr <= 0 {
			t.Errorf("%s: estimate %+v, %d standard errors", m, e, len(se))
		}
		if note := s.Note(m); !strings.HasPrefix(note, m+" estimated from 20 of 77 source authors; standard error up to ") {
			t.Errorf("%s: note %q", m, note)
		}
	}
	if got := s.Samples("betweenness"); got != 20 {
		t.Errorf("betweenness from %d sources, want 20", got)
	}
	// With Epsilon the note gives the guarantee instead.
	eps := newSet(t, g, Options{NoPapers: true, Epsilon: 0.05, Seed: 1})
	if _, err := eps.Get("betweenness"); err != nil {
		t.Fatal(err)
	}
	if note := eps.Note("betweenness"); !strings.Contains(note, "sampled shortest paths: every value within 0.05 of the exact one with probability 0.9") {
		t.Errorf("epsilon note %q", note)
	}
}

// A canceled context stops every long measure with its error, and
// nothing is cached.
func TestGetCanceled(t *testing.T) {
	g := testnet.Load(t, "netscience.gml")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := newSet(t, g, Options{Context: ctx})
	for _, m := range []string{"betweenness", "closeness", "harmonic", "eigenvector", "pagerank"} {
		if v, err := s.Get(m); !errors.Is(err, context.Canceled) || v != nil {
			t.Errorf("%s: %d values, error %v; want context.Canceled", m, len(v), err)
		}
	}
	sampled := newSet(t, g, Options{Context: ctx, Samples: 10})
	if _, err := sampled.Get("closeness"); !errors.Is(err, context.Canceled) {
		t.Errorf("sampled closeness: %v", err)
	}
}

// Top orders by value, highest first, ties by name, NaN last, and keeps
// at most top nodes.
func TestTop(t *testing.T) {
	b := graph.NewBuilder([]string{"Eve", "Dan", "Cy", "Bob", "Ann"}, graph.BuildOptions{})
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	values := []float64{1, 3, math.NaN(), 3, 2}
	names := func(order []int32) string {
		var out []string
		for _, v := range order {
			out = append(out, g.Node(v).Name)
		}
		return strings.Join(out, " ")
	}
	for _, tt := range []struct {
		top  int
		want string
	}{
		{0, "Bob Dan Ann Eve Cy"},
		{5, "Bob Dan Ann Eve Cy"},
		{9, "Bob Dan Ann Eve Cy"},
		{3, "Bob Dan Ann"},
		{1, "Bob"},
	} {
		if got := names(Top(g, values, tt.top)); got != tt.want {
			t.Errorf("Top %d: %s, want %s", tt.top, got, tt.want)
		}
	}
}

func TestNamesAndFormat(t *testing.T) {
	for _, m := range Names {
		if err := Check(m); err != nil {
			t.Errorf("Check(%s): %v", m, err)
		}
		if !strings.Contains(Help, "\n\t"+m+" ") {
			t.Errorf("Help does not document %s", m)
		}
	}
	if err := Check("fame"); err == nil || !strings.Contains(err.Error(), "papers, degree, strength") {
		t.Errorf("Check(fame): %v", err)
	}
	got, err := ParseList(" degree,pagerank,,degree , core")
	if want := []string{"degree", "pagerank", "core"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("ParseList: %v, %v; want %v", got, err, want)
	}
	if _, err := ParseList("degree,fame"); err == nil {
		t.Error("ParseList accepted fame")
	}
	for m, want := range map[string]bool{"papers": true, "degree": true, "core": true, "strength": false, "pagerank": false} {
		if Integer(m) != want {
			t.Errorf("Integer(%s) = %v", m, !want)
		}
	}
	for x, want := range map[float64]string{3: "3", -2: "-2", 0.123456: "0.1235", 12345.678: "1.235e+04", 1e16: "1e+16", math.NaN(): "NaN"} {
		if got := Format(x); got != want {
			t.Errorf("Format(%v) = %s, want %s", x, got, want)
		}
	}
}

// Columns: a table shows -by then papers, degree, strength; JSON and CSV
// every measure in the order of Names, -by included; a graph file has no
// papers.
func TestColumns(t *testing.T) {
	for _, tt := range []struct {
		columns         []string
		by              string
		table, graphRun bool
		want            string
	}{
		{nil, "pagerank", true, false, "pagerank papers degree strength"},
		{nil, "degree", true, false, "degree papers strength"},
		{nil, "degree", true, true, "degree strength"},
		{nil, "papers", false, false, strings.Join(Names, " ")},
		{nil, "degree", false, true, strings.Join(Names[1:], " ")},
		{[]string{"core", "degree"}, "pagerank", false, false, "degree pagerank core"},
		{[]string{"core", "degree"}, "pagerank", true, false, "pagerank core degree"},
	} {
		if got := strings.Join(Columns(tt.columns, tt.by, tt.table, tt.graphRun), " "); got != tt.want {
			t.Errorf("Columns(%v, %s, table %v, graph file %v) = %s, want %s", tt.columns, tt.by, tt.table, tt.graphRun, got, tt.want)
		}
	}
}

// newSet is NewSet for options that are valid.
func newSet(t *testing.T, g *graph.Graph, opt Options) *Set {
	t.Helper()
	s, err := NewSet(g, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
