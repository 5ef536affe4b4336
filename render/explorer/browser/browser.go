// Package browser drives headless Chromium for the explorer's tests and
// benchmarks (github.com/chromedp/chromedp over the DevTools protocol).
package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium is returned by Find when no Chromium is installed.
var ErrNoChromium = errors.New("no Chromium found (install Debian's chromium: apt-get install -y chromium; or set CHROMIUM)")

// Find returns the path of Chromium: $CHROMIUM, else the first of
// chromium, chromium-browser, google-chrome on $PATH, else
// /usr/bin/chromium.
func Find() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// Start launches headless Chromium with a fresh profile in dir and a
// 1400×900 window, WebGL by SwiftShader (no GPU needed), and returns a
// context for chromedp's actions and the function that closes it.
func Start(ctx context.Context, dir string) (context.Context, context.CancelFunc, error) {
	path, err := Find()
	if err != nil {
		return nil, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1400, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		cancelBrowser()
		cancelAlloc()
		return nil, nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return bctx, func() { cancelBrowser(); cancelAlloc() }, nil
}

// FirstFrame is what Load measures of the explorer.
type FirstFrame struct {
	// Ms is the time from the start of navigation to the first frame
	// drawn by sigma.js (performance.now() then).
	Ms    float64 `json:"first_frame_ms"`
	Nodes int     `json:"nodes"` // nodes drawn
	Mode  string  `json:"mode"`  // "served" or "inline"
}

// Load navigates to url and waits until the explorer has drawn its first
// frame (document.body.dataset.ready), for at most timeout.
func Load(ctx context.Context, url string, timeout time.Duration) (FirstFrame, error) {
	var ff FirstFrame
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return ff, err
	}
	ready, err := chromedp.Run(ctx, chromedp.Poll[string](`document.body && document.body.dataset.ready`,
		chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
	if err != nil {
		return ff, err
	}
	if ready != "1" {
		status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("status").textContent`))
		return ff, fmt.Errorf("the explorer did not start: %s", status)
	}
	return chromedp.Run(ctx, chromedp.Evaluate[FirstFrame](`({first_frame_ms: window.coauthor.firstFrameMs, nodes: Number(document.getElementById("node-count").textContent), mode: window.coauthor.mode})`))
}
