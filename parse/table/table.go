// Package table reads tables of papers: CSV and TSV with a header row,
// among them the exports of Scopus, Lens, IEEE Xplore and OpenAlex.
package table

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"coauthor/parse"
	"coauthor/parse/internal/limit"
	"coauthor/parse/internal/text"
	"coauthor/parse/names"
	"coauthor/parse/wos"
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
//
// A Web of Science tab-delimited export (header "PT, AU, ..., AF, ...")
// is read by its columns as wos.FromTags reads a plain-text record: full
// names (AF) where a row has them, else AU; title TI, year PY; and the
// work record.
//
// The rest of a row goes to Paper.Venue and Paper.Meta, as the export
// gives it (an empty or "NA" cell is no value; lists are split at ";"):
//   - Scopus: DOI, EID, PubMed ID; "Source title"; ISSN, ISBN; "Document
//     Type"; Link; "Language of Original Document"; "Author Keywords",
//     "Index Keywords"; "Cited by" (source "scopus"); affiliations per
//     author from "Authors with affiliations" (see affiliationsOf; the
//     "Affiliations" column alone says not whose they are);
//   - Lens: DOI, "Lens ID", PMID, PMCID, "Microsoft Academic ID"; "Source
//     Title"; ISSNs; "Publication Type"; "External URL", else the first of
//     "Source URLs"; Keywords; "MeSH Terms" and "Fields of Study" as index
//     keywords; "Citing Works Count" (source "lens"); no affiliations;
//   - IEEE Xplore: DOI; "Publication Title"; ISSN, ISBNs; "Document
//     Identifier" as type; "PDF Link"; "Author Keywords"; IEEE Terms and
//     INSPEC terms as index keywords; "Article Citation Count" (source
//     "ieee"); "Author Affiliations", one per author;
//   - OpenAlex: doi, id, ids.pmid; the primary location's source name and
//     ISSN; type; language; primary topic, topics, keywords and concepts
//     as index keywords; "cited_by_count" (source "openalex");
//     affiliations per author from "authorships.institutions.display_name"
//     with "authorships.countries";
//   - SpringerLink: "Item DOI"; "Publication Title"; "Content Type"; URL;
//   - another table: a "doi" column.
//
// Rows are split as Python's csv module splits them (see csvParser).
// Empty fields after the header's last column are ignored (some exports
// end every row with a delimiter); a row whose count of fields is far off
// the header's is malformed, and so is a row whose quote never closes,
// which is then read again from its second line.
type Reader struct {
	opt      parse.ReadOptions
	noAuthor int

	br     *bufio.Reader
	p      *csvParser
	cols   csvColumns
	fields int // fields in the header row
	counts map[int]int
	ready  bool
	fatal  error
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
	fallback                  int  // WoS: AU, read where AF is empty
	fullNames                 bool // authors is Scopus's "Author full names"
	scopus                    bool // authors is Scopus's "Authors": "Last F." names
	sep                       string
	wos                       map[string]int // WoS tab-delimited: column per tag; nil for other tables
	meta                      metaColumns
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
	c.p = &csvParser{br: c.br, comma: sniffDelimiter(first)}
	c.counts = make(map[int]int)
	header, lines, err := c.p.record()
	if err != nil || lines == nil {
		if err == nil {
			return io.EOF
		}
		return c.fail(c.syntaxError(err, lines))
	}
	c.fields = len(header)
	cols := csvColumns{
		title:    findColumn(header, csvTitle),
		year:     findColumn(header, csvYear),
		authors:  findColumn(header, csvAuthors),
		ids:      -1,
		fallback: -1,
		sep:      c.opt.AuthorSep,
	}
	bad := cols.authors < 0
	for _, h := range header {
		bad = bad || text.HasControl(h) || !utf8.ValidString(h) || len(h) > 1000
	}
	if bad {
		// Without its column names a table cannot be read: no column
		// would be known for what it is.
		return c.fail(&parse.ParseError{File: c.opt.File, Line: lines[0].num, Record: lines[0].num, Err: ErrNoAuthorColumn, Found: text.Shorten(strings.ToValidUTF8(first, "?"), 60), Fatal: true})
	}
	if af := findColumn(header, []string{"af"}); af >= 0 && findColumn(header, []string{"pt"}) >= 0 {
		// Web of Science tab-delimited: full names, else AU.
		cols.fallback = findColumn(header, []string{"au"})
		cols.authors = af
		cols.title = findColumn(header, []string{"ti"})
		cols.year = findColumn(header, []string{"py"})
		cols.wos = make(map[string]int)
		for i, h := range header {
			if h = strings.ToUpper(strings.TrimSpace(h)); len(h) == 2 {
				if _, dup := cols.wos[h]; !dup {
					cols.wos[h] = i
				}
			}
		}
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
	cols.meta = metaHeader(header, strings.TrimSpace(header[cols.authors]), cols.wos != nil)
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

// ErrFieldCount is the error of a row whose fields do not match the
// header's columns.
var ErrFieldCount = errors.New("fields do not match the header row")

// ErrUnclosedQuote is the error of a row whose quote is not closed where
// the row should end: the lines after its first are read again.
var ErrUnclosedQuote = errors.New("a quoted field is not closed at the end of its row (its next lines are read as rows again)")

// Read returns the next paper, io.EOF at the end, or a *parse.ParseError.
func (c *Reader) Read() (*parse.Paper, error) {
	if c.fatal != nil {
		return nil, c.fatal
	}
	if !c.ready {
		if err := c.start(); err != nil {
			return nil, err
		}
	}
	for {
		row, lines, err := c.p.record()
		if err == nil && lines == nil {
			return nil, io.EOF
		}
		var le *text.LimitError
		if err != nil && (errors.As(err, &le) || !errors.Is(err, errUnclosed)) {
			return nil, c.fail(c.syntaxError(err, lines))
		}
		line := lines[0].num
		row = trimExtra(row, c.fields)
		n := len(row)
		multi := len(lines) > 1
		tol := c.fields / 20
		if err != nil || multi && (n-c.fields > tol || c.fields-n > tol) && n != c.usual() {
			// A quote opened and not closed where it should: read the
			// lines it took in again, as rows of their own.
			c.p.unread(lines[1:])
			return nil, &parse.ParseError{File: c.opt.File, Line: line, Record: line, Err: ErrUnclosedQuote, EOF: err != nil && !multi}
		}
		if n-c.fields > tol || c.fields-n > tol {
			return nil, &parse.ParseError{File: c.opt.File, Line: line, Record: line, Err: fmt.Errorf("%w: expected %d fields, found %d", ErrFieldCount, c.fields, n)}
		}
		if !multi {
			c.counts[n]++
		}
		p := c.paper(row)
		p.Line = line
		if len(p.Authors) == 0 {
			c.noAuthor++
			continue
		}
		return p, nil
	}
}

// usual is the most common count of fields among the one-line rows read.
func (c *Reader) usual() int {
	best, most := c.fields, 0
	for n, k := range c.counts {
		if k > most || k == most && n < best {
			best, most = n, k
		}
	}
	return best
}

// trimExtra drops empty fields after the header's last column.
func trimExtra(row []string, n int) []string {
	for len(row) > n && strings.TrimSpace(row[len(row)-1]) == "" {
		row = row[:len(row)-1]
	}
	return row
}

func (c *Reader) fail(err error) error {
	c.fatal = err
	return err
}

// syntaxError is the error of a record that could not be read: over a
// limit, a quote not closed at the end, or a read error.
func (c *Reader) syntaxError(err error, lines []rawLine) error {
	line := c.p.num
	if len(lines) > 0 {
		line = lines[0].num
	}
	var le *text.LimitError
	switch {
	case errors.As(err, &le):
		return limit.Err(c.opt.File, line, err)
	case errors.Is(err, errUnclosed):
		return &parse.ParseError{File: c.opt.File, Line: c.p.num, Record: line, Err: err, EOF: true, Fatal: true}
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
	if c.cols.wos != nil {
		tags := make(map[string][]string, len(c.cols.wos))
		for tag, i := range c.cols.wos {
			if v := cell(row, i); v != "" {
				tags[tag] = []string{v}
			}
		}
		return wos.FromTags(tags, 0, true)
	}
	p := &parse.Paper{Title: text.CollapseSpace(cell(row, c.cols.title)), Year: text.LeadingYear(cell(row, c.cols.year))}
	authors := cell(row, c.cols.authors)
	if authors == "" && c.cols.fallback >= 0 {
		authors = cell(row, c.cols.fallback)
	}
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
	raw := strings.Split(authors, sep)
	pos := make([]int, len(raw))
	for i, a := range raw {
		pos[i] = -1
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
		pos[i] = len(p.Authors)
		p.Authors = append(p.Authors, a)
		p.IDs = append(p.IDs, id)
		hasID = hasID || id != ""
	}
	if !hasID {
		p.IDs = nil
	}
	c.cols.meta.addMeta(p, row, raw, pos)
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
