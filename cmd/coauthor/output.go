package main

import (
	"bufio"
	"io"

	"coauthor/graph/formats"
)

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
	return formats.WriteFiles(e.ctx, []string{path}, func(w []io.Writer) error { return write(w[0]) })
}
