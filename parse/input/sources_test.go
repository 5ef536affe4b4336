package input

import (
	"os"
	"path/filepath"
	"testing"

	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

// The added sources through Open: detected, gunzipped, read.
func TestOpenSources(t *testing.T) {
	tests := []struct {
		file, format string
		papers       int
	}{
		{"../pubmed/testdata/fatcat-pubmedsample_2019.xml.gz", parse.FormatPubMed, 169},
		{"../medline/testdata/pybibx-mcda_pubmed.nbib", parse.FormatMEDLINE, 10},
		{"../dimensions/testdata/fixture-dimensions.csv", parse.FormatDimensions, 3},
		{"../jsonworks/testdata/commonmeta-datacite-sample.json.gz", parse.FormatJSON, 100},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			f, err := os.Open(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rd, format, _, err := Open(tt.file, f, "auto", parse.ReadOptions{})
			if err != nil || format != tt.format {
				t.Fatalf("format %s, %v; want %s", format, err, tt.format)
			}
			if got, _ := readertest.Count(t, rd); got.Papers != tt.papers {
				t.Errorf("%d papers, want %d", got.Papers, tt.papers)
			}
		})
	}
}
