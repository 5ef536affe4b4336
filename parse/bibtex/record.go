package bibtex

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"coauthor/parse"
	"coauthor/parse/internal/text"
	"coauthor/parse/latex"
	"coauthor/parse/names"
)

// Refs holds what the BibTeX files read together share: @string macros
// (a file of abbreviations given first serves the others) and every
// entry by key, so that a crossref is followed to a parent in another
// file or further on in the same one. An entry whose parent is not read
// yet waits; Rest gives the waiting entries once every file is read.
//
// A child inherits each field it lacks from its parent, as biber does by
// default: the title of a @proceedings, @collection, @book or @reference
// parent becomes the child's booktitle (its subtitle booksubtitle, ...),
// the title of a @periodical its journaltitle; the parent's crossref,
// keys, labels, short and sort titles are not inherited. The parent's
// editors stay editors, not authors.
type Refs struct {
	macros     map[string]string
	entries    map[string]*entry // lower-case key → entry
	pending    []*entry
	unauthored int
}

// NewRefs returns an empty Refs with the month macros (jan … dec).
func NewRefs() *Refs {
	r := &Refs{macros: make(map[string]string), entries: make(map[string]*entry)}
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		r.macros[m] = fmt.Sprint(i + 1)
	}
	return r
}

// entry is one BibTeX entry read: its type, key and raw fields.
type entry struct {
	typ, key string
	fields   map[string]string // lower-case names, values with LaTeX
	file     string
	line     int
	listed   int // names in the author field, "others" not counted
}

// add files e under its key; the first entry with a key stands, as in
// BibTeX.
func (r *Refs) add(e *entry) {
	if e.key == "" {
		return
	}
	k := strings.ToLower(e.key)
	if _, ok := r.entries[k]; !ok {
		r.entries[k] = e
	}
}

// Rest returns the entries that waited for their crossref parent, each
// with what its parent (if read by now) gives, in the order read, and the
// file each was read from; entries still without authors are counted in
// Unauthored. The waiting list is emptied.
func (r *Refs) Rest() (papers []*parse.Paper, files []string) {
	for _, e := range r.pending {
		r.inherit(e)
		if p := e.paper(); p != nil {
			papers = append(papers, p)
			files = append(files, e.file)
		} else {
			r.unauthored++
		}
	}
	r.pending = nil
	return papers, files
}

// Unauthored returns how many entries given by Rest were passed over for
// want of authors.
func (r *Refs) Unauthored() int { return r.unauthored }

// noInherit are the fields a child never takes from its parent (biber's
// defaults).
var noInherit = map[string]bool{
	"crossref": true, "xref": true, "entryset": true, "entrysubtype": true, "execute": true, "label": true,
	"options": true, "presort": true, "related": true, "relatedoptions": true, "relatedstring": true,
	"relatedtype": true, "shorthand": true, "shorthandintro": true, "sortkey": true, "ids": true, "key": true,
	// The parent's identifiers and link are its own: a proceedings DOI or
	// ISBN given to each of its papers would make them one work.
	"doi": true, "url": true, "eprint": true, "eprinttype": true, "archiveprefix": true, "arxivid": true,
	"isbn": true, "pmid": true, "pmcid": true, "eid": true, "unique-id": true,
}

// inherit gives e the fields it lacks from its crossref parent; false
// when the parent is not read (yet).
func (r *Refs) inherit(e *entry) bool {
	parent, ok := r.entries[strings.ToLower(strings.TrimSpace(e.fields["crossref"]))]
	if !ok || parent == e {
		return false
	}
	for k, v := range parent.fields {
		if noInherit[k] {
			continue
		}
		switch parent.typ {
		case "proceedings", "collection", "book", "reference":
			switch k {
			case "title", "subtitle", "titleaddon":
				k = "book" + k
			case "shorttitle", "sorttitle", "indextitle", "indexsorttitle":
				continue
			}
		case "mvproceedings", "mvcollection", "mvbook", "mvreference":
			switch k {
			case "title", "subtitle", "titleaddon":
				k = "main" + k
			case "shorttitle", "sorttitle", "indextitle", "indexsorttitle":
				continue
			}
		case "periodical":
			switch k {
			case "title", "subtitle":
				k = "journal" + k
			case "shorttitle", "sorttitle", "indextitle", "indexsorttitle":
				continue
			}
		}
		if _, has := e.fields[k]; !has {
			e.fields[k] = v
		}
	}
	return true
}

// paper turns an entry into a Paper, nil when it has no authors.
func (e *entry) paper() *parse.Paper {
	raw, ok := e.fields["author"]
	if !ok || strings.TrimSpace(raw) == "" {
		return nil
	}
	f := e.fields
	p := &parse.Paper{Line: e.line, Title: text.CollapseSpace(latex.Decode(f["title"]))}
	e.listed = 0
	p.Year = text.LeadingYear(f["year"])
	if p.Year == 0 {
		p.Year = text.LeadingYear(f["date"])
	}
	for _, name := range splitBibNames(raw) {
		if strings.EqualFold(name, "others") {
			p.EtAl = true
			continue
		}
		e.listed++
		if clean := text.CleanName(latex.Decode(names.Order(name))); clean != "" {
			p.Authors = append(p.Authors, clean)
		}
	}
	if len(p.Authors) == 0 {
		return nil
	}
	for _, v := range []string{"journal", "journaltitle", "booktitle"} {
		if p.Venue = decoded(f[v]); p.Venue != "" {
			break
		}
	}
	e.meta(p)
	return p
}

// decoded is a field's text, LaTeX decoded, white space collapsed.
func decoded(v string) string { return text.CollapseSpace(latex.Decode(v)) }

// verbatim is a field holding an id or a link: a \url{…} command and
// braces dropped, LaTeX escapes of URL characters undone ("\_", "\%",
// "\&", "\#", "\~").
func verbatim(v string) string {
	v = strings.TrimPrefix(strings.TrimSpace(v), `\url`)
	v = strings.NewReplacer("{", "", "}", "", `\_`, "_", `\%`, "%", `\&`, "&", `\#`, "#", `\~`, "~", `\textunderscore`, "_").Replace(v)
	return strings.TrimSpace(v)
}

var (
	citedBy  = regexp.MustCompile(`(?i)\bcited\s+by\s*:?\s*([0-9]+)`)
	scopusID = regexp.MustCompile(`[?&]eid=(2-s2\.0-[0-9]+)`)
	listSep  = regexp.MustCompile(`\s*[;,]\s*`)
	semiSep  = regexp.MustCompile(`\s*;\s*`)
)

// books are the entry types whose ISBN identifies the work itself; the
// ISBN an @inproceedings or @incollection carries is its book's, shared
// by every chapter, so not the work's id.
var books = map[string]bool{"book": true, "mvbook": true, "collection": true, "mvcollection": true, "proceedings": true, "reference": true, "manual": true}

// meta fills p.Meta from the fields of e: ids (doi, eprint with
// eprinttype or archivePrefix arXiv, arxivid, pmid, pmcid, isbn of a
// book, a DBLP key "DBLP:…", WoS unique-id, Scopus eid in its url),
// ISSN, type, url, language, keywords (keywords, or Scopus's
// author_keywords; Scopus's keywords and WoS keywords-plus are the
// index's), citations
// (Scopus note "Cited by: N", WoS times-cited) and affiliations where
// they can be linked to author positions (WoS affiliation groups; the
// one author of a paper).
func (e *entry) meta(p *parse.Paper) {
	f := e.fields
	m := &parse.Meta{}
	if d := verbatim(f["doi"]); d != "" {
		m.AddID(parse.IDDOI, d)
	}
	eprintType := strings.ToLower(verbatim(f["eprinttype"] + f["archiveprefix"]))
	if strings.Contains(eprintType, "arxiv") {
		m.AddID(parse.IDArXiv, verbatim(f["eprint"]))
	}
	m.AddID(parse.IDArXiv, verbatim(f["arxivid"]))
	m.AddID(parse.IDPMID, verbatim(f["pmid"]))
	m.AddID(parse.IDPMCID, verbatim(f["pmcid"]))
	if books[e.typ] {
		for _, isbn := range strings.FieldsFunc(verbatim(f["isbn"]), func(r rune) bool { return r == ';' || r == ',' }) {
			m.AddID(parse.IDISBN, isbn)
		}
	}
	if k, ok := strings.CutPrefix(e.key, "DBLP:"); ok {
		m.AddID(parse.IDDBLP, k)
	}
	if u := verbatim(f["unique-id"]); strings.HasPrefix(strings.ToUpper(u), "WOS:") {
		m.AddID(parse.IDWoS, u)
	}
	if u := verbatim(f["url"]); u != "" {
		m.URL = u
		if s := scopusID.FindStringSubmatch(u); s != nil {
			m.AddID(parse.IDScopus, s[1])
		}
		if strings.Contains(u, "doi.org/") && m.ID(parse.IDDOI) == "" {
			m.AddID(parse.IDDOI, u)
		}
	}
	for _, k := range []string{"issn", "eissn"} {
		for _, s := range strings.FieldsFunc(verbatim(f[k]), func(r rune) bool { return r == ';' || r == ',' || r == ' ' }) {
			if n := parse.NormalizeISSN(s); n != "" && !contains(m.ISSN, n) {
				m.ISSN = append(m.ISSN, n)
			}
		}
	}
	m.Type = e.typ
	m.Language = decoded(f["language"])
	scopus := strings.EqualFold(verbatim(f["source"]), "scopus")
	if k := decoded(f["keywords"]); k != "" && scopus {
		m.IndexKeywords = split(semiSep, k) // Scopus's index keywords
	} else if k != "" {
		sep := listSep
		if strings.Contains(k, ";") {
			sep = semiSep
		}
		m.Keywords = split(sep, k)
	}
	if ak := decoded(f["author_keywords"]); ak != "" {
		m.Keywords = split(semiSep, ak)
	}
	if kp := decoded(f["keywords-plus"]); kp != "" {
		m.IndexKeywords = split(semiSep, kp)
	}
	if c := citedBy.FindStringSubmatch(f["note"]); c != nil && scopus {
		if n, err := strconv.Atoi(c[1]); err == nil {
			m.Citations = &parse.Citations{Count: n, Source: "scopus"}
		}
	}
	if tc := verbatim(f["times-cited"]); tc != "" {
		if n, err := strconv.Atoi(tc); err == nil {
			m.Citations = &parse.Citations{Count: n, Source: "wos"}
		}
	}
	m.Affiliations = e.affiliations(p.Authors, p.EtAl || len(p.Authors) != e.listed)
	if !m.Empty() {
		p.Meta = m
	}
}

// affiliations links the affiliation field to author positions where the
// export makes that possible, nil otherwise: WoS BibTeX gives one line
// per institution, "Last, First; Last, First, Institution."; any other
// affiliation field (Scopus's "Inst; Inst", a Zotero string) is one list
// for the whole paper, linked only when the paper has one author.
//
// unsure is set when the paper has more authors than it lists ("and
// others", a name that was no name): a lone author is then not the only
// one.
func (e *entry) affiliations(authors []string, unsure bool) [][]parse.Affiliation {
	raw := e.fields["affiliation"]
	if raw == "" {
		raw = e.fields["affiliations"]
		if _, wos := e.fields["unique-id"]; wos {
			raw = "" // WoS's "Affiliations" are organisations, not linked
		}
	}
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	if _, wos := e.fields["unique-id"]; wos {
		return wosAffiliations(decoded(strings.ReplaceAll(raw, "\n", "\x00")), authors)
	}
	if len(authors) != 1 || unsure {
		return nil
	}
	var affs []parse.Affiliation
	parts := []string{decoded(raw)}
	if strings.EqualFold(verbatim(e.fields["source"]), "scopus") {
		parts = split(semiSep, parts[0])
	}
	for _, a := range parts {
		affs = append(affs, parse.Affiliation{Name: a})
	}
	return [][]parse.Affiliation{affs}
}

// wosAffiliations reads WoS's affiliation field, one group a line (lines
// joined by NUL here): "Last, First; Last, First, Institution, Address."
// Lines naming a "(Corresponding Author)" or "(Reprint Author)" repeat
// another and are passed over. Names are matched to authors as written
// in the author field ("First Last").
func wosAffiliations(field string, authors []string) [][]parse.Affiliation {
	affs := make([][]parse.Affiliation, len(authors))
	found := false
	for line := range strings.SplitSeq(field, "\x00") {
		line = strings.TrimSuffix(strings.TrimSpace(line), ".")
		if line == "" || strings.Contains(line, "(Corresponding Author)") || strings.Contains(line, "(Reprint Author)") {
			continue
		}
		people := strings.Split(line, "; ")
		last := people[len(people)-1]
		// The last person is "Last, First, Institution...".
		c := strings.SplitN(last, ", ", 3)
		if len(c) < 3 {
			continue
		}
		people[len(people)-1] = c[0] + ", " + c[1]
		inst := c[2]
		for _, who := range people {
			name := text.CleanName(names.Order(who))
			for i, a := range authors {
				if a == name && !containsAff(affs[i], inst) {
					affs[i] = append(affs[i], parse.Affiliation{Name: inst})
					found = true
				}
			}
		}
	}
	if !found {
		return nil
	}
	return affs
}

func containsAff(affs []parse.Affiliation, name string) bool {
	for _, a := range affs {
		if a.Name == name {
			return true
		}
	}
	return false
}

func split(sep *regexp.Regexp, s string) []string {
	var out []string
	for _, x := range sep.Split(s, -1) {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
