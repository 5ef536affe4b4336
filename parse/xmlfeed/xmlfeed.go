// Package xmlfeed reads the XML that bibliographic services give: DBLP
// (dblp.xml), arXiv API Atom and arXiv OAI-PMH.
package xmlfeed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"coauthor/parse"
	"coauthor/parse/internal/limit"
	"coauthor/parse/internal/text"
	"coauthor/parse/latex"
)

// Reader reads papers from the XML that bibliographic services give:
//
//   - DBLP (dblp.xml): <article>, <inproceedings>, <incollection>, <book>,
//     ... with <author>, <title> and <year>. The HTML entities that
//     dblp.dtd declares (&uuml; ...) are resolved without the DTD, and
//     ISO-8859-1 is decoded. DBLP tells its authors apart by name string,
//     with homonym numbers ("Manish Singh 0001"): that string is the
//     author's identity ("dblp:Manish Singh 0001"), and the number is left
//     out of the displayed name. <www> records (person pages) and
//     <proceedings> (editors only) are not papers.
//   - arXiv API Atom: <entry> with <title>, <published> and <author><name>.
//   - arXiv OAI-PMH, metadata formats arXiv (<author><keyname>,
//     <forenames>, <suffix>) and arXivRaw (free-text <authors>).
//
// The kind is told by the root element. Records are read one at a time,
// so memory does not grow with the file. XML that is not well formed
// stops the reader with a fatal *parse.ParseError.
type Reader struct {
	opt      parse.ReadOptions
	noAuthor int

	dec   *xml.Decoder
	fast  *dblpScanner // dblp.xml, read without encoding/xml
	kind  string       // "dblp", "atom", "oai"
	depth int
	ended bool // the root element is closed
	fatal error
	in    *boundedReader
}

// NewReader returns a reader of r.
func NewReader(r io.Reader, opt parse.ReadOptions) *Reader {
	br := bufio.NewReaderSize(r, 1<<20)
	if rootElement(br) == "dblp" {
		return &Reader{opt: opt, fast: newDBLPScanner(br, opt.File)}
	}
	in := &boundedReader{r: br}
	x := newXMLDecoderReader(in)
	x.opt = opt
	x.in = in
	return x
}

// boundedReader bounds the bytes encoding/xml reads for one token: it
// gathers text up to the next tag whole.
type boundedReader struct {
	r     io.Reader
	since int // bytes read since the last token
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.since > text.MaxRecord {
		return 0, &text.LimitError{What: "text between tags", Limit: text.MaxRecord}
	}
	n, err := b.r.Read(p)
	b.since += n
	return n, err
}

// token returns the next token of the decoder.
func (x *Reader) token() (xml.Token, error) {
	tok, err := x.dec.Token()
	if x.in != nil {
		x.in.since = 0
	}
	return tok, err
}

// Unauthored implements parse.Reader.
func (x *Reader) Unauthored() int {
	if x.fast != nil {
		return x.fast.noAuthor
	}
	return x.noAuthor
}

// rootElement peeks at the name of the first element.
func rootElement(br *bufio.Reader) string {
	head, _ := br.Peek(64 << 10)
	for {
		i := bytes.IndexByte(head, '<')
		if i < 0 || i+1 >= len(head) {
			return ""
		}
		head = head[i+1:]
		if head[0] == '?' || head[0] == '!' {
			continue
		}
		end := bytes.IndexAny(head, " \t\r\n/>")
		if end < 0 {
			return ""
		}
		return string(head[:end])
	}
}

// newXMLDecoderReader reads any of the kinds with encoding/xml.
func newXMLDecoderReader(r io.Reader) *Reader {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "iso-8859-1", "latin1", "latin-1", "iso8859-1":
			return charmap.ISO8859_1.NewDecoder().Reader(in), nil
		case "windows-1252", "cp1252":
			return charmap.Windows1252.NewDecoder().Reader(in), nil
		case "us-ascii", "ascii", "utf8":
			return in, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q (want UTF-8 or ISO-8859-1)", label)
	}
	return &Reader{dec: dec}
}

// ErrNotBibXML is the error for XML whose root is none of the kinds read.
var ErrNotBibXML = errors.New("expected DBLP (<dblp>), arXiv Atom (<feed>) or arXiv OAI-PMH (<OAI-PMH>) XML")

// dblpRecords are the DBLP elements that are papers.
var dblpRecords = map[string]bool{
	"article": true, "inproceedings": true, "incollection": true, "book": true,
	"phdthesis": true, "mastersthesis": true, "data": true,
}

// Read returns the next paper, io.EOF at the end, or a *parse.ParseError.
func (x *Reader) Read() (*parse.Paper, error) {
	if x.fast != nil {
		return x.fast.Read()
	}
	if x.fatal != nil {
		return nil, x.fatal
	}
	for {
		line, _ := x.dec.InputPos()
		tok, err := x.token()
		if err == io.EOF {
			if x.depth > 0 {
				return nil, x.fail(line, errors.New("the XML ends inside an element"))
			}
			if x.kind == "" {
				return nil, x.fail(line, fmt.Errorf("%w, found no element", ErrNotBibXML))
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, x.fail(line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if x.ended {
				return nil, x.fail(line, fmt.Errorf("<%s> after the end of the root element", t.Name.Local))
			}
			x.depth++
			if x.depth > text.MaxDepth {
				return nil, x.over(line)
			}
			if x.kind == "" {
				switch t.Name.Local {
				case "dblp":
					x.kind = "dblp"
				case "feed":
					x.kind = "atom"
				case "OAI-PMH":
					x.kind = "oai"
				default:
					if dblpRecords[t.Name.Local] {
						// A single DBLP record, as the DBLP API gives one.
						x.kind = "dblp"
						break
					}
					return nil, x.fail(line, fmt.Errorf("%w, found <%s>", ErrNotBibXML, t.Name.Local))
				}
				if x.depth > 1 || !dblpRecords[t.Name.Local] {
					continue
				}
			} else if !x.isRecord(t.Name.Local) {
				continue
			}
			start, _ := x.dec.InputPos()
			rec, err := x.element(t)
			if err != nil {
				return nil, x.fail(start, err)
			}
			x.depth--
			x.ended = x.depth == 0
			p := x.paper(rec)
			p.Line = start
			if len(p.Authors) == 0 {
				x.noAuthor++
				continue
			}
			return p, nil
		case xml.EndElement:
			x.depth--
			x.ended = x.depth == 0
		case xml.CharData:
			if x.ended && len(bytes.TrimSpace(t)) > 0 {
				return nil, x.fail(line, errors.New("text after the end of the root element"))
			}
		}
	}
}

// over is the fatal error of elements nested deeper than text.MaxDepth.
func (x *Reader) over(line int) error {
	x.fatal = limit.New(x.opt.File, line, "nesting of elements", text.MaxDepth)
	return x.fatal
}

func (x *Reader) isRecord(name string) bool {
	switch x.kind {
	case "dblp":
		return x.depth == 2 && dblpRecords[name]
	case "atom":
		return name == "entry"
	default:
		return name == "record"
	}
}

// fail records a fatal error: encoding/xml cannot go on after one.
func (x *Reader) fail(line int, err error) error {
	if x.fatal != nil {
		return x.fatal // a limit passed
	}
	var le *text.LimitError
	if errors.As(err, &le) {
		x.fatal = limit.Err(x.opt.File, line, err)
		return x.fatal
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
		err = errors.New(se.Msg)
	}
	x.fatal = &parse.ParseError{File: x.opt.File, Line: line, Err: fmt.Errorf("malformed XML: %w", err), Fatal: true}
	return x.fatal
}

// node is an element of one record, read whole.
type node struct {
	name     string
	key      string // the key attribute of a record element
	term     string // the term attribute of an Atom category
	children []*node
	parts    []part // its text and children in document order
}

// part is a piece of an element's content: text, or a child element.
type part struct {
	text  string
	child *node
}

// text returns the text of n and its descendants, in document order.
func (n *node) text() string {
	var b strings.Builder
	n.writeText(&b)
	return b.String()
}

func (n *node) writeText(b *strings.Builder) {
	for _, p := range n.parts {
		if p.child != nil {
			p.child.writeText(b)
		} else {
			b.WriteString(p.text)
		}
	}
}

// element reads the record element whose start tag was just read, with
// all its descendants, at most text.MaxDepth levels deep and
// text.MaxRecord bytes of text: each text is kept once, at its level.
func (x *Reader) element(start xml.StartElement) (*node, error) {
	root := &node{name: start.Name.Local}
	for _, a := range start.Attr {
		if a.Name.Local == "key" {
			root.key = a.Value
		}
	}
	stack := []*node{root}
	size := 0
	for {
		tok, err := x.token()
		if err == io.EOF {
			return nil, fmt.Errorf("the XML ends inside <%s>", start.Name.Local)
		}
		if err != nil {
			return nil, err
		}
		n := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= text.MaxDepth {
				line, _ := x.dec.InputPos()
				return nil, x.over(line)
			}
			c := &node{name: t.Name.Local}
			if c.name == "category" || c.name == "primary_category" {
				for _, a := range t.Attr {
					if a.Name.Local == "term" {
						c.term = a.Value
					}
				}
			}
			n.children = append(n.children, c)
			n.parts = append(n.parts, part{child: c})
			stack = append(stack, c)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return root, nil
			}
		case xml.CharData:
			if size += len(t); size > text.MaxRecord {
				line, _ := x.dec.InputPos()
				x.fatal = limit.New(x.opt.File, line, "record text", text.MaxRecord)
				return nil, x.fatal
			}
			n.parts = append(n.parts, part{text: string(t)})
		}
	}
}

// find returns the first descendant named name, depth first.
func (n *node) find(name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
		if f := c.find(name); f != nil {
			return f
		}
	}
	return nil
}

// all calls f for each descendant named name, not looking inside them.
func (n *node) all(name string, f func(*node)) {
	for _, c := range n.children {
		if c.name == name {
			f(c)
		} else {
			c.all(name, f)
		}
	}
}

func (n *node) textOf(name string) string {
	if c := n.find(name); c != nil {
		return text.CollapseSpace(c.text())
	}
	return ""
}

// paper turns a record into a Paper.
func (x *Reader) paper(rec *node) *parse.Paper {
	p := &parse.Paper{Title: strings.TrimSpace(strings.TrimSuffix(rec.textOf("title"), "."))}
	var affs [][]parse.Affiliation // parallel to p.Authors as read (arXiv)
	switch x.kind {
	case "dblp":
		p.Year = text.LeadingYear(rec.textOf("year"))
		r := dblpRecord{typ: rec.name, key: rec.key}
		for _, c := range rec.children {
			switch c.name {
			case "author":
				name, id := dblpName(text.CollapseSpace(c.text()))
				p.Authors = append(p.Authors, name)
				p.IDs = append(p.IDs, id)
			case "ee", "url", "journal", "booktitle", "isbn":
				r.field(c.name, text.CollapseSpace(c.text()))
			}
		}
		defer func() {
			if len(p.Authors) > 0 {
				r.fill(p, new(metaBox))
			}
		}()
	case "atom":
		p.Year = text.LeadingYear(rec.textOf("published"))
		rec.all("author", func(a *node) {
			p.Authors = append(p.Authors, a.textOf("name"))
			affs = append(affs, a.affiliations())
		})
		var terms []string
		rec.all("category", func(c *node) {
			if c.term != "" {
				terms = append(terms, c.term)
			}
		})
		if len(terms) == 0 {
			if c := rec.find("primary_category"); c != nil && c.term != "" {
				terms = append(terms, c.term)
			}
		}
		p.Venue = strings.Join(terms, " ")
		arxivMeta(p, rec, "journal_ref")
	default:
		p.Year = text.LeadingYear(rec.textOf("created"))
		if p.Year == 0 {
			p.Year = rfc1123Year(rec.textOf("date"))
		}
		if p.Year == 0 {
			p.Year = text.LeadingYear(rec.textOf("datestamp"))
		}
		p.Venue = rec.textOf("categories")
		arxivMeta(p, rec, "journal-ref")
		if authors := rec.find("authors"); authors != nil && len(authors.children) == 0 {
			p.Authors, p.EtAl = splitFreeAuthors(authors.text())
			break
		}
		rec.all("author", func(a *node) {
			name := strings.TrimSpace(a.textOf("forenames") + " " + a.textOf("keyname"))
			if s := a.textOf("suffix"); s != "" {
				name += " " + s
			}
			p.Authors = append(p.Authors, name)
			affs = append(affs, a.affiliations())
		})
	}
	p.Title = text.CollapseSpace(p.Title)
	authors := p.Authors[:0]
	var ids []string
	var kept [][]parse.Affiliation
	linked := false
	for i, a := range p.Authors {
		if a = text.CleanName(a); a != "" {
			authors = append(authors, a)
			if p.IDs != nil {
				ids = append(ids, p.IDs[i])
			}
			if i < len(affs) {
				kept = append(kept, affs[i])
				linked = linked || affs[i] != nil
			}
		}
	}
	p.Authors, p.IDs = authors, ids
	if linked && len(p.Authors) > 0 {
		p.EnsureMeta().Affiliations = kept
	}
	return p
}

// affiliations returns the <affiliation> elements of an author, nil for
// none.
func (n *node) affiliations() []parse.Affiliation {
	var affs []parse.Affiliation
	n.all("affiliation", func(a *node) {
		if name := text.CollapseSpace(a.text()); name != "" {
			affs = append(affs, parse.Affiliation{Name: name})
		}
	})
	return affs
}

// arxivMeta sets the arXiv id (without version), the DOI and, when the
// record has no categories, the journal reference as venue.
func arxivMeta(p *parse.Paper, rec *node, journalRef string) {
	m := &parse.Meta{}
	if id := rec.textOf("id"); id != "" {
		m.AddID(parse.IDArXiv, id)
	}
	for _, d := range strings.Fields(rec.textOf("doi")) {
		m.AddID(parse.IDDOI, d)
	}
	if p.Venue == "" {
		p.Venue = rec.textOf(journalRef)
	}
	if !m.Empty() {
		p.Meta = m
	}
}

// dblpName splits a DBLP author into the displayed name, without a
// homonym number ("Manish Singh 0001" → "Manish Singh"), and its identity:
// DBLP tells its authors apart by these strings, so each is one person
// ("dblp:Manish Singh 0001") and the name rules leave it alone. The
// identity is of the name cleaned as the fast scanner cleans it (a control
// character dropped: "\x7fA" is "dblp:A" on both paths).
func dblpName(s string) (name, id string) {
	if c := text.CleanName(s); c != "" {
		s = c
	}
	return dblpID("dblp:" + s)
}

// dblpID returns the displayed name of a DBLP identity ("dblp:Manish
// Singh 0001" → "Manish Singh"), a part of id, and id.
func dblpID(id string) (name, same string) {
	s := id[len("dblp:"):]
	i := strings.LastIndexByte(s, ' ')
	if i < 0 || len(s)-i-1 != 4 {
		return s, id
	}
	for _, c := range s[i+1:] {
		if c < '0' || c > '9' {
			return s, id
		}
	}
	return s[:i], id
}

// rfc1123Year returns the year of an arXivRaw date ("Wed, 23 Jan 2008
// 21:06:41 GMT"), or 0.
func rfc1123Year(s string) int {
	f := strings.Fields(s)
	if len(f) >= 4 {
		return text.LeadingYear(f[3])
	}
	return 0
}

// splitFreeAuthors splits a free-text author list (arXivRaw): names
// separated by commas and "and", affiliations in parentheses dropped,
// LaTeX decoded; "et al" sets etAl.
func splitFreeAuthors(s string) (names []string, etAl bool) {
	var plain strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			plain.WriteRune(r)
		}
	}
	list := text.CollapseSpace(plain.String())
	for _, part := range strings.Split(list, ",") {
		for _, name := range strings.Split(part, " and ") {
			name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "and "))
			low := strings.ToLower(strings.TrimSuffix(name, "."))
			if low == "et al" || low == "others" {
				etAl = true
				continue
			}
			if name = text.CollapseSpace(latex.Decode(name)); name != "" {
				names = append(names, name)
			}
		}
	}
	return names, etAl
}
