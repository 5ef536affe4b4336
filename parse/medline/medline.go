// Package medline reads MEDLINE text, PubMed's "PubMed format" export
// (.nbib, .medline, .txt).
package medline

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"coauthor/parse"
	"coauthor/parse/internal/limit"
	"coauthor/parse/internal/orcid"
	"coauthor/parse/internal/text"
	"coauthor/parse/names"
)

// ErrLine is wrapped by the error of a line that is neither a field
// ("TAG - value", the tag in the first four columns) nor a continuation
// (indented).
var ErrLine = errors.New(`expected a field "TAG - value" or an indented continuation line`)

// Reader reads papers from MEDLINE text: records of "TAG - value" lines
// (the tag padded to four columns), values continued on indented lines,
// records separated by blank lines or starting at "PMID-". A record is a
// paper with TI (or BTI) as its title, the year of DP, JT (or TA) as its
// venue. Its work record (parse.Meta) holds the PMID, the DOI of the LID
// or AID marked "[doi]" (a "[pii]" is no id kind and is not kept), PMC,
// the ISSNs of IS, the first PT as type, the first LA, OT as keywords,
// the MH descriptors (without qualifiers) as index keywords, and each AD
// line as an affiliation of the author whose FAU, AU or CN it follows (an
// AD after an investigator, IR or FIR, is no author's). Its authors are, in order, the FAU
// names ("Last, First" → "First Last"; the AU line after a FAU is its
// short form), AU names without a FAU ("Last FM" → "F M Last"), and CN
// group authors, kept as one author each as the source lists them. An
// "AUID- ORCID: ..." line gives the author before it its identity,
// "orcid:0000-...". Investigators (IR, FIR) are not authors. CRLF line
// ends and a UTF-8 byte-order mark are read. A line that is neither a
// field nor a continuation makes its record a *parse.ParseError (the
// reader goes on with the next record). An AUID ORCID iD whose check
// digit does not match is dropped and counted (BadIDs). A line over
// text.MaxLine, a field over text.MaxField or a record over
// text.MaxRecord stops the reader with a fatal limit error.
type Reader struct {
	opt      parse.ReadOptions
	noAuthor int
	br       *bufio.Reader
	line     int
	held     string // a line read past the end of a record (a PMID- line)
	heldNum  int
	eof      bool
	fatal    error
	badIDs   int
}

// NewReader returns a reader of r.
func NewReader(r io.Reader, opt parse.ReadOptions) *Reader {
	return &Reader{opt: opt, br: bufio.NewReaderSize(r, 64<<10)}
}

// Unauthored implements parse.Reader.
func (m *Reader) Unauthored() int { return m.noAuthor }

// BadIDs implements parse.BadIDReader: the ORCID iDs of AUID lines
// dropped for a check digit that does not match.
func (m *Reader) BadIDs() int { return m.badIDs }

// field is one tag and its value, continuation lines joined.
type field struct {
	tag, value string
	line       int
}

// nextLine returns the next line without its line end, and false at the
// end of the input.
func (m *Reader) nextLine() (string, int, bool, error) {
	if m.held != "" {
		s, n := m.held, m.heldNum
		m.held = ""
		return s, n, true, nil
	}
	if m.eof {
		return "", m.line, false, nil
	}
	s, err := text.ReadLine(m.br, text.MaxLine)
	if err != nil && err != io.EOF {
		return "", m.line + 1, false, limit.Err(m.opt.File, m.line+1, err)
	}
	if err == io.EOF {
		m.eof = true
		if s == "" {
			return "", m.line, false, nil
		}
	}
	m.line++
	if m.line == 1 {
		s = strings.TrimPrefix(s, "\uFEFF")
	}
	return strings.TrimRight(s, "\r\n"), m.line, true, nil
}

// tagOf returns the tag of a field line, "" for any other line.
func tagOf(s string) string {
	if len(s) < 5 || s[4] != '-' || (len(s) > 5 && s[5] != ' ') || s[0] < 'A' || s[0] > 'Z' {
		return ""
	}
	tag := strings.TrimRight(s[:4], " ")
	for i := 0; i < len(tag); i++ {
		if c := tag[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return ""
		}
	}
	return tag
}

// record reads the fields of the next record; start is its first line.
// A field's continuation lines are joined once, at its end (joining line
// by line was quadratic); a field over text.MaxField bytes or a record
// over text.MaxRecord is a fatal limit error.
func (m *Reader) record() (fields []field, start int, bad *parse.ParseError, err error) {
	var value strings.Builder // the value of the last field, continued
	size := 0                 // bytes of the record
	end := func() {
		if len(fields) > 0 {
			fields[len(fields)-1].value = value.String()
		}
		value.Reset()
	}
	for {
		s, num, ok, err := m.nextLine()
		if err != nil {
			return nil, 0, nil, err
		}
		if !ok {
			end()
			return fields, start, bad, nil
		}
		if strings.TrimSpace(s) == "" {
			if len(fields) > 0 || bad != nil {
				end()
				return fields, start, bad, nil
			}
			continue
		}
		if size += len(s) + 1; size > text.MaxRecord {
			return nil, 0, nil, limit.New(m.opt.File, num, "record", text.MaxRecord)
		}
		tag := tagOf(s)
		switch {
		case tag == "PMID" && (len(fields) > 0 || bad != nil):
			m.held, m.heldNum = s, num
			end()
			return fields, start, bad, nil
		case tag != "":
			if start == 0 {
				start = num
			}
			end()
			fields = append(fields, field{tag: tag, line: num})
			value.WriteString(strings.TrimSpace(s[5:]))
		case (s[0] == ' ' || s[0] == '\t') && len(fields) > 0:
			value.WriteByte(' ')
			value.WriteString(strings.TrimSpace(s))
			if value.Len() > text.MaxField {
				return nil, 0, nil, limit.New(m.opt.File, num, "field", text.MaxField)
			}
		default:
			if start == 0 {
				start = num
			}
			if bad == nil {
				bad = &parse.ParseError{File: m.opt.File, Line: num, Record: start, Found: text.Shorten(s, 40), Err: ErrLine}
			}
		}
	}
}

// Read returns the next paper, io.EOF at the end, or a *parse.ParseError.
func (m *Reader) Read() (*parse.Paper, error) {
	if m.fatal != nil {
		return nil, m.fatal
	}
	for {
		fields, start, bad, err := m.record()
		if err != nil {
			m.fatal = err
			return nil, err
		}
		if bad != nil {
			if bad.Record == 0 {
				bad.Record = start
			}
			return nil, bad
		}
		if len(fields) == 0 {
			return nil, io.EOF
		}
		p, badIDs := paper(fields)
		m.badIDs += badIDs
		p.Line = start
		if len(p.Authors) == 0 {
			m.noAuthor++
			continue
		}
		return p, nil
	}
}

// paper returns the paper of a record's fields and the number of ORCID
// iDs dropped for a check digit that does not match.
func paper(fields []field) (p *parse.Paper, badIDs int) {
	p = &parse.Paper{}
	seen := map[string]bool{} // keywords and index keywords, "OT:term"
	m := &parse.Meta{}
	var bookTitle, abbrev string
	short := -1 // the author whose AU line may follow (added by FAU)
	adTo := -1  // the author an AD line belongs to
	hasID, hasAff := false, false
	var affs [][]parse.Affiliation
	add := func(name string) {
		p.Authors = append(p.Authors, name)
		p.IDs = append(p.IDs, "")
		affs = append(affs, nil)
		adTo = len(p.Authors) - 1
	}
	for _, f := range fields {
		v := text.CollapseSpace(f.value)
		if f.tag != "AU" && f.tag != "AUID" && f.tag != "AD" {
			short, adTo = -1, -1
		}
		switch f.tag {
		case "PMID":
			m.AddID(parse.IDPMID, v)
		case "LID", "AID":
			if d, ok := strings.CutSuffix(v, "[doi]"); ok && m.ID(parse.IDDOI) == "" {
				m.AddID(parse.IDDOI, d)
			}
		case "PMC":
			m.AddID(parse.IDPMCID, v)
		case "IS":
			if fs := strings.Fields(v); len(fs) > 0 {
				m.ISSN = addTerm(m.ISSN, seen, "IS:", parse.NormalizeISSN(fs[0]))
			}
		case "PT":
			if m.Type == "" {
				m.Type = v
			}
		case "LA":
			if m.Language == "" {
				m.Language = v
			}
		case "OT": // "*term": a major topic, as MajorTopicYN="Y" in XML
			m.Keywords = addTerm(m.Keywords, seen, "OT:", strings.TrimSpace(strings.TrimPrefix(v, "*")))
		case "MH":
			// "Breast Neoplasms/*diagnosis/pathology": the descriptor, as
			// PubMed XML's DescriptorName gives it.
			d, _, _ := strings.Cut(v, "/")
			m.IndexKeywords = addTerm(m.IndexKeywords, seen, "MH:", strings.TrimSpace(strings.TrimPrefix(d, "*")))
		case "TI":
			p.Title = v
		case "BTI":
			bookTitle = v
		case "DP":
			p.Year = text.LeadingYear(v)
		case "JT":
			p.Venue = v
		case "TA":
			abbrev = v
		case "FAU":
			adTo = -1
			if name := text.CleanName(names.Order(v)); name != "" {
				add(name)
				short = len(p.Authors) - 1
			}
		case "AU":
			if short >= 0 {
				short = -1 // the short form of the FAU before
				continue
			}
			adTo = -1
			if name := text.CleanName(shortName(v)); name != "" {
				add(name)
			}
		case "CN":
			adTo = -1
			if name := text.CleanName(v); name != "" {
				add(name)
			}
		case "AD":
			if adTo >= 0 && v != "" {
				affs[adTo] = append(affs[adTo], parse.Affiliation{Name: v})
				hasAff = true
			}
		case "AUID":
			id := ""
			if strings.HasPrefix(strings.ToUpper(v), "ORCID") {
				if id = orcid.ID(v); id == "" {
					badIDs++
				}
			}
			if n := len(p.Authors); id != "" && n > 0 && p.IDs[n-1] == "" {
				p.IDs[n-1] = id
				hasID = true
			}
		}
	}
	if p.Title == "" {
		p.Title = bookTitle
	}
	if p.Venue == "" {
		p.Venue = abbrev
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

// addTerm appends t to list unless it is empty or there already (seen,
// under kind, holds the terms of every list).
func addTerm(list []string, seen map[string]bool, kind, t string) []string {
	if t == "" || seen[kind+t] {
		return list
	}
	seen[kind+t] = true
	return append(list, t)
}

// shortName turns MEDLINE's "Last FM" into "F M Last"; other names are
// kept.
func shortName(s string) string {
	f := strings.Fields(s)
	if len(f) < 2 {
		return s
	}
	last := f[len(f)-1]
	if len(last) > 3 || strings.IndexFunc(last, func(r rune) bool { return !unicode.IsUpper(r) }) >= 0 {
		return s
	}
	var b bytes.Buffer
	for _, r := range last {
		fmt.Fprintf(&b, "%c ", r)
	}
	return b.String() + strings.Join(f[:len(f)-1], " ")
}
