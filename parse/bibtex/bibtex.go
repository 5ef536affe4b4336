// Package bibtex reads BibTeX (.bib) files.
package bibtex

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"coauthor/parse"
	"coauthor/parse/internal/limit"
	"coauthor/parse/internal/text"
)

// Reader reads papers from a BibTeX (.bib) file, one entry at a time.
//
// It handles @string macros, "#" concatenation, @comment, @preamble, text
// between entries, entries without a key, and both "{...}" and "(...)"
// delimiters. Names in the author field are split at "and" outside
// braces, so "{Barnes and Noble}" stays one name; "Last, First",
// "Last, Jr., First" and "First Last" are all given as "First Last";
// "and others" sets Paper.EtAl. LaTeX accents and letters are decoded
// (see latex.Decode). Entries without an author field (editors are not
// authors) are skipped and counted (Unauthored). An entry with a
// crossref takes the fields it lacks from its parent (see Refs); one
// whose parent comes later waits, and is given at the end of the input
// (or, with a shared Refs, by Refs.Rest once every file is read). The
// work record (Paper.Meta) holds what the entry gives of ids, type,
// link, keywords, citations and affiliations (see the README's formats).
type Reader struct {
	opt      parse.ReadOptions
	noAuthor int

	// Refs, when set before the first Read, is shared with the readers
	// of the other files read together: their @string macros and entries
	// are seen by this one, and an entry whose crossref parent is not
	// read yet waits in it (see Refs). When nil, the reader keeps its own
	// and gives the entries still waiting at the end of its input.
	Refs *Refs

	own  *Refs // the reader's own Refs, when Refs is nil
	r    *bufio.Reader
	line int
	rest []*parse.Paper // entries given at the end of the input
	// expanded counts the bytes of all @string texts, bounded by
	// expandBudget: macros that double themselves cannot fill memory.
	expanded int
	offset   int               // bytes read
	err      error             // read error other than EOF
	fatal    *parse.ParseError // input over a limit: the reading stops
}

// NewReader returns a reader of r.
func NewReader(r io.Reader, opt parse.ReadOptions) *Reader {
	return &Reader{opt: opt, r: bufio.NewReaderSize(r, 64<<10), line: 1}
}

// refs returns the Refs the reader uses.
func (b *Reader) refs() *Refs {
	if b.Refs != nil {
		return b.Refs
	}
	if b.own == nil {
		b.own = NewRefs()
	}
	return b.own
}

// BibTeX syntax errors, wrapped by ParseError.
var (
	ErrBibOpen   = errors.New("expected '{' or '(' after the entry type")
	ErrBibEquals = errors.New("expected '=' after the field name")
	ErrBibValue  = errors.New("expected a field value: {text}, \"text\", a number or a @string name")
	ErrBibSep    = errors.New("expected ',' or the end of the entry after a field value")
	ErrBibEOF    = errors.New("entry not closed")
	ErrBibNested = errors.New("unbalanced braces: a new entry starts before this value is closed")
)

// Read returns the next entry with authors as a Paper, io.EOF at the end,
// or a *parse.ParseError for a malformed entry (Read then goes on with the next).
func (b *Reader) Unauthored() int { return b.noAuthor }

// Read returns the next entry; see the package documentation.
func (b *Reader) Read() (*parse.Paper, error) {
	if b.fatal != nil {
		return nil, b.fatal
	}
	p, err := b.read()
	if b.fatal != nil {
		return nil, b.fatal
	}
	return p, err
}

func (b *Reader) read() (*parse.Paper, error) {
	refs := b.refs()
	for {
		if !b.skipPast('@') {
			if b.err != nil {
				return nil, b.err
			}
			if b.Refs == nil && b.own != nil {
				// Entries whose parent never came: given as they are.
				rest, _ := b.own.Rest()
				b.rest = append(b.rest, rest...)
				b.noAuthor += b.own.Unauthored()
				b.own = NewRefs()
			}
			if len(b.rest) > 0 {
				p := b.rest[0]
				b.rest = b.rest[1:]
				return p, nil
			}
			return nil, io.EOF
		}
		start := b.line
		typ := strings.ToLower(b.word())
		b.skipSpace()
		open, ok := b.next()
		if !ok || (open != '{' && open != '(') {
			if typ == "" || typ == "comment" { // "@" in text, "@comment text"
				continue
			}
			return nil, b.errorf(start, ErrBibOpen, open, !ok)
		}
		closer := byte('}')
		if open == '(' {
			closer = ')'
		}
		switch typ {
		case "comment", "preamble":
			b.skipGroup(open, closer)
			continue
		}
		key, fields, err := b.fields(typ == "string", closer, start)
		if err != nil {
			return nil, err
		}
		if typ == "string" {
			for k, v := range fields {
				if b.expanded += len(v); b.expanded > b.expandBudget(text.MaxExpand) {
					return nil, b.over(start, "@string text", b.expandBudget(text.MaxExpand))
				}
				refs.macros[k] = v
			}
			continue
		}
		e := &entry{typ: typ, key: key, fields: fields, file: b.opt.File, line: start}
		refs.add(e)
		if parent := fields["crossref"]; parent != "" {
			if !refs.inherit(e) {
				refs.pending = append(refs.pending, e)
				continue
			}
		}
		p := e.paper()
		if p == nil {
			b.noAuthor++
			continue
		}
		return p, nil
	}
}

// fields reads the fields of an entry up to its closing delimiter. The
// entry key comes first unless the entry is a @string; an entry without
// a key (a field name and "=" right after the brace) is accepted.
func (b *Reader) fields(isString bool, closer byte, start int) (key string, fields map[string]string, err error) {
	fields = make(map[string]string)
	size := 0 // bytes of the values read
	pendingName := ""
	if !isString {
		key = b.until(func(c byte) bool { return c == ',' || c == '=' || c == closer })
		c, ok := b.peek()
		switch {
		case !ok:
			return "", nil, b.errorf(start, ErrBibEOF, 0, true)
		case c == closer:
			b.next()
			return strings.TrimSpace(key), fields, nil
		case c == '=':
			pendingName = strings.TrimSpace(key)
			key = ""
		default:
			b.next() // ','
		}
		key = strings.TrimSpace(key)
	}
	for {
		name := pendingName
		pendingName = ""
		if name == "" {
			b.skipSpaceAnd(',')
			c, ok := b.peek()
			if !ok {
				return "", nil, b.errorf(start, ErrBibEOF, 0, true)
			}
			if c == closer {
				b.next()
				return key, fields, nil
			}
			name = b.until(func(c byte) bool { return c == '=' || c == ',' || c == closer || isBibSpace(c) || c == '{' || c == '"' })
		}
		b.skipSpace()
		if c, ok := b.next(); !ok || c != '=' {
			return "", nil, b.errorf(start, ErrBibEquals, c, !ok)
		}
		var value strings.Builder
		for {
			b.skipSpace()
			part, err := b.value(start)
			if err != nil {
				return "", nil, err
			}
			if value.Len()+len(part) > b.expandBudget(text.MaxField) {
				return "", nil, b.over(start, "field value", b.expandBudget(text.MaxField))
			}
			value.WriteString(part)
			b.skipSpace()
			if c, ok := b.peek(); !ok || c != '#' {
				break
			}
			b.next()
		}
		if size += value.Len(); size > text.MaxRecord {
			return "", nil, b.over(start, "entry", text.MaxRecord)
		}
		if b.fatal != nil {
			return "", nil, b.fatal
		}
		fields[strings.ToLower(name)] = value.String()
		b.skipSpace()
		c, ok := b.peek()
		switch {
		case !ok:
			return "", nil, b.errorf(start, ErrBibEOF, 0, true)
		case c == ',' || c == closer:
		default:
			return "", nil, b.errorf(start, ErrBibSep, c, false)
		}
	}
}

// value reads one part of a field value: a braced or quoted text (braces
// inside kept), a number, or a macro name (its text).
func (b *Reader) value(start int) (string, error) {
	c, ok := b.peek()
	if !ok {
		return "", b.errorf(start, ErrBibEOF, 0, true)
	}
	switch {
	case c == '{' || c == '"':
		b.next()
		return b.delimited(c, start)
	case text.IsDigit(c):
		return b.until(func(c byte) bool { return !text.IsDigit(c) }), nil
	case isLetter(c):
		name := strings.ToLower(b.until(func(c byte) bool { return c == ',' || c == '#' || c == '}' || c == ')' || isBibSpace(c) }))
		return b.refs().macros[name], nil
	}
	return "", b.errorf(start, ErrBibValue, c, false)
}

// delimited reads a value after its opening '{' or '"' up to the matching
// close, keeping inner braces.
func (b *Reader) delimited(open byte, start int) (string, error) {
	var s strings.Builder
	depth := 0
	prev := byte(0)
	for {
		if prev == '\n' && b.entryAhead() {
			// A new entry inside a value: some brace was never closed.
			// Leave the '@' for the next Read.
			return "", b.errorf(start, ErrBibNested, 0, false)
		}
		c, ok := b.next()
		if !ok {
			return "", b.errorf(start, ErrBibEOF, 0, true)
		}
		if s.Len() >= text.MaxField {
			return "", b.over(start, "field value", text.MaxField)
		}
		prev = c
		switch {
		case c == '{':
			depth++
		case c == '}' && depth == 0 && open == '{':
			return s.String(), nil
		case c == '}' && depth > 0:
			depth--
		case c == '"' && depth == 0 && open == '"':
			return s.String(), nil
		}
		s.WriteByte(c)
	}
}

// entryAhead reports whether the input goes on with an entry: '@', a
// word (the entry type) and '{' or '(', as in "@article{". An '@' at the
// start of a line that does not, such as an e-mail address or a handle,
// is text of the value.
func (b *Reader) entryAhead() bool {
	ahead, _ := b.r.Peek(64)
	if len(ahead) == 0 || ahead[0] != '@' {
		return false
	}
	i := 1
	for i < len(ahead) && (isLetter(ahead[i]) || ahead[i] == '_') {
		i++
	}
	if i == 1 {
		return false
	}
	for i < len(ahead) && (ahead[i] == ' ' || ahead[i] == '\t') {
		i++
	}
	return i < len(ahead) && (ahead[i] == '{' || ahead[i] == '(')
}

// expandBudget bounds text made by @string macros: at most n bytes, and
// at most 1 MB more than 16 times the input read so far, so that a small
// file cannot make much text.
func (b *Reader) expandBudget(n int) int { return min(n, 1<<20+16*b.offset) }

// over records that the entry starting at line start passed a limit; the
// reading stops there.
func (b *Reader) over(start int, what string, n int) *parse.ParseError {
	if b.fatal == nil {
		b.fatal = limit.New(b.opt.File, b.line, what, int64(n))
		b.fatal.Record = start
	}
	return b.fatal
}

// skipGroup skips the rest of a @comment or @preamble, up to the closer
// that balances its opener.
func (b *Reader) skipGroup(open, closer byte) {
	depth := 1
	for depth > 0 {
		c, ok := b.next()
		if !ok {
			return
		}
		switch c {
		case open:
			depth++
		case closer:
			depth--
		}
	}
}

// skipPast consumes input up to and including the next '@' outside a
// comment; false at the end of input. Between entries, '%' starts a
// comment to the end of its line, as biber and JabRef read it: a
// commented-out entry ("%@BOOK{L27,") is passed over.
func (b *Reader) skipPast(c byte) bool {
	for {
		x, ok := b.next()
		if !ok {
			return false
		}
		switch x {
		case c:
			return true
		case '%':
			b.until(func(c byte) bool { return c == '\n' })
		}
	}
}

func (b *Reader) peek() (byte, bool) {
	c, err := b.r.ReadByte()
	if err != nil {
		b.noteErr(err)
		return 0, false
	}
	b.r.UnreadByte()
	return c, true
}

func (b *Reader) next() (byte, bool) {
	c, err := b.r.ReadByte()
	if err != nil {
		b.noteErr(err)
		return 0, false
	}
	b.offset++
	if c == '\n' {
		b.line++
	}
	return c, true
}

func (b *Reader) noteErr(err error) {
	if err != io.EOF && b.err == nil {
		b.err = err
	}
}

// until consumes and returns bytes up to the first for which stop is
// true, at most text.MaxField of them (more stop the reading).
func (b *Reader) until(stop func(byte) bool) string {
	var s []byte
	for {
		c, ok := b.peek()
		if !ok || stop(c) {
			return string(s)
		}
		if len(s) >= text.MaxField {
			b.over(b.line, "word", text.MaxField)
			return string(s)
		}
		b.next()
		s = append(s, c)
	}
}

// word reads an entry type ("article", "book_section").
func (b *Reader) word() string {
	return b.until(func(c byte) bool { return !isLetter(c) && !text.IsDigit(c) && c != '_' && c != '-' && c != ':' })
}

func (b *Reader) skipSpace() { b.skipSpaceAnd(' ') }

// skipSpaceAnd skips white space and any extra byte.
func (b *Reader) skipSpaceAnd(extra byte) {
	b.until(func(c byte) bool { return !isBibSpace(c) && c != extra })
}

func isBibSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// errorf returns the ParseError of the entry starting at line start.
func (b *Reader) errorf(start int, err error, found byte, eof bool) *parse.ParseError {
	pe := &parse.ParseError{File: b.opt.File, Line: b.line, Record: start, Err: err, EOF: eof}
	if !eof && found != 0 {
		pe.Found = string(rune(found))
		if found >= 0x80 {
			pe.Found = fmt.Sprintf("byte 0x%02x", found)
		}
	}
	return pe
}

// splitBibNames splits an author field at each "and" that stands alone
// outside braces.
func splitBibNames(field string) []string {
	var names []string
	depth, start := 0, 0
	for i := 0; i < len(field); i++ {
		switch c := field[i]; {
		case c == '{':
			depth++
		case c == '}':
			depth--
		case depth == 0 && isBibSpace(c) && i+4 < len(field) && strings.EqualFold(field[i+1:i+4], "and") && isBibSpace(field[i+4]):
			names = append(names, strings.TrimSpace(field[start:i]))
			start = i + 4
			i += 3
		}
	}
	names = append(names, strings.TrimSpace(field[start:]))
	return names
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
