package identity

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// WriteReport writes what Resolve did, for people to read, in lines of
// at most width characters: each person with more than one spelling, the
// spellings and the reason for each merge; how many spellings and people
// there are (spellings is the number of distinct author strings); and the
// strongest candidate pairs kept apart, at most kept of them, with why.
func (id *Identity) WriteReport(w io.Writer, width, spellings, kept int) error {
	bw := bufio.NewWriter(w)
	merged := 0
	for _, p := range id.People {
		if len(p.Reasons) == 0 {
			continue
		}
		merged++
		var vs []string
		for _, v := range p.Variants {
			vs = append(vs, fmt.Sprintf("%s (%d)", v.Name, v.Count))
		}
		wrap(bw, p.Name+": "+strings.Join(vs, ", "), "", "    ", width)
		for _, r := range p.Reasons {
			wrap(bw, r, "    ", "      ", width)
		}
	}
	if merged > 0 {
		fmt.Fprintln(bw)
	}
	fmt.Fprintf(bw, "%d author(s) with more than one spelling; %d spellings, %d authors in all.\n", merged, spellings, len(id.People))
	if len(id.KeptApart) > 0 {
		ka := id.KeptApartByStrength()
		head := "\nKept apart:"
		if len(ka) > kept {
			head = fmt.Sprintf("\nKept apart (the %d strongest of %d; names --kept-apart lists all):", kept, len(ka))
			ka = ka[:kept]
		}
		fmt.Fprintln(bw, head)
		for _, k := range ka {
			text := strings.Join(k.Names, ", ") + ": " + k.Why
			if k.Match != "" {
				text += " [" + k.Match + "]"
			}
			wrap(bw, text, "    ", "      ", width)
		}
	}
	return bw.Flush()
}

// wrap writes text in lines of at most width characters, the first
// starting with first, the others with rest; a word longer than a line
// has a line of its own.
func wrap(w *bufio.Writer, text, first, rest string, width int) {
	line := first
	start := true
	for _, word := range strings.Fields(text) {
		if !start && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			w.WriteString(line + "\n")
			line, start = rest, true
		}
		if !start {
			line += " "
		}
		line += word
		start = false
	}
	w.WriteString(line + "\n")
}

// KeptApartByStrength returns the candidates kept apart, the strongest
// matches first (as WriteReport lists them), in a new slice.
func (id *Identity) KeptApartByStrength() []KeptApart {
	ka := slices.Clone(id.KeptApart)
	slices.SortStableFunc(ka, func(a, b KeptApart) int { return cmp.Compare(b.strength, a.strength) })
	if ka == nil {
		ka = []KeptApart{}
	}
	return ka
}
