package explorer

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"coauthor/examples"
	"coauthor/graph"
	"coauthor/parse/input"
)

// example returns the explorer of the built-in example, read with opt.
func example(t testing.TB, opt input.Options) *App {
	t.Helper()
	d, err := input.Load(context.Background(), []input.Source{{Name: "example", R: bytes.NewReader(examples.AuthorPage)}}, opt)
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.FromPapers(context.Background(), d.Identity.Names(), d.Identity.Papers(d.Corpus), graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(context.Background(), NewNetwork(g, d.Corpus, d.Identity), Options{Title: "example", Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestGraphQueries(t *testing.T) {
	a := example(t, input.Options{})
	m := a.Meta()
	if m.Authors != 86 || m.Edges != 2818 || m.Papers != 8 || m.Years != [2]int{2022, 2023} {
		t.Fatalf("meta %+v", m)
	}
	all, _ := a.Graph(All)
	if len(all.Nodes) != 86 || len(all.Edges) != 2818 || all.Counts.Papers != 8 {
		t.Fatalf("whole map: %+v", all.Counts)
	}
	// The years 2023–2023: the authors and edges of the network of 2023's
	// papers alone.
	y, _ := a.Graph(Query{Since: 2023, Until: 2023})
	only2023 := example(t, input.Options{Since: 2023, Until: 2023})
	if y.Counts.Authors != only2023.G.N() || y.Counts.Edges != only2023.G.M() || y.Counts.Papers != 3 {
		t.Errorf("2023: %+v, want %d authors, %d edges, 3 papers", y.Counts, only2023.G.N(), only2023.G.M())
	}
	hume, _ := a.Matcher().Match("Tristan Hume")
	ego, _ := a.Graph(Query{HasEgo: true, Ego: hume, Depth: 1, MinPapers: 6})
	for _, n := range ego.Nodes {
		if n.Papers < 6 {
			t.Errorf("ego with min_papers 6: %s has %d", n.Name, n.Papers)
		}
	}
	w, _ := a.Graph(Query{MinWeight: 8})
	if len(w.Edges) == 0 || len(w.Edges) >= 2818 {
		t.Errorf("min_weight 8: %d edges", len(w.Edges))
	}
	only, _ := a.Graph(Query{Only: []int32{0, hume}})
	if len(only.Nodes) != 2 || len(only.Edges) != 1 {
		t.Errorf("only two: %+v", only.Counts)
	}
}

// get requests path from h and decodes the JSON answer into v; it
// returns the status.
func get(t *testing.T, h http.Handler, method, path, body string, v any) int {
	t.Helper()
	srv := &recorder{header: http.Header{}}
	req, err := http.NewRequest(method, "http://x/"+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	h.ServeHTTP(srv, req)
	if v != nil {
		if err := json.Unmarshal(srv.body.Bytes(), v); err != nil {
			t.Fatalf("%s: %v: %s", path, err, srv.body.String())
		}
	}
	return srv.code
}

type recorder struct {
	header http.Header
	body   bytes.Buffer
	code   int
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = 200
	}
	return r.body.Write(b)
}
func (r *recorder) WriteHeader(code int) { r.code = code }

func TestAPI(t *testing.T) {
	a := example(t, input.Options{})
	h := a.Handler()
	var search struct {
		Results []struct {
			ID            int32
			Name, Matched string
		}
	}
	if get(t, h, "GET", "api/search?q=lukosiute", "", &search); len(search.Results) != 1 || search.Results[0].Name != "Kamilė Lukošiūtė" {
		t.Errorf("search lukosiute: %+v", search)
	}
	if get(t, h, "GET", "api/search?q=Kamile+Lukosuite", "", &search); len(search.Results) != 1 || search.Results[0].Matched != "Kamile Lukosuite" {
		t.Errorf("search by a merged variant: %+v", search)
	}
	hume, _ := a.Matcher().Match("Tristan Hume")
	askell, _ := a.Matcher().Match("Amanda Askell")
	var au Author
	if code := get(t, h, "GET", fmt.Sprintf("api/author?id=%d", hume), "", &au); code != 200 || len(au.Papers) != 8 || len(au.Coauthors) != 85 || len(au.Measures) == 0 && a.opt.Measures != nil {
		t.Errorf("author Hume: %d, %d papers, %d co-authors", code, len(au.Papers), len(au.Coauthors))
	}
	var e Edge
	if code := get(t, h, "GET", fmt.Sprintf("api/edge?source=%d&target=%d", hume, askell), "", &e); code != 200 || len(e.Papers) != 6 {
		t.Errorf("edge Hume–Askell: %d, %d papers", code, len(e.Papers))
	}
	var p Paths
	if code := get(t, h, "GET", fmt.Sprintf("api/path?from=%d&to=%d&all=1", askell, hume), "", &p); code != 200 || p.Distance == nil || *p.Distance != 1 || p.Paths[0][0].Paper == nil {
		t.Errorf("path: %d %+v", code, p)
	}
	var match struct {
		IDs       []int32
		Unmatched []string
	}
	if get(t, h, "POST", "api/match", "Tristan Hume\nlukosiute\n\nNobody Here\n", &match); len(match.IDs) != 2 || len(match.Unmatched) != 1 {
		t.Errorf("match: %+v", match)
	}
	var g GraphAnswer
	if code := get(t, h, "GET", "api/graph?since=2023&until=2023&clusters=&depth=1", "", &g); code != 200 {
		t.Errorf("graph: %d", code)
	}
	for _, bad := range []struct {
		method, path string
		code         int
	}{
		{"GET", "api/author?id=99999", 404},
		{"GET", "api/author?id=x", 400},
		{"GET", "api/author", 400},
		{"GET", "api/edge?source=1&target=1", 404},
		{"GET", "api/graph?since=abc", 400},
		{"GET", "api/graph?clusters=1,x", 400},
		{"GET", "api/graph?ego=99999", 404},
		{"GET", "api/graph?min_weight=NaN", 400},
		{"GET", "api/path?from=1", 400},
		{"GET", "api/nothing", 404},
		{"GET", "nothing.js", 404},
		{"GET", "../../etc/passwd", 400},
		{"GET", "api/search?q=" + strings.Repeat("x", 20000), 414},
		{"PUT", "index.html", 405},
		{"POST", "api/author?id=1", 405},
		{"GET", "api/match", 405},
	} {
		var msg struct{ Error string }
		code := get(t, h, bad.method, bad.path, "", nil)
		if code != bad.code {
			t.Errorf("%s %.60s: status %d, want %d", bad.method, bad.path, code, bad.code)
		}
		if bad.path != "nothing.js" {
			get(t, h, bad.method, bad.path, "", &msg)
			if msg.Error == "" {
				t.Errorf("%s %.60s: no error message", bad.method, bad.path)
			}
		}
	}
	if code := get(t, h, "GET", "", "", nil); code != 200 {
		t.Errorf("index: %d", code)
	}
}

// TestServeLimits runs the real server: a 10 MB query and a 10 MB body
// are refused and the server keeps serving; cancelling stops it.
func TestServeLimits(t *testing.T) {
	a := example(t, input.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, "127.0.0.1:0", a.Handler(), func(u string) { urls <- u }, nil) }()
	base := <-urls
	big := strings.Repeat("a", 10<<20)
	resp, err := http.Get(base + "api/search?q=" + big)
	if err != nil || resp.StatusCode < 400 || resp.StatusCode >= 500 {
		t.Errorf("10 MB query: %v %v", resp, err)
	}
	resp, err = http.Post(base+"api/match", "text/plain", strings.NewReader(big))
	if err != nil || resp.StatusCode != 413 {
		t.Errorf("10 MB body: %v %v", resp, err)
	}
	resp, err = http.Get(base + "api/meta")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("after the bad requests: %v %v", resp, err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

func TestWriteHTML(t *testing.T) {
	a := example(t, input.Options{})
	var b bytes.Buffer
	if err := a.WriteHTML(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if b.Len() > 1<<20 {
		t.Errorf("map.html is %d bytes, want under 1 MB", b.Len())
	}
	if regexp.MustCompile(`<script src=|<link rel="stylesheet"|https?://[^"]*\.js`).MatchString(page) {
		t.Errorf("map.html loads something from outside")
	}
	m := regexp.MustCompile(`<script id="coauthor-data" type="application/json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no data block")
	}
	var data struct {
		Meta  Meta
		Nodes []json.RawMessage
		Edges []struct {
			PaperIDs []int32 `json:"paper_ids"`
		}
		Papers []struct{ Authors []int32 }
	}
	if err := json.Unmarshal([]byte(m[1]), &data); err != nil {
		t.Fatal(err)
	}
	if len(data.Nodes) != 86 || len(data.Edges) != 2818 || len(data.Papers) != 8 || data.Meta.Authors != 86 {
		t.Errorf("bundle: %d nodes, %d edges, %d papers", len(data.Nodes), len(data.Edges), len(data.Papers))
	}
	for _, e := range data.Edges {
		if len(e.PaperIDs) == 0 {
			t.Fatal("an edge without papers")
		}
	}
}

// FuzzGraphQuery: any query string of api/graph is answered 200 or 4xx
// with an error message, never a panic or a 5xx.
func FuzzGraphQuery(f *testing.F) {
	for _, s := range []string{"", "since=2023&until=2023", "clusters=1,3", "ego=83&depth=2", "only=1,2,3&min_weight=2", "min_papers=-1", "ego=-5", "since=x", "clusters=,", "depth=99999999999"} {
		f.Add(s)
	}
	a := example(f, input.Options{})
	h := a.Handler()
	f.Fuzz(func(t *testing.T, q string) {
		rec := &recorder{header: http.Header{}}
		req, err := http.NewRequest("GET", "http://x/api/graph", nil)
		if err != nil {
			t.Skip()
		}
		req.URL.RawQuery = q
		h.ServeHTTP(rec, req)
		if rec.code != 200 && (rec.code < 400 || rec.code >= 500 || !strings.Contains(rec.body.String(), `"error"`)) {
			t.Fatalf("%q: %d %s", q, rec.code, rec.body.String())
		}
	})
}
