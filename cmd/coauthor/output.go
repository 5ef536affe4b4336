package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
)

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeTable writes rows as columns aligned with spaces; the first row is
// the header.
func writeTable(w io.Writer, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, row := range rows {
		io.WriteString(tw, strings.Join(row, "\t")+"\n")
	}
	return tw.Flush()
}

// formatValue prints a measure for a table: whole numbers as such, others
// with four significant digits.
func formatValue(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

// writeOutput lets write fill the file at path, or standard output when
// path is "-".
func writeOutput(e *env, path string, write func(io.Writer) error) error {
	if path == "-" {
		bw := bufio.NewWriter(e.stdout)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	return writeFiles([]string{path}, func(w []io.Writer) error { return write(w[0]) })
}

// writeFiles lets write fill the files at paths, each written to a
// temporary file in its directory and renamed over the path only when
// every one was written whole: a failure leaves whatever was at the paths
// untouched, and no partial file.
func writeFiles(paths []string, write func([]io.Writer) error) (err error) {
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
