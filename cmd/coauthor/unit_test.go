package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"coauthor/examples/shared"
	"coauthor/parse/unit"
)

// unitRun runs the command line and fails the test unless it succeeds.
func unitRun(t *testing.T, args ...string) (stdout, stderr string) {
	t.Helper()
	out, errOut, code := runCLI(t, "", args...)
	if code != exitOK {
		t.Fatalf("coauthor %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out, errOut
}

// countryNetwork is what export -to json tells of a country network: each
// country's papers and each pair's weight, by ISO code ("CH-GB").
func countryNetwork(t *testing.T, args ...string) (papers map[string]int, weights map[string]float64) {
	t.Helper()
	out, _ := unitRun(t, append([]string{"export", "--unit", "country", "-to", "json", "-o", "-"}, args...)...)
	var nl struct {
		Nodes []struct {
			ID       int32
			SourceID string `json:"source_id"`
			Papers   int
		}
		Links []struct {
			Source, Target int32
			Weight         float64
		}
	}
	if err := json.Unmarshal([]byte(out), &nl); err != nil {
		t.Fatal(err)
	}
	papers, weights = map[string]int{}, map[string]float64{}
	code := map[int32]string{}
	for _, n := range nl.Nodes {
		code[n.ID] = n.SourceID
		papers[n.SourceID] = n.Papers
	}
	for _, l := range nl.Links {
		pair := []string{code[l.Source], code[l.Target]}
		slices.Sort(pair)
		weights[strings.Join(pair, "-")] = l.Weight
	}
	return papers, weights
}

// The fixture's three papers, counted by hand: Basel–Oxford–MIT (RP in
// Basel), Basel–ETH (no RP: first author, Basel), Oxford with an address
// of no country and an author without address (RP in Oxford).
func TestUnitCountryFixture(t *testing.T) {
	file := filepath.Join("testdata", "units-wos.txt")
	papers, weights := countryNetwork(t, file)
	if want := map[string]int{"CH": 2, "GB": 2, "US": 1}; !mapsEqual(papers, want) {
		t.Errorf("papers %v, want %v", papers, want)
	}
	if want := map[string]float64{"CH-GB": 1, "CH-US": 1, "GB-US": 1}; !mapsEqual(weights, want) {
		t.Errorf("full weights %v, want %v", weights, want)
	}
	// Fractional: the three-country paper adds 1/(3-1) per pair, 3/2 in
	// all (n/2, Newman's convention).
	_, weights = countryNetwork(t, "--counting", "fractional", file)
	if want := map[string]float64{"CH-GB": 0.5, "CH-US": 0.5, "GB-US": 0.5}; !mapsEqual(weights, want) {
		t.Errorf("fractional weights %v, want %v", weights, want)
	}

	out, errOut := unitRun(t, "stats", "--unit", "country", "--json", file)
	var s unitStats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	cov := s.Coverage
	if cov.Positions != 8 || cov.Mapped != 6 || cov.NoAffiliation != 1 || cov.NoUnit != 1 || cov.NoPlace != 1 ||
		len(cov.Unmapped) != 1 || cov.Unmapped[0] != (unit.Count{Text: "Lost Lab, Xanadu", Count: 1}) {
		t.Errorf("coverage %+v", cov)
	}
	if !strings.Contains(errOut, `6 of 8 author positions have a country; 1 have no affiliation and 1 an affiliation naming no country (they count for none: 1 name no place at all, 0 a place that was not mapped, an ambiguous city or one not last)`) ||
		!strings.Contains(errOut, `"Lost Lab, Xanadu" (1)`) {
		t.Errorf("stderr lacks the coverage note:\n%s", errOut)
	}
	c := s.Collaboration
	if c == nil || c.ByCorresponding != 2 || c.ByFirstAuthor != 1 || c.Unattributed != 0 {
		t.Fatalf("collaboration %+v", c)
	}
	want := []unit.CountryPapers{
		{Country: "CH", Name: "Switzerland", Papers: 2, SCP: 1, MCP: 1, Ratio: 0.5, ByCorresponding: 1},
		{Country: "GB", Name: "United Kingdom", Papers: 1, SCP: 1, ByCorresponding: 1},
	}
	if !slices.Equal(c.Countries, want) {
		t.Errorf("SCP/MCP %+v\nwant %+v", c.Countries, want)
	}
	if s.Papers != 3 || s.Authors != 3 || s.Edges != 3 {
		t.Errorf("stats: %d papers, %d nodes, %d edges; want 3, 3, 3", s.Papers, s.Authors, s.Edges)
	}
	internal := map[string]int{}
	for _, u := range s.Units {
		internal[u.ID] = u.Internal
	}
	if want := map[string]int{"CH": 1, "GB": 0, "US": 0}; !mapsEqual(internal, want) {
		t.Errorf("internal collaboration %v, want %v", internal, want)
	}

	// The table names the nodes countries and says how papers were
	// attributed.
	out, _ = unitRun(t, "stats", "--unit", "country", file)
	if strings.Contains(out, "raw names") {
		t.Errorf("stats --unit country says \"raw names\" of countries:\n%s", out)
	}
	for _, w := range []string{"countries              3", "author spellings       ", "its corresponding author's (2 papers)", "its first author's (1 papers)", "Switzerland     CH    2       1    1    0.500"} {
		if !strings.Contains(out, w) {
			t.Errorf("stats table lacks %q:\n%s", w, out)
		}
	}

	// rank, path and timeline on the country network.
	out, _ = unitRun(t, "rank", "--unit", "country", "--json", "--by", "papers", file)
	if !strings.Contains(out, `"name": "Switzerland",
    "source_id": "CH",
    "papers": 2`) {
		t.Errorf("rank --json:\n%s", out)
	}
	out, _ = unitRun(t, "path", "--unit", "country", "Switzerland", "United States", file)
	if !strings.Contains(out, "Switzerland — United States: \"A paper of three countries\" (2020)") {
		t.Errorf("path:\n%s", out)
	}
	out, _ = unitRun(t, "timeline", "--unit", "country", "--json", file)
	if !strings.Contains(out, `"year": 2022`) {
		t.Errorf("timeline:\n%s", out)
	}
}

func mapsEqual[V comparable](a, b map[string]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestUnitUsage(t *testing.T) {
	for _, args := range [][]string{
		{"rank", "--unit", "department"},
		{"stats", "--unit", "country", filepath.Join("testdata", "karate.txt")},
	} {
		if _, errOut, code := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, exitUsage, errOut)
		}
	}
}

// reference is parse/unit's independent count (testdata/countries.py):
// papers per country and the country edges' weights.
type unitReference struct {
	Countries map[string]struct {
		Papers, SCP, MCP int
		ByCorresponding  int `json:"by_corresponding"`
	}
	Edges map[string]struct{ Full, Fractional float64 }
}

// On the real WoS and OpenAlex files, rank's and export's country
// figures equal the independent script's, and stats's SCP/MCP too.
func TestUnitCountriesShared(t *testing.T) {
	for _, tt := range []struct{ file, ref string }{
		{"wos/bibliometrix-wos_sample.txt", "wos-countries.json"},
		{"openalex/herreio-tu9-works-2022.json.gz", "openalex-countries.json"},
	} {
		t.Run(tt.ref, func(t *testing.T) {
			file := shared.File(t, tt.file)
			data, err := os.ReadFile(filepath.Join("..", "..", "parse", "unit", "testdata", tt.ref))
			if err != nil {
				t.Fatal(err)
			}
			var ref unitReference
			if err := json.Unmarshal(data, &ref); err != nil {
				t.Fatal(err)
			}
			out, _ := unitRun(t, "rank", "--unit", "country", "--json", "--top", "0", "--measures", "papers", file)
			var rows []struct {
				SourceID string `json:"source_id"`
				Papers   int
			}
			if err := json.Unmarshal([]byte(out), &rows); err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(ref.Countries) {
				t.Errorf("%d countries, script %d", len(rows), len(ref.Countries))
			}
			for _, r := range rows {
				if want := ref.Countries[r.SourceID].Papers; r.Papers != want {
					t.Errorf("%s: %d papers, script %d", r.SourceID, r.Papers, want)
				}
			}
			for _, counting := range []string{"full", "fractional"} {
				_, weights := countryNetwork(t, "--counting", counting, file)
				if len(weights) != len(ref.Edges) {
					t.Errorf("%s: %d country pairs, script %d", counting, len(weights), len(ref.Edges))
				}
				for pair, e := range ref.Edges {
					want := e.Full
					if counting == "fractional" {
						want = e.Fractional
					}
					if math.Abs(weights[pair]-want) > 1e-6 {
						t.Errorf("%s %s: weight %v, script %v", counting, pair, weights[pair], want)
					}
				}
			}
			out, _ = unitRun(t, "stats", "--unit", "country", "--json", file)
			var s unitStats
			if err := json.Unmarshal([]byte(out), &s); err != nil {
				t.Fatal(err)
			}
			attributed := 0
			for _, c := range s.Collaboration.Countries {
				r := ref.Countries[c.Country]
				if c.SCP != r.SCP || c.MCP != r.MCP || c.ByCorresponding != r.ByCorresponding {
					t.Errorf("%s: SCP %d MCP %d by corresponding %d; script %d %d %d", c.Country, c.SCP, c.MCP, c.ByCorresponding, r.SCP, r.MCP, r.ByCorresponding)
				}
				attributed += c.Papers
			}
			t.Logf("%s: %d countries, %d papers attributed (%d by the corresponding author), coverage %+v",
				tt.file, len(rows), attributed, s.Collaboration.ByCorresponding, s.Coverage)

			// The world map has a country shape per country of the network.
			svg := filepath.Join(t.TempDir(), "world.svg")
			unitRun(t, "render", "--unit", "country", "-o", svg, file)
			b, err := os.ReadFile(svg)
			if err != nil {
				t.Fatal(err)
			}
			drawn := map[string]bool{}
			for _, m := range regexp.MustCompile(`class="country"[^>]*data-code="([A-Z]{2})"|data-code="([A-Z]{2})"[^>]*class="country"`).FindAllStringSubmatch(string(b), -1) {
				drawn[m[1]+m[2]] = true
			}
			for code := range ref.Countries {
				if !drawn[code] {
					t.Errorf("the world map has no country %s", code)
				}
			}
			if n := strings.Count(string(b), `<path class="link" data-a=`); n != len(ref.Edges) {
				t.Errorf("the world map has %d links, script %d country pairs", n, len(ref.Edges))
			}
			// --layout force draws the network picture instead.
			force := filepath.Join(t.TempDir(), "force.svg")
			unitRun(t, "render", "--unit", "country", "--layout", "force", "-o", force, file)
			if b, err := os.ReadFile(force); err != nil || strings.Contains(string(b), "data-code=") {
				t.Errorf("--layout force drew a map (or failed: %v)", err)
			}
		})
	}
}

// The institution network of the TU9 file: clusters runs, names lists
// the merges with reasons, and networkx reads the GEXF export.
func TestUnitInstitutionsShared(t *testing.T) {
	file := shared.File(t, "openalex/herreio-tu9-works-2022.json.gz")
	out, _ := unitRun(t, "clusters", "--unit", "institution", "--json", file)
	var rep struct {
		Clusters []struct{ Size int }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	out, _ = unitRun(t, "stats", "--unit", "institution", "--json", file)
	var s unitStats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	size := 0
	for _, c := range rep.Clusters {
		size += c.Size
	}
	if size != s.Authors || len(s.Units) != s.Authors || s.Authors < 100 {
		t.Errorf("clusters of %d institutions, stats %d nodes and %d units", size, s.Authors, len(s.Units))
	}
	t.Logf("%d institutions in %d clusters; coverage %+v", s.Authors, len(rep.Clusters), s.Coverage)

	out, _ = unitRun(t, "names", "--unit", "institution", "--json", file)
	var names unitNames
	if err := json.Unmarshal([]byte(out), &names); err != nil {
		t.Fatal(err)
	}
	for _, u := range names.Merged {
		if len(u.Variants) == 0 || len(u.Reasons) == 0 {
			t.Errorf("merge without variants or reasons: %+v", u)
		}
	}

	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Skip("no /usr/bin/python3 to read the GEXF back")
	}
	gexf := filepath.Join(t.TempDir(), "inst.gexf")
	unitRun(t, "export", "--unit", "institution", "-to", "gexf", "-o", gexf, file)
	// networkx knows GEXF 1.2draft; 1.3 differs in its namespaces only
	// (as render/interop/readback.py reads it).
	py := `import sys, networkx as nx
from networkx.readwrite import gexf as nxgexf
nxgexf.GEXF.versions["1.3"] = dict(nxgexf.GEXF.versions["1.2draft"], NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3")
g = nx.read_gexf(sys.argv[1], version="1.3")
ror = sum(1 for _, d in g.nodes(data=True) if d.get("source_id"))
print(g.number_of_nodes(), g.number_of_edges(), ror, g.nodes["0"]["label"])`
	b, err := exec.Command("/usr/bin/python3", "-c", py, gexf).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, b)
	}
	f := strings.Fields(string(b))
	if len(f) < 4 || f[0] != itoa(s.Authors) || f[1] != itoa(s.Edges) || f[2] == "0" {
		t.Errorf("networkx read %q; want %d nodes, %d edges, some with a ROR id", b, s.Authors, s.Edges)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// The note on papers of 100 or more authors speaks of co-author pairs: a
// unit network has none of them, so it is said for authors only.
func TestUnitLargeTeamNote(t *testing.T) {
	var b strings.Builder
	b.WriteString("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU ")
	for i := range 120 {
		if i > 0 {
			b.WriteString("   ")
		}
		fmt.Fprintf(&b, "Author%03d, A\n", i)
	}
	b.WriteString("TI A large team\nPY 2020\nC1 Univ Basel, Basel, Switzerland.\n   Univ Oxford, Oxford, England.\nUT WOS:000000000000009\nER\nEF\n")
	file := filepath.Join(t.TempDir(), "large.txt")
	if err := os.WriteFile(file, []byte(b.String()), 0o666); err != nil {
		t.Fatal(err)
	}
	const note = "1 paper(s) with 100 or more authors (largest 120) give 7140 of the 7140 co-author pairs"
	if _, errOut := unitRun(t, "stats", file); !strings.Contains(errOut, note) {
		t.Errorf("authors: stderr lacks %q:\n%s", note, errOut)
	}
	if _, errOut := unitRun(t, "stats", "--unit", "country", file); strings.Contains(errOut, "co-author pairs") {
		t.Errorf("countries: stderr speaks of co-author pairs:\n%s", errOut)
	}
}

// names --unit institution says which institutions are an acronym given
// alone, taken as written; an OpenAlex institution known by its id is an
// institution without a keyword.
func TestUnitNamesAcronyms(t *testing.T) {
	works := `{"results": [{"id": "https://openalex.org/W1", "title": "A", "publication_year": 2020, "authorships": [
		{"author": {"display_name": "Ann Lee"}, "institutions": [], "raw_affiliation_strings": ["ORNL"]},
		{"author": {"display_name": "Bo Kim"}, "institutions": [{"id": "https://openalex.org/I1296630153", "display_name": "Telecom Italia Mobile", "country_code": "IT"}]},
		{"author": {"display_name": "Cy Dee"}, "institutions": [], "raw_affiliation_strings": ["Modélisation et Vérification"]}]}]}`
	file := filepath.Join(t.TempDir(), "works.json")
	if err := os.WriteFile(file, []byte(works), 0o666); err != nil {
		t.Fatal(err)
	}
	out, _ := unitRun(t, "names", "--unit", "institution", file)
	if !strings.Contains(out, "1 institution is an acronym given alone as the affiliation (ORNL)") {
		t.Errorf("names does not list ORNL as an acronym:\n%s", out)
	}
	out, _ = unitRun(t, "names", "--unit", "institution", "--json", file)
	var n unitNames
	if err := json.Unmarshal([]byte(out), &n); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(n.Acronyms, []string{"ORNL"}) || n.Coverage.Mapped != 2 || len(n.Coverage.Unmapped) != 1 {
		t.Errorf("acronyms %q, %d positions with an institution, unmapped %v", n.Acronyms, n.Coverage.Mapped, n.Coverage.Unmapped)
	}
}
