package worldmap

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"

	"coauthor/graph/formats"
)

const fontFamily = "Go, Helvetica, Arial, sans-serif"

// WriteSVG writes the map as SVG: one <path class="country"> per country
// of the boundaries (data-code its ISO 3166-1 alpha-2 code, id
// "country-" and the code, a <title> tooltip with its name and value),
// a <circle class="country"> per small country with a value or a link,
// one <path class="link"> per link (data-a, data-b, a <title> with the
// weight), the link labels, the title and the legend. The same map
// gives the same bytes.
func (m *Map) WriteSVG(w io.Writer) error {
	sc := m.sc
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(bw, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%spt\" height=\"%spt\" viewBox=\"0 0 %s %s\" font-family=\"%s\">\n",
		f2(sc.W), f2(sc.H), f2(sc.W), f2(sc.H), fontFamily)
	if m.opt.Title != "" {
		fmt.Fprintf(bw, "<title>%s</title>\n", formats.XMLText(m.opt.Title))
	}
	fmt.Fprintf(bw, "<defs><linearGradient id=\"scale\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">")
	for i, c := range palette {
		fmt.Fprintf(bw, "<stop offset=\"%s\" stop-color=\"%s\"/>", strconv.FormatFloat(math.Round(1e4*float64(i)/float64(len(palette)-1))/1e4, 'f', -1, 64), c)
	}
	fmt.Fprintf(bw, "</linearGradient></defs>\n")
	fmt.Fprintf(bw, "<style>.country{stroke:%s;stroke-width:0.4;stroke-linejoin:round}circle.country{stroke:#555555;stroke-width:0.5}.link{fill:none;stroke:%s;stroke-opacity:%s;stroke-linecap:round}.end{fill:%s}</style>\n",
		borderColor, linkColor, f2(linkOpacity), endColor)
	fmt.Fprintf(bw, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n")
	fmt.Fprintf(bw, "<g class=\"map\" transform=\"translate(%s %s)\">\n<g class=\"countries\">\n", f2(sc.MapX), f2(sc.MapY))
	for _, s := range sc.Shapes {
		if s.Code != "" {
			fmt.Fprintf(bw, "<path class=\"country\" id=\"country-%s\" data-code=\"%s\"", s.Code, s.Code)
		} else {
			fmt.Fprintf(bw, "<path class=\"country\" data-name=\"%s\"", formats.XMLText(s.Name))
		}
		fmt.Fprintf(bw, " fill=\"%s\" fill-rule=\"evenodd\" d=\"%s\"><title>%s</title></path>\n", s.Fill, s.D, formats.XMLText(s.Tip))
	}
	for _, d := range sc.Dots {
		fmt.Fprintf(bw, "<circle class=\"country\" id=\"country-%s\" data-code=\"%s\" cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"><title>%s</title></circle>\n",
			d.Code, d.Code, f2(d.X), f2(d.Y), f2(d.R), d.Fill, formats.XMLText(d.Tip))
	}
	fmt.Fprintf(bw, "</g>\n<g class=\"links\">\n")
	for _, l := range sc.Links {
		fmt.Fprintf(bw, "<path class=\"link\" data-a=\"%s\" data-b=\"%s\" stroke-width=\"%s\" d=\"M%s %sQ%s %s %s %s\"><title>%s</title></path>\n",
			l.A, l.B, f2(l.Width), f2(l.P0.X), f2(l.P0.Y), f2(l.C.X), f2(l.C.Y), f2(l.P1.X), f2(l.P1.Y), formats.XMLText(l.Tip))
	}
	for _, e := range sc.Ends {
		fmt.Fprintf(bw, "<circle class=\"end\" cx=\"%s\" cy=\"%s\" r=\"%s\"/>\n", f2(e.X), f2(e.Y), f2(endR))
	}
	fmt.Fprintf(bw, "</g>\n</g>\n<g class=\"labels\">\n")
	for _, t := range sc.Labels {
		writeText(bw, t, true)
	}
	fmt.Fprintf(bw, "</g>\n<g class=\"legend\">\n")
	b := sc.Bar
	fmt.Fprintf(bw, "<rect class=\"scale\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"url(#scale)\" stroke=\"%s\" stroke-width=\"0.5\"/>\n",
		f2(b.X), f2(b.Y), f2(b.W), f2(b.H), b.Stroke)
	for _, r := range sc.Rects {
		stroke := ""
		if r.Stroke != "" {
			stroke = fmt.Sprintf(" stroke=\"%s\" stroke-width=\"0.5\"", r.Stroke)
		}
		fmt.Fprintf(bw, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"%s/>\n", f2(r.X), f2(r.Y), f2(r.W), f2(r.H), r.Fill, stroke)
	}
	for _, l := range sc.Samples {
		fmt.Fprintf(bw, "<path class=\"link\" stroke-width=\"%s\" d=\"M%s %sL%s %s\"/>\n", f2(l.Width), f2(l.P0.X), f2(l.P0.Y), f2(l.P1.X), f2(l.P1.Y))
	}
	for _, t := range sc.Texts {
		writeText(bw, t, false)
	}
	fmt.Fprintf(bw, "</g>\n</svg>\n")
	return bw.Flush()
}

func writeText(bw *bufio.Writer, t sceneText, halo bool) {
	attr := ""
	if t.Bold {
		attr += " font-weight=\"bold\""
	}
	if t.Anchor != "" {
		attr += fmt.Sprintf(" text-anchor=\"%s\"", t.Anchor)
	}
	if halo {
		attr += " stroke=\"white\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\""
	}
	fmt.Fprintf(bw, "<text class=\"%s\" x=\"%s\" y=\"%s\" font-size=\"%s\"%s fill=\"%s\">%s</text>\n",
		t.Class, f2(t.X), f2(t.Y), f2(t.Size), attr, t.Color, formats.XMLText(t.Text))
}
