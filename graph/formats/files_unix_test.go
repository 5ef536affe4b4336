//go:build unix

package formats_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	. "coauthor/graph/formats"
)

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

// A file with another hard link is rewritten in place: both names show
// the new content, the inode and its link count stay, and no temporary
// file is left.
func TestWriteFilesHardLink(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	if err := os.WriteFile(a, []byte("old content, longer than the new"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(a, b); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	before, _ := os.Stat(a)
	if err := WriteFiles(context.Background(), []string{a}, func(w []io.Writer) error { _, err := io.WriteString(w[0], "new"); return err }); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{a, b} {
		if got, err := os.ReadFile(p); err != nil || string(got) != "new" {
			t.Errorf("%s holds %q (%v), want \"new\"", filepath.Base(p), got, err)
		}
	}
	after, err := os.Stat(a)
	if err != nil || !os.SameFile(before, after) || after.Sys().(*syscall.Stat_t).Nlink != 2 || after.Mode().Perm() != 0o640 {
		t.Errorf("a.json is another file, lost a link or its mode: %v", after)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d files in the directory, want a.json and b.json", len(entries))
	}
}

// A replaced file keeps its permissions (a 0600 file stays private; 0640

// When the copy into a hard-linked file fails (here the name became a
// directory while the output was written), the whole output is not
// removed with the temporary file: the error names the file that holds
// it.
func TestWriteFilesHardLinkCopyFails(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	if err := os.WriteFile(a, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(a, b); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	err := WriteFiles(context.Background(), []string{a}, func(w []io.Writer) error {
		if err := os.Remove(a); err != nil {
			return err
		}
		if err := os.Mkdir(a, 0o755); err != nil {
			return err
		}
		_, err := io.WriteString(w[0], "new")
		return err
	})
	if err == nil {
		t.Fatal("no error copying into a directory")
	}
	kept := ""
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			kept = filepath.Join(dir, e.Name())
		}
	}
	if got, rerr := os.ReadFile(kept); kept == "" || rerr != nil || string(got) != "new" || !strings.Contains(err.Error(), kept) {
		t.Errorf("error %v; temporary file %q holds %q (%v), want the whole output, named by the error", err, kept, got, rerr)
	}
}
