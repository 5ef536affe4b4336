package explorer

import (
	"strings"
	"testing"

	"coauthor/graph"
)

// -only files and -ego take the ids coauthor prints and names written
// with initials, given first or after a comma, as Matcher.Match does
// (issue 25).
func TestMatchLinesIDsAndInitials(t *testing.T) {
	g, err := graph.FromEdges([]graph.Node{{Name: "Malte Helmert", Papers: 3}, {Name: "Jörg Hoffmann", Papers: 2}, {Name: "Jana Hoffmann", Papers: 1}},
		[]graph.Edge{{U: 0, V: 1, Weight: 1, Papers: 1}})
	if err != nil {
		t.Fatal(err)
	}
	n := NewNetwork(g, nil, nil)
	ids, unmatched, err := n.MatchLines(strings.NewReader("M. Helmert\nid:2\nHoffmann, J\nid:9\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 2 || ids[0] != 0 || ids[1] != 2 || strings.Join(unmatched, "|") != "Hoffmann, J|id:9" {
		t.Errorf("ids %v, unmatched %q; want [0 2] and the two Hoffmanns' initials and id:9", ids, unmatched)
	}
	for _, q := range []string{"Helmert, M", "M. Helmert", "id:0"} {
		if id, err := n.Matcher().Match(q); id != 0 {
			t.Errorf("Match(%q) = %d, %v", q, id, err)
		}
	}
}
