package parse_test

import (
	"bufio"
	"fmt"
	"strings"

	"coauthor/parse"
)

// Detect tells the format from the first bytes when the name does not;
// NewReader reads it.
func ExampleNewReader() {
	bib := `@article{k, author = {G{\"o}del, Kurt and Erd\H{o}s, P{\'a}l and others}, title = {T}, year = 1931}`
	br := bufio.NewReader(strings.NewReader(bib))
	format := parse.Detect("refs.txt", br)
	r, err := parse.NewReader(format, br, parse.ReaderOptions{File: "refs.txt"})
	if err != nil {
		panic(err)
	}
	p, err := r.Read()
	if err != nil {
		panic(err)
	}
	fmt.Println(format, p.Year, p.Authors, p.EtAl)
	// Output: bibtex 1931 [Kurt Gödel Pál Erdős] true
}
