package graph

import "coauthor/parse"

// FromCorpus builds the co-authorship graph of c with authors resolved by
// id: a node per person (node id = person id), an edge per pair of people
// who share a paper. Edge papers are corpus paper indexes.
func FromCorpus(c *parse.Corpus, id *parse.Identity, counting Counting) *Graph {
	names := make([]string, len(id.People))
	for i, p := range id.People {
		names[i] = p.Name
	}
	b := NewBuilder(names, counting)
	var authors []int32
	for i := 0; i < c.Len(); i++ {
		authors = authors[:0]
		for _, name := range c.Authors(i) {
			authors = append(authors, id.Person[name])
		}
		b.AddPaper(authors, c.Year(i))
	}
	return b.Build()
}
