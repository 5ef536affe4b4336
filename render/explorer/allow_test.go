package explorer

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"coauthor/parse/input"
)

// A 405 answer names the methods the resource takes (RFC 9110 15.5.6).
func TestMethodNotAllowedAllow(t *testing.T) {
	h := example(t, input.Options{}).Handler()
	for _, c := range []struct{ method, path, allow string }{
		{"PUT", "/index.html", "GET, HEAD"},
		{"POST", "/api/author?id=1", "GET, HEAD"},
		{"DELETE", "/api/graph", "GET, HEAD"},
		{"GET", "/api/match", "POST"},
	} {
		req := httptest.NewRequest(c.method, "http://localhost"+c.path, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != c.allow {
			t.Errorf("%s %s: %d, Allow %q; want 405, %q", c.method, c.path, rec.Code, rec.Header().Get("Allow"), c.allow)
		}
	}
}
