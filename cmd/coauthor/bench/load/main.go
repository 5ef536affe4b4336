// Command load is the explorer's load test: it sends author, search and
// path requests at a fixed rate to a running "coauthor serve" on the
// loopback interface, then bad requests, and reports latencies, errors
// and the server's memory. See load.sh, which runs it against ca-GrQc.
//
//	go run ./cmd/coauthor/bench/load -url http://127.0.0.1:18090/ -rate 200 -duration 30s -pid PID
//
// It exits 1 when a request fails, when p99 is over -p99, or when a bad
// request is not refused with a 4xx or stops the server.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:18090/", "the explorer's URL (loopback only)")
	rate := flag.Int("rate", 200, "requests a second")
	duration := flag.Duration("duration", 30*time.Second, "how long to send")
	pid := flag.Int("pid", 0, "the server's process id, to sample its memory (0: none)")
	maxP99 := flag.Duration("p99", 50*time.Millisecond, "fail when the 99th percentile latency is above")
	seed := flag.Uint64("seed", 1, "random seed of the requests")
	flag.Parse()
	if err := run(*base, *rate, *duration, *pid, *maxP99, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

type result struct {
	kind    string
	latency time.Duration
	server  time.Duration // from the Server-Timing header
	err     error
}

func run(base string, rate int, duration time.Duration, pid int, maxP99 time.Duration, seed uint64) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); (ip == nil || !ip.IsLoopback()) && u.Hostname() != "localhost" {
		return fmt.Errorf("%s is not a loopback address", u.Host)
	}
	if rate < 1 || rate > 2000 || duration > 5*time.Minute {
		return fmt.Errorf("rate must be 1 to 2000 and duration at most 5m")
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	var g struct {
		Nodes []struct {
			ID   int32  `json:"id"`
			Name string `json:"name"`
		} `json:"nodes"`
	}
	if err := getJSON(client, base+"api/graph", &g); err != nil {
		return err
	}
	if len(g.Nodes) < 2 {
		return fmt.Errorf("the map has %d nodes", len(g.Nodes))
	}
	fmt.Printf("target %s: %d authors; %d requests/s for %v (author, search, path in turn)\n", base, len(g.Nodes), rate, duration)
	r := rand.New(rand.NewPCG(seed, 7))
	node := func() int32 { return g.Nodes[r.IntN(len(g.Nodes))].ID }
	query := func(i int) (string, string) {
		switch i % 3 {
		case 0:
			return "author", fmt.Sprintf("api/author?id=%d", node())
		case 1:
			name := []rune(g.Nodes[r.IntN(len(g.Nodes))].Name)
			q := string(name[:min(len(name), 2+r.IntN(4))])
			return "search", "api/search?limit=10&q=" + url.QueryEscape(q)
		}
		return "path", fmt.Sprintf("api/path?from=%d&to=%d", node(), node())
	}

	mem := sampleMemory(pid)
	results := make(chan result, 1024)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 512)
	total := int(float64(rate) * duration.Seconds())
	start := time.Now()
	go func() {
		for i := range total {
			time.Sleep(time.Until(start.Add(time.Duration(i) * time.Second / time.Duration(rate))))
			kind, path := query(i)
			sem <- struct{}{}
			wg.Add(1)
			go func() {
				defer func() { <-sem; wg.Done() }()
				t0 := time.Now()
				server, err := get(client, base+path)
				results <- result{kind, time.Since(t0), server, err}
			}()
		}
		wg.Wait()
		close(results)
	}()
	lat := map[string][]time.Duration{}
	var all, server []time.Duration
	errs := 0
	for res := range results {
		if res.err != nil {
			if errs < 5 {
				fmt.Println("error:", res.kind, res.err)
			}
			errs++
		}
		lat[res.kind] = append(lat[res.kind], res.latency)
		all = append(all, res.latency)
		server = append(server, res.server)
	}
	elapsed := time.Since(start)
	fmt.Printf("sent %d requests in %.1f s (%.0f/s), %d errors\n", len(all), elapsed.Seconds(), float64(len(all))/elapsed.Seconds(), errs)
	for _, k := range []string{"author", "search", "path"} {
		fmt.Printf("  %-7s %s\n", k, summary(lat[k]))
	}
	fmt.Printf("  %-7s %s\n", "all", summary(all))
	fmt.Printf("  time in the server's handlers (Server-Timing): %s\n", summary(server))
	rss := mem()
	if len(rss) > 0 {
		fmt.Printf("server memory (RSS, MB, one sample a second): start %.1f, max %.1f, end %.1f\n", rss[0], slices.Max(rss), rss[len(rss)-1])
	}

	bad := badRequests(client, base)
	var failures []string
	if errs > 0 {
		failures = append(failures, fmt.Sprintf("%d requests failed", errs))
	}
	if p := percentile(all, 0.99); p > maxP99 {
		failures = append(failures, fmt.Sprintf("p99 %v over %v", p, maxP99))
	}
	failures = append(failures, bad...)
	if len(failures) > 0 {
		return fmt.Errorf("%s", strings.Join(failures, "; "))
	}
	fmt.Println("PASS")
	return nil
}

// badRequests sends requests the server must refuse with a 4xx, and
// checks that it still answers afterwards; it returns what went wrong.
func badRequests(client *http.Client, base string) []string {
	big := strings.Repeat("a", 10<<20)
	cases := []struct {
		what, method, path string
		body               string
	}{
		{"unknown author id", "GET", "api/author?id=99999999", ""},
		{"malformed id", "GET", "api/author?id=abc", ""},
		{"missing id", "GET", "api/author", ""},
		{"malformed year", "GET", "api/graph?since=20x3", ""},
		{"malformed cluster list", "GET", "api/graph?clusters=1,,x", ""},
		{"unknown edge", "GET", "api/edge?source=0&target=0", ""},
		{"unknown endpoint", "GET", "api/nothing", ""},
		{"wrong method", "POST", "api/author?id=1", ""},
		{"../ path", "GET", "../../../etc/passwd", ""},
		{"encoded ../ path", "GET", "%2e%2e/%2e%2e/etc/passwd", ""},
		{"unknown file", "GET", "nothing.js", ""},
		{"10 MB query", "GET", "api/search?q=" + big, ""},
		{"10 MB body", "POST", "api/match", big},
	}
	var failures []string
	fmt.Println("bad requests:")
	for _, c := range cases {
		code, err := send(client, c.method, base, c.path, c.body)
		fmt.Printf("  %-24s %d %v\n", c.what, code, errString(err))
		if code < 400 || code >= 500 {
			failures = append(failures, fmt.Sprintf("%s: status %d %v", c.what, code, err))
		}
	}
	if _, err := get(client, base+"api/meta"); err != nil {
		failures = append(failures, "the server stopped answering: "+err.Error())
	} else {
		fmt.Println("  the server still answers: api/meta 200")
	}
	return failures
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// send sends one raw request (the path as given, not cleaned) and returns
// its status.
func send(client *http.Client, method, base, path, body string) (int, error) {
	req, err := http.NewRequest(method, base, strings.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.URL.Opaque = "//" + req.URL.Host + "/" + path // no cleaning of ../
	if i := strings.IndexByte(path, '?'); i >= 0 {
		req.URL.Opaque = "//" + req.URL.Host + "/" + path[:i]
		req.URL.RawQuery = path[i+1:]
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, nil
}

// get requests u and checks the answer: 200 and JSON. It returns the
// server's time from the Server-Timing header.
func get(client *http.Client, u string) (time.Duration, error) {
	resp, err := client.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	var server time.Duration
	if _, dur, ok := strings.Cut(resp.Header.Get("Server-Timing"), "dur="); ok {
		ms, _ := strconv.ParseFloat(dur, 64)
		server = time.Duration(ms * float64(time.Millisecond))
	}
	if resp.StatusCode != 200 {
		return server, fmt.Errorf("%s: %s %s", u, resp.Status, bytes.TrimSpace(b))
	}
	if !json.Valid(b) {
		return server, fmt.Errorf("%s: invalid JSON", u)
	}
	return server, nil
}

func getJSON(client *http.Client, u string, v any) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("%s: %s", u, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

func summary(d []time.Duration) string {
	ms := func(x time.Duration) string { return strconv.FormatFloat(float64(x.Microseconds())/1000, 'f', 2, 64) }
	return fmt.Sprintf("n=%d p50=%s ms p90=%s ms p99=%s ms max=%s ms", len(d), ms(percentile(d, 0.5)), ms(percentile(d, 0.9)), ms(percentile(d, 0.99)), ms(percentile(d, 1)))
}

// sampleMemory samples the resident memory of process pid once a second
// until the function it returns is called, which returns the samples in
// MB.
func sampleMemory(pid int) func() []float64 {
	if pid == 0 {
		return func() []float64 { return nil }
	}
	var mu sync.Mutex
	var out []float64
	stop := make(chan struct{})
	read := func() {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err != nil {
			return
		}
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
				kb, _ := strconv.ParseFloat(f[1], 64)
				mu.Lock()
				out = append(out, kb/1024)
				mu.Unlock()
			}
		}
	}
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			read()
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() []float64 {
		close(stop)
		read()
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(out)
	}
}
