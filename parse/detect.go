package parse

import (
	"bufio"
	"bytes"
	"errors"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"coauthor/parse/internal/text"
)

// Input formats.
const (
	FormatAuthorPage = "authorpage"
	FormatBibTeX     = "bibtex"
	FormatRIS        = "ris"
	FormatWoS        = "wos"
	FormatCSV        = "csv"  // also TSV and the Scopus, Lens, IEEE and OpenAlex CSV exports
	FormatJSON       = "json" // JSON Lines or an array; plain, OpenAlex, CSL-JSON, Crossref
	FormatXML        = "xml"  // DBLP XML, arXiv Atom, arXiv OAI-PMH
	FormatEdgeList   = "edgelist"
	FormatGML        = "gml"
	FormatParquet    = "parquet" // an edge table, as export -to parquet writes edges.parquet
	FormatPajek      = "pajek"   // a Pajek .net network, as export -to pajek writes it
)

// Formats lists the formats Detect can return, for help texts.
var Formats = []string{FormatAuthorPage, FormatBibTeX, FormatRIS, FormatWoS, FormatCSV, FormatJSON, FormatXML, FormatEdgeList, FormatGML, FormatParquet, FormatPajek}

// aliases are other names users give formats, accepted by Canonical.
var aliases = map[string]string{
	"bib": FormatBibTeX, "scopus": FormatCSV, "tsv": FormatCSV, "lens": FormatCSV,
	"jsonl": FormatJSON, "ndjson": FormatJSON, "openalex": FormatJSON, "csl": FormatJSON,
	"dblp": FormatXML, "arxiv": FormatXML, "atom": FormatXML, "isi": FormatWoS,
	"webofscience": FormatWoS, "edges": FormatEdgeList, "net": FormatPajek,
}

// Canonical returns the format a user's name for it stands for ("dblp"
// → "xml", "scopus" → "csv"), and false for an unknown name.
func Canonical(name string) (string, bool) {
	name = strings.ToLower(name)
	for _, f := range Formats {
		if f == name {
			return f, true
		}
	}
	f, ok := aliases[name]
	return f, ok
}

// IsGraphFormat reports whether format holds a graph rather than papers.
func IsGraphFormat(format string) bool {
	return format == FormatEdgeList || format == FormatGML || format == FormatParquet || format == FormatPajek
}

// extensions maps file name extensions to formats.
var extensions = map[string]string{
	".bib": FormatBibTeX, ".bibtex": FormatBibTeX, ".ris": FormatRIS, ".ciw": FormatWoS, ".isi": FormatWoS,
	".csv": FormatCSV, ".tsv": FormatCSV, ".json": FormatJSON, ".jsonl": FormatJSON, ".ndjson": FormatJSON,
	".xml": FormatXML, ".atom": FormatXML, ".gml": FormatGML, ".edges": FormatEdgeList, ".edgelist": FormatEdgeList,
	".el": FormatEdgeList, ".parquet": FormatParquet, ".net": FormatPajek, ".paj": FormatPajek,
}

var (
	bibEntry = regexp.MustCompile(`(?m)^\s*@[A-Za-z_]+\s*[{(]`)
	risStart = regexp.MustCompile(`(?m)^TY  - `)
	wosStart = regexp.MustCompile(`(?m)^(FN |PT [A-Z]\s*$|AU [^ ]|AF [^ ])`)
	csvHead  = regexp.MustCompile(`(?i)(^|[,;\t])\s*"?(authors?|author full names|author/s|authorships\.author\.display_name)"?\s*([,;\t]|$)`)
	// wosTab is the header of a Web of Science tab-delimited export.
	wosTab = regexp.MustCompile(`^PT\tAU\t`)
	// ovid is a format not read: Ovid exports, whose records start "<1.
	// >" (then "VN  - Ovid" in the MEDLINE-like layout) or "<1>" (then
	// field names on lines of their own). MEDLINE text ("PMID- 123") is
	// read (sources.go tells it first); the pattern stays as a guard.
	medline = regexp.MustCompile(`(?m)^PMID- ?[0-9]`)
	// pajekStart is a Pajek network's first line.
	pajekStart = regexp.MustCompile(`(?i)^\*(network|vertices)\b`)
	ovid       = regexp.MustCompile(`^<\s*[0-9]+\.?\s*>[ \t]*\r?\n`)
)

// ErrUnrecognised is the error of an input whose format Detect cannot
// tell.
var ErrUnrecognised = errors.New("unrecognised input format")

// Detect returns the format of an input from its name's extension (a
// trailing .gz is ignored) or, failing that (.txt and others), from its
// first bytes, which it peeks at without consuming: XML starts with "<";
// JSON with "[" or "{"; BibTeX has "@type{" entries; RIS "TY  - " lines;
// Web of Science "FN " or "PT J" and "AU " lines; CSV a header naming an
// authors column; GML a "graph [" list; an edge list's first lines are all
// "u v" or "u v number"; an author page a title line followed by a date
// line. The sources of sources.go (PubMed XML, MEDLINE text, Dimensions
// CSV, Parquet) are told first. For anything else, Ovid text among it,
// Detect returns "" (ErrUnrecognised); so it does for input that is not
// text.
func Detect(name string, r *bufio.Reader) string {
	if NotRead(r) != "" {
		return ""
	}
	if f := detectSource(name, r); f != "" { // sources.go
		return f
	}
	if f, ok := extensions[strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz")))]; ok {
		return f
	}
	head, _ := r.Peek(16 << 10)
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	text := string(head)
	trimmed := strings.TrimLeft(text, " \t\r\n")
	switch {
	case trimmed == "":
		return FormatAuthorPage
	case medline.MatchString(text):
		return ""
	case pajekStart.MatchString(trimmed):
		return FormatPajek
	case trimmed[0] == '<':
		return FormatXML
	case trimmed[0] == '[' || trimmed[0] == '{':
		return FormatJSON
	case risStart.MatchString(text):
		return FormatRIS
	case wosStart.MatchString(text) && strings.Contains(text, "\nER"):
		return FormatWoS
	case bibEntry.MatchString(text):
		return FormatBibTeX
	case csvHead.MatchString(strings.TrimRight(strings.SplitN(trimmed, "\n", 2)[0], "\r")), wosTab.MatchString(trimmed):
		return FormatCSV
	}
	return detectTextGraph(head)
}

// NotRead names a known format that is not read ("an Ovid export"), told
// by r's first bytes (peeked, not consumed), or returns "".
func NotRead(r *bufio.Reader) string {
	head, _ := r.Peek(4 << 10)
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	if ovid.Match(bytes.TrimLeft(head, " \t\r\n")) {
		return "an Ovid export"
	}
	return ""
}

// FirstLine returns the first non-blank line of r's buffered input, cut
// to n runes and quoted, for messages.
func FirstLine(r *bufio.Reader, n int) string {
	head, _ := r.Peek(4 << 10)
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	s := strings.TrimLeft(string(head), " \t\r\n")
	s, _, _ = strings.Cut(s, "\n")
	return strconv.Quote(text.Shorten(strings.TrimRight(s, "\r"), n))
}

// detectTextGraph tells GML, an edge list and an author page apart.
func detectTextGraph(head []byte) string {
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
		if strings.TrimSpace(string(head)) == "" {
			return FormatAuthorPage
		}
		return "" // comments only
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
	edges := true
	for _, c := range content {
		f := strings.Fields(c)
		switch {
		case text.IsDate(c):
			edges = false
		case len(f) == 2:
		case len(f) == 3:
			if _, err := strconv.ParseFloat(f[2], 64); err != nil && !strings.HasPrefix(f[2], "{") {
				edges = false
			}
		case len(f) > 3 && strings.HasPrefix(f[2], "{"):
		default:
			edges = false
		}
	}
	if edges {
		return FormatEdgeList
	}
	if authorPageShape(lines) {
		return FormatAuthorPage
	}
	return ""
}

// authorPageShape reports whether lines have an author page's shape: a
// title line, then (blank lines between allowed) a date line, and no
// control characters before it.
func authorPageShape(lines []string) bool {
	prev := ""
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if strings.IndexFunc(l, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f || r == utf8.RuneError }) >= 0 {
			return false
		}
		if text.IsDate(l) && prev != "" && !text.IsDate(prev) {
			return true
		}
		prev = l
	}
	return false
}
