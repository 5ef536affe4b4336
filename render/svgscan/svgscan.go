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
	"slices"
	"strconv"
	"strings"

	"coauthor/render/picture"
)

// Node is a drawn node.
type Node struct {
	Title   string
	X, Y, R float64
	Fill    string
	Ego     bool
}

// Label is a drawn label: its text, the node it names (data-node, the
// node's index) and its box (measured with the Go fonts, see
// picture.TextBox); Leader is set when a leader line joins it to its node,
// from (LX1, LY1) on the node's rim.
type Label struct {
	Text           string
	Node           int
	X0, Y0, X1, Y1 float64
	Leader         bool
	LX1, LY1       float64
}

// Doc is what an SVG shows.
type Doc struct {
	Width, Height float64
	Nodes         []Node
	Edges         []string // titles
	Labels        []Label
	Texts         []Text // every <text>, with its anchor point
}

// Text is a <text> element: its class, content, baseline start and size.
type Text struct {
	Class, Text string
	X, Y        float64
	Size        float64
	Bold        bool
}

// Box returns the text's box (see picture.TextBox).
func (t Text) Box() (x0, y0, x1, y1 float64) {
	return picture.TextBox(t.Text, t.X, t.Y, t.Size, t.Bold)
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
	var label, leader *Label
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
			case "line":
				if attr(t, "class") == "leader" {
					leader = &Label{Leader: true, LX1: num(t, "x1"), LY1: num(t, "y1")}
				}
			case "text":
				doc.Texts = append(doc.Texts, Text{Class: attr(t, "class"), X: num(t, "x"), Y: num(t, "y"), Size: num(t, "font-size"), Bold: attr(t, "font-weight") == "bold"})
				text = &doc.Texts[len(doc.Texts)-1]
				graphvizLabel := text.Class == "" && inClass("node") && len(doc.Nodes) > 0
				if graphvizLabel {
					text.Class = "label"
				}
				if text.Class == "label" {
					l := Label{}
					if leader != nil {
						l = *leader
						leader = nil
					}
					l.Node, _ = strconv.Atoi(attr(t, "data-node"))
					if graphvizLabel {
						// Graphviz centres an xlabel on x.
						l.Node, l.Leader = len(doc.Nodes)-1, attr(t, "text-anchor") == "middle"
					}
					doc.Labels = append(doc.Labels, l)
					label = &doc.Labels[len(doc.Labels)-1]
				}
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
				if label != nil && text != nil {
					label.Text = text.Text
					label.X0, label.Y0, label.X1, label.Y1 = picture.TextBox(text.Text, text.X, text.Y, text.Size, false)
					if label.Leader && label.LX1 == 0 && label.LY1 == 0 {
						// A Graphviz xlabel, centred: no leader line.
						w := label.X1 - label.X0
						label.X0, label.X1, label.Leader = label.X0-w/2, label.X1-w/2, false
					}
					label = nil
				}
				text = nil
			}
		}
	}
	// Graphviz gives every node a blank label.
	doc.Labels = slices.DeleteFunc(doc.Labels, func(l Label) bool { return strings.TrimSpace(l.Text) == "" })
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

// LabelCheck counts what is wrong with a picture's labels: pairs of labels
// whose boxes intersect, labels whose box meets a node other than their
// own, and labels whose nearest node (from the box to the circle) is not
// their own (a label joined to its node by a leader line is exempt when
// the line starts on its node's rim).
type LabelCheck struct {
	Labels, PairsOverlapping, OverOtherNode, NotNearest int
	// PairsTouching counts pairs of labels less than MinLabelGap points
	// apart (overlapping ones included): names that touch read as one.
	PairsTouching int
}

// MinLabelGap is the least room, in points, CheckLabels wants between two
// labels' boxes (picture.LabelGap, less rounding).
const MinLabelGap = 4

func boxToCircle(l Label, n Node) float64 {
	dx := math.Max(0, math.Max(l.X0-n.X, n.X-l.X1))
	dy := math.Max(0, math.Max(l.Y0-n.Y, n.Y-l.Y1))
	return math.Hypot(dx, dy) - n.R
}

// CheckLabels checks the labels of d.
func CheckLabels(d *Doc) LabelCheck {
	c := LabelCheck{Labels: len(d.Labels)}
	for i, a := range d.Labels {
		for _, b := range d.Labels[i+1:] {
			if a.X0 < b.X1 && b.X0 < a.X1 && a.Y0 < b.Y1 && b.Y0 < a.Y1 {
				c.PairsOverlapping++
			}
			g := float64(MinLabelGap)
			if a.X0 < b.X1+g && b.X0 < a.X1+g && a.Y0 < b.Y1+g && b.Y0 < a.Y1+g {
				c.PairsTouching++
			}
		}
		over, nearest, best := false, -1, math.Inf(1)
		for j, n := range d.Nodes {
			dist := boxToCircle(a, n)
			if j != a.Node && dist < 0 {
				over = true
			}
			if dist < best {
				best, nearest = dist, j
			}
		}
		if over {
			c.OverOtherNode++
		}
		if nearest != a.Node {
			if a.Leader && a.Node >= 0 && a.Node < len(d.Nodes) {
				n := d.Nodes[a.Node]
				// On the rim, or on the ego's ring.
				if d := math.Hypot(a.LX1-n.X, a.LY1-n.Y) - n.R; d > -1 && d < 6 {
					continue
				}
			}
			c.NotNearest++
		}
	}
	return c
}
