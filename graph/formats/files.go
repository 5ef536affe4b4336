package formats

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
)

// WriteFiles lets write fill the files at paths through buffers. Each is
// written to a temporary file in its directory and renamed over its path
// only when every one was written whole: a failure leaves whatever was at
// the paths untouched, and no partial file.
func WriteFiles(paths []string, write func([]io.Writer) error) (err error) {
	var temps []*os.File
	defer func() {
		for _, t := range temps {
			t.Close()
			if err != nil {
				os.Remove(t.Name())
			}
		}
	}()
	ws := make([]io.Writer, len(paths))
	bufs := make([]*bufio.Writer, len(paths))
	for i, p := range paths {
		t, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*.tmp")
		if err != nil {
			return err
		}
		temps = append(temps, t)
		bufs[i] = bufio.NewWriter(t)
		ws[i] = bufs[i]
	}
	if err := write(ws); err != nil {
		return err
	}
	for i, t := range temps {
		if err := errors.Join(bufs[i].Flush(), t.Chmod(0o644), t.Sync()); err != nil {
			return err
		}
	}
	for i, t := range temps {
		if err := os.Rename(t.Name(), paths[i]); err != nil {
			return err
		}
	}
	return nil
}
