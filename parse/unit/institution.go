package unit

import (
	"strings"
	"unicode"

	"coauthor/parse/country"
	"coauthor/parse/names"
)

// InstitutionName returns the component of an affiliation string (one
// address, comma-separated) that names its institution, and why it was
// chosen. Components led by a department word (Department, Dept, Division,
// Faculty, Fac, Section, …) and those with digits (street addresses,
// postal codes) are dropped. The first component naming a university
// ("University", "Univ", "Universität", "Universidad", "Polytechnic", …)
// is the institution; else the first naming an institute, hospital,
// academy, foundation, council, agency, company (Inc, Ltd, GmbH, …) or the
// like; else the first naming a laboratory, centre, school, college or
// clinic ("Laboratory of Cell Biology, National Cancer Institute" is the
// institute), in full or as Web of Science abbreviates them (Inst, Hosp,
// Lab, Coll, Sch, Ctr, Acad, Fdn);
// else the first component itself when it is no department, address or
// country ("CERN, CH-1211 Geneva 23, Switzerland"); else a whole
// affiliation that is one acronym in capitals ("ORNL", "DLR": 2 to 8
// capitals and digits, no country or US state code), taken as written,
// never expanded (why: acronymWhy). ok is false when nothing is left.
func InstitutionName(affiliation string) (name, why string, ok bool) {
	parts := strings.Split(country.CleanAffiliation(affiliation), ",")
	other, tier := "", 4
	for _, p := range parts {
		p = trimComponent(p)
		if p == "" || department(p) {
			continue
		}
		switch t := institutionTier(p); {
		case t == 1:
			return p, "names a university", true
		case t < tier:
			other, tier = p, t
		}
	}
	if other != "" {
		return other, "names an institution", true
	}
	if first := trimComponent(parts[0]); len(parts) > 1 && first != "" && !department(first) && !strings.ContainsAny(first, "0123456789") {
		if _, isCountry := country.Detect(first); !isCountry {
			return first, "first component", true
		}
	}
	if a := trimComponent(parts[0]); len(parts) == 1 && acronym(a) {
		if _, isCountry := country.Detect(a); !isCountry {
			return a, acronymWhy, true
		}
	}
	return "", "", false
}

// acronymWhy is InstitutionName's reason for an acronym given alone.
const acronymWhy = "an acronym alone"

// acronym reports whether s is 2 to 8 capital letters and digits, two
// letters at least ("ORNL", "DLR", "INM7"; not "3M").
func acronym(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return letters >= 2
}

// trimComponent trims spaces and the final dot, and a leading one-letter
// footnote mark ("a Department of …", as some PubMed records give).
func trimComponent(p string) string {
	p = strings.Join(strings.Fields(p), " ")
	p = strings.TrimRight(p, " .;:")
	if len(p) > 2 && p[1] == ' ' && p[0] >= 'a' && p[0] <= 'z' {
		p = p[2:]
	}
	return strings.TrimLeft(p, "*†‡§¶#0123456789 ")
}

// words splits a folded string into its words of letters and digits.
func words(folded string) []string {
	return strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

var departmentWords = set("department dept dep departamento dipartimento departement departament division div faculty fac facultad faculte fakultat section sect sektion unit grp group chair lehrstuhl program programme service serv cluster")

// department reports whether component p is led by a department word.
func department(p string) bool {
	w := words(names.Fold(p))
	return len(w) > 0 && departmentWords[w[0]]
}

var (
	universityWords = set("university universities univ universitat universitaet universite universidad universidade universita universiteit universitet universiti uniwersytet univerzita univerzitet yliopisto polytechnic politecnico polytech polytechnique")
	// Institutions that hold labs and centres: preferred to them.
	institutionWords = set("institute institut instituto istituto inst institution hospital hosp hopital hospitals klinikum academy acad akademie academia foundation fdn fondation fundacion stiftung council agency ministry minist company co corp corporation pharmaceuticals pharmaceutical pharma inc ltd gmbh ag llc plc srl bv cnrs inserm csic cern trust society soc association assoc organization organisation")
	unitWords        = set("laboratory laboratories lab labs laboratoire laboratorio college coll school sch ecole escuela scuola centre center ctr centro zentrum centrum clinic clinics clinica klinik research observatory museum")
)

// institutionTier is 1 for a component naming a university, 2 for one
// naming an institute, hospital, academy, company or the like, 3 for a
// laboratory, centre, school, college or clinic, 4 for none.
func institutionTier(p string) int {
	tier := 4
	for _, w := range words(names.Fold(p)) {
		switch {
		case universityWords[w] || strings.HasPrefix(w, "universi"):
			return 1
		case institutionWords[w]:
			tier = 2
		case unitWords[w]:
			tier = min(tier, 3)
		}
	}
	return tier
}

// abbreviations are the Web of Science abbreviations of institution
// words, expanded when comparing names ("Univ Basel" = "University of
// Basel").
var abbreviations = map[string]string{
	"univ": "university", "inst": "institute", "hosp": "hospital", "lab": "laboratory", "labs": "laboratories",
	"ctr": "center", "centre": "center", "coll": "college", "acad": "academy", "natl": "national", "sch": "school",
	"dept": "department", "fdn": "foundation", "technol": "technology", "tech": "technology", "sci": "science",
	"res": "research", "med": "medical", "assoc": "association", "soc": "society", "int": "international",
	"minist": "ministry", "cent": "central", "corp": "corporation", "co": "company", "polytech": "polytechnic",
	"fac": "faculty", "engn": "engineering", "agr": "agricultural", "hlth": "health",
}

// stopWords are left out when comparing expanded names.
var stopWords = set("of the for and at in de der des du la le di")

// folded is an institution name in folded form: case, diacritics,
// punctuation and spacing do not count.
func folded(name string) string { return strings.Join(words(names.Fold(name)), " ") }

// expanded is the folded name with Web of Science abbreviations written
// out and small words dropped.
func expanded(name string) string {
	var out []string
	for _, w := range words(names.Fold(name)) {
		if e, ok := abbreviations[w]; ok {
			w = e
		}
		if !stopWords[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

func set(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}
