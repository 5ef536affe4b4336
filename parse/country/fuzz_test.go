package country

import "testing"

// Detect never panics and returns a known code or nothing.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{"Stanford Univ, Stanford, CA 94305 USA", "Peking Univ, Beijing 100871, Peoples R China", "Boston, MA", "Iran (Islamic Republic of)", "(", ")", "a (b", "Sweden (", ",,,", "x; ;", "MA 02139-", "Korea, Republic of", "\xff\xfe", "#TAB#"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		NamesPlace(s)
		code, ok := Detect(s)
		if ok != (code != "") || ok && !Valid(code) {
			t.Errorf("Detect(%q) = %q, %v", s, code, ok)
		}
	})
}
