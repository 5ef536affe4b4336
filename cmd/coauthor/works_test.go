package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	pq "github.com/parquet-go/parquet-go"

	"coauthor/graph/formats/parquet"
	"coauthor/parse"
)

// TestWorksCommand: the counts of testdata/links-dimensions.csv, a
// Dimensions export of 4 papers: 3 DOIs (grep -c ',10\.\|doi\.org'), 4
// Dimensions ids, 3 venues, 10 author positions.
func TestWorksCommand(t *testing.T) {
	input := filepath.Join("testdata", "links-dimensions.csv")
	out, errOut, code := runCLI(t, "", "works", "-json", "-quiet", input)
	var f struct {
		Papers    int            `json:"papers"`
		IDs       map[string]int `json:"ids"`
		AnyID     int            `json:"any_id"`
		Venue     int            `json:"venue"`
		Link      int            `json:"link"`
		Positions int            `json:"author_positions"`
	}
	if err := json.Unmarshal([]byte(out), &f); code != 0 || err != nil {
		t.Fatalf("works -json: %d %v %s", code, err, errOut)
	}
	if f.Papers != 4 || f.IDs["doi"] != 3 || f.IDs["dimensions"] != 4 || len(f.IDs) != len(parse.IDKinds) || f.AnyID != 4 || f.Venue != 3 || f.Link != 3 || f.Positions != 10 {
		t.Errorf("works -json: %+v", f)
	}
	out, _, code = runCLI(t, "", "works", "-quiet", input)
	if code != 0 || !strings.Contains(out, "\n  doi ") || !strings.Contains(out, "author positions") {
		t.Errorf("works: %d\n%s", code, out)
	}
	if _, errOut, code := runCLI(t, "", "works", filepath.Join("testdata", "karate.txt")); code == 0 || !strings.Contains(errOut, "graph file") {
		t.Errorf("works on a graph file: %d %s", code, errOut)
	}
}

// TestExportParquetWorks: export -to parquet writes works.parquet with
// the DOIs and venues of testdata/links-dimensions.csv.
func TestExportParquetWorks(t *testing.T) {
	input := filepath.Join("testdata", "links-dimensions.csv")
	dir := filepath.Join(t.TempDir(), "pq")
	if _, errOut, code := runCLI(t, "", "export", "-to", "parquet", "-o", dir, "-quiet", input); code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	b, err := os.ReadFile(filepath.Join(dir, parquet.WorksFile))
	if err != nil {
		t.Fatal(err)
	}
	type work struct {
		Paper int64   `parquet:"paper"`
		DOI   *string `parquet:"doi,optional"`
		Venue *string `parquet:"venue,optional"`
	}
	works, err := pq.Read[work](bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var dois, venues []string
	for _, w := range works {
		if w.DOI != nil {
			dois = append(dois, *w.DOI)
		}
		if w.Venue != nil {
			venues = append(venues, *w.Venue)
		}
	}
	if len(works) != 4 || !slices.Equal(dois, []string{"10.1000/links.1", "10.1000/links.2", "10.1000/links.4"}) || len(venues) != 3 {
		t.Errorf("%d works, DOIs %q, venues %q", len(works), dois, venues)
	}
	f, err := pq.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string]bool{}
	for _, c := range f.Schema().Fields() {
		cols[c.Name()] = true
	}
	for _, k := range parse.IDKinds {
		if !cols[k] {
			t.Errorf("works.parquet has no column %s", k)
		}
	}
	for _, name := range []string{parquet.AuthorsFile, parquet.EdgesFile, parquet.AuthorshipsFile} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
}
