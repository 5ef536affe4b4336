package worldmap

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// sample is 15 countries with values (and Singapore, a country too small
// for the boundaries, drawn as a dot) and 20 links.
func sample() ([]Country, []Link) {
	cs := []Country{
		{Code: "US", Value: 420}, {Code: "CN", Value: 380}, {Code: "GB", Value: 210},
		{Code: "DE", Value: 190}, {Code: "FR", Value: 120}, {Code: "JP", Value: 95},
		{Code: "CA", Value: 80}, {Code: "AU", Value: 70}, {Code: "CH", Value: 60},
		{Code: "IN", Value: 55}, {Code: "BR", Value: 30}, {Code: "NO", Value: 25},
		{Code: "RU", Value: 18}, {Code: "ZA", Value: 12}, {Code: "NZ", Value: 9},
		{Code: "sg", Value: 40, Label: "Singapore"},
	}
	ls := []Link{
		{"US", "CN", 60}, {"US", "GB", 45}, {"US", "DE", 38}, {"GB", "DE", 30},
		{"US", "CA", 28}, {"CN", "JP", 22}, {"DE", "CH", 20}, {"GB", "FR", 18},
		{"DE", "FR", 17}, {"US", "JP", 15}, {"CN", "AU", 14}, {"GB", "AU", 12},
		{"US", "IN", 10}, {"CN", "SG", 9}, {"US", "CH", 9}, {"US", "BR", 8},
		{"DE", "RU", 7}, {"NO", "GB", 6}, {"AU", "NZ", 6}, {"ZA", "GB", 5},
	}
	return cs, ls
}

func sampleMap(t *testing.T) *Map {
	t.Helper()
	cs, ls := sample()
	m, err := New(cs, ls, Options{
		Title:       "Co-authorship between countries",
		Subtitle:    "Test data: 16 countries, 20 links",
		Measure:     "papers",
		LinkMeasure: "co-authored papers",
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (%d bytes, want %d); run go test -update and look at it", name, len(got), len(want))
	}
}

func TestGolden(t *testing.T) {
	m := sampleMap(t)
	var svg, png bytes.Buffer
	if err := m.WriteSVG(&svg); err != nil {
		t.Fatal(err)
	}
	if err := m.WritePNG(&png, 1600); err != nil {
		t.Fatal(err)
	}
	golden(t, "sample.svg", svg.Bytes())
	goldenPNG(t, "sample.png", png.Bytes())
	// A second map from the same input gives the same bytes.
	var again, againPNG bytes.Buffer
	m2 := sampleMap(t)
	if err := m2.WriteSVG(&again); err != nil {
		t.Fatal(err)
	}
	if err := m2.WritePNG(&againPNG, 1600); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), svg.Bytes()) || !bytes.Equal(againPNG.Bytes(), png.Bytes()) {
		t.Error("two maps of the same input differ")
	}
}

// goldenPNG compares a PNG with its golden file pixel by pixel: the
// rasteriser's anti-aliasing may round differently on another CPU (fused
// multiply-add), so up to 0.1% of the pixels may differ by more than
// 8/255 in a channel.
func goldenPNG(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	want, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != want.Bounds() {
		t.Fatalf("%s: size %v, golden %v", name, img.Bounds(), want.Bounds())
	}
	r := img.Bounds()
	differ := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := img.At(x, y).RGBA()
			r2, g2, b2, a2 := want.At(x, y).RGBA()
			for _, d := range []int{int(r1>>8) - int(r2>>8), int(g1>>8) - int(g2>>8), int(b1>>8) - int(b2>>8), int(a1>>8) - int(a2>>8)} {
				if d > 8 || d < -8 {
					differ++
					break
				}
			}
		}
	}
	if limit := r.Dx() * r.Dy() / 1000; differ > limit {
		t.Errorf("%s: %d pixels differ from the golden file (at most %d may); run go test -update and look at it", name, differ, limit)
	}
}

// The SVG is XML with one path per country of the boundaries (id
// country-CODE, data-code), a circle for Singapore, one path per link,
// and tooltips that give each country's value and each link's weight.
func TestSVGStructure(t *testing.T) {
	m := sampleMap(t)
	var buf bytes.Buffer
	if err := m.WriteSVG(&buf); err != nil {
		t.Fatal(err)
	}
	type title struct {
		Text string `xml:",chardata"`
	}
	type elem struct {
		XMLName xml.Name
		Class   string `xml:"class,attr"`
		ID      string `xml:"id,attr"`
		Code    string `xml:"data-code,attr"`
		A       string `xml:"data-a,attr"`
		B       string `xml:"data-b,attr"`
		Fill    string `xml:"fill,attr"`
		Title   title  `xml:"title"`
	}
	type group struct {
		Class  string  `xml:"class,attr"`
		Elems  []elem  `xml:",any"`
		Groups []group `xml:"g"`
	}
	var doc struct {
		Groups []group `xml:"g"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("the SVG is not XML: %v", err)
	}
	var countries, links []elem
	var walk func(g group)
	walk = func(g group) {
		for _, e := range g.Elems {
			switch e.Class {
			case "country":
				countries = append(countries, e)
			case "link":
				if e.A != "" {
					links = append(links, e)
				}
			}
		}
		for _, s := range g.Groups {
			walk(s)
		}
	}
	for _, g := range doc.Groups {
		walk(g)
	}
	byCode := map[string]elem{}
	paths, circles, nocode := 0, 0, 0
	for _, e := range countries {
		if e.Code == "" {
			nocode++
			continue
		}
		if _, ok := byCode[e.Code]; ok {
			t.Errorf("%s drawn twice", e.Code)
		}
		byCode[e.Code] = e
		if e.ID != "country-"+e.Code {
			t.Errorf("%s: id %q", e.Code, e.ID)
		}
		switch e.XMLName.Local {
		case "path":
			paths++
		case "circle":
			circles++
		}
	}
	// 175 countries with boundaries (not Antarctica: 174), the two shapes
	// without a code, and Singapore.
	if paths != 174 || nocode != 2 || circles != 1 {
		t.Errorf("%d country paths, %d without a code, %d circles; want 174, 2, 1", paths, nocode, circles)
	}
	cs, ls := sample()
	for _, c := range cs {
		code := strings.ToUpper(c.Code)
		e, ok := byCode[code]
		if !ok {
			t.Errorf("%s not drawn", code)
			continue
		}
		if want := "(" + code + "): " + formatNumber(c.Value) + " papers"; !strings.Contains(e.Title.Text, want) {
			t.Errorf("%s: tooltip %q, want it to hold %q", code, e.Title.Text, want)
		}
		if e.Fill == noDataColor {
			t.Errorf("%s has a value but the no-data colour", code)
		}
	}
	if e := byCode["PE"]; e.Fill != noDataColor || e.Title.Text != "Peru (PE): no data" {
		t.Errorf("PE: fill %s, tooltip %q", e.Fill, e.Title.Text)
	}
	if e := byCode["SG"]; !strings.HasPrefix(e.Title.Text, "Singapore (SG)") {
		t.Errorf("SG: tooltip %q", e.Title.Text)
	}
	if len(links) != len(ls) {
		t.Fatalf("%d links drawn, want %d", len(links), len(ls))
	}
	// The strongest is drawn last (on top), with its weight in its tooltip.
	if last := links[len(links)-1]; last.A != "CN" || last.B != "US" || !strings.HasSuffix(last.Title.Text, ": 60 co-authored papers") {
		t.Errorf("last link %s–%s %q", last.A, last.B, last.Title.Text)
	}
	// The legend says what the colours and the widths measure.
	for _, want := range []string{">Papers</text>", ">No data</text>", ">Links: co-authored papers</text>"} {
		if !bytes.Contains(buf.Bytes(), []byte(want)) {
			t.Errorf("the legend lacks %s", want)
		}
	}
	if n := bytes.Count(buf.Bytes(), []byte(`class="link-label"`)); n+m.DroppedLabels() != 10 || n < 5 {
		t.Errorf("%d link labels and %d dropped; want 10 in all, at least 5 drawn", n, m.DroppedLabels())
	}
}

// The PNG shows what the scene says: the US (the largest value) in the
// darkest colour in Arizona, Algeria (no data) grey, the South Atlantic
// white.
func TestPNGPixels(t *testing.T) {
	m := sampleMap(t)
	var buf bytes.Buffer
	const width = 1600
	if err := m.WritePNG(&buf, width); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	o, err := Project(m.sc.MapW)
	if err != nil {
		t.Fatal(err)
	}
	k := width / m.sc.W
	for _, c := range []struct {
		what     string
		lon, lat float64
		want     string
	}{
		{"Arizona", -111, 34, palette[len(palette)-1]},
		{"Algeria", 3, 28, noDataColor},
		{"the South Atlantic", -20, -30, "#ffffff"},
		{"Brazil", -60, -5, newScale([]float64{9, 420}, "").color(30)},
	} {
		x, y := o.Locate(c.lon, c.lat)
		px, py := int((x+m.sc.MapX)*k), int((y+m.sc.MapY)*k)
		r, g, b, _ := img.At(px, py).RGBA()
		if got := fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8); got != c.want {
			t.Errorf("%s at %d,%d is %s, want %s", c.what, px, py, got, c.want)
		}
	}
	if b := img.Bounds(); b.Dx() != width || b.Dy() != int(math.Round(m.sc.H*k)) {
		t.Errorf("PNG %v", b)
	}
}

func TestNewErrors(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		name      string
		countries []Country
		links     []Link
		opt       Options
		want      string
		is        error
	}{
		{"code of three letters", []Country{{Code: "USA", Value: 1}}, nil, Options{}, `country 1: code "USA"`, ErrCode},
		{"code with a digit", []Country{{Code: "U1", Value: 1}}, nil, Options{}, `code "U1"`, ErrCode},
		{"NaN value", []Country{{Code: "US", Value: nan}}, nil, Options{}, "country 1 (US): value NaN", ErrValue},
		{"infinite value", []Country{{Code: "US", Value: math.Inf(1)}}, nil, Options{}, "value +Inf", ErrValue},
		{"country twice", []Country{{Code: "US", Value: 1}, {Code: "us", Value: 2}}, nil, Options{}, "country 2: US given twice", ErrRepeat},
		{"link code", nil, []Link{{"US", "XYZ", 1}}, Options{}, `link 1: code "XYZ"`, ErrCode},
		{"negative weight", nil, []Link{{"US", "CN", -1}}, Options{}, "link 1 (US–CN): weight -1", nil},
		{"NaN weight", nil, []Link{{"US", "CN", nan}}, Options{}, "weight NaN", nil},
		{"self link", nil, []Link{{"US", "us", 1}}, Options{}, "link 1: both ends are US", nil},
		{"pair twice", nil, []Link{{"US", "CN", 1}, {"cn", "US", 2}}, Options{}, "link 2: CN–US given twice", ErrRepeat},
		{"scale", nil, nil, Options{Scale: "sqrt"}, `scale "sqrt"`, nil},
		{"narrow", nil, nil, Options{Width: 639}, "width 639: want 640 to 20000 points", nil},
		{"wide", nil, nil, Options{Width: 20001}, "width 20001", nil},
		{"NaN width", nil, nil, Options{Width: nan}, "width NaN", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := New(c.countries, c.links, c.opt)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one with %q", err, c.want)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("error %v is not %v", err, c.is)
			}
		})
	}
	// The zero value of everything draws an empty map.
	m, err := New(nil, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.WriteSVG(io.Discard); err != nil {
		t.Fatal(err)
	}
	// A PNG too large for memory is refused before it is drawn.
	if err := m.WritePNG(io.Discard, 20000); err == nil || !strings.Contains(err.Error(), "million pixels") {
		t.Errorf("a 20,000-pixel-wide PNG: error %v", err)
	}
}

// A valid code with no place on the map (French Guiana is part of
// France in Natural Earth's countries; Antarctica is left out) is
// listed, in the legend too, and a link to it is counted as not drawn.
func TestNotDrawn(t *testing.T) {
	m, err := New([]Country{{Code: "FR", Value: 3}, {Code: "GF", Value: 1}, {Code: "AQ", Value: 1}},
		[]Link{{"FR", "GF", 1}, {"FR", "ZZ", 2}, {"FR", "DE", 1}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(m.NotDrawn(), " "); got != "AQ GF ZZ" {
		t.Errorf("NotDrawn %q, want AQ GF ZZ", got)
	}
	if m.LinksNotDrawn() != 2 {
		t.Errorf("LinksNotDrawn %d, want 2", m.LinksNotDrawn())
	}
	var buf bytes.Buffer
	if err := m.WriteSVG(&buf); err != nil {
		t.Fatal(err)
	}
	if want := "Not on the map: AQ, GF, ZZ (2 links not drawn)"; !strings.Contains(buf.String(), want) {
		t.Errorf("the legend lacks %q", want)
	}
	if n := strings.Count(buf.String(), `<path class="link" data-a`); n != 1 {
		t.Errorf("%d links drawn, want 1", n)
	}
	// A long list is cut after 12 codes.
	var cs []Country
	for _, c := range "MNOPQRSTUVWXYZ" { // QM to QZ: user-assigned, on no map
		cs = append(cs, Country{Code: "Q" + string(c), Value: 1})
	}
	m, err = New(cs, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := m.WriteSVG(&buf); err != nil {
		t.Fatal(err)
	}
	if want := "Not on the map: QM, QN, QO, QP, QQ, QR, QS, QT, QU, QV, QW, QX and 2 more<"; !strings.Contains(buf.String(), want) || len(m.NotDrawn()) != 14 {
		t.Errorf("the legend lacks %q, or NotDrawn %v", want, m.NotDrawn())
	}
}

// Project gives the paths the SVG draws, as JSON for the browser.
func TestProjectMatchesSVG(t *testing.T) {
	m := sampleMap(t)
	var svg bytes.Buffer
	if err := m.WriteSVG(&svg); err != nil {
		t.Fatal(err)
	}
	o, err := Project(m.sc.MapW)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range o.Countries {
		if c.Path == "" || c.Code == "" {
			continue
		}
		n++
		if !strings.Contains(svg.String(), `data-code="`+c.Code+`" fill="`) || !strings.Contains(svg.String(), `d="`+c.Path+`"`) {
			t.Errorf("%s: the SVG lacks its path", c.Code)
		}
	}
	if n != 174 {
		t.Errorf("%d paths, want 174", n)
	}
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Width, Height float64
		Countries     []struct{ Code, Name, Path string }
	}
	if err := json.Unmarshal(b, &back); err != nil || back.Width != m.sc.MapW || len(back.Countries) != len(o.Countries) {
		t.Errorf("JSON round trip: %v, %v, %d countries", err, back.Width, len(back.Countries))
	}
}
