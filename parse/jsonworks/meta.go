package jsonworks

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"coauthor/parse"
	"coauthor/parse/internal/text"
)

// The work record (parse.Meta) of each kind of JSON record. Every field
// read here is lenient: a value of an unexpected shape is passed over,
// never an error, so a record read before is read still.
//
//   - OpenAlex: id and ids (openalex, doi, pmid, pmcid, mag) as ids;
//     primary_location.source (host_venue in older exports) display_name
//     as venue and issn_l, issn as ISSN; type; primary_location's
//     landing_page_url (host_venue's url) as URL; language; cited_by_count
//     as citations counted by "openalex" on the date of updated_date;
//     keywords, concepts, topics and mesh as index keywords (OpenAlex
//     derives them: none is the authors'); each authorship's institutions
//     (display_name, ror, country_code) as that author's affiliations, or
//     its raw_affiliation_strings (raw_affiliation_string in 2022) when it
//     names no institution.
//   - Crossref: DOI, URL, container-title as venue, ISSN, ISBN, type,
//     language, is-referenced-by-count as citations counted by "crossref"
//     on the date of indexed.date-time, subject as index keywords, and
//     author[].affiliation[] (name, and id[] with id-type ROR or GRID).
//   - CSL-JSON: DOI, URL, PMID, PMCID, ISBN, ISSN, container-title as
//     venue, type, language, keyword (a list, or one string of
//     comma-separated keywords) as keywords, and author[].affiliation where
//     a writer gives it.
//   - DataCite: doi (else the record's id), url, container.title (else publisher) as venue,
//     types.resourceTypeGeneral, language, subjects as keywords (a field
//     of science, "FOS: ...", as an index keyword),
//     citationCount, and creators[].affiliation (strings, or objects with
//     an affiliationIdentifier of scheme ROR).
type metaFields struct {
	ID              lstr                `json:"id"`
	DOI             lstr                `json:"DOI"`
	OAIDs           lenient[oaIDs]      `json:"ids"`
	PMID            lstr                `json:"PMID"`
	PMCID           lstr                `json:"PMCID"`
	ISBN            lstrs               `json:"ISBN"`
	ISSN            lstrs               `json:"ISSN"`
	ContainerTitle  lstrs               `json:"container-title"`
	HostVenue       lenient[oaSource]   `json:"host_venue"`
	PrimaryLocation lenient[oaLocation] `json:"primary_location"`
	Type            lstr                `json:"type"`
	URL             lstr                `json:"URL"`
	Language        lstr                `json:"language"`
	CitedByCount    lint                `json:"cited_by_count"`
	UpdatedDate     lstr                `json:"updated_date"`
	ReferencedBy    lint                `json:"is-referenced-by-count"`
	Indexed         lenient[struct {
		DateTime lstr `json:"date-time"`
	}] `json:"indexed"`
	OAKeywords lterms    `json:"keywords"`
	Concepts   lterms    `json:"concepts"`
	Topics     lterms    `json:"topics"`
	Mesh       lterms    `json:"mesh"`
	Subject    lterms    `json:"subject"`
	Keyword    lkeywords `json:"keyword"`
	// DataCite
	Subjects      lenient[[]dcSubject]                        `json:"subjects"`
	Publisher     lterms                                      `json:"publisher"`
	Container     lenient[struct{ Title lstr }]               `json:"container"`
	Types         lenient[struct{ ResourceTypeGeneral lstr }] `json:"types"`
	CitationCount lint                                        `json:"citationCount"`
}

// dcSubject is a DataCite subject: the depositor's, or a field of
// science DataCite adds ("FOS: Earth sciences"), an index keyword.
type dcSubject struct {
	Subject       lstr `json:"subject"`
	SubjectScheme lstr `json:"subjectScheme"`
}

func (s dcSubject) fos() bool {
	return strings.HasPrefix(string(s.Subject), "FOS: ") || strings.Contains(string(s.SubjectScheme), "Fields of Science")
}

type oaIDs struct {
	OpenAlex, DOI, PMID, PMCID, MAG lstr
}

type oaSource struct {
	DisplayName lstr  `json:"display_name"`
	ISSNL       lstr  `json:"issn_l"`
	ISSN        lstrs `json:"issn"`
	URL         lstr  `json:"url"`
}

type oaLocation struct {
	Source         lenient[oaSource] `json:"source"`
	LandingPageURL lstr              `json:"landing_page_url"`
}

type oaInstitution struct {
	ID          lstr `json:"id"`
	DisplayName lstr `json:"display_name"`
	ROR         lstr `json:"ror"`
	CountryCode lstr `json:"country_code"`
}

// lenient is a value of type T read as well as it fits; a value of
// another shape leaves it (or the parts that do not fit) zero.
type lenient[T any] struct{ V T }

func (l *lenient[T]) UnmarshalJSON(b []byte) error {
	_ = json.Unmarshal(b, &l.V) // what does not fit stays zero
	return nil
}

// lstr is a string, or a number written as text; "" for anything else.
type lstr string

func (s *lstr) UnmarshalJSON(b []byte) error {
	var v any
	if json.Unmarshal(b, &v) == nil {
		switch v := v.(type) {
		case string:
			*s = lstr(strings.TrimSpace(v))
		case float64:
			*s = lstr(strings.TrimSuffix(string(b), ".0"))
		}
	}
	return nil
}

// lstrs is a list of strings, or one string.
type lstrs []string

func (s *lstrs) UnmarshalJSON(b []byte) error {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	add := func(x any) {
		if x, ok := x.(string); ok && strings.TrimSpace(x) != "" {
			*s = append(*s, strings.TrimSpace(x))
		}
	}
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			add(x)
		}
	default:
		add(v)
	}
	return nil
}

// lint is a count: a number, digits in a string, or Mongo's
// {"$numberLong": "7"}; -1 when absent or of another shape.
type lint struct {
	N   int
	Set bool
}

func (n *lint) UnmarshalJSON(b []byte) error {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	if m, ok := v.(map[string]any); ok {
		v = m["$numberLong"]
		if v == nil {
			v = m["$numberInt"]
		}
	}
	var s string
	switch v := v.(type) {
	case float64:
		s = strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		s = strings.TrimSpace(v)
	}
	if c, err := strconv.Atoi(s); err == nil && c >= 0 {
		n.N, n.Set = c, true
	}
	return nil
}

// lterms is a list of terms: strings, or objects naming a term by one of
// the keys of termKeys (OpenAlex's display_name and descriptor_name,
// DataCite's subject and name); one string is one term.
type lterms []string

var termKeys = []string{"display_name", "descriptor_name", "subject", "name", "keyword"}

func (t *lterms) UnmarshalJSON(b []byte) error {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	add := func(x any) {
		if m, ok := x.(map[string]any); ok {
			for _, k := range termKeys {
				if s, ok := m[k].(string); ok && strings.TrimSpace(s) != "" {
					x = s
					break
				}
			}
		}
		if s, ok := x.(string); ok {
			if s = text.CollapseSpace(s); s != "" {
				*t = append(*t, s)
			}
		}
	}
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			add(x)
		}
	default:
		add(v)
	}
	return nil
}

// lkeywords are CSL-JSON's keywords: a list, or one string of keywords
// separated by commas or semicolons.
type lkeywords []string

func (k *lkeywords) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*k = splitList(one)
		return nil
	}
	var list lstrs
	_ = list.UnmarshalJSON(b) // never fails
	*k = lkeywords(list)
	return nil
}

// laffs are an author's affiliations: strings, or objects with a name
// (Crossref, DataCite) and ids (Crossref's id[] with id-type, DataCite's
// affiliationIdentifier with its scheme).
type laffs []parse.Affiliation

func (a *laffs) UnmarshalJSON(b []byte) error {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		list = []any{v}
	}
	for _, x := range list {
		var af parse.Affiliation
		switch x := x.(type) {
		case string:
			af.Name = text.CollapseSpace(x)
		case map[string]any:
			s, _ := x["name"].(string)
			af.Name = text.CollapseSpace(s)
			ids, _ := x["id"].([]any)
			for _, id := range ids {
				if m, ok := id.(map[string]any); ok {
					value, _ := m["id"].(string)
					kind, _ := m["id-type"].(string)
					setOrgID(&af, kind, value)
				}
			}
			value, _ := x["affiliationIdentifier"].(string)
			kind, _ := x["affiliationIdentifierScheme"].(string)
			setOrgID(&af, kind, value)
		}
		if af.Name != "" || af.ROR != "" || af.GRID != "" {
			*a = append(*a, af)
		}
	}
	return nil
}

var gridRe = regexp.MustCompile(`grid\.[0-9]+\.[0-9a-f]+`)

// setOrgID sets an institution's ROR or GRID id from a value of the
// scheme kind; a malformed one is not set.
func setOrgID(af *parse.Affiliation, kind, value string) {
	switch {
	case strings.EqualFold(kind, "ROR") || kind == "" && strings.Contains(value, "ror.org/"):
		if r := parse.NormalizeROR(value); r != "" && af.ROR == "" {
			af.ROR = r
		}
	case strings.EqualFold(kind, "GRID"):
		if g := gridRe.FindString(value); g != "" && af.GRID == "" {
			af.GRID = g
		}
	}
}

// dateRe is a date at the start of a date-time.
var dateRe = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}`)

// meta returns the work record of w, whose authors' affiliations are
// affs (parallel to the paper's authors); nil when w tells nothing.
func (w *jsonWork) meta(affs [][]parse.Affiliation) *parse.Meta {
	m := &parse.Meta{}
	f := &w.metaFields
	oa := &f.OAIDs.V
	if strings.Contains(strings.ToLower(string(f.ID)), "openalex.org/") {
		m.AddID(parse.IDOpenAlex, string(f.ID))
	}
	m.AddID(parse.IDOpenAlex, string(oa.OpenAlex))
	m.AddID(parse.IDDOI, string(f.DOI))
	m.AddID(parse.IDDOI, string(oa.DOI))
	m.AddID(parse.IDPMID, string(f.PMID))
	m.AddID(parse.IDPMID, string(oa.PMID))
	m.AddID(parse.IDPMCID, string(f.PMCID))
	m.AddID(parse.IDPMCID, string(oa.PMCID))
	m.AddID(parse.IDMAG, string(oa.MAG))
	// An ISBN is a work's id only for a book: a chapter or a conference
	// paper carries its book's, which would make them one work.
	if bookType(string(f.Type)) {
		for _, s := range f.ISBN {
			for _, v := range splitList(s) {
				m.AddID(parse.IDISBN, v)
			}
		}
	}
	src := &f.PrimaryLocation.V.Source.V
	if src.DisplayName == "" && src.ISSNL == "" && len(src.ISSN) == 0 {
		src = &f.HostVenue.V
	}
	var issns []string
	for _, s := range append(append([]string{string(src.ISSNL)}, src.ISSN...), f.ISSN...) {
		for _, v := range splitList(s) {
			issns = append(issns, parse.NormalizeISSN(v))
		}
	}
	m.ISSN = addTerms(nil, issns...)
	m.Type = string(f.Type)
	if t := f.Types.V.ResourceTypeGeneral; t != "" && len(w.Creators) > 0 {
		m.Type = string(t)
	}
	m.URL = string(f.URL)
	if m.URL == "" {
		m.URL = string(f.PrimaryLocation.V.LandingPageURL)
	}
	if m.URL == "" {
		m.URL = string(f.HostVenue.V.URL)
	}
	m.Language = string(f.Language)
	switch {
	case f.CitedByCount.Set:
		m.Citations = &parse.Citations{Count: f.CitedByCount.N, Source: "openalex", Date: dateRe.FindString(string(f.UpdatedDate))}
	case f.ReferencedBy.Set:
		m.Citations = &parse.Citations{Count: f.ReferencedBy.N, Source: "crossref", Date: dateRe.FindString(string(f.Indexed.V.DateTime))}
	case f.CitationCount.Set && len(w.Creators) > 0:
		m.Citations = &parse.Citations{Count: f.CitationCount.N, Source: "datacite"}
	}
	m.Keywords = addTerms(m.Keywords, f.Keyword...)
	if len(w.Creators) > 0 {
		for _, s := range f.Subjects.V {
			if s.fos() {
				m.IndexKeywords = addTerms(m.IndexKeywords, string(s.Subject))
			} else {
				m.Keywords = addTerms(m.Keywords, string(s.Subject))
			}
		}
	}
	for _, list := range []lterms{f.OAKeywords, f.Concepts, f.Topics, f.Mesh, f.Subject} {
		m.IndexKeywords = addTerms(m.IndexKeywords, list...)
	}
	for _, a := range affs {
		if len(a) > 0 {
			m.Affiliations = affs
			break
		}
	}
	if m.Empty() {
		return nil
	}
	return m
}

// venue returns the work's venue as the record names it, "" for none.
func (w *jsonWork) venue() string {
	f := &w.metaFields
	v := string(f.PrimaryLocation.V.Source.V.DisplayName)
	if v == "" {
		v = string(f.HostVenue.V.DisplayName)
	}
	if v == "" && len(f.ContainerTitle) > 0 {
		v = f.ContainerTitle[0]
	}
	if len(w.Creators) > 0 { // DataCite
		if v == "" {
			v = string(f.Container.V.Title)
		}
		if v == "" && len(f.Publisher) > 0 {
			v = f.Publisher[0]
		}
	}
	return text.CollapseSpace(v)
}

// oaAffiliations are an OpenAlex author's institutions, or the raw
// affiliation strings when it names none.
func oaAffiliations(inst []oaInstitution, raw lstrs, raw2022 lstr) []parse.Affiliation {
	var out []parse.Affiliation
	for _, in := range inst {
		af := parse.Affiliation{Name: text.CollapseSpace(string(in.DisplayName)), ROR: parse.NormalizeROR(string(in.ROR)),
			ID: strings.TrimPrefix(strings.TrimSpace(string(in.ID)), "https://openalex.org/")}
		if c := strings.ToUpper(string(in.CountryCode)); len(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' {
			af.Country = c
		}
		if af.Name != "" || af.ROR != "" {
			out = append(out, af)
		}
	}
	if len(out) > 0 {
		return out
	}
	if raw2022 != "" {
		raw = append(lstrs{string(raw2022)}, raw...)
	}
	var names []string
	for _, s := range raw {
		names = append(names, text.CollapseSpace(s))
	}
	for _, s := range addTerms(nil, names...) {
		out = append(out, parse.Affiliation{Name: s})
	}
	return out
}

// splitList splits "a, b; c" into its items.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' })
}

// addTerms appends the terms not yet in list (through a set: a record
// may hold millions).
func addTerms(list []string, terms ...string) []string {
	seen := make(map[string]bool, len(list)+len(terms))
	for _, t := range list {
		seen[t] = true
	}
	for _, t := range terms {
		if t = text.CollapseSpace(t); t != "" && !seen[t] {
			seen[t] = true
			list = append(list, t)
		}
	}
	return list
}

// bookType reports whether a CSL, Crossref or OpenAlex type names a whole
// book.
func bookType(t string) bool {
	switch strings.ToLower(t) {
	case "book", "monograph", "edited-book", "reference-book", "book-set", "book-series":
		return true
	}
	return false
}
