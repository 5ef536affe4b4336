package picture

// Palette colours the clusters, 0 the largest: Paul Tol's "muted"
// qualitative scheme (nine colours distinguishable with the common forms
// of colour blindness), then three of his "vibrant" scheme's hues that
// muted lacks or that stand apart from it in lightness (orange, a
// saturated blue, a light pink): twelve colours. Clusters beyond it are
// Grey with a dark outline (OtherStroke), which the legend explains.
var Palette = []string{
	"#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499",
	"#EE7733", "#0077BB", "#FFAABB",
}

// Grey colours the clusters beyond the palette.
const Grey = "#C8C8C8"

// OtherStroke outlines the nodes of clusters beyond the palette (grey), so
// that they do not read as unclustered.
const OtherStroke = "#555555"

// ClusterColor returns the colour of cluster c (0 the largest).
func ClusterColor(c int32) string {
	if c >= 0 && int(c) < len(Palette) {
		return Palette[c]
	}
	return Grey
}
