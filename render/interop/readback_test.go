// Package interop checks that coauthor's exports open in networkx: its
// test runs readback.py (see there) when /usr/bin/python3 has networkx.
package interop

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

const python = "/usr/bin/python3"

// TestReadBack exports netscience, the built-in example and a DBLP file
// of homonyms and awkward names in every format, reads each file back with
// networkx (default arguments) and with python-igraph (GraphML, Pajek,
// the CSV tables and node-link JSON by Graph.DictList, VOSviewer's
// network file by the NCOL reader)
// and compares nodes, edges, weights, PageRank and cluster numbers with
// the input. subnormal.edges (a heavy 5-clique with a pendant, and a
// light pair) gives the pair an eigenvector centrality of 3e-319, which
// every export must write as 0.
func TestReadBack(t *testing.T) {
	if testing.Short() {
		t.Skip("builds coauthor and runs networkx; not with -short")
	}
	if err := exec.Command(python, "-c", "import networkx").Run(); err != nil {
		t.Skipf("skipping the networkx read-back: %s cannot import networkx (%v); on Debian: apt-get install python3-networkx", python, err)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "coauthor")
	build := exec.Command("go", "build", "-o", bin, "./cmd/coauthor")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, input := range []string{"graph/testdata/netscience.gml", "builtin", "render/interop/testdata/homonyms.xml", "render/interop/testdata/subnormal.edges"} {
		t.Run(filepath.Base(input), func(t *testing.T) {
			cmd := exec.Command(python, "render/interop/readback.py", input, bin)
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "PYTHONWARNINGS=ignore")
			out, err := cmd.CombinedOutput()
			t.Logf("%s", out)
			if err != nil {
				t.Errorf("readback.py %s: %v\n%s", input, err, out)
			}
		})
	}
}
