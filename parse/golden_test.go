package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"coauthor/examples"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run go test -update and review the diff\n got: %.300s", path, got)
	}
}

// The real author page, as embedded for the CLI, read paper by paper.
func TestAuthorPageGolden(t *testing.T) {
	r := NewAuthorPageReader(bytes.NewReader(examples.AuthorPage))
	var papers []*Paper
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
	golden(t, "tristan-hume.golden.json", append(got, '\n'))
}
