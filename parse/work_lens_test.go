package parse

import "testing"

// Lens.org ids: five groups of three digits, bare or in a lens.org link.
func TestNormalizeLens(t *testing.T) {
	for in, want := range map[string]string{
		"000-360-106-493-122": "000-360-106-493-122",
		" https://www.lens.org/lens/scholar/article/000-360-106-493-122/": "000-360-106-493-122",
		"https://lens.org/000-360-106-493-122":                            "000-360-106-493-122",
		"000-360-106-493":                                                 "",
		"000-360-106-493-1222":                                            "",
		"NA":                                                              "",
	} {
		if got := NormalizeID(IDLens, in); got != want {
			t.Errorf("NormalizeID(lens, %q) = %q, want %q", in, got, want)
		}
	}
}
