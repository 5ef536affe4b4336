package orcid

import "testing"

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"0000-0002-1825-0097":                    "0000-0002-1825-0097",
		"https://orcid.org/0000-0002-1694-233X":  "0000-0002-1694-233X",
		"http://orcid.org/0000-0002-1694-233x":   "0000-0002-1694-233X",
		"ORCID: 0000000218250097":                "0000-0002-1825-0097",
		"https://orcid.org/0000-0002-1825-0097/": "0000-0002-1825-0097",
		"0000-0002-1825-0098":                    "", // check digit
		"0000-0002-1825":                         "",
		"A123":                                   "",
		"":                                       "",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
	if got := ID("0000-0002-1825-0097"); got != "orcid:0000-0002-1825-0097" {
		t.Errorf("ID = %q", got)
	}
}
