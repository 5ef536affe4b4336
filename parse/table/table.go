// Package table reads tables of papers: CSV and TSV with a header row,
// among them the exports of Scopus, Lens, IEEE Xplore and OpenAlex.
package table

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"coauthor/parse"
	"coauthor/parse/internal/text"
	"coauthor/parse/names"
)

// Reader reads papers from a table with a header row: a generic CSV or
// TSV with title, authors and year columns, or the CSV exports of Scopus,
// Lens, IEEE Xplore, SpringerLink and OpenAlex, whose columns it knows by
// their header names (see csvColumns). The delimiter (comma, tab or
// semicolon) is told from the header line.
//
// Authors in one cell are separated by ReadOptions.AuthorSep when it is set; otherwise by
// "|" for OpenAlex, by ";" when the cell has one, and by "," in Scopus's
// "Authors" column ("Yagai T., Kimura Y."). Scopus's "Author full names"
// ("Unnikrishnan, M.A. (57197735070)") is used where present, with the
// Scopus author id as the author's identity; so is OpenAlex's author id.
// Names "Last, First" and Scopus's "Last F.M." are given as "First Last".
type Reader struct {
	opt      parse.ReadOptions
	noAuthor int

	br     *bufio.Reader
	r      *csv.Reader
	cols   csvColumns
	fields int // fields in the header row
	ready  bool
}

// NewReader returns a reader of r.
func NewReader(r io.Reader, opt parse.ReadOptions) *Reader {
	return &Reader{opt: opt, br: bufio.NewReaderSize(r, 64<<10)}
}

// Unauthored implements parse.Reader.
func (c *Reader) Unauthored() int { return c.noAuthor }

// ErrNoAuthorColumn is the error for a table without an authors column.
var ErrNoAuthorColumn = errors.New(`expected a header row with an authors column ("authors", "author", "Author full names", "Author/s", "authorships.author.display_name")`)

// csvColumns are the indexes of the columns read, -1 when absent.
type csvColumns struct {
	title, year, authors, ids int
	fullNames                 bool // authors is Scopus's "Author full names"
	scopus                    bool // authors is Scopus's "Authors": "Last F." names
	sep                       string
}

// Header names per role, most specific first.
var (
	csvTitle   = []string{"title", "document title", "item title", "display_name", "article title", "ti"}
	csvYear    = []string{"year", "publication year", "publication_year", "py", "date published", "date", "published"}
	csvAuthors = []string{"author full names", "authorships.author.display_name", "authors", "author", "author/s", "author names", "au", "af"}
)

func findColumn(header []string, names []string) int {
	for _, n := range names {
		for i, h := range header {
			if strings.EqualFold(strings.TrimSpace(h), n) {
				return i
			}
		}
	}
	return -1
}

// start reads the header row.
func (c *Reader) start() error {
	c.ready = true
	if bom, _ := c.br.Peek(3); string(bom) == "\uFEFF" {
		c.br.Discard(3)
	}
	head, _ := c.br.Peek(4 << 10)
	first, _, _ := strings.Cut(string(head), "\n")
	c.r = csv.NewReader(c.br)
	c.r.Comma = sniffDelimiter(first)
	c.r.LazyQuotes = true
	header, err := c.r.Read()
	if err != nil {
		if err == io.EOF {
			return io.EOF
		}
		return c.csvError(err, 1)
	}
	c.fields = len(header)
	cols := csvColumns{
		title:   findColumn(header, csvTitle),
		year:    findColumn(header, csvYear),
		authors: findColumn(header, csvAuthors),
		ids:     -1,
		sep:     c.opt.AuthorSep,
	}
	if cols.authors < 0 {
		return &parse.ParseError{File: c.opt.File, Line: 1, Record: 1, Err: ErrNoAuthorColumn, Found: text.Shorten(first, 60)}
	}
	switch name := strings.ToLower(strings.TrimSpace(header[cols.authors])); name {
	case "author full names":
		cols.fullNames = true
	case "authorships.author.display_name":
		cols.ids = findColumn(header, []string{"authorships.author.id"})
		if cols.sep == "" {
			cols.sep = "|"
		}
	case "authors":
		cols.scopus = findColumn(header, []string{"source title", "eid", "author(s) id"}) >= 0
	}
	c.cols = cols
	return nil
}

// sniffDelimiter picks the delimiter that occurs most in the header line,
// outside quotes.
func sniffDelimiter(line string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ',' || r == '\t' || r == ';'):
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{'\t', ';'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// Read returns the next paper, io.EOF at the end, or a *parse.ParseError.
func (c *Reader) Read() (*parse.Paper, error) {
	if !c.ready {
		if err := c.start(); err != nil {
			return nil, err
		}
	}
	for {
		line, _ := c.r.FieldPos(0)
		row, err := c.r.Read()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			return nil, c.csvError(err, line)
		}
		line, _ = c.r.FieldPos(0)
		p := c.paper(row)
		p.Line = line
		if len(p.Authors) == 0 {
			c.noAuthor++
			continue
		}
		return p, nil
	}
}

func (c *Reader) csvError(err error, line int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		err := pe.Err
		if errors.Is(err, csv.ErrFieldCount) {
			err = fmt.Errorf("expected %d fields as in the header row", c.fields)
		}
		return &parse.ParseError{File: c.opt.File, Line: pe.Line, Record: pe.StartLine, Err: err}
	}
	return fmt.Errorf("%s: %w", c.opt.File, err)
}

func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// paper makes a Paper of one row.
func (c *Reader) paper(row []string) *parse.Paper {
	p := &parse.Paper{Title: text.CollapseSpace(cell(row, c.cols.title)), Year: text.LeadingYear(cell(row, c.cols.year))}
	authors := cell(row, c.cols.authors)
	if strings.HasPrefix(authors, "[No author") { // Scopus's "[No author name available]"
		return p
	}
	sep := c.cols.sep
	switch {
	case sep != "":
	case strings.Contains(authors, ";"):
		sep = ";"
	case c.cols.scopus:
		sep = ","
	default:
		sep = ";"
	}
	var ids []string
	if c.cols.ids >= 0 {
		ids = strings.Split(cell(row, c.cols.ids), sep)
	}
	hasID := false
	for i, a := range strings.Split(authors, sep) {
		a = strings.TrimSpace(a)
		id := ""
		switch {
		case c.cols.fullNames:
			if open := strings.LastIndexByte(a, '('); open > 0 && strings.HasSuffix(a, ")") {
				if num := a[open+1 : len(a)-1]; num != "" && strings.Trim(num, "0123456789") == "" {
					id = "scopus:" + num
				}
			}
			a = names.Order(text.DropParens(a))
		case c.cols.scopus:
			a = text.CollapseSpace(initialsFirst(a))
		default:
			a = names.Order(a)
		}
		if a = text.CleanName(a); a == "" {
			continue
		}
		if i < len(ids) {
			id = text.OpenAlexID(strings.TrimSpace(ids[i]))
		}
		p.Authors = append(p.Authors, a)
		p.IDs = append(p.IDs, id)
		hasID = hasID || id != ""
	}
	if !hasID {
		p.IDs = nil
	}
	return p
}

// initialsFirst turns Scopus's "Last F.M." into "F.M. Last"; other names
// are returned as they are.
func initialsFirst(name string) string {
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return name
	}
	last := name[i+1:]
	if !strings.HasSuffix(last, ".") {
		return name
	}
	for _, r := range last {
		if r != '.' && r != '-' && !isUpperRune(r) {
			return name
		}
	}
	return last + " " + name[:i]
}

func isUpperRune(r rune) bool {
	return strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}
