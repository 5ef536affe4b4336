// Package svgscan reads back what a picture's SVG shows (nodes, their
// centres and fills, labels and their boxes, edges), for tests and the
// benchmark programs. It reads both Graphviz's SVG (ellipses inside
// <g class="node">, y negated by a transform) and render's own (circles).
package svgscan

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
)

// Node is a drawn node.
type Node struct {
	Title   string
	X, Y, R float64
	Fill    string
	Ego     bool
}

// Label is a drawn label: its text, the node it names (its index in
// Nodes, -1 when unknown) and its box.
type Label struct {
	Text           string
	Node           int
	X0, Y0, X1, Y1 float64
}

// Doc is what an SVG shows.
type Doc struct {
	Width, Height float64
	Nodes         []Node
	Edges         []string // titles
	Labels        []Label
	Texts         []Text // every <text>, with its anchor point
}

// Text is a <text> element: its class, content and anchor point.
type Text struct {
	Class, Text string
	X, Y        float64
	Size        float64
	Width       float64 // textLength, when set
}

// Nodes returns the nodes of an SVG.
func Nodes(svg []byte) ([]Node, error) {
	d, err := Parse(svg)
	if err != nil {
		return nil, err
	}
	return d.Nodes, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func num(e xml.StartElement, name string) float64 {
	f, _ := strconv.ParseFloat(strings.TrimSuffix(attr(e, name), "pt"), 64)
	return f
}

// Parse reads an SVG.
func Parse(svg []byte) (*Doc, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false
	doc := &Doc{}
	var stack []string // class of each open <g>
	var title *string
	var text *Text
	var label *Label
	inClass := func(c string) bool {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i] == c {
				return true
			}
		}
		return false
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "svg":
				if vb := strings.Fields(attr(t, "viewBox")); len(vb) == 4 {
					doc.Width, _ = strconv.ParseFloat(vb[2], 64)
					doc.Height, _ = strconv.ParseFloat(vb[3], 64)
				} else {
					doc.Width, doc.Height = num(t, "width"), num(t, "height")
				}
			case "g":
				c := attr(t, "class")
				stack = append(stack, c)
				switch c {
				case "node":
					doc.Nodes = append(doc.Nodes, Node{})
					title = &doc.Nodes[len(doc.Nodes)-1].Title
				case "edge":
					doc.Edges = append(doc.Edges, "")
					title = &doc.Edges[len(doc.Edges)-1]
				}
			case "title":
				if title != nil {
					var s string
					if err := dec.DecodeElement(&s, &t); err != nil {
						return nil, err
					}
					*title = s
					title = nil
				}
			case "circle", "ellipse":
				if inClass("node") && len(doc.Nodes) > 0 {
					n := &doc.Nodes[len(doc.Nodes)-1]
					if attr(t, "class") == "ego" {
						n.Ego = true
						continue
					}
					if n.Fill != "" {
						continue
					}
					n.X, n.Y, n.Fill = num(t, "cx"), num(t, "cy"), strings.ToUpper(attr(t, "fill"))
					n.R = num(t, "r")
					if n.R == 0 {
						n.R = num(t, "rx")
					}
				}
			case "rect":
				if attr(t, "class") == "label-box" {
					node, _ := strconv.Atoi(attr(t, "data-node"))
					x, y := num(t, "x"), num(t, "y")
					doc.Labels = append(doc.Labels, Label{Node: node, X0: x, Y0: y, X1: x + num(t, "width"), Y1: y + num(t, "height")})
					label = &doc.Labels[len(doc.Labels)-1]
				}
			case "text":
				doc.Texts = append(doc.Texts, Text{Class: attr(t, "class"), X: num(t, "x"), Y: num(t, "y"), Size: num(t, "font-size"), Width: num(t, "textLength")})
				text = &doc.Texts[len(doc.Texts)-1]
			}
		case xml.CharData:
			if text != nil {
				text.Text += string(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "g":
				stack = stack[:len(stack)-1]
			case "text":
				if label != nil && text != nil && text.Class == "label" {
					label.Text = text.Text
					label = nil
				}
				text = nil
			}
		}
	}
	return doc, nil
}

// SameClusterNeighbours returns how many coloured nodes (fill other than
// the grey of small clusters) have a nearest other node of their colour,
// and how many coloured nodes there are.
func SameClusterNeighbours(nodes []Node) (same, coloured int) {
	for i, a := range nodes {
		if a.Fill == "#C8C8C8" || a.Fill == "" {
			continue
		}
		coloured++
		best, nearest := math.Inf(1), -1
		for j, b := range nodes {
			if j == i {
				continue
			}
			if d := math.Hypot(a.X-b.X, a.Y-b.Y); d < best {
				best, nearest = d, j
			}
		}
		if nearest >= 0 && nodes[nearest].Fill == a.Fill {
			same++
		}
	}
	return same, coloured
}
