package main

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"coauthor/examples/shared"
	"coauthor/render/explorer"
	"coauthor/render/explorer/browser"
)

// mapScreenshot, when set, is where TestExplorerWorldMap writes a
// screenshot of the served world map of the TU9 OpenAlex file.
var mapScreenshot = os.Getenv("COAUTHOR_MAP_SCREENSHOT")

// worldMapJS tells what the page draws: the country shapes of the
// basemap, those of a country on the map, and per node the distance in
// pixels between where sigma draws it and where its country's centroid
// is drawn on the basemap.
const worldMapJS = `(() => {
	const s = window.coauthor.sigma, G = s.getGraph(), B = window.coauthor.basemap;
	const shapes = window.coauthor.meta.basemap.shapes, m = B.g.getCTM(), far = [];
	let worst = 0;
	for (const c of shapes) {
		if (c.node < 0 || !G.hasNode(c.node)) continue;
		const a = G.getNodeAttributes(c.node), p = s.graphToViewport({x: a.x, y: a.y});
		const q = new DOMPoint(c.x, c.y).matrixTransform(m);
		const d = Math.hypot(p.x - q.x, p.y - q.y);
		worst = Math.max(worst, d);
		if (d > 1) far.push(c.code + ": " + d);
	}
	return {paths: B.g.querySelectorAll("path").length, on: B.g.querySelectorAll(".country.on").length, nodes: G.order, worst, far,
		counts: document.getElementById("counts").textContent, search: document.getElementById("search").placeholder};
})()`

type worldMapView struct {
	Paths, On, Nodes int
	Worst            float64
	Far              []string
	Counts, Search   string
}

// TestExplorerWorldMap serves a country network, and writes it as one
// HTML file, and checks in headless Chromium that the explorer draws the
// world map under it: every country shape of render/worldmap, those of
// the network's countries marked, and each node at its country's
// centroid, at the first view and after zooming.
func TestExplorerWorldMap(t *testing.T) {
	file := filepath.Join("testdata", "units-wos.txt") // Switzerland, the UK, the US
	bctx := startBrowser(t)
	b, _, _, err := explorer.WorldMap(nil)
	if err != nil {
		t.Fatal(err)
	}
	paths := 0
	for _, s := range b.Shapes {
		if s.Path != "" {
			paths++
		}
	}
	html := filepath.Join(t.TempDir(), "map.html")
	if _, errOut, code := runCLI(t, "", "render", "--unit", "country", "-o", html, "-quiet", file); code != 0 {
		t.Fatalf("render --unit country -o map.html: %d %s", code, errOut)
	}
	modes := []struct{ name, url string }{{"served", serve(t, "--unit", "country", file)}, {"inline", "file://" + html}}
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(bctx)
			defer cancel()
			ctx, cancel = context.WithTimeout(ctx, time.Minute)
			defer cancel()
			if _, err := browser.Load(ctx, mode.url, time.Minute); err != nil {
				t.Fatal(err)
			}
			for _, zoom := range []bool{false, true} {
				if zoom {
					js[bool](t, ctx, `window.coauthor.sigma.getCamera().setState({x: 0.6, y: 0.4, ratio: 0.3}), true`)
					time.Sleep(300 * time.Millisecond) // a frame or two
				}
				v := js[worldMapView](t, ctx, worldMapJS)
				if !strings.HasPrefix(v.Counts, "3 countries · 3 links") || v.Search != "Search a country…" {
					t.Errorf("the header says %q, the search box %q", v.Counts, v.Search)
				}
				if v.Paths != paths || v.On != 3 || v.Nodes != 3 || !(v.Worst <= 1) || math.IsNaN(v.Worst) {
					t.Errorf("zoomed %v: %d country paths (want %d), %d countries on the map and %d nodes (want 3, 3), nodes up to %.2f px from their centroids %v",
						zoom, v.Paths, paths, v.On, v.Nodes, v.Worst, v.Far)
				}
			}
		})
	}
	if mapScreenshot == "" {
		return
	}
	tu9 := shared.File(t, "openalex/herreio-tu9-works-2022.json.gz")
	ctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	if _, err := browser.Load(ctx, serve(t, "--unit", "country", tu9), time.Minute); err != nil {
		t.Fatal(err)
	}
	v := js[worldMapView](t, ctx, worldMapJS)
	t.Logf("TU9: %d country paths, %d countries with a node, %d nodes, worst %.2f px", v.Paths, v.On, v.Nodes, v.Worst)
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.WriteFile(mapScreenshot, png, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}
