package identity

import (
	"slices"
	"strings"
	"unicode"

	"coauthor/parse/country"
	"coauthor/parse/names"
)

// One place written two ways. Two spellings whose papers give
// affiliations with none in common are read as two places, against a
// merge without a shared co-author (Evidence.OtherPlaces). But one
// institution is written in many ways: "Dana-Farber Cancer Institute,
// Boston" and "Dana-Farber Cancer Institute, Harvard Medical School,
// Boston, MA, United States", "Cornell" and "Cornell Univ.", "Childrens
// Hosp, Dept Cardiol, Boston" and "Harvard Univ, Sch Med, Childrens Hosp
// Boston". So affiliations are also compared component by component
// (the comma-separated parts that are no department, address or
// country), folded, with Web of Science abbreviations written out and
// the words that only say what kind of institution it is left out: one
// component in common, or one that begins another ("cornell" and "cornell
// university", "dana farber" and "dana farber cancer institute"), and the
// two are not other places. (parse/unit names institutions from the same
// components, but imports this package.) This only lifts the objection:
// a component in common is no evidence for a merge, since it may be a
// city. And an absent country is never a different country.

// placeKeys returns the keys of the components of an affiliation: each
// component's words ("dana farber cancer"), its first two words, and
// "1\x00" with its first word; a component of one word also gives
// "one\x00" with it.
func placeKeys(affiliation string) []string {
	var out []string
	for _, part := range strings.Split(affiliation, ",") {
		ws := placeWords(part)
		if len(ws) == 0 {
			continue
		}
		out = append(out, strings.Join(ws, " "), "1\x00"+ws[0])
		if len(ws) > 2 {
			out = append(out, strings.Join(ws[:2], " "))
		}
		if len(ws) == 1 {
			out = append(out, "one\x00"+ws[0])
		}
	}
	return out
}

// placeWords returns the words of one component of an affiliation that
// name a place: nil for a department, an address or a country.
func placeWords(part string) []string {
	part = strings.TrimSpace(part)
	if part == "" || strings.ContainsAny(part, "0123456789") {
		return nil
	}
	if _, ok := country.Detect(part); ok && len(strings.Fields(part)) <= 3 {
		return nil
	}
	raw := strings.FieldsFunc(names.Fold(part), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(raw) == 0 || placeDepartment[raw[0]] {
		return nil
	}
	var out []string
	for _, w := range raw {
		if e, ok := placeAbbrev[w]; ok {
			w = e
		}
		if !placeKind[w] && !placeStop[w] && len(w) > 1 {
			out = append(out, w)
		}
	}
	return out
}

// placesMeet reports whether two sides' place keys (as hashed by the
// profile: keys, and first words with one-word components apart) name
// one place.
func placesMeet(a, b *profile) bool {
	return len(intersect(a.places, b.places)) > 0 || len(intersect(a.placeOne, b.placeFirst)) > 0 ||
		len(intersect(b.placeOne, a.placeFirst)) > 0
}

var (
	placeDepartment = placeSet("department dept dep departamento dipartimento departement departament division div faculty fac facultad faculte fakultat section sect sektion unit grp group chair lehrstuhl program programme service serv")
	// placeKind are words that say what kind of institution a component
	// names, not which.
	placeKind = placeSet("university universities universitat universitaet universite universidad universidade universita universiteit institute institut instituto istituto hospital hopital hospitals academy foundation college school centre center laboratory laboratories lab labs clinic inc ltd gmbh corp corporation company medical")
	placeStop = placeSet("of the for and at in de der des du la le di")
	// placeAbbrev are the Web of Science abbreviations of institution
	// words.
	placeAbbrev = map[string]string{"univ": "university", "inst": "institute", "hosp": "hospital", "ctr": "center",
		"coll": "college", "acad": "academy", "sch": "school", "fdn": "foundation", "med": "medical", "natl": "national",
		"technol": "technology", "sci": "science", "res": "research", "childrens": "children", "childs": "children"}
)

func placeSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// addPlaces adds the component keys of affiliation to p.
func (p *profile) addPlaces(e *evidence, affiliation string) {
	for _, k := range placeKeys(affiliation) {
		switch w, ok := strings.CutPrefix(k, "1\x00"); {
		case ok:
			p.placeFirst = append(p.placeFirst, e.hash("\x05"+w))
		default:
			if w, ok := strings.CutPrefix(k, "one\x00"); ok {
				p.placeOne = append(p.placeOne, e.hash("\x05"+w))
			} else {
				p.places = append(p.places, e.hash("\x04"+k))
			}
		}
	}
}

// sortPlaces sorts p's place keys and drops repeats, for intersect.
func (p *profile) sortPlaces() {
	for _, s := range []*[]uint64{&p.places, &p.placeOne, &p.placeFirst} {
		slices.Sort(*s)
		*s = slices.Compact(*s)
	}
}

// otherPlaces says why papers at other places keep a pair apart.
func otherPlaces(ev Evidence) string {
	if ev.OtherCountries {
		return "no shared co-author, and their papers give other institutions in other countries"
	}
	return "no shared co-author, and their papers give other institutions"
}
