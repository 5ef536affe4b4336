// Package input runs the whole path from files to people: it opens each
// input in its format (detected or given), reads its papers into one
// corpus, and resolves the spellings into people.
package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync/atomic"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"coauthor/parse"
	"coauthor/parse/authorpage"
	"coauthor/parse/bibtex"
	"coauthor/parse/corpus"
	"coauthor/parse/identity"
	"coauthor/parse/internal/text"
	"coauthor/parse/jsonworks"
	"coauthor/parse/names"
	"coauthor/parse/ris"
	"coauthor/parse/table"
	"coauthor/parse/wos"
	"coauthor/parse/xmlfeed"
)

// Source is one input: a name for messages and format detection, and its
// bytes (gzip-compressed or not).
type Source struct {
	Name string
	R    io.Reader
	Size int64 // bytes, for progress; 0 when unknown
}

// ErrGraphWithOthers is returned by Files for a graph file given with
// other inputs.
var ErrGraphWithOthers = errors.New("is a graph file; give it alone, not with other inputs")

// Files opens the named files ("-" is stdin) as sources whose readers are
// ready to read (gzip undone, format detected unless format names it),
// and returns a function that closes them. When one of them is a graph
// file (edge list, GML), which must then be the only input, its format is
// returned too: read it with the graph/formats readers, not Load.
func Files(names []string, stdin io.Reader, format string) (sources []Source, graphFormat string, closeAll func(), err error) {
	var open []*os.File
	closeAll = func() {
		for _, f := range open {
			f.Close()
		}
	}
	for _, name := range names {
		src := Source{Name: name, R: stdin}
		if name == "-" {
			src.Name = "stdin"
		} else {
			file, err := os.Open(name)
			if err != nil {
				return nil, "", closeAll, err
			}
			open = append(open, file)
			src.R = file
			if st, err := file.Stat(); err == nil && st.Mode().IsRegular() {
				src.Size = st.Size()
			}
		}
		f, br, err := Detect(src.Name, src.R, format)
		if err != nil {
			return nil, "", closeAll, err
		}
		src.R = br
		if parse.IsGraphFormat(f) {
			if len(names) > 1 {
				return nil, "", closeAll, fmt.Errorf("%s (%s) %w", src.Name, f, ErrGraphWithOthers)
			}
			graphFormat = f
		}
		sources = append(sources, src)
	}
	return sources, graphFormat, closeAll, nil
}

// Options are the settings of Load.
type Options struct {
	// Format is the format of every input, a name parse.Canonical
	// accepts; "" or "auto" detects each input's format.
	Format string
	// AuthorSep separates the names in a CSV authors cell ("": per file).
	AuthorSep string
	// SkipBad skips malformed records (counted in Dataset.Skipped, each
	// passed to Warn) instead of stopping at the first.
	SkipBad bool
	// MaxAuthors, when above 0, skips papers with more authors, or with
	// CapAuthors cuts them to their first MaxAuthors.
	MaxAuthors int
	CapAuthors bool
	// Since and Until, when not 0, keep the papers of those years only
	// (bounds included); a paper without a year is then left out too.
	Since, Until int
	// KeepRepeats keeps every record as a paper of its own; by default a
	// record that repeats one already read is dropped (an id of one kind
	// in common and none differing, or, when no id of one kind is in
	// both, the same title and year; and a shared author).
	KeepRepeats bool
	// Resolve are the settings of identity resolution.
	Resolve identity.Options
	// Warn receives, with file and line, the first malformed records
	// skipped and author strings that are not a person's name; may be nil.
	Warn func(error)
	// Progress, when set, is told of each step (reading each input,
	// resolving); it may be nil.
	Progress Progress
}

// Validate reports options Load cannot read with: a Format that
// parse.Canonical does not know (other than "" and "auto"), a negative
// MaxAuthors, Since or Until, a Since after Until, or an invalid
// Resolve or AuthorSep (identity.Options.Validate,
// parse.ReadOptions.Validate).
func (o Options) Validate() error {
	if _, ok := parse.Canonical(o.Format); !ok && o.Format != "" && o.Format != "auto" {
		return fmt.Errorf("input: Options.Format is %q, want auto, %s", o.Format, strings.Join(parse.Formats, ", "))
	}
	switch {
	case o.MaxAuthors < 0:
		return fmt.Errorf("input: Options.MaxAuthors is %d, want 0 (no limit) or more", o.MaxAuthors)
	case o.Since < 0 || o.Until < 0:
		return fmt.Errorf("input: Options.Since and Until are %d and %d, want years (0: open)", o.Since, o.Until)
	case o.Since != 0 && o.Until != 0 && o.Since > o.Until:
		return fmt.Errorf("input: Options.Since (%d) is after Until (%d)", o.Since, o.Until)
	}
	if err := (parse.ReadOptions{AuthorSep: o.AuthorSep}).Validate(); err != nil {
		return err
	}
	return o.Resolve.Validate()
}

// Progress reports long steps.
type Progress interface {
	// Start begins a step over size bytes (0: unknown) counting items in
	// unit; the Step returned is told of the work done and of the end.
	Start(step string, size int64, unit string) Step
}

// Step is one step under way.
type Step interface {
	Add(items, bytes int64)
	Done()
}

// Dataset is the input read and resolved.
type Dataset struct {
	Corpus   *corpus.Corpus
	Identity *identity.Identity
	Inputs   []string // the names of the sources, in order
	// Owner is the owner of the first author page read ("" for none).
	Owner      string
	Skipped    int // malformed records skipped (SkipBad)
	Unauthored int // records without authors
	OverMax    int // papers over MaxAuthors
	OutOfYears int // papers outside Since–Until
	BadIDs     int // ids given malformed and dropped (parse.BadIDReader)
	notNames   int // author strings that are not a person's name
	// solo are the notes on sources none of whose papers has two authors.
	solo []string
}

// maxWarnings bounds the malformed records passed to Warn.
const maxWarnings = 10

// Load reads the sources into one corpus and resolves its names. A paper
// found in two sources counts once. The context stops the reading between
// records.
func Load(ctx context.Context, sources []Source, opt Options) (*Dataset, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	if opt.Format != "" && opt.Format != "auto" {
		opt.Format, _ = parse.Canonical(opt.Format)
	}
	d := &Dataset{Corpus: corpus.New()}
	d.Corpus.KeepRepeats = opt.KeepRepeats
	// BibTeX files read together share @string macros and crossref
	// parents; an entry whose parent comes later waits until the end.
	refs := bibtex.NewRefs()
	for _, src := range sources {
		if err := d.read(ctx, src, &opt, refs); err != nil {
			return nil, err
		}
	}
	papers, files := refs.Rest()
	for i, p := range papers {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if i == 0 || files[i] != files[i-1] {
			d.Corpus.Source(files[i])
		}
		if err := checkYear(files[i], p); err != nil {
			if !opt.SkipBad {
				return nil, fmt.Errorf("%w (use -skip-bad to skip malformed records)", err)
			}
			if d.Skipped++; d.Skipped <= maxWarnings && opt.Warn != nil {
				opt.Warn(fmt.Errorf("skipping %w", err))
			}
			continue
		}
		d.add(p, files[i], &opt)
	}
	d.Unauthored += refs.Unauthored()
	if d.Corpus.Len() == 0 && d.OutOfYears > 0 {
		return nil, fmt.Errorf("no papers with authors from %s in %s (%d outside)", Years(opt.Since, opt.Until), strings.Join(d.Inputs, ", "), d.OutOfYears)
	}
	if d.Corpus.Len() == 0 {
		return nil, fmt.Errorf("no papers with authors in %s", strings.Join(d.Inputs, ", "))
	}
	d.Corpus.Compact()
	step := start(opt.Progress, "resolving names", 0, "names")
	d.Identity = identity.Resolve(d.Corpus, opt.Resolve)
	step.Add(int64(len(d.Corpus.Names())), 0)
	step.Done()
	return d, nil
}

// Open returns the reader of papers of one input and its format (see
// Detect). For a graph file (edge list, GML) it returns a nil reader, the
// format and the buffered input to read the graph from.
func Open(name string, r io.Reader, format string, opt parse.ReadOptions) (parse.Reader, string, *bufio.Reader, error) {
	format, br, err := Detect(name, r, format)
	if err != nil || parse.IsGraphFormat(format) {
		return nil, format, br, err
	}
	if opt.File == "" {
		opt.File = name
	}
	rd, err := NewReader(format, br, opt)
	return rd, format, br, err
}

// Detect returns the format of one input and the input to read it from:
// gzip is decompressed (at most text.MaxGunzip bytes), UTF-16 with a byte
// order mark decoded to UTF-8, the format detected from the name and the
// first bytes (which stay in the reader returned) unless format names it.
// An input whose format cannot be told gives a *parse.ParseError that
// wraps parse.ErrUnrecognised, shows the first line and lists the formats.
func Detect(name string, r io.Reader, format string) (string, *bufio.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return "", nil, fmt.Errorf("reading %s: %w", name, err)
		}
		br = bufio.NewReaderSize(&limitedReader{r: zr, n: text.MaxGunzip}, 64<<10)
	}
	if bom, _ := br.Peek(2); len(bom) == 2 && (bom[0] == 0xff && bom[1] == 0xfe || bom[0] == 0xfe && bom[1] == 0xff) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
	}
	if format == "" || format == "auto" {
		f := parse.Detect(name, br)
		if seen := parse.NotRead(br); seen != "" {
			return "", nil, &parse.ParseError{File: name, Line: 1, Fatal: true,
				Err: fmt.Errorf("%w: %s (first line %s), which is not read; export RIS, MEDLINE or BibTeX from it instead", parse.ErrUnrecognised, seen, parse.FirstLine(br, 60))}
		}
		if f == "" {
			return "", nil, &parse.ParseError{File: name, Line: 1, Fatal: true,
				Err: fmt.Errorf("%w (first line %s); name the format with --format: %s", parse.ErrUnrecognised, parse.FirstLine(br, 60), strings.Join(parse.Formats, ", "))}
		}
		return f, br, nil
	}
	f, ok := parse.Canonical(format)
	if !ok {
		return "", nil, fmt.Errorf("unknown format %q", format)
	}
	return f, br, nil
}

// NewReader returns the reader of papers in format (a name
// parse.Canonical accepts) over r.
func NewReader(format string, r io.Reader, opt parse.ReadOptions) (parse.Reader, error) {
	f, ok := parse.Canonical(format)
	if !ok {
		return nil, fmt.Errorf("unknown format %q", format)
	}
	switch f {
	case parse.FormatAuthorPage:
		return authorpage.NewReader(r, opt), nil
	case parse.FormatBibTeX:
		return bibtex.NewReader(r, opt), nil
	case parse.FormatRIS:
		return ris.NewReader(r, opt), nil
	case parse.FormatWoS:
		// A tab-delimited export (savedrecs.txt) is a table.
		br := bufio.NewReaderSize(r, 64<<10)
		if head, _ := br.Peek(9); bytes.HasPrefix(bytes.TrimPrefix(head, []byte("\uFEFF")), []byte("PT\tAU\t")) {
			return table.NewReader(br, opt), nil
		}
		return wos.NewReader(br, opt), nil
	case parse.FormatCSV:
		return table.NewReader(r, opt), nil
	case parse.FormatJSON:
		return jsonworks.NewReader(r, opt), nil
	case parse.FormatXML:
		return xmlfeed.NewReader(r, opt), nil
	}
	if rd := newSourceReader(f, r, opt); rd != nil { // sources.go
		return rd, nil
	}
	return nil, fmt.Errorf("%s holds a graph, not papers", f)
}

// ErrGraphFile is returned by Load for an input that holds a graph, not
// papers (an edge list, GML); read it with the graph/formats readers.
var ErrGraphFile = errors.New("a graph file, not publication records")

// read adds the papers of one source to d.
func (d *Dataset) read(ctx context.Context, src Source, opt *Options, refs *bibtex.Refs) error {
	d.Inputs = append(d.Inputs, src.Name)
	d.Corpus.Source(src.Name)
	step := start(opt.Progress, "reading "+src.Name, src.Size, "records")
	defer step.Done()
	counted := &countingReader{r: src.R, step: step}
	rd, format, _, err := Open(src.Name, counted, opt.Format, parse.ReadOptions{File: src.Name, AuthorSep: opt.AuthorSep})
	if err != nil {
		return err
	}
	if rd == nil {
		return fmt.Errorf("%s: %w (%s)", src.Name, ErrGraphFile, format)
	}
	if br, ok := rd.(*bibtex.Reader); ok {
		br.Refs = refs
	}
	papers, multi, runTogether := 0, 0, 0
	example := ""
	defer func() {
		d.Unauthored += rd.Unauthored()
		if b, ok := rd.(parse.BadIDReader); ok {
			d.BadIDs += b.BadIDs()
		}
		if papers >= 2 && multi == 0 {
			d.solo = append(d.solo, soloNote(src.Name, papers, runTogether, example))
		}
	}()
	ahead := readAhead(rd, &counted.n)
	defer ahead.stop()
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if n == reserveAfter && src.Size > 0 {
			d.reserve(papers, ahead.bytes, src.Size)
		}
		p, err := ahead.next()
		if err == nil {
			err = checkYear(src.Name, p)
		}
		if errors.Is(err, io.EOF) {
			if pr, ok := rd.(*authorpage.Reader); ok && d.Owner == "" {
				d.Owner = pr.Owner
			}
			return nil
		}
		var pe *parse.ParseError
		if errors.As(err, &pe) && opt.SkipBad && !pe.Fatal {
			d.Skipped++
			if d.Skipped <= maxWarnings && opt.Warn != nil {
				opt.Warn(fmt.Errorf("skipping %w", err))
			}
			continue
		}
		if err != nil {
			if pe == nil {
				return fmt.Errorf("reading %s: %w", src.Name, err)
			}
			if pe.Fatal {
				return err
			}
			return fmt.Errorf("%w (use -skip-bad to skip malformed records)", err)
		}
		if !d.add(p, src.Name, opt) {
			continue
		}
		papers++
		if len(p.Authors) > 1 {
			multi++
		} else if len(p.Authors) == 1 && runsTogether(p.Authors[0]) {
			if runTogether++; example == "" {
				example = text.Shorten(p.Authors[0], 60)
			}
		}
		step.Add(1, 0)
	}
}

// reserveAfter is the record of a source after which Load makes room in
// the corpus for the papers the rest of the source should hold.
const reserveAfter = 1 << 17

// reserve makes room in the corpus for the papers of the rest of a
// source of size bytes, of which bytes gave papers, in proportion and an
// eighth more: the first records of a file need not be typical (on the
// generated 7.5 million, the first 131,072 foresee 7.53 million papers
// and 439 MB of titles for 7.5 million and 438 MB), and room not used
// is address space, never touched, where a foresight short by one paper
// copies every array once more.
func (d *Dataset) reserve(papers int, bytes, size int64) {
	if papers == 0 || bytes <= 0 || bytes > size/2 {
		return // small: the arrays grow a few times at most
	}
	more := int64(papers) * (size - bytes) / bytes
	d.Corpus.Reserve(int(more + more/8))
}

// add adds a paper read from the source called name to the corpus,
// unless it is outside the years or over MaxAuthors (then false).
func (d *Dataset) add(p *parse.Paper, name string, opt *Options) bool {
	if (opt.Since != 0 || opt.Until != 0) && !InYears(p.Year, opt.Since, opt.Until) {
		d.OutOfYears++
		return false
	}
	if opt.MaxAuthors > 0 && len(p.Authors) > opt.MaxAuthors {
		d.OverMax++
		if !opt.CapAuthors {
			return false
		}
		p.Authors = p.Authors[:opt.MaxAuthors]
		if len(p.IDs) > opt.MaxAuthors {
			p.IDs = p.IDs[:opt.MaxAuthors]
		}
		if p.Meta != nil && len(p.Meta.Affiliations) > opt.MaxAuthors {
			p.Meta.Affiliations = p.Meta.Affiliations[:opt.MaxAuthors]
		}
	}
	for i, a := range p.Authors {
		// An author with an identity in the source (every DBLP name) is
		// never merged, so not checked: the check costs a quarter of the
		// reading on dblp.xml.
		if opt.Warn == nil || i < len(p.IDs) && p.IDs[i] != "" {
			continue
		}
		if why := names.NotAName(a); why != "" {
			if d.notNames++; d.notNames <= maxWarnings {
				opt.Warn(&parse.ParseError{File: name, Line: p.Line, Found: text.Shorten(a, 60),
					Err: fmt.Errorf("not a person's name (%s); kept as it is, never merged", why)})
			}
		}
	}
	d.Corpus.Add(p)
	return true
}

// Title names the dataset for a picture: "Co-authors of OWNER" for one
// author page, else the inputs.
func (d *Dataset) Title() string {
	if d.Owner != "" && len(d.Inputs) == 1 {
		return "Co-authors of " + d.Owner
	}
	return "Co-authorship network: " + strings.Join(d.Inputs, ", ")
}

// Notes returns what the reading passed over, a sentence each: malformed
// records skipped, records without authors, papers over MaxAuthors (opt
// as given to Load), papers of large teams and the pairs they add, author
// strings that are not a name beyond those shown, ids dropped as
// malformed, inputs that give no co-authorship (every paper of one
// author) and why, and papers dropped as repeats.
func (d *Dataset) Notes(opt Options) []string {
	var notes []string
	if d.Skipped > 0 {
		notes = append(notes, fmt.Sprintf("skipped %d malformed record(s)", d.Skipped))
	}
	if d.Unauthored > 0 {
		notes = append(notes, fmt.Sprintf("passed over %d record(s) without authors", d.Unauthored))
	}
	if d.OverMax > 0 {
		what := "skipped"
		if opt.CapAuthors {
			what = fmt.Sprintf("cut to their first %d authors", opt.MaxAuthors)
		}
		notes = append(notes, fmt.Sprintf("%d paper(s) with more than %d authors %s (-max-authors)", d.OverMax, opt.MaxAuthors, what))
	}
	if d.OutOfYears > 0 {
		notes = append(notes, fmt.Sprintf("left out %d paper(s) %s (-since, -until)", d.OutOfYears, outside(opt.Since, opt.Until)))
	}
	if t := LargeTeams(d.Corpus); t.Papers > 0 {
		notes = append(notes, t.Note())
	}
	if d.notNames > maxWarnings {
		notes = append(notes, fmt.Sprintf("%d author string(s) are not a person's name (kept, never merged); the first %d were shown", d.notNames, maxWarnings))
	}
	if d.BadIDs > 0 {
		notes = append(notes, fmt.Sprintf("dropped %d ORCID iD(s) whose check digit does not match (the authors kept, without that identity)", d.BadIDs))
	}
	notes = append(notes, d.solo...)
	if n := d.Corpus.Duplicates(); n > 0 {
		notes = append(notes, fmt.Sprintf("dropped %d duplicate paper(s) (an id of one kind in common and none differing, or the same title and year with no id of one kind in both; and a shared author), e.g. %s; -dedup off keeps them", n, d.Corpus.DuplicateExample()))
	}
	return notes
}

// LargeTeam is the number of authors from which a paper counts as a large
// collaboration in LargeTeams.
const LargeTeam = 100

// Teams tells how many co-author pairs come from large collaborations.
type Teams struct {
	Papers  int // papers of LargeTeam authors or more
	Pairs   int // the pairs they add: n(n-1)/2 each
	Largest int // authors of the largest
	Total   int // pairs of all papers
}

// Note is the line Dataset.Notes gives for t (when t.Papers > 0).
func (t Teams) Note() string {
	return fmt.Sprintf("%d paper(s) with %d or more authors (largest %d) give %d of the %d co-author pairs; -max-authors N leaves them out",
		t.Papers, LargeTeam, t.Largest, t.Pairs, t.Total)
}

// LargeTeams counts the papers of LargeTeam authors or more in c and the
// pairs they add: a paper of n authors adds n(n-1)/2 pairs, 4.5 million
// for 3,000 authors.
func LargeTeams(c *corpus.Corpus) Teams {
	var t Teams
	for i := 0; i < c.Len(); i++ {
		n := len(c.Authors(i))
		t.Total += n * (n - 1) / 2
		if n >= LargeTeam {
			t.Papers++
			t.Pairs += n * (n - 1) / 2
			t.Largest = max(t.Largest, n)
		}
	}
	return t
}

// readAhead reads papers in a goroutine of their own, in batches, so
// that parsing and interning run on two cores.
type prefetch struct {
	batches chan batch
	batch   []readResult
	bytes   int64 // read from the input when the batch taken last was full
	quit    chan struct{}
}

// batch is a batch of papers and the bytes read from the input when it
// was full.
type batch struct {
	results []readResult
	bytes   int64
}

type readResult struct {
	p   *parse.Paper
	err error
}

func readAhead(rd parse.Reader, read *atomic.Int64) *prefetch {
	a := &prefetch{batches: make(chan batch, 8), quit: make(chan struct{})}
	go func() {
		defer close(a.batches)
		results := make([]readResult, 0, 1024)
		for {
			p, err := rd.Read()
			if p != nil && (p.Meta == nil || len(p.Meta.IDs) == 0) {
				// The corpus finds a paper with ids by them, and
				// by title only in mixed input: it computes the key then.
				p.Key = corpus.PaperKey(p)
			}
			results = append(results, readResult{p, err})
			var pe *parse.ParseError
			last := err != nil && (errors.Is(err, io.EOF) || !errors.As(err, &pe) || pe.Fatal)
			if len(results) == cap(results) || err != nil || last {
				select {
				case a.batches <- batch{results, read.Load()}:
				case <-a.quit:
					return
				}
				results = make([]readResult, 0, 1024)
			}
			if last {
				return
			}
		}
	}()
	return a
}

// next returns the next paper or error, in the reader's order.
func (a *prefetch) next() (*parse.Paper, error) {
	for len(a.batch) == 0 {
		b, ok := <-a.batches
		if !ok {
			return nil, io.EOF
		}
		a.batch, a.bytes = b.results, b.bytes
	}
	r := a.batch[0]
	a.batch = a.batch[1:]
	return r.p, r.err
}

// stop ends the reading goroutine when the caller stops early.
func (a *prefetch) stop() {
	close(a.quit)
	for range a.batches {
	}
}

// limitedReader reads at most n bytes of decompressed input: more give
// a *text.LimitError.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(b []byte) (int, error) {
	if l.n <= 0 {
		return 0, &text.LimitError{What: "decompressed input", Limit: text.MaxGunzip}
	}
	if int64(len(b)) > l.n {
		b = b[:l.n]
	}
	n, err := l.r.Read(b)
	l.n -= int64(n)
	return n, err
}

// countingReader counts the bytes read through it into a step, and in n.
type countingReader struct {
	r    io.Reader
	step Step
	n    atomic.Int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.step.Add(0, int64(n))
	c.n.Add(int64(n))
	return n, err
}

// Silent is a step not reported.
type Silent struct{}

func (Silent) Add(int64, int64) {}
func (Silent) Done()            {}

func start(p Progress, step string, size int64, unit string) Step {
	if p == nil {
		return Silent{}
	}
	return p.Start(step, size, unit)
}

// InYears reports whether year is within since–until, bounds included; a
// bound of 0 is open, and year 0 (unknown) is in no window with a bound.
func InYears(year, since, until int) bool {
	switch {
	case since == 0 && until == 0:
		return true
	case year == 0:
		return false
	}
	return (since == 0 || year >= since) && (until == 0 || year <= until)
}

// Years names the window since–until: "2019–2023", "2019 on", "up to 2023".
func Years(since, until int) string {
	switch {
	case since != 0 && until != 0:
		return fmt.Sprintf("%d–%d", since, until)
	case since != 0:
		return fmt.Sprintf("%d on", since)
	case until != 0:
		return fmt.Sprintf("up to %d", until)
	}
	return "all years"
}

// outside describes the papers -since and -until leave out: "from before
// 2019, after 2022 or without a year".
func outside(since, until int) string {
	switch {
	case since != 0 && until != 0:
		return fmt.Sprintf("from before %d, after %d or without a year", since, until)
	case since != 0:
		return fmt.Sprintf("from before %d or without a year", since)
	}
	return fmt.Sprintf("from after %d or without a year", until)
}

// PageOwner returns the owner of the author page read when it is the
// only input, "" otherwise; d may be nil.
func (d *Dataset) PageOwner() string {
	if d == nil || len(d.Inputs) != 1 {
		return ""
	}
	return d.Owner
}

// SourceID returns the identity in the source of the person with id p,
// "" for none; d may be nil.
func (d *Dataset) SourceID(p int32) string {
	if d == nil {
		return ""
	}
	return d.Identity.People[p].ID
}

// HasIDs reports whether any person has an identity in the source; d may
// be nil.
func (d *Dataset) HasIDs() bool {
	return d != nil && slices.ContainsFunc(d.Identity.People, func(p identity.Person) bool { return p.ID != "" })
}
