package pajek

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"coauthor/graph"
	"coauthor/graph/formats"
	"coauthor/graph/formats/internal/netbuild"
)

// Errors of a Pajek file, wrapped by formats.ParseError.
var (
	ErrVertex  = errors.New(`expected a vertex "number [label]" from 1 to the *Vertices count`)
	ErrEdge    = errors.New(`expected an edge "u v [weight]" of vertex numbers`)
	ErrSection = errors.New(`expected "*Vertices N" before the vertices and edges`)
)

// maxLine bounds one line of a Pajek file: a label or an edge list line.
const maxLine = 64 << 20

// maxVertices bounds the *Vertices count: a vertex without a line is a
// node all the same, so "*Vertices 200000000" alone, 20 bytes, would
// make 200 million nodes (FuzzReadPajek; 1 million take a second and
// 250 MB). A co-authorship network of every DBLP author has under 4
// million.
const maxVertices = 1 << 22

// Read reads a Pajek .net file, as Pajek, networkx's read_pajek and Write
// have it: an optional "*Network name" line, "*Vertices N" (a two-mode
// "*Vertices N N1" too), vertex lines "number "label" [coordinates and
// attributes]", then "*Edges" or "*Arcs" lines "u v [weight
// [attributes]]", or "*Edgeslist"/"*Arcslist" lines "u v1 v2 ...";
// keywords in any case, "%" comment lines. Arcs are read as undirected
// edges (co-authorship has no direction). A vertex without a line is
// labelled by its number. Nodes are named by their labels, in vertex
// order; as in networkx, two vertices of one label are one node. A pair
// given twice is one edge with the last weight; self-loops are dropped.
// Weights are 1 unless given, and must be finite and not negative. A
// *Vertices count over 4,194,304 (maxVertices) is an error. file names
// the input in errors.
func Read(r io.Reader, file string) (*graph.Graph, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	b := netbuild.New()
	var ids []int32 // vertex number - 1 → node
	n := -1         // vertices declared; -1 before *Vertices
	section := ""
	fail := func(num int, found string, err error) error {
		return &formats.ParseError{File: file, Line: num, Found: shorten(found, 60), Err: err}
	}
	vertex := func(num int, field string) (int32, error) {
		k, err := strconv.Atoi(field)
		if err != nil || k < 1 || k > n {
			return 0, fail(num, field, ErrVertex)
		}
		return ids[k-1], nil
	}
	for num := 1; ; num++ {
		line, err := readLine(br)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fail(num, "", err)
		}
		if line == "" && err != nil {
			break
		}
		if num == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		line = strings.TrimFunc(line, unicode.IsSpace)
		if line == "" || line[0] == '%' {
			continue
		}
		if line[0] == '*' {
			f := strings.Fields(line)
			section = strings.ToLower(f[0])
			switch section {
			case "*network":
			case "*vertices":
				if n >= 0 || len(f) < 2 {
					return nil, fail(num, line, ErrSection)
				}
				k, err := strconv.Atoi(f[1])
				if err != nil || k < 0 {
					return nil, fail(num, line, ErrSection)
				}
				if k > maxVertices {
					return nil, fail(num, line, fmt.Errorf("a *Vertices count over the limit of %d", maxVertices))
				}
				n = k
			case "*edges", "*arcs", "*edgeslist", "*arcslist":
				if n < 0 {
					return nil, fail(num, line, ErrSection)
				}
				for len(ids) < n { // vertices without a line
					ids = append(ids, b.Node(strconv.Itoa(len(ids)+1)))
				}
			default:
				return nil, fail(num, line, fmt.Errorf("a section Pajek .net files have (*Vertices, *Edges, *Arcs, *Edgeslist, *Arcslist), not %s", f[0]))
			}
			continue
		}
		switch section {
		case "*vertices":
			number, label, ok := vertexLine(line)
			k, err := strconv.Atoi(number)
			if !ok || err != nil || k != len(ids)+1 || k > n {
				return nil, fail(num, line, fmt.Errorf("%w, in order (vertex %d next)", ErrVertex, len(ids)+1))
			}
			ids = append(ids, b.Node(label))
		case "*edges", "*arcs":
			f := strings.Fields(line)
			if len(f) < 2 {
				return nil, fail(num, line, ErrEdge)
			}
			u, err := vertex(num, f[0])
			if err != nil {
				return nil, err
			}
			v, err := vertex(num, f[1])
			if err != nil {
				return nil, err
			}
			w := 1.0
			if len(f) > 2 {
				if w, err = strconv.ParseFloat(f[2], 64); err != nil {
					return nil, fail(num, line, ErrEdge)
				}
				if err := formats.CheckWeight(w); err != nil {
					return nil, fail(num, line, err)
				}
			}
			b.Link(u, v, w)
		case "*edgeslist", "*arcslist":
			f := strings.Fields(line)
			u, err := vertex(num, f[0])
			if err != nil {
				return nil, err
			}
			for _, x := range f[1:] {
				v, err := vertex(num, x)
				if err != nil {
					return nil, err
				}
				b.Link(u, v, 1)
			}
		default:
			return nil, fail(num, line, ErrSection)
		}
	}
	if n < 0 {
		return nil, fail(1, "", ErrSection)
	}
	for len(ids) < n {
		ids = append(ids, b.Node(strconv.Itoa(len(ids)+1)))
	}
	return b.Graph()
}

// vertexLine splits `12 "Ann Lee" 0.1 0.2 ic Red` into the number and
// the label (the number itself when there is none; a label without
// quotes is its first word).
func vertexLine(line string) (number, label string, ok bool) {
	number, rest, _ := strings.Cut(line, " ")
	if i := strings.IndexByte(number, '\t'); i >= 0 {
		number, rest = number[:i], number[i+1:]+" "+rest
	}
	rest = strings.TrimSpace(rest)
	switch {
	case rest == "":
		return number, number, true
	case rest[0] == '"':
		end := strings.IndexByte(rest[1:], '"')
		if end < 0 {
			return "", "", false
		}
		label = rest[1 : 1+end]
	default:
		label = strings.Fields(rest)[0]
	}
	if strings.TrimSpace(label) == "" {
		label = number
	}
	return number, label, true
}

// readLine reads a line of at most maxLine bytes.
func readLine(br *bufio.Reader) (string, error) {
	var buf []byte
	for {
		b, err := br.ReadSlice('\n')
		if len(buf)+len(b) > maxLine {
			return "", fmt.Errorf("a line over the limit of %d bytes", maxLine)
		}
		buf = append(buf, b...)
		if err != bufio.ErrBufferFull {
			return string(buf), err
		}
	}
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
