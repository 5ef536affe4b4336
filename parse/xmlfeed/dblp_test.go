package xmlfeed

import (
	"bufio"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"coauthor/parse"
	"coauthor/parse/internal/readertest"
)

// readEvery reads r to the end or to its first error.
func readEvery(r parse.Reader) ([]*parse.Paper, error) {
	var out []*parse.Paper
	for {
		p, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, p)
	}
}

// The fast DBLP scanner gives the papers encoding/xml gives.
func TestDBLPScannerMatchesDecoder(t *testing.T) {
	for _, file := range []string{"../input/testdata/formats/dblp-sample.xml", "testdata/dblp-generated.xml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		fast := NewReader(strings.NewReader(string(data)), parse.ReadOptions{})
		if fast.fast == nil {
			t.Fatalf("%s: the fast scanner was not chosen", file)
		}
		slow := newXMLDecoderReader(strings.NewReader(string(data)))
		a, errA := readEvery(fast)
		b, errB := readEvery(slow)
		if errA != nil || errB != nil {
			t.Fatalf("%s: errors %v, %v", file, errA, errB)
		}
		if len(a) < 50 || !reflect.DeepEqual(a, b) {
			t.Errorf("%s: fast scanner read %d papers, encoding/xml %d, or they differ", file, len(a), len(b))
		}
		if fast.Unauthored() != slow.Unauthored() {
			t.Errorf("%s: without authors %d, want %d", file, fast.Unauthored(), slow.Unauthored())
		}
	}
}

// The scanner keeps its own buffer and counts lines once per record:
// given its input a byte at a time (a refill at every byte), it reads
// the same papers, with the same lines, and the same errors.
func TestDBLPScannerByteAtATime(t *testing.T) {
	oneByte := func(src string) *Reader {
		return &Reader{fast: newDBLPScanner(iotest.OneByteReader(strings.NewReader(src)), "x.xml")}
	}
	for _, file := range []string{"../input/testdata/formats/dblp-sample.xml", "testdata/dblp-generated.xml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		want, errA := readEvery(NewReader(strings.NewReader(string(data)), parse.ReadOptions{File: "x.xml"}))
		got, errB := readEvery(oneByte(string(data)))
		if errA != nil || errB != nil {
			t.Fatalf("%s: errors %v, %v", file, errA, errB)
		}
		if len(got) < 50 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: a byte at a time %d papers, whole %d, or they differ", file, len(got), len(want))
		}
	}
	for _, tt := range dblpErrorTests {
		_, errA := readEvery(NewReader(strings.NewReader(tt.src), parse.ReadOptions{File: "x.xml"}))
		_, errB := readEvery(oneByte(tt.src))
		if errA == nil || errB == nil || errA.Error() != errB.Error() {
			t.Errorf("a byte at a time: %v, whole: %v", errB, errA)
		}
	}
}

var dblpErrorTests = func() []struct{ src, want string } {
	head := `<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<dblp>\n"
	return []struct{ src, want string }{
		{head + "<article><author>A</author><year>2001</article>\n</dblp>", "x.xml:4: malformed DBLP XML: element <year> closed by </article>"},
		{head + "<article><author>A &bogus; B</author></article>\n</dblp>", "x.xml:4: malformed DBLP XML: unknown entity &bogus;"},
		{head + "<article><author>A</author>", "x.xml:4: malformed DBLP XML: <article> not closed"},
		{`<?xml version="1.0" encoding="UTF-16"?><dblp></dblp>`, `unsupported encoding "UTF-16"`},
		{head + "<article><author>A</author>\n<title>T\n\n</title>\n<ee>x</ee></article>\n<article>\n<title>T</title>\n</book>\n</dblp>", "x.xml:11: malformed DBLP XML: element <article> closed by </book>"},
		{head + "<article key=\"a>\n<author>A</author></article>\n<article key=\"b\"><author>B</author></article>\n</dblp>", "x.xml:4: malformed DBLP XML: '<' inside the quoted value of an attribute of <article>"},
	}
}()

func TestDBLPScannerErrors(t *testing.T) {
	for _, tt := range dblpErrorTests {
		r := NewReader(strings.NewReader(tt.src), parse.ReadOptions{File: "x.xml"})
		_, err := readEvery(r)
		var pe *parse.ParseError
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.As(err, &pe) || !pe.Fatal {
			t.Errorf("error %v, want fatal containing %q", err, tt.want)
		}
	}
}

// FuzzDBLP: wherever encoding/xml reads an input whole, the fast scanner
// reads the same papers.
func FuzzDBLP(f *testing.F) {
	readertest.AddFixtures(f, "../input/testdata/formats", "dblp-sample.xml")
	f.Add(`<?xml version="1.0" encoding="ISO-8859-1"?><dblp><article key="a"><author>J&uuml;rgen X 0001</author><title>A <i>b</i>&#233;.</title><year>1999</year></article><www><author>Y</author></www></dblp>`)
	f.Add("<dblp><inproceedings><author>\xe9 A</author><ee/></inproceedings></dblp>")
	f.Add(`<dblp><article mdkey="m/1" title='a key="x/y"' key = "j/a&amp;b>c"><author>A</author><ee x="1>2">e</ee></article></dblp>`)
	f.Fuzz(func(t *testing.T, src string) {
		br := bufio.NewReader(strings.NewReader(src))
		if rootElement(br) != "dblp" {
			return
		}
		want, errB := readEvery(newXMLDecoderReader(br))
		if errB != nil {
			return
		}
		got, errA := readEvery(NewReader(strings.NewReader(src), parse.ReadOptions{}))
		if errA != nil {
			t.Fatalf("the fast scanner failed where encoding/xml did not: %v", errA)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("fast scanner %+v\nencoding/xml %+v", got, want)
		}
	})
}

func FuzzXML(f *testing.F) {
	readertest.AddFixtures(f, "../input/testdata/formats", "*.xml")
	f.Add(`<?xml version="1.0" encoding="ISO-8859-1"?><dblp><article><author>J&uuml;rgen X 0001</author><year>1999</year></article><www><author>Y</author></www></dblp>`)
	f.Fuzz(func(t *testing.T, src string) {
		readertest.Fuzz(t, src, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	})
}

// countPapers reads r to its end and returns the number of papers, failing
// b on an error.
func countPapers(b *testing.B, r parse.Reader) int {
	n := 0
	for {
		_, err := r.Read()
		if err == io.EOF {
			return n
		}
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
}

// BenchmarkDBLP reads the generated sample with the fast scanner (MB/s;
// profile with -cpuprofile, and GOMAXPROCS=1 for one core).
func BenchmarkDBLP(b *testing.B) {
	data, err := os.ReadFile("testdata/dblp-generated.xml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := countPapers(b, NewReader(strings.NewReader(string(data)), parse.ReadOptions{}))
		if n < 50 {
			b.Fatalf("%d papers", n)
		}
	}
}

// A comment holding '>' is read to its "-->" even when what follows the
// '>' starts with '?' (it is no processing instruction), and CRLF line
// ends read as LF: the scanner gives what encoding/xml gives.
func TestDBLPScannerCommentAndCRLF(t *testing.T) {
	for _, src := range []string{
		"<dblp>\r\n<!-- a >?b -->\r\n<article key=\"x\"><author>A B</author><title>T</title></article></dblp>",
		"<dblp>\r\n<!-- a >?xml encoding=\"UTF-16\" -->\r\n<article key=\"x\"><author>A B</author><title>T</title></article></dblp>",
		"<dblp><article key=\"x\">\r\n<author>A\r\nB</author><title>T &amp;\r\nU.</title>\r\n</article>\r\n</dblp>\r\n",
	} {
		got, errA := readEvery(NewReader(strings.NewReader(src), parse.ReadOptions{}))
		want, errB := readEvery(newXMLDecoderReader(strings.NewReader(src)))
		if errA != nil || errB != nil || len(got) != 1 || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: fast %v %+v\nencoding/xml %v %+v", src, errA, got, errB, want)
		}
	}
}

// The key attribute is the attribute named key, not one whose name ends
// in key (mdkey, xkey) nor "key=" inside another's value; its value is
// read as encoding/xml reads it (spaces around '=', either quote,
// entities, a '>' inside the quotes).
func TestDBLPKeyAttribute(t *testing.T) {
	for _, tt := range []struct{ tag, want string }{
		{`<article key="journals/x/A01">`, "journals/x/A01"},
		{`<article mdkey="m/1" key="journals/x/A01">`, "journals/x/A01"},
		{`<article xkey="j/x" key="j/k">`, "j/k"},
		{`<article key="j/k" xkey="j/x">`, "j/k"},
		{`<article xkey="j/x">`, ""},
		{`<article mdate="2020-01-01" title='key="v"' key="j/k">`, "j/k"},
		{`<article title="a key=v" key="j/k">`, "j/k"},
		{`<article key = "j/k" mdate="2020">`, "j/k"},
		{"<article\n\tkey='j/k'\n>", "j/k"},
		{`<article key="j/a&amp;b&#233;">`, "j/a&bé"},
		{`<article key="j/a>b" mdate="2020">`, "j/a>b"},
		{`<article mdate="x>y" key="j/k">`, "j/k"},
		{`<article dblp:key="j/k">`, "j/k"},
		{"<article key=\"j/a&#13;b\">", "j/a\rb"},
		{"<article key=\"j/a\rb\">", ""}, // a line end: no key
	} {
		src := "<dblp>" + tt.tag + "<author>A B</author><title>T</title></article></dblp>"
		got, errA := readEvery(NewReader(strings.NewReader(src), parse.ReadOptions{}))
		want, errB := readEvery(newXMLDecoderReader(strings.NewReader(src)))
		if errA != nil || errB != nil || len(got) != 1 || len(want) != 1 {
			t.Errorf("%s: fast %v %d papers, encoding/xml %v %d", tt.tag, errA, len(got), errB, len(want))
			continue
		}
		if key := got[0].Meta.ID(parse.IDDBLP); key != tt.want || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: key %q, want %q (encoding/xml: %q)", tt.tag, key, tt.want, want[0].Meta.ID(parse.IDDBLP))
		}
	}
}

// BenchmarkDBLPFile reads the file named by $COAUTHOR_BENCH_FILE (coauthor
// gen -papers 1000000 -o dblp.xml) with the fast scanner alone, on one
// goroutine; skipped when it is not set.
func BenchmarkDBLPFile(b *testing.B) {
	name := os.Getenv("COAUTHOR_BENCH_FILE")
	if name == "" {
		b.Skip("COAUTHOR_BENCH_FILE names no file to read")
	}
	st, err := os.Stat(name)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	for b.Loop() {
		f, err := os.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		n := countPapers(b, NewReader(f, parse.ReadOptions{}))
		f.Close()
		b.ReportMetric(float64(n), "papers")
	}
}

func TestASCIIPrefix(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"", 0}, {"abc", 3}, {"\xe9", 0}, {"abcdefg\xe9", 7}, {"abcdefgh\xe9", 8},
		{"abcdefghijklmnopq", 17}, {"abcdefghijk\xfclmnop", 11}, {"J\xfcrgen", 1},
	} {
		if got := asciiPrefix([]byte(tt.s)); got != tt.want {
			t.Errorf("asciiPrefix(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// A directive ends where encoding/xml ends it: at the '>' that closes its
// nested brackets, quotes aside, its first byte taken as it is (FuzzDBLP
// found "<dblp><!><>></dblp>": one directive "><>").
func TestDBLPDirective(t *testing.T) {
	for _, src := range []string{
		`<dblp><!><>></dblp>`,
		`<!DOCTYPE dblp [<!ENTITY e "a>b"> <!ELEMENT x ANY>]><dblp><article key="a"><author>A B</author><title>T</title><year>2001</year></article></dblp>`,
		`<dblp><!DOCTYPE x '>'><article key="a"><author>A B</author><title>T</title></article></dblp>`,
	} {
		want, errB := readEvery(newXMLDecoderReader(bufio.NewReader(strings.NewReader(src))))
		got, errA := readEvery(NewReader(strings.NewReader(src), parse.ReadOptions{}))
		if errA != nil || errB != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: fast scanner %+v (%v), encoding/xml %+v (%v)", src, got, errA, want, errB)
		}
	}
}
