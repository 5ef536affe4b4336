package identity

import (
	"hash/maphash"
	"testing"
)

// One institution written two ways is one place; two institutions are
// two, even in one country.
func TestPlacesMeet(t *testing.T) {
	e := &evidence{seed: maphash.MakeSeed()}
	for _, c := range []struct {
		a, b []string
		want bool
	}{
		{[]string{"Dana-Farber Cancer Institute, Boston"}, []string{"Dana-Farber Cancer Institute, Harvard Medical School, Boston, MA, United States"}, true},
		{[]string{"Dana-Farber"}, []string{"Dana-Farber Cancer Institute, United States"}, true},
		{[]string{"Cornell"}, []string{"Cornell Univ."}, true},
		{[]string{"Childrens Hosp, Dept Cardiol, Boston, MA 02115 USA"}, []string{"Harvard Univ, Sch Med, Dept Pediat, Childrens Hosp Boston,Dept Cardiol, Boston, MA 02115 USA"}, true},
		{[]string{"Tsinghua University, Beijing, China"}, []string{"Zhejiang University, Hangzhou, China"}, false},
		{[]string{"Cornell University"}, []string{"Stanford University"}, false},
		{[]string{"National Taiwan University"}, []string{"National Cancer Institute"}, false},
		{[]string{"Department of Physics, MIT"}, []string{"Department of Physics, Caltech"}, false},
		{[]string{"University of California, Berkeley"}, []string{"University of Oxford, United Kingdom"}, false},
	} {
		var pa, pb profile
		for _, a := range c.a {
			pa.addPlaces(e, a)
		}
		for _, b := range c.b {
			pb.addPlaces(e, b)
		}
		pa.sortPlaces()
		pb.sortPlaces()
		if got := placesMeet(&pa, &pb); got != c.want {
			t.Errorf("placesMeet(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestOtherPlacesWhy(t *testing.T) {
	if got := decide(medium, false, Evidence{OtherPlaces: true}, Ambiguity{Family: "geva"}); got != "no shared co-author, and their papers give other institutions" {
		t.Errorf("no countries: %q", got)
	}
	if got := decide(medium, false, Evidence{OtherPlaces: true, OtherCountries: true}, Ambiguity{Family: "geva"}); got != "no shared co-author, and their papers give other institutions in other countries" {
		t.Errorf("other countries: %q", got)
	}
}
