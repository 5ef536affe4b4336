package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"io"
	"strings"
	"text/tabwriter"

	"coauthor/graph/formats"
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
	return formats.WriteFilesContext(e.ctx, []string{path}, func(w []io.Writer) error { return write(w[0]) })
}

// object is a JSON object whose keys keep their order: pairs of a key and
// a value that encoding/json marshals.
type object []any

func (o object) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i := 0; i+1 < len(o); i += 2 {
		k, err := json.Marshal(o[i])
		v, err2 := json.Marshal(o[i+1])
		if err = cmp.Or(err, err2); err != nil {
			return nil, err
		}
		b = append(append(append(append(b, k...), ':'), v...), ',')
	}
	return append(b[:max(1, len(b)-1)], '}'), nil
}
