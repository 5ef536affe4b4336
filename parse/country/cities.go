package country

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// citiesTSV holds GeoNames's cities of 15,000 inhabitants or more (name,
// alpha-2, population; CC BY 4.0, see LICENSE.geonames), made by
// gencities.go.
//
//go:embed cities.tsv
var citiesTSV string

// A city name maps to a country only when it is unambiguous: all the
// cities of that name (folded) are in one country, or the largest is at
// least cityDominance times larger than the largest of another country
// ("London": GB, 7.6 million, over London, Ontario; "Oxford", 171,000 in
// GB and 22,000 in the US, stays ambiguous).
const cityDominance = 10

type cityInfo struct {
	code       string // "" when ambiguous
	population int    // of the largest city of the name
}

var (
	citiesOnce sync.Once
	cityByKey  map[string]cityInfo
)

// loadCities folds the names of citiesTSV and decides each name's
// country. A name given as "Donostia / San Sebastián" counts under both.
func loadCities() {
	type best struct {
		code       string
		pop, other int // largest population, and largest of another country
	}
	m := map[string]*best{}
	for line := range strings.Lines(citiesTSV) {
		f := strings.Split(strings.TrimRight(line, "\n"), "\t")
		if len(f) != 3 {
			continue
		}
		pop, err := strconv.Atoi(f[2])
		if err != nil {
			continue
		}
		for _, name := range strings.Split(f[0], " / ") {
			k := key(name)
			if k == "" {
				continue
			}
			b := m[k]
			switch {
			case b == nil:
				m[k] = &best{code: f[1], pop: pop}
			case b.code == f[1]:
				b.pop = max(b.pop, pop)
			case pop > b.pop:
				b.other = max(b.other, b.pop)
				b.code, b.pop = f[1], pop
			default:
				b.other = max(b.other, pop)
			}
		}
	}
	cityByKey = make(map[string]cityInfo, len(m))
	for k, b := range m {
		info := cityInfo{population: b.pop}
		if b.other == 0 || b.pop >= cityDominance*b.other {
			info.code = b.code
		}
		cityByKey[k] = info
	}
}

// city returns the country of a city named by the whole of c, written
// with a capital, when the name is unambiguous; known reports whether c
// names a city at all.
func city(c string) (code string, known bool) {
	c = strings.TrimSpace(c)
	if r, _ := utf8.DecodeRuneInString(c); !unicode.IsUpper(r) {
		return "", false
	}
	citiesOnce.Do(loadCities)
	k := key(c)
	if notCity[k] {
		return "", false
	}
	info, ok := cityByKey[k]
	return info.code, ok
}

// notCity holds the folded names of GeoNames cities that, as the last
// part of an affiliation, are far more often a word of the affiliation
// ("Dept of Physics, University"; "Dept, Police"; "Illinois State
// University, Normal" aside, "Normal" is an adjective in "Normal
// University") than the city: they give no country.
var notCity = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"University", "Police", "Normal", "Independence", "Bay", "Sale", "Central",
		"Union", "Federal", "Liberty", "Enterprise", "Summit", "Mission", "Paradise", "Opportunity",
		"Metro", "Eden", "Eureka"} {
		m[key(w)] = true
	}
	return m
}()

// bigCity reports whether a run of words names a city of 100,000
// inhabitants or more (ambiguous or not), for telling whether a string
// names a place.
func bigCity(c string) bool {
	if r, _ := utf8.DecodeRuneInString(c); !unicode.IsUpper(r) || utf8.RuneCountInString(c) < 4 {
		return false
	}
	citiesOnce.Do(loadCities)
	return cityByKey[key(c)].population >= 100000
}

// NamesPlace reports whether an affiliation string names a place at all:
// a country (a name or variant Detect knows), a US state, a province or
// state of Canada or Australia, or a city of 15,000 inhabitants or more
// (GeoNames, even of an ambiguous name) as one of its comma-separated
// components (postal codes aside, or in brackets or parentheses); or a
// country, state or city of 100,000 or more as a run of one to three
// capitalised words inside one ("Seoul National University", "University
// of Illinois at Urbana-Champaign"). An affiliation from which Detect
// finds no country but which names a place is "a place named but not
// mapped" (an ambiguous city, a place not in the last component); one
// that names none ("ORNL", "a Department of Neurosurgery.") cannot be
// mapped without knowing the institution.
func NamesPlace(affiliation string) bool {
	s := CleanAffiliation(strings.ReplaceAll(affiliation, "#TAB#", " "))
	comps := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",;()[]/", r) })
	for _, c := range comps {
		c = strings.Trim(c, " .:")
		if c == "" {
			continue
		}
		if _, ok := byName[key(c)]; ok {
			return true
		}
		if _, known := city(strings.Join(withoutCodes(strings.Fields(c)), " ")); known {
			return true
		}
		words := strings.FieldsFunc(c, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '.' })
		for i := range words {
			if r, _ := utf8.DecodeRuneInString(words[i]); !unicode.IsUpper(r) {
				continue
			}
			for k := 1; k <= 3 && i+k <= len(words); k++ {
				run := strings.Join(words[i:i+k], " ")
				if _, ok := byName[key(run)]; ok && len(key(run)) >= 4 || bigCity(run) {
					return true
				}
			}
		}
	}
	return false
}
