// Package export writes a Table in any of the graph-file formats by name,
// to files: one file, or two in a directory for CSV and VOSviewer. Files
// are replaced whole or not at all (formats.WriteFiles).
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"coauthor/graph"
	"coauthor/graph/formats"
	"coauthor/graph/formats/csvfiles"
	"coauthor/graph/formats/edgelist"
	"coauthor/graph/formats/gexf"
	"coauthor/graph/formats/gml"
	"coauthor/graph/formats/graphml"
	"coauthor/graph/formats/nodelink"
	"coauthor/graph/formats/pajek"
	"coauthor/graph/formats/parquet"
	"coauthor/graph/formats/vosviewer"
)

// Formats are the formats Write writes.
var Formats = []string{"graphml", "gexf", "json", "csv", "pajek", "vosviewer", "parquet"}

// Names are the formats' names for people, for help texts.
var Names = map[string]string{"graphml": "GraphML", "gexf": "GEXF", "json": "JSON", "csv": "CSV", "pajek": "Pajek",
	"vosviewer": "VOSviewer", "parquet": "Parquet"}

// extensions maps file extensions to formats.
var extensions = map[string]string{".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".net": "pajek"}

// FormatOf returns the format a path's extension names, "" for none.
func FormatOf(path string) string { return extensions[strings.ToLower(filepath.Ext(path))] }

// Files returns the names of the two files a format writes in a
// directory, and whether it does. Parquet writes two more,
// authorships.parquet and works.parquet, when the table has its papers
// (Table.Works).
func Files(format string) ([2]string, bool) {
	switch format {
	case "parquet":
		return [2]string{parquet.AuthorsFile, parquet.EdgesFile}, true
	case "csv":
		return [2]string{"nodes.csv", "edges.csv"}, true
	case "vosviewer":
		return [2]string{"map.txt", "network.txt"}, true
	}
	return [2]string{}, false
}

// Plan returns the format that -o out and -to give (from out's extension
// when to is ""; extra formats such as "dot", written elsewhere, are
// accepted too) and the files writing there makes, having checked them
// with formats.CheckOutputs against inputs: all before any work. A
// two-file format (csv, vosviewer) writes into a directory: out must be
// one, or a path without an extension, made when the files are written.
// Every error is a *formats.BadOutput.
func Plan(out, to string, inputs []string, extra ...string) (format string, paths []string, err error) {
	all := append(slices.Clone(Formats), extra...)
	bad := func(format string, args ...any) error { return &formats.BadOutput{Msg: fmt.Sprintf(format, args...)} }
	ext := strings.ToLower(filepath.Ext(out))
	format = to
	if format == "" {
		format = FormatOf(out)
		if ext == ".dot" || ext == ".gv" {
			format = "dot"
		}
	}
	pair, two := Files(format)
	fi, statErr := os.Stat(out)
	isDir := statErr == nil && fi.IsDir()
	switch {
	case out == "":
		return "", nil, bad("give -o FILE (a directory for csv and vosviewer, - for standard output)")
	case format == "" && (ext == ".csv" || ext == ".txt"):
		return "", nil, bad("cannot tell the format of %q: csv and vosviewer write two files into a directory: give -to and -o DIR", out)
	case format == "":
		return "", nil, bad("cannot tell the format of %q: give -to, one of %s", out, strings.Join(all, ", "))
	case !slices.Contains(all, format):
		return "", nil, bad("unknown export format %q: want one of %s", format, strings.Join(all, ", "))
	case two && out == "-":
		return "", nil, bad("%s writes two files (%s, %s): give -o a directory", format, pair[0], pair[1])
	case two && !isDir && ext != "":
		return "", nil, bad("%s writes two files (%s, %s) into a directory: give -o a directory path without an extension, not %s", format, pair[0], pair[1], out)
	case !two && isDir:
		return "", nil, bad("-o %s is a directory: %s writes one file", out, format)
	case !two:
		return format, []string{out}, formats.CheckOutputs([]string{out}, inputs)
	}
	paths = []string{filepath.Join(out, pair[0]), filepath.Join(out, pair[1])}
	if format == "parquet" {
		paths = append(paths, filepath.Join(out, parquet.AuthorshipsFile), filepath.Join(out, parquet.WorksFile))
	}
	if !isDir {
		// Made by Write: its parent must take it.
		return format, paths, formats.CheckOutputs([]string{out}, inputs)
	}
	return format, paths, formats.CheckOutputs(paths, inputs)
}

// Write writes t in format at path (a directory, made if need be, for a
// two-file format) and returns the paths written. A directory's set is
// replaced whole: the Parquet tables of papers an earlier export left
// there are removed when t has no papers (a graph file's export). It stops, leaving
// nothing written, when ctx ends.
func Write(ctx context.Context, format, path string, t *formats.Table) ([]string, error) {
	if pair, ok := Files(format); ok {
		if err := os.MkdirAll(path, 0o755); err != nil {
			return nil, err
		}
		paths := []string{filepath.Join(path, pair[0]), filepath.Join(path, pair[1])}
		if format == "parquet" {
			paths = paths[:0]
			for _, name := range parquet.Files(t) {
				paths = append(paths, filepath.Join(path, name))
			}
		}
		err := formats.WriteFiles(ctx, paths, func(w []io.Writer) error {
			switch format {
			case "parquet":
				return parquet.Write(w, t)
			case "csv":
				return csvfiles.Write(w[0], w[1], t)
			}
			return vosviewer.Write(w[0], w[1], t)
		})
		if err == nil && format == "parquet" {
			// The directory holds one set: a table of papers left from an
			// earlier export would not match the new authors.
			for _, name := range []string{parquet.AuthorshipsFile, parquet.WorksFile} {
				if p := filepath.Join(path, name); !slices.Contains(paths, p) {
					if rerr := os.Remove(p); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
						err = fmt.Errorf("removing %s of an earlier export: %w", p, rerr)
					}
				}
			}
		}
		return paths, err
	}
	return []string{path}, formats.WriteFiles(ctx, []string{path}, func(w []io.Writer) error { return WriteTo(w[0], format, t) })
}

// WriteTo writes t in a one-file format to w.
func WriteTo(w io.Writer, format string, t *formats.Table) error {
	switch format {
	case "graphml":
		return graphml.Write(w, t)
	case "gexf":
		return gexf.Write(w, t)
	case "json":
		return nodelink.Write(w, t)
	case "pajek":
		return pajek.Write(w, t)
	}
	if _, ok := Files(format); ok {
		return fmt.Errorf("%s writes two files: give a directory", format)
	}
	return fmt.Errorf("unknown export format %q: want one of %s", format, strings.Join(Formats, ", "))
}

// ReadGraph reads a graph file in format: "gml", "parquet" (an edge
// table, as export writes edges.parquet), "pajek" (a .net file) or, for
// any other, an edge list.
func ReadGraph(format string, r io.Reader, file string) (*graph.Graph, error) {
	switch format {
	case "gml":
		return gml.Read(r, file)
	case "parquet":
		return parquet.ReadGraph(r, file)
	case "pajek":
		return pajek.Read(r, file)
	}
	return edgelist.Read(r, file)
}
