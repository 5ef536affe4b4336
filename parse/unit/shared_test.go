package unit_test

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"coauthor/examples/shared"
	"coauthor/graph"
	"coauthor/parse/corpus"
	"coauthor/parse/input"
	"coauthor/parse/unit"
)

// load reads a file of the shared data set into a corpus.
func load(t *testing.T, rel string) *corpus.Corpus {
	t.Helper()
	path := shared.File(t, rel)
	srcs, _, closeAll, err := input.Files([]string{path}, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	defer closeAll()
	d, err := input.Load(context.Background(), srcs, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d.Corpus
}

// reference is what testdata/countries.py writes.
type reference struct {
	Papers    int
	Countries map[string]struct {
		Papers, SCP, MCP int
		ByCorresponding  int `json:"by_corresponding"`
	}
	Edges map[string]struct{ Full, Fractional float64 }
}

// The country counts, the country edge weights (full and fractional) and
// the SCP/MCP table equal those testdata/countries.py computes from the
// formats' documentation, on a real WoS file (C1 addresses, RP), a real
// OpenAlex file (country_code per institution) and a real Scopus file
// (Authors with affiliations, Correspondence Address).
func TestCountriesIndependent(t *testing.T) {
	for _, tt := range []struct{ file, ref string }{
		{"wos/bibliometrix-wos_sample.txt", "wos-countries.json"},
		{"wos/metaknowledge-ManyAuthors.isi.gz", "wos-many-countries.json"},
		{"openalex/herreio-tu9-works-2022.json.gz", "openalex-countries.json"},
		{"scopus/bibliometrix-scopus_sample.csv", "scopus-countries.json"},
		{"scopus/metaknowledge-scopus_testing.csv", "scopus-testing-countries.json"},
		{"scopus/litstudy-scopus.csv", "litstudy-scopus-countries.json"},
	} {
		t.Run(tt.ref, func(t *testing.T) {
			c := load(t, tt.file)
			var ref reference
			data, err := os.ReadFile(filepath.Join("testdata", tt.ref))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &ref); err != nil {
				t.Fatal(err)
			}
			if c.Len() != ref.Papers {
				t.Errorf("%d papers, script %d", c.Len(), ref.Papers)
			}
			start := time.Now()
			u, err := unit.Project(context.Background(), c, unit.Country, unit.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d papers projected onto countries in %v", c.Len(), time.Since(start))
			compare(t, u, ref)
		})
	}
}

func compare(t *testing.T, u *unit.Units, ref reference) {
	t.Helper()
	names := u.Names()
	for _, counting := range []graph.Counting{graph.Full, graph.Fractional} {
		g, err := graph.FromPapers(context.Background(), names, u, graph.BuildOptions{Counting: counting})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{}
		for e := int32(0); e < int32(g.M()); e++ {
			ed := g.Edge(e)
			a, b := u.Units[g.Node(ed.U).Person].ID, u.Units[g.Node(ed.V).Person].ID
			if a > b {
				a, b = b, a
			}
			got[a+"-"+b] = ed.Weight
		}
		diff := 0
		for k, w := range ref.Edges {
			want := w.Full
			if counting == graph.Fractional {
				want = w.Fractional
			}
			if math.Abs(got[k]-want) > 1e-9 {
				diff++
				if diff <= 5 {
					t.Logf("%s edge %s: %g, script %g", counting, k, got[k], want)
				}
			}
		}
		if len(got) != len(ref.Edges) || diff > 0 {
			t.Errorf("%s counting: %d edges (%d differ), script %d", counting, len(got), diff, len(ref.Edges))
		}
		if counting == graph.Full {
			n := 0 // the script also lists countries only a corresponding address names
			for _, c := range ref.Countries {
				if c.Papers > 0 {
					n++
				}
			}
			if g.N() != n {
				t.Errorf("%d countries, script %d", g.N(), n)
			}
			for v := int32(0); v < int32(g.N()); v++ {
				n := g.Node(v)
				code := u.Units[n.Person].ID
				if want := ref.Countries[code].Papers; n.Papers != want {
					t.Errorf("%s: %d papers, script %d", code, n.Papers, want)
				}
			}
		}
	}
	col, err := unit.SCPMCP(u)
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, c := range ref.Countries {
		if c.SCP+c.MCP > 0 {
			rows++
		}
	}
	if len(col.Countries) != rows {
		t.Errorf("SCP/MCP of %d countries, script %d", len(col.Countries), rows)
	}
	for _, r := range col.Countries {
		want := ref.Countries[r.Country]
		if r.SCP != want.SCP || r.MCP != want.MCP || r.ByCorresponding != want.ByCorresponding {
			t.Errorf("%s: SCP %d MCP %d (%d by the corresponding author), script %d %d (%d)", r.Country, r.SCP, r.MCP, r.ByCorresponding, want.SCP, want.MCP, want.ByCorresponding)
		}
	}
	t.Logf("%d countries, %d positions, %d with an affiliation, %d with a country; SCP/MCP: %d papers by the corresponding author, %d by the first, %d unattributed",
		len(u.Units), u.Positions, u.WithAffiliation, u.Mapped, col.ByCorresponding, col.ByFirstAuthor, col.Unattributed)
}
