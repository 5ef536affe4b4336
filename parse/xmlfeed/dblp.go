package xmlfeed

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"coauthor/parse"
	"coauthor/parse/internal/limit"
	"coauthor/parse/internal/text"
)

// dblpScanner reads dblp.xml without a general XML parser: dblp.xml is
// one <dblp> element holding flat records whose fields are text (titles
// may hold <i>, <sub>, <sup>), so tags can be found by scanning for '<'
// and '>' in the buffer. It reads about ten times faster than
// encoding/xml, which matters for the 5 GB file. It checks what it relies
// on: records and fields closed by their own end tag, entities known; any
// other shape is a fatal *parse.ParseError.
type dblpScanner struct {
	file     string
	src      io.Reader
	buf      []byte // buf[pos:] is not read yet; IndexByte looks from scan on
	pos      int
	scan     int
	err      error // of the last read of src
	line     int   // the line at buf[counted] (lineNow)
	counted  int
	charset  *charmap.Charmap // nil for UTF-8
	started  bool
	noAuthor int
	fatal    error
	text     []byte // scratch: a field's decoded text
	authors  []string
	ids      []string
	tagText  []byte // the text of the tag read last, valid until the next read
	tagBuf   []byte // scratch: a tag with a '>' in an attribute's value
	rec      dblpRecord
	venues   map[string]string // journals and proceedings seen, one string each
	papers   []parse.Paper     // a slab of papers not yet given out
	strs     []string          // a slab of author and id strings (strings)
	boxes    []metaBox         // a slab of Meta
}

// field keeps a field of the work record, converting to a string only
// what is kept: the <url> when no other link came before it, a book's
// ISBN, a venue once.
func (s *dblpScanner) field(kind string, v []byte) {
	switch kind {
	case "url":
		if s.rec.hasLink() {
			return
		}
	case "isbn":
		if s.rec.typ != "book" {
			return
		}
	case "journal", "booktitle":
		name, ok := s.venues[string(v)]
		if !ok {
			if s.venues == nil {
				s.venues = make(map[string]string)
			}
			name = string(v)
			if len(s.venues) < 1<<16 {
				s.venues[name] = name
			}
		}
		s.rec.field(kind, name)
		return
	}
	s.rec.field(kind, string(v))
}

func newDBLPScanner(r io.Reader, file string) *dblpScanner {
	return &dblpScanner{file: file, src: r, line: 1}
}

// errDBLPShape is wrapped by the errors of input this scanner cannot read.
var errDBLPShape = errors.New("malformed DBLP XML")

func (s *dblpScanner) fail(format string, args ...any) error {
	return s.failAt(s.lineNow(), format, args...)
}

// failAt is fail for an error found at line.
func (s *dblpScanner) failAt(line int, format string, args ...any) error {
	if s.fatal != nil && s.fatal != io.EOF {
		return s.fatal // the first error, a limit passed, stands
	}
	s.fatal = &parse.ParseError{File: s.file, Line: line, Err: fmt.Errorf("%w: "+format, append([]any{errDBLPShape}, args...)...), Fatal: true}
	return s.fatal
}

// until returns the input up to and including delim, or to the end of
// the input with its error. The slice is valid until the next read.
func (s *dblpScanner) until(delim byte) ([]byte, error) {
	for {
		if i := bytes.IndexByte(s.buf[s.scan:], delim); i >= 0 {
			b := s.buf[s.pos : s.scan+i+1]
			s.pos = s.scan + i + 1
			s.scan = s.pos
			return b, nil
		}
		if s.err != nil {
			b := s.buf[s.pos:]
			s.pos, s.scan = len(s.buf), len(s.buf)
			return b, s.err
		}
		if len(s.buf)-s.pos > text.MaxField {
			s.pos = len(s.buf)
			s.fatal = limit.New(s.file, s.lineNow(), "text between tags", text.MaxField)
			return nil, s.fatal
		}
		s.scan = len(s.buf)
		s.fill()
	}
}

// minRead is the least the scanner asks of its input at once: the size
// of NewReader's bufio.Reader, which hands reads as large as its buffer
// straight to its own input rather than copying them.
const minRead = 1 << 20

// fill reads more input after the unread part, which it moves to the
// front of the buffer (growing it when the unread part fills it).
func (s *dblpScanner) fill() {
	s.lineNow()
	n := len(s.buf) - s.pos
	if cap(s.buf)-n < minRead {
		buf := make([]byte, n, max(2*cap(s.buf), n+minRead))
		copy(buf, s.buf[s.pos:])
		s.buf = buf
	} else {
		copy(s.buf[:n], s.buf[s.pos:])
		s.buf = s.buf[:n]
	}
	s.scan -= s.pos
	s.pos, s.counted = 0, 0
	for tries := 0; tries < 100 && s.err == nil; tries++ {
		m, err := s.src.Read(s.buf[n:cap(s.buf)])
		s.buf = s.buf[:n+m]
		s.err = err
		if m > 0 {
			return
		}
	}
	if s.err == nil {
		s.err = io.ErrNoProgress
	}
}

// lineNow returns the line at the end of the input read so far, counting
// the lines of what was read since the last call: once for many reads
// rather than at each.
func (s *dblpScanner) lineNow() int {
	s.line += bytes.Count(s.buf[s.counted:s.pos], []byte{'\n'})
	s.counted = s.pos
	return s.line
}

// directiveEnds reports whether t, a directive after its "<!" up to a
// '>', ends at that '>', as encoding/xml reads one: its first byte is
// taken as it is, then '<' and '>' nest outside quotes.
func directiveEnds(t []byte) bool {
	var quote byte
	depth := 0
	for i := 1; i < len(t); i++ {
		switch c := t[i]; {
		case quote == 0 && c == '>' && depth == 0:
			return i == len(t)-1
		case c == quote:
			quote = 0
		case quote != 0:
		case c == '\'' || c == '"':
			quote = c
		case c == '>':
			depth--
		case c == '<':
			depth++
		}
	}
	return false
}

// tag reads a tag after its '<' and returns its name and kind.
func (s *dblpScanner) tag() (name []byte, end, selfClosing bool, err error) {
	b, err := s.until('>')
	if err != nil {
		if err == io.EOF {
			return nil, false, false, s.fail("the input ends inside a tag")
		}
		return nil, false, false, err
	}
	if len(b) > 1 && b[0] != '/' && b[0] != '?' && b[0] != '!' && openQuote(b) {
		// A '>' inside an attribute's value: the tag goes on.
		line := s.lineNow()
		s.tagBuf = append(s.tagBuf[:0], b...)
		for openQuote(s.tagBuf) {
			more, err := s.until('>')
			if err == io.EOF {
				return nil, false, false, s.fail("the input ends inside a tag")
			}
			if err != nil {
				return nil, false, false, err
			}
			if s.tagBuf = append(s.tagBuf, more...); len(s.tagBuf) > text.MaxField {
				s.fatal = limit.New(s.file, s.lineNow(), "tag", text.MaxField)
				return nil, false, false, s.fatal
			}
			if bytes.IndexByte(s.tagBuf, '<') >= 0 {
				// Not XML: a quote left open would swallow the records after it.
				return nil, false, false, s.failAt(line, "'<' inside the quoted value of an attribute of <%s>", bytes.Fields(s.tagBuf)[0])
			}
		}
		b = s.tagBuf
	}
	if len(b) > 1 && b[0] == '!' && !bytes.HasPrefix(b, []byte("!--")) && !bytes.HasPrefix(b, []byte("![")) && !directiveEnds(b[1:]) {
		// A directive holding '>' ("<!DOCTYPE d [<!ENTITY e "x">]>", or
		// "<!><>>" as encoding/xml reads it): it ends at the '>' that
		// closes its nested brackets, quotes aside.
		s.tagBuf = append(s.tagBuf[:0], b...)
		for !directiveEnds(s.tagBuf[1:]) {
			more, err := s.until('>')
			if err != nil {
				return nil, false, false, s.fail("declaration not closed")
			}
			if s.tagBuf = append(s.tagBuf, more...); len(s.tagBuf) > text.MaxField {
				s.fatal = limit.New(s.file, s.lineNow(), "tag", text.MaxField)
				return nil, false, false, s.fatal
			}
		}
		b = s.tagBuf
	}
	b = b[:len(b)-1]
	s.tagText = b
	if len(b) > 0 && (b[0] == '?' || b[0] == '!') {
		pi := b[0] == '?' // not a comment whose rest after a '>' starts with '?'
		if bytes.HasPrefix(b, []byte("!--")) && !bytes.HasSuffix(b, []byte("--")) {
			// A comment holding '>': read to its end.
			for !bytes.HasSuffix(b, []byte("--")) {
				if b, err = s.until('>'); err != nil {
					return nil, false, false, s.fail("comment not closed")
				}
				b = b[:len(b)-1]
			}
		}
		if pi && (len(b) < 2 || b[len(b)-1] != '?') {
			// A processing instruction holding '>': it ends at "?>", and
			// an XML declaration's encoding counts, whatever it holds
			// (`<?xml encoding="ISO8859-1">?>`, as encoding/xml reads it).
			s.tagBuf = append(s.tagBuf[:0], b...)
			for len(s.tagBuf) < 2 || s.tagBuf[len(s.tagBuf)-1] != '?' {
				more, err := s.until('>')
				if err != nil {
					return nil, false, false, s.fail("processing instruction not closed")
				}
				if s.tagBuf = append(append(s.tagBuf, '>'), more[:len(more)-1]...); len(s.tagBuf) > text.MaxField {
					s.fatal = limit.New(s.file, s.lineNow(), "tag", text.MaxField)
					return nil, false, false, s.fatal
				}
			}
			b = s.tagBuf
		}
		if pi && bytes.HasPrefix(b, []byte("?xml")) && len(b) > 4 && (b[4] == ' ' || b[4] == '\t' || b[4] == '\r' || b[4] == '\n') {
			if enc := declParam(b, "encoding"); enc != "" {
				switch string(bytes.ToLower([]byte(enc))) {
				// The labels newXMLDecoderReader accepts.
				case "iso-8859-1", "latin1", "latin-1", "iso8859-1":
					s.charset = charmap.ISO8859_1
				case "windows-1252", "cp1252":
					s.charset = charmap.Windows1252
				case "utf-8", "utf8", "us-ascii", "ascii":
				default:
					return nil, false, false, s.fail("unsupported encoding %q (want UTF-8 or ISO-8859-1)", enc)
				}
			}
		}
		return nil, false, true, nil // a declaration, DOCTYPE or comment
	}
	if len(b) > 0 && b[0] == '/' {
		return bytes.TrimSpace(b[1:]), true, false, nil
	}
	selfClosing = len(b) > 0 && b[len(b)-1] == '/'
	if selfClosing {
		b = b[:len(b)-1]
	}
	for i, c := range b {
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			b = b[:i]
			break
		}
	}
	return b, false, selfClosing, nil
}

// openQuote reports whether a start tag's text (to its '>') ends inside
// a quoted attribute value.
func openQuote(b []byte) bool {
	q := byte(0)
	for _, c := range b {
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		}
	}
	return q != 0
}

// keyAttr names a DBLP record's key attribute.
const keyAttr = "key"

// attr returns the raw value (entities not resolved) of the last
// attribute called name in a start tag's text (after its '<'), as
// encoding/xml reads the attributes of well-formed XML: a name is
// matched whole, its namespace prefix aside ("dblp:key" is a key,
// "mdkey" is not), white space may surround '=', either quote may
// delimit the value, and text inside another attribute's value is never
// taken for an attribute. It stops at the first text that is no
// attribute.
func attr(tag []byte, name string) (value []byte, ok bool) {
	i := bytes.IndexAny(tag, " \t\r\n") // after the element's name
	for i >= 0 && i < len(tag) {
		eq := bytes.IndexByte(tag[i:], '=')
		if eq < 0 {
			break
		}
		local := bytes.TrimLeft(bytes.TrimRight(tag[i:i+eq], " \t\r\n"), " \t\r\n")
		if c := bytes.IndexByte(local, ':'); c > 0 && c < len(local)-1 && bytes.IndexByte(local[c+1:], ':') < 0 {
			local = local[c+1:]
		}
		i += eq + 1
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i == len(tag) || tag[i] != '"' && tag[i] != '\'' {
			break
		}
		end := bytes.IndexByte(tag[i+1:], tag[i])
		if end < 0 {
			break
		}
		if string(local) == name {
			value, ok = tag[i+1:i+1+end], true
		}
		i += end + 2
	}
	return value, ok
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// declParam returns the value of param in an XML declaration's text as
// encoding/xml's reading of the declaration finds it: the first
// "param=" followed by a quote, up to the same quote.
func declParam(decl []byte, param string) string {
	key := []byte(param + "=")
	for i := 0; i < len(decl); {
		k := bytes.Index(decl[i:], key)
		if k < 0 || i+k+len(key) >= len(decl) {
			return ""
		}
		i += k + len(key)
		if q := decl[i]; q == '"' || q == '\'' {
			if j := bytes.IndexByte(decl[i+1:], q); j >= 0 {
				return string(decl[i+1 : i+1+j])
			}
			return ""
		}
		i++
	}
	return ""
}

// key returns the record key of the start tag read last: its key
// attribute's value with entities and the input's charset decoded, and
// line ends read as encoding/xml reads them.
func (s *dblpScanner) key() (string, error) {
	raw, ok := attr(s.tagText, keyAttr)
	if !ok {
		return "", nil
	}
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 && (s.charset == nil || ascii(raw)) {
		return string(raw), nil // the usual case
	}
	raw = bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
	raw = bytes.ReplaceAll(raw, []byte("\r"), []byte("\n"))
	v, err := s.decode(nil, raw) // not &#13;, which stays
	if err != nil {
		return "", err
	}
	return string(v), nil
}

func ascii(b []byte) bool { return asciiPrefix(b) == len(b) }

// asciiPrefix returns the length of b's leading ASCII bytes, looking at
// eight at a time.
func asciiPrefix(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return i
		}
	}
	return i
}

// Read returns the next paper record with authors.
func (s *dblpScanner) Read() (*parse.Paper, error) {
	if s.fatal != nil {
		return nil, s.fatal
	}
	for {
		if _, err := s.until('<'); err != nil {
			if err == io.EOF {
				if !s.started {
					return nil, s.fail("no <dblp> element")
				}
				return nil, s.fail("expected </dblp> at the end of the input")
			}
			return nil, s.readErr(err)
		}
		name, end, selfClosing, err := s.tag()
		if err != nil {
			return nil, err
		}
		switch {
		case name == nil: // declaration, DOCTYPE, comment
			continue
		case !s.started:
			if string(name) != "dblp" || end {
				return nil, s.fail("expected <dblp>, found <%s>", name)
			}
			s.started = true
			if selfClosing {
				s.fatal = io.EOF
				return nil, io.EOF
			}
			continue
		case end && string(name) == "dblp":
			if err := s.rest(); err != nil {
				return nil, err
			}
			s.fatal = io.EOF
			return nil, io.EOF
		case end:
			return nil, s.fail("unexpected </%s>", name)
		case selfClosing:
			continue
		}
		start := s.lineNow()
		if !dblpRecords[string(name)] {
			if err := s.skipElement(string(name)); err != nil {
				return nil, err
			}
			continue
		}
		key, err := s.key()
		if err != nil {
			return nil, err
		}
		s.rec.reset(dblpType(name), key)
		p, err := s.record(s.rec.typ)
		if err != nil {
			return nil, err
		}
		if len(p.Authors) == 0 {
			s.noAuthor++
			continue
		}
		p.Line = start
		return p, nil
	}
}

// rest checks that only white space, comments and processing
// instructions follow </dblp>: records after it would be lost.
func (s *dblpScanner) rest() error {
	for {
		b, err := s.until('<')
		if len(bytes.TrimSpace(bytes.TrimSuffix(b, []byte("<")))) > 0 {
			return s.fail("text after </dblp>")
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return s.readErr(err)
		}
		name, _, _, err := s.tag()
		if err != nil {
			return err
		}
		if name != nil {
			return s.fail("<%s> after </dblp>", name)
		}
	}
}

// readErr returns a read error, fatal.
func (s *dblpScanner) readErr(err error) error {
	if s.fatal != nil {
		return s.fatal
	}
	s.fatal = &parse.ParseError{File: s.file, Line: s.lineNow(), Err: err, Fatal: true}
	return s.fatal
}

// skipElement reads past the end tag of the element just opened.
func (s *dblpScanner) skipElement(name string) error {
	for {
		if _, err := s.until('<'); err != nil {
			return s.fail("<%s> not closed", name)
		}
		if s.endTag(name) {
			return nil
		}
		tag, end, _, err := s.tag()
		if err != nil {
			return err
		}
		if end && string(tag) == name {
			return nil
		}
	}
}

// fieldKind returns the name of a field as a constant string, and
// whether the field is skipped; "" for a name not listed.
func fieldKind(name []byte) (kind string, skip bool) {
	switch string(name) {
	case "author":
		return "author", false
	case "title":
		return "title", false
	case "year":
		return "year", false
	case "ee":
		return "ee", false
	case "url":
		return "url", false
	case "journal":
		return "journal", false
	case "booktitle":
		return "booktitle", false
	case "isbn":
		return "isbn", false
	case "pages":
		return "pages", true
	case "volume":
		return "volume", true
	case "number":
		return "number", true
	case "month":
		return "month", true
	case "publisher":
		return "publisher", true
	case "series":
		return "series", true
	case "school":
		return "school", true
	case "note":
		return "note", true
	case "crossref":
		return "crossref", true
	case "cite":
		return "cite", true
	case "editor":
		return "editor", true
	}
	return "", true
}

// startTag reads a field's start tag without attributes ("author>"
// after the '<'), the usual case, without the work of tag; it returns
// "" and reads nothing for any other tag.
func (s *dblpScanner) startTag() (kind string, skip bool) {
	rest := s.buf[s.pos:min(len(s.buf), s.pos+12)]
	for i, c := range rest {
		if c == '>' {
			if kind, skip = fieldKind(rest[:i]); kind != "" {
				s.pos += i + 1
				s.scan = s.pos
			}
			return kind, skip
		}
		if c < 'a' || c > 'z' {
			return "", false
		}
	}
	return "", false
}

// record reads the fields of a record up to its end tag.
func (s *dblpScanner) record(name string) (*parse.Paper, error) {
	p := s.newPaper()
	s.authors, s.ids = s.authors[:0], s.ids[:0]
	for {
		if _, err := s.until('<'); err != nil {
			return nil, s.fail("<%s> not closed", name)
		}
		kind, skip := s.startTag()
		if kind == "" {
			field, end, selfClosing, err := s.tag()
			if err != nil {
				return nil, err
			}
			if end {
				if string(field) != name {
					return nil, s.fail("element <%s> closed by </%s>", name, field)
				}
				break
			}
			if selfClosing || field == nil {
				continue
			}
			kind, skip = fieldKind(field)
			if kind == "" {
				kind = string(field) // kept before the buffer moves on
			}
		}
		if skip {
			if err := s.skipElement(kind); err != nil {
				return nil, err
			}
			continue
		}
		val, err := s.fieldText(kind)
		if err != nil {
			return nil, err
		}
		switch kind {
		case "author":
			if author, id := s.author(val); id != "" {
				s.authors = append(s.authors, author)
				s.ids = append(s.ids, id)
			}
		case "title":
			p.Title = string(bytes.TrimSpace(bytes.TrimSuffix(collapseSpaceBytes(val), []byte("."))))
		case "year":
			p.Year = text.LeadingYear(string(val))
		default:
			s.field(kind, bytes.TrimSpace(collapseSpaceBytes(val)))
		}
	}
	if len(s.authors) > 0 {
		p.Authors = s.strings(s.authors)
		p.IDs = s.strings(s.ids)
		if len(s.boxes) == 0 {
			s.boxes = make([]metaBox, slab)
		}
		s.rec.fill(p, &s.boxes[0])
		s.boxes = s.boxes[1:]
	}
	return p, nil
}

// author returns the displayed name and the identity of an <author>'s
// text (dblpName), both in one string: the name is a part of the
// identity ("dblp:Manish Singh 0001"). The id is "" when the text is no
// name.
func (s *dblpScanner) author(val []byte) (name, id string) {
	id = "dblp:" + string(val)
	name = text.CleanName(id[len("dblp:"):])
	if name == "" {
		return "", ""
	}
	if name != id[len("dblp:"):] {
		id = "dblp:" + name
	}
	return dblpID(id)
}

// slab is the number of papers, and of strings per slice, allocated at once.
const slab = 256

// newPaper returns an empty paper, taken from a slab: one allocation for
// many.
func (s *dblpScanner) newPaper() *parse.Paper {
	if len(s.papers) == 0 {
		s.papers = make([]parse.Paper, slab)
	}
	p := &s.papers[0]
	s.papers = s.papers[1:]
	return p
}

// strings returns a copy of list, taken from a slab, whose capacity is
// its length (an append by its user does not reach its neighbour).
func (s *dblpScanner) strings(list []string) []string {
	if len(list) > cap(s.strs)-len(s.strs) {
		s.strs = make([]string, 0, max(len(list), 8*slab))
	}
	n := len(s.strs)
	s.strs = append(s.strs, list...)
	return s.strs[n:len(s.strs):len(s.strs)]
}

// fieldText reads a field's text up to its end tag, decoding entities
// and ISO-8859-1 and dropping inner tags (<i>, <sub>).
func (s *dblpScanner) fieldText(name string) ([]byte, error) {
	s.text = s.text[:0]
	depth := 0
	for {
		b, err := s.until('<')
		if err != nil {
			return nil, s.fail("<%s> not closed", name)
		}
		if s.text, err = s.decode(s.text, b[:len(b)-1]); err != nil {
			return nil, err
		}
		if len(s.text) > text.MaxField {
			s.fatal = limit.New(s.file, s.lineNow(), "field <"+name+">", text.MaxField)
			return nil, s.fatal
		}
		if depth == 0 && s.endTag(name) {
			return s.text, nil
		}
		tag, end, selfClosing, err := s.tag()
		if err != nil {
			return nil, err
		}
		switch {
		case tag == nil || selfClosing:
		case !end:
			depth++
		case depth > 0:
			depth--
		case string(tag) == name:
			return s.text, nil
		default:
			return nil, s.fail("element <%s> closed by </%s>", name, tag)
		}
	}
}

// endTag reads "/name>" when the unread input starts with it, the usual
// end of a field, without the work of tag.
func (s *dblpScanner) endTag(name string) bool {
	rest := s.buf[s.pos:]
	if len(rest) < len(name)+2 || rest[0] != '/' || rest[len(name)+1] != '>' || string(rest[1:len(name)+1]) != name {
		return false
	}
	s.pos += len(name) + 2
	s.scan = s.pos
	return true
}

// decode appends raw text to dst, resolving entities and decoding
// ISO-8859-1.
func (s *dblpScanner) decode(dst, raw []byte) ([]byte, error) {
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '&')
		plain := raw
		if i >= 0 {
			plain = raw[:i]
		}
		if s.charset != nil {
			for len(plain) > 0 {
				n := asciiPrefix(plain)
				dst = append(dst, plain[:n]...)
				if n == len(plain) {
					break
				}
				dst = utf8.AppendRune(dst, s.charset.DecodeByte(plain[n]))
				plain = plain[n+1:]
			}
		} else {
			dst = append(dst, plain...)
		}
		if i < 0 {
			break
		}
		raw = raw[i+1:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 {
			return nil, s.fail("entity without ';'")
		}
		name := string(raw[:semi])
		raw = raw[semi+1:]
		if r, ok := charRef(name); ok {
			dst = utf8.AppendRune(dst, r)
			continue
		}
		switch name {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			v, ok := xml.HTMLEntity[name]
			if !ok {
				return nil, s.fail("unknown entity &%s;", name)
			}
			dst = append(dst, v...)
		}
	}
	return dst, nil
}

// charRef decodes "#123" and "#x7B".
func charRef(name string) (rune, bool) {
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if name[1] == 'x' || name[1] == 'X' {
		n, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(name[1:], 10, 32)
	}
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// collapseSpaceBytes trims b and turns runs of white space into one
// space, in place.
func collapseSpaceBytes(b []byte) []byte {
	if collapsed(b) {
		return b // the usual case
	}
	out := b[:0]
	space := true
	for _, c := range b {
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			if !space {
				out = append(out, ' ')
				space = true
			}
			continue
		}
		out = append(out, c)
		space = false
	}
	return bytes.TrimSuffix(out, []byte(" "))
}

// collapsed reports whether collapseSpaceBytes would leave b as it is:
// no white space but single spaces, none at the ends.
func collapsed(b []byte) bool {
	if len(b) > 0 && (b[0] == ' ' || b[len(b)-1] == ' ') {
		return false
	}
	prev := byte(0)
	for _, c := range b {
		if c <= ' ' && (c != ' ' || prev == ' ') && (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			return false
		}
		prev = c
	}
	return true
}
