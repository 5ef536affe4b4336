package formats_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	. "coauthor/graph/formats"
	"coauthor/graph/formats/gexf"
	"coauthor/graph/formats/graphml"
	"coauthor/graph/formats/nodelink"
)

// smallWorks are small()'s papers with records.
type smallWorks struct{ records []*WorkRecord }

var smallPapers = [][]int32{{0, 1, 2}, {0, 1}, {3, 4, 5}, {2, 3}, {6}}

func (w smallWorks) Len() int                 { return len(smallPapers) }
func (w smallWorks) Authors(i int) []int32    { return smallPapers[i] }
func (w smallWorks) Year(i int) int           { return []int{1843, 1844, 1850, 1851, 1860}[i] }
func (w smallWorks) Title(i int) string       { return "T" }
func (w smallWorks) Record(i int) *WorkRecord { return w.records[i] }
func (w smallWorks) IDKinds() []string        { return []string{"doi"} }

func affiliatedWorks() smallWorks {
	uni := func(name, country string) Affiliation { return Affiliation{Name: name, Country: country} }
	return smallWorks{records: []*WorkRecord{
		// Ada: "Uni <A> & B" twice on one paper counts once; "Z Inst" on
		// another: a tie broken by byte order ("Uni" < "Z").
		{Affiliations: [][]Affiliation{{uni("Uni <A> & B", "GB"), uni("Uni <A> & B", "GB")}, {uni("RS", "")}, nil}},
		{Affiliations: [][]Affiliation{{uni("Z Inst", "FR")}, {uni("RS", "")}}},
		nil,
		// Back\slash: no affiliation; Mary: two papers? one: "Oxford".
		{Venue: "V", Affiliations: [][]Affiliation{nil, {uni("Oxford", "GB")}}},
		{IDs: [][2]string{{"doi", "10.1/x"}}},
	}}
}

func TestNodeAffiliations(t *testing.T) {
	tab := smallTable()
	aff, country := NodeAffiliations(tab.Graph, affiliatedWorks())
	wantAff := []string{"Uni <A> & B", "RS", "", "Oxford", "", "", ""}
	wantCountry := []string{"FR", "", "", "GB", "", "", ""} // Ada: GB once, FR once: FR < GB
	if !slices.Equal(aff, wantAff) || !slices.Equal(country, wantCountry) {
		t.Fatalf("affiliations %q, countries %q", aff, country)
	}
	if a, c := NodeAffiliations(tab.Graph, smallWorks{records: make([]*WorkRecord, 5)}); a != nil || c != nil {
		t.Errorf("no records: %q %q, want nil", a, c)
	}
	tab.Affiliation, tab.Country = aff, country
	want := map[string][2]string{`Ada "the Countess" Lovelace`: {"Uni <A> & B", "FR"}, "Charles Babbage": {"RS", ""}, "Mary Somerville": {"Oxford", "GB"}}

	// GraphML: keys and values, only where known.
	var b bytes.Buffer
	if err := graphml.Write(&b, tab); err != nil {
		t.Fatal(err)
	}
	var gm struct {
		Nodes []struct {
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"graph>node"`
	}
	if err := xml.Unmarshal(b.Bytes(), &gm); err != nil || !strings.Contains(b.String(), `<key id="affiliation" for="node" attr.name="affiliation" attr.type="string"/>`) {
		t.Fatalf("%v\n%s", err, b.String())
	}
	got := map[string][2]string{}
	for _, n := range gm.Nodes {
		var name string
		var ac [2]string
		for _, d := range n.Data {
			switch d.Key {
			case "name":
				name = d.Value
			case "affiliation":
				ac[0] = d.Value
			case "country":
				ac[1] = d.Value
			}
		}
		if ac != [2]string{} {
			got[name] = ac
		}
	}
	check := func(format string, got map[string][2]string) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s: %d nodes with affiliations, want %d: %q", format, len(got), len(want), got)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: %s has %q, want %q", format, k, got[k], v)
			}
		}
	}
	check("graphml", got)

	// GEXF.
	b.Reset()
	if err := gexf.Write(&b, tab); err != nil {
		t.Fatal(err)
	}
	var gx struct {
		Nodes []struct {
			Label string `xml:"label,attr"`
			Att   []struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
			} `xml:"attvalues>attvalue"`
		} `xml:"graph>nodes>node"`
	}
	if err := xml.Unmarshal(b.Bytes(), &gx); err != nil || !strings.Contains(b.String(), `<attribute id="country" title="country" type="string"/>`) {
		t.Fatalf("%v\n%s", err, b.String())
	}
	got = map[string][2]string{}
	for _, n := range gx.Nodes {
		var ac [2]string
		for _, a := range n.Att {
			switch a.For {
			case "affiliation":
				ac[0] = a.Value
			case "country":
				ac[1] = a.Value
			}
		}
		if ac != [2]string{} {
			got[n.Label] = ac
		}
	}
	check("gexf", got)

	// Node-link JSON.
	b.Reset()
	if err := nodelink.Write(&b, tab); err != nil {
		t.Fatal(err)
	}
	var nl struct{ Nodes []map[string]any }
	if err := json.Unmarshal(b.Bytes(), &nl); err != nil {
		t.Fatal(err)
	}
	got = map[string][2]string{}
	for _, n := range nl.Nodes {
		a, _ := n["affiliation"].(string)
		c, _ := n["country"].(string)
		_, hasA := n["affiliation"]
		_, hasC := n["country"]
		if hasA && a == "" || hasC && c == "" {
			t.Errorf("json: empty attribute written for %v", n["name"])
		}
		if a != "" || c != "" {
			got[n["name"].(string)] = [2]string{a, c}
		}
	}
	check("json", got)
}
