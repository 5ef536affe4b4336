package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"coauthor/render/explorer/browser"
)

var screenshot = flag.String("screenshot", "", "write a screenshot of the explorer's map to this PNG file (TestExplorerInBrowser)")

// startBrowser starts headless Chromium, or skips the test when there is
// none and $CI is not set (in CI a missing Chromium fails).
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := browser.Find(); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("skipping the browser test: %v", err)
		}
		t.Fatalf("CI is set and %v", err)
	}
	ctx, stop, err := browser.Start(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return ctx
}

// serve runs "coauthor serve -quiet" with args until the test ends, which
// fails unless it then exits 0 or 130, and returns its URL.
func serve(t *testing.T, args ...string) string {
	t.Helper()
	u, stderr, stop := startServe(t, append([]string{"-quiet"}, args...)...)
	t.Cleanup(func() {
		if code := stop(); code != 0 && code != exitSignal { // Ctrl-C stops serve
			t.Errorf("serve exited with %d: %s", code, stderr.String())
		}
	})
	return u
}

// startServe runs "coauthor serve" on a free loopback port with args until
// the test ends, and returns its URL, its stderr and the function that stops
// it and returns its exit status.
func startServe(t *testing.T, args ...string) (string, *lockedBuffer, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	stderr := &lockedBuffer{}
	go func() {
		done <- run(ctx, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...), nil, pw, stderr)
		pw.Close()
	}()
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if i := strings.Index(sc.Text(), "http://"); i >= 0 {
				urls <- strings.Fields(sc.Text()[i:])[0]
			}
		}
		close(urls)
	}()
	code, once := 0, sync.Once{}
	stop := func() int {
		once.Do(func() { cancel(); code = <-done })
		return code
	}
	t.Cleanup(func() { stop() })
	select {
	case u, ok := <-urls:
		if !ok {
			t.Fatalf("serve printed no URL: %s", stderr.String())
		}
		return u, stderr, stop
	case <-time.After(time.Minute):
		t.Fatal("serve did not start within a minute")
	}
	return "", nil, nil
}

// TestExplorerInBrowser loads the explorer of the built-in example in
// headless Chromium, served and as one HTML file, and uses it as a
// person would: the map, the search, an author's panel, an edge's
// papers, a path, the years.
func TestExplorerInBrowser(t *testing.T) {
	bctx := startBrowser(t)
	out, errOut, code := runCLI(t, "", "stats", "-since", "2023", "-until", "2023", "-json", "-quiet")
	var in2023 stats
	if err := json.Unmarshal([]byte(out), &in2023); code != 0 || err != nil {
		t.Fatalf("stats -since 2023: %d %v %s", code, err, errOut)
	}
	file := filepath.Join(t.TempDir(), "map.html")
	if _, errOut, code := runCLI(t, "", "render", "-o", file, "-quiet"); code != 0 {
		t.Fatalf("render -o map.html: %d %s", code, errOut)
	}
	st, err := os.Stat(file)
	if err != nil || st.Size() > 1<<20 {
		t.Fatalf("map.html: %v, %d bytes (want under 1 MB)", err, st.Size())
	}
	t.Logf("map.html: %d bytes", st.Size())
	for _, mode := range []struct{ name, url string }{{"served", serve(t)}, {"inline", "file://" + file}} {
		t.Run(mode.name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(bctx)
			defer cancel()
			ctx, cancel = context.WithTimeout(ctx, time.Minute)
			defer cancel()
			checkExplorer(t, ctx, mode.url, mode.name, in2023.Authors)
		})
	}
}

// js evaluates expr (awaiting a promise) and returns its value.
func js[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// waitFor polls expr until it is true, for at most 30 s; on time out it
// fails with the value of show.
func waitFor(t *testing.T, ctx context.Context, what, expr, show string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil {
		t.Fatalf("%s: %v (%s is %v)", what, err, show, js[any](t, ctx, show))
	}
}

// typeInto focuses the element sel and types text with key events.
func typeInto(t *testing.T, ctx context.Context, sel, text string) {
	t.Helper()
	js[bool](t, ctx, fmt.Sprintf(`document.querySelector(%q).focus(), true`, sel))
	if err := chromedp.Do(ctx, chromedp.KeyEvent(text)); err != nil {
		t.Fatal(err)
	}
}

// clickOn clicks with the mouse in the middle of the element sel.
func clickOn(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	p := js[[2]float64](t, ctx, fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`, sel))
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(p[0], p[1])); err != nil {
		t.Fatal(err)
	}
}

func checkExplorer(t *testing.T, ctx context.Context, url, mode string, want2023 int) {
	ff, err := browser.Load(ctx, url, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: first frame after %.0f ms", mode, ff.Ms)
	if ff.Nodes != 86 || ff.Mode != mode {
		t.Fatalf("the map shows %d nodes in mode %q, want 86 in %s", ff.Nodes, ff.Mode, mode)
	}
	if *screenshot != "" && mode == "served" {
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err == nil {
			err = os.WriteFile(*screenshot, png, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	// Search "Hume", choose the result: the panel lists his 8 papers.
	typeInto(t, ctx, "#search", "Hume")
	waitFor(t, ctx, "search results for Hume", `(document.querySelector("#search-results li.search-result")?.textContent ?? "").includes("Hume")`, `document.getElementById("search-results").textContent`)
	clickOn(t, ctx, "#search-results li.search-result")
	waitFor(t, ctx, "Tristan Hume's panel with 8 papers",
		`document.getElementById("panel-name").textContent === "Tristan Hume" && document.querySelectorAll("#panel-papers li.paper").length === 8`,
		`document.getElementById("panel-name").textContent + ": " + document.querySelectorAll("#panel-papers li.paper").length`)

	// Choose the edge Tristan Hume – Amanda Askell: her 6 papers, all with him.
	id := func(name string) string {
		return fmt.Sprintf(`Number(window.coauthor.sigma.getGraph().findNode((n, a) => a.label === %q))`, name)
	}
	js[any](t, ctx, fmt.Sprintf(`window.coauthor.selectEdge(%s, %s).then(() => true)`, id("Tristan Hume"), id("Amanda Askell")))
	waitFor(t, ctx, "the edge's 6 shared papers",
		`!document.getElementById("edge-panel").hidden && document.querySelectorAll("#edge-panel li.paper").length === 6`,
		`document.querySelectorAll("#edge-panel li.paper").length`)

	// A path between two authors, through the inputs: drawn in the list
	// and highlighted on the map.
	for _, box := range []struct{ input, name string }{{"path-from", "Martin Wattenberg"}, {"path-to", "Cameron McKinnon"}} {
		// Type, choose the completion (as a person would; the list would
		// otherwise cover the button), check the choice.
		typeInto(t, ctx, "#"+box.input, box.name)
		// Wait for the completions of the whole name: under load the list
		// can still show those of the first letters typed.
		waitFor(t, ctx, "completions for "+box.name, fmt.Sprintf(`!document.getElementById("%s-results").hidden && (document.querySelector("#%[1]s-results li.search-result")?.textContent ?? "").includes(%[2]q)`, box.input, box.name),
			fmt.Sprintf(`document.getElementById("%s-results").textContent`, box.input))
		clickOn(t, ctx, "#"+box.input+"-results li.search-result")
		waitFor(t, ctx, box.name+" chosen", fmt.Sprintf(`document.getElementById("%s-results").hidden && document.getElementById("%[1]s").dataset.id !== undefined`, box.input),
			fmt.Sprintf(`document.getElementById("%s").value`, box.input))
	}
	clickOn(t, ctx, "#path-go")
	waitFor(t, ctx, "a path from Martin Wattenberg to Cameron McKinnon",
		`document.querySelectorAll("#path-result ol li.path-step").length >= 2`, `document.getElementById("path-result").textContent`)
	steps := js[[]string](t, ctx, `[...document.querySelectorAll("#path-result ol:first-of-type li.path-step .name")].map(e => e.textContent)`)
	if len(steps) < 2 || steps[0] != "Martin Wattenberg" || steps[len(steps)-1] != "Cameron McKinnon" {
		t.Fatalf("path steps %q", steps)
	}

	// Years 2023–2023: as many authors as "stats -since 2023 -until 2023".
	setYears := `for (const [id, v] of [["year-from", "2023"], ["year-to", "2023"]]) { const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})); } true`
	js[bool](t, ctx, setYears)
	waitFor(t, ctx, fmt.Sprintf("%d authors in 2023", want2023), fmt.Sprintf(`document.getElementById("node-count").textContent === "%d"`, want2023),
		`document.getElementById("node-count").textContent`)
	if errs := js[[]string](t, ctx, `window.__errors || []`); len(errs) > 0 {
		t.Error(errors.New(strings.Join(errs, "\n")))
	}
}

// TestExplorerPaperLinks serves, and renders as one HTML file, a
// Dimensions export with DOIs (testdata/links-dimensions.csv) and checks
// in headless Chromium that an author's papers are links to their DOIs,
// opened in a new tab, with the venue beside them, and that a title with
// markup stays text.
func TestExplorerPaperLinks(t *testing.T) {
	bctx := startBrowser(t)
	input := filepath.Join("testdata", "links-dimensions.csv")
	file := filepath.Join(t.TempDir(), "map.html")
	if _, errOut, code := runCLI(t, "", "render", "-o", file, "-quiet", input); code != 0 {
		t.Fatalf("render -o map.html: %d %s", code, errOut)
	}
	for _, mode := range []struct{ name, url string }{{"served", serve(t, input)}, {"inline", "file://" + file}} {
		t.Run(mode.name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(bctx)
			defer cancel()
			ctx, cancel = context.WithTimeout(ctx, time.Minute)
			defer cancel()
			if _, err := browser.Load(ctx, mode.url, time.Minute); err != nil {
				t.Fatal(err)
			}
			typeInto(t, ctx, "#search", "Ann Lee")
			waitFor(t, ctx, "search results for Ann Lee", `document.querySelectorAll("#search-results li.search-result").length > 0`, `document.getElementById("search-results").textContent`)
			clickOn(t, ctx, "#search-results li.search-result")
			waitFor(t, ctx, "Ann Lee's panel with 3 papers",
				`document.getElementById("panel-name").textContent === "Ann Lee" && document.querySelectorAll("#panel-papers li.paper").length === 3`,
				`document.getElementById("panel-name").textContent + ": " + document.querySelectorAll("#panel-papers li.paper").length`)
			type link struct{ Href, Target, Rel, Text, Meta string }
			links := js[[]link](t, ctx, `[...document.querySelectorAll("#panel-papers li.paper")].map(li => { const a = li.querySelector("a"); return {
				href: a ? a.getAttribute("href") : "", target: a ? a.target : "", rel: a ? a.rel : "", text: li.firstChild.textContent,
				meta: (li.querySelector(".meta") || {}).textContent || "" }; })`)
			want := []link{
				{"https://doi.org/10.1000/links.4", "_blank", "noopener noreferrer", "<script>alert(1)</script> & more", "2023 · Proc. <Escapes> & Co"},
				{"https://doi.org/10.1000/links.2", "_blank", "noopener noreferrer", "A second paper", "2022 · Journal of Links"},
				{"https://doi.org/10.1000/links.1", "_blank", "noopener noreferrer", "Clickable papers", "2021 · Journal of Links"},
			}
			if fmt.Sprint(links) != fmt.Sprint(want) {
				t.Fatalf("papers %q\nwant %q", links, want)
			}
			if n := js[int](t, ctx, `document.querySelectorAll("#panel-papers script").length`); n != 0 {
				t.Fatalf("%d script elements in the papers", n)
			}
			// Click the first DOI: a new tab opens on it.
			const doi = "https://doi.org/10.1000/links.4"
			pages := func() (n int, urls []string) {
				infos, err := chromedp.Targets(ctx)
				if err != nil {
					t.Fatal(err)
				}
				for _, info := range infos {
					if info.Type == "page" {
						urls = append(urls, info.URL)
						if info.URL == doi {
							n++
						}
					}
				}
				return n, urls
			}
			before, _ := pages()
			clickOn(t, ctx, `#panel-papers a[href="`+doi+`"]`)
			deadline := time.Now().Add(20 * time.Second)
			for {
				n, urls := pages()
				if n > before {
					t.Logf("pages after the click: %q", urls)
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("no new tab 20 s after clicking the DOI link: pages %q", urls)
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	}
}
