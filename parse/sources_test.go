package parse

import (
	"bufio"
	"strings"
	"testing"
)

func TestDetectSources(t *testing.T) {
	tests := []struct {
		name, head, want string
	}{
		{"export.txt", "PMID- 28441597\nOWN - NLM\n", FormatMEDLINE},
		{"pubmed-set.txt", "\r\nPMID- 1\r\nFAU - Lee, A\r\n", FormatMEDLINE},
		{"x.nbib", "", FormatMEDLINE},
		{"x.medline", "", FormatMEDLINE},
		{"efetch.xml", `<?xml version="1.0" ?>` + "\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2019//EN\" \"x.dtd\">\n<PubmedArticleSet>\n", FormatPubMed},
		{"one.xml", "<PubmedArticle>\n<MedlineCitation>", FormatPubMed},
		{"stdin", "<PubmedArticleSet><PubmedArticle>", FormatPubMed},
		{"dblp.xml", `<?xml version="1.0"?><dblp><article>`, FormatXML},
		{"dimensions.csv", "\"About the data: Exported on Nov 24, 2023.\",,\nRank,Publication ID,DOI,Title,Authors\n", FormatDimensions},
		{"scopus.csv", "Authors,Title,Year\n", FormatCSV},
		// Finding 1 of issue 21: no notice line (pandas strips it; the
		// October 2025 format has none).
		{"dimensions.csv", "Rank,Publication ID,DOI,PMID,PMCID,Title,Source title,PubYear,Authors,Dimensions URL\n", FormatDimensions},
		{"dimensions.csv", "\uFEFF\"Rank\",\"Publication ID\",\"Title\",\"PubYear\",\"Authors\"\r\n", FormatDimensions},
		{"x.txt", "Publication ID,Title,PubYear,Authors\n", FormatDimensions},
		{"other.csv", "Publication ID,Title,Authors,Year\n", FormatCSV},
		// Finding 4: PubMed books.
		{"books.xml", "<?xml version=\"1.0\"?>\n<PubmedBookArticleSet>\n<PubmedBookArticle>", FormatPubMed},
		{"book.xml", "<PubmedBookArticle>\n<BookDocument>", FormatPubMed},
		{"medline2016.xml", "<?xml version=\"1.0\"?>\n<MedlineCitationSet>\n<MedlineCitation Owner=\"NLM\">", FormatPubMed},
		{"edges.parquet", "", FormatParquet},
		{"edges.bin", "PAR1\x15\x04", FormatParquet},
		{"refs.ris", "PMID- 1\n", FormatRIS}, // the extension decides
	}
	for _, tt := range tests {
		r := bufio.NewReader(strings.NewReader(tt.head))
		if got := Detect(tt.name, r); got != tt.want {
			t.Errorf("Detect(%q, %.30q) = %s, want %s", tt.name, tt.head, got, tt.want)
		}
		if r.Buffered() != len(tt.head) {
			t.Errorf("Detect(%q) consumed input", tt.name)
		}
	}
	for _, f := range []string{FormatPubMed, FormatMEDLINE, FormatDimensions, FormatParquet} {
		if c, ok := Canonical(f); !ok || c != f {
			t.Errorf("Canonical(%q) = %q, %v", f, c, ok)
		}
	}
	if !IsGraphFormat(FormatParquet) || IsGraphFormat(FormatPubMed) {
		t.Error("IsGraphFormat")
	}
}
