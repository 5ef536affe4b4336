package names

import (
	"strings"
	"testing"
)

func TestNicknameTable(t *testing.T) {
	if n := nicknamePairs(); n < 100 {
		t.Errorf("nickname table has %d pairs, want at least 100", n)
	}
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"tom", "thomas", true}, {"thomas", "tom", true}, {"sam", "samuel", true}, {"sam", "samantha", true},
		{"samuel", "samantha", false}, {"chris", "christopher", true}, {"dan", "daniel", true},
		{"dario", "daniela", false}, {"bill", "william", true}, {"tom", "tommy", false}, {"sandy", "alex", false},
		{"gabi", "gabriele", true}, {"rod", "rodney", true}, {"chad", "chadwick", true}, {"val", "valerie", true},
	} {
		if got := NicknameVariants(tt.a, tt.b); got != tt.want {
			t.Errorf("NicknameVariants(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Noemí Mercado", "noemi mercado"},
		{"Zac Hatfield-Dodds", "zac hatfield dodds"},
		{"  Samuel  R.  Bowman ", "samuel r bowman"},
		{"Kamilė Lukošiūtė", "kamile lukosiute"},
		{"Łukasz Øster Đorđe Weiß Æsir Œuvre", "lukasz oster dorde weiss aesir oeuvre"},
		{"Jean‐Pierre", "jean pierre"}, // U+2010 hyphen
		{"O’Brien", "o'brien"},
		{"ＡＢＣ", "abc"},
		{"ΟΔΥΣΣΕΥΣ", "οδυσσευσ"}, {"Οδυσσεύς", "οδυσσευσ"}, // case folding, final sigma
		{"", ""},
	} {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"Bowman, Samuel R.", "samuel r bowman"},
		{"Costa, Jr., P. T.", "p t costa jr"},
		{"John Smith, Jr.", "john smith jr"},
	} {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOrder(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Bowman, Samuel R.", "Samuel R. Bowman"},
		{"Costa, Jr., P. T.", "P. T. Costa Jr."},
		{"Smith, John, Jr.", "John Smith Jr."},
		{"Roach, Mack, III", "Mack Roach III"},
		{"John Smith, Jr.", "John Smith Jr."},
		{"{Barnes, and Noble}", "{Barnes, and Noble}"},
		{"J.\\,R.\\,R. Tolkien", "J.\\,R.\\,R. Tolkien"},
		{"  Ada   Lovelace ", "Ada Lovelace"},
	} {
		if got := Order(tt.in); got != tt.want {
			t.Errorf("Order(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Every written form of one name has one key.
	if a, b := Key("Smith, John, Jr."), Key("John Smith Jr."); a != b {
		t.Errorf("keys %q and %q differ", a, b)
	}
}

// Issue 21, finding 6: biblatex's extended name format.
func TestOrderExtended(t *testing.T) {
	for in, want := range map[string]string{
		"given=Alfred, family=Adler, id=testid":                       "Alfred Adler",
		"family=Beethoven, given=Ludwig, prefix=van, useprefix=false": "Ludwig van Beethoven",
		"family={Smith}, given={John A.}, suffix=Jr.":                 "John A. Smith Jr.",
		`given="Ann", family="Lee", given-i=A`:                        "Ann Lee",
		"family=Plato":                                                "Plato",
		"Lee, Ann":                                                    "Ann Lee",             // plain
		"x=y, Lee":                                                    "Lee x=y",             // not the format: an unknown key
		"id=3, useprefix=true":                                        "useprefix=true id=3", // no name part
	} {
		if got := Order(in); got != want {
			t.Errorf("Order(%q) = %q, want %q", in, got, want)
		}
	}
}

// In a name written in capitals, a given word of two or three letters
// without a vowel is glued initials ("JM PANDOLFI", as old Web of Science
// records write "Pandolfi, JM"); one with a vowel may be a name.
func TestParseCapitals(t *testing.T) {
	for name, want := range map[string]string{
		"JM PANDOLFI":  "j m",
		"PANDOLFI, JM": "j m",
		"JM Pandolfi":  "j m",
		"JO SMITH":     "jo",
		"JOHN SMITH":   "john",
		"TPH HUGHES":   "t p h",
	} {
		var got []string
		for _, u := range Parse(name).Given {
			got = append(got, u.Text)
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("Parse(%q) given %q, want %q", name, g, want)
		}
	}
}

// NotAName flags organisations and names run together, not a name with a
// lower-case particle or conjunction between initials and family names
// (real names from dblp-style and Crossref lists).
func TestNotAName(t *testing.T) {
	for _, tt := range []struct {
		name string
		not  bool
	}{
		{"W S Karpov S Yun", true},
		{"AURIGA Collaboration", true},
		{"A. Fontcuberta i Morral", false},     // Catalan "i" (and)
		{"Alexander G. de G. Matthews", false}, // particle between initials
		{"Fontcuberta i Morral, Anna", false},
		{"J. van der Waals", false},
		{"w s karpov s yun", true}, // all lower case: the letters are initials
	} {
		if got := NotAName(tt.name) != ""; got != tt.not {
			t.Errorf("NotAName(%q) = %q, want flagged %v", tt.name, NotAName(tt.name), tt.not)
		}
	}
}
