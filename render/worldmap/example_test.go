package worldmap_test

import (
	"bytes"
	"fmt"
	"strings"

	"coauthor/render/worldmap"
)

func Example() {
	m, err := worldmap.New(
		[]worldmap.Country{{Code: "US", Value: 120}, {Code: "GB", Value: 45}, {Code: "SG", Value: 8}, {Code: "RE", Value: 2}},
		[]worldmap.Link{{A: "US", B: "GB", Weight: 12}, {A: "GB", B: "SG", Weight: 3}, {A: "RE", B: "GB", Weight: 1}},
		worldmap.Options{Title: "Countries", Measure: "papers", LinkMeasure: "co-authored papers"})
	if err != nil {
		fmt.Println(err)
		return
	}
	var svg bytes.Buffer
	if err := m.WriteSVG(&svg); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Count(svg.String(), `<path class="country"`), "country paths,",
		strings.Count(svg.String(), `<circle class="country"`), "dot,",
		strings.Count(svg.String(), `<path class="link" data-a`), "links")
	fmt.Println("not on the map:", m.NotDrawn(), "links not drawn:", m.LinksNotDrawn())
	name, ok := worldmap.Name("kr")
	fmt.Println("KR is", name, ok)
	// Output:
	// 176 country paths, 1 dot, 2 links
	// not on the map: [RE] links not drawn: 1
	// KR is South Korea true
}
