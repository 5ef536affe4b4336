// Command orcidtruth scores identity resolution against the ORCID iDs of
// real exports (see package groundtruth) and prints a Markdown table:
//
//	go run ./examples/orcidtruth ../shared/data/openalex/herreio-tu9-works-2022.json.gz ...
//
// With no arguments it scores the files of groundtruth.Files under
// shared/data in the working directory or the nearest one above it
// (../shared/data beside the repository).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"

	"coauthor/examples/shared"
	"coauthor/parse/identity"
	"coauthor/parse/identity/groundtruth"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	files := os.Args[1:]
	if len(files) == 0 {
		dir, err := shared.Dir()
		if err != nil {
			fmt.Fprintf(os.Stderr, "orcidtruth: %v; name the files\n", err)
			os.Exit(2)
		}
		for _, f := range groundtruth.Files {
			files = append(files, filepath.Join(dir, f))
		}
	}
	var results [][]groundtruth.Result
	var shown []string
	for _, f := range files {
		s, err := groundtruth.Load(ctx, f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "orcidtruth:", err)
			os.Exit(1)
		}
		results = append(results, groundtruth.Score(s, identity.Options{}))
		shown = append(shown, filepath.Base(f))
	}
	if err := groundtruth.Table(os.Stdout, shown, results); err != nil {
		fmt.Fprintln(os.Stderr, "orcidtruth:", err)
		os.Exit(1)
	}
}
