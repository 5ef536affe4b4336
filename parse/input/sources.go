package input

import (
	"io"

	"coauthor/parse"
	"coauthor/parse/dimensions"
	"coauthor/parse/medline"
	"coauthor/parse/pubmed"
)

// newSourceReader returns the reader of the added sources (PubMed XML,
// MEDLINE text, Dimensions CSV), nil for another format.
func newSourceReader(format string, r io.Reader, opt parse.ReadOptions) parse.Reader {
	switch format {
	case parse.FormatPubMed:
		return pubmed.NewReader(r, opt)
	case parse.FormatMEDLINE:
		return medline.NewReader(r, opt)
	case parse.FormatDimensions:
		return dimensions.NewReader(r, opt)
	}
	return nil
}
