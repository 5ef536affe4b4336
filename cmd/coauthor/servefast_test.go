package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"coauthor/render/explorer"
)

// lockedBuffer is a buffer safe for the writes of several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serveProgress runs "coauthor serve --progress" with args (startServe).
func serveProgress(t *testing.T, args ...string) (string, *lockedBuffer, func() int) {
	t.Helper()
	return startServe(t, append([]string{"--progress"}, args...)...)
}

func getAPI(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

// TestServeMeasuresLater: serve answers the map with the slow measures
// still to come, computes them after, says so on stderr and in
// api/status, which reaches 100%; the layout's steps are reported.
func TestServeMeasuresLater(t *testing.T) {
	url, stderr, stop := serveProgress(t, "--measures", "betweenness,degree,closeness", "testdata/karate.txt")
	var meta explorer.Meta
	getAPI(t, url+"api/meta", &meta)
	if want := []string{"betweenness", "degree", "closeness"}; !slices.Equal(meta.Measures, want) {
		t.Errorf("meta measures %v, want %v", meta.Measures, want)
	}
	var st explorer.Status
	for deadline := time.Now().Add(time.Minute); !st.Ready && st.Error == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		st = explorer.Status{}
		getAPI(t, url+"api/status", &st)
	}
	if !st.Ready || st.Percent != 100 || st.Total != 2 || st.Done != 2 {
		t.Fatalf("status %+v, want both later measures ready", st)
	}
	var au explorer.Author
	getAPI(t, url+"api/author?id=0", &au)
	if au.Measures["betweenness"] == 0 || au.Measures["closeness"] == 0 || au.Measures["degree"] != 16 {
		t.Errorf("karate's node 0: %v", au.Measures)
	}
	if code := stop(); code != 0 && code != exitSignal { // Ctrl-C stops serve
		t.Errorf("serve exited with %d", code)
	}
	out := stderr.String()
	for _, want := range []string{
		"coauthor: layout of 300 steps: 300 steps",
		"coauthor: measures after the map: betweenness (1 of 2), 0%",
		"coauthor: measures after the map: closeness (2 of 2), 50%",
		"coauthor: measures after the map: 2 of 2 done, 100%",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stderr lacks %q:\n%s", want, out)
		}
	}
	// The slow measures come after the server is ready, not before.
	if i, j := strings.Index(out, "computing betweenness"), strings.Index(out, "layout of"); i < j {
		t.Errorf("betweenness computed before the layout:\n%s", out)
	}
}

// TestServeMeasuresNone: --measures none leaves the panel without
// measures and computes none after the map.
func TestServeMeasuresNone(t *testing.T) {
	url, stderr, stop := serveProgress(t, "--measures", "none", "testdata/karate.txt")
	var meta explorer.Meta
	getAPI(t, url+"api/meta", &meta)
	var st explorer.Status
	getAPI(t, url+"api/status", &st)
	if len(meta.Measures) != 0 || !st.Ready || st.Total != 0 {
		t.Errorf("meta measures %v, status %+v: want none, ready", meta.Measures, st)
	}
	stop()
	if out := stderr.String(); strings.Contains(out, "betweenness") || strings.Contains(out, "measures after the map") {
		t.Errorf("stderr:\n%s", out)
	}
}

// The page written by render has no server: its measures are computed
// before it is written.
func TestRenderHTMLMeasures(t *testing.T) {
	file := filepath.Join(t.TempDir(), "map.html")
	if _, errOut, code := runCLI(t, "", "render", "-quiet", "-o", file, "--measures", "betweenness,degree", "testdata/karate.txt"); code != 0 {
		t.Fatalf("render: %d %s", code, errOut)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<script id="coauthor-data" type="application/json">(.*?)</script>`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no data in the page")
	}
	var data struct {
		Meta  explorer.Meta
		Nodes []struct {
			ID       int32
			Measures map[string]float64
		}
	}
	if err := json.Unmarshal(m[1], &data); err != nil {
		t.Fatal(err)
	}
	if want := []string{"betweenness", "degree"}; !slices.Equal(data.Meta.Measures, want) {
		t.Errorf("measures %v, want %v", data.Meta.Measures, want)
	}
	for _, n := range data.Nodes {
		if n.ID == 0 && (n.Measures["betweenness"] == 0 || n.Measures["degree"] != 16 || len(n.Measures) != 2) {
			t.Errorf("node 0: %v", n.Measures)
		}
	}
}

// --measures is checked as export's: an unknown name is refused with the
// list of the known ones, before any work.
func TestMeasuresFlag(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--measures", "degree,charm", "testdata/karate.txt"},
		{"render", "-o", "-", "-to", "html", "--measures", "charm", "testdata/karate.txt"},
		{"export", "-o", "-", "-to", "json", "--measures", "charm", "testdata/karate.txt"},
	} {
		_, errOut, code := runCLI(t, "", args...)
		if code != 2 || !strings.Contains(errOut, `unknown measure "charm": want one of papers, degree, strength, betweenness,`) || !strings.Contains(errOut, "or none") {
			t.Errorf("%s: exit %d, %s", args[0], code, errOut)
		}
	}
	if _, errOut, code := runCLI(t, "", "render", "-o", "-", "-to", "svg", "--measures", "degree", "testdata/karate.txt"); code != 2 || !strings.Contains(errOut, "-measures is for the explorer's page") {
		t.Errorf("render svg --measures: exit %d, %s", code, errOut)
	}
	out, errOut, code := runCLI(t, "", "export", "-o", "-", "-to", "graphml", "--measures", "none", "testdata/karate.txt")
	if code != 0 || strings.Contains(out, "degree") {
		t.Errorf("export --measures none: exit %d, %s%s", code, out, errOut)
	}
}
