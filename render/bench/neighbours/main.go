// Command neighbours reads SVG pictures drawn by coauthor render (through
// Graphviz or its own SVG writer) and prints, for each, the share of
// coloured nodes (fill not the grey beyond the palette) whose nearest other
// node has the same colour (how well the layout keeps clusters together),
// and what is wrong with its labels (see svgscan.CheckLabels).
//
//	go run ./render/bench/neighbours x.svg [y.svg ...]
package main

import (
	"fmt"
	"os"

	"coauthor/render/svgscan"
)

func main() {
	for _, path := range os.Args[1:] {
		b, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		doc, err := svgscan.Parse(b)
		if err != nil {
			fmt.Fprintln(os.Stderr, path+":", err)
			os.Exit(1)
		}
		same, coloured := svgscan.SameClusterNeighbours(doc.Nodes)
		c := svgscan.CheckLabels(doc)
		fmt.Printf("%s: %d nodes, %d coloured, %d (%.0f%%) with a nearest neighbour of their own cluster; %d labels: %d over another node, %d pairs overlapping, %d nearer another node; canvas %.0f×%.0f pt\n",
			path, len(doc.Nodes), coloured, same, 100*float64(same)/float64(max(1, coloured)),
			c.Labels, c.OverOtherNode, c.PairsOverlapping, c.NotNearest, doc.Width, doc.Height)
	}
}
