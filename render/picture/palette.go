package picture

// Palette is Paul Tol's "muted" qualitative scheme, distinguishable with
// the common forms of colour blindness; clusters beyond it are grey.
var Palette = []string{"#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499"}

// Grey colours the clusters beyond the palette.
const Grey = "#C8C8C8"

// ClusterColor returns the colour of cluster c (0 the largest).
func ClusterColor(c int32) string {
	if c >= 0 && int(c) < len(Palette) {
		return Palette[c]
	}
	return Grey
}
