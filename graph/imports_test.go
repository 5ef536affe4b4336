package graph_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The module's packages import one way: cmd → render → graph, parse.
// Nothing under graph/ imports render/, parse/ or cmd/, and no package
// outside cmd/ (and the bench commands, which are main packages) imports
// flag: the library's options are plain fields that validate themselves,
// and cmd/coauthor maps the flags onto them.
func TestImportDirection(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the packages")
	}
	out, err := exec.Command(goTool, "list", "-deps", "coauthor/graph/...").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range strings.Fields(string(out)) {
		for _, up := range []string{"coauthor/render", "coauthor/parse", "coauthor/cmd"} {
			if p == up || strings.HasPrefix(p, up+"/") {
				t.Errorf("a package under graph/ depends on %s", p)
			}
		}
	}
	out, err = exec.Command(goTool, "list", "-f", "{{.ImportPath}} {{.Name}} {{join .Imports \" \"}}", "coauthor/...").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "coauthor/cmd/") || f[1] == "main" {
			continue
		}
		for _, imp := range f[2:] {
			if imp == "flag" {
				t.Errorf("%s imports flag", f[0])
			}
		}
	}
}
