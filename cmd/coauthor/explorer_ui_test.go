package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"coauthor/examples/shared"
	"coauthor/render/explorer/browser"
)

// measureJS measures the first view in the page, from sigma's node display
// data in viewport pixels: the pairs of nodes overlapping by more than 10%
// of the smaller one's radius, the worst overlap (in radii of the smaller),
// the labels drawn that overlap one another or leave the map.
const measureJS = `(() => {
	const s = window.coauthor.sigma, G = s.getGraph(), pts = [];
	G.forEachNode((n) => {
		const d = s.getNodeDisplayData(n), p = s.framedGraphToViewport(d);
		pts.push([p.x, p.y, s.scaleSize(d.size)]);
	});
	pts.sort((a, b) => a[0] - b[0]);
	let maxR = 0, minR = Infinity;
	for (const p of pts) { maxR = Math.max(maxR, p[2]); minR = Math.min(minR, p[2]); }
	let pairs = 0, worst = 0;
	for (let i = 0; i < pts.length; i++) {
		for (let j = i + 1; j < pts.length && pts[j][0] - pts[i][0] < 2 * maxR; j++) {
			const a = pts[i], b = pts[j], r = Math.min(a[2], b[2]);
			const o = a[2] + b[2] - Math.hypot(a[0] - b[0], a[1] - b[1]);
			if (o > 0.1 * r) pairs++;
			worst = Math.max(worst, o / r);
		}
	}
	const L = window.coauthor.labels(), W = s.getDimensions().width;
	let labelPairs = 0, outside = 0;
	for (let i = 0; i < L.length; i++) {
		if (L[i].x0 < 0 || L[i].x1 > W) outside++;
		for (let j = i + 1; j < L.length; j++) {
			const a = L[i], b = L[j];
			if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) labelPairs++;
		}
	}
	return {nodes: pts.length, pairs, worst, min_radius: minR, max_radius: maxR, labels: L.length, label_pairs: labelPairs, outside};
})()`

type firstView struct {
	Nodes      int     `json:"nodes"`
	Pairs      int     `json:"pairs"`
	Worst      float64 `json:"worst"`
	MinRadius  float64 `json:"min_radius"`
	MaxRadius  float64 `json:"max_radius"`
	Labels     int     `json:"labels"`
	LabelPairs int     `json:"label_pairs"`
	Outside    int     `json:"outside"`
}

// TestExplorerFirstView serves aibasel's library and checks the explorer
// in headless Chromium as issue 23 asks: at first view no two nodes
// overlap by more than 10% of the smaller one's radius, no two labels
// overlap and none leaves the map; a selected author's co-authors differ
// from the background and from the dimmed nodes by a WCAG contrast of at
// least 3:1; colour by year and an ego network clear a path; the search
// box forgets the name chosen before; the year filter keeps the undated
// papers, as many as it says, unless told not to.
func TestExplorerFirstView(t *testing.T) {
	// a real library of about 2,400 authors, whose clusters the map drew as
	// solid discs before overlap removal
	aibasel := shared.File(t, "bibtex/aibasel-literatur.bib")
	bctx := startBrowser(t)
	file := filepath.Join(t.TempDir(), "map.html")
	if _, errOut, code := runCLI(t, "", "render", "-o", file, "-quiet", aibasel); code != 0 {
		t.Fatalf("render -o map.html: %d %s", code, errOut)
	}
	// The whole map has as many nodes as stats counts authors.
	statsOut, errOut, code := runCLI(t, "", "stats", "-json", "-quiet", aibasel)
	var st struct{ Authors int }
	if err := json.Unmarshal([]byte(statsOut), &st); code != 0 || err != nil || st.Authors == 0 {
		t.Fatalf("stats -json: %d %v %s", code, err, errOut)
	}
	authors := st.Authors
	for _, mode := range []struct{ name, url string }{{"served", serve(t, aibasel)}, {"inline", "file://" + file}} {
		t.Run(mode.name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(bctx)
			defer cancel()
			ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
			defer cancel()
			checkFirstView(t, ctx, mode.url, authors)
		})
	}
}

func checkFirstView(t *testing.T, ctx context.Context, url string, authors int) {
	ff, err := browser.Load(ctx, url, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	// one more frame: the labels are drawn after the nodes
	js[bool](t, ctx, `new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))`)
	v := js[firstView](t, ctx, measureJS)
	t.Logf("first view of %d nodes after %.0f ms: %+v", ff.Nodes, ff.Ms, v)
	if v.Nodes != authors {
		t.Errorf("%d nodes, want %d (stats)", v.Nodes, authors)
	}
	if v.Pairs != 0 {
		t.Errorf("%d pairs of nodes overlap by more than 10%% of the smaller radius (worst %.0f%%)", v.Pairs, 100*v.Worst)
	}
	if v.Labels < 10 || v.LabelPairs != 0 || v.Outside != 0 {
		t.Errorf("%d labels: %d pairs overlap, %d leave the map (want 10 or more, none, none)", v.Labels, v.LabelPairs, v.Outside)
	}

	// Select the author with the most papers: each co-author stands out.
	const top = `(() => { const G = window.coauthor.sigma.getGraph(); let best = null;
		G.forEachNode((n, a) => { if (best === null || a.papers > G.getNodeAttribute(best, "papers")) best = n; }); return Number(best); })()`
	id := js[int](t, ctx, top)
	js[bool](t, ctx, fmt.Sprintf(`window.coauthor.selectAuthor(%d).then(() => true)`, id))
	waitFor(t, ctx, "the highlight drawn", fmt.Sprintf(`window.coauthor.sigma.getNodeDisplayData("%d").highlighted === true`, id), `window.coauthor.highlight()`)
	type contrast struct {
		Nodes int     `json:"nodes"`
		Min   float64 `json:"min"`
		Worst string  `json:"worst"`
	}
	c := js[contrast](t, ctx, fmt.Sprintf(`(() => { const s = window.coauthor.sigma, G = s.getGraph(), C = window.coauthor.contrast;
		let min = Infinity, worst = "", nodes = 0;
		G.forEachNeighbor("%d", (n) => { nodes++; const col = s.getNodeDisplayData(n).color;
			const k = Math.min(C(col, "#ffffff"), C(col, window.coauthor.dimColor)); if (k < min) { min = k; worst = col; } });
		return {nodes, min, worst}; })()`, id))
	t.Logf("%d co-authors of the top author: lowest contrast %.2f (%s)", c.Nodes, c.Min, c.Worst)
	if c.Nodes == 0 || c.Min < 3 {
		t.Errorf("co-authors' contrast %.2f (%s), want 3 or more", c.Min, c.Worst)
	}
	// Search box: a co-author chosen in the panel empties it.
	typeInto(t, ctx, "#search", "Helmert")
	waitFor(t, ctx, "search results for Helmert", `document.querySelectorAll("#search-results li.search-result").length > 0`, `document.getElementById("search-results").textContent`)
	clickOn(t, ctx, "#search-results li.search-result")
	waitFor(t, ctx, "Malte Helmert's panel", `document.getElementById("panel-name").textContent === "Malte Helmert" && document.querySelector("#panel-coauthors li.coauthor") !== null`, `document.getElementById("panel-name").textContent`)
	if got := js[string](t, ctx, `document.getElementById("search").value`); got != "Malte Helmert" {
		t.Errorf("search box %q after choosing Malte Helmert", got)
	}
	// The element's own click: a click at its centre after scrolling
	// missed it once under load (the panel was still being laid out).
	js[bool](t, ctx, `document.querySelector("#panel-coauthors li.coauthor").scrollIntoView(), document.querySelector("#panel-coauthors li.coauthor").click(), true`)
	waitFor(t, ctx, "a co-author's panel", `document.getElementById("panel-name").textContent !== "Malte Helmert"`, `document.getElementById("panel-name").textContent`)
	if got := js[string](t, ctx, `document.getElementById("search").value`); got != "" {
		t.Errorf("search box %q after choosing a co-author, want it empty", got)
	}

	// A path, then colour by year: the path is no longer highlighted.
	path := fmt.Sprintf(`window.coauthor.path(%d, Number(window.coauthor.sigma.getGraph().findNode((n, a) => a.label === "Malte Helmert"))).then(() => window.coauthor.highlight() && window.coauthor.highlight().type)`, id)
	if got := js[string](t, ctx, path); got != "path" {
		t.Fatalf("highlight after a path: %q", got)
	}
	js[bool](t, ctx, `(() => { const e = document.getElementById("color-by"); e.value = "year"; e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	if hl := js[any](t, ctx, `window.coauthor.highlight()`); hl != nil {
		t.Errorf("highlight after colouring by year: %v, want none", hl)
	}
	// A path, then an ego network: the same.
	if got := js[string](t, ctx, path); got != "path" {
		t.Fatalf("highlight after a path: %q", got)
	}
	typeInto(t, ctx, "#ego", "Helmert")
	waitFor(t, ctx, "ego completions", `!document.getElementById("ego-results").hidden && document.querySelector("#ego-results li.search-result") !== null`, `document.getElementById("ego-results").textContent`)
	clickOn(t, ctx, "#ego-results li.search-result")
	if hl := js[any](t, ctx, `window.coauthor.highlight()`); hl != nil {
		t.Errorf("highlight after choosing an ego network: %v, want none", hl)
	}
	waitFor(t, ctx, "the ego network drawn", `window.coauthor.lastParams && window.coauthor.lastParams.ego !== undefined && document.getElementById("status").textContent === ""`, `window.coauthor.lastParams`)
	js[bool](t, ctx, `document.getElementById("ego-clear").click(), true`)
	waitFor(t, ctx, "the whole map again", `window.coauthor.lastParams && window.coauthor.lastParams.ego === undefined && document.getElementById("node-count").textContent === "`+strconv.Itoa(authors)+`"`, `document.getElementById("node-count").textContent`)

	// Years up to the last but one: the undated papers stay, as many as
	// the box says; without them, that many fewer.
	meta := js[struct {
		Undated int    `json:"undated"`
		Years   [2]int `json:"years"`
	}](t, ctx, `window.coauthor.meta`)
	if got := js[string](t, ctx, `document.getElementById("undated-count").textContent`); got != fmt.Sprint(meta.Undated) || meta.Undated == 0 {
		t.Fatalf("undated count %q, meta %d (want the same, above 0)", got, meta.Undated)
	}
	papers := func(keep bool) int {
		js[bool](t, ctx, fmt.Sprintf(`(() => { const k = document.getElementById("keep-undated"); k.checked = %v;
			const e = document.getElementById("year-to"); e.value = "%d"; e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, keep, meta.Years[1]-1))
		waitFor(t, ctx, "the years applied", fmt.Sprintf(`window.coauthor.lastParams && window.coauthor.lastParams.until === %d && (window.coauthor.lastParams.undated === 1) === %v && window.coauthor.lastParams.ego === undefined && document.getElementById("status").textContent === ""`, meta.Years[1]-1, keep), `window.coauthor.lastParams`)
		return js[int](t, ctx, `window.coauthor.lastCounts.papers`)
	}
	with, without := papers(true), papers(false)
	t.Logf("papers up to %d: %d with the undated, %d without; %d undated", meta.Years[1]-1, with, without, meta.Undated)
	if with-without != meta.Undated {
		t.Errorf("papers up to %d: %d with the undated, %d without, want %d apart", meta.Years[1]-1, with, without, meta.Undated)
	}
}

// TestExplorerSaves checks, in headless Chromium on the built-in example
// (served and as one HTML file), what the explorer saves: the SVG of the
// view parses and has a circle for each node in view and the legend; the
// PNG is an image of the view's size, not blank; the address keeps the
// colour mode, the filters and the selection, and a page opened on it
// shows the same; the density view draws a heat map.
func TestExplorerSaves(t *testing.T) {
	bctx := startBrowser(t)
	file := filepath.Join(t.TempDir(), "map.html")
	if _, errOut, code := runCLI(t, "", "render", "-o", file, "-quiet"); code != 0 {
		t.Fatalf("render -o map.html: %d %s", code, errOut)
	}
	for _, mode := range []struct{ name, url string }{{"served", serve(t)}, {"inline", "file://" + file}} {
		t.Run(mode.name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(bctx)
			defer cancel()
			ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
			defer cancel()
			checkSaves(t, ctx, mode.url)
		})
	}
}

func checkSaves(t *testing.T, ctx context.Context, url string) {
	if _, err := browser.Load(ctx, url, time.Minute); err != nil {
		t.Fatal(err)
	}
	js[bool](t, ctx, `window.coauthor.restored.then(() => true)`)
	type svgCheck struct {
		Error   string `json:"error"`
		Circles int    `json:"circles"`
		InView  int    `json:"in_view"`
		Legend  int    `json:"legend"`
		Width   string `json:"width"`
	}
	const svgJS = `(() => { const s = window.coauthor.sigma, {width: W, height: H} = s.getDimensions();
		const doc = new DOMParser().parseFromString(window.coauthor.viewSVG(), "image/svg+xml");
		const err = doc.querySelector("parsererror");
		let inView = 0;
		s.getGraph().forEachNode((n) => { const d = s.getNodeDisplayData(n); if (d.hidden) return; const p = s.framedGraphToViewport(d), r = s.scaleSize(d.size);
			if (p.x + r >= 0 && p.x - r <= W && p.y + r >= 0 && p.y - r <= H) inView++; });
		return {error: err ? err.textContent : "", circles: doc.querySelectorAll("g.nodes circle").length, in_view: inView,
			legend: doc.querySelectorAll("g.legend circle").length, width: doc.documentElement.getAttribute("width") + "x" + doc.documentElement.getAttribute("height")}; })()`
	v := js[svgCheck](t, ctx, svgJS)
	t.Logf("SVG: %+v", v)
	if v.Error != "" || v.Circles != v.InView || v.Circles != 86 || v.Legend == 0 {
		t.Errorf("SVG of the view: %+v, want it to parse, with 86 circles (the nodes in view) and a legend", v)
	}
	type pngCheck struct {
		W, H, ViewW, ViewH, Ratio float64
		Coloured                  int
	}
	p := js[pngCheck](t, ctx, `window.coauthor.viewPNG().then(async (b) => { const img = await createImageBitmap(b);
		const c = document.createElement("canvas"); c.width = img.width; c.height = img.height; const x = c.getContext("2d"); x.drawImage(img, 0, 0);
		const d = x.getImageData(0, 0, c.width, c.height).data; let coloured = 0;
		for (let i = 0; i < d.length; i += 4) if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) coloured++;
		const dim = window.coauthor.sigma.getDimensions();
		return {W: img.width, H: img.height, ViewW: dim.width, ViewH: dim.height, Ratio: window.devicePixelRatio || 1, Coloured: coloured}; })`)
	t.Logf("PNG: %+v", p)
	if p.W != p.ViewW*p.Ratio || p.H != p.ViewH*p.Ratio || p.Coloured < 1000 {
		t.Errorf("PNG of the view: %+v, want the view's size and drawn", p)
	}

	// The state: colour by year, years to 2022, an author selected.
	js[bool](t, ctx, `(() => { const c = document.getElementById("color-by"); c.value = "year"; c.dispatchEvent(new Event("change", {bubbles: true}));
		const e = document.getElementById("year-to"); e.value = "2022"; e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	waitFor(t, ctx, "years to 2022", `window.coauthor.lastParams && window.coauthor.lastParams.until === 2022 && document.getElementById("status").textContent === ""`, `window.coauthor.lastParams`)
	hume := js[int](t, ctx, `Number(window.coauthor.sigma.getGraph().findNode((n, a) => a.label === "Tristan Hume"))`)
	js[bool](t, ctx, fmt.Sprintf(`window.coauthor.selectAuthor(%d).then(() => true)`, hume))
	js[bool](t, ctx, `window.coauthor.setDensity(true), true`)
	hash := js[string](t, ctx, `location.hash`)
	t.Logf("address: %s", hash)
	type state struct {
		Colour  string `json:"colour"`
		Until   string `json:"until"`
		Params  string `json:"params"`
		Author  int    `json:"author"`
		Panel   string `json:"panel"`
		Density bool   `json:"density"`
		Nodes   string `json:"nodes"`
	}
	const stateJS = `({colour: document.getElementById("color-by").value, until: document.getElementById("year-to").value,
		params: JSON.stringify(window.coauthor.lastParams || {}), author: (window.coauthor.highlight() || {}).id || -1,
		panel: document.getElementById("panel-name").textContent, density: !document.getElementById("density-layer").hidden,
		nodes: document.getElementById("node-count").textContent})`
	before := js[state](t, ctx, stateJS)
	base := url
	if i := strings.Index(base, "#"); i >= 0 {
		base = base[:i]
	}
	// a fresh page on the address: a hash change alone does not reload
	if _, err := browser.Load(ctx, "about:blank", 10*time.Second); err == nil {
		t.Fatal("about:blank is no explorer")
	}
	if _, err := browser.Load(ctx, base+hash, time.Minute); err != nil {
		t.Fatal(err)
	}
	js[bool](t, ctx, `window.coauthor.restored.then(() => true)`)
	waitFor(t, ctx, "Tristan Hume's panel", `document.getElementById("panel-name").textContent === "Tristan Hume"`, `location.href + " " + document.getElementById("status").textContent + " " + JSON.stringify(window.coauthor.highlight())`)
	after := js[state](t, ctx, stateJS)
	if after != before || before.Colour != "year" || before.Until != "2022" || before.Author != hume || !before.Density {
		t.Errorf("state restored from %s:\n%+v\nbefore:\n%+v", hash, after, before)
	}
	// The heat map is drawn on a frame after the state is restored.
	waitFor(t, ctx, "the density view drawn", `(window.coauthor.densityTop || 0) > 0`, `String(window.coauthor.densityTop)`)
}

// TestRenderDensity: render -view density draws the density raster under
// the graph in SVG, and refuses formats it does not draw.
func TestRenderDensity(t *testing.T) {
	out, errOut, code := runCLI(t, "", "render", "-view", "density", "-to", "svg", "-o", "-", "-quiet")
	if code != 0 || strings.Count(out, `<image class="density"`) != 1 || strings.Index(out, `class="density"`) > strings.Index(out, `<g class="graph">`) {
		t.Fatalf("render -view density: %d %s; want one density image before the graph", code, errOut)
	}
	for _, args := range [][]string{{"-view", "density", "-to", "html", "-o", "-"}, {"-view", "heat", "-to", "svg", "-o", "-"}} {
		if _, errOut, code := runCLI(t, "", append([]string{"render", "-quiet"}, args...)...); code == 0 || !strings.Contains(errOut, "view") {
			t.Errorf("render %q: %d %s, want a usage error naming the view", args, code, errOut)
		}
	}
	out, _, _ = runCLI(t, "", "render", "-to", "svg", "-o", "-", "-quiet")
	if strings.Contains(out, `class="density"`) {
		t.Error("render without -view density draws a density image")
	}
}
