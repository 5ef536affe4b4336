package input_test

import (
	"fmt"
	"strings"

	"coauthor/parse"
	"coauthor/parse/input"
)

// Open tells the format from the first bytes when the name does not and
// returns its reader.
func ExampleOpen() {
	bib := `@article{k, author = {G{\"o}del, Kurt and Erd\H{o}s, P{\'a}l and others}, title = {T}, year = 1931}`
	r, format, _, err := input.Open("refs.txt", strings.NewReader(bib), "auto", parse.ReadOptions{})
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
