package parquet

import (
	"bytes"
	"io"
	"math"
	"testing"

	pq "github.com/parquet-go/parquet-go"

	"coauthor/graph"
	"coauthor/graph/formats"
)

// works are papers as lists of person ids.
type works struct {
	authors [][]int32
	titles  []string
}

func (w works) Len() int              { return len(w.authors) }
func (w works) Authors(i int) []int32 { return w.authors[i] }
func (w works) Year(i int) int        { return []int{2001, 0, 2003, 2004}[i] }
func (w works) Title(i int) string    { return w.titles[i] }

func table(t *testing.T) *formats.Table {
	ws := works{authors: [][]int32{{0, 1, 2}, {1, 2, 2}, {3}, {0, 3}}, titles: []string{"A", "B", "C", "D"}}
	g, err := graph.FromPapers([]string{"Ann", "Bo", "Cy", "Di"}, ws, graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return &formats.Table{Graph: g, Papers: true, IDs: []string{"orcid:0000-0002-1825-0097", "", "", "x"},
		Columns: []formats.Column{{Name: "papers", Values: []float64{2, 2, 2, 2}, Integer: true}, {Name: "degree", Values: []float64{3, 2, 2, 1}, Integer: true}, {Name: "pagerank", Values: []float64{0.4, 0.2, 0.2, math.NaN()}}},
		Cluster: []int32{0, 0, 0, 1}, Works: ws}
}

func read[T any](t *testing.T, b []byte) []T {
	t.Helper()
	rows, err := pq.Read[T](bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestWrite(t *testing.T) {
	tab := table(t)
	var a, e, s bytes.Buffer
	if err := Write([]io.Writer{&a, &e, &s}, tab); err != nil {
		t.Fatal(err)
	}
	type author struct {
		ID        int32   `parquet:"id"`
		Name      string  `parquet:"name"`
		SourceID  *string `parquet:"source_id,optional"`
		Papers    int64   `parquet:"papers"`
		FirstYear *int32  `parquet:"first_year,optional"`
		LastYear  *int32  `parquet:"last_year,optional"`
		Degree    int64   `parquet:"degree"`
		PageRank  float64 `parquet:"pagerank"`
		Cluster   int32   `parquet:"cluster"`
	}
	authors := read[author](t, a.Bytes())
	if len(authors) != 4 || authors[0].Name != "Ann" || *authors[0].SourceID != "orcid:0000-0002-1825-0097" || authors[1].SourceID != nil ||
		authors[0].Papers != 2 || *authors[0].FirstYear != 2001 || *authors[0].LastYear != 2004 || authors[1].FirstYear == nil || *authors[1].FirstYear != 2001 ||
		authors[0].Degree != 3 || authors[0].PageRank != 0.4 || !math.IsNaN(authors[3].PageRank) || authors[3].Cluster != 1 {
		t.Errorf("authors %+v", authors)
	}
	edges := read[Edge](t, e.Bytes())
	if len(edges) != tab.Graph.M() {
		t.Fatalf("%d edges", len(edges))
	}
	for i, ed := range edges {
		g := tab.Graph.Edge(int32(i))
		if ed.Source >= ed.Target || ed.Source != g.U || ed.Target != g.V || ed.Weight != g.Weight || ed.Papers != int64(g.Papers) {
			t.Errorf("edge %d: %+v, graph %+v", i, ed, g)
		}
	}
	ships := read[Authorship](t, s.Bytes())
	// 3 + 2 (Cy twice on B counts once) + 1 + 2.
	if len(ships) != 8 || ships[3].Paper != 1 || ships[3].Title != "B" || ships[3].Year != nil || ships[4].Position != 1 || ships[4].Authors != 2 || *ships[0].Year != 2001 {
		t.Errorf("authorships %+v", ships)
	}
	// Without papers, two files.
	tab.Works = nil
	if len(Files(tab)) != 2 || Write([]io.Writer{&a, &e}, tab) != nil {
		t.Error("two-file write")
	}
}

func TestReadGraph(t *testing.T) {
	tab := table(t)
	var e bytes.Buffer
	if err := WriteEdges(&e, tab.Graph); err != nil {
		t.Fatal(err)
	}
	g, err := ReadGraph(&e, "edges.parquet")
	if err != nil {
		t.Fatal(err)
	}
	if g.M() != tab.Graph.M() || g.N() != 4 {
		t.Fatalf("read %d nodes, %d edges", g.N(), g.M())
	}
	var total, want float64
	for i := range int32(g.M()) {
		total += g.Edge(i).Weight
		want += tab.Graph.Edge(i).Weight
	}
	if total != want {
		t.Errorf("weights %v, want %v", total, want)
	}
	if _, err := ReadGraph(bytes.NewReader([]byte("not parquet")), "x.parquet"); err == nil {
		t.Error("read a file that is not Parquet")
	}
	// A table without source and target.
	var a bytes.Buffer
	if err := WriteAuthors(&a, tab); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadGraph(&a, "authors.parquet"); err == nil {
		t.Error("read authors.parquet as an edge table")
	}
}
