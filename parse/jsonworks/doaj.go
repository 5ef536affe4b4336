package jsonworks

import "strings"

// doajFields are those of a DOAJ article (the API's search results, or
// the public data dump): {"id", "bibjson": {"title", "year", "author":
// [{"name", "affiliation", "orcid_id"}], "journal": {"title", "issns"},
// "identifier": [{"type": "doi"|"pissn"|"eissn", "id"}], "keywords"}}.
// The bibjson is the work; its identifiers give the DOI and ISSNs, its
// journal the venue, its keywords the keywords.
type doajFields struct {
	Bibjson    *jsonWork `json:"bibjson"`
	Identifier lenient[[]struct {
		Type lstr `json:"type"`
		ID   lstr `json:"id"`
	}] `json:"identifier"`
	Journal lenient[struct {
		Title lstr  `json:"title"`
		ISSNs lstrs `json:"issns"`
	}] `json:"journal"`
}

// doaj returns the work of a DOAJ bibjson, its DOI, ISSNs and journal
// moved to where the other kinds have them.
func (w *jsonWork) doaj() *jsonWork {
	f := &w.metaFields
	for _, id := range w.Identifier.V {
		switch strings.ToLower(string(id.Type)) {
		case "doi":
			if f.DOI == "" {
				f.DOI = id.ID
			}
		case "pissn", "eissn", "issn":
			f.ISSN = append(f.ISSN, string(id.ID))
		}
	}
	f.ISSN = append(f.ISSN, w.Journal.V.ISSNs...)
	// DOAJ's keywords are the authors' (OpenAlex's "keywords" are
	// index terms).
	f.Keyword = append(f.Keyword, f.OAKeywords...)
	f.OAKeywords = nil
	if t := string(w.Journal.V.Title); t != "" && len(f.ContainerTitle) == 0 {
		f.ContainerTitle = lstrs{t}
	}
	return w
}
