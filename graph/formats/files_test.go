package formats_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	. "coauthor/graph/formats"
)

// A failed write leaves what was at the path, even when one of two files
// cannot be made; nothing partial is left beside it.
func TestWriteFilesFailureKeepsOutputs(t *testing.T) {
	dir := t.TempDir()
	nodes, edges := filepath.Join(dir, "nodes.csv"), filepath.Join(dir, "edges.csv")
	os.WriteFile(nodes, []byte("old nodes"), 0o644)
	os.Mkdir(edges, 0o755) // edges.csv cannot be written
	err := WriteFiles(context.Background(), []string{nodes, edges}, func(w []io.Writer) error {
		io.WriteString(w[0], "new nodes")
		io.WriteString(w[1], "new edges")
		return nil
	})
	if err == nil {
		t.Fatal("writing over a directory succeeded")
	}
	if b, _ := os.ReadFile(nodes); string(b) != "old nodes" {
		t.Errorf("nodes.csv is %q after a failed write, want the old content", b)
	}
	failed := WriteFiles(context.Background(), []string{nodes}, func(w []io.Writer) error {
		io.WriteString(w[0], "partial")
		return errors.New("boom")
	})
	if failed == nil {
		t.Fatal("the write's error was lost")
	}
	if b, _ := os.ReadFile(nodes); string(b) != "old nodes" {
		t.Errorf("nodes.csv is %q after a failed write", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}

// A context ended mid-write (SIGTERM) leaves the old file and no
// temporary one.
func TestWriteFilesCanceled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.graphml")
	os.WriteFile(path, []byte("old"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	err := WriteFiles(ctx, []string{path}, func(w []io.Writer) error {
		buf := make([]byte, 1<<16)
		for i := 0; i < 100; i++ {
			if i == 10 {
				cancel()
			}
			if _, err := w[0].Write(buf); err != nil {
				return err
			}
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("file is %d bytes after an interrupted write, want the old one", len(b))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// A symbolic link stays a link: the file it points to is replaced.
func TestWriteFilesThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "real.json"), filepath.Join(dir, "link.json")
	os.WriteFile(target, []byte("old"), 0o644)
	os.Symlink("real.json", link)
	if err := WriteFiles(context.Background(), []string{link}, func(w []io.Writer) error { _, err := io.WriteString(w[0], "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file (%v)", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target holds %q, want new", b)
	}
}

// CheckOutputs refuses, before any work, an output that is an input or
// whose directory is missing.
func TestCheckOutputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "same.json")
	os.WriteFile(in, []byte("{}"), 0o644)
	link := filepath.Join(dir, "alias.json")
	os.Symlink(in, link)
	var bad *BadOutput
	for _, out := range []string{in, link, filepath.Join(dir, ".", "same.json"), filepath.Join(dir, "missing", "dir", "x.graphml")} {
		if err := CheckOutputs([]string{out}, []string{in}); !errors.As(err, &bad) {
			t.Errorf("CheckOutputs(%s) = %v, want a BadOutput", out, err)
		}
	}
	for _, out := range []string{"-", filepath.Join(dir, "new.json"), "/dev/null", "/dev/stdout"} {
		if err := CheckOutputs([]string{out}, []string{in}); err != nil {
			t.Errorf("CheckOutputs(%s) = %v", out, err)
		}
	}
}
