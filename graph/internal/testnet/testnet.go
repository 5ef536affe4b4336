// Package testnet loads the reference networks of graph/testdata and
// networkx's values for them, for the tests of the graph packages.
package testnet

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"coauthor/graph"
	"coauthor/graph/formats/edgelist"
	"coauthor/graph/formats/gml"
)

// Networks are the reference networks of graph/testdata, copied from
// ../shared/data/networks (copies kept here, so that a clone has them); networkx 2.8.8's values for them are in
// testdata/reference (made by testdata/reference/make_reference.py).
var Networks = []string{"karate.txt", "lesmis.gml", "netscience.gml", "ca-GrQc.txt"}

// Dir is graph/testdata.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}

// Load reads a network of graph/testdata (or any path when name has a
// directory) as an edge list or, for .gml, GML.
func Load(t testing.TB, name string) *graph.Graph {
	t.Helper()
	path := name
	if filepath.Base(name) == name {
		path = filepath.Join(Dir(), name)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var g *graph.Graph
	if strings.HasSuffix(name, ".gml") {
		g, err = gml.Read(f, name)
	} else {
		g, err = edgelist.Read(f, name)
	}
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Reference holds networkx's values for one network.
type Reference struct {
	Names    []string
	Columns  map[string][]float64
	Nodes    int       `json:"nodes"`
	Edges    int       `json:"edges"`
	Density  float64   `json:"density"`
	Trans    float64   `json:"transitivity"`
	AvgClust float64   `json:"average_clustering"`
	Comps    int       `json:"components"`
	Sizes    []int     `json:"component_sizes"`
	Diameter int       `json:"diameter"`
	AvgPath  float64   `json:"average_shortest_path"`
	Louvain  []float64 `json:"louvain_modularity_seeds_0_4"`
}

// LoadReference reads networkx's values for a network of Networks.
func LoadReference(t testing.TB, name string) *Reference {
	t.Helper()
	base := filepath.Join(Dir(), "reference", strings.TrimSuffix(name, filepath.Ext(name)))
	data, err := os.ReadFile(base + ".json")
	if err != nil {
		t.Fatal(err)
	}
	ref := &Reference{Columns: make(map[string][]float64)}
	if err := json.Unmarshal(data, ref); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(base + ".csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := rows[0]
	for _, row := range rows[1:] {
		ref.Names = append(ref.Names, row[0])
		for i, c := range header[1:] {
			x, err := strconv.ParseFloat(row[i+1], 64)
			if err != nil {
				t.Fatal(err)
			}
			ref.Columns[c] = append(ref.Columns[c], x)
		}
	}
	return ref
}
