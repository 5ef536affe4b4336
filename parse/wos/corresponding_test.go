package wos

import "testing"

func TestReprintAddress(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Toh, ML (corresponding author), Univ Technol Sarawak, Sch Built Environm, Sibu 96000, Sarawak, Malaysia.", "Univ Technol Sarawak, Sch Built Environm, Sibu 96000, Sarawak, Malaysia"},
		{"Aria, M (corresponding author), Univ Napoli Federico II, Naples, Italy.; Cuccurullo, C (corresponding author), Univ Campania, Capua, Italy.", "Univ Napoli Federico II, Naples, Italy"},
		{"LOACH, PA (reprint author), NORTHWESTERN UNIV, EVANSTON, IL 60208 USA", "NORTHWESTERN UNIV, EVANSTON, IL 60208 USA"},
		{"Toh, ML", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := reprintAddress(tt.in); got != tt.want {
			t.Errorf("reprintAddress(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// C1 lines that name no author of a paper of several authors are kept as
// the work's addresses, not dropped.
func TestUnlinkedAddresses(t *testing.T) {
	list := []string{"Lee, Ann", "Chen, Bo"}
	aff, unlinked := affiliations([]string{"[Lee, Ann] Univ Basel, Basel, Switzerland.", "Peking Univ, Beijing 100871, Peoples R China.", "[Kim, Cy] MIT, Cambridge, MA 02139 USA"}, list, nil, []int{0, 1}, 2)
	if len(aff) != 2 || len(aff[0]) != 1 || aff[0][0].Name != "Univ Basel, Basel, Switzerland" || len(aff[1]) != 0 {
		t.Errorf("linked %+v", aff)
	}
	if len(unlinked) != 2 || unlinked[0].Name != "Peking Univ, Beijing 100871, Peoples R China" || unlinked[1].Name != "MIT, Cambridge, MA 02139 USA" {
		t.Errorf("unlinked %+v", unlinked)
	}
	// A sole author's addresses are theirs.
	aff, unlinked = affiliations([]string{"Peking Univ, Beijing 100871, Peoples R China."}, list[:1], nil, []int{0}, 1)
	if len(aff) != 1 || len(aff[0]) != 1 || unlinked != nil {
		t.Errorf("sole author: %+v %+v", aff, unlinked)
	}
}
