package parse

import (
	"bufio"
	"strings"
	"testing"

	"coauthor/examples"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, head, want string
	}{
		{"page.txt", string(examples.AuthorPage), FormatAuthorPage},
		{"ca-GrQc.txt", "# SNAP\n3466\t937\n3466\t5233\n", FormatEdgeList},
		{"karate.txt", "0 1 4\n0 2 5\n", FormatEdgeList},
		{"astro.txt", "4458 4745 {}\n4458 1 {'weight': 2}\n", FormatEdgeList},
		{"x.txt", "% comment\ngraph [\n  node [ id 0 ]\n]\n", FormatGML},
		{"x.txt", "Creator \"igraph\"\ngraph\n[\n", FormatGML},
		{"x.gml", "", FormatGML},
		{"x.edges", "", FormatEdgeList},
		{"short.txt", "Toy Models\n\nSep 21, 2022\nA B\n", FormatAuthorPage},
		{"x.txt", "a b c\n", ""},
		{"x.txt", "Some title\nOct 20, 2023\nA B, C D\n", FormatAuthorPage},
		{"x.txt", "Oct 20, 2023\nA B, C D\n", ""},
		{"savedrecs.txt", "\uFEFFPT\tAU\tBA\tBE\tGP\tAF\tTI\r\nJ\tLee, A\t\t\t\tLee, Ann\tT\r\n", FormatCSV},
		{"x.nbib", "PMID- 36206242\r\nOWN - NLM\r\nSTAT- MEDLINE\r\n", FormatMEDLINE},
		{"x.txt", "\nPMID- 26524502\nOWN - NLM\n", FormatMEDLINE},
		{"x.ovd", "<3001. >\nVN  - Ovid Technologies\nDB  - Embase\n", ""},
		{"x.cgi", "<1. >\nVN  - Ovid Technologies\n", ""},
		// Issue 21, finding 7: Ovid's display layout, whatever the name.
		{"ovid.xml", "<1>\r\nAccession Number\r\n  12345\r\nAuthors\r\n  Lee A.\r\n", ""},
		{"ovid.txt", "<8>\nUnique Identifier\n  29412345\n", ""},
		{"ovid.ris", "<1. >\nVN  - Ovid Technologies\n", ""},
		{"zeros.txt", "\x00\x00\x00\x00\x00\x00", ""},
		{"random.txt", "\x8f\x01z\xc3(\x00\x13\nQ\xfe\x7f", ""},
		{"empty.txt", "", FormatAuthorPage},
		// Issue 21, finding 7: Pajek networks, as export writes them.
		{"coauthors.net", "", FormatPajek},
		{"network.txt", "*Vertices 3\r\n1 \"Ann Lee\"\r\n", FormatPajek},
		{"network.txt", "*Network co\n*vertices 2\n", FormatPajek},
	}
	for _, tt := range tests {
		r := bufio.NewReader(strings.NewReader(tt.head))
		if got := Detect(tt.name, r); got != tt.want {
			t.Errorf("Detect(%q, %.30q) = %s, want %s", tt.name, tt.head, got, tt.want)
		}
		if n := r.Buffered(); n != len(tt.head) && len(tt.head) < 4096 {
			t.Errorf("Detect(%q) consumed input: %d of %d bytes left buffered", tt.name, n, len(tt.head))
		}
	}
}
