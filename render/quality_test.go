package render

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"coauthor/examples"
	"coauthor/examples/shared"
	"coauthor/graph"
	"coauthor/graph/community"
	"coauthor/graph/filter"
	"coauthor/graph/formats/edgelist"
	"coauthor/graph/layout"
	"coauthor/graph/measure"
	"coauthor/parse/input"
	"coauthor/render/picture"
)

// network is a test network read as the CLI reads it.
func network(t testing.TB, name string) *graph.Graph {
	t.Helper()
	switch name {
	case "example":
		return papersGraph(t, examples.AuthorPageName, examples.AuthorPage)
	case "ca-GrQc":
		f, err := os.Open(filepath.Join("..", "graph", "testdata", "ca-GrQc.txt"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		g, err := edgelist.Read(f, "ca-GrQc.txt")
		if err != nil {
			t.Fatal(err)
		}
		return g
	case "bbt":
		f, err := os.Open(shared.File(t, "bibtex/bbt-1296-export.bib.gz"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		z, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(z)
		if err != nil {
			t.Fatal(err)
		}
		return papersGraph(t, "bbt-1296-export.bib", b)
	}
	t.Fatalf("no network %s", name)
	return nil
}

func papersGraph(t testing.TB, name string, b []byte) *graph.Graph {
	// As the CLI's -skip-bad: bbt-1296 has malformed records.
	d, err := input.Load(context.Background(), []input.Source{{Name: name, R: bytes.NewReader(b)}}, input.Options{SkipBad: true})
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.FromPapers(context.Background(), d.Identity.Names(), d.Identity.Papers(d.Corpus), graph.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// view is what the CLI's render draws of g by default: the top authors by
// PageRank (all when top is 0), Leiden clusters of the whole network.
func view(t testing.TB, g *graph.Graph, top int, seed uint64) (*graph.Graph, picture.Options) {
	t.Helper()
	set, err := measure.NewSet(g, measure.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pr, err := set.Get("pagerank")
	if err != nil {
		t.Fatal(err)
	}
	sub, keep, err := filter.Apply(g, filter.Options{Top: top, By: pr})
	if err != nil {
		t.Fatal(err)
	}
	labels, err := community.Find(context.Background(), g, "leiden", community.Options{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	opt := picture.Of(sub, keep, "test", "pagerank", pr, labels, "leiden")
	opt.Seed = seed
	return sub, opt
}

// sameClusterShare is the share of coloured nodes (clusters within the
// palette) whose nearest other node is of their cluster.
func sameClusterShare(pos [][2]float64, cluster []int32) (float64, int) {
	same, coloured := 0, 0
	for i, a := range pos {
		if int(cluster[i]) >= len(picture.Palette) {
			continue
		}
		coloured++
		best, nearest := math.Inf(1), -1
		for j, b := range pos {
			if j != i {
				if d := math.Hypot(a[0]-b[0], a[1]-b[1]); d < best {
					best, nearest = d, j
				}
			}
		}
		if nearest >= 0 && cluster[nearest] == cluster[i] {
			same++
		}
	}
	return float64(same) / float64(max(1, coloured)), coloured
}

// The default layout keeps clusters together when they are real: at least
// 85% of coloured nodes have a nearest neighbour of their own cluster.
func TestClustersTogether(t *testing.T) {
	for _, tt := range []struct {
		name string
		top  int
	}{{"example", 0}, {"ca-GrQc", 300}, {"bbt", 100}} {
		t.Run(tt.name, func(t *testing.T) {
			g := network(t, tt.name)
			for _, seed := range []uint64{1, 2, 3} {
				sub, opt := view(t, g, tt.top, seed)
				p, err := picture.New(context.Background(), sub, opt)
				if err != nil {
					t.Fatal(err)
				}
				share, coloured := sameClusterShare(p.Positions(), opt.Cluster)
				q := layout.Modularity(sub, opt.Cluster)
				t.Logf("%s top %d seed %d: Q %.4f, %.1f%% of %d coloured nodes", tt.name, tt.top, seed, q, 100*share, coloured)
				if tt.name == "example" {
					// One dense group (Q 0.05): its clusters are not drawn
					// apart (with the old full pull, 100%).
					if share > 0.7 {
						t.Errorf("example seed %d: %.1f%% of nodes have a nearest neighbour of their cluster, want clusters mixed (70%% or less) at Q %.3f", seed, 100*share, q)
					}
					continue
				}
				if share < 0.85 {
					t.Errorf("%s seed %d: %.1f%% of coloured nodes have a nearest neighbour of their cluster, want 85%% or more", tt.name, seed, 100*share)
				}
			}
		})
	}
}

// A picture of the whole of ca-GrQc (5,242 authors in 355 components) has
// its title and legend at least 2% of the canvas's height, and its small
// components packed into less than 30% of the canvas (they were a ring
// around the largest, about 80% of it).
func TestFullNetworkPicture(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out 5,242 nodes; not with -short")
	}
	g := network(t, "ca-GrQc")
	sub, opt := view(t, g, 0, 1)
	p, err := picture.New(context.Background(), sub, opt)
	if err != nil {
		t.Fatal(err)
	}
	s := p.Scene()
	// The title at 2% of the canvas's height or more, every line of the
	// legend at 1.1% (10/18 of it), and the legend's block at 2% or more.
	legendY0, legendY1 := math.Inf(1), math.Inf(-1)
	for _, tx := range s.Texts {
		share := 0.02
		if tx.Class != "title" {
			share = 0.02 * 10 / 18 * 0.99
		}
		if tx.Size < share*s.Height {
			t.Errorf("%s %q is %.1f points high on a %.0f-point canvas: under %.1f%%", tx.Class, tx.Text, tx.Size, s.Height, 100*share)
		}
		if tx.Class == "legend" {
			legendY0, legendY1 = math.Min(legendY0, tx.Y-tx.Size), math.Max(legendY1, tx.Y)
		}
	}
	if legendY1-legendY0 < 0.02*s.Height {
		t.Errorf("the legend is %.0f points high on a %.0f-point canvas: under 2%%", legendY1-legendY0, s.Height)
	}
	comps := graph.Components(sub)
	inLargest := make([]bool, sub.N())
	for _, v := range comps[0] {
		inLargest[v] = true
	}
	y0, y1 := math.Inf(1), math.Inf(-1)
	for _, nd := range s.Nodes {
		if !inLargest[nd.Node] {
			y0, y1 = math.Min(y0, nd.Y-nd.R), math.Max(y1, nd.Y+nd.R)
		}
	}
	share := (y1 - y0) / s.Height // rows as wide as the canvas at most
	t.Logf("%d components; canvas %.0f × %.0f points; small components in %.1f%% of its height; legend text %.1f points",
		len(comps), s.Width, s.Height, 100*share, s.Texts[len(s.Texts)-1].Size)
	if share >= 0.3 {
		t.Errorf("small components take %.1f%% of the canvas's height, want under 30%%", 100*share)
	}
}
