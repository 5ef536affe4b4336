package identity

import (
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/corpus"
)

// A suffix in one spelling only keeps two spellings apart unless other
// evidence than the names joins them (suffix.go).
func TestSuffixOnce(t *testing.T) {
	type paper struct {
		title, venue string
		year         int
		authors      []string
	}
	for _, c := range []struct {
		name   string
		papers []paper
		a, b   string
		merged bool
		why    string // in the merge's match, or in the kept-apart reason
	}{
		{"same names, rare family, same years", []paper{
			{"Gesture menus in virtual reality", "CHI", 2009, []string{"Joseph J LaViola Jr.", "Andrew Bragdon"}},
			{"Spatial interaction for art", "SIGGRAPH", 2011, []string{"Joseph J LaViola", "Daniel F Keefe"}},
		}, "Joseph J LaViola Jr.", "Joseph J LaViola", true, "weak evidence of two people: the same given names under a rare family name in the same years"},
		{"same names, decades apart", []paper{
			{"Gesture menus in virtual reality", "CHI", 2009, []string{"Joseph J LaViola Jr.", "Andrew Bragdon"}},
			{"Spatial interaction for art", "SIGGRAPH", 1979, []string{"Joseph J LaViola", "Daniel F Keefe"}},
		}, "Joseph J LaViola Jr.", "Joseph J LaViola", false, "years apart"},
		{"a shared co-author", []paper{
			{"Band gap bowing in InGaN", "APL", 2002, []string{"J. W. Ager III", "Wladek Walukiewicz"}},
			{"Photoluminescence of MoS2", "Science", 2015, []string{"J. W. Ager", "Wladek Walukiewicz"}},
		}, "J. W. Ager III", "J. W. Ager", true, "shared co-authors outweigh it"},
		{"initial for a name, a venue only", []paper{
			{"Stable ischemic heart disease guideline", "Circulation", 2012, []string{"Spencer B. King III", "Ada Byron"}},
			{"Off-pump bypass outcomes in Halifax", "Circulation", 2008, []string{"S King", "Carl Gauss"}},
		}, "Spencer B. King III", "S King", false, "an initial for a name"},
		{"initial for a name, a shared co-author", []paper{
			{"Stable ischemic heart disease guideline", "Circulation", 2012, []string{"Spencer B. King III", "Ada Byron"}},
			{"Coronary stents", "JACC", 2008, []string{"S King", "Ada Byron"}},
		}, "Spencer B. King III", "S King", true, "shared co-authors outweigh it"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cp := corpus.New()
			for _, p := range c.papers {
				cp.Add(&parse.Paper{Title: p.title, Venue: p.venue, Year: p.year, Authors: p.authors})
			}
			id := Resolve(cp, Options{})
			a, b := nameID(t, cp, c.a), nameID(t, cp, c.b)
			if merged := id.Person[a] == id.Person[b]; merged != c.merged {
				t.Fatalf("%q and %q merged = %v, want %v; kept apart: %+v", c.a, c.b, merged, c.merged, id.KeptApart)
			}
			text := ""
			for _, m := range id.People[id.Person[a]].Merges {
				text += m.Match + "\n"
			}
			for _, k := range id.KeptApart {
				text += k.Why + "\n"
			}
			if !strings.Contains(text, c.why) {
				t.Errorf("no %q in the explanation:\n%s", c.why, text)
			}
		})
	}
}

func nameID(t *testing.T, c *corpus.Corpus, name string) int32 {
	t.Helper()
	for i, s := range c.Names() {
		if s == name {
			return int32(i)
		}
	}
	t.Fatalf("no spelling %q", name)
	return -1
}
