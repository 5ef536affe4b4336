package graph_test

import (
	"fmt"
	"strings"

	"coauthor/graph"
	"coauthor/parse"
)

// Reading an author page, resolving names and building the graph.
func ExampleFromCorpus() {
	page := `A Paper
Oct 20, 2023
Tom Henighan, Noemí Mercado, Ada Lovelace
Viaarxiv icon
Another Paper
Jul 17, 2023
Thomas Henighan, Noemi Mercado
Viaarxiv icon
`
	r := parse.NewAuthorPageReader(strings.NewReader(page))
	c := parse.NewCorpus()
	for {
		p, err := r.Read()
		if err != nil {
			break // io.EOF; a *parse.ParseError in real code needs handling
		}
		c.Add(p)
	}
	id := parse.Resolve(c, parse.ResolveOptions{})
	g := graph.FromCorpus(c, id, graph.Full)
	for e := 0; e < g.M(); e++ {
		edge := g.Edge(e)
		fmt.Printf("%s -- %s: %v\n", g.Node(int(edge.U)).Name, g.Node(int(edge.V)).Name, edge.Weight)
	}
	// Output:
	// Ada Lovelace -- Noemí Mercado: 1
	// Ada Lovelace -- Thomas Henighan: 1
	// Noemí Mercado -- Thomas Henighan: 2
}
