package interop

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"coauthor/render/svgscan"
)

// export -positions writes the picture's layout: GEXF viz:position,
// GraphML x and y, VOSviewer's x and y, read back by networkx (and the
// map file as tab-separated text), are render's node centres (the SVG's,
// flipped and shifted onto its canvas) for the same seed.
func TestPositionsReadBack(t *testing.T) {
	if testing.Short() {
		t.Skip("builds coauthor and runs networkx; not with -short")
	}
	if err := exec.Command(python, "-c", "import networkx").Run(); err != nil {
		t.Skipf("skipping: %s cannot import networkx (%v)", python, err)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "coauthor")
	run := func(name string, args ...string) []byte {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "PYTHONWARNINGS=ignore")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
		return out
	}
	run("go", "build", "-o", bin, "./cmd/coauthor")
	svg := filepath.Join(dir, "p.svg")
	run(bin, "render", "-seed", "3", "-o", svg)
	b, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := svgscan.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ format, out, file string }{
		{"gexf", "p.gexf", "p.gexf"},
		{"graphml", "p.graphml", "p.graphml"},
		{"vosviewer", "vos", "vos/map.txt"},
	} {
		run(bin, "export", "-seed", "3", "-positions", "-to", tt.format, "-o", filepath.Join(dir, tt.out))
		var pos [][2]float64
		if err := json.Unmarshal(run(python, "render/interop/positions.py", tt.format, filepath.Join(dir, tt.file)), &pos); err != nil {
			t.Fatal(err)
		}
		if len(pos) != len(doc.Nodes) || len(pos) == 0 {
			t.Fatalf("%s: %d positions, the picture has %d nodes", tt.format, len(pos), len(doc.Nodes))
		}
		// The SVG draws (x, y) at (x+dx, dy-y): the same dx and dy for
		// every node.
		dx, dy := doc.Nodes[0].X-pos[0][0], doc.Nodes[0].Y+pos[0][1]
		off := 0
		for i, p := range pos {
			if math.Abs(doc.Nodes[i].X-p[0]-dx) > 0.02 || math.Abs(doc.Nodes[i].Y+p[1]-dy) > 0.02 {
				off++
			}
		}
		if off > 0 {
			t.Errorf("%s: %d of %d positions are not the picture's", tt.format, off, len(pos))
		}
	}
}
