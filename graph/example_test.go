package graph_test

import (
	"fmt"

	"coauthor/graph"
)

// Building the graph of three papers given as author ids and asking who
// worked with whom.
func ExampleNewBuilder() {
	b := graph.NewBuilder([]string{"Ada Lovelace", "Charles Babbage", "Mary Somerville"}, graph.BuildOptions{})
	b.AddPaper([]int32{0, 1}, 1843)
	b.AddPaper([]int32{0, 1, 2}, 1844)
	b.AddPaper([]int32{2}, 1845)
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	for e := range int32(g.M()) {
		edge := g.Edge(e)
		fmt.Printf("%s -- %s: %v\n", g.Node(edge.U).Name, g.Node(edge.V).Name, edge.Weight)
	}
	// Output:
	// Ada Lovelace -- Charles Babbage: 2
	// Ada Lovelace -- Mary Somerville: 1
	// Charles Babbage -- Mary Somerville: 1
}
