package formats_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

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

// A named pipe (as /dev/stdout or a device) is written to, not replaced.
func TestWriteFilesNamedPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	done := make(chan error, 1)
	go func() {
		done <- WriteFiles(context.Background(), []string{fifo}, func(w []io.Writer) error { _, err := io.WriteString(w[0], "through the pipe"); return err })
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("WriteFiles did not return")
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the named pipe was replaced (%v)", err)
	}
	select {
	case s := <-got:
		if s != "through the pipe" {
			t.Errorf("the reader got %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("nothing came through the pipe")
	}
	// A device is written to, never replaced: one made here (a null
	// device), not the system's /dev/null, which a regression would
	// destroy.
	null := filepath.Join(dir, "null")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Logf("no device node test: %v", err)
		return
	}
	if err := WriteFiles(context.Background(), []string{null}, func(w []io.Writer) error { _, err := io.WriteString(w[0], "x"); return err }); err != nil {
		t.Errorf("writing a device: %v", err)
	}
	if fi, _ := os.Lstat(null); fi.Mode()&os.ModeDevice == 0 {
		t.Fatal("the device is no longer one")
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

// A replaced file keeps its permissions (a 0600 file stays private; 0640
// stays 0640), and a new file follows the umask, as a shell redirection
// would (issue 21, 22: every output became 0644).
func TestWriteFilesModes(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	write := func(path string) {
		t.Helper()
		if err := WriteFiles(context.Background(), []string{path}, func(w []io.Writer) error {
			_, err := io.WriteString(w[0], "new")
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	for _, mode := range []os.FileMode{0o600, 0o640, 0o604, 0o666} {
		p := filepath.Join(dir, "old"+mode.String())
		os.WriteFile(p, []byte("old"), 0o600)
		os.Chmod(p, mode)
		write(p)
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != mode {
			t.Errorf("replaced %v file: now %v, %v", mode, fi.Mode(), err)
		}
	}
	p := filepath.Join(dir, "new.graphml")
	write(p)
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("new file under umask 027: %v, %v; want -rw-r-----", fi.Mode(), err)
	}
	// Through a link, the file linked to keeps its mode.
	target := filepath.Join(dir, "target")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "link")
	os.Symlink(target, link)
	write(link)
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("file behind a link: %v, %v", fi.Mode(), err)
	}
}
