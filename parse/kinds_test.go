package parse

import (
	"slices"
	"testing"
)

// Every input format has one Kind for the help texts, and every Kind is
// a format: the list cannot drift from the readers.
func TestKindsAreFormats(t *testing.T) {
	var formats []string
	for _, k := range Kinds {
		if slices.Contains(formats, k.Format) {
			t.Errorf("%s listed twice", k.Format)
		}
		formats = append(formats, k.Format)
		if k.Graph != IsGraphFormat(k.Format) {
			t.Errorf("%s: Graph %v, IsGraphFormat %v", k.Format, k.Graph, IsGraphFormat(k.Format))
		}
	}
	a, b := slices.Sorted(slices.Values(formats)), slices.Sorted(slices.Values(Formats))
	if !slices.Equal(a, b) {
		t.Errorf("Kinds %v, Formats %v", a, b)
	}
	if got := KindList(true, "or"); got != "edge list, GML, Pajek .net or Parquet edge table" {
		t.Errorf("KindList(true) = %q", got)
	}
}
