package parse

import "strings"

// Kind says, for help texts, what one input format reads: its format
// name (as -format takes it) and the sources whose exports it reads.
type Kind struct {
	Format  string
	Sources string
	Graph   bool // a graph file, not papers
}

// Kinds are the input formats, one for each of Formats, in the order help
// texts list them; a test keeps the two the same.
var Kinds = []Kind{
	{FormatBibTeX, "BibTeX and biblatex", false},
	{FormatRIS, "RIS", false},
	{FormatWoS, "Web of Science", false},
	{FormatCSV, "CSV or TSV (Scopus, Lens, IEEE Xplore, OpenAlex, SpringerLink)", false},
	{FormatDimensions, "Dimensions CSV", false},
	{FormatJSON, "JSON or JSON Lines (OpenAlex, CSL-JSON, Crossref, DataCite, DOAJ)", false},
	{FormatXML, "DBLP or arXiv XML", false},
	{FormatPubMed, "PubMed XML", false},
	{FormatMEDLINE, "MEDLINE text (.nbib)", false},
	{FormatAuthorPage, "author pages", false},
	{FormatEdgeList, "edge list", true},
	{FormatGML, "GML", true},
	{FormatPajek, "Pajek .net", true},
	{FormatParquet, "Parquet edge table", true},
}

// KindList returns the Sources of the kinds of papers (graph false) or of
// graph files (graph true) as an English list: "A, B, C or D" with last
// "or", "A, B, C and D" with "and".
func KindList(graph bool, last string) string {
	var list []string
	for _, k := range Kinds {
		if k.Graph == graph {
			list = append(list, k.Sources)
		}
	}
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " " + last + " " + list[len(list)-1]
}
