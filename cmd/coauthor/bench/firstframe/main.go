// Command firstframe measures, in headless Chromium, the time from
// navigation to the explorer's first drawn frame, for each URL given
// (http://... of "coauthor serve", or file://... of "render -o map.html").
// Each URL is loaded -runs times in a fresh tab; the median is reported.
// See firstframe.sh.
//
//	go run ./cmd/coauthor/bench/firstframe -runs 3 http://127.0.0.1:18092/ file:///tmp/map.html
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/chromedp/chromedp"

	"coauthor/render/explorer/browser"
)

func main() {
	runs := flag.Int("runs", 3, "loads of each URL")
	timeout := flag.Duration("timeout", 3*time.Minute, "longest wait for a first frame")
	asJSON := flag.Bool("json", false, "print JSON lines")
	flag.Parse()
	dir, err := os.MkdirTemp("", "firstframe")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	bctx, stop, err := browser.Start(context.Background(), dir)
	if err != nil {
		fail(err)
	}
	defer stop()
	for _, url := range flag.Args() {
		var ms []float64
		var last browser.FirstFrame
		for range *runs {
			tab, cancel := chromedp.NewContext(bctx)
			ff, err := browser.Load(tab, url, *timeout)
			cancel()
			if err != nil {
				stop()
				fail(fmt.Errorf("%s: %w", url, err))
			}
			ms, last = append(ms, ff.Ms), ff
		}
		slices.Sort(ms)
		median := ms[len(ms)/2]
		if *asJSON {
			b, _ := json.Marshal(map[string]any{"url": url, "mode": last.Mode, "nodes": last.Nodes, "first_frame_ms": ms, "median_ms": median})
			fmt.Println(string(b))
			continue
		}
		fmt.Printf("%s (%s, %d nodes drawn): first frame after %.0f ms (median of %d: %.0f)\n", url, last.Mode, last.Nodes, median, len(ms), ms)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "firstframe:", err)
	os.Exit(1)
}
