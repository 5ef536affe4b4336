package unit_test

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"coauthor/examples/shared"
	"coauthor/parse/corpus"
	"coauthor/parse/country"
	"coauthor/parse/unit"
)

var verbose = os.Getenv("UNIT_UNMAPPED") != "" // list every unmapped string

// Every affiliation string of the real WoS, Scopus (and the other CSV
// exports beside it), PubMed/MEDLINE and OpenAlex files of the shared
// data set is mapped to a country or listed as unmapped: the author
// positions with an affiliation are those with a country plus those
// without, and each file's unmapped share stays at or under the share
// measured when this test was written (README, "Institutions and
// countries"), both in all and for those whose affiliations name a place
// (country.NamesPlace) that was not mapped. UNIT_UNMAPPED=1 lists the
// unmapped strings.
func TestCountryCoverage(t *testing.T) {
	dir := filepath.Dir(shared.File(t, "wos"))
	// The unmapped share in per mille of author positions with an
	// affiliation, as measured; a rise fails.
	limit := map[string]int{
		"openalex/herreio-tu9-works-2022.json.gz":   40,
		"pubmed/fatcat-pubmedsample_2019.xml.gz":    50,
		"pubmed/metaknowledge-medline_test.medline": 54,
		"pubmed/synthesisr-PubMed_example.nbib":     0,
		"pubmed/fatcat-pubmed_19129924.xml":         0,
		"scopus/bibliometrix-scopus_sample.csv":     0,
		"scopus/litstudy-scopus.csv":                0,
		"scopus/metaknowledge-scopus_testing.csv":   4,
		"scopus/pybibx-scopus-2023.csv":             0,
		"scopus/bibliometrix-lens_sample.csv":       0,
		"scopus/litstudy-ieee.csv":                  92,
		"openalex/bibliometrix-openalex_sample.csv": 0,
		"wos/bibliometrix-wos_sample.txt":           0,
		"wos/metaknowledge-savedrecs.txt":           0,
		"wos/metaknowledge-testFile.isi":            0,
		"wos/metaknowledge-ManyAuthors.isi.gz":      0,
		"wos/synthesisr-zoorec.txt":                 12,
		"wos/synthesisr-WoS_ciw_example.ciw":        0,
		"wos/synthesisr-WoS_txt_example.txt":        0,
		"wos/rispy-example_wos.txt":                 0,
	}
	// The share of positions whose affiliations name a place but gave no
	// country (an ambiguous city, a place not in the last component), in
	// per mille, as measured.
	placeLimit := map[string]int{
		"openalex/herreio-tu9-works-2022.json.gz":   5,
		"pubmed/fatcat-pubmedsample_2019.xml.gz":    30,
		"pubmed/metaknowledge-medline_test.medline": 12,
		"scopus/metaknowledge-scopus_testing.csv":   2,
		"scopus/litstudy-ieee.csv":                  55,
		"wos/synthesisr-zoorec.txt":                 12,
	}
	var files []string
	for _, sub := range []string{"wos", "scopus", "pubmed", "openalex"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if name := sub + "/" + e.Name(); !strings.Contains(name, "badFile") {
				files = append(files, name)
			}
		}
	}
	sort.Strings(files)
	var sumWith, sumMapped, sumNoPlace, addrUnmapped int
	var table []string
	for _, f := range files {
		c := load(t, f)
		u, err := unit.Project(context.Background(), c, unit.Country, unit.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if u.WithAffiliation == 0 && u.Addresses == 0 {
			continue
		}
		addrUnmapped += u.Addresses - u.AddressesMapped
		if u.Addresses > 0 {
			t.Logf("%s: %d addresses linked to no author, %d without a country", f, u.Addresses, u.Addresses-u.AddressesMapped)
		}
		if u.WithAffiliation == 0 {
			continue
		}
		unmapped := u.WithAffiliation - u.Mapped
		if unmapped > 0 && u.UnmappedStrings == 0 {
			t.Errorf("%s: %d positions without a country and no unmapped string listed", f, unmapped)
		}
		if u.Mapped > u.WithAffiliation || u.WithAffiliation > u.Positions {
			t.Errorf("%s: %d positions, %d with an affiliation, %d with a country", f, u.Positions, u.WithAffiliation, u.Mapped)
		}
		perMille := 1000 * unmapped / u.WithAffiliation
		if l, ok := limit[f]; !ok || perMille > l {
			t.Errorf("%s: %d of %d positions with an affiliation have no country (%d‰), above %d‰", f, unmapped, u.WithAffiliation, perMille, l)
		}
		if u.NoPlace > unmapped {
			t.Errorf("%s: %d positions naming no place, more than the %d without a country", f, u.NoPlace, unmapped)
		}
		placed := unmapped - u.NoPlace // a place named, not mapped
		if l := placeLimit[f]; 1000*placed/u.WithAffiliation > l {
			t.Errorf("%s: %d of %d positions with an affiliation name a place but have no country (%d‰), above %d‰", f, placed, u.WithAffiliation, 1000*placed/u.WithAffiliation, l)
		}
		sumWith += u.WithAffiliation
		sumMapped += u.Mapped
		sumNoPlace += u.NoPlace
		table = append(table, fmt.Sprintf("| %s | %d | %d | %d (%s) | %d (%s) | %d (%s) |", f, u.Positions, u.WithAffiliation,
			unmapped, share(unmapped, u.WithAffiliation), u.NoPlace, share(u.NoPlace, u.WithAffiliation), placed, share(placed, u.WithAffiliation)))
		if verbose {
			for _, x := range unmappedStrings(c) {
				t.Logf("%s: unmapped ×%d %s", f, x.Count, x.Text)
			}
		} else {
			for _, x := range u.Unmapped[:min(3, len(u.Unmapped))] {
				t.Logf("%s: unmapped ×%d %q", f, x.Count, x.Text)
			}
		}
	}
	if addrUnmapped > 2 { // as measured: two WoS C1 lines name no country
		t.Errorf("%d addresses linked to no author have no country, want at most 2", addrUnmapped)
	}
	unmapped := sumWith - sumMapped
	table = append(table, fmt.Sprintf("| all | | %d | %d (%s) | %d (%s) | %d (%s) |", sumWith, unmapped, share(unmapped, sumWith),
		sumNoPlace, share(sumNoPlace, sumWith), unmapped-sumNoPlace, share(unmapped-sumNoPlace, sumWith)))
	t.Log("\n| file | author positions | with an affiliation | without a country | naming no place | a place named, not mapped |\n|---|---|---|---|---|---|\n" + strings.Join(table, "\n"))
}

func share(n, of int) string { return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of)) }

// unmappedStrings lists every affiliation string of c that gives no
// country (as Project reads them: the source's code, else Detect of each
// ";"-separated address), each marked by whether it names a place, by
// count then text.
func unmappedStrings(c *corpus.Corpus) []unit.Count {
	n := map[string]int{}
	for i := 0; i < c.Len(); i++ {
		m := c.Meta(i)
		if m == nil {
			continue
		}
		for _, affs := range append(slices.Clone(m.Affiliations), m.Addresses) {
			for _, a := range affs {
				if country.Valid(strings.ToUpper(a.Country)) || slices.ContainsFunc(strings.Split(a.Name, ";"), func(s string) bool { _, ok := country.Detect(s); return ok }) {
					continue
				}
				what := "(no place)"
				if country.NamesPlace(a.Name) {
					what = "(a place)"
				}
				n[fmt.Sprintf("%s %q", what, a.Name)]++
			}
		}
	}
	var out []unit.Count
	for s, k := range n {
		out = append(out, unit.Count{Text: s, Count: k})
	}
	slices.SortFunc(out, func(a, b unit.Count) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Text, b.Text)) })
	return out
}
