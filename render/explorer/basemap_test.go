package explorer

import (
	"context"
	"testing"

	"coauthor/graph"
	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/render/worldmap"
)

// On the world map each country's node sits at its country's centroid,
// as render/worldmap draws it, unmoved by the fitting and the overlap
// removal of other maps (France and Switzerland would be pushed apart);
// a country the map has no place for is put under it and named.
func TestWorldMapPositions(t *testing.T) {
	codes := []string{"FR", "CH", "de", "ZZ"}
	b, pos, missing, err := WorldMap(codes)
	if err != nil {
		t.Fatal(err)
	}
	o, err := worldmap.Project(basemapWidth)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Shapes) != len(o.Countries) || b.Width != o.Width || b.Height != o.Height {
		t.Fatalf("%d shapes on %g × %g, want %d on %g × %g", len(b.Shapes), b.Width, b.Height, len(o.Countries), o.Width, o.Height)
	}
	centroid := map[string][2]float64{}
	for _, c := range o.Countries {
		centroid[c.Code] = [2]float64{c.X, c.Y}
	}
	for v, code := range []string{"FR", "CH", "DE"} {
		if pos[v] != centroid[code] {
			t.Errorf("%s at %v, centroid %v", code, pos[v], centroid[code])
		}
	}
	if len(missing) != 1 || missing[0] != "ZZ" || !(pos[3][1] > b.Height) {
		t.Errorf("missing %q, placed at %v", missing, pos[3])
	}
	on := 0
	for _, s := range b.Shapes {
		if s.Node >= 0 {
			on++
		}
	}
	if on != 3 {
		t.Errorf("%d shapes with a node, want 3", on)
	}

	c := corpus.New()
	c.Add(&parse.Paper{Title: "P", Authors: []string{"A", "B"}})
	units := unitPapers{{0, 1, 2, 3}}
	g, err := graph.FromPapers(context.Background(), codes, units, graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(context.Background(), NewUnitNetwork(g, c, units, 4), Options{Positions: pos, Basemap: b})
	if err != nil {
		t.Fatal(err)
	}
	if a.meta.Basemap != b {
		t.Error("api/meta has no basemap")
	}
	for v, n := range a.nodes {
		if n.X != round(pos[v][0]) || n.Y != -round(pos[v][1]) {
			t.Errorf("node %s at %g, %g; want %g, %g", n.Name, n.X, n.Y, pos[v][0], -pos[v][1])
		}
	}
	if _, err := New(context.Background(), NewUnitNetwork(g, c, units, 4), Options{Basemap: b}); err == nil {
		t.Error("a basemap without positions is accepted")
	}
}
