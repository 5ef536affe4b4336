package unit_test

import (
	"strings"
	"testing"

	"coauthor/parse/unit"
)

// InstitutionName never panics and returns one non-empty component.
func FuzzInstitutionName(f *testing.F) {
	for _, s := range []string{"Stanford Univ, Dept Chem, Stanford, CA 94305 USA", "a Department of X , Maastricht University, The Netherlands.", "*", "a b", ",", "CERN, 1211 Geneva", "x@y, Univ Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, why, ok := unit.InstitutionName(s)
		if ok != (name != "") || ok && (why == "" || strings.Contains(name, ",")) {
			t.Errorf("InstitutionName(%q) = %q, %q, %v", s, name, why, ok)
		}
	})
}
