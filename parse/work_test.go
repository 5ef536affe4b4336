package parse

import "testing"

func TestNormalizeID(t *testing.T) {
	for _, c := range []struct{ kind, in, want string }{
		{IDDOI, "10.1000/ABC", "10.1000/abc"},
		{IDDOI, "https://doi.org/10.1000/ABC", "10.1000/abc"},
		{IDDOI, "http://dx.doi.org/10.1000/abc.", "10.1000/abc"},
		{IDDOI, "doi:10.1000/a%2Fb", "10.1000/a/b"},
		{IDDOI, "DOI 10.1145/3292500.3330701", "10.1145/3292500.3330701"},
		{IDDOI, "not a doi", ""},
		{IDArXiv, "arXiv:2101.00001v3", "2101.00001"},
		{IDArXiv, "https://arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001"},
		{IDArXiv, "http://arxiv.org/abs/math.GT/0309136", "math.GT/0309136"},
		{IDArXiv, "oai:arXiv.org:1810.09584", "1810.09584"},
		{IDArXiv, "12345", ""},
		{IDPMID, "PMID:00123", "123"},
		{IDPMID, "https://pubmed.ncbi.nlm.nih.gov/19129924/", "19129924"},
		{IDPMID, "12a", ""},
		{IDPMCID, "PMC12345", "PMC12345"},
		{IDPMCID, "12345", "PMC12345"},
		{IDPMCID, "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC12345/", "PMC12345"},
		{IDOpenAlex, "https://openalex.org/W2741809807", "W2741809807"},
		{IDOpenAlex, "w2741809807", "W2741809807"},
		{IDOpenAlex, "A123", ""},
		{IDISBN, "ISBN 978-3-16-148410-0", "9783161484100"},
		{IDISBN, "0-306-40615-x", "030640615X"},
		{IDISBN, "12-3", ""},
		{IDWoS, "WOS:000731787800009", "000731787800009"},
		{IDDBLP, " journals/cacm/Knuth74 ", "journals/cacm/Knuth74"},
		{IDDOI, "", ""},
		// Kinds checked for shape only: a shifted CSV column ("Scopus" in
		// litstudy-scopus.csv's EID) is no id.
		{IDScopus, "2-s2.0-85123480963", "2-s2.0-85123480963"},
		{IDScopus, "Scopus", ""},
		{IDWoS, "WOS:A1997WX12300004", "A1997WX12300004"},
		{IDWoS, "All Open Access", ""},
		{IDWoS, "ZOOREC:ZOOR15512090342", "ZOOREC:ZOOR15512090342"}, // another database's UT keeps its prefix
		{IDWoS, "MEDLINE:31234567", "MEDLINE:31234567"},
		{IDDimensions, "pub.1000000003", "pub.1000000003"},
		{IDDimensions, "Dimensions", ""},
		{IDMAG, "02741809807", "2741809807"},
		{IDMAG, "W2741809807", ""},
		{IDDBLP, "not a key", ""},
	} {
		if got := NormalizeID(c.kind, c.in); got != c.want {
			t.Errorf("NormalizeID(%s, %q) = %q, want %q", c.kind, c.in, got, c.want)
		}
	}
}

func TestNormalizeRORAndISSN(t *testing.T) {
	for in, want := range map[string]string{"https://ror.org/05dxps055": "05dxps055", "05DXPS055": "05dxps055", "ror.org/123": "", "": ""} {
		if got := NormalizeROR(in); got != want {
			t.Errorf("NormalizeROR(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"0028-0836": "0028-0836", "0028083x": "0028-083X", "123": ""} {
		if got := NormalizeISSN(in); got != want {
			t.Errorf("NormalizeISSN(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMetaAddIDAndLink(t *testing.T) {
	var p Paper
	m := p.EnsureMeta()
	m.AddID(IDDOI, "https://doi.org/10.1000/X")
	m.AddID(IDDOI, "10.1000/x") // the same once normalised
	m.AddID(IDPMID, "nope")     // malformed: dropped
	m.AddID(IDArXiv, "2101.00001v2")
	if len(m.IDs) != 2 || m.ID(IDDOI) != "10.1000/x" || m.ID(IDArXiv) != "2101.00001" || m.ID(IDPMID) != "" {
		t.Fatalf("IDs = %v", m.IDs)
	}
	if got := m.Link(); got != "https://doi.org/10.1000/x" {
		t.Errorf("Link = %q", got)
	}
	m.IDs = m.IDs[1:]
	m.URL = "javascript:alert(1)"
	if got := m.Link(); got != "https://arxiv.org/abs/2101.00001" {
		t.Errorf("Link without DOI, with a non-http URL = %q", got)
	}
	if (*Meta)(nil).Link() != "" || !(*Meta)(nil).Empty() || !(&Meta{}).Empty() || m.Empty() {
		t.Error("nil and empty Meta")
	}
}
