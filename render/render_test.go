package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"strings"
	"testing"

	"coauthor/graph"
	. "coauthor/render/picture"
)

// small is a graph of two triangles joined by an edge, with names that
// need escaping, and an isolated author.
func small() *graph.Graph {
	b := graph.NewBuilder([]string{`Ada "the Countess" Lovelace`, "Charles Babbage", `Back\slash`, "Mary Somerville", "Ørsted <H.C.>", "Faraday & Co", "Solo"}, graph.BuildOptions{})
	b.AddPaper([]int32{0, 1, 2}, 1843)
	b.AddPaper([]int32{0, 1}, 1844)
	b.AddPaper([]int32{3, 4, 5}, 1850)
	b.AddPaper([]int32{2, 3}, 1851)
	b.AddPaper([]int32{6}, 1860)
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	return g
}

func smallOptions() Options {
	return Options{
		Title: "Two groups", Seed: 3, SizeLabel: "papers", Size: []float64{2, 2, 2, 2, 1, 1, 1}, Labels: 3,
		Cluster: []int32{0, 0, 0, 1, 1, 1, 2}, ClusterLabel: "leiden cluster",
		ClusterNames: []string{"Ada", "Mary", "Solo"}, ClusterSizes: []int{3, 3, 1},
	}
}

type svgDoc struct {
	Groups []svgGroup `xml:"g>g"`
}

type svgGroup struct {
	Class   string      `xml:"class,attr"`
	Title   string      `xml:"title"`
	Circles []svgCircle `xml:"circle"`
}

type svgCircle struct {
	Fill string `xml:"fill,attr"`
}

func render(t *testing.T, opt Options, format string) []byte {
	t.Helper()
	ctx := context.Background()
	r, err := NewRenderer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var b bytes.Buffer
	if err := r.Draw(ctx, &b, small(), opt, format); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSVG(t *testing.T) {
	svg := render(t, smallOptions(), "svg")
	var doc svgDoc
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("SVG is not XML: %v", err)
	}
	var nodes, edges int
	fills := map[string]int{}
	titles := map[string]bool{}
	for _, g := range doc.Groups {
		switch g.Class {
		case "node":
			nodes++
			titles[g.Title] = true
			for _, e := range g.Circles[:1] {
				fills[strings.ToUpper(e.Fill)]++
			}
		case "edge":
			edges++
			titles[g.Title] = true
		}
	}
	if nodes != 7 || edges != 7 {
		t.Errorf("SVG has %d nodes and %d edges, want 7 and 7", nodes, edges)
	}
	for _, want := range []string{
		`Ada "the Countess" Lovelace — 2 papers, 2 co-authors, cluster 1`,
		"Solo — 1 paper, 0 co-authors, cluster 3",
		`Ada "the Countess" Lovelace — Charles Babbage: 2 shared papers`,
	} {
		if !titles[want] {
			t.Errorf("no <title> %q among %v", want, titles)
		}
	}
	if fills[Palette[0]] != 3 || fills[Palette[1]] != 3 || fills[Palette[2]] != 1 {
		t.Errorf("node fills %v, want 3 × %s, 3 × %s, 1 × %s", fills, Palette[0], Palette[1], Palette[2])
	}
	for _, want := range []string{"Two groups", "cluster 1: Ada (3)", "Node area: papers"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("SVG lacks the legend text %q", want)
		}
	}
	if again := render(t, smallOptions(), "svg"); !bytes.Equal(svg, again) {
		t.Error("same input, different SVG bytes")
	}
}

func TestPNGAndPositions(t *testing.T) {
	png := render(t, Options{}, "png")
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("not a PNG: % x", png[:min(8, len(png))])
	}
	opt := Options{Positions: [][2]float64{{0, 0}, {100, 0}, {50, 90}, {300, 0}, {400, 0}, {350, 90}, {600, 600}}}
	svg := render(t, opt, "svg")
	if !bytes.Contains(svg, []byte(`class="node"`)) {
		t.Error("fixed-position SVG has no nodes")
	}
}
