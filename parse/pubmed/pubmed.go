// Package pubmed reads PubMed's XML, as E-utilities efetch gives it
// (<PubmedArticleSet> of <PubmedArticle> and <PubmedBookArticle>).
package pubmed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"coauthor/parse"
	"coauthor/parse/internal/limit"
	"coauthor/parse/internal/orcid"
	"coauthor/parse/internal/text"
)

// Reader reads papers from PubMed XML: one root element, a set
// (PubmedArticleSet, PubmedBookArticleSet, or the MedlineCitationSet of
// NLM's baseline files up to 2016) or a lone record. Each <PubmedArticle>
// (or <PubmedBookArticle>, or <MedlineCitation>) is one paper: ArticleTitle (BookTitle), the year
// of PubDate (or MedlineDate, or ArticleDate), the journal's Title as its
// venue. Its work record (parse.Meta) holds the PMID, the DOI and PMC id
// of PubmedData's ArticleIdList (the DOI of ELocationID when the list has
// none), a book's Isbn, the journal's ISSN and ISSNLinking, the first
// PublicationType as type, the first Language, KeywordList as keywords,
// the MeSH DescriptorNames as index keywords, and each author's
// AffiliationInfo (Affiliation, and an Identifier of Source ROR or GRID)
// as that author's affiliations. Its authors are the <Author> elements
// of the AuthorList whose Type is absent or "authors": ForeName LastName
// (Initials when there is no ForeName) and Suffix, or a CollectiveName,
// kept as one author as the source lists it. An <Identifier
// Source="ORCID"> (bare or as a URL) is the author's identity,
// "orcid:0000-...". CompleteYN="N" sets EtAl. Citations in ReferenceList
// are not read; an ORCID iD whose check digit does not match is dropped
// and counted (BadIDs). Articles are decoded one at a time, each at most
// text.MaxRecord bytes, so memory does not grow with the file; XML that
// is not well formed, a second root element, or a record over the limit
// stops the reader with a fatal *parse.ParseError.
type Reader struct {
	opt      parse.ReadOptions
	noAuthor int
	badIDs   int
	dec      *xml.Decoder
	in       *limit.Reader
	depth    int  // sets (PubmedArticleSet, ...) open
	ended    bool // the root element is closed
	fatal    error
}

// NewReader returns a reader of r.
func NewReader(r io.Reader, opt parse.ReadOptions) *Reader {
	in := limit.NewReader(bufio.NewReaderSize(r, 1<<20), text.MaxRecord, "record")
	dec := xml.NewDecoder(in)
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if l := strings.ToLower(label); l == "utf-8" || l == "us-ascii" || l == "ascii" {
			return in, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q: PubMed XML is UTF-8", label)
	}
	return &Reader{opt: opt, dec: dec, in: in}
}

// Unauthored implements parse.Reader.
func (x *Reader) Unauthored() int { return x.noAuthor }

// BadIDs implements parse.BadIDReader: the ORCID iDs dropped for a check
// digit that does not match.
func (x *Reader) BadIDs() int { return x.badIDs }

// mixed is an element's text with its markup (<i>, <sup>) left out.
type mixed string

func (m *mixed) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var b strings.Builder
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			b.Write(t)
		}
	}
	*m = mixed(text.CollapseSpace(b.String()))
	return nil
}

type date struct {
	Year        string `xml:"Year"`
	MedlineDate string `xml:"MedlineDate"`
}

type author struct {
	LastName       mixed        `xml:"LastName"`
	ForeName       mixed        `xml:"ForeName"`
	Initials       mixed        `xml:"Initials"`
	Suffix         mixed        `xml:"Suffix"`
	CollectiveName mixed        `xml:"CollectiveName"`
	Identifier     []identifier `xml:"Identifier"`
	// AffiliationInfo: an institution's text, and its ROR or GRID id
	// when the record gives one.
	AffiliationInfo []struct {
		Affiliation mixed        `xml:"Affiliation"`
		Identifier  []identifier `xml:"Identifier"`
	} `xml:"AffiliationInfo"`
}

type identifier struct {
	Source string `xml:"Source,attr"`
	Value  string `xml:",chardata"`
}

// typedID is an ArticleId (IdType) or an ELocationID (EIdType).
type typedID struct {
	IdType  string `xml:"IdType,attr"`
	EIdType string `xml:"EIdType,attr"`
	Value   string `xml:",chardata"`
}

type authorList struct {
	Type       string   `xml:"Type,attr"`
	CompleteYN string   `xml:"CompleteYN,attr"`
	Authors    []author `xml:"Author"`
}

// record has the fields read of a PubmedArticle and a PubmedBookArticle.
type record struct {
	Citation   citation  `xml:"MedlineCitation"`
	ArticleIDs []typedID `xml:"PubmedData>ArticleIdList>ArticleId"`
	Book       struct {
		PMID       string       `xml:"PMID"`
		Title      mixed        `xml:"ArticleTitle"`
		BookTitle  mixed        `xml:"Book>BookTitle"`
		PubDate    date         `xml:"Book>PubDate"`
		AuthorList []authorList `xml:"AuthorList"`
		BookLists  []authorList `xml:"Book>AuthorList"`
		ISBN       []string     `xml:"Book>Isbn"`
		Language   []string     `xml:"Language"`
		PubTypes   []mixed      `xml:"PublicationType"`
		Keywords   []mixed      `xml:"KeywordList>Keyword"`
	} `xml:"BookDocument"`
	BookIDs []typedID `xml:"PubmedBookData>ArticleIdList>ArticleId"`
}

// citation is a MedlineCitation: inside a PubmedArticle, or an element
// of its own in the MEDLINE baseline files (MedlineCitationSet).
type citation struct {
	PMID    string `xml:"PMID"`
	Article struct {
		Title   mixed `xml:"ArticleTitle"`
		Journal struct {
			Title   mixed    `xml:"Title"`
			PubDate date     `xml:"JournalIssue>PubDate"`
			ISSN    []string `xml:"ISSN"`
		} `xml:"Journal"`
		AuthorList  []authorList `xml:"AuthorList"`
		ArticleDate []date       `xml:"ArticleDate"`
		ELocationID []typedID    `xml:"ELocationID"`
		Language    []string     `xml:"Language"`
		PubTypes    []mixed      `xml:"PublicationTypeList>PublicationType"`
	} `xml:"Article"`
	ISSNLinking string  `xml:"MedlineJournalInfo>ISSNLinking"`
	Keywords    []mixed `xml:"KeywordList>Keyword"`
	Mesh        []mixed `xml:"MeshHeadingList>MeshHeading>DescriptorName"`
}

// Read returns the next paper, io.EOF at the end, or a *parse.ParseError.
func (x *Reader) Read() (*parse.Paper, error) {
	if x.fatal != nil {
		return nil, x.fatal
	}
	for {
		var line int
		x.in.Reset() // each token, and each record read whole, is bounded
		tok, err := x.dec.Token()
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		if err != nil {
			return nil, x.fail(err)
		}
		var start xml.StartElement
		switch t := tok.(type) {
		case xml.StartElement:
			start = t
		case xml.EndElement:
			if x.depth--; x.depth == 0 {
				x.ended = true
			}
			continue
		case xml.CharData:
			if x.depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				return nil, x.fail(fmt.Errorf("text %q outside the root element", text.Shorten(string(t), 20)))
			}
			continue
		default:
			continue
		}
		if x.ended {
			return nil, x.fail(fmt.Errorf("<%s> after the end of the root element: one root element expected", start.Name.Local))
		}
		x.in.Reset()
		switch start.Name.Local {
		case "PubmedArticleSet", "PubmedBookArticleSet", "MedlineCitationSet":
			x.depth++ // a set: go in
			continue
		case "PubmedArticle", "PubmedBookArticle", "MedlineCitation":
		default:
			if x.depth == 0 {
				return nil, x.fail(fmt.Errorf("root element <%s>: expected one of %s", start.Name.Local, strings.Join(parse.PubMedRoots, ", ")))
			}
			if err := x.dec.Skip(); err != nil { // DeleteCitation and the like
				return nil, x.fail(err)
			}
			continue
		}
		line, _ = x.dec.InputPos()
		var rec record
		into := any(&rec)
		if start.Name.Local == "MedlineCitation" { // a MEDLINE baseline file
			into = &rec.Citation
		}
		if err := x.dec.DecodeElement(into, &start); err != nil {
			return nil, x.fail(err)
		}
		if x.depth == 0 {
			x.ended = true // a lone record is the root
		}
		p, bad := rec.paper()
		x.badIDs += bad
		p.Line = line
		if len(p.Authors) == 0 {
			x.noAuthor++
			continue
		}
		return p, nil
	}
}

// fail makes a fatal error at the decoder's line: XML cannot be resumed
// after a syntax error.
func (x *Reader) fail(err error) error {
	line, _ := x.dec.InputPos()
	var le *text.LimitError
	if errors.As(err, &le) {
		x.fatal = limit.Err(x.opt.File, line, le)
		return x.fatal
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
	}
	pe := &parse.ParseError{File: x.opt.File, Line: max(line, 1), Fatal: true, Err: err, EOF: errors.Is(err, io.ErrUnexpectedEOF)}
	x.fatal = pe
	return pe
}

// paper returns the paper of rec and the number of ORCID iDs dropped for
// a check digit that does not match.
func (rec *record) paper() (p *parse.Paper, badIDs int) {
	a := &rec.Citation.Article
	p = &parse.Paper{Title: string(a.Title), Venue: string(a.Journal.Title)}
	pmid := rec.Citation.PMID
	lists := a.AuthorList
	p.Year = year(a.Journal.PubDate)
	for _, d := range a.ArticleDate {
		if p.Year == 0 {
			p.Year = year(d)
		}
	}
	m := &parse.Meta{}
	ids, languages, types, keywords := append(rec.ArticleIDs, a.ELocationID...), a.Language, a.PubTypes, rec.Citation.Keywords
	if b := &rec.Book; pmid == "" && b.PMID != "" {
		pmid, lists = b.PMID, append(b.AuthorList, b.BookLists...)
		p.Title, p.Year = string(b.Title), year(b.PubDate)
		if p.Title == "" {
			p.Title = string(b.BookTitle)
		}
		ids, languages, types, keywords = rec.BookIDs, b.Language, b.PubTypes, b.Keywords
		for _, isbn := range b.ISBN {
			m.AddID(parse.IDISBN, isbn)
		}
	}
	m.AddID(parse.IDPMID, pmid)
	for _, id := range ids { // ArticleIdList, then ELocationID: one DOI
		switch kind := strings.ToLower(id.IdType + id.EIdType); {
		case kind == "doi" && m.ID(parse.IDDOI) == "":
			m.AddID(parse.IDDOI, id.Value)
		case kind == "pmc":
			m.AddID(parse.IDPMCID, id.Value)
		}
	}
	var issns []mixed
	for _, s := range append(a.Journal.ISSN, rec.Citation.ISSNLinking) {
		issns = append(issns, mixed(parse.NormalizeISSN(s)))
	}
	m.ISSN = terms(issns)
	if len(types) > 0 {
		m.Type = string(types[0])
	}
	if len(languages) > 0 {
		m.Language = strings.TrimSpace(languages[0])
	}
	m.Keywords = terms(keywords)
	m.IndexKeywords = terms(rec.Citation.Mesh)
	var affs [][]parse.Affiliation
	hasAff := false
	hasID := false
	for _, l := range lists {
		if l.Type != "" && l.Type != "authors" {
			continue // editors
		}
		if l.CompleteYN == "N" {
			p.EtAl = true
		}
		for _, au := range l.Authors {
			name := text.CleanName(au.name())
			if name == "" {
				continue
			}
			id := ""
			for _, ident := range au.Identifier {
				if strings.EqualFold(ident.Source, "ORCID") && id == "" {
					id = orcid.ID(ident.Value)
					if id == "" && strings.TrimSpace(ident.Value) != "" {
						badIDs++
					}
				}
			}
			p.Authors = append(p.Authors, name)
			p.IDs = append(p.IDs, id)
			hasID = hasID || id != ""
			af := au.affiliations()
			affs = append(affs, af)
			hasAff = hasAff || len(af) > 0
		}
	}
	if !hasID {
		p.IDs = nil
	}
	if hasAff {
		m.Affiliations = affs
	}
	if !m.Empty() {
		p.Meta = m
	}
	return p, badIDs
}

// affiliations are the institutions of an author's AffiliationInfo.
func (au *author) affiliations() []parse.Affiliation {
	var out []parse.Affiliation
	for _, info := range au.AffiliationInfo {
		af := parse.Affiliation{Name: string(info.Affiliation)}
		for _, id := range info.Identifier {
			switch {
			case strings.EqualFold(id.Source, "ROR") && af.ROR == "":
				af.ROR = parse.NormalizeROR(id.Value)
			case strings.EqualFold(id.Source, "GRID") && af.GRID == "":
				af.GRID = gridRe.FindString(id.Value)
			}
		}
		if af.Name != "" || af.ROR != "" || af.GRID != "" {
			out = append(out, af)
		}
	}
	return out
}

var gridRe = regexp.MustCompile(`grid\.[0-9]+\.[0-9a-f]+`)

// terms are the distinct non-empty texts of list, in order (a set, not
// slices.Contains: a record may hold millions).
func terms(list []mixed) []string {
	var out []string
	seen := make(map[mixed]bool, len(list))
	for _, t := range list {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, string(t))
		}
	}
	return out
}

func (au *author) name() string {
	if au.LastName == "" {
		return string(au.CollectiveName)
	}
	first := au.ForeName
	if first == "" {
		first = au.Initials
	}
	return text.CollapseSpace(string(first) + " " + string(au.LastName) + " " + string(au.Suffix))
}

func year(d date) int {
	if y := text.LeadingYear(d.Year); y != 0 {
		return y
	}
	return text.LeadingYear(d.MedlineDate)
}
