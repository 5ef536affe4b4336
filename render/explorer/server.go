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
	"path"
	"regexp"
	"strconv"
	"strings"
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

// Handler returns the HTTP handler of the explorer: the API under api/
// and the front end's files, nothing else.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/meta", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, a.meta) })
	mux.HandleFunc("GET /api/graph", a.handleGraph)
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
		p, err := a.Path(from, to, q.Get("all") == "1" || q.Get("all") == "true")
		if err != nil {
			writeError(w, http.StatusNotFound, err)
			return
		}
		writeJSON(w, p)
	})
	mux.HandleFunc("POST /api/match", func(w http.ResponseWriter, r *http.Request) {
		ids, unmatched, err := a.MatchLines(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("names: %v (at most %d bytes)", err, maxBody))
			return
		}
		writeJSON(w, map[string]any{"ids": ids, "unmatched": unmatched})
	})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/meta", "/api/graph", "/api/search", "/api/author", "/api/edge", "/api/path", "/api/match":
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

func (a *App) handleGraph(w http.ResponseWriter, r *http.Request) {
	q, err := ParseQuery(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if q.IsAll() {
		w.Header().Set("Content-Type", "application/json")
		w.Write(a.full)
		return
	}
	out, err := a.Graph(q)
	if err != nil {
		writeError(w, http.StatusNotFound, err)
		return
	}
	writeJSON(w, out)
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

// Serve serves h on addr until ctx is done, then shuts down within a few
// seconds; ready is told the URL once the server listens.
func Serve(ctx context.Context, addr string, h http.Handler, ready func(url string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 60 * time.Second, MaxHeaderBytes: maxHeader}
	if ready != nil {
		ready("http://" + ln.Addr().String() + "/")
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	<-done
	return nil
}

// WriteHTML writes the explorer as one self-contained HTML page: the
// front end with its style and scripts inline and the data in a
// <script type="application/json"> block, which the front end answers
// its questions from; it needs no server and no network.
func (a *App) WriteHTML(w io.Writer) error {
	data, err := a.Bundle()
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
