package parquet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"

	"coauthor/graph"
	"coauthor/graph/formats"
)

// edgeFile returns a small valid edge table: the test graph's edges.
func edgeFile(t testing.TB) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteEdges(&b, fuzzGraph(t)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// writeRows writes rows of type T as a Parquet file.
func writeRows[T any](t *testing.T, rows []T) []byte {
	t.Helper()
	var b bytes.Buffer
	w := pq.NewGenericWriter[T](&b)
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sameGraph reports whether a and b have the same nodes (names, in
// order) and edges (ends and weights).
func sameGraph(a, b *graph.Graph) bool {
	if a.N() != b.N() || a.M() != b.M() {
		return false
	}
	for v := range int32(a.N()) {
		if a.Node(v).Name != b.Node(v).Name {
			return false
		}
	}
	for e := range int32(a.M()) {
		x, y := a.Edge(e), b.Edge(e)
		if x.U != y.U || x.V != y.V || x.Weight != y.Weight {
			return false
		}
	}
	return true
}

// TestReadGraphCorruptBytes changes each byte of a valid file in turn
// (two ways): no panic, and either a positioned error or the graph the
// file held.
func TestReadGraphCorruptBytes(t *testing.T) {
	file := edgeFile(t)
	want, err := ReadGraph(bytes.NewReader(file), "edges.parquet")
	if err != nil {
		t.Fatal(err)
	}
	unit := unitWeights(want)
	var errs, same int
	for i := range file {
		for _, x := range []byte{0xff, 0x01} {
			b := bytes.Clone(file)
			b[i] ^= x
			g, err := ReadGraph(bytes.NewReader(b), "edges.parquet")
			if err != nil {
				var pe *formats.ParseError
				if !errors.As(err, &pe) || pe.File != "edges.parquet" || pe.Line < 1 {
					t.Fatalf("byte %d ^ %#x: error %v is not positioned", i, x, err)
				}
				errs++
				continue
			}
			if !sameGraph(g, want) && !(noWeight(b) && sameGraph(g, unit)) {
				t.Fatalf("byte %d ^ %#x: read a different graph (%d nodes, %d edges) without an error", i, x, g.N(), g.M())
			}
			same++
		}
	}
	t.Logf("%d bytes, 2 changes each: %d errors, %d reads of the same graph", len(file), errs, same)
	if errs == 0 {
		t.Error("no change gave an error")
	}
}

// noWeight reports whether file has no column weight (a change to the
// footer can rename it: the file then holds the graph with weights 1).
func noWeight(file []byte) bool {
	f, err := pq.OpenFile(bytes.NewReader(file), int64(len(file)), pq.SkipPageIndex(true), pq.SkipBloomFilters(true))
	if err != nil {
		return false
	}
	_, ok := f.Schema().Lookup("weight")
	return !ok
}

// unitWeights returns g with every weight 1.
func unitWeights(g *graph.Graph) *graph.Graph {
	nodes := make([]graph.Node, g.N())
	for v := range nodes {
		nodes[v] = g.Node(int32(v))
	}
	edges := make([]graph.Edge, g.M())
	for e := range edges {
		edges[e] = g.Edge(int32(e))
		edges[e].Weight = 1
	}
	u, _ := graph.FromEdges(nodes, edges)
	return u
}

// A nested column before source is skipped, not taken for source.
type nestedFirst struct {
	Meta struct {
		A int32 `parquet:"a"`
		B int32 `parquet:"b"`
	} `parquet:"meta"`
	Source string  `parquet:"source"`
	Target string  `parquet:"target"`
	Weight float64 `parquet:"weight"`
}

func TestReadGraphSchema(t *testing.T) {
	rows := []nestedFirst{{Source: "a", Target: "b", Weight: 1}, {Source: "b", Target: "c", Weight: 2}}
	for i := range rows {
		rows[i].Meta.A, rows[i].Meta.B = int32(10+i), int32(20+i)
	}
	g, err := ReadGraph(bytes.NewReader(writeRows(t, rows)), "nested.parquet")
	if err != nil {
		t.Fatal(err)
	}
	if g.N() != 3 || g.M() != 2 || g.Node(0).Name != "a" || g.Node(2).Name != "c" || g.Edge(1).Weight != 2 {
		t.Errorf("read %d nodes (%q first), %d edges; want a, b, c and 2 edges", g.N(), g.Node(0).Name, g.M())
	}

	type nestedSource struct {
		Source struct {
			ID int32 `parquet:"id"`
		} `parquet:"source"`
		Target int32 `parquet:"target"`
	}
	type listSource struct {
		Source []int32 `parquet:"source,list"`
		Target int32   `parquet:"target"`
	}
	type boolTarget struct {
		Source int32 `parquet:"source"`
		Target bool  `parquet:"target"`
	}
	type stringWeight struct {
		Source int32  `parquet:"source"`
		Target int32  `parquet:"target"`
		Weight string `parquet:"weight"`
	}
	for name, file := range map[string][]byte{
		"nested source": writeRows(t, []nestedSource{{Target: 1}}),
		"list source":   writeRows(t, []listSource{{Source: []int32{1}, Target: 2}}),
		"bool target":   writeRows(t, []boolTarget{{Source: 1, Target: true}}),
		"string weight": writeRows(t, []stringWeight{{Source: 1, Target: 2, Weight: "1"}}),
	} {
		_, err := ReadGraph(bytes.NewReader(file), "x.parquet")
		if !errors.Is(err, ErrEdgeTable) {
			t.Errorf("%s: error %v, want ErrEdgeTable", name, err)
		}
	}
}

func TestReadGraphWeights(t *testing.T) {
	for _, w := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), -1} {
		file := writeRows(t, []Edge{{Source: 0, Target: 1, Weight: 1}, {Source: 1, Target: 2, Weight: w}})
		_, err := ReadGraph(bytes.NewReader(file), "w.parquet")
		var pe *formats.ParseError
		if !errors.Is(err, formats.ErrWeight) || !errors.As(err, &pe) || pe.Line != 2 {
			t.Errorf("weight %v: error %v, want ErrWeight at row 2", w, err)
		}
	}
}

// withRows returns file with its footer's row counts set to rows.
func withRows(t *testing.T, file []byte, rows int64) []byte {
	t.Helper()
	n := int(binary.LittleEndian.Uint32(file[len(file)-8:]))
	footer := file[len(file)-8-n : len(file)-8]
	var md format.FileMetaData
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), footer, &md); err != nil {
		t.Fatal(err)
	}
	md.NumRows = rows
	for i := range md.RowGroups {
		md.RowGroups[i].NumRows = rows
	}
	b, err := thrift.Marshal(new(thrift.CompactProtocol), &md)
	if err != nil {
		t.Fatal(err)
	}
	out := append(bytes.Clone(file[:len(file)-8-n]), b...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(b)))
	return append(out, "PAR1"...)
}

func TestReadGraphRowCount(t *testing.T) {
	file := edgeFile(t)
	if _, err := ReadGraph(bytes.NewReader(withRows(t, file, 3)), "x.parquet"); err != nil {
		t.Fatalf("the footer rewritten with its own count: %v", err) // 3 edges
	}
	for _, rows := range []int64{0, 1, 2, 4, 1 << 40} {
		g, err := ReadGraph(bytes.NewReader(withRows(t, file, rows)), "x.parquet")
		if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "rows") {
			n := -1
			if g != nil {
				n = g.M()
			}
			t.Errorf("footer says %d rows of 3: error %v (%d edges), want ErrCorrupt", rows, err, n)
		}
	}
}

// FuzzParquet: no panic, nor more than 256 MB allocated; an error is a
// positioned ParseError; a graph read has no self-loop and only finite
// weights of 0 or more.
func FuzzParquet(f *testing.F) {
	var b bytes.Buffer
	if err := WriteEdges(&b, fuzzGraph(f)); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("PAR1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		g, err := ReadGraph(bytes.NewReader(data), "f.parquet")
		runtime.ReadMemStats(&ms)
		if a := ms.TotalAlloc - before; a > 256<<20 {
			t.Fatalf("%d MB allocated for %d bytes", a>>20, len(data))
		}
		if err != nil {
			var pe *formats.ParseError
			if !errors.As(err, &pe) || pe.File != "f.parquet" {
				t.Fatalf("error %v is not a positioned ParseError", err)
			}
			return
		}
		for e := range int32(g.M()) {
			ed := g.Edge(e)
			if ed.U == ed.V || formats.CheckWeight(ed.Weight) != nil {
				t.Fatalf("edge %+v", ed)
			}
		}
	})
}

// fuzzGraph is Ann, Bo, Cy and Di with three edges.
func fuzzGraph(t testing.TB) *graph.Graph {
	g, err := graph.FromEdges([]graph.Node{{Name: "Ann"}, {Name: "Bo"}, {Name: "Cy"}, {Name: "Di"}},
		[]graph.Edge{{U: 0, V: 1, Weight: 2, Papers: 2}, {U: 1, V: 2, Weight: 0.5, Papers: 1}, {U: 0, V: 3, Weight: 1, Papers: 1}})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// The library allocates what the metadata declares: a page header saying
// 554 MB uncompressed in a file of 950 bytes (found by FuzzParquet), a
// footer list of 2^30 schema elements in a footer of 8 bytes. Both are
// refused before it does, as corrupt, in a few kilobytes.
func TestReadGraphBounds(t *testing.T) {
	corpus, err := os.ReadFile("testdata/fuzz/FuzzParquet/page-inflates-554MB")
	if err != nil {
		t.Fatal(err)
	}
	quoted := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(strings.SplitN(string(corpus), "\n", 2)[1]), "[]byte("), ")")
	page, err := strconv.Unquote(quoted)
	if err != nil {
		t.Fatal(err)
	}
	// Field 1 (version, i32 1), field 2 (schema): a list of structs whose
	// size, 2^30, follows as a varint.
	footer := []byte{0x15, 0x02, 0x29, 0xfc, 0x80, 0x80, 0x80, 0x80, 0x04, 0x00}
	list := append([]byte("PAR1"), footer...)
	list = binary.LittleEndian.AppendUint32(list, uint32(len(footer)))
	list = append(list, "PAR1"...)
	for name, data := range map[string][]byte{"page": []byte(page), "footer list": list} {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		_, err := ReadGraph(bytes.NewReader(data), "f.parquet")
		runtime.ReadMemStats(&ms)
		if !errors.Is(err, ErrCorrupt) || !errors.Is(err, errBounds) {
			t.Errorf("%s: error %v, want ErrCorrupt of metadata larger than the file", name, err)
		}
		if a := ms.TotalAlloc - before; a > 1<<20 {
			t.Errorf("%s: %d bytes allocated", name, a)
		}
		t.Logf("%s: %v", name, err)
	}
}

// A footer of lists nested a byte each (a list holding a list holding
// ... an empty list), or of maps each keyed by the next, is refused at
// maxThriftDepth as structs are, not walked one stack frame per byte of
// the file (well formed: without the depth check it is read to its end).
func TestSkimNestedLists(t *testing.T) {
	const deep = 100_000
	list := []byte{0x19} // field 1, a list
	for range deep {
		list = append(list, 0x19) // of one list
	}
	list = append(list, 0x09, 0x00) // an empty list; end of the struct
	m := []byte{0x1b}               // field 1, a map
	for range deep {
		m = append(m, 0x01, 0xbb) // of one entry, map to map
	}
	m = append(m, 0x00) // the innermost key: an empty map
	for range deep {
		m = append(m, 0x00) // each entry's value: an empty map
	}
	m = append(m, 0x00) // end of the struct
	for _, b := range [][]byte{list, m} {
		s := &skim{b: b}
		if err := s.structure(nil); !errors.Is(err, errBounds) || s.depth != 0 {
			t.Errorf("type %d nested %d deep: %v (depth %d after), want errBounds", b[0]&0x0f, deep, err, s.depth)
		}
	}
}
