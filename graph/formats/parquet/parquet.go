// Package parquet writes a co-authorship graph as Apache Parquet tables
// and reads an edge table back as a graph.
//
// Write makes
//
//   - authors.parquet: id, name, source_id (null when the source gives
//     none), papers, first_year, last_year (null when unknown), one column
//     per measure of the Table (named as in rank --json; integers as
//     INT64, others as DOUBLE) and cluster (numbered from 1, the largest,
//     as in every export and in clusters) when the Table has clusters;
//   - edges.parquet: source, target (author ids, source < target),
//     weight (DOUBLE), papers (shared papers; 0 for a graph read from a
//     graph file);
//   - authorships.parquet: paper (its index, as Graph.EdgePapers gives
//     it), title, year (null when unknown), position (0-based place of the
//     author in the paper's list of distinct people), author (the author's
//     id in authors.parquet) and authors (the number of distinct people on
//     the paper, what fractional counting divides by). It is written only
//     when the Table carries its papers (Table.Works); rows of people left
//     out of the graph by a filter are not written. Its lists
//     affiliations, rors and countries are the distinct institution
//     names, ROR ids and country codes the source links to that author
//     on that paper (empty when it links none; a person listed twice on
//     a paper has the union at the first place);
//   - works.parquet, with authorships.parquet: one row a paper that has
//     a row in authorships.parquet: paper, title, year, one column per
//     kind of work id (Works.IDKinds: doi, arxiv, pmid, pmcid, openalex,
//     dblp, eid, wos, isbn, ..., normalised as the readers keep them),
//     venue, issn (list), type (the source's word), url (the link
//     the source gives), link (the address to read the work: its DOI's,
//     else url, else its arXiv, PubMed or OpenAlex page), language,
//     citations and citations_source (the count the source states and who
//     counted), keywords and index_keywords (lists), and authors. A field
//     the source does not give is null (an empty list for lists).
//
// Columns are zstd-compressed, and row groups hold up to RowGroupRows
// rows, so that engines (DuckDB, Spark, Polars) read a large file in
// parallel without holding a whole column in memory.
//
// The edge table is what the co-authorship graph of the authorships is:
// see the SQL recipe in the README, which the DuckDB check under duckdb/
// runs and compares with edges.parquet.
package parquet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"coauthor/graph"
	"coauthor/graph/formats"
	"coauthor/graph/formats/internal/netbuild"
)

// File names of the tables.
const (
	AuthorsFile     = "authors.parquet"
	EdgesFile       = "edges.parquet"
	AuthorshipsFile = "authorships.parquet"
	WorksFile       = "works.parquet"
)

// RowGroupRows is the most rows in one row group: about 1 million, some
// 10 to 30 MB of an edge table before compression.
const RowGroupRows = 1 << 20

// batch is the rows handed to the writer at a time.
const batch = 4096

func options() []pq.WriterOption {
	return []pq.WriterOption{pq.Compression(&zstd.Codec{Level: zstd.SpeedDefault}), pq.MaxRowsPerRowGroup(RowGroupRows), pq.CreatedBy("coauthor", "", "")}
}

// Edge is one row of edges.parquet.
type Edge struct {
	Source int32   `parquet:"source"`
	Target int32   `parquet:"target"`
	Weight float64 `parquet:"weight"`
	Papers int64   `parquet:"papers"`
}

// Authorship is one row of authorships.parquet.
type Authorship struct {
	Paper    int64  `parquet:"paper"`
	Title    string `parquet:"title"`
	Year     *int32 `parquet:"year,optional"`
	Position int32  `parquet:"position"`
	Author   int32  `parquet:"author"`
	Authors  int32  `parquet:"authors"`
	// Affiliations, RORs and Countries are the distinct institution
	// names, ROR ids and country codes of the author on the paper.
	Affiliations []string `parquet:"affiliations,list"`
	RORs         []string `parquet:"rors,list"`
	Countries    []string `parquet:"countries,list"`
}

// Files returns the names of the files Write writes for t.
func Files(t *formats.Table) []string {
	if t.Works != nil {
		return []string{AuthorsFile, EdgesFile, AuthorshipsFile, WorksFile}
	}
	return []string{AuthorsFile, EdgesFile}
}

// Write writes t's authors, edges and (when t.Works is set) authorships
// and works to the writers, in the order Files names them.
func Write(w []io.Writer, t *formats.Table) error {
	if err := t.Check(); err != nil {
		return err
	}
	if len(w) != len(Files(t)) {
		return fmt.Errorf("parquet: %d writers for %d files", len(w), len(Files(t)))
	}
	if err := WriteAuthors(w[0], t); err != nil {
		return err
	}
	if err := WriteEdges(w[1], t.Graph); err != nil {
		return err
	}
	if t.Works != nil {
		if err := WriteAuthorships(w[2], t.Graph, t.Works); err != nil {
			return err
		}
		return WriteWorks(w[3], t.Graph, t.Works)
	}
	return nil
}

// WriteEdges writes g's edges.
func WriteEdges(w io.Writer, g *graph.Graph) error {
	pw := newBatcher[Edge](w)
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		u, v := min(ed.U, ed.V), max(ed.U, ed.V)
		if err := pw.add(Edge{Source: u, Target: v, Weight: ed.Weight, Papers: int64(ed.Papers)}); err != nil {
			return err
		}
	}
	return pw.close()
}

// batcher hands rows of type T to a Parquet writer batch at a time.
type batcher[T any] struct {
	w    *pq.GenericWriter[T]
	rows []T
}

func newBatcher[T any](w io.Writer) *batcher[T] {
	return &batcher[T]{w: pq.NewGenericWriter[T](w, options()...), rows: make([]T, 0, batch)}
}

func (b *batcher[T]) add(row T) error {
	b.rows = append(b.rows, row)
	if len(b.rows) < batch {
		return nil
	}
	_, err := b.w.Write(b.rows)
	b.rows = b.rows[:0]
	return err
}

// close writes the rows left and closes the writer.
func (b *batcher[T]) close() error {
	if _, err := b.w.Write(b.rows); err != nil {
		return err
	}
	return b.w.Close()
}

// WriteAuthorships writes who wrote each of works, with authors as node
// ids of g (works give Node.Person ids).
func WriteAuthorships(w io.Writer, g *graph.Graph, works formats.Works) error {
	node := nodeOf(g)
	pw := newBatcher[Authorship](w)
	var people people
	for i := 0; i < works.Len(); i++ {
		seen, at := people.of(works.Authors(i))
		if !inGraph(node, seen) {
			continue
		}
		var names, rors, countries [][]string
		if r := works.Record(i); r != nil && r.Affiliations != nil {
			names, rors, countries = personAffiliations(r.Affiliations, at, len(seen))
		}
		year := optional(int32(works.Year(i)), works.Year(i) != 0)
		title := works.Title(i)
		for pos, a := range seen {
			v, ok := node[a]
			if !ok {
				continue
			}
			row := Authorship{Paper: int64(i), Title: title, Year: year, Position: int32(pos), Author: v, Authors: int32(len(seen))}
			if names != nil {
				row.Affiliations, row.RORs, row.Countries = names[pos], rors[pos], countries[pos]
			}
			if err := pw.add(row); err != nil {
				return err
			}
		}
	}
	return pw.close()
}

// nodeOf maps each person id of g's nodes to its node.
func nodeOf(g *graph.Graph) map[int32]int32 {
	node := make(map[int32]int32, g.N())
	for v := range int32(g.N()) {
		node[g.Node(v).Person] = v
	}
	return node
}

// inGraph reports whether one of people is a node.
func inGraph(node map[int32]int32, people []int32) bool {
	for _, a := range people {
		if _, ok := node[a]; ok {
			return true
		}
	}
	return false
}

// people finds a paper's distinct people in order, reusing its buffers.
type people struct{ seen, at []int32 }

// of returns the distinct people of authors, first places kept, and for
// each place of authors the index of its person in the first slice.
func (p *people) of(authors []int32) (seen, at []int32) {
	p.seen, p.at = p.seen[:0], p.at[:0]
	if len(authors) > 64 {
		index := make(map[int32]int32, len(authors))
		for _, a := range authors {
			k, ok := index[a]
			if !ok {
				k = int32(len(p.seen))
				index[a] = k
				p.seen = append(p.seen, a)
			}
			p.at = append(p.at, k)
		}
		return p.seen, p.at
	}
	for _, a := range authors {
		k := slices.Index(p.seen, a)
		if k < 0 {
			k = len(p.seen)
			p.seen = append(p.seen, a)
		}
		p.at = append(p.at, int32(k))
	}
	return p.seen, p.at
}

// personAffiliations returns, for each of a paper's n distinct people,
// the distinct names, ROR ids and country codes of affs (parallel to the
// paper's author places; at maps places to people).
func personAffiliations(affs [][]formats.Affiliation, at []int32, n int) (names, rors, countries [][]string) {
	names, rors, countries = make([][]string, n), make([][]string, n), make([][]string, n)
	add := func(s []string, x string) []string {
		if x == "" || slices.Contains(s, x) {
			return s
		}
		return append(s, x)
	}
	for place, list := range affs {
		if place >= len(at) {
			break
		}
		k := at[place]
		for _, a := range list {
			names[k], rors[k], countries[k] = add(names[k], a.Name), add(rors[k], a.ROR), add(countries[k], a.Country)
		}
	}
	return names, rors, countries
}

// workColumns are the columns of works.parquet after the id columns.
var workColumns = []struct {
	name string
	typ  reflect.Type // *T for an optional value, []string for a list
}{
	{"venue", reflect.TypeFor[*string]()}, {"issn", reflect.TypeFor[[]string]()}, {"type", reflect.TypeFor[*string]()},
	{"url", reflect.TypeFor[*string]()}, {"link", reflect.TypeFor[*string]()}, {"language", reflect.TypeFor[*string]()},
	{"citations", reflect.TypeFor[*int64]()}, {"citations_source", reflect.TypeFor[*string]()},
	{"keywords", reflect.TypeFor[[]string]()}, {"index_keywords", reflect.TypeFor[[]string]()}, {"authors", reflect.TypeFor[int32]()},
}

// workType returns the row type of works.parquet: paper, title, year, a
// column per kind of id, then workColumns.
func workType(kinds []string) (reflect.Type, error) {
	fields := []reflect.StructField{
		{Name: "Paper", Type: reflect.TypeFor[int64](), Tag: `parquet:"paper"`},
		{Name: "Title", Type: reflect.TypeFor[string](), Tag: `parquet:"title"`},
		{Name: "Year", Type: reflect.TypeFor[*int32](), Tag: `parquet:"year,optional"`},
	}
	taken := map[string]bool{"paper": true, "title": true, "year": true}
	for _, c := range workColumns {
		taken[c.name] = true
	}
	for i, k := range kinds {
		if !validName(k) || taken[k] {
			return nil, fmt.Errorf("parquet: work id kind %q as a column name", k)
		}
		taken[k] = true
		fields = append(fields, reflect.StructField{Name: fmt.Sprintf("ID%d", i), Type: reflect.TypeFor[*string](), Tag: reflect.StructTag(`parquet:"` + k + `,optional"`)})
	}
	for i, c := range workColumns {
		tag := c.name
		switch c.typ.Kind() {
		case reflect.Pointer:
			tag += ",optional"
		case reflect.Slice:
			tag += ",list"
		}
		fields = append(fields, reflect.StructField{Name: fmt.Sprintf("C%d", i), Type: c.typ, Tag: reflect.StructTag(`parquet:"` + tag + `"`)})
	}
	return reflect.StructOf(fields), nil
}

// WriteWorks writes the record of each of works that has an author in g
// (a row in authorships.parquet), with a column for each of
// works.IDKinds().
func WriteWorks(w io.Writer, g *graph.Graph, works formats.Works) error {
	kinds := works.IDKinds()
	typ, err := workType(kinds)
	if err != nil {
		return err
	}
	column := make(map[string]int, len(kinds))
	for i, k := range kinds {
		column[k] = 3 + i
	}
	rest := 3 + len(kinds)
	node := nodeOf(g)
	row := reflect.New(typ).Elem()
	pw := pq.NewWriter(w, append(options(), pq.SchemaOf(row.Interface()))...)
	var people people
	str := func(f reflect.Value, s string) { setOptional(f, s, s != "") }
	for i := 0; i < works.Len(); i++ {
		seen, _ := people.of(works.Authors(i))
		if !inGraph(node, seen) {
			continue
		}
		row.SetZero()
		row.Field(0).SetInt(int64(i))
		row.Field(1).SetString(works.Title(i))
		setOptional(row.Field(2), int32(works.Year(i)), works.Year(i) != 0)
		row.Field(rest + 10).SetInt(int64(len(seen)))
		if r := works.Record(i); r != nil {
			for _, id := range r.IDs {
				if c, ok := column[id[0]]; ok && row.Field(c).IsNil() {
					str(row.Field(c), id[1])
				}
			}
			str(row.Field(rest), r.Venue)
			row.Field(rest + 1).Set(reflect.ValueOf(r.ISSN))
			str(row.Field(rest+2), r.Type)
			str(row.Field(rest+3), r.URL)
			str(row.Field(rest+4), r.Link)
			str(row.Field(rest+5), r.Language)
			setOptional(row.Field(rest+6), int64(r.Citations), r.HasCitations)
			setOptional(row.Field(rest+7), r.CitationsSource, r.HasCitations && r.CitationsSource != "")
			row.Field(rest + 8).Set(reflect.ValueOf(r.Keywords))
			row.Field(rest + 9).Set(reflect.ValueOf(r.IndexKeywords))
		}
		if err := pw.Write(row.Addr().Interface()); err != nil {
			return err
		}
	}
	return pw.Close()
}

// optional returns &x, or nil when !ok.
func optional[T any](x T, ok bool) *T {
	if !ok {
		return nil
	}
	return &x
}

// WriteAuthors writes t's nodes with their values. Its columns depend on
// t, so its row type is made at run time.
func WriteAuthors(w io.Writer, t *formats.Table) error {
	g := t.Graph
	i32, i64, f64, str := reflect.TypeFor[int32](), reflect.TypeFor[int64](), reflect.TypeFor[float64](), reflect.TypeFor[string]()
	fields := []reflect.StructField{
		{Name: "ID", Type: i32, Tag: `parquet:"id"`},
		{Name: "Name", Type: str, Tag: `parquet:"name"`},
		{Name: "SourceID", Type: reflect.PointerTo(str), Tag: `parquet:"source_id,optional"`},
		{Name: "Papers", Type: i64, Tag: `parquet:"papers"`},
		{Name: "FirstYear", Type: reflect.PointerTo(i32), Tag: `parquet:"first_year,optional"`},
		{Name: "LastYear", Type: reflect.PointerTo(i32), Tag: `parquet:"last_year,optional"`},
	}
	fixed := len(fields)
	var cols []formats.Column
	for _, c := range t.Columns {
		if c.Name == "papers" {
			continue // the node's papers, above
		}
		if !validName(c.Name) {
			return fmt.Errorf("parquet: column name %q", c.Name)
		}
		typ := f64
		if c.Integer {
			typ = i64
		}
		fields = append(fields, reflect.StructField{Name: fmt.Sprintf("M%d", len(cols)), Type: typ, Tag: reflect.StructTag(`parquet:"` + c.Name + `"`)})
		cols = append(cols, c)
	}
	if t.Cluster != nil {
		fields = append(fields, reflect.StructField{Name: "Cluster", Type: i32, Tag: `parquet:"cluster"`})
	}
	typ := reflect.StructOf(fields)
	row := reflect.New(typ).Elem()
	pw := pq.NewWriter(w, append(options(), pq.SchemaOf(row.Interface()))...)
	for v := range int32(g.N()) {
		n := g.Node(v)
		row.Field(0).SetInt(int64(v))
		row.Field(1).SetString(n.Name)
		setOptional(row.Field(2), t.ID(v), t.ID(v) != "")
		row.Field(3).SetInt(int64(n.Papers))
		setOptional(row.Field(4), int32(n.FirstYear), n.FirstYear != 0)
		setOptional(row.Field(5), int32(n.LastYear), n.LastYear != 0)
		for i, c := range cols {
			if c.Integer {
				row.Field(fixed + i).SetInt(int64(c.Values[v]))
			} else {
				row.Field(fixed + i).SetFloat(c.Values[v])
			}
		}
		if t.Cluster != nil {
			row.Field(fixed + len(cols)).SetInt(int64(t.Cluster[v]) + 1) // numbered from 1, as in every export
		}
		if err := pw.Write(row.Addr().Interface()); err != nil {
			return err
		}
	}
	return pw.Close()
}

// setOptional sets the pointer field f to x, or to nil when !ok.
func setOptional[T any](f reflect.Value, x T, ok bool) {
	if !ok {
		f.SetZero()
		return
	}
	f.Set(reflect.ValueOf(&x))
}

func validName(s string) bool {
	return s != "" && !strings.ContainsAny(s, "\",`\x00")
}

// ErrEdgeTable is wrapped by the error of a Parquet file that is not an
// edge table.
var ErrEdgeTable = errors.New("expected a Parquet edge table with integer or string columns source and target (and, optionally, a numeric weight)")

// ErrCorrupt is wrapped by the error of a Parquet file whose bytes do not
// hold what its own metadata says (the Parquet library failed on them).
var ErrCorrupt = errors.New("corrupt Parquet file")

// ReadGraph reads an edge table (top-level columns source and target,
// integers or strings, and optionally weight, a number; other columns are
// ignored), as edges.parquet has it, into a graph. Nodes are named by
// their labels in the order the table first gives them; a pair given
// twice is one edge with the last weight, self-loops are dropped, and a
// weight that is NaN, infinite or negative is an error wrapping
// formats.ErrWeight, as the edge-list reader does. A file whose row
// groups hold other counts of rows than its metadata says, or on which
// the Parquet library fails (panics included), is an error wrapping
// ErrCorrupt; so is one whose metadata declares more than its bytes hold
// (a Thrift list longer than the footer, a page past its column chunk, a
// page inflating more than 1,024-fold past 64 MiB, more rows than the
// file has bits), checked before the library allocates for it. Errors are *formats.ParseError with the row (1-based, as
// Line) and name the row group and column where known. The file is read
// whole into memory (the graph is larger).
func ReadGraph(r io.Reader, file string) (g *graph.Graph, err error) {
	ra, size, err := readerAt(r)
	if err != nil {
		return nil, err
	}
	// Where the reading is, for an error out of the library.
	var (
		group  = -1
		row    int64
		column string
	)
	fail := func(err error) error {
		where := ""
		if group >= 0 {
			where = fmt.Sprintf("row group %d: ", group)
		}
		if column != "" {
			where += "column " + column + ": "
		}
		return &formats.ParseError{File: file, Line: int(max(row, 1)), Err: fmt.Errorf("%s%w", where, err)}
	}
	defer func() {
		if p := recover(); p != nil {
			g, err = nil, fail(fmt.Errorf("%w: %v", ErrCorrupt, p))
		}
	}()
	if err := checkFrame(ra, size); err != nil {
		return nil, &formats.ParseError{File: file, Line: 1, Err: fmt.Errorf("not a Parquet file: %w", err)}
	}
	if err := checkFooter(ra, size, footerSize(ra, size)); err != nil {
		return nil, &formats.ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: footer: %w", ErrCorrupt, err)}
	}
	f, err := pq.OpenFile(ra, size, pq.SkipPageIndex(true), pq.SkipBloomFilters(true))
	if err != nil {
		return nil, &formats.ParseError{File: file, Line: 1, Err: fmt.Errorf("not a Parquet file: %w", err)}
	}
	if group, column, err = checkPages(ra, f); err != nil {
		return nil, fail(fmt.Errorf("%w: %w", ErrCorrupt, err))
	}
	group, column = -1, ""
	si, err1 := edgeColumn(f.Schema(), "source", labelKinds, true)
	ti, err2 := edgeColumn(f.Schema(), "target", labelKinds, true)
	wi, err3 := edgeColumn(f.Schema(), "weight", numberKinds, false)
	if err := errors.Join(err1, err2, err3); err != nil {
		return nil, &formats.ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: %w", ErrEdgeTable, err)}
	}
	b := netbuild.New()
	buf := make([]pq.Row, batch)
	for i, rg := range f.RowGroups() {
		group, column = i, ""
		declared, start := rg.NumRows(), row
		rows := rg.Rows()
		for {
			n, rerr := rows.ReadRows(buf)
			for _, r := range buf[:n] {
				row++
				column = "source"
				var v string
				u, err := label(r, si)
				if err == nil {
					column = "target"
					v, err = label(r, ti)
				}
				if err == nil && (u == "" || v == "") {
					err = errors.New("null source or target")
				}
				w := 1.0
				if err == nil && wi >= 0 {
					column = "weight"
					if w, err = number(r, wi); err == nil {
						err = formats.CheckWeight(w)
					}
				}
				if err != nil {
					rows.Close()
					return nil, fail(err)
				}
				column = ""
				b.Link(b.Node(u), b.Node(v), w)
			}
			if rerr == io.EOF {
				break
			}
			if rerr != nil {
				rows.Close()
				row++
				return nil, fail(fmt.Errorf("%w: %w", ErrCorrupt, rerr))
			}
			if row-start > declared {
				break
			}
		}
		rows.Close()
		if got := row - start; got != declared {
			return nil, fail(fmt.Errorf("%w: %d rows where the row group's header says %d", ErrCorrupt, got, declared))
		}
	}
	if row != f.NumRows() {
		group, column = -1, ""
		return nil, fail(fmt.Errorf("%w: %d rows where the file's footer says %d", ErrCorrupt, row, f.NumRows()))
	}
	return b.Graph()
}

// footerSize is the footer length in the file's last 8 bytes (checkFrame
// checked it).
func footerSize(r io.ReaderAt, size int64) int64 {
	var tail [4]byte
	if _, err := r.ReadAt(tail[:], size-8); err != nil {
		return 0
	}
	return int64(binary.LittleEndian.Uint32(tail[:]))
}

// checkFrame checks what the Parquet library trusts before it allocates:
// the magic bytes at both ends and a footer that fits in the file.
func checkFrame(r io.ReaderAt, size int64) error {
	if size < 12 {
		return fmt.Errorf("%d bytes", size)
	}
	var head, tail [8]byte
	if _, err := r.ReadAt(head[:4], 0); err != nil {
		return err
	}
	if _, err := r.ReadAt(tail[:], size-8); err != nil {
		return err
	}
	if string(head[:4]) != "PAR1" || string(tail[4:]) != "PAR1" {
		return errors.New("no PAR1 magic bytes at both ends (an encrypted file is not read)")
	}
	if n := int64(binary.LittleEndian.Uint32(tail[:4])); n > size-12 {
		return fmt.Errorf("%w: footer of %d bytes in a file of %d", ErrCorrupt, n, size)
	}
	return nil
}

var (
	labelKinds  = []pq.Kind{pq.Int32, pq.Int64, pq.ByteArray, pq.FixedLenByteArray}
	numberKinds = []pq.Kind{pq.Int32, pq.Int64, pq.Float, pq.Double}
)

// edgeColumn returns the leaf index of the top-level column name of s, a
// plain (not repeated, not nested) column of one of kinds; -1 when it is
// absent and not required.
func edgeColumn(s *pq.Schema, name string, kinds []pq.Kind, required bool) (int, error) {
	var field pq.Field
	for _, f := range s.Fields() {
		if f.Name() == name {
			field = f
			break
		}
	}
	if field == nil {
		if required {
			return -1, fmt.Errorf("no column %s", name)
		}
		return -1, nil
	}
	leaf, ok := s.Lookup(name)
	if !ok || !field.Leaf() || leaf.MaxRepetitionLevel > 0 || field.Repeated() {
		return -1, fmt.Errorf("column %s is nested or repeated, want a plain value", name)
	}
	if k := field.Type().Kind(); !slices.Contains(kinds, k) {
		return -1, fmt.Errorf("column %s holds %v", name, k)
	}
	return leaf.ColumnIndex, nil
}

// value returns the value of column c in a row of flat columns; false
// when the row has none (a file whose pages hold fewer values than rows).
func value(r pq.Row, c int) (pq.Value, bool) {
	for _, v := range r {
		if v.Column() == c {
			return v, true
		}
	}
	return pq.Value{}, false
}

// errMissing is the error of a row without a value in a column: its
// pages hold fewer values than the row group's rows.
var errMissing = fmt.Errorf("%w: no value in the row (the column's pages hold fewer values than rows)", ErrCorrupt)

// label returns the value of column c as a node label ("" for null).
func label(r pq.Row, c int) (string, error) {
	v, ok := value(r, c)
	if !ok {
		return "", errMissing
	}
	switch v.Kind() {
	case pq.Int32, pq.Int64:
		return fmt.Sprint(v.Int64()), nil
	case pq.ByteArray, pq.FixedLenByteArray:
		return string(v.ByteArray()), nil
	}
	if v.IsNull() {
		return "", nil
	}
	return "", fmt.Errorf("%w: a %v value in a column of labels", ErrCorrupt, v.Kind())
}

// number returns the value of column c as a weight: 1 for null, as in an
// edge list without weights.
func number(r pq.Row, c int) (float64, error) {
	v, ok := value(r, c)
	if !ok {
		return 0, errMissing
	}
	switch v.Kind() {
	case pq.Int32, pq.Int64:
		return float64(v.Int64()), nil
	case pq.Float:
		return float64(v.Float()), nil
	case pq.Double:
		return v.Double(), nil
	}
	if v.IsNull() {
		return 1, nil
	}
	return 0, fmt.Errorf("%w: a %v value in a column of numbers", ErrCorrupt, v.Kind())
}

func readerAt(r io.Reader) (io.ReaderAt, int64, error) {
	if br, ok := r.(*bytes.Reader); ok {
		return br, br.Size(), nil
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, 0, err
	}
	return bytes.NewReader(b), int64(len(b)), nil
}
