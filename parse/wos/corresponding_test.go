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
