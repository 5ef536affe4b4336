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

	"coauthor/parse/identity"
	"coauthor/parse/identity/groundtruth"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	files := os.Args[1:]
	if len(files) == 0 {
		dir := sharedData()
		if dir == "" {
			fmt.Fprintln(os.Stderr, "orcidtruth: no shared/data in this directory or one above it; name the files")
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

// sharedData returns the nearest shared/data directory at or above the
// working directory, "" when there is none.
func sharedData() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if fi, err := os.Stat(filepath.Join(dir, "shared", "data")); err == nil && fi.IsDir() {
			return filepath.Join(dir, "shared", "data")
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}
