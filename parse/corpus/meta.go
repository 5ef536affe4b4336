package corpus

import (
	"encoding/binary"
	"slices"

	"coauthor/parse"
)

// A paper's Meta is kept encoded in one byte arena (Corpus.metaBuf), so
// that millions of records hold no pointers for the garbage collector to
// scan: DBLP's 7.5 million records each carry a key, a type and most a
// DOI or a link. The encoding, written and read only here:
//
//	fields  uvarint: a bit per field present (metaXxx)
//	IDs     uvarint n, then per id: a byte (index in parse.IDKinds, or
//	        0xff followed by the kind as a string) and the value
//	ISSN    uvarint n, strings
//	Type, URL, Language  strings
//	Keywords, IndexKeywords  uvarint n, strings
//	Citations  varint count, source, date
//	Affiliations  uvarint positions; per position uvarint n (0: none),
//	        per affiliation name, ROR, GRID, country, ID
//	Addresses  uvarint n, per affiliation name, ROR, GRID, country, ID
//	Corresponding  string
//
// A string is a uvarint length and its bytes. Fields absent take no bytes.
const (
	metaIDs = 1 << iota
	metaISSN
	metaType
	metaURL
	metaLanguage
	metaKeywords
	metaIndexKeywords
	metaCitations
	metaAffiliations
	metaAddresses
	metaCorresponding
)

// kindIndex maps a kind of id to its byte in the encoding.
var kindIndex = func() map[string]byte {
	m := make(map[string]byte, len(parse.IDKinds))
	for i, k := range parse.IDKinds {
		m[k] = byte(i)
	}
	return m
}()

// appendMeta appends m encoded to b.
func appendMeta(b []byte, m *parse.Meta) []byte {
	var fields uint64
	set := func(bit uint64, present bool) {
		if present {
			fields |= bit
		}
	}
	set(metaIDs, len(m.IDs) > 0)
	set(metaISSN, len(m.ISSN) > 0)
	set(metaType, m.Type != "")
	set(metaURL, m.URL != "")
	set(metaLanguage, m.Language != "")
	set(metaKeywords, len(m.Keywords) > 0)
	set(metaIndexKeywords, len(m.IndexKeywords) > 0)
	set(metaCitations, m.Citations != nil)
	set(metaAffiliations, len(m.Affiliations) > 0)
	set(metaAddresses, len(m.Addresses) > 0)
	set(metaCorresponding, m.Corresponding != "")
	b = binary.AppendUvarint(b, fields)
	if fields&metaIDs != 0 {
		b = binary.AppendUvarint(b, uint64(len(m.IDs)))
		for _, id := range m.IDs {
			if k, ok := kindIndex[id.Kind]; ok {
				b = append(b, k)
			} else {
				b = appendString(append(b, 0xff), id.Kind)
			}
			b = appendString(b, id.Value)
		}
	}
	if fields&metaISSN != 0 {
		b = appendStrings(b, m.ISSN)
	}
	if fields&metaType != 0 {
		b = appendString(b, m.Type)
	}
	if fields&metaURL != 0 {
		b = appendString(b, m.URL)
	}
	if fields&metaLanguage != 0 {
		b = appendString(b, m.Language)
	}
	if fields&metaKeywords != 0 {
		b = appendStrings(b, m.Keywords)
	}
	if fields&metaIndexKeywords != 0 {
		b = appendStrings(b, m.IndexKeywords)
	}
	if c := m.Citations; c != nil {
		b = binary.AppendVarint(b, int64(c.Count))
		b = appendString(appendString(b, c.Source), c.Date)
	}
	if fields&metaAffiliations != 0 {
		b = binary.AppendUvarint(b, uint64(len(m.Affiliations)))
		for _, affs := range m.Affiliations {
			b = binary.AppendUvarint(b, uint64(len(affs)))
			for _, a := range affs {
				b = appendAffiliation(b, a)
			}
		}
	}
	if fields&metaAddresses != 0 {
		b = binary.AppendUvarint(b, uint64(len(m.Addresses)))
		for _, a := range m.Addresses {
			b = appendAffiliation(b, a)
		}
	}
	if fields&metaCorresponding != 0 {
		b = appendString(b, m.Corresponding)
	}
	return b
}

func appendAffiliation(b []byte, a parse.Affiliation) []byte {
	return appendString(appendString(appendString(appendString(appendString(b, a.Name), a.ROR), a.GRID), a.Country), a.ID)
}

func (d *metaDecoder) affiliation() parse.Affiliation {
	return parse.Affiliation{Name: d.string(), ROR: d.string(), GRID: d.string(), Country: d.string(), ID: d.string()}
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendStrings(b []byte, list []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(list)))
	for _, s := range list {
		b = appendString(b, s)
	}
	return b
}

// metaDecoder reads what appendMeta wrote.
type metaDecoder struct{ b []byte }

func (d *metaDecoder) uvarint() int {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *metaDecoder) string() string {
	n := d.uvarint()
	if n > len(d.b) {
		d.b = nil
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *metaDecoder) strings() []string {
	n := min(d.uvarint(), len(d.b))
	list := make([]string, 0, n)
	for range n {
		list = append(list, d.string())
	}
	return list
}

// ids decodes the IDs, which come first; fields is the bit set read.
func (d *metaDecoder) ids(fields int) []parse.WorkID {
	if fields&metaIDs == 0 {
		return nil
	}
	n := min(d.uvarint(), len(d.b))
	ids := make([]parse.WorkID, 0, n)
	for range n {
		if len(d.b) == 0 {
			break
		}
		k := d.b[0]
		d.b = d.b[1:]
		var kind string
		if int(k) < len(parse.IDKinds) {
			kind = parse.IDKinds[k]
		} else {
			kind = d.string()
		}
		ids = append(ids, parse.WorkID{Kind: kind, Value: d.string()})
	}
	return ids
}

// decodeMeta returns the Meta encoded in b, nil for none.
func decodeMeta(b []byte) *parse.Meta {
	if len(b) == 0 {
		return nil
	}
	d := &metaDecoder{b}
	fields := d.uvarint()
	m := &parse.Meta{IDs: d.ids(fields)}
	if fields&metaISSN != 0 {
		m.ISSN = d.strings()
	}
	if fields&metaType != 0 {
		m.Type = d.string()
	}
	if fields&metaURL != 0 {
		m.URL = d.string()
	}
	if fields&metaLanguage != 0 {
		m.Language = d.string()
	}
	if fields&metaKeywords != 0 {
		m.Keywords = d.strings()
	}
	if fields&metaIndexKeywords != 0 {
		m.IndexKeywords = d.strings()
	}
	if fields&metaCitations != 0 {
		v, n := binary.Varint(d.b)
		if n > 0 {
			d.b = d.b[n:]
		}
		m.Citations = &parse.Citations{Count: int(v), Source: d.string(), Date: d.string()}
	}
	if fields&metaAffiliations != 0 {
		n := min(d.uvarint(), len(d.b))
		m.Affiliations = make([][]parse.Affiliation, n)
		for i := range n {
			k := min(d.uvarint(), len(d.b))
			for range k {
				m.Affiliations[i] = append(m.Affiliations[i], d.affiliation())
			}
		}
	}
	if fields&metaAddresses != 0 {
		n := min(d.uvarint(), len(d.b))
		for range n {
			m.Addresses = append(m.Addresses, d.affiliation())
		}
	}
	if fields&metaCorresponding != 0 {
		m.Corresponding = d.string()
	}
	return m
}

// decodeIDs returns only the ids encoded in b.
func decodeIDs(b []byte) []parse.WorkID {
	if len(b) == 0 {
		return nil
	}
	d := &metaDecoder{b}
	return d.ids(d.uvarint())
}

// mergeMeta returns kept with what add gives and kept lacks: ids of kinds
// kept has none of, ISSNs, and each other field kept leaves empty.
// Affiliations are taken only when sameOrder says add's author positions
// are kept's. It reports whether anything was added.
func mergeMeta(kept, add *parse.Meta, sameOrder bool) (*parse.Meta, bool) {
	if add.Empty() {
		return kept, false
	}
	if kept == nil {
		kept = &parse.Meta{}
	}
	changed := false
	for _, id := range add.IDs {
		if kept.ID(id.Kind) == "" {
			kept.IDs = append(kept.IDs, id)
			changed = true
		}
	}
	for _, s := range add.ISSN {
		if !slices.Contains(kept.ISSN, s) {
			kept.ISSN = append(kept.ISSN, s)
			changed = true
		}
	}
	str := func(dst *string, src string) {
		if *dst == "" && src != "" {
			*dst, changed = src, true
		}
	}
	str(&kept.Type, add.Type)
	str(&kept.URL, add.URL)
	str(&kept.Language, add.Language)
	list := func(dst *[]string, src []string) {
		if len(*dst) == 0 && len(src) > 0 {
			*dst, changed = src, true
		}
	}
	list(&kept.Keywords, add.Keywords)
	list(&kept.IndexKeywords, add.IndexKeywords)
	if kept.Citations == nil && add.Citations != nil {
		kept.Citations, changed = add.Citations, true
	}
	if len(kept.Affiliations) == 0 && len(add.Affiliations) > 0 && sameOrder {
		kept.Affiliations, changed = add.Affiliations, true
	}
	if len(kept.Addresses) == 0 && len(add.Addresses) > 0 {
		kept.Addresses, changed = add.Addresses, true
	}
	str(&kept.Corresponding, add.Corresponding)
	return kept, changed
}
