package parse

import (
	"bufio"
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
)

// The sources added with their own readers: PubMed XML (efetch), MEDLINE
// text (PubMed's "PubMed format", .nbib) and Dimensions CSV exports.
const (
	FormatPubMed     = "pubmed"
	FormatMEDLINE    = "medline"
	FormatDimensions = "dimensions"
)

func init() {
	Formats = append(Formats, FormatPubMed, FormatMEDLINE, FormatDimensions)
	aliases["nbib"] = FormatMEDLINE
	aliases["pubmed-xml"] = FormatPubMed
	extensions[".nbib"] = FormatMEDLINE
	extensions[".medline"] = FormatMEDLINE
}

var (
	medlineStart = regexp.MustCompile(`(?m)^PMID- *[0-9]`)
	pubmedRoot   = regexp.MustCompile(`<(` + strings.Join(PubMedRoots, "|") + `)[\s>]`)
)

// PubMedRoots are the root elements of the XML the PubMed reader reads:
// efetch's sets, a lone article, and the MEDLINE baseline files' sets.
var PubMedRoots = []string{"PubmedArticleSet", "PubmedArticle", "PubmedBookArticleSet", "PubmedBookArticle", "MedlineCitationSet", "MedlineCitation"}

// detectSource tells the added sources by their first bytes, before the
// extension decides (a PubMed file is .xml, a MEDLINE file often .txt, a
// Dimensions export .csv): a root element of PubMedRoots; a "PMID- "
// line; a Dimensions header (see isDimensions); the magic "PAR1" of a
// Parquet file. It returns "" for anything else.
func detectSource(name string, r *bufio.Reader) string {
	head, _ := r.Peek(16 << 10)
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz")))
	switch _, known := extensions[ext]; {
	case ext == ".nbib" || ext == ".medline" || ext == ".parquet":
		return extensions[ext]
	case bytes.HasPrefix(head, []byte("PAR1")):
		return FormatParquet
	case ext == ".csv":
		if isDimensions(head) {
			return FormatDimensions
		}
		return ""
	case known && ext != ".xml":
		return "" // the extension decides
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case len(trimmed) > 0 && trimmed[0] == '<':
		if root := firstElement(trimmed); pubmedRoot.MatchString("<" + root + ">") {
			return FormatPubMed
		}
	case medlineStart.Match(head):
		return FormatMEDLINE
	case isDimensions(head):
		return FormatDimensions
	}
	return ""
}

// isDimensions reports a Dimensions CSV export: its notice line "About
// the data", then a header naming "Publication ID" and "Authors"; or,
// without the notice (the October 2025 format, or a file pandas
// rewrote), a first line that names "Publication ID", "Authors" and
// "Dimensions URL" or "PubYear", which no other export does.
func isDimensions(head []byte) bool {
	first, rest, _ := bytes.Cut(head, []byte("\n"))
	header, _, _ := bytes.Cut(rest, []byte("\n"))
	has := func(line []byte, names ...string) bool {
		for _, n := range names {
			if !bytes.Contains(line, []byte(n)) {
				return false
			}
		}
		return true
	}
	if bytes.HasPrefix(bytes.TrimLeft(first, `"`), []byte("About the data")) {
		return has(header, "Publication ID", "Authors")
	}
	return has(first, "Publication ID", "Authors") && (has(first, "Dimensions URL") || has(first, "PubYear"))
}

// firstElement returns the name of the first element of XML, past the
// declaration, comments and DOCTYPE.
func firstElement(x []byte) string {
	for {
		i := bytes.IndexByte(x, '<')
		if i < 0 || i+1 >= len(x) {
			return ""
		}
		x = x[i+1:]
		if x[0] == '?' || x[0] == '!' {
			continue
		}
		end := bytes.IndexAny(x, " \t\r\n/>")
		if end < 0 {
			return ""
		}
		return string(x[:end])
	}
}
