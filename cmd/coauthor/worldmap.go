package main

import (
	"io"
	"strings"

	"coauthor/graph"
	"coauthor/parse/unit"
	"coauthor/render/explorer"
	"coauthor/render/worldmap"
)

// isWorldMap reports whether render draws v as a world map: a country
// network as SVG or PNG, the layout not asked for (--layout force gives
// the network picture).
func (f *renderFlags) isWorldMap(v *view, format string) bool {
	return v.d.units != nil && v.d.units.Kind == unit.Country && f.layout == "auto" && (format == "svg" || format == "png")
}

// worldMap draws the countries of v on a world map (render/worldmap):
// each filled by its papers, or by the --size-by measure when given; the
// view's edges as links, widths by weight, the strongest labelled.
func (f *renderFlags) worldMap(e *env, v *view, out, format, title, subtitle string) error {
	byMeasure := f.view.in.unit.given("size-by")
	var values []float64
	if byMeasure {
		var err error
		if values, err = v.ms.Get(f.view.sizeBy); err != nil {
			return err
		}
	}
	countries := make([]worldmap.Country, v.sub.N())
	for i := range countries {
		node := v.sub.Node(int32(i))
		c := worldmap.Country{Code: v.d.units.Units[node.Person].ID, Value: float64(node.Papers), Label: node.Name}
		if byMeasure {
			c.Value = values[v.keep[i]]
		}
		countries[i] = c
	}
	var links []worldmap.Link
	for a := range int32(v.sub.N()) {
		nb, _ := v.sub.Neighbors(a)
		for _, b := range nb {
			if a < b {
				links = append(links, worldmap.Link{A: countries[a].Code, B: countries[b].Code, Weight: v.sub.Edge(v.sub.EdgeID(a, b)).Weight})
			}
		}
	}
	opt := worldmap.Options{Title: title, Subtitle: subtitle, Measure: "papers", LinkMeasure: "co-authored papers"}
	if byMeasure {
		opt.Measure = f.view.sizeBy
	}
	if f.view.in.build.Counting == graph.Fractional {
		opt.LinkMeasure = "fractional co-authored papers (1/(n-1) per pair of a paper's n countries)"
	}
	switch {
	case f.labels == 0:
		opt.Labels = -1
	case f.labels > 0:
		opt.Labels = f.labels
	}
	m, err := worldmap.New(countries, links, opt)
	if err != nil {
		return err
	}
	if nd := m.NotDrawn(); len(nd) > 0 {
		e.warnf("%d countries have no place on the map (its boundaries merge them into another): %s", len(nd), strings.Join(nd, ", "))
	}
	err = writeOutput(e, out, func(w io.Writer) error {
		if format == "png" {
			width := f.width
			if width == 0 && f.dpi != 96 {
				width = int(960 * f.dpi / 72)
			}
			return m.WritePNG(w, width)
		}
		return m.WriteSVG(w)
	})
	if err == nil && out != "-" {
		e.warnf("wrote %s (a world map of %d countries, %d links)", out, len(countries), len(links))
	}
	return err
}

// worldMap returns the world map the explorer draws under a country
// network, and the countries' positions on it (their centroids); nil for
// other networks, or when v is to be laid out as a network.
func (v *view) worldMap() (*explorer.Basemap, [][2]float64, error) {
	if v.network || v.d.units == nil || v.d.units.Kind != unit.Country {
		return nil, nil, nil
	}
	codes := make([]string, v.sub.N())
	for i := range codes {
		codes[i] = v.d.units.Units[v.sub.Node(int32(i)).Person].ID
	}
	b, pos, _, err := explorer.WorldMap(codes)
	return b, pos, err
}

// mapTitle is the world map's title: -title, else what the map shows
// and the picture's default title (the inputs' names), or the ego's.
func mapTitle(given, def, ego string) string {
	switch {
	case given != "":
		return given
	case ego != "":
		return "Collaborations of " + ego
	}
	return "Collaborations between countries: " + def
}
