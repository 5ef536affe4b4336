package table

import "testing"

func TestCorrespondenceAddress(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Y. Li; Department of Surgery, Hunan Normal University, Changsha, Hunan, 410013, China; email: Liyufei666@163.com", "Department of Surgery, Hunan Normal University, Changsha, Hunan, 410013, China"},
		{"S. Kyei; University of Cape Coast, Cape Coast, Ghana", "University of Cape Coast, Cape Coast, Ghana"},
		{"S. Kyei", ""},
		{"J. Lv; Department of Urology, Qingdao Central Hospital, Qingdao, 266042, China; email: stone71@126.com; T. Cui; Department of Urology, Qingdao", "Department of Urology, Qingdao Central Hospital, Qingdao, 266042, China"},
		{"S. Kyei; email: skyei@ucc.edu.gh", ""},
		{"Alla, H., David, R., Continuous and hybrid Petri nets (1998) Journal of Circuits, 8 (1), pp. 159-188; Drath, R., Hybrid aspects (2002) Proc, pp. 1-6; Bairoch, A., The ENZYME database", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := correspondenceAddress(tt.in); got != tt.want {
			t.Errorf("correspondenceAddress(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
