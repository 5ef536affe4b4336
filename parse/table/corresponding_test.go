package table

import "testing"

func TestCorrespondenceAddress(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Y. Li; Department of Surgery, Hunan Normal University, Changsha, Hunan, 410013, China; email: Liyufei666@163.com", "Department of Surgery, Hunan Normal University, Changsha, Hunan, 410013, China"},
		{"S. Kyei; University of Cape Coast, Cape Coast, Ghana", "University of Cape Coast, Cape Coast, Ghana"},
		{"S. Kyei", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := correspondenceAddress(tt.in); got != tt.want {
			t.Errorf("correspondenceAddress(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
