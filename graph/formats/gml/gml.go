// Package gml reads graphs in GML as networkx and Newman's data sets
// write them.
package gml

import (
	"bufio"
	"errors"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"coauthor/graph"
	"coauthor/graph/formats"
	"coauthor/graph/formats/internal/netbuild"
)

// ErrGML is wrapped by the ParseError of malformed GML.
var ErrGML = errors.New("malformed GML")

// Read reads a graph in GML as networkx and Newman's data sets write
// it: graph [ node [ id 0 label "A" ] edge [ source 0 target 1 value 2.5 ] ].
// A node is named by its label (its id when it has none); an edge's weight
// is its "value" or "weight", 1 when it has neither. Other keys and nested
// lists (graphics, ...) are skipped; string entities (&amp;) are decoded.
func Read(r io.Reader, file string) (*graph.Graph, error) {
	t := &gmlTokens{r: bufio.NewReader(r), line: 1}
	fail := func(line int, format string, args ...any) error {
		return &formats.ParseError{File: file, Line: line, Err: fmt.Errorf("%w: %s", ErrGML, fmt.Sprintf(format, args...))}
	}
	// Find "graph [".
	for {
		tok, err := t.next()
		if err == io.EOF {
			return nil, fail(t.line, "no graph [ ... ] list")
		}
		if err != nil {
			return nil, fail(t.line, "%v", err)
		}
		if tok.kind == gmlKey && tok.text == "graph" {
			if open, err := t.next(); err != nil || open.kind != gmlOpen {
				return nil, fail(t.line, "expected [ after graph")
			}
			break
		}
		if tok.kind == gmlOpen {
			if err := t.skipList(); err != nil {
				return nil, fail(t.line, "%v", err)
			}
		}
	}
	b := netbuild.New()
	ids := make(map[string]int32)
	type pending struct {
		source, target string
		w              float64
		line           int
	}
	var edges []pending
	for {
		tok, err := t.next()
		if err != nil {
			return nil, fail(t.line, "unterminated graph list")
		}
		if tok.kind == gmlClose {
			break
		}
		if tok.kind != gmlKey {
			return nil, fail(tok.line, "expected a key, found %q", tok.text)
		}
		switch tok.text {
		case "node", "edge":
			start := tok.line
			attrs, err := t.attrs()
			if err != nil {
				return nil, fail(t.line, "%v in %s starting at line %d", err, tok.text, start)
			}
			if tok.text == "node" {
				id, ok := attrs["id"]
				if !ok {
					return nil, fail(start, "node without id")
				}
				label, ok := attrs["label"]
				if !ok {
					label = id
				}
				if b.Has(label) {
					return nil, fail(start, "node label %q is duplicated", label)
				}
				if _, dup := ids[id]; dup {
					return nil, fail(start, "node id %s is duplicated", id)
				}
				ids[id] = b.Node(label)
				continue
			}
			e := pending{source: attrs["source"], target: attrs["target"], w: 1, line: start}
			if e.source == "" || e.target == "" {
				return nil, fail(start, "edge without source or target")
			}
			for _, k := range []string{"value", "weight"} {
				if s, ok := attrs[k]; ok {
					w, err := strconv.ParseFloat(s, 64)
					if err != nil {
						return nil, fail(start, "edge %s %q is not a number", k, s)
					}
					if err := formats.CheckWeight(w); err != nil {
						return nil, fail(start, "edge %s: %v", k, err)
					}
					e.w = w
					break
				}
			}
			edges = append(edges, e)
		default:
			if _, err := t.value(); err != nil {
				return nil, fail(t.line, "%v after %s", err, tok.text)
			}
		}
	}
	for _, e := range edges {
		u, ok1 := ids[e.source]
		v, ok2 := ids[e.target]
		if !ok1 || !ok2 {
			return nil, fail(e.line, "edge between unknown node ids %s and %s", e.source, e.target)
		}
		b.Link(u, v, e.w)
	}
	return b.Graph()
}

type gmlKind int

const (
	gmlKey gmlKind = iota
	gmlValue
	gmlOpen
	gmlClose
)

type gmlToken struct {
	kind gmlKind
	text string
	line int
}

type gmlTokens struct {
	r    *bufio.Reader
	line int
}

// next returns the next token: a key, a number or string, "[" or "]".
func (t *gmlTokens) next() (gmlToken, error) {
	for {
		c, err := t.r.ReadByte()
		if err != nil {
			return gmlToken{}, err
		}
		switch {
		case c == '\n':
			t.line++
		case c == ' ' || c == '\t' || c == '\r':
		case c == '#':
			if _, err := t.r.ReadString('\n'); err != nil {
				return gmlToken{}, err
			}
			t.line++
		case c == '[':
			return gmlToken{gmlOpen, "[", t.line}, nil
		case c == ']':
			return gmlToken{gmlClose, "]", t.line}, nil
		case c == '"':
			start := t.line
			s, err := t.r.ReadString('"')
			if err != nil {
				return gmlToken{}, fmt.Errorf("string starting at line %d is not closed", start)
			}
			t.line += strings.Count(s, "\n")
			return gmlToken{gmlValue, html.UnescapeString(s[:len(s)-1]), start}, nil
		default:
			var sb strings.Builder
			sb.WriteByte(c)
			for {
				c, err := t.r.ReadByte()
				if err != nil {
					break
				}
				if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '[' || c == ']' || c == '"' {
					t.r.UnreadByte()
					break
				}
				sb.WriteByte(c)
			}
			s := sb.String()
			if first := s[0]; first == '-' || first == '+' || first == '.' || ('0' <= first && first <= '9') {
				return gmlToken{gmlValue, s, t.line}, nil
			}
			return gmlToken{gmlKey, s, t.line}, nil
		}
	}
}

// value reads the value after a key; a list is skipped and returned as "".
func (t *gmlTokens) value() (string, error) {
	tok, err := t.next()
	if err == io.EOF {
		return "", errors.New("missing value")
	}
	if err != nil {
		return "", err
	}
	switch tok.kind {
	case gmlValue:
		return tok.text, nil
	case gmlOpen:
		return "", t.skipList()
	}
	return "", fmt.Errorf("expected a value, found %q", tok.text)
}

// skipList skips to the "]" that closes the current list.
func (t *gmlTokens) skipList() error {
	for depth := 1; depth > 0; {
		tok, err := t.next()
		if err != nil {
			return errors.New("unterminated list")
		}
		switch tok.kind {
		case gmlOpen:
			depth++
		case gmlClose:
			depth--
		}
	}
	return nil
}

// attrs reads "[ key value ... ]" into a map of its scalar values.
func (t *gmlTokens) attrs() (map[string]string, error) {
	if tok, err := t.next(); err != nil || tok.kind != gmlOpen {
		return nil, errors.New("expected [")
	}
	m := make(map[string]string)
	for {
		tok, err := t.next()
		if err != nil {
			return nil, errors.New("unterminated list")
		}
		if tok.kind == gmlClose {
			return m, nil
		}
		if tok.kind != gmlKey {
			return nil, fmt.Errorf("expected a key, found %q", tok.text)
		}
		v, err := t.value()
		if err != nil {
			return nil, err
		}
		if _, seen := m[tok.text]; !seen {
			m[tok.text] = v
		}
	}
}
