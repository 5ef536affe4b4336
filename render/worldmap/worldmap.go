// Package worldmap draws countries on a map of the world: each country
// filled by a value (papers, or a measure) on a sequential colour-blind-
// safe scale, collaboration links drawn as curves between the countries'
// centroids with widths by weight and the strongest labelled, a title,
// and a legend that says what the colours and widths measure. It writes
// SVG and PNG (pure Go, the rasteriser and fonts of package render), the
// same picture with the same bytes for the same input, and gives the
// projected outline as data for a browser to draw the same map.
//
// The boundaries are Natural Earth's 1:110m admin-0 countries (public
// domain) as packaged by world-atlas 2.0.2, with the countries too small
// for that scale (Singapore, Hong Kong, Malta, …) as points from the
// 1:50m file; countries are named by ISO 3166-1 alpha-2 codes, mapped
// from the atlas's numeric codes with Debian's iso-codes table. The
// projection is Equal Earth; Antarctica is left out.
package worldmap

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Country is a country's value: Code its ISO 3166-1 alpha-2 code (upper
// or lower case), Value what the map's colours show (papers, or a
// measure), Label an optional name for its tooltip (default: the
// atlas's name).
type Country struct {
	Code  string
	Value float64
	Label string
}

// Link is a collaboration between two countries, A and B their codes,
// Weight its strength (co-authored papers, or a fractional count).
type Link struct {
	A, B   string
	Weight float64
}

// Options say what the map shows. The zero value draws a 960-point-wide
// map with a linear or logarithmic scale as the values ask, and labels
// the 10 strongest links.
type Options struct {
	Title    string // first line above the map
	Subtitle string // second line (e.g. the data's source)
	// Measure names what the values are, for the legend and tooltips
	// ("papers"); default "value".
	Measure string
	// LinkMeasure names what the links' weights are ("co-authored
	// papers"); default "weight".
	LinkMeasure string
	// Labels is how many of the strongest links are labelled with their
	// pair and weight: 0 means 10, a negative number none.
	Labels int
	// Scale is "linear", "log" or "" (log when every value is positive
	// and the largest is at least 50 times the smallest, else linear).
	// A log scale needs every value positive: with a zero or a negative
	// value the scale is linear.
	Scale string
	// Width is the canvas width in points, 640 to 20,000: 0 means 960.
	Width float64
}

const (
	defaultWidth  = 960
	minWidth      = 640
	maxWidth      = 20000
	defaultLabels = 10
)

// Errors of Validate and New.
var (
	ErrCode   = errors.New("not an ISO 3166-1 alpha-2 code")
	ErrValue  = errors.New("not a finite number")
	ErrRepeat = errors.New("given twice")
)

// Validate reports options that cannot be drawn.
func (o Options) Validate() error {
	switch o.Scale {
	case "", "linear", "log":
	default:
		return fmt.Errorf("worldmap: scale %q: want linear, log or empty", o.Scale)
	}
	if math.IsNaN(o.Width) || math.IsInf(o.Width, 0) || o.Width < 0 {
		return fmt.Errorf("worldmap: width %v: want a positive number of points or 0", o.Width)
	}
	if o.Width != 0 && (o.Width < minWidth || o.Width > maxWidth) {
		return fmt.Errorf("worldmap: width %v: want %d to %d points (the legend needs %d)", o.Width, minWidth, maxWidth, minWidth)
	}
	return nil
}

// Map is a world map laid out, ready to write.
type Map struct {
	opt     Options
	sc      *scene
	missing []string
	dropped int
	linksNo int
}

// NotDrawn returns the codes that had a value or a link but no place on
// the map (valid codes of territories the boundaries merge into another
// country, such as GF or RE in France, and AQ), sorted.
func (m *Map) NotDrawn() []string { return m.missing }

// LinksNotDrawn is how many links had an end not on the map.
func (m *Map) LinksNotDrawn() int { return m.linksNo }

// DroppedLabels is how many of the link labels asked for did not fit
// without overlapping another.
func (m *Map) DroppedLabels() int { return m.dropped }

func validCode(c string) bool {
	if len(c) != 2 {
		return false
	}
	for i := range 2 {
		if b := c[i] | 0x20; b < 'a' || b > 'z' {
			return false
		}
	}
	return true
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// New lays out the map of countries and links. A code that is not two
// letters, a value or weight that is not finite, a negative weight, a
// country or a pair given twice and a link from a country to itself are
// errors naming the entry; a valid code the map has no place for is
// listed by NotDrawn and in the legend.
func New(countries []Country, links []Link, opt Options) (*Map, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	vals := map[string]Country{}
	for i, c := range countries {
		if !validCode(c.Code) {
			return nil, fmt.Errorf("worldmap: country %d: code %q: %w", i+1, c.Code, ErrCode)
		}
		if !finite(c.Value) {
			return nil, fmt.Errorf("worldmap: country %d (%s): value %v: %w", i+1, c.Code, c.Value, ErrValue)
		}
		c.Code = strings.ToUpper(c.Code)
		if _, ok := vals[c.Code]; ok {
			return nil, fmt.Errorf("worldmap: country %d: %s %w", i+1, c.Code, ErrRepeat)
		}
		vals[c.Code] = c
	}
	type pair struct{ a, b string }
	seen := map[pair]bool{}
	ls := make([]Link, 0, len(links))
	for i, l := range links {
		for _, c := range []string{l.A, l.B} {
			if !validCode(c) {
				return nil, fmt.Errorf("worldmap: link %d: code %q: %w", i+1, c, ErrCode)
			}
		}
		if !finite(l.Weight) || l.Weight < 0 {
			return nil, fmt.Errorf("worldmap: link %d (%s–%s): weight %v: want a finite number ≥ 0", i+1, l.A, l.B, l.Weight)
		}
		a, b := strings.ToUpper(l.A), strings.ToUpper(l.B)
		if a == b {
			return nil, fmt.Errorf("worldmap: link %d: both ends are %s", i+1, a)
		}
		if b < a {
			a, b = b, a
		}
		if seen[pair{a, b}] {
			return nil, fmt.Errorf("worldmap: link %d: %s–%s %w", i+1, a, b, ErrRepeat)
		}
		seen[pair{a, b}] = true
		ls = append(ls, Link{a, b, l.Weight})
	}
	// Strongest first, ties by the pair: the order labels are given in.
	slices.SortFunc(ls, func(x, y Link) int {
		return cmp.Or(cmp.Compare(y.Weight, x.Weight), strings.Compare(x.A, y.A), strings.Compare(x.B, y.B))
	})
	if opt.Width == 0 {
		opt.Width = defaultWidth
	}
	if opt.Measure == "" {
		opt.Measure = "value"
	}
	if opt.LinkMeasure == "" {
		opt.LinkMeasure = "weight"
	}
	switch {
	case opt.Labels == 0:
		opt.Labels = defaultLabels
	case opt.Labels < 0:
		opt.Labels = 0
	}
	m := &Map{opt: opt}
	if err := m.layout(vals, ls); err != nil {
		return nil, err
	}
	return m, nil
}

// formatNumber writes a value or weight briefly: whole numbers with
// thousands separators, others with three significant digits.
func formatNumber(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		s := strconv.FormatInt(int64(math.Abs(x)), 10)
		var b strings.Builder
		if x < 0 {
			b.WriteByte('-')
		}
		for i, r := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	return strconv.FormatFloat(x, 'g', 3, 64)
}
