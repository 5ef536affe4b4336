package parse

import (
	"bufio"
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
)

// Input formats.
const (
	FormatAuthorPage = "authorpage"
	FormatEdgeList   = "edgelist"
	FormatGML        = "gml"
)

// Formats lists the formats Detect can return, for help texts.
var Formats = []string{FormatAuthorPage, FormatEdgeList, FormatGML}

// IsGraphFormat reports whether format holds a graph rather than papers.
func IsGraphFormat(format string) bool { return format == FormatEdgeList || format == FormatGML }

// Detect returns the format of an input from its name's extension
// (.gml; .edges, .edgelist, .el) or, failing that, from its first bytes,
// which it peeks at without consuming: GML starts with a "graph [" list
// (after comments and Creator lines); an edge list's first lines are all
// "u v" or "u v number". Anything else is read as an author page.
func Detect(name string, r *bufio.Reader) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".gml":
		return FormatGML
	case ".edges", ".edgelist", ".el":
		return FormatEdgeList
	}
	head, _ := r.Peek(16 << 10)
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	lines := strings.Split(string(head), "\n")
	if len(head) == 16<<10 && len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last may be cut
	}
	var content []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' || l[0] == '%' {
			continue
		}
		content = append(content, l)
		if len(content) == 20 {
			break
		}
	}
	if len(content) == 0 {
		return FormatAuthorPage
	}
	for _, c := range content {
		if strings.HasPrefix(c, "Creator") || strings.HasPrefix(c, "Version") {
			continue
		}
		if c == "graph" || strings.HasPrefix(c, "graph [") || strings.HasPrefix(c, "graph[") {
			return FormatGML
		}
		break
	}
	for _, c := range content {
		if isDate(c) {
			return FormatAuthorPage
		}
		f := strings.Fields(c)
		switch {
		case len(f) == 2:
		case len(f) == 3:
			if _, err := strconv.ParseFloat(f[2], 64); err != nil && !strings.HasPrefix(f[2], "{") {
				return FormatAuthorPage
			}
		case len(f) > 3 && strings.HasPrefix(f[2], "{"):
		default:
			return FormatAuthorPage
		}
	}
	return FormatEdgeList
}
