package explorer

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"coauthor/graph"
	"coauthor/parse/input"
)

// serve runs Serve with h on a free loopback port and returns its base
// URL, the function that stops it and the channel of Serve's result.
func serve(t *testing.T, h http.Handler) (string, context.CancelFunc, chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, "127.0.0.1:0", h, func(u string) { urls <- u }, nil) }()
	return <-urls, cancel, done
}

// do sends a GET of url with Host host and returns the status.
func do(t *testing.T, url, host string) int {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// TestServeHost: a Host that is not the server's own (DNS rebinding) is
// answered 421, the server's own names 200.
func TestServeHost(t *testing.T) {
	base, cancel, done := serve(t, example(t, input.Options{}).Handler())
	defer func() { cancel(); <-done }()
	_, port, _ := net.SplitHostPort(strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/"))
	for host, want := range map[string]int{
		"127.0.0.1:" + port:          200,
		"localhost:" + port:          200,
		"LOCALHOST.:" + port:         200,
		"app.localhost:" + port:      200,
		"[::1]:" + port:              200,
		"evil.example:" + port:       421,
		"127.0.0.1.nip.io:" + port:   421,
		"localhost.evil.com:" + port: 421,
		"127.0.0.1:1":                421,
		"localhost":                  421,
		"10.0.0.1:" + port:           421,
	} {
		if got := do(t, base+"api/meta", host); got != want {
			t.Errorf("Host %s: %d, want %d", host, got, want)
		}
	}
}

func TestHostAllowedAll(t *testing.T) {
	all := net.IPv4zero
	for _, c := range []struct {
		host string
		ip   net.IP
		want bool
	}{
		{"192.168.1.5:8080", all, true},
		{"[fe80::1]:8080", net.IPv6unspecified, true},
		{"myhost:8080", all, true},
		{"evil.example:8080", all, false},
		{"192.168.1.5:8080", net.ParseIP("192.168.1.5"), true},
		{"192.168.1.6:8080", net.ParseIP("192.168.1.5"), false},
		{"myhost:8080", net.ParseIP("192.168.1.5"), false},
		{"myhost:8080", net.ParseIP("127.0.0.1"), false},
	} {
		if got := hostAllowed(c.host, "8080", c.ip, "MyHost"); got != c.want {
			t.Errorf("Host %s bound to %v: %v, want %v", c.host, c.ip, got, c.want)
		}
	}
	// On port 80 clients send the Host without its port.
	for host, want := range map[string]bool{"127.0.0.1": true, "localhost": true, "[::1]": true, "evil.example": false, "127.0.0.1:80": true} {
		if got := hostAllowed(host, "80", net.ParseIP("127.0.0.1"), ""); got != want {
			t.Errorf("Host %q on port 80: %v, want %v", host, got, want)
		}
	}
	if hostAllowed("localhost", "8080", net.ParseIP("127.0.0.1"), "") {
		t.Error("Host without a port accepted on port 8080")
	}
	if w := warning(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}); w != "" {
		t.Errorf("loopback warned: %s", w)
	}
	for _, ip := range []net.IP{net.IPv4zero, net.IPv6unspecified, net.ParseIP("192.168.1.5")} {
		if w := warning(&net.TCPAddr{IP: ip, Port: 8080}); !strings.Contains(w, "WARNING") || !strings.Contains(w, "127.0.0.1:8080") {
			t.Errorf("%v: warning %q", ip, w)
		}
	}
}

// TestGraphBusy sends 100 parallel api/graph requests, each a different
// query: 2 are at work at once, 4 wait, the other 94 are answered 503
// with Retry-After at once; a query asked again is answered from the
// cache without work.
func TestGraphBusy(t *testing.T) {
	a := example(t, input.Options{})
	l := newLimiter(2, 4)
	var entered atomic.Int64
	gate := make(chan struct{})
	l.entered = func() { entered.Add(1); <-gate }
	srv := httptest.NewServer(a.handler(l))
	defer srv.Close()

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	type answer struct {
		code  int
		query string
	}
	codes := make(chan answer, 100)
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() {
			query := fmt.Sprintf("%s/api/graph?min_weight=%d.5", srv.URL, i)
			resp, err := http.Get(query)
			if err != nil {
				t.Error(err)
				codes <- answer{0, query}
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 503 && resp.Header.Get("Retry-After") == "" {
				t.Error("503 without Retry-After")
			}
			codes <- answer{resp.StatusCode, query}
		})
	}
	count := map[int]int{}
	for range 94 {
		select {
		case c := <-codes:
			count[c.code]++
		case <-time.After(30 * time.Second):
			close(gate)
			t.Fatalf("after %v answers, the others wait: none answered 503 at once", count)
		}
	}
	if count[503] != 94 || entered.Load() != 2 {
		t.Errorf("before the work ends: %v, %d at work; want 94 × 503 and 2 at work", count, entered.Load())
	}
	close(gate)
	wg.Wait()
	close(codes)
	var worked string
	for c := range codes {
		count[c.code]++
		if c.code == 200 {
			worked = c.query
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("heap in use %d → %d KB", before.HeapInuse>>10, after.HeapInuse>>10)
	if count[200] != 6 || count[503] != 94 || entered.Load() != 6 {
		t.Errorf("answers %v, %d worked on; want 6 × 200, 94 × 503", count, entered.Load())
	}
	// Asked again: from the cache, no work.
	resp, err := http.Get(worked)
	if err != nil || resp.StatusCode != 200 || entered.Load() != 6 {
		t.Errorf("a query asked again: %v %v, %d worked on", resp, err, entered.Load())
	}
}

// TestServeShutdownInFlight: a request still at work when the server is
// stopped holds Serve for Grace at most, not until it ends.
func TestServeShutdownInFlight(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release // ignores its context: a handler slow to notice
	})
	base, cancel, done := serve(t, h)
	defer close(release)
	go func() {
		if resp, err := http.Get(base); err == nil {
			resp.Body.Close()
		}
	}()
	<-started
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		t.Logf("stopped in %v with a request in flight", time.Since(start))
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Serve waits for the request in flight")
	}
}

// matchNetwork is a graph file's network of 3,000 authors "Given<i>
// Family<i mod 100>".
func matchNetwork(t *testing.T) *Network {
	nodes := make([]graph.Node, 3000)
	for i := range nodes {
		nodes[i] = graph.Node{Name: fmt.Sprintf("Given%d Family%d", i, i%100), Papers: 1}
	}
	g, err := graph.FromEdges(nodes, []graph.Edge{{U: 0, V: 1, Weight: 1, Papers: 1}})
	if err != nil {
		t.Fatal(err)
	}
	return NewNetwork(g, nil, nil)
}

// TestMatchLinesWork matches 3,000 names against 3,000 authors: the
// answers are Matcher.Match's, and the spellings compared number about
// the authors of each name's rarest word (31,000), not names × authors
// (9 million, as Matcher.Match's linear search of words did).
func TestMatchLinesWork(t *testing.T) {
	n := matchNetwork(t)
	var lines []string
	for i := range 1000 {
		lines = append(lines, fmt.Sprintf("Family%d", i%100), fmt.Sprintf("given%d", i*3), fmt.Sprintf("Nobody%d Family%d", i, i%100))
	}
	ids, unmatched, err := n.MatchLines(strings.NewReader(strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1000 || len(unmatched) != 2000 {
		t.Errorf("%d ids, %d unmatched; want 1000 and 2000", len(ids), len(unmatched))
	}
	got := n.words.compared.Load()
	// The same answers as Matcher.Match (on a sample: Match looks for
	// near misses, which is slow).
	for i := 0; i < len(lines); i += 50 {
		id, err := n.Matcher().Match(lines[i])
		got, ok := n.matchName(lines[i])
		if ok != (err == nil) || ok && got != id {
			t.Errorf("%q: %d %v; Match gives %d %v", lines[i], got, ok, id, err)
		}
	}
	t.Logf("%d names × %d authors: %d spellings compared", len(lines), n.G.N(), got)
	if got > 40_000 {
		t.Errorf("%d spellings compared, want at most 40,000", got)
	}
}

// TestMatchBody: a body as long as the limit is matched (one name of 1
// MB), one byte more is 413.
func TestMatchBody(t *testing.T) {
	base, cancel, done := serve(t, example(t, input.Options{}).Handler())
	defer func() { cancel(); <-done }()
	for size, want := range map[int]int{maxBody: 200, maxBody + 1: 413} {
		// No Content-Length: the limit is found while reading.
		resp, err := http.Post(base+"api/match", "text/plain", io.MultiReader(strings.NewReader(strings.Repeat("x", size))))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("a body of %d bytes: %d %.200s, want %d", size, resp.StatusCode, b, want)
		}
	}
}

// TestWriteHTMLCancelled: a cancelled map.html writes nothing and says so.
func TestWriteHTMLCancelled(t *testing.T) {
	a := example(t, input.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b strings.Builder
	if err := a.WriteHTML(ctx, &b); err != context.Canceled || b.Len() != 0 {
		t.Errorf("cancelled: %v, %d bytes written", err, b.Len())
	}
}
