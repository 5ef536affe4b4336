// Command pqdump prints the rows of a Parquet file as JSON lines, one object
// per row, so the hand check's Python scripts can read coauthor's
// "export -to parquet" tables (authors, authorships, works).
//
//	go run ./parse/identity/testdata/handcheck/pqdump FILE.parquet > FILE.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/parquet-go/parquet-go"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: pqdump FILE.parquet")
		os.Exit(2)
	}
	if err := dump(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "pqdump:", err)
		os.Exit(1)
	}
}

func dump(path string, w io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := parquet.NewReader(f)
	defer r.Close()
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	for {
		row := map[string]any{}
		if err := r.Read(&row); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := enc.Encode(row); err != nil {
			return err
		}
	}
	return bw.Flush()
}
