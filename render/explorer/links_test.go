package explorer

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"coauthor/graph"
	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/identity"
)

// linked returns the explorer of five papers by Ann Lee with every kind
// of link, and one with a javascript: URL.
func linked(t *testing.T) *App {
	t.Helper()
	c := corpus.New()
	for _, p := range []*parse.Paper{
		{Title: "By DOI", Year: 2024, Venue: "J. Links", Authors: []string{"Ann Lee", "Bo Kim"},
			Meta: &parse.Meta{IDs: []parse.WorkID{{Kind: parse.IDDOI, Value: "10.1000/a<1>"}, {Kind: parse.IDArXiv, Value: "2101.00001"}}, URL: "https://example.org/a"}},
		{Title: "By URL", Year: 2023, Authors: []string{"Ann Lee"}, Meta: &parse.Meta{URL: "http://example.org/b?x=1&y=2", IDs: []parse.WorkID{{Kind: parse.IDPMID, Value: "1"}}}},
		{Title: "By arXiv", Year: 2022, Authors: []string{"Ann Lee"}, Meta: &parse.Meta{IDs: []parse.WorkID{{Kind: parse.IDArXiv, Value: "2101.00002"}}}},
		{Title: "Script URL", Year: 2021, Venue: "<b>V</b>", Authors: []string{"Ann Lee"}, Meta: &parse.Meta{URL: "javascript:alert(1)"}},
		{Title: "Nothing", Year: 2020, Authors: []string{"Ann Lee"}},
	} {
		if !c.Add(p) {
			t.Fatalf("paper %q not kept", p.Title)
		}
	}
	id := identity.Resolve(c, identity.Options{})
	g, err := graph.FromPapers(context.Background(), id.Names(), id.Papers(c), graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(context.Background(), NewNetwork(g, c, id), Options{Title: "links", Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestPaperLinks(t *testing.T) {
	a := linked(t)
	ann, _ := a.Matcher().Match("Ann Lee")
	var au Author
	if code := get(t, a.Handler(), "GET", fmt.Sprintf("api/author?id=%d", ann), "", &au); code != 200 || len(au.Papers) != 5 {
		t.Fatalf("author: %d, %+v", code, au)
	}
	want := []Paper{
		{Title: "By DOI", Year: 2024, Venue: "J. Links", URL: "https://doi.org/10.1000/a<1>", DOI: "10.1000/a<1>"},
		{Title: "By URL", Year: 2023, URL: "http://example.org/b?x=1&y=2"},
		{Title: "By arXiv", Year: 2022, URL: "https://arxiv.org/abs/2101.00002"},
		{Title: "Script URL", Year: 2021, Venue: "<b>V</b>"},
		{Title: "Nothing", Year: 2020},
	}
	for i, p := range au.Papers {
		p.ID = 0
		if p != want[i] {
			t.Errorf("paper %d: %+v, want %+v", i, p, want[i])
		}
	}
	// The self-contained page carries the same links, escaped.
	var b bytes.Buffer
	if err := a.WriteHTML(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<script id="coauthor-data" type="application/json">(.*?)</script>`).FindSubmatch(b.Bytes())
	if m == nil || bytes.Contains(m[1], []byte("<b>")) || bytes.Contains(m[1], []byte("javascript:")) {
		t.Fatalf("data block missing, or with unescaped or script text")
	}
	var data struct{ Papers []Paper }
	if err := json.Unmarshal(m[1], &data); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{}
	for _, p := range data.Papers {
		links[p.Title] = p.URL
	}
	if links["By DOI"] != "https://doi.org/10.1000/a<1>" || links["Script URL"] != "" || len(links) != 5 {
		t.Errorf("map.html papers %q", links)
	}
}

func TestWebLink(t *testing.T) {
	for u, want := range map[string]bool{
		"https://doi.org/10.1/x": true, "http://example.org": true, "HTTPS://EXAMPLE.ORG/": true,
		"javascript:alert(1)": false, "data:text/html,x": false, "//example.org": false, "https:///x": false,
		"ftp://example.org": false, "https://example.org/\nx": false, "": false, "example.org": false,
	} {
		if got := webLink(u) != ""; got != want {
			t.Errorf("webLink(%q) = %v, want %v", u, got, want)
		}
	}
}
