package parse

import (
	"net/url"
	"regexp"
	"strings"
)

// Kinds of work identifier (WorkID.Kind). Two records are one work when
// they share an id of one kind, and two works when an id of one kind
// differs, whatever their titles.
const (
	IDDOI        = "doi"        // lower case, no resolver prefix: 10.1000/xyz
	IDArXiv      = "arxiv"      // no version: 2101.00001, hep-th/9901001
	IDPMID       = "pmid"       // digits
	IDPMCID      = "pmcid"      // PMC followed by digits
	IDOpenAlex   = "openalex"   // W followed by digits
	IDDBLP       = "dblp"       // the record key: journals/cacm/Knuth74
	IDScopus     = "eid"        // Scopus EID: 2-s2.0-…
	IDWoS        = "wos"        // Web of Science UT without "WOS:"
	IDISBN       = "isbn"       // digits and X only, for books
	IDDimensions = "dimensions" // pub.…
	IDMAG        = "mag"        // Microsoft Academic Graph id
	IDDataCite   = "datacite"   // a DataCite id that is not a DOI
	IDLens       = "lens"       // Lens.org id: 000-360-106-493-122
)

// IDKinds lists the kinds of work id in the order they are shown.
var IDKinds = []string{IDDOI, IDArXiv, IDPMID, IDPMCID, IDOpenAlex, IDDBLP, IDScopus, IDWoS, IDISBN, IDDimensions, IDMAG, IDDataCite, IDLens}

// WorkID is one identifier of a work, normalised (see the IDxxx kinds).
type WorkID struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

func (id WorkID) String() string { return id.Kind + ":" + id.Value }

// Affiliation is one institution an author position is linked to, as the
// source links it.
type Affiliation struct {
	Name    string `json:"name"`              // the source's string
	ROR     string `json:"ror,omitempty"`     // ROR id without resolver: 05dxps055
	GRID    string `json:"grid,omitempty"`    // grid.1234.5
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-2 as the source gives it, upper case; "" when not given
	// ID is the source's own id of an institution it knows (OpenAlex's
	// "I1296630153"), when it gives one: Name is then an institution's
	// name, not a free-text address.
	ID string `json:"id,omitempty"`
}

// Citations is a citation count as an export states it.
type Citations struct {
	Count  int    `json:"count"`
	Source string `json:"source"`         // who counted: "scopus", "wos", "openalex", "dimensions", "crossref", ...
	Date   string `json:"date,omitempty"` // when, if the export says (YYYY-MM-DD or as given)
}

// Meta is what a source tells of a work beyond its title, year, authors
// and venue. Nothing is invented: a field the source does not give stays
// empty. A reader sets Paper.Meta only when it has something to put there.
type Meta struct {
	IDs      []WorkID `json:",omitempty"` // every id the source gives the work, normalised, no two equal
	ISSN     []string `json:",omitempty"` // NNNN-NNNX
	Type     string   `json:",omitempty"` // the source's own word: "article", "inproceedings", "J", "Article", "journal-article"
	URL      string   `json:",omitempty"` // a link the source gives (not one made from an id)
	Language string   `json:",omitempty"`
	// Keywords are the authors' own; IndexKeywords those the index added
	// (WoS Keywords Plus, Scopus index terms, MeSH, OpenAlex topics).
	Keywords      []string   `json:",omitempty"`
	IndexKeywords []string   `json:",omitempty"`
	Citations     *Citations `json:",omitempty"`
	// Affiliations parallels Paper.Authors: the institutions the source
	// links to each author position (nil for none). Nil when the source
	// gives no affiliations at all.
	Affiliations [][]Affiliation `json:",omitempty"`
	// Addresses are the affiliations the source gives for the work
	// without linking them to an author position (Web of Science C1 lines
	// without bracketed names on a paper of several authors); nil when
	// there are none.
	Addresses []Affiliation `json:",omitempty"`
	// Corresponding is the address of the corresponding (reprint) author
	// as the source writes it (WoS RP, Scopus "Correspondence Address"),
	// without the author's name; "" when the source marks none.
	Corresponding string `json:",omitempty"`
}

// AddID adds an id of kind after normalising it (NormalizeID); an empty
// or malformed value, or one already there, is not added.
func (m *Meta) AddID(kind, value string) {
	v := NormalizeID(kind, value)
	if v == "" {
		return
	}
	for _, id := range m.IDs {
		if id.Kind == kind && id.Value == v {
			return
		}
	}
	m.IDs = append(m.IDs, WorkID{kind, v})
}

// ID returns the work's id of kind, "" for none.
func (m *Meta) ID(kind string) string {
	if m == nil {
		return ""
	}
	for _, id := range m.IDs {
		if id.Kind == kind {
			return id.Value
		}
	}
	return ""
}

// Empty reports whether m holds nothing.
func (m *Meta) Empty() bool {
	return m == nil || len(m.IDs) == 0 && len(m.ISSN) == 0 && m.Type == "" && m.URL == "" && m.Language == "" &&
		len(m.Keywords) == 0 && len(m.IndexKeywords) == 0 && m.Citations == nil && len(m.Affiliations) == 0 && len(m.Addresses) == 0 && m.Corresponding == ""
}

// EnsureMeta returns p.Meta, creating it when nil, for readers to fill.
func (p *Paper) EnsureMeta() *Meta {
	if p.Meta == nil {
		p.Meta = &Meta{}
	}
	return p.Meta
}

var (
	doiRe     = regexp.MustCompile(`10\.[0-9]{3,9}(\.[0-9]+)*/\S+`)
	arxivNew  = regexp.MustCompile(`^([0-9]{4}\.[0-9]{4,5})(v[0-9]+)?$`)
	arxivOld  = regexp.MustCompile(`^([a-z-]+(\.[A-Z]{2})?/[0-9]{7})(v[0-9]+)?$`)
	digits    = regexp.MustCompile(`^[0-9]+$`)
	pmcRe     = regexp.MustCompile(`^(?i:pmc)?([0-9]+)(?:\.[0-9]+)?$`)
	openAlex  = regexp.MustCompile(`(?i)^(?:https?://(?:api\.)?openalex\.org/(?:works/)?)?(W[0-9]+)$`)
	rorRe     = regexp.MustCompile(`(?i)^(?:https?://)?(?:www\.)?(?:ror\.org/)?(0[a-z0-9]{6}[0-9]{2})$`)
	issnRe    = regexp.MustCompile(`^([0-9]{4})-?([0-9]{3}[0-9X])$`)
	lensRe    = regexp.MustCompile(`^(?:https?://(?:www\.)?lens\.org/(?:lens/scholar/article/|lens/)?)?([0-9]{3}(?:-[0-9]{3}){4})/?$`)
	isbnStrip = strings.NewReplacer("-", "", " ", "", "\u2010", "", "\u2011", "")
)

// NormalizeID returns value normalised for kind, "" when it is not a
// well-formed id of that kind:
//   - doi: lower case, without "doi:", "https://doi.org/", "http://dx.doi.org/"
//     or other resolver prefix, URL escapes decoded, trailing punctuation dropped;
//   - arxiv: without "arXiv:", "abs/" URL or version;
//   - pmid: digits; pmcid: "PMC" and digits (a version ".1" dropped);
//     openalex: "W" and digits;
//   - isbn: digits and X;
//   - wos: without "WOS:"; lens: "NNN-NNN-NNN-NNN-NNN" without lens.org URL;
//   - the others trimmed only.
func NormalizeID(kind, value string) string {
	v := strings.TrimSpace(value)
	if v == "" {
		return ""
	}
	switch kind {
	case IDDOI:
		return NormalizeDOI(v)
	case IDArXiv:
		return NormalizeArXiv(v)
	case IDPMID:
		v = strings.TrimPrefix(strings.ToLower(v), "pmid:")
		v = strings.TrimSpace(strings.TrimPrefix(v, "https://pubmed.ncbi.nlm.nih.gov/"))
		v = strings.TrimSuffix(v, "/")
		if !digits.MatchString(v) {
			return ""
		}
		return strings.TrimLeft(v, "0")
	case IDPMCID:
		v = strings.TrimSuffix(v, "/")
		v = v[strings.LastIndexByte(v, '/')+1:]
		m := pmcRe.FindStringSubmatch(v)
		if m == nil {
			return ""
		}
		return "PMC" + m[1]
	case IDOpenAlex:
		m := openAlex.FindStringSubmatch(v)
		if m == nil {
			return ""
		}
		return strings.ToUpper(m[1][:1]) + m[1][1:]
	case IDISBN:
		v = strings.ToUpper(isbnStrip.Replace(strings.TrimPrefix(strings.ToUpper(v), "ISBN")))
		v = strings.TrimLeft(v, ": ")
		if n := len(v); (n != 10 && n != 13) || !digits.MatchString(strings.TrimSuffix(v, "X")) {
			return ""
		}
		return v
	case IDLens:
		m := lensRe.FindStringSubmatch(v)
		if m == nil {
			return ""
		}
		return m[1]
	case IDWoS:
		// WOS: (the Core Collection) is dropped; another database's
		// prefix (ZOOREC:, MEDLINE:, BCI:, CCC:) stays part of the id.
		v = strings.TrimPrefix(v, "WOS:")
		v = strings.TrimPrefix(v, "wos:")
		if !wosRe.MatchString(v) && !wosOtherRe.MatchString(v) {
			return ""
		}
		return v
	case IDScopus:
		if !eidRe.MatchString(v) {
			return ""
		}
		return v
	case IDDimensions:
		if !dimensionsRe.MatchString(v) {
			return ""
		}
		return v
	case IDMAG:
		if !digits.MatchString(v) {
			return ""
		}
		return strings.TrimLeft(v, "0")
	case IDDBLP:
		if strings.ContainsAny(v, " \t\n") || !strings.Contains(v, "/") {
			return ""
		}
		return v
	}
	return v
}

// Shapes of the ids whose value NormalizeID only checks: a value of
// another shape (a column shifted by one in a CSV export, say) is no id,
// and must not make two records one work.
var (
	eidRe        = regexp.MustCompile(`^2-s2\.0-[0-9]+$`)
	wosRe        = regexp.MustCompile(`^[A-Z0-9]{3}[0-9A-Z]{8,14}$`)
	wosOtherRe   = regexp.MustCompile(`^[A-Z]{2,10}:[A-Z0-9]{6,24}$`)
	dimensionsRe = regexp.MustCompile(`^pub\.[0-9]+$`)
)

// NormalizeDOI returns the DOI in s (a bare DOI, "doi:…" or a resolver
// URL) in lower case without prefix, "" when s holds none.
func NormalizeDOI(s string) string {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "%") {
		if u, err := url.PathUnescape(s); err == nil {
			s = u
		}
	}
	var d string
	if i := strings.Index(s, "10."); i >= 0 {
		if n := doiLen(s[i:]); n > 0 {
			d = s[i : i+n]
		}
	}
	if d == "" {
		loc := doiRe.FindStringIndex(s)
		if loc == nil {
			return ""
		}
		d = s[loc[0]:loc[1]]
	}
	d = strings.TrimRight(d, ".,;:)]}>\"'")
	return strings.ToLower(d)
}

// doiLen returns the length of the DOI that doiRe matches at the start
// of s, which starts with "10.", read without the regexp engine (five
// times faster; millions of DBLP records carry a DOI); 0 when this quick
// reading fails, and doiRe then decides.
func doiLen(s string) int {
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	j := 3
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if n := j - 3; n < 3 || n > 9 {
		return 0
	}
	for j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j++
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	if j >= len(s) || s[j] != '/' {
		return 0
	}
	j++
	k := j
	for k < len(s) && s[k] != ' ' && s[k] != '\t' && s[k] != '\n' && s[k] != '\f' && s[k] != '\r' { // \S
		k++
	}
	if k == j {
		return 0
	}
	return k
}

// NormalizeArXiv returns an arXiv id without prefix or version, "" when s
// holds none.
func NormalizeArXiv(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"https://arxiv.org/abs/", "http://arxiv.org/abs/", "https://arxiv.org/pdf/", "http://arxiv.org/pdf/", "arxiv.org/abs/", "oai:arXiv.org:"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			s = s[len(p):]
		}
	}
	if len(s) > 6 && strings.EqualFold(s[:6], "arxiv:") {
		s = s[6:]
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, ".pdf"), "/")
	if id := quickArXiv(s); id != "" {
		return id
	}
	if m := arxivNew.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	if m := arxivOld.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// quickArXiv returns the id of s when s is a new-style arXiv id, with or
// without version, as arxivNew reads it, without the regexp engine; ""
// when not, and the regexps then decide.
func quickArXiv(s string) string {
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	if len(s) < 9 || s[4] != '.' || !isDigit(s[0]) || !isDigit(s[1]) || !isDigit(s[2]) || !isDigit(s[3]) {
		return ""
	}
	j := 5
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if n := j - 5; n < 4 || n > 5 {
		return ""
	}
	if j == len(s) {
		return s
	}
	if s[j] != 'v' || j+1 == len(s) {
		return ""
	}
	for k := j + 1; k < len(s); k++ {
		if !isDigit(s[k]) {
			return ""
		}
	}
	return s[:j]
}

// NormalizeROR returns a ROR id without resolver ("05dxps055"), "" when s
// is none.
func NormalizeROR(s string) string {
	m := rorRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	return strings.ToLower(m[1])
}

// NormalizeISSN returns "NNNN-NNNX", "" when s is not an ISSN. A
// leading "ISSN" ("ISSN 1533-7928", "ISSN: ...") is dropped.
func NormalizeISSN(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if rest, ok := strings.CutPrefix(s, "ISSN"); ok {
		s = strings.TrimLeft(rest, ": ")
	}
	m := issnRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1] + "-" + m[2]
}

// Link returns the address a person follows to read a work: its DOI's,
// else the URL the source gives, else its arXiv, PubMed or OpenAlex page;
// "" when there is none. m may be nil.
func (m *Meta) Link() string {
	if m == nil {
		return ""
	}
	if d := m.ID(IDDOI); d != "" {
		return "https://doi.org/" + d
	}
	if u := m.URL; strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	if a := m.ID(IDArXiv); a != "" {
		return "https://arxiv.org/abs/" + a
	}
	if p := m.ID(IDPMID); p != "" {
		return "https://pubmed.ncbi.nlm.nih.gov/" + p + "/"
	}
	if w := m.ID(IDOpenAlex); w != "" {
		return "https://openalex.org/" + w
	}
	return ""
}
