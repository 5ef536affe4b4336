// Command topauthors shows the library API end to end: it reads an author
// page (the built-in example when no file is given), resolves names,
// builds the co-authorship graph and prints the five authors with the most
// co-authors.
//
//	go run ./examples/topauthors [FILE]
package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"slices"

	"coauthor/examples"
	"coauthor/graph"
	"coauthor/parse"
)

func main() {
	var in io.Reader = bytes.NewReader(examples.AuthorPage)
	if len(os.Args) > 1 {
		f, err := os.Open(os.Args[1])
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		in = f
	}
	r := parse.NewAuthorPageReader(in)
	c := parse.NewCorpus()
	for {
		p, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		c.Add(p)
	}
	id := parse.Resolve(c, parse.ResolveOptions{})
	g := graph.FromCorpus(c, id, graph.Full)

	order := make([]int, g.N())
	for v := range order {
		order[v] = v
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(g.Degree(b), g.Degree(a)) })
	for _, v := range order[:min(5, len(order))] {
		fmt.Printf("%-20s %3d co-authors, %d papers\n", g.Node(v).Name, g.Degree(v), g.Node(v).Papers)
	}
}
