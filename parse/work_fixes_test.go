package parse

import "testing"

// CSL-JSON from Manubot writes "ISSN 1533-7928"; it was not read.
func TestNormalizeISSN(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"1533-7928", "1533-7928"},
		{"15337928", "1533-7928"},
		{"ISSN 1533-7928", "1533-7928"},
		{"issn: 0020-761x", "0020-761X"},
		{"ISSN", ""},
		{"1533-79281", ""},
		{"ISBN 1533-7928", ""},
	} {
		if got := NormalizeISSN(tt.in); got != tt.want {
			t.Errorf("NormalizeISSN(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// PubMed writes a versioned PMC id, "PMC3706072.1", for some articles;
// it was dropped.
func TestNormalizePMCID(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"PMC3706072", "PMC3706072"},
		{"PMC3706072.1", "PMC3706072"},
		{"3706072", "PMC3706072"},
		{"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3706072/", "PMC3706072"},
		{"PMC3706072.", ""},
		{"PMC37a", ""},
	} {
		if got := NormalizeID(IDPMCID, tt.in); got != tt.want {
			t.Errorf("NormalizeID(pmcid, %q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
