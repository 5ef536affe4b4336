package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A cluster's number is a property of the whole network's partition:
// each author has the same number in "clusters", in an export filtered
// by -min-papers (JSON, CSV) and in a picture of the top authors (the
// DOT's colours and tooltips), however many clusters the filters leave.
func TestClusterNumbersAgree(t *testing.T) {
	whole := map[string]int{}
	out, errOut, code := runCLI(t, "", "clusters", "-json", "-members", "1000", "-quiet")
	if code != 0 {
		t.Fatalf("clusters: %d %s", code, errOut)
	}
	var rep struct {
		Clusters []struct {
			ID      int      `json:"id"`
			Size    int      `json:"size"`
			Members []string `json:"members"`
		} `json:"clusters"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	for _, c := range rep.Clusters {
		if len(c.Members) != c.Size {
			t.Fatalf("cluster %d: %d members listed of %d", c.ID, len(c.Members), c.Size)
		}
		for _, m := range c.Members {
			whole[m] = c.ID
		}
	}
	if len(rep.Clusters) < 2 {
		t.Fatalf("%d clusters: the fixture should have several", len(rep.Clusters))
	}
	agree := func(view string, got map[string]int) {
		t.Helper()
		if len(got) == 0 {
			t.Errorf("%s: no authors read", view)
		}
		numbers := map[int]bool{}
		for name, c := range got {
			numbers[c] = true
			if want, ok := whole[name]; !ok || c != want {
				t.Errorf("%s: %s in cluster %d, clusters says %d", view, name, c, want)
			}
		}
		t.Logf("%s: %d authors, clusters %v", view, len(got), numbers)
	}

	// export -min-papers 2 as node-link JSON.
	out, errOut, code = runCLI(t, "", "export", "-min-papers", "2", "-to", "json", "-o", "-", "-quiet")
	if code != 0 {
		t.Fatalf("export json: %d %s", code, errOut)
	}
	var nl struct {
		Nodes []struct {
			Name    string `json:"name"`
			Cluster int    `json:"cluster"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal([]byte(out), &nl); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, n := range nl.Nodes {
		got[n.Name] = n.Cluster
	}
	agree("export -min-papers 2 -to json", got)

	// export -min-papers 6 as CSV: fewer authors, fewer clusters.
	dir := filepath.Join(t.TempDir(), "csv")
	if _, errOut, code = runCLI(t, "", "export", "-min-papers", "6", "-to", "csv", "-o", dir, "-quiet"); code != 0 {
		t.Fatalf("export csv: %d %s", code, errOut)
	}
	f, err := os.Open(filepath.Join(dir, "nodes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	name, cluster := indexOf(rows[0], "name"), indexOf(rows[0], "cluster")
	got = map[string]int{}
	for _, row := range rows[1:] {
		c, err := strconv.Atoi(row[cluster])
		if err != nil {
			t.Fatal(err)
		}
		got[row[name]] = c
	}
	agree("export -min-papers 6 -to csv", got)

	// render -top 10 as DOT: each node's tooltip ends with its cluster,
	// and its colour is that cluster's.
	out, errOut, code = runCLI(t, "", "render", "-top", "10", "-to", "dot", "-o", "-", "-quiet")
	if code != 0 {
		t.Fatalf("render: %d %s", code, errOut)
	}
	node := regexp.MustCompile(`(?m)^\tn\d+ \[.*fillcolor="([^"]+)", tooltip="([^"—]+) — [^"]*cluster (\d+)"`)
	got = map[string]int{}
	colour := map[int]string{}
	for _, m := range node.FindAllStringSubmatch(out, -1) {
		c, _ := strconv.Atoi(m[3])
		got[strings.TrimSpace(m[2])] = c
		if prev, ok := colour[c]; ok && prev != m[1] {
			t.Errorf("render: cluster %d drawn in %s and %s", c, prev, m[1])
		}
		colour[c] = m[1]
	}
	if len(got) != 10 {
		t.Errorf("render -top 10: %d nodes read from the DOT", len(got))
	}
	agree("render -top 10", got)
	for c := range colour {
		if !strings.Contains(out, "cluster "+strconv.Itoa(c)+": ") {
			t.Errorf("render: the legend does not list cluster %d", c)
		}
	}
}

func indexOf(header []string, col string) int {
	for i, h := range header {
		if h == col {
			return i
		}
	}
	return -1
}
