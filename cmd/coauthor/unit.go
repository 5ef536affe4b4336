package main

import (
	"cmp"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"coauthor/graph"
	"coauthor/parse/identity"
	"coauthor/parse/unit"
	"coauthor/render/explorer"
	"coauthor/render/report"
)

// The unit of analysis (--unit): the network of authors, or of the
// institutions or countries their affiliations name (package unit).

// unitFlags hold --unit; fs is the command's flag set, so that a command
// can tell a flag given from its default.
type unitFlags struct {
	kind unit.Kind
	fs   *flag.FlagSet
}

// registerUnit adds --unit to fs.
func registerUnit(fs *flag.FlagSet, u *unitFlags) {
	u.fs = fs
	fs.Func("unit", "unit of analysis: author (the default), institution or country: the network whose nodes are the institutions or countries of the authors' affiliations, linked when a paper names both; with institution, -thesaurus maps institution variants", func(s string) error {
		k, err := unit.ParseKind(s)
		u.kind = k
		return err
	})
}

// given reports whether the flag called name was on the command line.
func (u *unitFlags) given(name string) bool {
	found := false
	if u.fs != nil {
		u.fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	}
	return found
}

// papers returns the names and papers the graph of d is built from: the
// identity's people, or the units of --unit, projected here (d.units).
func (d *dataset) papers(e *env, f *inputFlags) ([]string, graph.Papers, error) {
	if f.unit.kind == unit.Author {
		return d.Identity.Names(), d.Identity.Papers(d.Corpus), nil
	}
	var opt unit.Options
	if f.unit.kind == unit.Institution && f.thesaurus != "" {
		var err error
		if opt.Thesaurus, err = identity.ReadThesaurusFile(f.thesaurus); err != nil {
			return nil, nil, err
		}
	}
	step := e.Start("finding "+unitPlural(f.unit.kind), 0, "papers")
	u, err := unit.Project(e.ctx, d.Corpus, f.unit.kind, opt)
	if err != nil {
		return nil, nil, err
	}
	step.Add(int64(d.Corpus.Len()), 0)
	step.Done()
	d.units = u
	e.warnf("%s", coverageOf(u).note())
	return u.Names(), u, nil
}

// unitTitle names a unit network for a picture and an export.
func (d *dataset) unitTitle() string {
	bases := make([]string, len(d.Inputs))
	for i, in := range d.Inputs {
		bases[i] = filepath.Base(in)
	}
	return fmt.Sprintf("Co-authorship network of %s: %s", unitPlural(d.units.Kind), strings.Join(bases, ", "))
}

// unitPlural names the units of k in the plural.
func unitPlural(k unit.Kind) string {
	if k == unit.Country {
		return "countries"
	}
	return k.String() + "s"
}

// unitID returns the source id of node v of a unit network: the ISO code
// of a country, the ROR id of an institution that has one.
func (d *dataset) unitID(v int32) string { return d.units.Units[d.graph.Node(v).Person].ID }

// HasIDs reports whether the nodes have source ids: the input's people's,
// or a unit's (a country's code, an institution's ROR id).
func (d *dataset) HasIDs() bool {
	if d.units == nil {
		return d.Dataset != nil && d.Dataset.HasIDs()
	}
	return slices.ContainsFunc(d.units.Units, func(u unit.Unit) bool { return u.ID != "" })
}

// exploreUnits returns the explorer's view of g, a unit network of d.
func (d *dataset) exploreUnits(g *graph.Graph) *explorer.Network {
	nw := explorer.NewUnitNetwork(g, d.Corpus, d.units, len(d.units.Units))
	nw.Unit = d.units.Kind.String()
	return nw
}

// unitCoverage says how many author positions found a unit, for stderr
// and -json.
type unitCoverage struct {
	Unit string `json:"unit"`
	// Positions are the papers' author positions; NoAffiliation those
	// without an affiliation, NoUnit those with one in which no unit was
	// found: both count for no unit.
	Positions     int `json:"positions"`
	Mapped        int `json:"mapped"`
	NoAffiliation int `json:"no_affiliation"`
	NoUnit        int `json:"affiliation_without_unit"`
	// NoPlace, for countries, are the NoUnit positions whose affiliations
	// name no place at all ("ORNL"); the others name a place that was not
	// mapped (an ambiguous city, a place not in the last component).
	NoPlace         int `json:"no_place,omitempty"`
	UnmappedStrings int `json:"unmapped_strings"`
	UnmappedCount   int `json:"unmapped_count"`
	// Unmapped are the most frequent strings with no unit (at most 5).
	Unmapped []unit.Count `json:"unmapped"`
}

const unmappedShown = 5

func coverageOf(u *unit.Units) unitCoverage {
	return unitCoverage{
		Unit: u.Kind.String(), Positions: u.Positions, Mapped: u.Mapped,
		NoAffiliation: u.Positions - u.WithAffiliation, NoUnit: u.WithAffiliation - u.Mapped, NoPlace: u.NoPlace,
		UnmappedStrings: u.UnmappedStrings, UnmappedCount: u.UnmappedCount,
		Unmapped: append([]unit.Count{}, u.Unmapped[:min(len(u.Unmapped), unmappedShown)]...),
	}
}

// note is the coverage as a line for stderr.
func (c unitCoverage) note() string {
	what := c.Unit
	var b strings.Builder
	places := ""
	if what == "country" && c.NoUnit > 0 {
		places = fmt.Sprintf(": %s name no place at all, %s a place that was not mapped, an ambiguous city or one not last", count(c.NoPlace), count(c.NoUnit-c.NoPlace))
	}
	fmt.Fprintf(&b, "%s of %s author positions have a%s %s; %s have no affiliation and %s an affiliation naming no %s (they count for none%s)",
		count(c.Mapped), count(c.Positions), map[bool]string{true: "n"}[what == "institution"], what, count(c.NoAffiliation), count(c.NoUnit), what, places)
	if c.UnmappedStrings > 0 {
		fmt.Fprintf(&b, "; %s distinct affiliation strings gave no %s (found %s times), most often:", count(c.UnmappedStrings), what, count(c.UnmappedCount))
		for i, s := range c.Unmapped {
			if i > 0 {
				b.WriteString(";")
			}
			fmt.Fprintf(&b, " %q (%d)", shorten(s.Text, 80), s.Count)
		}
	}
	return b.String()
}

// count writes n with thousands separators.
func count(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// unitStats are stats's figures of a unit network: the network's, the
// coverage, each unit's papers and internal collaboration and, for
// countries, the SCP/MCP table.
type unitStats struct {
	*explorer.Stats
	Coverage      unitCoverage        `json:"coverage"`
	Units         []unitPapers        `json:"units"`
	Collaboration *unit.Collaboration `json:"collaboration,omitempty"`
}

// unitPapers is a unit's papers and internal collaboration.
type unitPapers struct {
	Name     string `json:"name"`
	ID       string `json:"id,omitempty"`
	Country  string `json:"country,omitempty"`
	Papers   int    `json:"papers"`
	Internal int    `json:"internal"`
}

// unitsShown is how many units the stats table lists.
const unitsShown = 20

// writeUnitStats writes stats of a unit network: s, the units by papers
// and, for countries, SCP and MCP.
func writeUnitStats(e *env, d *dataset, s *explorer.Stats, asJSON bool) error {
	u := d.units
	out := unitStats{Stats: s, Coverage: coverageOf(u), Units: []unitPapers{}}
	for _, x := range u.Units {
		out.Units = append(out.Units, unitPapers{x.Name, x.ID, x.Country, x.Papers, x.Internal})
	}
	slices.SortStableFunc(out.Units, func(a, b unitPapers) int { return cmp.Compare(b.Papers, a.Papers) })
	if u.Kind == unit.Country {
		var err error
		if out.Collaboration, err = unit.SCPMCP(u); err != nil {
			return err
		}
	}
	if asJSON {
		return report.JSON(e.stdout, out)
	}
	rows := s.Rows()
	for _, r := range rows {
		switch r[0] {
		case "authors":
			r[0] = unitPlural(u.Kind)
		case "raw names":
			r[0] = "author spellings" // of the input, not names of units
		}
	}
	if err := report.Table(e.stdout, rows); err != nil {
		return err
	}
	what := u.Kind.String()
	fmt.Fprintf(e.stdout, "\nNodes are %s (--unit %s); author positions with a%s %s: %s of %s.\n\n",
		unitPlural(u.Kind), what, map[bool]string{true: "n"}[what == "institution"], what, count(u.Mapped), count(u.Positions))
	table := [][]string{{strings.ToUpper(what[:1]) + what[1:], "ID", "Papers", "Internal"}}
	for _, x := range out.Units[:min(len(out.Units), unitsShown)] {
		table = append(table, []string{x.Name, x.ID, strconv.Itoa(x.Papers), strconv.Itoa(x.Internal)})
	}
	if err := report.Table(e.stdout, table); err != nil {
		return err
	}
	if n := len(out.Units) - unitsShown; n > 0 {
		fmt.Fprintf(e.stdout, "… %d more (-json gives all)\n", n)
	}
	fmt.Fprintf(e.stdout, "(Papers: papers with the %s; Internal: those with two or more of its authors.)\n", what)
	c := out.Collaboration
	if c == nil {
		return nil
	}
	fmt.Fprintf(e.stdout, "\nSingle- and multiple-country publications (bibliometrix's SCP and MCP): each paper counts for one country, "+
		"its corresponding author's (%s papers) or, where the source marks none, its first author's (%s papers); %s papers have neither.\n\n",
		count(c.ByCorresponding), count(c.ByFirstAuthor), count(c.Unattributed))
	table = [][]string{{"Country", "Code", "Papers", "SCP", "MCP", "MCP ratio", "By corresponding"}}
	for _, x := range c.Countries {
		table = append(table, []string{x.Name, x.Country, strconv.Itoa(x.Papers), strconv.Itoa(x.SCP), strconv.Itoa(x.MCP),
			strconv.FormatFloat(x.Ratio, 'f', 3, 64), strconv.Itoa(x.ByCorresponding)})
	}
	return report.Table(e.stdout, table)
}

// unitNames is names's answer for a unit network: the coverage and the
// units whose spellings were merged, with the reasons.
type unitNames struct {
	Coverage unitCoverage `json:"coverage"`
	Merged   []unit.Unit  `json:"merged"`
	// Acronyms are the institutions named by an acronym given alone
	// ("ORNL"), taken as written.
	Acronyms []string `json:"acronyms,omitempty"`
}

// writeUnitNames writes the merges of institution spellings, each with
// its reasons, and the affiliation strings that gave no unit.
func writeUnitNames(e *env, d *dataset, asJSON bool) error {
	u := d.units
	out := unitNames{Coverage: coverageOf(u), Merged: []unit.Unit{}}
	for _, x := range u.Units {
		if len(x.Reasons) > 0 {
			out.Merged = append(out.Merged, x)
		}
		if x.Acronym {
			out.Acronyms = append(out.Acronyms, x.Name)
		}
	}
	if asJSON {
		return report.JSON(e.stdout, out)
	}
	w := e.stdout
	fmt.Fprintf(w, "%s %s from %s author positions; %d merged from several spellings.\n",
		count(len(u.Units)), unitPlural(u.Kind), count(u.Positions), len(out.Merged))
	for _, x := range out.Merged {
		fmt.Fprintf(w, "\n%s", x.Name)
		if x.ID != "" || x.Country != "" {
			fmt.Fprintf(w, " (%s)", strings.Join(slices.DeleteFunc([]string{x.ID, x.Country}, func(s string) bool { return s == "" }), ", "))
		}
		fmt.Fprintf(w, ": %d papers\n", x.Papers)
		for _, v := range x.Variants {
			fmt.Fprintf(w, "  %q × %d\n", v.Text, v.Count)
		}
		for _, r := range x.Reasons {
			fmt.Fprintf(w, "  because %s\n", r)
		}
	}
	if n := len(out.Acronyms); n > 0 {
		shown := out.Acronyms[:min(n, 10)]
		more := ""
		if n > len(shown) {
			more = ", …"
		}
		what := "institutions are acronyms"
		if n == 1 {
			what = "institution is an acronym"
		}
		fmt.Fprintf(w, "\n%d %s given alone as the affiliation (%s%s): taken as written, never expanded nor merged with a name it may stand for.\n",
			n, what, strings.Join(shown, ", "), more)
	}
	if len(u.Unmapped) > 0 {
		fmt.Fprintf(w, "\nAffiliation strings that gave no %s (%d distinct, %d times; the %d most frequent):\n", u.Kind, u.UnmappedStrings, u.UnmappedCount, len(u.Unmapped))
		for _, s := range u.Unmapped {
			fmt.Fprintf(w, "  %q × %d\n", s.Text, s.Count)
		}
	}
	return nil
}
