package authorpage

import (
	"errors"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"coauthor/parse"
	"coauthor/parse/internal/limit"
	"coauthor/parse/internal/text"
)

// Package authorpage reads the text of an author's publication page.
//
// Reader reads the text of an author's publication page as
// copied from a scholarly search site: a header naming the page's owner,
// then one block per paper:
//
//	Title, which may hold commas, colons and parentheses
//
//	Oct 20, 2023
//	First Author, Second Author, Third Author
//
//	Figure 1 for Title           (optional, any number)
//
//	Abstract text.               (optional)
//
//	* a note                     (optional, any number)
//	Viaarxiv icon                (closes the block; may be missing)
//
// A block that lacks its separator ends where a line followed by a date
// line starts the next block.
type Reader struct {
	opt parse.ReadOptions
	// Owner is the page owner's name from the header, set by the first Read.
	Owner string

	lines   *text.LineSource
	started bool
}

// NewReader returns a reader of author-page text from r.
func NewReader(r io.Reader, opt parse.ReadOptions) *Reader {
	return &Reader{opt: opt, lines: text.NewLineSource(r)}
}

// Unauthored implements parse.Reader: an author page's papers all have
// authors, or are malformed.
func (r *Reader) Unauthored() int { return 0 }

var (
	figureLine  = regexp.MustCompile(`^Figure \d+ for `)
	sourceIcon  = regexp.MustCompile(`^Via\S* icon$`)
	dateLayouts = []string{"Jan 2, 2006", "January 2, 2006", "Jan. 2, 2006"}
)

// Errors wrapped by parse.ParseError, for errors.Is.
var (
	ErrNoDate    = errors.New("expected a date line like \"Oct 20, 2023\" after the title")
	ErrBadDate   = errors.New("not a valid date")
	ErrNoTitle   = errors.New("expected a title line before the date")
	ErrNoAuthors = errors.New("expected the comma-separated author line after the date")
	ErrNotNames  = errors.New("expected author names separated by commas")
)

func isSeparator(s string) bool { return sourceIcon.MatchString(s) }
func isNote(s string) bool      { return strings.HasPrefix(s, "* ") || s == "*" }

// Read returns the next paper, or io.EOF after the last one. A malformed
// block gives a *parse.ParseError; Read may then be called again and resumes at
// the next block.
func (r *Reader) Read() (*parse.Paper, error) {
	if !r.started {
		r.started = true
		r.skipHeader()
	}
	s := r.lines
	for {
		l, ok := s.Peek(0)
		if !ok {
			if err := s.ReadErr(); err != nil {
				return nil, limit.Err(r.opt.File, 1, err)
			}
			return nil, io.EOF
		}
		if l.Text != "" && !isSeparator(l.Text) {
			break
		}
		s.Next()
	}

	title, _ := s.Next()
	if text.IsDate(title.Text) {
		return nil, r.fail(title, title, ErrNoTitle, title.Text)
	}
	p := &parse.Paper{Title: title.Text, Line: title.Num}

	dl, i, ok := s.PeekNonBlank(0)
	if !ok || !text.IsDate(dl.Text) {
		if !ok {
			dl = text.Line{Num: title.Num}
		}
		return nil, r.fail(title, dl, ErrNoDate, dl.Text)
	}
	s.Pending = s.Pending[i+1:]
	date, err := parseDate(dl.Text)
	if err != nil {
		return nil, r.fail(title, dl, ErrBadDate, dl.Text)
	}
	p.Date, p.Year = date, date.Year()

	al, i, ok := s.PeekNonBlank(0)
	if !ok || isSeparator(al.Text) || figureLine.MatchString(al.Text) || isNote(al.Text) || r.startsBlock(i) {
		if !ok {
			al = text.Line{Num: dl.Num}
		}
		return nil, r.fail(title, al, ErrNoAuthors, al.Text)
	}
	s.Pending = s.Pending[i+1:]
	p.Authors = splitAuthorLine(al.Text)
	if len(p.Authors) == 0 || !plausibleNames(p.Authors) {
		return nil, r.fail(title, al, ErrNotNames, text.Shorten(al.Text, 60))
	}

	var abstract []string
	for {
		l, i, ok := s.PeekNonBlank(0)
		if !ok {
			s.Pending = s.Pending[:0]
			break
		}
		if isSeparator(l.Text) {
			s.Pending = s.Pending[i+1:]
			break
		}
		if r.startsBlock(i) {
			s.Pending = s.Pending[i:]
			break
		}
		s.Pending = s.Pending[i+1:]
		switch {
		case figureLine.MatchString(l.Text):
		case isNote(l.Text):
			p.Notes = append(p.Notes, strings.TrimSpace(strings.TrimPrefix(l.Text, "*")))
		default:
			abstract = append(abstract, l.Text)
		}
	}
	p.Abstract = strings.Join(abstract, "\n")
	if err := s.ReadErr(); err != nil {
		return nil, limit.Err(r.opt.File, 1, err)
	}
	return p, nil
}

// skipHeader consumes the page header: "Alert button" lines, "Picture for
// NAME" and the line that repeats NAME.
func (r *Reader) skipHeader() {
	s := r.lines
	for {
		l, ok := s.Peek(0)
		switch {
		case !ok:
			return
		case l.Text == "" || l.Text == "Alert button":
		case strings.HasPrefix(l.Text, "Picture for ") && r.Owner == "":
			r.Owner = strings.TrimSpace(strings.TrimPrefix(l.Text, "Picture for "))
		case r.Owner != "" && l.Text == r.Owner:
		default:
			return
		}
		s.Next()
	}
}

// startsBlock reports whether pending line i is a title: a non-blank line
// whose next non-blank line is a date.
func (r *Reader) startsBlock(i int) bool {
	l, ok := r.lines.Peek(i)
	if !ok || l.Text == "" || text.IsDate(l.Text) || isSeparator(l.Text) {
		return false
	}
	next, _, ok := r.lines.PeekNonBlank(i + 1)
	return ok && text.IsDate(next.Text)
}

// fail builds the error for the block that started at title and moves
// past that block, to its separator or to the next line that starts a block.
func (r *Reader) fail(title, at text.Line, err error, found string) error {
	s := r.lines
	for {
		l, i, ok := s.PeekNonBlank(0)
		if !ok {
			s.Pending = s.Pending[:0]
			break
		}
		if isSeparator(l.Text) {
			s.Pending = s.Pending[i+1:]
			break
		}
		if r.startsBlock(i) {
			s.Pending = s.Pending[i:]
			break
		}
		s.Pending = s.Pending[i+1:]
	}
	return &parse.ParseError{File: r.opt.File, Line: at.Num, Record: title.Num, Found: found, EOF: at.Text == "" && found == "", Err: err}
}

func parseDate(s string) (time.Time, error) {
	var err error
	for _, layout := range dateLayouts {
		var t time.Time
		if t, err = time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, err
}

// splitAuthorLine splits "A, B, C and D" into names, with white space
// collapsed and empty items dropped.
func splitAuthorLine(s string) []string {
	var names []string
	for _, item := range strings.Split(s, ",") {
		item = text.CollapseSpace(item)
		item = strings.TrimPrefix(item, "and ")
		for _, name := range strings.Split(item, " and ") {
			if name = text.CleanName(name); name != "" {
				names = append(names, name)
			}
		}
	}
	return names
}

// plausibleNames rejects text that is not a list of names, such as an
// abstract where the author line should be: a name has a letter, at most
// eight words and at most 100 characters.
func plausibleNames(names []string) bool {
	for _, n := range names {
		if utf8.RuneCountInString(n) > 100 || strings.Count(n, " ") >= 8 || strings.IndexFunc(n, unicode.IsLetter) < 0 {
			return false
		}
	}
	return true
}
