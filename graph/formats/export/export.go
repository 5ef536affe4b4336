// Package export writes a Table in any of the graph-file formats by name,
// to files: one file, or two in a directory for CSV and VOSviewer. Files
// are replaced whole or not at all (formats.WriteFiles).
package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
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

// extensions maps file extensions to formats.
var extensions = map[string]string{".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".net": "pajek"}

// FormatOf returns the format a path's extension names, "" for none.
func FormatOf(path string) string { return extensions[strings.ToLower(filepath.Ext(path))] }

// Files returns the names of the two files a format writes in a
// directory, and whether it does. Parquet writes a third,
// authorships.parquet, when the table has its papers (Table.Works).
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

// Write writes t in format at path (a directory, made if need be, for a
// two-file format) and returns the paths written.
func Write(format, path string, t *formats.Table) ([]string, error) {
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
		return paths, formats.WriteFiles(paths, func(w []io.Writer) error {
			switch format {
			case "parquet":
				return parquet.Write(w, t)
			case "csv":
				return csvfiles.Write(w[0], w[1], t)
			}
			return vosviewer.Write(w[0], w[1], t)
		})
	}
	return []string{path}, formats.WriteFiles([]string{path}, func(w []io.Writer) error { return WriteTo(w[0], format, t) })
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
// table, as export writes edges.parquet) or, for any other, an edge list.
func ReadGraph(format string, r io.Reader, file string) (*graph.Graph, error) {
	switch format {
	case "gml":
		return gml.Read(r, file)
	case "parquet":
		return parquet.ReadGraph(r, file)
	}
	return edgelist.Read(r, file)
}
