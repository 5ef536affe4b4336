package parse

import (
	"io"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// AuthorPageReader reads the text of an author's publication page as
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
type AuthorPageReader struct {
	// File names the input in errors; it may be empty.
	File string
	// Owner is the page owner's name from the header, set by the first Read.
	Owner string

	lines   *lineSource
	started bool
}

// NewAuthorPageReader returns a reader of author-page text from r.
func NewAuthorPageReader(r io.Reader) *AuthorPageReader {
	return &AuthorPageReader{lines: newLineSource(r)}
}

var (
	dateShape   = regexp.MustCompile(`^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}$`)
	figureLine  = regexp.MustCompile(`^Figure \d+ for `)
	sourceIcon  = regexp.MustCompile(`^Via\S* icon$`)
	dateLayouts = []string{"Jan 2, 2006", "January 2, 2006", "Jan. 2, 2006"}
)

func isDate(s string) bool      { return dateShape.MatchString(s) }
func isSeparator(s string) bool { return sourceIcon.MatchString(s) }
func isNote(s string) bool      { return strings.HasPrefix(s, "* ") || s == "*" }

// Read returns the next paper, or io.EOF after the last one. A malformed
// block gives a *ParseError; Read may then be called again and resumes at
// the next block.
func (r *AuthorPageReader) Read() (*Paper, error) {
	if !r.started {
		r.started = true
		r.skipHeader()
	}
	s := r.lines
	for {
		l, ok := s.peek(0)
		if !ok {
			if err := s.readErr(); err != nil {
				return nil, err
			}
			return nil, io.EOF
		}
		if l.text != "" && !isSeparator(l.text) {
			break
		}
		s.next()
	}

	title, _ := s.next()
	if isDate(title.text) {
		return nil, r.fail(title, title, ErrNoTitle, title.text)
	}
	p := &Paper{Title: title.text, Line: title.num}

	dl, i, ok := s.peekNonBlank(0)
	if !ok || !isDate(dl.text) {
		if !ok {
			dl = line{num: title.num}
		}
		return nil, r.fail(title, dl, ErrNoDate, dl.text)
	}
	s.pending = s.pending[i+1:]
	date, err := parseDate(dl.text)
	if err != nil {
		return nil, r.fail(title, dl, ErrBadDate, dl.text)
	}
	p.Date, p.Year = date, date.Year()

	al, i, ok := s.peekNonBlank(0)
	if !ok || isSeparator(al.text) || figureLine.MatchString(al.text) || isNote(al.text) || r.startsBlock(i) {
		if !ok {
			al = line{num: dl.num}
		}
		return nil, r.fail(title, al, ErrNoAuthors, al.text)
	}
	s.pending = s.pending[i+1:]
	p.Authors = splitAuthorLine(al.text)
	if len(p.Authors) == 0 || !plausibleNames(p.Authors) {
		return nil, r.fail(title, al, ErrNotNames, shorten(al.text, 60))
	}

	var abstract []string
	for {
		l, i, ok := s.peekNonBlank(0)
		if !ok {
			s.pending = s.pending[:0]
			break
		}
		if isSeparator(l.text) {
			s.pending = s.pending[i+1:]
			break
		}
		if r.startsBlock(i) {
			s.pending = s.pending[i:]
			break
		}
		s.pending = s.pending[i+1:]
		switch {
		case figureLine.MatchString(l.text):
		case isNote(l.text):
			p.Notes = append(p.Notes, strings.TrimSpace(strings.TrimPrefix(l.text, "*")))
		default:
			abstract = append(abstract, l.text)
		}
	}
	p.Abstract = strings.Join(abstract, "\n")
	if err := s.readErr(); err != nil {
		return nil, err
	}
	return p, nil
}

// skipHeader consumes the page header: "Alert button" lines, "Picture for
// NAME" and the line that repeats NAME.
func (r *AuthorPageReader) skipHeader() {
	s := r.lines
	for {
		l, ok := s.peek(0)
		switch {
		case !ok:
			return
		case l.text == "" || l.text == "Alert button":
		case strings.HasPrefix(l.text, "Picture for ") && r.Owner == "":
			r.Owner = strings.TrimSpace(strings.TrimPrefix(l.text, "Picture for "))
		case r.Owner != "" && l.text == r.Owner:
		default:
			return
		}
		s.next()
	}
}

// startsBlock reports whether pending line i is a title: a non-blank line
// whose next non-blank line is a date.
func (r *AuthorPageReader) startsBlock(i int) bool {
	l, ok := r.lines.peek(i)
	if !ok || l.text == "" || isDate(l.text) || isSeparator(l.text) {
		return false
	}
	next, _, ok := r.lines.peekNonBlank(i + 1)
	return ok && isDate(next.text)
}

// fail builds the error for the block that started at title and moves
// past that block, to its separator or to the next line that starts a block.
func (r *AuthorPageReader) fail(title, at line, err error, found string) error {
	s := r.lines
	for {
		l, i, ok := s.peekNonBlank(0)
		if !ok {
			s.pending = s.pending[:0]
			break
		}
		if isSeparator(l.text) {
			s.pending = s.pending[i+1:]
			break
		}
		if r.startsBlock(i) {
			s.pending = s.pending[i:]
			break
		}
		s.pending = s.pending[i+1:]
	}
	return &ParseError{File: r.File, Line: at.num, Record: title.num, Found: found, EOF: at.text == "" && found == "", Err: err}
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
		item = collapseSpace(item)
		item = strings.TrimPrefix(item, "and ")
		for _, name := range strings.Split(item, " and ") {
			if name = strings.TrimSpace(name); name != "" {
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

// collapseSpace trims s and turns each run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
