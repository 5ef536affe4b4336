package readertest

import (
	"bufio"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/parse"
)

// RealFile is an export under a reader's testdata and the counts reading
// it must give (each test says how they were counted, with grep or
// Python, never with the reader).
type RealFile struct {
	Name string
	Want Counts
}

// RealFiles reads each file of files under testdata with the reader
// newReader makes, in a subtest named after the file: parse.Detect, given
// detectAs as the name (the file's own name less ".gz" when detectAs is
// "") and the content, must find format, and the counts must be the
// file's Want. each, when not nil, is then called with the file and its
// papers for the checks of one reader.
func RealFiles[R parse.Reader](t *testing.T, format, detectAs string, newReader func(io.Reader, parse.ReadOptions) R,
	files []RealFile, each func(t *testing.T, f RealFile, papers []*parse.Paper)) {
	t.Helper()
	for _, f := range files {
		t.Run(f.Name, func(t *testing.T) {
			br := bufio.NewReader(Open(t, filepath.Join("testdata", f.Name)))
			name := detectAs
			if name == "" {
				name = strings.TrimSuffix(f.Name, ".gz")
			}
			if got := parse.Detect(name, br); got != format {
				t.Errorf("Detect = %s, want %s", got, format)
			}
			got, papers := Count(t, newReader(br, parse.ReadOptions{File: f.Name}))
			if got != f.Want {
				t.Errorf("got %+v, want %+v", got, f.Want)
			}
			if each != nil {
				each(t, f, papers)
			}
		})
	}
}
