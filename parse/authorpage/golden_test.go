package authorpage

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"path/filepath"
	"testing"

	"coauthor/examples"
	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// The real author page, as embedded for the CLI, read paper by paper.
func TestAuthorPageGolden(t *testing.T) {
	r := NewReader(bytes.NewReader(examples.AuthorPage), parse.ReadOptions{})
	var papers []*parse.Paper
	for {
		p, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		papers = append(papers, p)
	}
	if len(papers) != 8 {
		t.Errorf("read %d papers, want 8", len(papers))
	}
	raw := 0
	for _, p := range papers {
		raw += len(p.Authors)
	}
	if raw != 327 {
		t.Errorf("read %d author entries, want 327", raw)
	}
	got, err := json.MarshalIndent(papers, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	readertest.Golden(t, filepath.Join("testdata", "tristan-hume.golden.json"), append(got, '\n'), *update)
}
