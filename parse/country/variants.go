package country

// variants are the names exports write for a country beyond ISO 3166-1's
// (Web of Science's abbreviations, older and local names), with the
// alpha-2 code each stands for. A variant wins over an ISO name of the
// same folded form.
var variants = [...][2]string{
	// United States
	{"USA", "US"}, {"United States of America", "US"}, {"United States", "US"}, {"America", "US"},
	// United Kingdom: its nations as Web of Science writes them
	{"UK", "GB"}, {"United Kingdom", "GB"}, {"Great Britain", "GB"}, {"Britain", "GB"},
	{"England", "GB"}, {"Scotland", "GB"}, {"Wales", "GB"}, {"North Ireland", "GB"}, {"Northern Ireland", "GB"},
	// China
	{"Peoples R China", "CN"}, {"PR China", "CN"}, {"P R China", "CN"}, {"People's Republic of China", "CN"},
	{"Peoples Republic of China", "CN"}, {"China PR", "CN"}, {"Mainland China", "CN"},
	// Koreas
	{"Korea", "KR"}, {"South Korea", "KR"}, {"Republic of Korea", "KR"}, {"Korea Republic", "KR"}, {"Rep of Korea", "KR"},
	{"Korea (South)", "KR"}, {"North Korea", "KP"}, {"DPR Korea", "KP"}, {"Korea (North)", "KP"},
	// Names ISO writes otherwise
	{"Russia", "RU"}, {"Russian Federation", "RU"}, {"Czech Republic", "CZ"}, {"Czechia", "CZ"},
	{"Turkey", "TR"}, {"Türkiye", "TR"}, {"Turkiye", "TR"}, {"Iran", "IR"}, {"Vietnam", "VN"}, {"Viet Nam", "VN"},
	{"Taiwan", "TW"}, {"Republic of China", "TW"}, {"Taiwan ROC", "TW"}, {"Taiwan R O C", "TW"},
	{"Hong Kong", "HK"}, {"Hong Kong SAR", "HK"}, {"Hong Kong SAR China", "HK"}, {"Macau", "MO"}, {"Macao", "MO"},
	{"Syria", "SY"}, {"Laos", "LA"}, {"Moldova", "MD"}, {"Tanzania", "TZ"}, {"Bolivia", "BO"}, {"Venezuela", "VE"},
	{"Brunei", "BN"}, {"Micronesia", "FM"}, {"Palestine", "PS"}, {"Vatican", "VA"}, {"Vatican City", "VA"},
	{"Cape Verde", "CV"}, {"Swaziland", "SZ"}, {"Macedonia", "MK"}, {"Republic of North Macedonia", "MK"},
	{"Ivory Coast", "CI"}, {"Cote d'Ivoire", "CI"}, {"Burma", "MM"}, {"East Timor", "TL"},
	{"Netherlands", "NL"}, {"The Netherlands", "NL"}, {"Holland", "NL"},
	{"Democratic Republic of the Congo", "CD"}, {"DR Congo", "CD"}, {"Congo (Kinshasa)", "CD"},
	{"Republic of the Congo", "CG"}, {"Congo (Brazzaville)", "CG"},
	// Web of Science abbreviations
	{"U Arab Emirates", "AE"}, {"UAE", "AE"}, {"Dem Rep Congo", "CD"}, {"Rep Congo", "CG"}, {"Cote Ivoire", "CI"},
	{"Byelarus", "BY"}, {"Rep of Georgia", "GE"}, {"Bosnia & Herceg", "BA"}, {"Bosnia and Herzegovina", "BA"},
	{"Trinid & Tobago", "TT"}, {"Papua N Guinea", "PG"}, {"Cent Afr Republ", "CF"}, {"Equat Guinea", "GQ"},
	{"Sao Tome & Prin", "ST"}, {"St Kitts & Nevi", "KN"}, {"St Lucia", "LC"}, {"St Vincent", "VC"},
	{"Turks & Caicos", "TC"}, {"Marshall Isl", "MH"}, {"Solomon Isl", "SB"}, {"Cayman Islands", "KY"},
	{"Surinam", "SR"}, {"Fr Polynesia", "PF"}, {"Fr Guiana", "GF"}, {"Guinea Bissau", "GW"},
	{"Antigua & Barbu", "AG"}, {"Falkland Island", "FK"}, {"Brit Virgin Isl", "VG"}, {"US Virgin Isl", "VI"},
	{"Kosovo", "XK"},
	// Names in the country's own language, as authors write them
	{"Deutschland", "DE"}, {"Österreich", "AT"}, {"Schweiz", "CH"}, {"Suisse", "CH"}, {"Svizzera", "CH"},
	{"España", "ES"}, {"Italia", "IT"}, {"Brasil", "BR"}, {"Nederland", "NL"}, {"België", "BE"}, {"Belgique", "BE"},
	{"Sverige", "SE"}, {"Norge", "NO"}, {"Danmark", "DK"}, {"Suomi", "FI"}, {"Polska", "PL"}, {"Česko", "CZ"},
	{"Česká republika", "CZ"}, {"Magyarország", "HU"}, {"Hrvatska", "HR"}, {"Slovensko", "SK"}, {"Slovenija", "SI"},
	{"România", "RO"}, {"Éire", "IE"}, {"Lietuva", "LT"}, {"Latvija", "LV"}, {"Eesti", "EE"},
}
