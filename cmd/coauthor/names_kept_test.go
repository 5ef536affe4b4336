package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/parse/identity"
)

// names lists the 30 strongest pairs kept apart and says that
// --kept-apart lists all; it does, and names --json lists all too.
func TestNamesKeptApart(t *testing.T) {
	var bib strings.Builder
	for k := range 31 {
		family := "Fam" + string(rune('a'+k/26)) + string(rune('a'+k%26))
		fmt.Fprintf(&bib, "@article{p%d, title={Paper %d}, year={2020}, author={J. %s and John %s and Ada Byron}}\n", k, k, family, family)
	}
	file := filepath.Join(t.TempDir(), "kept.bib")
	if err := os.WriteFile(file, []byte(bib.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", "names", file)
	if code != 0 || !strings.Contains(out, "Kept apart (the 30 strongest of 31; names --kept-apart lists all):") {
		t.Fatalf("names: exit %d %s\n%s", code, errOut, out)
	}
	out, errOut, code = runCLI(t, "", "names", "--kept-apart", file)
	if n := strings.Count(out, "both appear on"); code != 0 || n != 31 {
		t.Errorf("names --kept-apart: exit %d %s, %d pairs listed, want 31:\n%s", code, errOut, n, out)
	}
	out, errOut, code = runCLI(t, "", "names", "--json", file)
	var doc struct {
		KeptApart []identity.KeptApart `json:"kept_apart"`
	}
	if err := json.Unmarshal([]byte(out), &doc); code != 0 || err != nil {
		t.Fatalf("names --json: exit %d %v %s", code, err, errOut)
	}
	kept := doc.KeptApart
	if len(kept) != 31 {
		t.Fatalf("%d pairs, want 31: %+v", len(kept), kept)
	}
	for _, k := range kept {
		if len(k.Names) != 2 || !strings.HasPrefix(k.Why, "both appear on") || k.Evidence == nil || k.Match == "" {
			t.Errorf("kept apart without its names, reason or evidence: %+v", k)
		}
	}
}
