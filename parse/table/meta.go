package table

import (
	"regexp"
	"strconv"
	"strings"

	"coauthor/parse"
	"coauthor/parse/internal/text"
)

// Export kinds, told from the header row.
const (
	kindGeneric = iota
	kindScopus
	kindLens
	kindIEEE
	kindOpenAlex
	kindSpringer
	kindWoS
)

// metaColumns are the columns of what a table tells of a work beyond its
// title, year and authors; -1 when absent.
type metaColumns struct {
	kind                                int
	venue, typ, language, citations     int
	url                                 []int // the first not empty is the URL
	ids                                 []idColumn
	issn, isbn, keywords, indexKeywords []int
	shortNames, withAffiliations        int // Scopus: "Authors", "Authors with affiliations"
	correspondence                      int // Scopus: "Correspondence Address"
	affiliations                        int // IEEE: "Author Affiliations", one per author
	institutions, countries, rors       int // OpenAlex: per author, "|"-separated
	citeSource                          string
}

type idColumn struct {
	kind string
	col  int
}

// metaHeader finds the columns of the export's kind.
func metaHeader(header []string, authors string, wos bool) metaColumns {
	col := func(names ...string) int { return findColumn(header, names) }
	cols := func(names ...string) []int {
		var out []int
		for _, n := range names {
			if i := col(n); i >= 0 {
				out = append(out, i)
			}
		}
		return out
	}
	m := metaColumns{venue: -1, typ: -1, language: -1, citations: -1, shortNames: -1, withAffiliations: -1, correspondence: -1, affiliations: -1, institutions: -1, countries: -1, rors: -1}
	ids := func(pairs ...string) {
		for i := 0; i+1 < len(pairs); i += 2 {
			if c := col(pairs[i+1]); c >= 0 {
				m.ids = append(m.ids, idColumn{pairs[i], c})
			}
		}
	}
	switch {
	case wos:
		m.kind = kindWoS
	case strings.EqualFold(authors, "authorships.author.display_name"):
		m.kind = kindOpenAlex
		ids(parse.IDDOI, "doi", parse.IDOpenAlex, "id", parse.IDPMID, "ids.pmid", parse.IDPMCID, "ids.pmcid", parse.IDMAG, "ids.mag")
		m.venue = col("primary_location.source.display_name", "host_venue.display_name")
		m.issn = cols("primary_location.source.issn_l", "primary_location.source.issn", "host_venue.issn_l", "host_venue.issn")
		m.typ, m.language, m.citations, m.citeSource = col("type"), col("language"), col("cited_by_count"), "openalex"
		m.url = cols("primary_location.landing_page_url")
		m.indexKeywords = cols("primary_topic.display_name", "topics.display_name", "keywords.display_name", "concepts.display_name")
		m.institutions, m.countries, m.rors = col("authorships.institutions.display_name"), col("authorships.countries"), col("authorships.institutions.ror")
	case col("lens id") >= 0:
		m.kind = kindLens
		ids(parse.IDDOI, "doi", parse.IDLens, "lens id", parse.IDPMID, "pmid", parse.IDPMCID, "pmcid", parse.IDMAG, "microsoft academic id")
		m.venue, m.typ, m.citations, m.citeSource = col("source title"), col("publication type"), col("citing works count"), "lens"
		m.issn = cols("issns")
		m.keywords, m.indexKeywords = cols("keywords"), cols("mesh terms", "fields of study")
		m.url = cols("external url", "source urls")
	case col("ieee terms", "article citation count", "pdf link") >= 0:
		m.kind = kindIEEE
		ids(parse.IDDOI, "doi")
		m.venue, m.typ, m.citations, m.citeSource = col("publication title"), col("document identifier"), col("article citation count"), "ieee"
		m.issn, m.isbn = cols("issn"), cols("isbns")
		m.keywords, m.indexKeywords = cols("author keywords"), cols("ieee terms", "inspec controlled terms", "inspec non-controlled terms", "mesh_terms")
		m.url = cols("pdf link")
		m.affiliations = col("author affiliations")
	case col("item doi") >= 0:
		m.kind = kindSpringer
		ids(parse.IDDOI, "item doi")
		m.venue, m.typ = col("publication title"), col("content type")
		m.url = cols("url")
	case col("eid") >= 0 || col("source title") >= 0 && col("cited by") >= 0:
		m.kind = kindScopus
		ids(parse.IDDOI, "doi", parse.IDScopus, "eid", parse.IDPMID, "pubmed id")
		m.venue, m.typ, m.language, m.citations, m.citeSource = col("source title"), col("document type"), col("language of original document"), col("cited by"), "scopus"
		m.issn, m.isbn = cols("issn"), cols("isbn")
		m.keywords, m.indexKeywords = cols("author keywords"), cols("index keywords")
		m.url = cols("link")
		m.shortNames, m.withAffiliations = col("authors"), col("authors with affiliations")
		m.correspondence = col("correspondence address")
	default:
		ids(parse.IDDOI, "doi")
	}
	return m
}

// correspondenceAddress is the address of Scopus's "Correspondence
// Address", "Y. Li; Department of Surgery, …, Changsha, 410013, China;
// email: a@b.com" (a second corresponding author may follow the same
// way): what follows the first name. A cell whose first part is no name
// (it has a digit: some exports hold references there) or that has no
// address gives "".
func correspondenceAddress(s string) string {
	parts := strings.Split(text.CollapseSpace(s), "; ")
	if len(parts) < 2 || strings.ContainsAny(parts[0], "0123456789") || strings.HasPrefix(parts[1], "email:") {
		return ""
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(parts[1]), ";"))
}

// metaCell is a cell as a value: "" for R's "NA" (bibliometrix writes
// its tables so).
func metaCell(row []string, i int) string {
	s := cell(row, i)
	if s == "NA" {
		return ""
	}
	return s
}

var (
	listSep  = regexp.MustCompile(`\s*[;|]\s*`)
	spaceSep = regexp.MustCompile(`\s+`)
)

// splitList splits the cells at ";" (and "|", OpenAlex's separator) into
// trimmed items, no two equal.
func splitList(row []string, cols []int) []string {
	var out []string
	for _, c := range cols {
		v := metaCell(row, c)
		if v == "" {
			continue
		}
		for _, s := range listSep.Split(v, -1) {
			out = text.AppendNew(out, text.CollapseSpace(s))
		}
	}
	return out
}

// addMeta fills p.Venue and p.Meta from the row. raw are the names of
// the authors cell as split, and pos[i] the author position of raw[i]
// (-1 for a name dropped).
func (m *metaColumns) addMeta(p *parse.Paper, row []string, raw []string, pos []int) {
	p.Venue = text.CollapseSpace(metaCell(row, m.venue))
	meta := &parse.Meta{}
	for _, id := range m.ids {
		for _, v := range listSep.Split(metaCell(row, id.col), -1) {
			meta.AddID(id.kind, v)
		}
	}
	for _, v := range splitList(row, m.isbn) {
		meta.AddID(parse.IDISBN, v)
	}
	for _, v := range splitList(row, m.issn) {
		meta.ISSN = text.AppendNew(meta.ISSN, parse.NormalizeISSN(v))
	}
	meta.Type = text.CollapseSpace(metaCell(row, m.typ))
	meta.Language = text.CollapseSpace(metaCell(row, m.language))
	meta.Keywords = splitList(row, m.keywords)
	meta.IndexKeywords = splitList(row, m.indexKeywords)
	for _, c := range m.url {
		if u := spaceSep.Split(metaCell(row, c), 2)[0]; strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			meta.URL = u
			break
		}
	}
	if n, err := strconv.Atoi(metaCell(row, m.citations)); err == nil && n >= 0 && m.citeSource != "" {
		meta.Citations = &parse.Citations{Count: n, Source: m.citeSource}
	}
	meta.Affiliations = m.affiliationsOf(row, raw, pos, len(p.Authors))
	meta.Corresponding = correspondenceAddress(metaCell(row, m.correspondence))
	if !meta.Empty() {
		p.Meta = meta
	}
}

// affiliationsOf links the row's affiliations to author positions where
// the export gives them per author:
//   - Scopus "Authors with affiliations": "Last F., Inst, City, Country;
//     Last2 G., ..." (older exports "Last, F., Inst, ..."), each part
//     linked to the author whose "Authors" name it begins with, in order;
//   - IEEE "Author Affiliations": one per author, in order, linked only
//     when there are as many as authors;
//   - OpenAlex "authorships.institutions.display_name" (and
//     "authorships.countries", "authorships.institutions.ror"): "|"-
//     separated, one entry per author ("" for none) only when no author
//     has two institutions; linked only when there are as many entries as
//     authors.
func (m *metaColumns) affiliationsOf(row []string, raw []string, pos []int, n int) [][]parse.Affiliation {
	if n == 0 {
		return nil
	}
	var aff [][]parse.Affiliation
	add := func(at int, a parse.Affiliation) {
		a.Name = text.CollapseSpace(a.Name)
		if at < 0 || a.Name == "" || a.Name == "NA" { // IEEE writes "NA" for an author without

			return
		}
		if aff == nil {
			aff = make([][]parse.Affiliation, n)
		}
		for _, x := range aff[at] {
			if x.Name == a.Name {
				return
			}
		}
		aff[at] = append(aff[at], a)
	}
	switch m.kind {
	case kindScopus:
		with := metaCell(row, m.withAffiliations)
		if with == "" {
			return nil
		}
		short := raw
		if m.shortNames >= 0 {
			if s := splitNames(metaCell(row, m.shortNames)); len(s) == len(raw) {
				short = s
			}
		}
		keys := make([]string, len(short))
		for i, s := range short {
			keys[i] = foldName(s)
		}
		next := 0 // the first author the next part may name
		for _, part := range strings.Split(with, "; ") {
			at, inst := -1, ""
			for k := next; k < len(keys) && at < 0; k++ {
				if rest, ok := cutName(part, keys[k]); ok {
					at, inst, next = k, rest, k+1
				}
			}
			if at < 0 && next > 0 {
				// The same author again, with another affiliation.
				if rest, ok := cutName(part, keys[next-1]); ok {
					at, inst = next-1, rest
				}
			}
			if at >= 0 {
				add(pos[at], parse.Affiliation{Name: inst})
			}
		}
	case kindIEEE:
		list := strings.Split(metaCell(row, m.affiliations), ";")
		if len(list) != len(raw) {
			return nil
		}
		for i, a := range list {
			add(pos[i], parse.Affiliation{Name: a})
		}
	case kindOpenAlex:
		inst := metaCell(row, m.institutions)
		if inst == "" {
			return nil
		}
		list := strings.Split(inst, "|")
		if len(list) != len(raw) {
			return nil
		}
		countries := strings.Split(metaCell(row, m.countries), "|")
		rors := strings.Split(metaCell(row, m.rors), "|")
		for i, name := range list {
			a := parse.Affiliation{Name: name}
			if len(countries) == len(list) && isCountryCode(countries[i]) {
				a.Country = countries[i]
			}
			if len(rors) == len(list) {
				a.ROR = parse.NormalizeROR(rors[i])
			}
			add(pos[i], a)
		}
	}
	return aff
}

// splitNames splits a Scopus "Authors" cell as the reader does: at ";"
// when it has one, else at ",".
func splitNames(s string) []string {
	sep := ","
	if strings.Contains(s, ";") {
		sep = ";"
	}
	return strings.Split(s, sep)
}

// foldName keeps the letters and digits of a name, in lower case.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r == ',' || r == '.' || r == ' ' || r == '-' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cutName reports whether part begins with the name whose folded form is
// key ("Liu F., Inst" or "Liu, F., Inst"), and returns the rest after it.
func cutName(part, key string) (string, bool) {
	if key == "" {
		return "", false
	}
	fields := strings.Split(part, ",")
	for k := 1; k <= 2 && k < len(fields); k++ {
		if foldName(strings.Join(fields[:k], ",")) == key {
			return strings.TrimSpace(strings.Join(fields[k:], ",")), true
		}
	}
	return "", false
}

func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}
