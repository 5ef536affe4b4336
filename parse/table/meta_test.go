package table

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coauthor/examples/shared"
	"coauthor/parse"
	"coauthor/parse/corpus"
	"coauthor/parse/internal/readertest"
)

// counts are what TestSharedExports asserts of a file.
type counts struct {
	papers, doi, venue, cited, sum, affiliated, keywords int
}

func countOf(t *testing.T, papers []*parse.Paper) counts {
	var c counts
	for _, p := range papers {
		c.papers++
		if p.Venue != "" {
			c.venue++
		}
		m := p.Meta
		if m == nil {
			continue
		}
		if m.ID(parse.IDDOI) != "" {
			c.doi++
		}
		if m.Citations != nil {
			c.cited++
			c.sum += m.Citations.Count
		}
		if len(m.Keywords) > 0 {
			c.keywords++
		}
		if m.Affiliations != nil && len(m.Affiliations) != len(p.Authors) {
			t.Errorf("%q: %d affiliation slots for %d authors", p.Title, len(m.Affiliations), len(p.Authors))
		}
		for _, a := range m.Affiliations {
			if len(a) > 0 {
				c.affiliated++
			}
		}
	}
	return c
}

// The real exports of ../shared/data and testdata, their work records
// counted apart by testdata/count.py:
//
//	/usr/bin/python3 testdata/count.py FILE
func TestSharedExports(t *testing.T) {
	for _, tt := range []struct {
		file string
		want counts
	}{
		{"scopus/bibliometrix-scopus_sample.csv", counts{8, 8, 8, 8, 4, 37, 8}},
		{"scopus/litstudy-scopus.csv", counts{49, 44, 49, 43, 21987, 213, 35}},
		{"scopus/metaknowledge-scopus_testing.csv", counts{217, 158, 217, 193, 791873, 1966, 55}},
		{"scopus/pybibx-scopus-2023.csv", counts{13, 10, 13, 13, 323, 53, 12}},
		{"scopus/bibliometrix-lens_sample.csv", counts{8, 8, 8, 8, 373, 0, 8}},
		{"scopus/litstudy-ieee.csv", counts{10, 10, 10, 4, 60, 54, 9}},
		{"scopus/litstudy-springer.csv", counts{18, 18, 18, 0, 0, 0, 0}},
		{"openalex/bibliometrix-openalex_sample.csv", counts{8, 8, 8, 8, 14808, 16, 0}},
		{"testdata/alanaecp-ieee_csv2bib-IEEE.csv", counts{235, 230, 235, 142, 660, 451, 178}},
		{"testdata/scientopy-wos_2026_04_02_4071.txt", counts{67, 37, 67, 67, 1032, 354, 33}},
		{"testdata/wosfile-wos_tab_delimited_win_utf8.txt", counts{50, 47, 50, 50, 3272, 136, 24}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			path := tt.file
			if dir, name, _ := strings.Cut(tt.file, "/"); dir != "testdata" {
				path = shared.File(t, filepath.Join(dir, name))
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			papers, errs := readertest.ReadAll(t, NewReader(f, parse.ReadOptions{File: tt.file}))
			if got := countOf(t, papers); got != tt.want || len(errs) > 0 {
				t.Errorf("got %+v, errors %q\nwant %+v", got, errs, tt.want)
			}
		})
	}
}

func readString(t *testing.T, src string) []*parse.Paper {
	t.Helper()
	papers, errs := readertest.ReadAll(t, NewReader(strings.NewReader(src), parse.ReadOptions{File: "t.csv"}))
	if len(errs) > 0 {
		t.Fatalf("errors %q", errs)
	}
	return papers
}

// What each export's columns give, one row each.
func TestMetaFields(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string // IDs, venue, ISSN, type, URL, language, keywords, index keywords, citations, affiliations
	}{
		{"Scopus", "Authors,Author full names,Title,Year,Source title,Cited by,DOI,Link,Authors with affiliations,Author Keywords,Index Keywords,ISSN,ISBN,PubMed ID,Language of Original Document,Document Type,EID\n" +
			`"Liu F.; Li C.; Li Y.","Liu, Fengyuan (1); Li, Chunyun (2); Li, Yufei (3)",T,2025,J Med,12,10.1177/X,https://www.scopus.com/x,` +
			`"Liu F., Dept A, Univ H, China; Liu F., Dept B, China; Li C.; Li Y., Univ C, China",k1; k2,i1; i2,20552076,NA,41494690,English,Article,2-s2.0-105030721984` + "\n",
			[]string{"[doi:10.1177/x eid:2-s2.0-105030721984 pmid:41494690]", "J Med", "[2055-2076]", "Article", "https://www.scopus.com/x", "English",
				"[k1 k2]", "[i1 i2]", "&{12 scopus }", "[[{Dept A, Univ H, China    } {Dept B, China    }] [] [{Univ C, China    }]]"}},
		{"Scopus, older", "Authors,Title,Year,Source title,Cited by,Authors with affiliations,EID\n" +
			`"Yagai T., Kimura Y.",T,2008,IEEE Trans,3,"Yagai, T., Sophia University, Tokyo, Japan; Kimura, Y., Meiji University, Kanagawa, Japan",2-s2.0-1` + "\n",
			[]string{"[eid:2-s2.0-1]", "IEEE Trans", "[]", "", "", "", "[]", "[]", "&{3 scopus }", "[[{Sophia University, Tokyo, Japan    }] [{Meiji University, Kanagawa, Japan    }]]"}},
		{"Lens", "Lens ID,Title,Publication Year,Publication Type,Source Title,ISSNs,Author/s,Keywords,MeSH Terms,Fields of Study,Source URLs,External URL,PMID,DOI,Microsoft Academic ID,PMCID,Citing Works Count\n" +
			`000-360-106-493-122,T,2020,journal article,Env Sys,21945411; 21945403,Ann Lee; Bo Kim,k1; k2,,f1; f2,https://a.org/x https://b.org/y,,33251087,10.1007/S1,3106885434; 3107776880,PMC7680653,10` + "\n",
			[]string{"[doi:10.1007/s1 lens:000-360-106-493-122 pmid:33251087 pmcid:PMC7680653 mag:3106885434 mag:3107776880]", "Env Sys", "[2194-5411 2194-5403]",
				"journal article", "https://a.org/x", "", "[k1 k2]", "[f1 f2]", "&{10 lens }", "[]"}},
		{"IEEE", `"Document Title",Authors,"Author Affiliations","Publication Title","Publication Year","ISSN",ISBNs,"DOI",PDF Link,"Author Keywords","IEEE Terms","INSPEC Controlled Terms",Article Citation Count,Document Identifier` + "\n" +
			`T,"P. Kogge; J. Shalf; A. Roe","Univ Notre Dame; NA; LBNL",CiSE,2013,1558-366X,,10.1109/MCSE.2013.95,https://ieeexplore.ieee.org/x,a;b,c;d,e,51,IEEE Magazines` + "\n" +
			`U,"P. Kogge; J. Shalf","A; B; C",CiSE,2013,,978-1-7281-2451-3,,,,,,,IEEE Conferences` + "\n",
			[]string{"[doi:10.1109/mcse.2013.95]", "CiSE", "[1558-366X]", "IEEE Magazines", "https://ieeexplore.ieee.org/x", "", "[a b]", "[c d e]", "&{51 ieee }",
				"[[{Univ Notre Dame    }] [] [{LBNL    }]]"}},
		{"OpenAlex", `"id","authorships.author.display_name","authorships.countries","authorships.institutions.display_name","cited_by_count","display_name","doi","language","primary_location.source.display_name","primary_location.source.issn_l","primary_topic.display_name","publication_year","type"` + "\n" +
			`"https://openalex.org/W2755950973","Massimo Aria|Corrado Cuccurullo|Di Roe","IT||ITA","University of Naples Federico II||Sinop","13235","T","https://doi.org/10.1016/j.joi.2017.08.007","en","J Inf","1751-1577","Data Analysis with R","2017","article"` + "\n" +
			`"https://openalex.org/W2","Ann Lee|Bo Kim","IN|IN","GMC|Thapar|GMC|Thapar","1","U","","en","","","","2020","article"` + "\n",
			[]string{"[doi:10.1016/j.joi.2017.08.007 openalex:W2755950973]", "J Inf", "[1751-1577]", "article", "", "en", "[]", "[Data Analysis with R]", "&{13235 openalex }",
				"[[{University of Naples Federico II   IT }] [] [{Sinop    }]]"}},
		{"Springer", "Item Title,Publication Title,Item DOI,Authors,Publication Year,URL,Content Type\n" +
			`T,LNNS,10.1007/978-3-030-92127-9_33,Araz R. Aliev,2021,http://link.springer.com/chapter/x,Chapter` + "\n",
			[]string{"[doi:10.1007/978-3-030-92127-9_33]", "LNNS", "[]", "Chapter", "http://link.springer.com/chapter/x", "", "[]", "[]", "<nil>", "[]"}},
		{"generic", "title\tyear\tauthors\tdoi\tcited\nT\t2001\tAnn Lee\tdoi:10.1000/ABC\t5\n",
			[]string{"[doi:10.1000/abc]", "", "[]", "", "", "", "[]", "[]", "<nil>", "[]"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := readString(t, tt.src)[0]
			m := p.Meta
			got := []string{fmt.Sprint(m.IDs), p.Venue, fmt.Sprint(m.ISSN), m.Type, m.URL, m.Language, fmt.Sprint(m.Keywords), fmt.Sprint(m.IndexKeywords),
				fmt.Sprint(m.Citations), fmt.Sprint(m.Affiliations)}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("field %d: got %s, want %s", i, got[i], tt.want[i])
				}
			}
		})
	}
	// The second IEEE row lists three affiliations for two authors, the
	// second OpenAlex row four institutions for two: neither is linked.
	ieee := readString(t, "Document Title,Authors,Author Affiliations,IEEE Terms\nU,\"P. Kogge; J. Shalf\",\"A; B; C\",x\n")
	alex := readString(t, "authorships.author.display_name,authorships.institutions.display_name,display_name\nAnn Lee|Bo Kim,GMC|Thapar|GMC|Thapar,U\n")
	if ieee[0].Meta.Affiliations != nil || alex[0].Meta != nil {
		t.Errorf("affiliations linked though their count is not the authors': %v, %+v", ieee[0].Meta.Affiliations, alex[0].Meta)
	}
}

// Two rows of one title, year and author list with different DOIs (and
// no other id) are two works, which the corpus keeps both, in every
// export.
func TestTwins(t *testing.T) {
	for name, src := range map[string]string{
		"Scopus":   "Authors,Title,Year,Source title,Cited by,DOI,EID\n\"Lee A.; Kim B.\",Editorial,2020,J,1,10.1000/a1,\n\"Lee A.; Kim B.\",Editorial,2020,J,1,10.1000/b2,\n",
		"Lens":     "Lens ID,Title,Publication Year,Author/s,DOI\n,Editorial,2020,Ann Lee; Bo Kim,10.1000/a1\n,Editorial,2020,Ann Lee; Bo Kim,10.1000/b2\n",
		"IEEE":     "Document Title,Authors,Publication Year,DOI,IEEE Terms\nEditorial,Ann Lee; Bo Kim,2020,10.1000/a1,x\nEditorial,Ann Lee; Bo Kim,2020,10.1000/b2,x\n",
		"OpenAlex": "id,authorships.author.display_name,display_name,publication_year,doi\n,Ann Lee|Bo Kim,Editorial,2020,https://doi.org/10.1000/a1\n,Ann Lee|Bo Kim,Editorial,2020,https://doi.org/10.1000/b2\n",
		"Springer": "Item Title,Item DOI,Authors,Publication Year\nEditorial,10.1000/a1,Ann Lee,2020\nEditorial,10.1000/b2,Ann Lee,2020\n",
		"WoS":      "PT\tAU\tAF\tTI\tPY\tDI\nJ\tLee, A; Kim, B\tLee, Ann; Kim, Bo\tEditorial\t2020\t10.1000/a1\nJ\tLee, A; Kim, B\tLee, Ann; Kim, Bo\tEditorial\t2020\t10.1000/b2\n",
		"generic":  "title,year,authors,doi\nEditorial,2020,Ann Lee; Bo Kim,10.1000/a1\nEditorial,2020,Ann Lee; Bo Kim,10.1000/b2\n",
	} {
		papers := readString(t, src)
		c := corpus.New()
		for _, p := range papers {
			c.Add(p)
		}
		if len(papers) != 2 || c.Len() != 2 || c.Meta(0).ID(parse.IDDOI) != "10.1000/a1" || c.Meta(1).ID(parse.IDDOI) != "10.1000/b2" {
			t.Errorf("%s: %d papers, corpus keeps %d; want two works", name, len(papers), c.Len())
		}
	}
}
