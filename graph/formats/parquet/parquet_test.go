package parquet

import (
	"bytes"
	"context"
	"io"
	"math"
	"slices"
	"testing"

	pq "github.com/parquet-go/parquet-go"

	"coauthor/graph"
	"coauthor/graph/formats"
)

// works are papers as lists of person ids.
type works struct {
	authors [][]int32
	titles  []string
	records []*formats.WorkRecord
}

func (w works) IDKinds() []string { return []string{"doi", "arxiv", "pmid", "openalex", "eid"} }

func (w works) Record(i int) *formats.WorkRecord {
	if w.records == nil {
		return nil
	}
	return w.records[i]
}

func (w works) Len() int              { return len(w.authors) }
func (w works) Authors(i int) []int32 { return w.authors[i] }
func (w works) Year(i int) int        { return []int{2001, 0, 2003, 2004}[i] }
func (w works) Title(i int) string    { return w.titles[i] }

func table(t *testing.T) *formats.Table {
	ws := works{authors: [][]int32{{0, 1, 2}, {1, 2, 2}, {3}, {0, 3}}, titles: []string{"A", "B", "C", "D"},
		records: []*formats.WorkRecord{
			{IDs: [][2]string{{"doi", "10.1000/a1"}, {"openalex", "W1"}, {"eid", "2-s2.0-1"}}, Venue: "J. Tests", ISSN: []string{"1234-5678"}, Type: "article",
				URL: "https://example.org/a", Link: "https://doi.org/10.1000/a1", Language: "en", Citations: 7, CitationsSource: "openalex", HasCitations: true,
				Keywords: []string{"graphs"}, IndexKeywords: []string{"Networks", "Graphs"},
				Affiliations: [][]formats.Affiliation{{{Name: "Uni A", ROR: "05dxps055", Country: "DE"}}, nil, {{Name: "Uni B", Country: "FR"}, {Name: "Uni C", Country: "FR"}}}},
			// Cy (2) twice on B: the affiliations of both places go to her one row.
			{Affiliations: [][]formats.Affiliation{nil, {{Name: "Uni B"}}, {{Name: "Uni C", ROR: "0abcdef12"}}}},
			nil,
			{Venue: "Proc. X"},
		}}
	g, err := graph.FromPapers(context.Background(), []string{"Ann", "Bo", "Cy", "Di"}, ws, graph.BuildOptions{})
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
	var a, e, s, w bytes.Buffer
	if err := Write([]io.Writer{&a, &e, &s, &w}, tab); err != nil {
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
		authors[0].Degree != 3 || authors[0].PageRank != 0.4 || !math.IsNaN(authors[3].PageRank) || authors[0].Cluster != 1 || authors[3].Cluster != 2 {
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
	for _, r := range ships {
		if r.Paper == 0 && r.Position == 2 && !slices.Equal(r.Affiliations, []string{"Uni B", "Uni C"}) || r.Paper == 0 && r.Position == 2 && !slices.Equal(r.Countries, []string{"FR"}) ||
			r.Paper == 0 && r.Position == 0 && (!slices.Equal(r.RORs, []string{"05dxps055"}) || !slices.Equal(r.Countries, []string{"DE"})) ||
			r.Paper == 0 && r.Position == 1 && (len(r.Affiliations) != 0 || len(r.RORs) != 0 || len(r.Countries) != 0) ||
			r.Paper == 1 && r.Position == 1 && (!slices.Equal(r.Affiliations, []string{"Uni B", "Uni C"}) || !slices.Equal(r.RORs, []string{"0abcdef12"}) || len(r.Countries) != 0) ||
			r.Paper >= 2 && len(r.Affiliations)+len(r.RORs)+len(r.Countries) != 0 {
			t.Errorf("authorship affiliations %+v", r)
		}
	}
	// work is a row of works.parquet with the test's id kinds.
	type work struct {
		Paper           int64    `parquet:"paper"`
		Title           string   `parquet:"title"`
		Year            *int32   `parquet:"year,optional"`
		DOI             *string  `parquet:"doi,optional"`
		ArXiv           *string  `parquet:"arxiv,optional"`
		PMID            *string  `parquet:"pmid,optional"`
		OpenAlex        *string  `parquet:"openalex,optional"`
		EID             *string  `parquet:"eid,optional"`
		Venue           *string  `parquet:"venue,optional"`
		ISSN            []string `parquet:"issn,list"`
		Type            *string  `parquet:"type,optional"`
		URL             *string  `parquet:"url,optional"`
		Link            *string  `parquet:"link,optional"`
		Language        *string  `parquet:"language,optional"`
		Citations       *int64   `parquet:"citations,optional"`
		CitationsSource *string  `parquet:"citations_source,optional"`
		Keywords        []string `parquet:"keywords,list"`
		IndexKeywords   []string `parquet:"index_keywords,list"`
		Authors         int32    `parquet:"authors"`
	}
	f, err := pq.OpenFile(bytes.NewReader(w.Bytes()), int64(w.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for _, c := range f.Schema().Fields() {
		cols = append(cols, c.Name())
	}
	if want := []string{"paper", "title", "year", "doi", "arxiv", "pmid", "openalex", "eid", "venue", "issn", "type", "url", "link", "language",
		"citations", "citations_source", "keywords", "index_keywords", "authors"}; !slices.Equal(cols, want) {
		t.Errorf("works.parquet columns %q, want %q", cols, want)
	}
	ws := read[work](t, w.Bytes())
	if len(ws) != 4 {
		t.Fatalf("%d works", len(ws))
	}
	w0, w1, w3 := ws[0], ws[1], ws[3]
	if w0.Paper != 0 || w0.Title != "A" || *w0.Year != 2001 || *w0.DOI != "10.1000/a1" || *w0.OpenAlex != "W1" || *w0.EID != "2-s2.0-1" || w0.ArXiv != nil || w0.PMID != nil ||
		*w0.Venue != "J. Tests" || !slices.Equal(w0.ISSN, []string{"1234-5678"}) || *w0.Type != "article" || *w0.URL != "https://example.org/a" ||
		*w0.Link != "https://doi.org/10.1000/a1" || *w0.Language != "en" || *w0.Citations != 7 || *w0.CitationsSource != "openalex" ||
		!slices.Equal(w0.Keywords, []string{"graphs"}) || !slices.Equal(w0.IndexKeywords, []string{"Networks", "Graphs"}) || w0.Authors != 3 {
		t.Errorf("work 0 %+v", w0)
	}
	if w1.Year != nil || w1.DOI != nil || w1.Venue != nil || w1.Citations != nil || w1.Type != nil || len(w1.Keywords) != 0 || w1.Authors != 2 ||
		*w3.Venue != "Proc. X" || w3.Link != nil || w3.Citations != nil || w3.OpenAlex != nil {
		t.Errorf("works 1 and 3 %+v, %+v", w1, w3)
	}
	// A kind named as another column is refused.
	if _, err := workType([]string{"doi", "title"}); err == nil {
		t.Error("id kind \"title\" accepted")
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
