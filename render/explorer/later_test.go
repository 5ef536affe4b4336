package explorer

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"coauthor/graph"
	"coauthor/graph/measure"
	"coauthor/parse/input"
	"coauthor/render/picture"
)

// slowMeasures is a Compute that computes each measure only when told
// to: it says on started which one it has begun, and waits for a value
// on release (or for ctx to end).
type slowMeasures struct {
	n        int
	started  chan string
	release  chan float64
	finished chan error
}

func newSlow(n int) *slowMeasures {
	return &slowMeasures{n: n, started: make(chan string), release: make(chan float64), finished: make(chan error, 1)}
}

func (s *slowMeasures) compute(ctx context.Context, name string) ([]float64, error) {
	select {
	case s.started <- name:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case x := <-s.release:
		v := make([]float64, s.n)
		for i := range v {
			v[i] = x
		}
		return v, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// getJSON decodes the answer of GET url into v and returns the status.
func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v: %s", url, err, b)
	}
	return resp.StatusCode
}

// laterApp is the explorer of the built-in example with degree in the
// panel at once and betweenness and closeness later, from s.
func laterApp(t *testing.T, s *slowMeasures) *App {
	t.Helper()
	a := example(t, input.Options{})
	degree := make([]float64, a.G.N())
	for v := range degree {
		degree[v] = float64(a.G.Degree(int32(v)))
	}
	s.n = a.G.N()
	app, err := New(context.Background(), a.Network, Options{Title: "later", Seed: 1, Measures: []string{"degree"}, MeasureValues: [][]float64{degree},
		Later: []string{"betweenness", "closeness"}, Compute: s.compute})
	if err != nil {
		t.Fatal(err)
	}
	return app
}

// TestMapBeforeMeasures: the server answers the map, the meta and an
// author's panel while the later measures are being computed; the
// status says which one and how far; each measure reaches the panel as
// it is done, and the status 100% at the end.
func TestMapBeforeMeasures(t *testing.T) {
	s := newSlow(0)
	app := laterApp(t, s)
	srv := httptest.NewServer(app.Handler())
	defer srv.Close()
	var seen []Status
	go func() {
		s.finished <- app.ComputeLater(context.Background(), func(st Status) { seen = append(seen, st) })
	}()

	if name := <-s.started; name != "betweenness" {
		t.Fatalf("first later measure %s, want betweenness", name)
	}
	// Betweenness is under way and cannot end before it is released.
	var g GraphAnswer
	if code := getJSON(t, srv.URL+"/api/graph", &g); code != 200 || len(g.Nodes) != app.G.N() {
		t.Fatalf("api/graph during the measures: %d, %d nodes, want 200 and %d", code, len(g.Nodes), app.G.N())
	}
	var meta Meta
	getJSON(t, srv.URL+"/api/meta", &meta)
	if want := []string{"degree", "betweenness", "closeness"}; !slices.Equal(meta.Measures, want) {
		t.Errorf("meta measures %v, want %v", meta.Measures, want)
	}
	var st Status
	getJSON(t, srv.URL+"/api/status", &st)
	if st.Computing != "betweenness" || st.Done != 0 || st.Total != 2 || st.Percent != 0 || st.Ready || !slices.Equal(st.Pending, []string{"betweenness", "closeness"}) {
		t.Errorf("status during betweenness: %+v", st)
	}
	var au Author
	getJSON(t, srv.URL+"/api/author?id=0", &au)
	if _, ok := au.Measures["betweenness"]; ok || au.Measures["degree"] != float64(app.G.Degree(0)) {
		t.Errorf("author during betweenness: measures %v, want degree only", au.Measures)
	}

	s.release <- 0.25
	if name := <-s.started; name != "closeness" {
		t.Fatalf("second later measure %s, want closeness", name)
	}
	st = Status{}
	getJSON(t, srv.URL+"/api/status", &st)
	if st.Computing != "closeness" || st.Done != 1 || st.Percent != 50 || st.Ready || !slices.Equal(st.Pending, []string{"closeness"}) {
		t.Errorf("status during closeness: %+v", st)
	}
	au = Author{}
	getJSON(t, srv.URL+"/api/author?id=0", &au)
	if _, ok := au.Measures["closeness"]; ok || au.Measures["betweenness"] != 0.25 {
		t.Errorf("author during closeness: measures %v, want betweenness 0.25 and no closeness", au.Measures)
	}

	s.release <- 0.5
	if err := <-s.finished; err != nil {
		t.Fatal(err)
	}
	st = Status{}
	getJSON(t, srv.URL+"/api/status", &st)
	if !st.Ready || st.Percent != 100 || st.Done != 2 || st.Computing != "" || len(st.Pending) != 0 || st.Error != "" {
		t.Errorf("status at the end: %+v", st)
	}
	au = Author{}
	getJSON(t, srv.URL+"/api/author?id=0", &au)
	if au.Measures["betweenness"] != 0.25 || au.Measures["closeness"] != 0.5 {
		t.Errorf("author at the end: %v", au.Measures)
	}
	// Reported: each start, and the end.
	var lines []string
	for _, st := range seen {
		lines = append(lines, st.String())
	}
	if want := []string{"betweenness (1 of 2), 0%", "closeness (2 of 2), 50%", "2 of 2 done, 100%"}; !slices.Equal(lines, want) {
		t.Errorf("reports %q, want %q", lines, want)
	}
	if err := app.ComputeLater(context.Background(), nil); err != nil {
		t.Errorf("second ComputeLater: %v", err)
	}
}

// TestComputeLaterCancel: ending the context stops the later measures;
// the status says so, and the measure is not in the panel.
func TestComputeLaterCancel(t *testing.T) {
	s := newSlow(0)
	app := laterApp(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { s.finished <- app.ComputeLater(ctx, nil) }()
	<-s.started
	cancel()
	select {
	case err := <-s.finished:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("ComputeLater after cancel: %v, want context.Canceled", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("ComputeLater still runs a minute after its context ended")
	}
	st := app.Status()
	if st.Ready || st.Done != 0 || st.Error == "" || st.Computing != "" {
		t.Errorf("status after cancel: %+v", st)
	}
	if au, _ := app.AuthorAnswer(0); len(au.Measures) != 1 {
		t.Errorf("measures after cancel: %v, want degree only", au.Measures)
	}
}

// TestFromPictureLater: with Later, FromPicture computes the measures
// of a measure.Set that are not Linear nor the size after New, not
// before; the values equal those
// computed at once. A canceled context stops the real betweenness.
func TestFromPictureLater(t *testing.T) {
	a := example(t, input.Options{})
	g := a.G
	var computed []string
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ms, err := measure.NewSet(g, measure.Options{Context: ctx, Step: func(name string) func() {
		computed = append(computed, name)
		return func() {}
	}})
	if err != nil {
		t.Fatal(err)
	}
	keep := make([]int32, g.N())
	for v := range keep {
		keep[v] = int32(v)
	}
	pic := picture.Of(g, keep, "t", "degree", nil, nil, "")
	names := []string{"degree", "betweenness", "pagerank", "closeness"}
	app, err := FromPicture(ctx, a.Network, keep, pic, ms, PanelOptions{Measures: names, Later: true, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"degree"}; !slices.Equal(computed, want) {
		t.Fatalf("computed before the map: %v, want %v", computed, want)
	}
	if err := app.ComputeLater(ctx, nil); err != nil {
		t.Fatal(err)
	}
	exact, _ := measure.NewSet(g, measure.Options{})
	au, _ := app.AuthorAnswer(3)
	for _, name := range names {
		v, _ := exact.Get(name)
		if au.Measures[name] != graph.Flush(v[3]) {
			t.Errorf("%s of author 3: %v, want %v", name, au.Measures[name], v[3])
		}
	}

	// Betweenness canceled as it starts: its error, no values.
	ms2, _ := measure.NewSet(g, measure.Options{Context: ctx, Step: func(name string) func() {
		if name == "betweenness" {
			cancel()
		}
		return func() {}
	}})
	app2, err := FromPicture(ctx, a.Network, keep, pic, ms2, PanelOptions{Measures: names, Later: true, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := app2.ComputeLater(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled betweenness: %v, want context.Canceled", err)
	}
	if au, _ := app2.AuthorAnswer(3); len(au.Measures) != 1 || au.Measures["degree"] == 0 {
		t.Errorf("after cancel: %v, want degree only", au.Measures)
	}
}
