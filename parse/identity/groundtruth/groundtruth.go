// Package groundtruth measures identity resolution against the ORCID iDs
// that real exports give for part of their authors: the ids are blanked in
// a copy, the names are resolved (identity.Resolve), and the pairs of
// mentions carrying an ORCID are counted: a pair is truly one person when
// the two share an ORCID, and judged one person when the resolver (or a
// baseline) puts them together.
//
// Two baselines are scored beside coauthor on the same mentions: the exact
// name string, and bibliometrix's key, the family name and first initial.
// Each file is scored with its full names and, where the export also gives
// them (Web of Science AU beside AF), with its initials-only spellings.
package groundtruth

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/identity"
	"coauthor/parse/input"
	"coauthor/parse/internal/orcid"
	"coauthor/parse/internal/text"
	"coauthor/parse/names"
	"coauthor/parse/wos"
)

// Set is the papers of one export with their ORCID iDs taken off: Full
// are the papers with the names the reader gives, Short (nil when the
// export gives none) the same papers with initials-only spellings, and
// ORCID parallels each paper's authors with the iD the export gives that
// position ("" for none).
type Set struct {
	File  string
	Full  []*parse.Paper
	Short []*parse.Paper
	ORCID [][]string
}

// Mentions returns the number of author positions carrying an ORCID and
// the number of distinct ORCIDs.
func (s *Set) Mentions() (mentions, people int) {
	seen := map[string]bool{}
	for _, ids := range s.ORCID {
		for _, id := range ids {
			if id != "" {
				mentions++
				seen[id] = true
			}
		}
	}
	return mentions, len(seen)
}

// Load reads an export and returns its set. Web of Science tagged files
// are read tag by tag (OI gives "Family, Given/ORCID" entries, matched to
// the AF names); every other format through its reader, whose author ids
// "orcid:…" are the truth and every other author id is dropped.
func Load(ctx context.Context, path string) (*Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd, format, br, err := input.Open(path, f, "", parse.ReadOptions{File: path})
	if err != nil {
		return nil, err
	}
	// A tab-delimited Web of Science export (savedrecs.txt) is detected
	// as a table by its name, or as WoS.
	if head, _ := br.Peek(9); (format == parse.FormatWoS || format == parse.FormatCSV) &&
		strings.HasPrefix(strings.TrimPrefix(string(head), "\uFEFF"), "PT\tAU\t") {
		return loadWoSTab(ctx, path, br)
	}
	if format == parse.FormatWoS {
		return loadWoS(ctx, path, br)
	}
	if rd == nil {
		return nil, fmt.Errorf("%s: %s holds a graph, not papers", path, format)
	}
	s := &Set{File: path}
	var wosBib map[int]string // BibTeX exported by Web of Science: entry line → its ORCID-Numbers
	if format == parse.FormatBibTeX {
		if wosBib, err = orcidNumbers(path); err != nil {
			return nil, err
		}
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, err := rd.Read()
		if err == io.EOF {
			break
		}
		var pe *parse.ParseError
		if errors.As(err, &pe) && !pe.Fatal {
			continue // a malformed record: left out, as the CLI leaves it
		}
		if err != nil {
			return nil, err
		}
		ids := make([]string, len(p.Authors))
		for i := range ids {
			if i < len(p.IDs) {
				if id, ok := strings.CutPrefix(p.IDs[i], "orcid:"); ok {
					ids[i] = id
				}
			}
		}
		if entries, ok := wosBib[p.Line]; ok {
			matchOI(ids, p.Authors, entries)
		}
		p.IDs = nil
		s.Full = append(s.Full, p)
		s.ORCID = append(s.ORCID, ids)
	}
	return s, nil
}

// loadWoS reads a Web of Science tagged export: each record's papers by
// wos.FromTags from AF (full names) and from AU alone (initials), and its
// OI entries matched to author positions.
func loadWoS(ctx context.Context, path string, r io.Reader) (*Set, error) {
	s := &Set{File: path}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	fields := map[string][]string{}
	tag, line, start := "", 0, 0
	flush := func() {
		if start > 0 && len(fields["AU"]) > 0 {
			s.addWoS(fields, start, false)
		}
		fields, tag, start = map[string][]string{}, "", 0
	}
	for sc.Scan() {
		if line++; line%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		l := strings.TrimRight(strings.TrimPrefix(sc.Text(), "\uFEFF"), "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		if strings.HasPrefix(l, "  ") {
			if tag != "" {
				fields[tag] = append(fields[tag], strings.TrimSpace(l))
			}
			continue
		}
		t, v, _ := strings.Cut(l, " ")
		switch t {
		case "FN", "VR", "EF":
			tag = ""
			continue
		case "ER":
			flush()
			continue
		case "PT":
			flush()
		}
		if start == 0 {
			start = line
		}
		tag = t
		fields[tag] = append(fields[tag], strings.TrimSpace(v))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	flush()
	return s, nil
}

// addWoS adds one record, whose fields are lines of a tagged export or
// (tab) cells of a tab-delimited one.
func (s *Set) addWoS(f map[string][]string, start int, tab bool) {
	full := wos.FromTags(f, start, tab)
	if len(full.Authors) == 0 {
		return
	}
	var short *parse.Paper
	if len(f["AF"]) > 0 {
		g := make(map[string][]string, len(f))
		for k, v := range f {
			if k != "AF" {
				g[k] = v
			}
		}
		short = wos.FromTags(g, start, tab)
		if len(short.Authors) != len(full.Authors) {
			short = nil // AU and AF not parallel: no initials for this record
		}
	}
	// OI: "Family, Given/0000-0002-1825-0097; ..." (continuation lines
	// joined with a space, as the export wraps them).
	ids := make([]string, len(full.Authors))
	matchOI(ids, full.Authors, strings.Join(f["OI"], " "))
	full.IDs = nil
	s.Full = append(s.Full, full)
	s.ORCID = append(s.ORCID, ids)
	if short == nil && s.Short == nil {
		return
	}
	if s.Short == nil {
		// Records before this one gave initials as their only names.
		s.Short = append(s.Short, s.Full[:len(s.Full)-1]...)
	}
	if short == nil {
		short = full
	}
	short.IDs = nil
	s.Short = append(s.Short, short)
}

// matchOI sets ids[i] to the ORCID that an OI (or BibTeX ORCID-Numbers)
// list, "Family, Given/0000-0002-1825-0097; ...", gives the author at
// position i of authors; an entry naming no author, or one already
// given an iD, is left out.
func matchOI(ids, authors []string, list string) {
	for _, entry := range strings.Split(list, ";") {
		name, id, ok := strings.Cut(entry, "/")
		if !ok {
			continue
		}
		if id = orcid.ID(id); id == "" {
			continue
		}
		if i := position(authors, text.CleanName(names.Order(name))); i >= 0 && ids[i] == "" {
			ids[i] = strings.TrimPrefix(id, "orcid:")
		}
	}
}

// loadWoSTab reads a tab-delimited Web of Science export: a header row
// of tags, then a record per row, its AU, AF and OI cells lists joined
// by "; ".
func loadWoSTab(ctx context.Context, path string, r io.Reader) (*Set, error) {
	s := &Set{File: path}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	var header []string
	line := 0
	for sc.Scan() {
		if line++; line%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		cells := strings.Split(strings.TrimRight(strings.TrimPrefix(sc.Text(), "\uFEFF"), "\r"), "\t")
		if header == nil {
			header = cells
			continue
		}
		f := make(map[string][]string, len(header))
		for i, c := range cells {
			if i < len(header) && strings.TrimSpace(c) != "" {
				f[header[i]] = []string{c}
			}
		}
		if len(f["AU"]) > 0 {
			s.addWoS(f, line, true)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	return s, nil
}

// orcidNumbers returns the ORCID-Numbers field of each entry of a BibTeX
// file exported by Web of Science, by the line of the entry's "@" (the
// Line of its paper); nil when the file has none. The field's braces are
// not nested; each line holds an entry.
func orcidNumbers(path string) (map[int]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	_, r, err := input.Detect(path, f, parse.FormatBibTeX)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out map[int]string
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	line, entry := 0, 0
	var field *strings.Builder
	for sc.Scan() {
		line++
		l := strings.TrimPrefix(sc.Text(), "\uFEFF")
		if strings.HasPrefix(l, "@") {
			entry, field = line, nil
		}
		if rest, ok := strings.CutPrefix(strings.TrimSpace(l), "ORCID-Numbers = {"); ok && entry > 0 {
			field = &strings.Builder{}
			l = rest
		}
		if field == nil {
			continue
		}
		body, closed := strings.CutSuffix(strings.TrimRight(strings.TrimSpace(l), ","), "}")
		field.WriteString(";" + body) // one entry a line
		if closed {
			if out == nil {
				out = map[int]string{}
			}
			out[entry] = field.String()
			field = nil
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	return out, nil
}

// position returns the one author of authors whose name an OI entry
// names: the same folded name, else the only one with its family name and
// a compatible first initial; -1 when none or several.
func position(authors []string, name string) int {
	key := names.Key(name)
	for i, a := range authors {
		if names.Key(a) == key {
			return i
		}
	}
	n := names.Parse(name)
	found := -1
	for i, a := range authors {
		m := names.Parse(a)
		if m.Family != n.Family || len(m.Given) == 0 || len(n.Given) == 0 || m.Given[0].Text[:1] != n.Given[0].Text[:1] {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// Scores are pairwise counts over the mentions carrying an ORCID: TP
// pairs judged one person that share an ORCID, FP judged one but with two
// ORCIDs, FN sharing an ORCID but judged two.
type Scores struct {
	Mentions, TP, FP, FN int
}

// Precision is TP/(TP+FP), 1 when nothing was merged.
func (s Scores) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Recall is TP/(TP+FN), 1 when no two mentions share an ORCID.
func (s Scores) Recall() float64 {
	if s.TP+s.FN == 0 {
		return 1
	}
	return float64(s.TP) / float64(s.TP+s.FN)
}

// F1 is the harmonic mean of precision and recall.
func (s Scores) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s Scores) String() string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (TP %d FP %d FN %d)", s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
}

// Result is one file scored with one kind of spelling.
type Result struct {
	Spelling string // "full" or "initials"
	// Mentions and People count the positions with an ORCID that the
	// corpus kept (repeated papers are dropped) and their ORCIDs.
	Mentions, People int
	// Pairs is the number of pairs of those mentions sharing an ORCID.
	Pairs                   int
	Coauthor, Exact, Biblio Scores
}

// Score resolves the set's names (full, then initials when the export
// gives them, else initials derived from the full names: "Jing-Kai van
// Dam" as "J.-K. van Dam") and scores coauthor and the two baselines.
func Score(s *Set, opt identity.Options) []Result {
	out := []Result{score(s.Full, s.ORCID, "full", opt)}
	if s.Short != nil {
		out = append(out, score(s.Short, s.ORCID, "initials", opt))
	} else {
		short := make([]*parse.Paper, len(s.Full))
		for i, p := range s.Full {
			q := *p
			q.Authors = make([]string, len(p.Authors))
			for j, a := range p.Authors {
				q.Authors[j] = Initials(a)
			}
			short[i] = &q
		}
		out = append(out, score(short, s.ORCID, "initials (derived)", opt))
	}
	return out
}

// Initials returns name with its given names as initials: "Jing-Kai van
// Dam" as "J.-K. van Dam", "Smith, John A." as "J. A. Smith".
func Initials(name string) string {
	words := strings.Fields(names.Order(name))
	if len(words) < 2 {
		return name
	}
	folded := make([]string, len(words))
	for i, w := range words {
		if folded[i] = strings.ReplaceAll(names.Fold(w), " ", ""); folded[i] == "" {
			return name // a word folded away: leave the name as it is
		}
	}
	p := names.Split(strings.Join(folded, " "))
	given := len(p.Given)
	out := make([]string, 0, len(words))
	for _, w := range words[:given] {
		parts := strings.Split(w, "-")
		for i, part := range parts {
			r := []rune(strings.TrimRight(part, "."))
			if len(r) == 0 {
				return name
			}
			parts[i] = string(r[0]) + "."
		}
		out = append(out, strings.Join(parts, "-"))
	}
	return strings.Join(append(out, words[given:]...), " ")
}

// mention is one author position with an ORCID in the corpus: its truth
// and the three judgements of who it is.
type mention struct {
	orcid, person, exact, biblio string
}

func score(papers []*parse.Paper, ids [][]string, spelling string, opt identity.Options) Result {
	c := corpus.New()
	type kept struct{ paper, index int }
	var keep []kept
	for i, p := range papers {
		if c.Add(p) {
			keep = append(keep, kept{i, c.Len() - 1})
		}
	}
	id := identity.Resolve(c, opt)
	var ms []mention
	for _, k := range keep {
		i := k.index
		p := papers[k.paper]
		for pos, o := range ids[k.paper] {
			if o == "" || pos >= len(p.Authors) {
				continue
			}
			name := text.CollapseSpace(p.Authors[pos])
			for _, n := range c.Authors(k.index) {
				if c.Names()[n] == name {
					ms = append(ms, mention{orcid: o, person: fmt.Sprint(id.Of(i, n)), exact: name, biblio: SurnameInitial(name)})
					break
				}
			}
		}
	}
	r := Result{Spelling: spelling, Mentions: len(ms)}
	people := map[string]int{}
	for _, m := range ms {
		people[m.orcid]++
	}
	r.People = len(people)
	for _, n := range people {
		r.Pairs += n * (n - 1) / 2
	}
	r.Coauthor = pairs(ms, func(m mention) string { return m.person })
	r.Exact = pairs(ms, func(m mention) string { return m.exact })
	r.Biblio = pairs(ms, func(m mention) string { return m.biblio })
	return r
}

// pairs counts the pairs of ms by truth and by the judgement key.
func pairs(ms []mention, key func(mention) string) Scores {
	cells := map[[2]string]int{}
	judged := map[string]int{}
	truth := map[string]int{}
	for _, m := range ms {
		k := key(m)
		cells[[2]string{m.orcid, k}]++
		judged[k]++
		truth[m.orcid]++
	}
	s := Scores{Mentions: len(ms)}
	for _, n := range cells {
		s.TP += n * (n - 1) / 2
	}
	for _, n := range judged {
		s.FP += n * (n - 1) / 2
	}
	for _, n := range truth {
		s.FN += n * (n - 1) / 2
	}
	s.FP -= s.TP
	s.FN -= s.TP
	return s
}

// SurnameInitial is bibliometrix's author key: the folded family name and
// the first initial.
func SurnameInitial(name string) string {
	p := names.Split(names.Key(name))
	if len(p.Given) == 0 || p.Given[0] == "" {
		return p.Family
	}
	return p.Family + " " + p.Given[0][:1]
}

// Table writes the results of each file as a Markdown table.
func Table(w io.Writer, files []string, results [][]Result) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "| file | names | ORCID mentions (people) | true pairs | coauthor P / R / F1 | exact string P / R / F1 | surname + initial P / R / F1 |")
	fmt.Fprintln(bw, "|---|---|---|---|---|---|---|")
	for i, f := range files {
		for _, r := range results[i] {
			fmt.Fprintf(bw, "| %s | %s | %d (%d) | %d | %s | %s | %s |\n", f, r.Spelling, r.Mentions, r.People, r.Pairs,
				prf(r.Coauthor), prf(r.Exact), prf(r.Biblio))
		}
	}
	return bw.Flush()
}

func prf(s Scores) string {
	return fmt.Sprintf("%.3f / %.3f / %.3f", s.Precision(), s.Recall(), s.F1())
}

// Files are the exports of ../shared/data that carry ORCID iDs for part
// of their authors, relative to that directory.
var Files = []string{
	"openalex/herreio-tu9-works-2022.json.gz",
	"crossref/fatcat-crossref_api_works.json",
	"crossref/fatcat-crossref-works.2018-01-21.badsample.json",
	"crossref/fatcat-datacite_1k_records.jsonl.gz",
	"pubmed/fatcat-pubmedsample_2019.xml.gz",
	"pubmed/metaknowledge-medline_test.medline",
	"wos/metaknowledge-ManyAuthors.isi.gz",
	"wos/synthesisr-zoorec.txt",
	"wos/bibliometrix-wos_sample.txt",
}
