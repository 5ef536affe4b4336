package explorer

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"coauthor/parse/identity"
)

// web holds the front end: index.html, app.css, app.js and the vendored
// sigma.js and graphology (MIT; their licences are in web/vendor).
//
//go:embed web
var web embed.FS

// Limits of the server.
const (
	maxBody     = 1 << 20  // bytes of a POST body (api/match)
	maxHeader   = 64 << 10 // bytes of the request line and headers
	maxSearch   = 100      // results of api/search
	maxQueryLen = 8 << 10  // bytes of a query string
)

// MaxWork is the most requests of the expensive kinds (api/graph,
// api/path, api/match) the handler works on at once; as many more wait,
// and the rest are answered 503 with Retry-After at once, so that a page
// sending a hundred requests cannot take the machine's memory.
var MaxWork = max(2, runtime.GOMAXPROCS(0))

// Handler returns the HTTP handler of the explorer: the API under api/
// and the front end's files, nothing else. Answers of api/graph are
// cached per query (the last maxCached, up to maxCacheBytes).
func (a *App) Handler() http.Handler {
	return a.handler(newLimiter(MaxWork, 2*MaxWork))
}

func (a *App) handler(work *limiter) http.Handler {
	mux := http.NewServeMux()
	cache := &answerCache{m: map[string][]byte{}}
	mux.HandleFunc("GET /api/meta", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, a.meta) })
	mux.HandleFunc("GET /api/status", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, a.Status()) })
	mux.HandleFunc("GET /api/graph", func(w http.ResponseWriter, r *http.Request) { a.handleGraph(w, r, work, cache) })
	mux.HandleFunc("GET /api/search", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		limit, err := intParam(q.Get("limit"), "limit", 10)
		if err != nil {
			writeError(w, http.StatusBadRequest, err)
			return
		}
		hits := a.Matcher().Search(q.Get("q"), min(max(limit, 0), maxSearch))
		if hits == nil {
			hits = []identity.Hit{}
		}
		writeJSON(w, map[string]any{"results": hits})
	})
	mux.HandleFunc("GET /api/author", func(w http.ResponseWriter, r *http.Request) {
		id, err := idParam(r.URL.Query(), "id")
		if err == nil {
			var out Author
			if out, err = a.AuthorAnswer(id); err == nil {
				writeJSON(w, out)
				return
			}
			writeError(w, http.StatusNotFound, err)
			return
		}
		writeError(w, http.StatusBadRequest, err)
	})
	mux.HandleFunc("GET /api/edge", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		s, err1 := idParam(q, "source")
		t, err2 := idParam(q, "target")
		if err := errors.Join(err1, err2); err != nil {
			writeError(w, http.StatusBadRequest, err)
			return
		}
		e, err := a.Edge(s, t)
		if err != nil {
			writeError(w, http.StatusNotFound, err)
			return
		}
		writeJSON(w, e)
	})
	mux.HandleFunc("GET /api/path", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		from, err1 := idParam(q, "from")
		to, err2 := idParam(q, "to")
		if err := errors.Join(err1, err2); err != nil {
			writeError(w, http.StatusBadRequest, err)
			return
		}
		if !work.enter(w, r) {
			return
		}
		defer work.leave()
		p, err := a.Path(from, to, q.Get("all") == "1" || q.Get("all") == "true")
		if err != nil {
			writeError(w, http.StatusNotFound, err)
			return
		}
		writeJSON(w, p)
	})
	mux.HandleFunc("POST /api/match", func(w http.ResponseWriter, r *http.Request) {
		// The body is read whole before the names are matched: matching
		// while reading ran into the read timeout, a false 413.
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			code := http.StatusBadRequest
			if errors.As(err, new(*http.MaxBytesError)) {
				code = http.StatusRequestEntityTooLarge
			}
			writeError(w, code, fmt.Errorf("names: %v (at most %d bytes)", err, maxBody))
			return
		}
		if !work.enter(w, r) {
			return
		}
		defer work.leave()
		ids, unmatched, err := a.MatchLines(bytes.NewReader(body))
		if err != nil {
			writeError(w, http.StatusBadRequest, fmt.Errorf("names: %v", err))
			return
		}
		writeJSON(w, map[string]any{"ids": ids, "unmatched": unmatched})
	})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/meta", "/api/status", "/api/graph", "/api/search", "/api/author", "/api/edge", "/api/path", "/api/match":
			w.Header().Set("Allow", map[bool]string{true: "POST", false: "GET, HEAD"}[r.URL.Path == "/api/match"]) // RFC 9110 15.5.6
			writeError(w, http.StatusMethodNotAllowed, fmt.Errorf("method %s not allowed on %s", r.Method, r.URL.Path))
			return
		}
		writeError(w, http.StatusNotFound, fmt.Errorf("no such endpoint %s", r.URL.Path))
	})
	mux.HandleFunc("/", serveStatic)
	return limit(mux)
}

// limit refuses long query strings and bodies before any handler runs,
// and marks every answer as not to be sniffed or cached.
func limit(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		if strings.Contains(r.URL.Path, "..") || strings.Contains(r.URL.RawPath, "..") {
			writeError(w, http.StatusBadRequest, errors.New("bad path"))
			return
		}
		if len(r.URL.RawQuery) > maxQueryLen {
			writeError(w, http.StatusRequestURITooLong, fmt.Errorf("query of %d bytes: at most %d", len(r.URL.RawQuery), maxQueryLen))
			return
		}
		if r.ContentLength > maxBody {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("body of %d bytes: at most %d", r.ContentLength, maxBody))
			return
		}
		h.ServeHTTP(&timing{ResponseWriter: w, start: time.Now()}, r)
	})
}

// timing tells the time spent on a request before its first byte in a
// Server-Timing header ("app;dur=MS"), for load tests to tell the
// server's time from the network's and the scheduler's.
type timing struct {
	http.ResponseWriter
	start time.Time
	sent  bool
}

func (t *timing) WriteHeader(code int) {
	if !t.sent {
		t.sent = true
		t.Header().Set("Server-Timing", fmt.Sprintf("app;dur=%.3f", float64(time.Since(t.start).Microseconds())/1000))
	}
	t.ResponseWriter.WriteHeader(code)
}

func (t *timing) Write(b []byte) (int, error) {
	if !t.sent {
		t.WriteHeader(http.StatusOK)
	}
	return t.ResponseWriter.Write(b)
}

// serveStatic serves the front end's files; "/" is index.html.
func serveStatic(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, fmt.Errorf("method %s not allowed", r.Method))
		return
	}
	p := r.URL.Path
	if strings.Contains(p, "..") || strings.Contains(p, "\\") || strings.Contains(p, "\x00") {
		writeError(w, http.StatusBadRequest, errors.New("bad path"))
		return
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	if name == "" {
		name = "index.html"
	}
	if !fs.ValidPath(name) {
		writeError(w, http.StatusBadRequest, errors.New("bad path"))
		return
	}
	b, err := fs.ReadFile(web, "web/"+name)
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(b)
}

func (a *App) handleGraph(w http.ResponseWriter, r *http.Request, work *limiter, cache *answerCache) {
	q, err := ParseQuery(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	key := fmt.Sprintf("%+v", q)
	b, ok := cache.get(key)
	if !ok {
		if !work.enter(w, r) {
			return
		}
		defer work.leave()
		if q.IsAll() {
			b, err = a.fullAnswer()
		} else {
			var out GraphAnswer
			if out, err = a.Graph(q); err == nil {
				b, err = json.Marshal(out)
			}
		}
		if err != nil {
			writeError(w, http.StatusNotFound, err)
			return
		}
		if !q.IsAll() { // the whole map is kept by the App
			cache.put(key, b)
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

// limiter bounds the requests at work (run) and those at work or waiting
// (queue).
type limiter struct {
	run, queue chan struct{}
	// entered, when set, is called as a request starts its work (tests).
	entered func()
}

func newLimiter(run, wait int) *limiter {
	return &limiter{run: make(chan struct{}, run), queue: make(chan struct{}, run+wait)}
}

// enter takes a place at work for r, waiting for one if the queue has
// room; else it answers 503 with Retry-After and returns false, as it
// does when r ends while waiting.
func (l *limiter) enter(w http.ResponseWriter, r *http.Request) bool {
	select {
	case l.queue <- struct{}{}:
	default:
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, fmt.Errorf("busy: %d requests at work and %d waiting; retry in a second", cap(l.run), cap(l.queue)-cap(l.run)))
		return false
	}
	select {
	case l.run <- struct{}{}:
	case <-r.Context().Done():
		<-l.queue
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, errors.New("cancelled while waiting"))
		return false
	}
	if l.entered != nil {
		l.entered()
	}
	return true
}

func (l *limiter) leave() {
	<-l.run
	<-l.queue
}

// Bounds of the cache of api/graph answers.
const (
	maxCached     = 64
	maxCacheBytes = 256 << 20
)

// answerCache keeps the latest answers by query, oldest dropped first.
type answerCache struct {
	mu    sync.Mutex
	m     map[string][]byte
	order []string
	bytes int
}

func (c *answerCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.m[key]
	return b, ok
}

func (c *answerCache) put(key string, b []byte) {
	if len(b) > maxCacheBytes/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[key]; ok {
		return
	}
	for len(c.order) > 0 && (len(c.order) >= maxCached || c.bytes+len(b) > maxCacheBytes) {
		old := c.order[0]
		c.order = c.order[1:]
		c.bytes -= len(c.m[old])
		delete(c.m, old)
	}
	c.m[key], c.order, c.bytes = b, append(c.order, key), c.bytes+len(b)
}

// ParseQuery reads the parameters of api/graph: since, until,
// min_weight, min_papers, clusters (ids, comma-separated), ego, depth,
// only (author ids, comma-separated), undated (1: keep papers without a
// year under since and until).
func ParseQuery(v map[string][]string) (Query, error) {
	get := func(k string) string {
		if x := v[k]; len(x) > 0 {
			return x[0]
		}
		return ""
	}
	q := All
	var errs []error
	num := func(k string, p *int) {
		var err error
		*p, err = intParam(get(k), k, *p)
		errs = append(errs, err)
	}
	num("since", &q.Since)
	num("until", &q.Until)
	num("min_papers", &q.MinPapers)
	num("depth", &q.Depth)
	if s := get("undated"); s != "" {
		q.Undated = s == "1"
		if s != "0" && s != "1" {
			errs = append(errs, fmt.Errorf("bad undated %q: want 0 or 1", s))
		}
	}
	if s := get("min_weight"); s != "" {
		w, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
			errs = append(errs, fmt.Errorf("bad min_weight %q: want a number", s))
		}
		q.MinWeight = w
	}
	if s := get("ego"); s != "" {
		id, err := strconv.ParseInt(s, 10, 32)
		if err != nil || id < 0 {
			errs = append(errs, fmt.Errorf("bad ego %q: want an author id", s))
		}
		q.HasEgo, q.Ego = true, int32(id)
	}
	var err error
	if _, ok := v["clusters"]; ok {
		q.Clusters, err = idList(get("clusters"), "clusters")
		errs = append(errs, err)
	}
	if _, ok := v["only"]; ok {
		q.Only, err = idList(get("only"), "only")
		errs = append(errs, err)
	}
	if q.Depth < 0 || q.MinPapers < 0 || q.Since < 0 || q.Until < 0 {
		errs = append(errs, errors.New("depth, min_papers, since and until must be 0 or more"))
	}
	return q, errors.Join(errs...)
}

var idListRE = regexp.MustCompile(`^\d{1,10}(,\d{1,10})*$`)

func idList(s, name string) ([]int32, error) {
	out := []int32{}
	if s == "" {
		return out, nil
	}
	if !idListRE.MatchString(s) {
		return nil, fmt.Errorf("bad %s %q: want ids separated by commas", name, s)
	}
	for _, f := range strings.Split(s, ",") {
		id, err := strconv.ParseInt(f, 10, 32)
		if err != nil {
			return nil, fmt.Errorf("bad %s: id %s out of range", name, f)
		}
		out = append(out, int32(id))
	}
	return out, nil
}

func intParam(s, name string, def int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < -1<<30 || n > 1<<30 {
		return def, fmt.Errorf("bad %s %q: want a whole number", name, s)
	}
	return n, nil
}

func idParam(v map[string][]string, name string) (int32, error) {
	x := v[name]
	if len(x) == 0 || x[0] == "" {
		return 0, fmt.Errorf("give %s, an author id", name)
	}
	id, err := strconv.ParseInt(x[0], 10, 32)
	if err != nil || id < 0 {
		return 0, fmt.Errorf("bad %s %q: want an author id", name, x[0])
	}
	return int32(id), nil
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

func writeError(w http.ResponseWriter, code int, err error) {
	b, _ := json.Marshal(map[string]string{"error": err.Error()})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	w.Write(b)
}

// Grace is how long Serve waits for the requests in flight once ctx is
// done before it closes their connections.
const Grace = time.Second

// Serve serves h on addr until ctx is done, then shuts down within Grace;
// ready is told the URL once the server listens, warn (when not nil) a
// warning when addr reaches beyond this machine's loopback. Requests
// whose Host header names neither a loopback name nor the address bound
// (a page of another site whose name was made to point here, DNS
// rebinding) are answered 421.
func Serve(ctx context.Context, addr string, h http.Handler, ready func(url string), warn func(msg string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	bound := ln.Addr().(*net.TCPAddr)
	srv := &http.Server{Handler: guardHost(h, bound), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 60 * time.Second, MaxHeaderBytes: maxHeader,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	if msg := warning(bound); msg != "" && warn != nil {
		warn(msg)
	}
	if ready != nil {
		ready("http://" + bound.String() + "/")
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), Grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close() // the requests still in flight lose their connections
	}
	<-done
	return nil
}

// warning returns the warning of a server bound beyond loopback ("" on
// loopback).
func warning(bound *net.TCPAddr) string {
	if bound.IP.IsLoopback() {
		return ""
	}
	return fmt.Sprintf("WARNING: listening on %s, beyond this machine's loopback: anyone who can reach this port can read the whole network (the explorer has no login); use --addr 127.0.0.1:%d to keep it on this machine", bound, bound.Port)
}

// guardHost answers 421 to a request whose Host is not an address of
// this server: a loopback name or address, the address bound, any IP
// address (which no DNS rebinding gives) when bound to all, or this
// machine's name then; the port must be the one bound.
func guardHost(h http.Handler, bound *net.TCPAddr) http.Handler {
	port := strconv.Itoa(bound.Port)
	hostname, _ := os.Hostname()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hostAllowed(r.Host, port, bound.IP, hostname) {
			writeError(w, http.StatusMisdirectedRequest, fmt.Errorf("host %q is not this server's address: open http://127.0.0.1:%s/ (or localhost)", shortHost(r.Host), port))
			return
		}
		h.ServeHTTP(w, r)
	})
}

func shortHost(s string) string {
	if len(s) > 100 {
		return s[:100] + "…"
	}
	return s
}

// hostAllowed reports whether the Host header host names this server
// bound to ip and port.
func hostAllowed(host, port string, ip net.IP, hostname string) bool {
	name, p, err := net.SplitHostPort(host)
	if err != nil {
		// No port in the header: clients leave out the default one
		// (":80" for http), so the name stands alone.
		name, p = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"), "80"
		if name == "" || strings.ContainsAny(name, "/ ") {
			return false
		}
	}
	if p != port {
		return false
	}
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if name == "localhost" || strings.HasSuffix(name, ".localhost") {
		return true
	}
	if lit := net.ParseIP(name); lit != nil {
		return lit.IsLoopback() || lit.Equal(ip) || ip.IsUnspecified()
	}
	return ip.IsUnspecified() && hostname != "" && name == strings.ToLower(hostname)
}

// WriteHTML writes the explorer as one self-contained HTML page: the
// front end with its style and scripts inline and the data in a
// <script type="application/json"> block, which the front end answers
// its questions from; it needs no server and no network. It returns
// ctx's error soon after ctx ends, having written nothing.
func (a *App) WriteHTML(ctx context.Context, w io.Writer) error {
	data, err := a.Bundle(ctx)
	if err != nil {
		return err
	}
	page, err := fs.ReadFile(web, "web/index.html")
	if err != nil {
		return err
	}
	css, err := fs.ReadFile(web, "web/app.css")
	if err != nil {
		return err
	}
	const cssTag = `<link rel="stylesheet" href="app.css">`
	page = bytes.Replace(page, []byte(cssTag), append(append([]byte("<style>\n"), css...), "</style>"...), 1)
	for _, m := range scriptRE.FindAllSubmatch(page, -1) {
		js, err := fs.ReadFile(web, "web/"+string(m[1]))
		if err != nil {
			return err
		}
		if bytes.Contains(bytes.ToLower(js), []byte("</script")) {
			return fmt.Errorf("%s contains </script and cannot be inlined", m[1])
		}
		page = bytes.Replace(page, m[0], append(append([]byte("<script>\n"), js...), "\n</script>"...), 1)
	}
	block := append(append([]byte(`<script id="coauthor-data" type="application/json">`), data...), "</script>\n</head>"...)
	page = bytes.Replace(page, []byte("</head>"), block, 1)
	_, err = w.Write(page)
	return err
}

var scriptRE = regexp.MustCompile(`<script src="([^"]+)"></script>`)
