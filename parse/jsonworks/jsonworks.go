// Package jsonworks reads records of works as JSON: JSON Lines, arrays,
// API pages; plain records, OpenAlex, CSL-JSON and Crossref.
package jsonworks

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"coauthor/parse"
	"coauthor/parse/internal/limit"
	"coauthor/parse/internal/text"
	"coauthor/parse/names"
)

// Reader reads papers from JSON: JSON Lines (one object per line) or
// one JSON array of objects, or an API page that wraps such an array
// ({"results": [...]} from OpenAlex or DOAJ, {"message": {"items":
// [...]}} from Crossref, or its bare {"items": [...]}). Each object may be
//
//   - a plain record: {"title": ..., "year": ..., "authors": ["Ann Lee", ...]}
//     (authors may also be objects with a "name" and an "id", the author's
//     identity, as coauthor gen writes them);
//   - an OpenAlex work: title or display_name, publication_year, and
//     authorships[].author.display_name with the OpenAlex author id as the
//     author's identity;
//   - CSL-JSON or Crossref: author[] with family and given (or literal),
//     issued.date-parts;
//   - DataCite (creators[], titles[], publicationYear; pages {"data": ...}),
//     a Crossref single-work response, and ORCID iDs as identities
//     ("orcid:0000-...", preferred over OpenAlex ids): see datacite.go;
//   - a DOAJ article (bibjson.author[].name): see doaj.go.
//
// An ORCID iD whose check digit does not match is dropped and counted
// (BadIDs). JSON none of whose records is a paper, some of them with no
// author field of any kind above, gives a fatal error wrapping ErrSchema
// that names the fields of the first.
//
// Each kind's venue and work record (parse.Meta: ids, ISSN, type, URL,
// language, keywords, citations, affiliations per author): see meta.go.
type Reader struct {
	opt      parse.ReadOptions
	noAuthor int
	badIDs   int
	papers   int    // papers yielded
	unknown  int    // records of no kind read: no author field at all
	keys     string // the fields of the first of them, for the message

	br      *bufio.Reader
	mode    int // 0 undecided, 1 lines, 2 stream of values
	line    int
	dec     *json.Decoder
	pending []*parse.Paper
	fatal   error
	counted *newlineCounter // what the decoder has read, in stream mode
	array   bool            // stream mode: the values are in an array
	first   []byte          // lines mode: the first line, read to decide
}

// newlineCounter counts the newlines read through it, and the bytes read
// since the last record, which it bounds by text.MaxRecord.
type newlineCounter struct {
	r     io.Reader
	n     int
	since int
}

func (c *newlineCounter) Read(p []byte) (int, error) {
	if c.since > text.MaxRecord+1<<20 {
		return 0, &text.LimitError{What: "JSON value", Limit: text.MaxRecord}
	}
	n, err := c.r.Read(p)
	c.n += bytes.Count(p[:n], []byte("\n"))
	c.since += n
	return n, err
}

// NewReader returns a reader of r.
func NewReader(r io.Reader, opt parse.ReadOptions) *Reader {
	return &Reader{opt: opt, br: bufio.NewReaderSize(r, 64<<10)}
}

// Unauthored implements parse.Reader.
func (j *Reader) Unauthored() int { return j.noAuthor }

// BadIDs implements parse.BadIDReader: the ORCID iDs dropped for a check
// digit that does not match.
func (j *Reader) BadIDs() int { return j.badIDs }

// jsonWork has the fields of every kind of record read.
type jsonWork struct {
	Title           json.RawMessage `json:"title"` // a string, or an array of strings (Crossref)
	DisplayName     string          `json:"display_name"`
	Year            json.RawMessage `json:"year"`
	PublicationYear int             `json:"publication_year"`
	Authors         []jsonName      `json:"authors"`
	Author          []jsonName      `json:"author"`
	Authorships     []struct {
		Author struct {
			ID          string `json:"id"`
			DisplayName string `json:"display_name"`
			ORCID       string `json:"orcid"`
		} `json:"author"`
		RawAuthorName         string                   `json:"raw_author_name"`
		Institutions          lenient[[]oaInstitution] `json:"institutions"`
		RawAffiliationStrings lstrs                    `json:"raw_affiliation_strings"`
		RawAffiliationString  lstr                     `json:"raw_affiliation_string"`
	} `json:"authorships"`
	Issued struct {
		DateParts [][]json.RawMessage `json:"date-parts"`
	} `json:"issued"`
	Results []json.RawMessage `json:"results"`
	Message *struct {
		Items []json.RawMessage `json:"items"`
	} `json:"message"`
	// Items is a Crossref page without its envelope: the public data
	// file's form, or an API page saved as its "message".
	Items          []json.RawMessage `json:"items"`
	dataciteFields                   // datacite.go
	metaFields                       // meta.go
	doajFields                       // doaj.go
	badIDs         int               // ORCID iDs dropped for a bad check digit
}

// jsonName is an author given as a string or as an object.
type jsonName struct {
	Name    string `json:"name"`
	Family  string `json:"family"`
	Given   string `json:"given"`
	Literal string `json:"literal"`
	Suffix  string `json:"suffix"`
	ID      string `json:"id"` // the author's identity in the source, if any
	ORCID   string `json:"ORCID"`
	ORCIDID string `json:"orcid_id"` // DOAJ's
	// Affiliation is Crossref's (and some CSL writers'): see laffs.
	Affiliation laffs `json:"affiliation"`
}

func (n *jsonName) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &n.Name)
	}
	type plain jsonName
	return json.Unmarshal(b, (*plain)(n))
}

func (n jsonName) String() string {
	switch {
	case n.Name != "":
		return names.Order(n.Name)
	case n.Literal != "":
		return n.Literal
	}
	return strings.TrimSpace(strings.Join(strings.Fields(n.Given+" "+n.Family+" "+n.Suffix), " "))
}

// Read returns the next paper, io.EOF at the end, or a *parse.ParseError.
func (j *Reader) Read() (*parse.Paper, error) {
	for {
		if len(j.pending) > 0 {
			p := j.pending[0]
			j.pending = j.pending[1:]
			j.papers++
			return p, nil
		}
		if j.fatal != nil {
			return nil, j.fatal
		}
		raw, line, err := j.next()
		if err == io.EOF && j.papers == 0 && j.unknown > 0 {
			return nil, j.failAt(1, fmt.Errorf("%w: %d JSON record(s) with none of the author fields read (authors, author, authorships, creators, bibjson); the first has %s",
				ErrSchema, j.unknown, j.keys), nil)
		}
		if err != nil {
			return nil, err
		}
		var w jsonWork
		if err := json.Unmarshal(raw, &w); err != nil {
			return nil, &parse.ParseError{File: j.opt.File, Line: line, Err: jsonFieldError(err)}
		}
		for _, list := range [][]json.RawMessage{w.Results, messageItems(w), w.Items, wrapped(raw, &w)} {
			for _, item := range list {
				var iw jsonWork
				if err := json.Unmarshal(item, &iw); err != nil {
					return nil, &parse.ParseError{File: j.opt.File, Line: line, Err: jsonFieldError(err)}
				}
				j.add(&iw, item, line)
			}
		}
		j.add(&w, raw, line)
	}
}

// ErrSchema is wrapped by the error of JSON whose records are of no kind
// the reader knows: none has a paper, and some have no author field.
var ErrSchema = errors.New("JSON schema not recognised")

// fieldNames lists the top-level fields of a JSON object, at most ten.
func fieldNames(raw json.RawMessage) string {
	dec := json.NewDecoder(bytes.NewReader(raw))
	var names []string
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "no fields"
	}
	for dec.More() && len(names) < 10 {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if k, ok := tok.(string); ok {
			names = append(names, strconv.Quote(text.Shorten(k, 30)))
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	if len(names) == 0 {
		return "no fields"
	}
	return "fields " + strings.Join(names, ", ")
}

// jsonFieldError says which field had the wrong kind of value, in the
// terms of JSON rather than of Go.
func jsonFieldError(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err
	}
	want := "a " + te.Type.Kind().String()
	switch te.Type.Kind().String() {
	case "slice":
		want = "a list"
	case "struct", "map":
		want = "an object"
	case "int", "float64":
		want = "a number"
	}
	return fmt.Errorf("field %q: expected %s, found a JSON %s", te.Field, want, te.Value)
}

func messageItems(w jsonWork) []json.RawMessage {
	if w.Message == nil {
		return nil
	}
	return w.Message.Items
}

// add queues w's paper, or counts it when it has no authors; a wrapper
// object (an API page) adds nothing itself.
func (j *Reader) add(w *jsonWork, raw json.RawMessage, line int) {
	if w.isWrapper() {
		return
	}
	if w.Attributes != nil { // a DataCite record: its id is its DOI
		if w.Attributes.DOI == "" {
			w.Attributes.DOI = w.ID
		}
		w = w.Attributes
	}
	if w.Bibjson != nil { // a DOAJ article
		w = w.Bibjson.doaj()
	}
	p := w.paper()
	j.badIDs += w.badIDs
	p.Line = line
	if len(p.Authors) == 0 {
		j.noAuthor++
		if w.Authors == nil && w.Author == nil && w.Authorships == nil && w.Creators == nil {
			if j.unknown++; j.unknown == 1 {
				j.keys = fieldNames(raw)
			}
		}
		return
	}
	j.pending = append(j.pending, p)
}

func (w *jsonWork) paper() *parse.Paper {
	p := &parse.Paper{}
	var s string
	var list []string
	switch {
	case json.Unmarshal(w.Title, &s) == nil:
		p.Title = s
	case json.Unmarshal(w.Title, &list) == nil && len(list) > 0:
		p.Title = list[0]
	}
	if p.Title == "" {
		p.Title = w.DisplayName
	}
	p.Title = text.CollapseSpace(p.Title)
	p.Year = w.PublicationYear
	if p.Year == 0 {
		p.Year = jsonYear(w.Year)
	}
	if p.Year == 0 && len(w.Issued.DateParts) > 0 && len(w.Issued.DateParts[0]) > 0 {
		p.Year = jsonYear(w.Issued.DateParts[0][0])
	}
	hasID := false
	var affs [][]parse.Affiliation // parallel to p.Authors
	for _, a := range w.Authorships {
		name := a.Author.DisplayName
		if name == "" {
			name = a.RawAuthorName
		}
		if name = text.CleanName(names.Order(name)); name == "" {
			continue
		}
		id := w.authorID(a.Author.ORCID, text.OpenAlexID(a.Author.ID))
		p.Authors = append(p.Authors, name)
		p.IDs = append(p.IDs, id)
		affs = append(affs, oaAffiliations(a.Institutions.V, a.RawAffiliationStrings, a.RawAffiliationString))
		hasID = hasID || id != ""
	}
	for _, names := range [][]jsonName{w.Authors, w.Author} {
		for _, n := range names {
			if name := text.CleanName(n.String()); name != "" {
				id := w.authorID(cmp.Or(n.ORCID, n.ORCIDID), n.ID)
				p.Authors = append(p.Authors, name)
				p.IDs = append(p.IDs, id)
				affs = append(affs, n.Affiliation)
				hasID = hasID || id != ""
			}
		}
	}
	if w.addDataCite(&p.Title, &p.Year, &p.Authors, &p.IDs, &affs) {
		hasID = true
	}
	if !hasID {
		p.IDs = nil
	}
	p.Venue = w.venue()
	p.Meta = w.meta(affs)
	return p
}

// jsonYear reads a year given as a number or a string ("2019", "2019-05").
func jsonYear(raw json.RawMessage) int {
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		if y, err := strconv.Atoi(string(n)); err == nil {
			return y
		}
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return text.LeadingYear(s)
	}
	return 0
}

// next returns the next top-level record and the line it starts on. The
// first byte decides: "[" is an array of records, read with a streaming
// decoder; "{" starts JSON Lines, unless the first line, however long, is
// not a whole object (pretty-printed JSON), which is then read as a
// stream of values. An array must be closed, and nothing may follow it.
func (j *Reader) next() (json.RawMessage, int, error) {
	if j.mode == 0 {
		if bom, _ := j.br.Peek(3); string(bom) == "\uFEFF" {
			j.br.Discard(3)
		}
		j.mode = 1
		var skipped []byte // the blank lines before the first
		var first []byte
		for {
			l, err := text.ReadLine(j.br, text.MaxLine)
			if err != nil && err != io.EOF {
				return nil, 0, j.fatalErr(len(bytes.Split(skipped, []byte("\n"))), err)
			}
			if len(bytes.TrimSpace([]byte(l))) > 0 || err == io.EOF {
				first = []byte(l)
				break
			}
			skipped = append(skipped, l...)
		}
		trimmed := bytes.TrimLeft(first, " \t\r\n")
		j.line = bytes.Count(skipped, []byte("\n"))
		switch {
		case len(trimmed) == 0:
			return nil, 0, io.EOF
		case trimmed[0] == '[':
			j.mode = 2
		case trimmed[0] != '{':
			return nil, 0, j.failAt(j.line+1, errors.New(`expected JSON: an array "[...]" or objects "{...}", one per line`), trimmed)
		case !json.Valid(first):
			j.mode = 2
		}
		if j.mode == 2 {
			j.counted = &newlineCounter{r: io.MultiReader(bytes.NewReader(append(skipped, first...)), j.br)}
			j.dec = json.NewDecoder(j.counted)
			j.dec.UseNumber()
			if trimmed[0] == '[' {
				j.array = true
				if _, err := j.dec.Token(); err != nil {
					return nil, 0, j.failAt(1, err, nil)
				}
			}
		} else {
			j.first = first
		}
	}
	if j.mode == 1 {
		for {
			var line []byte
			var err error
			if j.first != nil {
				line, j.first = j.first, nil
			} else {
				var l string
				l, err = text.ReadLine(j.br, text.MaxLine)
				line = []byte(l)
			}
			if len(line) == 0 && err != nil {
				if err == io.EOF {
					return nil, 0, io.EOF
				}
				return nil, 0, j.fatalErr(j.line+1, err)
			}
			j.line++
			line = bytes.TrimSpace(line)
			if len(line) == 0 {
				continue
			}
			if !json.Valid(line) {
				var v any
				syntax := json.Unmarshal(line, &v)
				return nil, 0, &parse.ParseError{File: j.opt.File, Line: j.line, Err: fmt.Errorf("expected one JSON object per line: %w", syntax), Found: text.Shorten(string(line), 40)}
			}
			return line, j.line, nil
		}
	}
	if !j.dec.More() {
		if j.array {
			// The array must close, and nothing may follow it.
			tok, err := j.dec.Token()
			if err != nil {
				if err == io.EOF {
					return nil, 0, j.failAt(j.decoderLine(), errArrayOpen, nil)
				}
				return nil, 0, j.fatalErr(j.decoderLine(), err)
			}
			if d, ok := tok.(json.Delim); !ok || d != ']' {
				return nil, 0, j.failAt(j.decoderLine(), errArrayOpen, []byte(fmt.Sprint(tok)))
			}
			j.array = false
		}
		tok, err := j.dec.Token()
		if err == io.EOF {
			return nil, 0, io.EOF
		}
		if err != nil {
			return nil, 0, j.fatalErr(j.decoderLine(), err)
		}
		return nil, 0, j.failAt(j.decoderLine(), errAfterEnd, []byte(fmt.Sprint(tok)))
	}
	var raw json.RawMessage
	j.counted.since = 0
	if err := j.dec.Decode(&raw); err != nil {
		return nil, 0, j.fatalErr(j.decoderLine(), err)
	}
	return raw, j.decoderLine() - bytes.Count(raw, []byte("\n")), nil
}

// Errors of the shape of a JSON stream.
var (
	errArrayOpen = errors.New(`expected "]" to close the array of records`)
	errAfterEnd  = errors.New("expected the end of the input after the records")
)

// fatalErr makes a fatal error of a read error, a limit named as such.
func (j *Reader) fatalErr(line int, err error) error {
	if se := new(json.SyntaxError); errors.As(err, &se) && strings.Contains(se.Error(), "exceeded max depth") {
		err = &text.LimitError{What: "nesting of JSON values", Limit: 10000} // encoding/json's bound
	}
	var le *text.LimitError
	if errors.As(err, &le) {
		j.fatal = limit.Err(j.opt.File, line, err)
		return j.fatal
	}
	return j.failAt(line, err, nil)
}

// decoderLine is the line the decoder has reached: the newlines read
// through the counter less those still in its buffer.
func (j *Reader) decoderLine() int {
	buffered, _ := io.ReadAll(j.dec.Buffered())
	return 1 + j.counted.n - bytes.Count(buffered, []byte("\n"))
}

// failAt makes a fatal error: a JSON stream cannot be resumed after a
// syntax error.
func (j *Reader) failAt(line int, err error, found []byte) error {
	pe := &parse.ParseError{File: j.opt.File, Line: line, Err: err, Fatal: true}
	if len(found) > 0 {
		pe.Found = text.Shorten(string(found), 20)
	}
	j.fatal = pe
	return pe
}
