// Command pagerank ranks a BibTeX file's authors by PageRank and writes their graph as GraphML.
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"coauthor/graph"
	"coauthor/graph/formats"
	"coauthor/graph/formats/graphml"
	"coauthor/graph/measure"
	"coauthor/parse/input"
)

func main() {
	args := []string{"examples/data/biblatex-examples.bib", "pagerank.graphml"}
	copy(args, os.Args[1:])
	in, err := os.Open(args[0])
	check(err)
	d, err := input.Load(context.Background(), []input.Source{{Name: args[0], R: in}}, input.Options{Format: "bibtex"})
	check(err)
	g, err := graph.FromPapers(context.Background(), d.Identity.Names(), d.Identity.Papers(d.Corpus), graph.BuildOptions{})
	check(err)
	pr, err := graph.PageRank(g, measure.Damping, graph.IterOptions{})
	check(err)
	for i, v := range measure.Top(g, pr, 3) {
		fmt.Printf("%d. %s %.4f\n", i+1, g.Node(v).Name, pr[v])
	}
	out, err := os.Create(args[1])
	check(err)
	check(graphml.Write(out, &formats.Table{Graph: g, Papers: true, Columns: []formats.Column{{Name: "pagerank", Values: pr}}}))
	check(out.Close())
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
