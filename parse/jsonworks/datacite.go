package jsonworks

import (
	"encoding/json"
	"strings"

	"coauthor/parse"
	"coauthor/parse/internal/orcid"
	"coauthor/parse/internal/text"
	"coauthor/parse/names"
)

// DataCite records and ORCID iDs, kept apart from the other kinds:
//
//   - a DataCite record, as the REST API gives it ({"id", "type": "dois",
//     "attributes": {...}}, alone, a line each, or in a page {"data":
//     [...]} or {"data": {...}}) or bare attributes: titles[0].title,
//     publicationYear, and creators[] with name, givenName, familyName,
//     nameType and nameIdentifiers. A person is "givenName familyName"
//     (name, "Last, First", when those are absent); an organization is
//     its name. An ORCID nameIdentifier is the creator's identity.
//   - a Crossref single-work response ({"message-type": "work",
//     "message": {...}}) is that work.
//   - ORCID: a Crossref author's "ORCID", an OpenAlex author's "orcid" and
//     a DataCite ORCID nameIdentifier give the author the identity
//     "orcid:0000-0000-0000-000X" (bare form, check digit verified). When
//     a source gives both an OpenAlex id and an ORCID, the ORCID is the
//     identity: one identity per author string, and an ORCID is the
//     person's own, kept across sources (OpenAlex, Crossref, DataCite,
//     PubMed), where an OpenAlex id is one source's clustering.
type dataciteFields struct {
	Attributes      *jsonWork         `json:"attributes"`
	Data            json.RawMessage   `json:"data"`
	Creators        []dataciteCreator `json:"creators"`
	Titles          []struct{ Title string }
	PublicationYear json.RawMessage `json:"publicationYear"`
	MessageType     string          `json:"message-type"`
}

type dataciteCreator struct {
	Name            string `json:"name"`
	NameType        string `json:"nameType"`
	GivenName       string `json:"givenName"`
	FamilyName      string `json:"familyName"`
	Affiliation     laffs  `json:"affiliation"`
	NameIdentifiers []struct {
		NameIdentifier       string `json:"nameIdentifier"`
		NameIdentifierScheme string `json:"nameIdentifierScheme"`
	} `json:"nameIdentifiers"`
}

func (c *dataciteCreator) name() string {
	switch {
	case strings.EqualFold(c.NameType, "Organizational"):
		return text.CollapseSpace(c.Name)
	case c.FamilyName != "":
		return text.CollapseSpace(c.GivenName + " " + c.FamilyName)
	}
	return text.CollapseSpace(names.Order(c.Name))
}

// id returns the creator's ORCID identity, and the number of ORCID
// nameIdentifiers dropped for a bad check digit.
func (c *dataciteCreator) id() (id string, bad int) {
	for _, n := range c.NameIdentifiers {
		if strings.EqualFold(n.NameIdentifierScheme, "ORCID") || strings.Contains(n.NameIdentifier, "orcid.org/") {
			if id := orcid.ID(n.NameIdentifier); id != "" {
				return id, bad
			}
			if strings.TrimSpace(n.NameIdentifier) != "" {
				bad++
			}
		}
	}
	return "", bad
}

// wrapped returns the records a page of DataCite ("data") or a Crossref
// single-work response ("message") holds.
func wrapped(raw json.RawMessage, w *jsonWork) []json.RawMessage {
	switch {
	case len(w.Data) > 0 && w.Data[0] == '[':
		var items []json.RawMessage
		if json.Unmarshal(w.Data, &items) == nil {
			return items
		}
	case len(w.Data) > 0 && w.Data[0] == '{':
		return []json.RawMessage{w.Data}
	case w.MessageType == "work" && w.Message != nil && w.Message.Items == nil:
		var m struct {
			Message json.RawMessage `json:"message"`
		}
		if json.Unmarshal(raw, &m) == nil {
			return []json.RawMessage{m.Message}
		}
	}
	return nil
}

// isWrapper reports an object that holds records rather than being one.
func (w *jsonWork) isWrapper() bool {
	return w.Results != nil || w.Message != nil || w.Items != nil || len(w.Data) > 0
}

// addDataCite adds the title, year and creators of a DataCite record.
func (w *jsonWork) addDataCite(title *string, year *int, authors, ids *[]string, affs *[][]parse.Affiliation) (hasID bool) {
	if *title == "" && len(w.Titles) > 0 {
		*title = text.CollapseSpace(w.Titles[0].Title)
	}
	if *year == 0 {
		*year = jsonYear(w.dataciteFields.PublicationYear)
	}
	for i := range w.Creators {
		c := &w.Creators[i]
		if name := text.CleanName(c.name()); name != "" {
			id, bad := c.id()
			w.badIDs += bad
			*authors = append(*authors, name)
			*ids = append(*ids, id)
			*affs = append(*affs, c.Affiliation)
			hasID = hasID || id != ""
		}
	}
	return hasID
}

// authorID is the identity of an OpenAlex or Crossref author: the ORCID
// when given, else the source's own id. An ORCID iD given but malformed
// (a check digit that does not match) is counted in w.badIDs.
func (w *jsonWork) authorID(orcidValue, other string) string {
	if id := orcid.ID(orcidValue); id != "" {
		return id
	}
	if strings.TrimSpace(orcidValue) != "" {
		w.badIDs++
	}
	return other
}
