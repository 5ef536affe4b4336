// Package edgelist reads graphs written as edge lists, as networkx's
// read_edgelist and SNAP's files have them.
package edgelist

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"coauthor/graph"
	"coauthor/graph/formats"
	"coauthor/graph/formats/internal/netbuild"
)

// ErrEdgeLine is wrapped by the ParseError of an edge-list line that is
// not "u v" or "u v w".
var ErrEdgeLine = errors.New(`expected an edge "u v" or "u v weight"`)

// Read reads a whitespace- or tab-separated edge list: one edge "u v" or
// "u v w" a line, "#" and "%" comment lines, blank lines. A third field
// that is a networkx data dict ("{'weight': 2}" or "{}") is read for its
// weight. Weights default to 1. Nodes are named by their labels, in the
// order the file first gives them; a pair given twice (u v and v u) is one
// edge with the last weight given, as networkx reads it; self-loops are
// dropped, their nodes kept. file names the input in errors.
func Read(r io.Reader, file string) (*graph.Graph, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	b := netbuild.New()
	for num := 1; ; num++ {
		text, err := br.ReadString('\n')
		if text == "" && err != nil {
			if err == io.EOF {
				break
			}
			return nil, err
		}
		if num == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		text = strings.TrimFunc(text, unicode.IsSpace)
		if text == "" || text[0] == '#' || text[0] == '%' {
			continue
		}
		u, v, w, ferr := edgeFields(text)
		if ferr == nil {
			ferr = formats.CheckWeight(w)
		}
		if ferr != nil {
			return nil, &formats.ParseError{File: file, Line: num, Found: shorten(text, 60), Err: ferr}
		}
		b.Link(b.Node(u), b.Node(v), w)
	}
	return b.Graph()
}

// shorten cuts s to at most n runes for error messages.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func edgeFields(s string) (u, v string, w float64, err error) {
	f := strings.Fields(s)
	if len(f) < 2 {
		return "", "", 0, ErrEdgeLine
	}
	u, v, w = f[0], f[1], 1
	if len(f) == 2 {
		return u, v, w, nil
	}
	if rest := strings.Join(f[2:], " "); strings.HasPrefix(rest, "{") {
		return u, v, dictWeight(rest), nil
	}
	if len(f) > 3 {
		return "", "", 0, ErrEdgeLine
	}
	w, perr := strconv.ParseFloat(f[2], 64)
	if perr != nil {
		return "", "", 0, fmt.Errorf("%w: weight %q is not a number", ErrEdgeLine, f[2])
	}
	return u, v, w, nil
}

// dictWeight returns the 'weight' of a networkx edge-data dict, or 1.
func dictWeight(s string) float64 {
	i := strings.Index(s, "weight")
	if i < 0 {
		return 1
	}
	rest := strings.TrimLeft(s[i+len("weight"):], `'": `)
	end := strings.IndexAny(rest, ",}")
	if end < 0 {
		return 1
	}
	w, err := strconv.ParseFloat(strings.TrimSpace(rest[:end]), 64)
	if err != nil {
		return math.NaN() // refused by the caller
	}
	return w
}
