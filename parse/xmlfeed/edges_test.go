package xmlfeed

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"coauthor/parse"
	"coauthor/parse/internal/text"
)

func readString(src string) ([]*parse.Paper, error) {
	return readEvery(NewReader(strings.NewReader(src), parse.ReadOptions{File: "x.xml"}))
}

func wantFatal(t *testing.T, name string, papers []*parse.Paper, err error, nPapers, line int) {
	t.Helper()
	var pe *parse.ParseError
	if len(papers) != nPapers || !errors.As(err, &pe) || !pe.Fatal || pe.Line != line || pe.File != "x.xml" {
		t.Errorf("%s: papers %d, error %v; want %d papers and a fatal error at line %d", name, len(papers), err, nPapers, line)
	}
}

const rec = "<article><author>Ann Lee</author><title>T</title><year>2001</year></article>\n"

// Records after the end of dblp.xml, or a dblp.xml cut before </dblp>,
// were dropped without a word.
func TestDBLPEnd(t *testing.T) {
	papers, err := readString("<dblp>\n" + rec + "</dblp>\n" + rec)
	wantFatal(t, "after </dblp>", papers, err, 1, 4)
	papers, err = readString("<dblp>\n" + rec + rec)
	wantFatal(t, "no </dblp>", papers, err, 2, 4)
	papers, err = readString("<?xml version=\"1.0\"?>\n<dblp>\n" + rec + "</dblp>\n<!-- end -->\n")
	if len(papers) != 1 || err != nil {
		t.Errorf("papers %d, error %v", len(papers), err)
	}
	// The same through encoding/xml (an arXiv feed).
	entry := "<entry><title>T</title><author><name>Ann Lee</name></author></entry>\n"
	papers, err = readString("<feed>\n" + entry + "</feed>\n" + entry)
	wantFatal(t, "after </feed>", papers, err, 1, 4)
}

// A single DBLP record, as dblp.org/rec/KEY.xml gives it without <dblp>.
func TestDBLPSingleRecord(t *testing.T) {
	papers, err := readString("<?xml version=\"1.0\"?>\n<inproceedings key=\"conf/x/Lee01\"><author>Ann Lee 0001</author><author>Bob Kay</author><title>T.</title><year>2001</year></inproceedings>\n")
	if err != nil || len(papers) != 1 || len(papers[0].Authors) != 2 || papers[0].IDs[0] != "dblp:Ann Lee 0001" || papers[0].Year != 2001 {
		t.Errorf("papers %+v, error %v", papers, err)
	}
}

// Deeply nested elements once kept their text at every level (810 KB:
// 8.7 GB); nesting is now bounded and each text kept once.
func TestDeepNestingBounded(t *testing.T) {
	n := 50000
	src := "<feed><entry><title>T</title>" + strings.Repeat("<a>xxxxxxxxxxxxxxxx", n) + strings.Repeat("</a>", n) + "</entry></feed>"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	papers, err := readString(src)
	runtime.ReadMemStats(&after)
	var le *text.LimitError
	if len(papers) != 0 || !errors.As(err, &le) || le.What != "nesting of elements" {
		t.Errorf("papers %d, error %v; want the nesting limit", len(papers), err)
	}
	// The work is bounded by the bytes allocated; the time is logged.
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("read in %v, %d MB allocated", time.Since(start), alloc>>20)
	if alloc > 32<<20 {
		t.Errorf("allocated %d MB", alloc>>20)
	}
	// Nesting within the limit keeps the text once, in order.
	papers, err = readString("<feed><entry><title>A <i>b <b>c</b></i> d</title><author><name>Ann Lee</name></author></entry></feed>")
	if err != nil || len(papers) != 1 || papers[0].Title != "A b c d" {
		t.Errorf("papers %+v, error %v", papers, err)
	}
}

// A field longer than the limit is reported, not gathered.
func TestDBLPLongFieldBounded(t *testing.T) {
	papers, err := readString("<dblp>\n<article><author>" + strings.Repeat("x", text.MaxField+2<<20) + "</author></article></dblp>")
	var le *text.LimitError
	if len(papers) != 0 || !errors.As(err, &le) {
		t.Errorf("papers %d, error %v; want a limit", len(papers), err)
	}
}

// Text between two tags is bounded too: encoding/xml gathers it whole
// (200 MB of zeros once took 550 MB).
func TestLongTextBounded(t *testing.T) {
	papers, err := readString("<feed>" + strings.Repeat("x", text.MaxRecord+2<<20) + "</feed>")
	var le *text.LimitError
	if len(papers) != 0 || !errors.As(err, &le) {
		t.Errorf("papers %d, error %v; want a limit", len(papers), err)
	}
}
