package bibtex

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"coauthor/parse"
	"coauthor/parse/internal/readertest"
	"coauthor/parse/internal/text"
)

func readAll(t *testing.T, src string) (papers []*parse.Paper, errs []error) {
	t.Helper()
	r := NewReader(strings.NewReader(src), parse.ReadOptions{File: "x.bib"})
	for i := 0; i < 1000; i++ {
		p, err := r.Read()
		if errors.Is(err, io.EOF) {
			return papers, errs
		}
		if err != nil {
			errs = append(errs, err)
			var pe *parse.ParseError
			if !errors.As(err, &pe) || pe.Fatal {
				return papers, errs
			}
			continue
		}
		papers = append(papers, p)
	}
	t.Fatal("the reader does not advance")
	return
}

// @string macros that double themselves: a file of a few hundred bytes
// once asked for gigabytes. The expansion is bounded and reported.
func TestStringDoublingBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("@string{m0 = {abcdefghijklmnop}}\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "@string{m%d = m%d # m%d}\n", i, i-1, i-1)
	}
	b.WriteString("@article{k, author = {Ann Lee}, title = m40 # m40 # m40}\n")
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	papers, errs := readAll(t, b.String())
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if len(papers) != 0 || len(errs) != 1 {
		t.Fatalf("papers %d, errors %v; want one error", len(papers), errs)
	}
	var pe *parse.ParseError
	var le *text.LimitError
	if !errors.As(errs[0], &pe) || !pe.Fatal || !errors.As(errs[0], &le) || pe.Line < 5 || pe.File != "x.bib" {
		t.Errorf("error %v: want a fatal ParseError naming the limit, file and line", errs[0])
	}
	// The work is bounded by the bytes allocated; the time is logged.
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("read in %v, %d MB allocated", time.Since(start), alloc>>20)
	if alloc > 64<<20 {
		t.Errorf("allocated %d MB", alloc>>20)
	}
}

// Many macros, each under the field limit, together over the limit of
// all macro text.
func TestManyMacrosBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("@string{m0 = {abcdefghijklmnop}}\n")
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&b, "@string{m%d = m%d # m%d}\n", i, i-1, i-1)
	}
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "@string{c%d = m20 # m20}\n", i)
	}
	_, errs := readAll(t, b.String())
	var le *text.LimitError
	if len(errs) != 1 || !errors.As(errs[0], &le) {
		t.Fatalf("errors %v; want the @string limit", errs)
	}
}

// Names are split at commas only outside LaTeX: "\," is a thin space,
// "\ " at the end a control space.
func TestNamesWithLaTeXSpaces(t *testing.T) {
	papers, errs := readAll(t, `@book{k, author = {J.\,R.\,R. Tolkien and Bob Kay\ and Tolkien, J.\,R.\,R.}, title = {T}}`)
	if len(errs) > 0 || len(papers) != 1 {
		t.Fatal(errs)
	}
	want := []string{"J. R. R. Tolkien", "Bob Kay", "J. R. R. Tolkien"}
	if got := papers[0].Authors; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("authors %q, want %q", got, want)
	}
}

// An '@' at the start of a line inside a value (an e-mail address) is
// text; "@type{" at the start of a line in an unclosed value is a new
// entry.
func TestAtLineStartInValue(t *testing.T) {
	src := "@article{a, author = {Ann Lee}, title = {T}, note = {write to ann\n@example.org or\n@ann on social media}}\n" +
		"@article{b, author = {Bob Kay}, title = {U, note = {unclosed}\n" +
		"@article{c, author = {Cy Dee}, title = {V}}\n"
	papers, errs := readAll(t, src)
	if len(papers) != 2 || papers[0].Title != "T" || papers[1].Title != "V" || len(errs) != 1 || !errors.Is(errs[0], ErrBibNested) {
		t.Errorf("papers %+v, errors %v; want a, c and one unbalanced-braces error for b", papers, errs)
	}
}

// Punctuation is not a name: ".", "-" and "..." once became authors and
// merged into one.
func TestPunctuationNamesDropped(t *testing.T) {
	papers, _ := readAll(t, "@article{a, author = {. and - and ... and ; and {!} and Ann Lee}, title = {T}}\n@article{b, author = {. and ...}, title = {U}}\n")
	if len(papers) != 1 || fmt.Sprint(papers[0].Authors) != "[Ann Lee]" {
		t.Errorf("papers %+v", papers)
	}
}

// Inputs the fuzzer found.
func TestFuzzFound(t *testing.T) {
	for _, src := range []string{
		"@(Author=\"\\b\\\")", // FuzzBibTeX: slice bounds out of range in latex.commandName
		"@{Author={\\,{0}\\b}}",
		"@{Author={\\,{0}\b}}",
		"@a{k,author={\\,}}",
		"@a{k,author={a\\}}",
	} {
		readertest.Fuzz(t, src, NewReader(strings.NewReader(src), parse.ReadOptions{}))
	}
}

// A value longer than the field limit is reported, not kept.
func TestLongValueBounded(t *testing.T) {
	src := "@article{a, author = {Ann Lee}, title = {" + strings.Repeat("x", text.MaxField+10) + "}}\n"
	_, errs := readAll(t, src)
	var le *text.LimitError
	if len(errs) != 1 || !errors.As(errs[0], &le) || le.What != "field value" {
		t.Errorf("errors %v", errs)
	}
}
