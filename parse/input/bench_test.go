package input

import (
	"context"
	"os"
	"testing"
)

// BenchmarkLoadFile loads the file named by $COAUTHOR_BENCH_FILE (a
// generated DBLP corpus: coauthor gen -papers 1000000 -o dblp.xml) with
// Load, reading, interning and resolving; skipped when it is not set.
// Profile with -cpuprofile; MB/s is the file's size over the whole Load.
func BenchmarkLoadFile(b *testing.B) {
	name := os.Getenv("COAUTHOR_BENCH_FILE")
	if name == "" {
		b.Skip("COAUTHOR_BENCH_FILE names no file to load")
	}
	st, err := os.Stat(name)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	for b.Loop() {
		f, err := os.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		d, err := Load(context.Background(), []Source{{Name: name, R: f, Size: st.Size()}}, Options{})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(d.Corpus.Len()), "papers")
	}
}
