package unit_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"coauthor/examples/shared"
	"coauthor/parse/unit"
)

var verbose = os.Getenv("UNIT_UNMAPPED") != "" // list every unmapped string

// Every affiliation string of the real WoS, Scopus (and the other CSV
// exports beside it), PubMed/MEDLINE and OpenAlex files of the shared
// data set is mapped to a country or listed as unmapped: the author
// positions with an affiliation are those with a country plus those
// without, and each file's unmapped share stays at or under the share
// measured when this test was written (README, "Institutions and
// countries"). UNIT_UNMAPPED=1 lists the unmapped strings.
func TestCountryCoverage(t *testing.T) {
	dir := filepath.Dir(shared.File(t, "wos"))
	// The unmapped share in per mille of author positions with an
	// affiliation, as measured; a rise fails.
	limit := map[string]int{
		"openalex/herreio-tu9-works-2022.json.gz":   45,
		"pubmed/fatcat-pubmedsample_2019.xml.gz":    75,
		"pubmed/metaknowledge-medline_test.medline": 76,
		"pubmed/synthesisr-PubMed_example.nbib":     0,
		"pubmed/fatcat-pubmed_19129924.xml":         0,
		"scopus/bibliometrix-scopus_sample.csv":     0,
		"scopus/litstudy-scopus.csv":                0,
		"scopus/metaknowledge-scopus_testing.csv":   8,
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
	var sumWith, sumMapped, addrUnmapped int
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
		sumWith += u.WithAffiliation
		sumMapped += u.Mapped
		table = append(table, fmt.Sprintf("| %s | %d | %d | %d | %.1f%% |", f, u.Positions, u.WithAffiliation, unmapped, 100*float64(unmapped)/float64(u.WithAffiliation)))
		for i, x := range u.Unmapped {
			if verbose || i < 3 {
				t.Logf("%s: unmapped ×%d %q", f, x.Count, x.Text)
			}
		}
	}
	if addrUnmapped > 2 { // as measured: two WoS C1 lines name no country
		t.Errorf("%d addresses linked to no author have no country, want at most 2", addrUnmapped)
	}
	table = append(table, fmt.Sprintf("| all | | %d | %d | %.1f%% |", sumWith, sumWith-sumMapped, 100*float64(sumWith-sumMapped)/float64(sumWith)))
	t.Log("\n| file | author positions | with an affiliation | without a country | share |\n|---|---|---|---|---|\n" + strings.Join(table, "\n"))
}
