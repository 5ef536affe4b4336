package formats

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// WriteFiles lets write fill the files at paths through buffers.
// A regular file (or a path not there yet) is written to a temporary file
// in its directory and renamed over its path only when every one was
// written whole: a failure, or ctx ending mid-write, leaves whatever was at
// the paths untouched, and no partial file. A symbolic link stays one: the
// file it points to is replaced. What is not a regular file (a device such
// as /dev/stdout or /dev/null, a named pipe) is written to directly and
// never removed. A file replaced keeps its permissions and, where the
// system lets this process set them, its owner and group; a new file's
// permissions follow the umask (0666 less it), as a file a shell
// redirection makes. A file with other hard links is rewritten in place
// instead, so that every link keeps seeing it: the temporary file, once
// whole and synced, is copied into it (truncated first) and removed; an
// interruption during that copy can leave it partial, and when the copy
// fails the temporary file is kept and the error names it.
func WriteFiles(ctx context.Context, paths []string, write func([]io.Writer) error) (err error) {
	type out struct {
		f    *os.File
		temp bool        // f is a temporary file to rename to final
		path string      // the path f replaces
		old  os.FileInfo // the file at path, nil for none
		buf  *bufio.Writer
	}
	var outs []*out
	defer func() {
		for _, o := range outs {
			o.f.Close()
			if err != nil && o.temp {
				os.Remove(o.f.Name())
			}
		}
	}()
	ws := make([]io.Writer, len(paths))
	for i, p := range paths {
		o := &out{path: p}
		if target, regular, err := resolve(p); err != nil {
			return err
		} else if regular {
			o.path, o.temp = target, true
			o.old, _ = os.Stat(target)
			perm := os.FileMode(0o666) // less the umask, as the system applies it
			if o.old != nil {
				perm = 0o600 // until written: then the old file's permissions
			}
			if o.f, err = createTemp(filepath.Dir(target), "."+filepath.Base(target)+".", ".tmp", perm); err != nil {
				return err
			}
		} else if o.f, err = os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0); err != nil {
			return err // (O_APPEND: /dev/stdout reopens the file behind standard output, at its start without it)
		}
		outs = append(outs, o)
		o.buf = bufio.NewWriter(ctxWriter{ctx, o.f})
		ws[i] = o.buf
	}
	if err := write(ws); err != nil {
		return err
	}
	for _, o := range outs {
		if err := o.buf.Flush(); err != nil {
			return err
		}
		if o.temp && o.old != nil {
			if err := o.f.Chmod(o.old.Mode().Perm()); err != nil {
				return err
			}
			chown(o.f, o.old) // best effort: only root may give a file away
		}
		if o.temp {
			if err := o.f.Sync(); err != nil {
				return err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, o := range outs {
		switch {
		case o.temp && o.old != nil && links(o.old) > 1:
			if err := copyInto(o.f, o.path); err != nil {
				// path may be truncated or partial: the temporary file,
				// whole and synced, is kept and named.
				o.temp = false
				return fmt.Errorf("%w; the whole output is in %s", err, o.f.Name())
			}
			o.f.Close()
			os.Remove(o.f.Name())
			o.temp = false
		case o.temp:
			if err := os.Rename(o.f.Name(), o.path); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyInto copies the whole of f into the existing file path, truncated
// first, and syncs it: the file keeps its inode and so its hard links.
func copyInto(f *os.File, path string) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	dst, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, f); err != nil {
		dst.Close()
		return err
	}
	if err := dst.Sync(); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// createTemp creates a new file in dir named prefix, a random number and
// suffix, with permissions perm less the umask (os.CreateTemp's are
// always 0600).
func createTemp(dir, prefix, suffix string, perm os.FileMode) (*os.File, error) {
	for range 10000 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10)+suffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, os.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("cannot make a temporary file in %s", dir)
}

// resolve follows symbolic links from path and returns the file they end
// at, and whether that is a regular file or a path not there yet (as
// opposed to a device, pipe or socket).
func resolve(path string) (string, bool, error) {
	if strings.HasPrefix(path, "/dev/") || strings.HasPrefix(path, "/proc/") {
		// /dev/stdout may lead to the file a shell opened for appending:
		// write through it, never replace it.
		return path, false, nil
	}
	target := path
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if t, err := filepath.EvalSymlinks(path); err == nil {
			target = t
		} else if t, err2 := os.Readlink(path); err2 == nil {
			// A dangling link: write the file it names.
			if !filepath.IsAbs(t) {
				t = filepath.Join(filepath.Dir(path), t)
			}
			target = t
		} else {
			return "", false, err
		}
	}
	fi, err := os.Stat(target)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return target, true, nil
	case err != nil:
		return "", false, err
	case fi.IsDir():
		return "", false, fmt.Errorf("%s is a directory", path)
	}
	return target, fi.Mode().IsRegular(), nil
}

// ctxWriter fails every write once ctx has ended, so that an interrupted
// export stops and leaves nothing behind.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// BadOutput is an output path refused before any work: a command-line
// mistake.
type BadOutput struct{ Msg string }

func (e *BadOutput) Error() string { return e.Msg }

// CheckOutputs checks, before any work is done, that each of paths can be
// written: its directory exists and takes new files, it is not a
// directory, and it is none of inputs (compared with os.SameFile, after
// following links). "-" (standard output) passes. A failed check is a
// *BadOutput.
func CheckOutputs(paths, inputs []string) error {
	for _, p := range paths {
		if p == "-" {
			continue
		}
		target, regular, err := resolve(p)
		if err != nil {
			return &BadOutput{fmt.Sprintf("cannot write -o %s: %v", p, err)}
		}
		if fi, err := os.Stat(target); err == nil {
			for _, in := range inputs {
				if fin, err := os.Stat(in); err == nil && os.SameFile(fi, fin) {
					return &BadOutput{fmt.Sprintf("-o %s is the input %s: write elsewhere", p, in)}
				}
			}
		}
		if !regular {
			continue
		}
		dir := filepath.Dir(target)
		fi, err := os.Stat(dir)
		if err != nil || !fi.IsDir() {
			return &BadOutput{fmt.Sprintf("cannot write -o %s: no directory %s", p, dir)}
		}
		f, err := os.CreateTemp(dir, ".coauthor-check.*")
		if err != nil {
			return &BadOutput{fmt.Sprintf("cannot write -o %s: %v", p, err)}
		}
		f.Close()
		os.Remove(f.Name())
	}
	return nil
}
