package main

import (
	"os"
	"path/filepath"
)

// The program run on the biblatex package's example bibliography: the
// three authors of highest PageRank (ties by name), and the GraphML.
func Example() {
	out := filepath.Join(os.TempDir(), "pagerank-example.graphml")
	defer os.Remove(out)
	os.Args = []string{"pagerank", "../data/biblatex-examples.bib", out}
	main()
	// Output:
	// 1. Chuan-Jian Zhong 0.0116
	// 2. Gary L. Glish 0.0116
	// 3. George D. Wignall 0.0116
}
