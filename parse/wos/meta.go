package wos

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"coauthor/parse"
	"coauthor/parse/internal/text"
	"coauthor/parse/names"
)

// FromTags makes a paper of one Web of Science record given as its
// values per two-letter tag: the lines of each tag in a plain-text export
// (a value and its continuation lines), or the one cell of each column in
// a tab-delimited export (tab set), where AU, AF and C1 hold ";"-separated
// lists. line is where the record starts.
//
// Authors are the full names (AF) where the record has them, else AU.
// The record's other fields go to Paper.Venue and Paper.Meta, as given:
//   - SO is the venue; UT the "wos" id (without "WOS:"), DI the DOI, PM
//     the PMID, BN the ISBN; SN and EI the ISSNs;
//   - DT (else PT) the type, LA the language, DE the authors' keywords
//     and ID (Keywords Plus) the index keywords, split at ";";
//   - TC the citations, with source "wos" and the date of the export (DA)
//     when given: TC counts the Web of Science Core Collection's citing
//     records; Z9, the count over all Clarivate databases, is not read;
//   - C1 the affiliations of author positions. A C1 entry "[Lee, Ann;
//     Kim, Bo] Univ X, Dept Y, City, Country." names its authors as AF
//     (or AU) does and is linked to each of their positions; an entry
//     "Lee, Ann; Univ X, ..." (Zoological Record) to the position of the
//     author named before the ";". An entry naming no author (records
//     before 2008 list only addresses) is linked to nobody, unless the
//     record has one author. The affiliation is the address as given,
//     without its final "."; WoS gives the country as a name, not a code,
//     so Affiliation.Country stays empty.
func FromTags(f map[string][]string, line int, tab bool) *parse.Paper {
	p := &parse.Paper{Line: line, Title: text.CollapseSpace(strings.Join(f["TI"], " "))}
	if len(f["PY"]) > 0 {
		p.Year = text.LeadingYear(f["PY"][0])
	}
	list, other := f["AF"], f["AU"]
	if tab {
		list, other = splitCells(list), splitCells(other)
	}
	if len(nonEmpty(list)) == 0 {
		list, other = other, nil
	}
	pos := make([]int, len(list)) // the author position of each name of list, -1 for none
	for i, n := range list {
		pos[i] = -1
		if n = text.CleanName(names.Order(text.DropParens(n))); n != "" {
			pos[i] = len(p.Authors)
			p.Authors = append(p.Authors, n)
		}
	}
	p.Venue = text.CollapseSpace(strings.Join(f["SO"], " "))
	m := &parse.Meta{}
	m.AddID(parse.IDDOI, first(f["DI"]))
	m.AddID(parse.IDWoS, first(f["UT"]))
	m.AddID(parse.IDPMID, first(f["PM"]))
	for _, b := range splitList(f["BN"]) {
		m.AddID(parse.IDISBN, b)
	}
	for _, s := range splitList(append(append([]string(nil), f["SN"]...), f["EI"]...)) {
		m.ISSN = text.AppendNew(m.ISSN, parse.NormalizeISSN(s))
	}
	m.Type = text.CollapseSpace(strings.Join(f["DT"], " "))
	if m.Type == "" {
		m.Type = first(f["PT"])
	}
	m.Language = text.CollapseSpace(strings.Join(f["LA"], " "))
	m.Keywords = splitList([]string{strings.Join(f["DE"], " ")})
	m.IndexKeywords = splitList([]string{strings.Join(f["ID"], " ")})
	if tc := first(f["TC"]); tc != "" {
		if n, err := strconv.Atoi(tc); err == nil && n >= 0 {
			m.Citations = &parse.Citations{Count: n, Source: "wos"}
			if da := first(f["DA"]); isoDate.MatchString(da) {
				m.Citations.Date = da
			}
		}
	}
	m.Affiliations, m.Addresses = affiliations(c1Entries(f["C1"], tab), list, other, pos, len(p.Authors))
	m.Corresponding = reprintAddress(strings.Join(f["RP"], " "))
	if !m.Empty() {
		p.Meta = m
	}
	return p
}

// reprintAddress is the address of the first corresponding author of an
// RP field, "" for none: "Toh, ML (corresponding author), Univ Technol
// Sarawak, Sibu 96000, Sarawak, Malaysia." gives the address after the
// name; older records write "(reprint author)", and a second author's
// entry follows after "; ".
func reprintAddress(rp string) string {
	rp = text.CollapseSpace(rp)
	for _, mark := range []string{"(corresponding author),", "(reprint author),"} {
		i := strings.Index(rp, mark)
		if i < 0 {
			continue
		}
		addr := rp[i+len(mark):]
		if j := strings.Index(addr, mark); j >= 0 {
			if k := strings.LastIndex(addr[:j], "; "); k >= 0 {
				addr = addr[:k]
			}
		}
		return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(addr), "."))
	}
	return ""
}

var isoDate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return strings.TrimSpace(v[0])
}

func nonEmpty(v []string) []string {
	var out []string
	for _, s := range v {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// splitCells splits ";"-separated cells into their items.
func splitCells(cells []string) []string {
	var out []string
	for _, c := range cells {
		for _, s := range strings.Split(c, ";") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// splitList splits values at ";" into trimmed items, no two equal, nil
// when there are none.
func splitList(values []string) []string {
	var out []string
	for _, v := range values {
		for _, s := range strings.Split(v, ";") {
			out = text.AppendNew(out, text.CollapseSpace(s))
		}
	}
	return out
}

// c1Entries returns the addresses of a C1 field. In a plain-text export
// each address is a line; a line not ending in "." goes on on the next
// (Zoological Record wraps long lines) unless that starts a bracketed
// entry. In a tab-delimited export the addresses are separated by ";"
// outside brackets.
func c1Entries(lines []string, tab bool) []string {
	var out []string
	if tab {
		for _, cell := range lines {
			depth, from := 0, 0
			for i := 0; i <= len(cell); i++ {
				switch {
				case i == len(cell) || cell[i] == ';' && depth == 0:
					if s := strings.TrimSpace(cell[from:i]); s != "" {
						out = append(out, s)
					}
					from = i + 1
				case cell[i] == '[':
					depth++
				case cell[i] == ']' && depth > 0:
					depth--
				}
			}
		}
		return out
	}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if n := len(out); n > 0 && !strings.HasSuffix(out[n-1], ".") && !strings.HasPrefix(l, "[") {
			out[n-1] += " " + l
			continue
		}
		out = append(out, l)
	}
	return out
}

// nameKey folds a name for matching a C1 name to an AF or AU name.
func nameKey(s string) string {
	s = strings.ToLower(text.DropParens(s))
	s = strings.NewReplacer(".", " ", ",", " , ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// affiliations links the C1 entries to author positions: list holds the
// names of the authors read (pos[i] the position of list[i]), other the
// other list (AU when list is AF), parallel to list when as long.
func affiliations(entries, list, other []string, pos []int, n int) (aff [][]parse.Affiliation, unlinked []parse.Affiliation) {
	if len(entries) == 0 || n == 0 {
		return nil, nil
	}
	keys := map[string][]int{}
	for i, name := range list {
		if pos[i] < 0 {
			continue
		}
		k := nameKey(name)
		keys[k] = append(keys[k], pos[i])
		if len(other) == len(list) {
			if ok := nameKey(other[i]); ok != k {
				keys[ok] = append(keys[ok], pos[i])
			}
		}
	}
	add := func(at int, name string) {
		name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), "."))
		if name = text.CollapseSpace(name); name == "" {
			return
		}
		if at < 0 {
			if !slices.ContainsFunc(unlinked, func(a parse.Affiliation) bool { return a.Name == name }) {
				unlinked = append(unlinked, parse.Affiliation{Name: name})
			}
			return
		}
		if aff == nil {
			aff = make([][]parse.Affiliation, n)
		}
		for _, a := range aff[at] {
			if a.Name == name {
				return
			}
		}
		aff[at] = append(aff[at], parse.Affiliation{Name: name})
	}
	for _, e := range entries {
		if strings.HasPrefix(e, "[") {
			if end := strings.IndexByte(e, ']'); end > 0 {
				address := e[end+1:]
				linked := false
				for _, name := range strings.Split(e[1:end], ";") {
					for _, at := range keys[nameKey(name)] {
						add(at, address)
						linked = true
					}
				}
				switch {
				case !linked && n == 1:
					add(0, address)
				case !linked:
					add(-1, address)
				}
				continue
			}
		}
		if name, address, ok := strings.Cut(e, ";"); ok && len(keys[nameKey(name)]) > 0 {
			for _, at := range keys[nameKey(name)] {
				add(at, address)
			}
			continue
		}
		if n == 1 {
			add(0, e)
		} else {
			add(-1, e)
		}
	}
	return aff, unlinked
}
