package explorer

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"coauthor/graph"
	"coauthor/render/report"
)

// Named are collaboration paths as `coauthor path --json` prints them:
// each step the author's name and the paper linking them to the next.
type Named struct {
	Distance *int          `json:"distance"`
	Paths    [][]NamedStep `json:"paths"`
}

// NamedStep is one author of a Named path.
type NamedStep struct {
	Name  string    `json:"name"`
	Paper *PaperRef `json:"paper"`
}

// PathByName returns the collaboration paths between the authors named a
// and b (matched as Matcher.Match does), all of them (up to
// graph.MaxPaths) or the first.
func (n *Network) PathByName(a, b string, all bool) (Named, error) {
	u, err := n.Matcher().Match(a)
	if err != nil {
		return Named{}, err
	}
	v, err := n.Matcher().Match(b)
	if err != nil {
		return Named{}, err
	}
	p, err := n.Path(u, v, all)
	out := Named{Distance: p.Distance, Paths: [][]NamedStep{}}
	for _, path := range p.Paths {
		var steps []NamedStep
		for _, s := range path {
			steps = append(steps, NamedStep{s.Name, s.Paper})
		}
		out.Paths = append(out.Paths, steps)
	}
	if p.Distance == nil {
		out.Paths = append(out.Paths, []NamedStep{{n.G.Node(u).Name, nil}, {n.G.Node(v).Name, nil}})
	}
	return out, err
}

// Write writes the paths as indented JSON or, when asJSON is false, as
// WriteText does.
func (p Named) Write(w io.Writer, asJSON bool) error {
	if asJSON {
		return writeIndented(w, p)
	}
	return p.WriteText(w)
}

// writeIndented writes v as indented JSON, as the command line prints it.
func writeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// WriteText writes the paths for a reader: the distance, then each path
// one link a line with the paper behind it.
// Names go through report.Printable (no control or bidirectional
// characters); titles are quoted.
func (p Named) WriteText(w io.Writer) error {
	if p.Distance == nil {
		_, err := fmt.Fprintf(w, "%s and %s are not connected: no chain of co-authors joins them.\n", report.Printable(p.Paths[0][0].Name), report.Printable(p.Paths[0][1].Name))
		return err
	}
	first, last := report.Printable(p.Paths[0][0].Name), report.Printable(p.Paths[0][len(p.Paths[0])-1].Name)
	fmt.Fprintf(w, "%s → %s: collaboration distance %d", first, last, *p.Distance)
	if len(p.Paths) > 1 {
		fmt.Fprintf(w, ", %d shortest paths", len(p.Paths))
		if len(p.Paths) == graph.MaxPaths {
			fmt.Fprintf(w, " (the first %d)", graph.MaxPaths)
		}
	}
	fmt.Fprintln(w)
	for i, path := range p.Paths {
		if len(p.Paths) > 1 {
			fmt.Fprintf(w, "\npath %d:\n", i+1)
		}
		for k := 0; k+1 < len(path); k++ {
			paper := "(no paper known)"
			if pp := path[k].Paper; pp != nil {
				paper = fmt.Sprintf("%q", pp.Title)
				if pp.Year != 0 {
					paper += fmt.Sprintf(" (%d)", pp.Year)
				}
			}
			fmt.Fprintf(w, "  %s — %s: %s\n", report.Printable(path[k].Name), report.Printable(path[k+1].Name), paper)
		}
	}
	return nil
}

// Select returns the author named ego (-1 for "") and the ids
// of the authors named in the file only (nil for ""), for the -ego and
// -only filters, with a note on the names of only that match no one.
func (n *Network) Select(ego, only string) (id int32, ids []int32, note string, err error) {
	id = -1
	if ego != "" {
		if id, err = n.Matcher().Match(ego); err != nil {
			return id, nil, "", fmt.Errorf("-ego: %w", err)
		}
	}
	if only != "" {
		ids, note, err = n.OnlyFile(only)
		if note != "" {
			note = "-only " + note
		}
	}
	return id, ids, note, err
}

// OnlyFile reads the names in the file (one a line) and returns the ids
// of the authors they name, and a note on the names that name no one or
// several authors ("" when all matched).
func (n *Network) OnlyFile(name string) ([]int32, string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	ids, unmatched, err := n.MatchLines(f)
	if err != nil {
		return nil, "", fmt.Errorf("reading %s: %w", name, err)
	}
	if len(unmatched) == 0 {
		return ids, "", nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d of the names match no single author:", name, len(unmatched))
	for i, u := range unmatched {
		if i == 10 {
			fmt.Fprintf(&b, "\n  … and %d more", len(unmatched)-i)
			break
		}
		_, err := n.Matcher().Match(u)
		fmt.Fprintf(&b, "\n  %v", err)
	}
	return ids, b.String(), nil
}

// nodePapers are a Network's papers restricted to its nodes, for
// graph.Timeline: the papers with at least one of them.
type nodePapers struct {
	ids     []int32   // corpus indices
	authors [][]int32 // node ids
	years   []int
}

func (p *nodePapers) Len() int              { return len(p.ids) }
func (p *nodePapers) Authors(i int) []int32 { return p.authors[i] }
func (p *nodePapers) Year(i int) int        { return p.years[i] }

// papersOf returns the network's papers with their authors among its
// nodes.
func (n *Network) papersOf() *nodePapers {
	p := &nodePapers{}
	if n.Corpus == nil {
		return p
	}
	n.eachPaper(func(i int, authors []int32) {
		p.ids = append(p.ids, int32(i))
		p.authors = append(p.authors, slices.Clone(authors))
		p.years = append(p.years, n.Corpus.Year(i))
	})
	return p
}

// countPapers returns the number of papers with an author in the
// network.
func (n *Network) countPapers() int {
	count := 0
	if n.Corpus != nil {
		n.eachPaper(func(int, []int32) { count++ })
	}
	return count
}

// Timeline returns the network's growth year by year (graph.Timeline)
// over the papers of its authors.
func (n *Network) Timeline() []graph.Year {
	return graph.Timeline(n.papersOf(), n.G.N())
}

// WriteTimeline writes years as a table, or as indented JSON.
func WriteTimeline(w io.Writer, years []graph.Year, asJSON bool) error {
	if asJSON {
		return writeIndented(w, years)
	}
	fmt.Fprintf(w, "%-7s %7s %8s %11s %9s %17s\n", "year", "papers", "authors", "new authors", "new pairs", "largest component")
	for _, y := range years {
		year := fmt.Sprint(y.Year)
		if y.Year == 0 {
			year = "unknown"
		}
		fmt.Fprintf(w, "%-7s %7d %8d %11d %9d %16.1f%%\n", year, y.Papers, y.Authors, y.NewAuthors, y.NewPairs, 100*y.LargestComponentShare)
	}
	return nil
}

// Spells returns the years each node and each edge was active, as runs
// of consecutive years [first, last] of their papers: for GEXF's dynamic
// mode.
func (n *Network) Spells() (nodes, edges [][][2]int) {
	g := n.G
	nodes = make([][][2]int, g.N())
	edges = make([][][2]int, g.M())
	runs := func(ps []int32) [][2]int {
		var years []int
		for _, i := range ps {
			if y := n.Corpus.Year(int(i)); y != 0 {
				years = append(years, y)
			}
		}
		slices.Sort(years)
		var out [][2]int
		for _, y := range slices.Compact(years) {
			if k := len(out) - 1; k >= 0 && out[k][1]+1 == y {
				out[k][1] = y
			} else {
				out = append(out, [2]int{y, y})
			}
		}
		return out
	}
	for v := range int32(g.N()) {
		nodes[v] = runs(n.NodePapers(v))
	}
	for e := range int32(g.M()) {
		ed := g.Edge(e)
		edges[e] = runs(n.SharedPapers(ed.U, ed.V))
	}
	return nodes, edges
}
