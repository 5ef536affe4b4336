package parse

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ErrEdgeLine is wrapped by the ParseError of an edge-list line that is
// not "u v" or "u v w".
var ErrEdgeLine = errors.New(`expected an edge "u v" or "u v weight"`)

// ReadEdgeList reads a whitespace- or tab-separated edge list: one edge
// "u v" or "u v w" a line, "#" and "%" comment lines, blank lines. A third
// field that is a networkx data dict ("{'weight': 2}" or "{}") is read
// for its weight. Weights default to 1. file names the input in errors.
func ReadEdgeList(r io.Reader, file string) (*Network, error) {
	lines := newLineSource(r)
	b := newNetworkBuilder()
	for {
		l, ok := lines.next()
		if !ok {
			break
		}
		if l.text == "" || l.text[0] == '#' || l.text[0] == '%' {
			continue
		}
		u, v, w, err := edgeFields(l.text)
		if err != nil {
			return nil, &ParseError{File: file, Line: l.num, Found: shorten(l.text, 60), Err: err}
		}
		b.link(b.node(u), b.node(v), w)
	}
	if err := lines.readErr(); err != nil {
		return nil, err
	}
	return &b.net, nil
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
		return 1
	}
	return w
}
