package picture

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"coauthor/graph/formats"
)

// fontFamily names the Go fonts (which labels are measured and PNGs drawn
// with) first; Helvetica and Arial, the fallbacks, are narrower.
const fontFamily = "Go, Helvetica, Arial, sans-serif"

// WriteSVG writes the picture as SVG, drawn from its Scene: one
// <g class="node"> per author with its tooltip <title> and a circle (the
// ego's group has a second circle, class "ego"), one <g class="edge"> per
// edge with its <title> and a line, then the names (class "label",
// data-node the node's index) over a white halo, and the title and legend.
// The same picture gives the same bytes.
func (p *Picture) WriteSVG(w io.Writer) error {
	return p.Scene().WriteSVG(w, p.opt.Title)
}

func f2(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// WriteSVG writes the scene as SVG with the document title title.
func (s *Scene) WriteSVG(w io.Writer, title string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(bw, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%spt\" height=\"%spt\" viewBox=\"0 0 %s %s\" font-family=\"%s\">\n",
		f2(s.Width), f2(s.Height), f2(s.Width), f2(s.Height), fontFamily)
	if title != "" {
		fmt.Fprintf(bw, "<title>%s</title>\n", formats.XMLText(title))
	}
	fmt.Fprintf(bw, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n")
	if s.Density != nil {
		if err := s.Density.writeSVG(bw); err != nil {
			return err
		}
	}
	// Node and edge groups sit directly in the graph's group, as in
	// Graphviz's SVG; a style sheet holds their common attributes.
	fmt.Fprintf(bw, "<style>.edge line{stroke:%s;stroke-opacity:%s;stroke-linecap:round}.node circle{stroke:white;stroke-width:0.6}.node circle.ego{stroke:#222222;stroke-width:%d;fill:none}</style>\n",
		s.EdgeColor, f2(s.EdgeOpacity), ringWidth)
	fmt.Fprintf(bw, "<g class=\"graph\">\n")
	for _, e := range s.Edges {
		fmt.Fprintf(bw, "<g class=\"edge\"><title>%s</title><line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke-width=\"%s\"/></g>\n",
			formats.XMLText(e.Tip), f2(e.X1), f2(e.Y1), f2(e.X2), f2(e.Y2), f2(e.Width))
	}

	for _, n := range s.Nodes {
		fmt.Fprintf(bw, "<g class=\"node\"><title>%s</title><circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>",
			formats.XMLText(n.Tip), f2(n.X), f2(n.Y), f2(n.R), n.Fill)
		if n.Ego {
			fmt.Fprintf(bw, "<circle class=\"ego\" cx=\"%s\" cy=\"%s\" r=\"%s\"/>",
				f2(n.X), f2(n.Y), f2(round2(n.R+ringGap+ringWidth/2)))
		}
		fmt.Fprintf(bw, "</g>\n")
	}
	fmt.Fprintf(bw, "<g class=\"labels\" fill=\"#111111\">\n")
	for _, l := range s.Labels {
		if l.Leader {
			fmt.Fprintf(bw, "<line class=\"leader\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#555555\" stroke-width=\"0.6\"/>\n",
				f2(l.LX1), f2(l.LY1), f2(l.LX2), f2(l.LY2))
		}
		fmt.Fprintf(bw, "<text class=\"label\" data-node=\"%d\" x=\"%s\" y=\"%s\" font-size=\"%s\" stroke=\"white\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">%s</text>\n",
			l.Node, f2(l.X), f2(l.Y), f2(l.Size), formats.XMLText(l.Text))
	}
	fmt.Fprintf(bw, "</g>\n<g class=\"legend\">\n")
	for _, sw := range s.Swatches {
		fmt.Fprintf(bw, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>\n", f2(sw.X), f2(sw.Y), f2(sw.R), sw.Fill)
	}
	for _, t := range s.Texts {
		weight := ""
		if t.Bold {
			weight = " font-weight=\"bold\""
		}
		fmt.Fprintf(bw, "<text class=\"%s\" x=\"%s\" y=\"%s\" font-size=\"%s\"%s fill=\"%s\">%s</text>\n",
			t.Class, f2(t.X), f2(t.Y), f2(t.Size), weight, t.Color, formats.XMLText(t.Text))
	}
	fmt.Fprintf(bw, "</g>\n</g>\n</svg>\n")
	return bw.Flush()
}
