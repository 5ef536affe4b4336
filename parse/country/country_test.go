package country

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for none
	}{
		{"Stanford Univ, Dept Chem, Stanford, CA 94305 USA", "US"},
		// GeoNames cities named like words of an affiliation give none.
		{"Physics, University", ""},
		{"Dept, Police", ""},
		{"Beijing Normal University, Normal", ""},
		{"Dept, Central", ""},
		{"Dept, Federal", ""},
		{"Dept, Sale", ""},
		{"MIT, Cambridge, MA 02139", "US"},
		{"MIT, Cambridge, MA 02139-4307", "US"},
		{"Harvard Med Sch, Boston, MA, U.S.A.", "US"},
		{"Dept Biol, Univ Washington, Seattle, WA, United States of America", "US"},
		{"Boston, Massachusetts", "US"},
		{"Atlanta, NY", "US"},
		{"Boston, MA", "US"}, // Massachusetts, not Morocco
		{"Fresno, CA", "US"}, // California, not Canada
		{"West Point, Pennsylvania 19486.", "US"},
		{"Mentor Graphics Corp. (USA)", "US"},
		{"TenneT TSO GmbH, Bayreuth (Germany)", "DE"},
		{"University of Kobe, Japan#TAB#", "JP"},
		{"Hefei, Anhui Province, People's Republic of China 230026.", "CN"},
		{"Edmonton, Alberta, Canada T6G 2E9.", "CA"},
		{"Washington Univ, Sch Med, St Louis, MO USA", "US"},
		{"Univ Virginia, Charlottesville, Virginia USA", "US"},
		{"Kingston, Ontario, Canada, K7L 3N6.", "CA"},
		{"Waseda University, Shinjuku-ku, Tokyo 162-8480, Japan, and.", "JP"},
		{"Bethesda, Maryland (K.L.F., J.K.M.); and Karolinska Institutet, Stockholm, Sweden (L.D.W., J.M.).", "SE"},
		{"New Haven, CT (C.R.P.)", "US"},
		{"Peking Univ, Beijing 100871, Peoples R China", "CN"},
		{"Fudan University, Shanghai, PR China", "CN"},
		{"Fudan University, Shanghai, P.R. China", "CN"},
		{"Univ Oxford, Oxford OX1 3PU, England", "GB"},
		{"Univ Edinburgh, Edinburgh, Midlothian, Scotland", "GB"},
		{"Queens Univ Belfast, Belfast, North Ireland", "GB"},
		{"Cardiff University, Cardiff, Wales, UK", "GB"},
		{"KAIST, Daejeon, South Korea", "KR"},
		{"Seoul Natl Univ, Seoul, Korea", "KR"},
		{"Seoul National University, Seoul, Republic of Korea", "KR"},
		{"Seoul National University, Seoul, Korea, Republic of", "KR"},
		{"Kim Il Sung University, Pyongyang, North Korea", "KP"},
		{"Moscow MV Lomonosov State Univ, Moscow, Russia", "RU"},
		{"Lomonosov Moscow State University, Moscow, Russian Federation", "RU"},
		{"Charles Univ Prague, Prague, Czech Republic", "CZ"},
		{"Charles University, Prague, Czechia", "CZ"},
		{"Bogazici Univ, Istanbul, Turkey", "TR"},
		{"Boğaziçi Üniversitesi, İstanbul, Türkiye", "TR"},
		{"University of Tehran, Tehran, Iran (Islamic Republic of)", "IR"},
		{"Hanoi Univ, Hanoi, Viet Nam", "VN"},
		{"Natl Taiwan Univ, Taipei 10617, Taiwan", "TW"},
		{"Univ Hong Kong, Pokfulam, Hong Kong, Peoples R China", "CN"}, // the last component decides
		{"Univ Hong Kong, Pokfulam, Hong Kong", "HK"},
		{"Universität Basel, Basel, Switzerland", "CH"},
		{"Universität Basel, 4056 Basel, Schweiz", "CH"}, // the country's own name
		{"Universität Basel, 4056 Basel", "CH"},          // a city after a postal code
		{"Institute for Community Medicine, University of Greifswald, Greifswald, Deutschland.", "DE"},
		{"Department of Computer Science and Software Engineering, Concordia University, Montreal", "CA"},
		{"MRC General Practice Research Framework, Stephenson House, London NW1 2ND.", "GB"}, // 7.6 million over London, Ontario
		{"All Souls College, Oxford.", ""},                                                   // 171,000 in GB, 22,000 in the US: ambiguous
		{"Division of Biological Sciences, University of Missouri, Columbia.", "US"},         // every Columbia is in the US
		{"Department of Surgery, Monash University, Clayton; and.", ""},                      // Clayton in AU and the US
		{"Mesoblast Ltd, Melbourne;", "AU"},
		{"Computer Science Department [Los Angeles]", "US"},
		{"Department of Electrical and Computer Engineering [Waterloo]", ""}, // CA, US, BE
		{"Department of Internal Medicine, University of Cincinnati, Cincinnati Ohio.", "US"},
		{"University of PretoriaSouth Africa", "ZA"},
		{"University of MunichGermany", "DE"},
		{"Hematology, Hospital Clinic.", ""},
		{"josef.milerad@lakartidningen.se", "SE"},
		{"bob@drive5.com", ""},
		{"Department of Epidemiology and blr5@pitt.edu.", "US"},
		{"UCL Cancer Institute, UCL, London j.bridgewater@ucl.ac.uk.", "GB"},
		{"Startup Lab, a@x.io", ""},
		{"Lab, a@x.de b@y.fr", ""},                                     // two countries
		{"Karolinska Institutet, Stockholm, Sweden. jane@ki.de", "SE"}, // the address first
		{"ORNL", ""},
		{"Of", "TR"}, // a city of 32,000 in Turkey, when it is the whole component
		{"Department of Neurosurgery, of", ""},
		{"Sorbonne Université, 75005 Paris, France.", "FR"},
		{"Inst Pasteur, F-75015 Paris, France; CNRS, Paris, France", "FR"},
		{"Dept. of X, Univ. of Y, Lagos, Nigeria. Electronic address: a.b@y.edu.ng.", "NG"},
		{"Karolinska Institutet, Stockholm, Sweden. jane.doe@ki.se", "SE"},
		{"TU München, Munich, DEU", "DE"},
		{"TU München, Munich, DE", "US"}, // Delaware: US postal codes win
		{"ETH Zürich, Zurich, CH", "CH"},
		{"Univ Tokyo, Tokyo 1130033, Japan", "JP"},
		{"Kyoto University, Kyoto, JP", "JP"},
		{"Univ Basel, Basel, Switzerland.", "CH"},
		{"Tbilisi State Univ, Tbilisi, Rep of Georgia", "GE"},
		{"Ilia State University, Tbilisi, Georgia", "GE"},
		{"Khalifa Univ, Abu Dhabi, U Arab Emirates", "AE"},
		{"Univ Kinshasa, Kinshasa, Dem Rep Congo", "CD"},
		{"UNSW, Sydney, NSW 2052, Australia", "AU"},
		{"University of New South Wales", ""},
		{"Unit of X, Bosnia & Herceg", "BA"},
		{"Univ Pristina, Pristina, Kosovo", "XK"},
		{"CERN, CH-1211 Geneva 23, Switzerland", "CH"},
		{"Paris France", "FR"}, // a city, then its country
		{"Curtin University of Technology, Perth, Western Australia.", "AU"},
		{"McMaster University, Hamilton, Ontario", "CA"},
		{"", ""},
		{"Department of Physics", ""},
		{"and", ""},
	}
	for _, tt := range tests {
		got, ok := Detect(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Detect(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestName(t *testing.T) {
	for code, want := range map[string]string{"KR": "South Korea", "DE": "Germany", "HK": "Hong Kong", "XK": "Kosovo", "ZZ": ""} {
		if got := Name(code); got != want {
			t.Errorf("Name(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestTable(t *testing.T) {
	if len(iso) != 249 || len(usStates) != 51 || len(regions) != 21 {
		t.Errorf("%d countries, %d US states and DC, %d regions of CA and AU, want 249, 51, 21 (iso-codes 4.15)", len(iso), len(usStates), len(regions))
	}
	for _, v := range variants {
		if !Valid(v[1]) {
			t.Errorf("variant %q: %q is no country code", v[0], v[1])
		}
	}
}

func TestNamesPlace(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"All Souls College, Oxford.", true}, // an ambiguous city
		{"Department of the Medical History and Medical Humanities, Seoul National University College of Medicine.", true},
		{"a Department of Kinesiology and Community Health , University of Illinois at Urbana-Champaign.", true}, // a US state
		{"Department of Electrical and Computer Engineering [Waterloo]", true},
		{"Netherlands Cancer Institute", true},
		{"Universitätsbibliothek Chemnitz", true}, // 240,000
		{"ORNL", false},
		{"a Department of Neurosurgery.", false},
		{"Due to the number of contributing authors, the affiliations are provided in the Supplemental Material.", false},
		{"Department of Epidemiology and.", false},
		{"Laboratoire de mécanique et technologie", false},
		{"Hematology, Hospital Clinic.", false},
		{"", false},
	} {
		if got := NamesPlace(tt.in); got != tt.want {
			t.Errorf("NamesPlace(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
