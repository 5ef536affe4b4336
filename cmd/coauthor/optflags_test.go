package main

import (
	"flag"
	"io"
	"math"
	"testing"

	"coauthor/graph"
	"coauthor/graph/community"
	"coauthor/graph/filter"
	"coauthor/graph/measure"
	"coauthor/parse/input"
)

// The flags set the library's options they name, and the values the
// flags refuse are those the options' Validate refuses.
func TestOptionFlags(t *testing.T) {
	var (
		in   input.Options
		bo   graph.BuildOptions
		co   community.Options
		mo   measure.Options
		fo   filter.Options
		by   string
		args = []string{"-format", "dblp", "-author-sep", "|", "-skip-bad", "-max-authors", "50", "-over-max", "cap",
			"-since", "2001", "-until", "2010", "-merge", "strict", "-counting", "fractional", "-mem", "1GB",
			"-resolution", "2.5", "-starts", "3", "-samples", "40", "-epsilon", "0.05", "-delta", "0.2", "-seed", "9",
			"-top", "7", "-min-weight", "2", "-min-papers", "3", "-component", "largest", "-depth", "2", "-by", "degree"}
	)
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	registerInput(fs, &in)
	registerBuild(fs, &bo, false)
	registerCommunity(fs, &co, true)
	registerMeasure(fs, &mo)
	registerFilter(fs, &fo, "-by")
	measureFlag(fs, &by, "by", "pagerank", "order by `measure`")
	if files, err := parseFlags(fs, args); err != nil || len(files) != 0 {
		t.Fatal(files, err)
	}
	switch {
	case in.Format != "dblp" || in.AuthorSep != "|" || !in.SkipBad || in.MaxAuthors != 50 || !in.CapAuthors ||
		in.Since != 2001 || in.Until != 2010 || !in.Resolve.Strict || in.Resolve.NoMerge:
		t.Errorf("input %+v", in)
	case bo.Counting != graph.Fractional || bo.Mem != 1<<30:
		t.Errorf("build %+v", bo)
	case co.Resolution != 2.5 || co.Starts != 3:
		t.Errorf("community %+v", co)
	case mo.Samples != 40 || mo.Epsilon != 0.05 || mo.Delta != 0.2 || mo.Seed != 9:
		t.Errorf("measure %+v", mo)
	case fo.Top != 7 || fo.MinWeight != 2 || fo.MinPapers != 3 || !fo.Largest || fo.Depth != 2 || by != "degree":
		t.Errorf("filter %+v, by %q", fo, by)
	}
	for _, err := range []error{in.Validate(), bo.Validate(), co.Validate(), mo.Validate(), fo.Validate()} {
		if err != nil {
			t.Error(err)
		}
	}

	// Each value a flag refuses, the options refuse too.
	for _, tt := range []struct {
		flag, value string
		set         func() // nil: the options have no such value
	}{
		{"resolution", "NaN", func() { co.Resolution = math.NaN() }},
		{"resolution", "-1", func() { co.Resolution = -1 }},
		{"starts", "1001", func() { co.Starts = 1001 }},
		{"samples", "-1", func() { mo.Samples = -1 }},
		{"epsilon", "1", func() { mo.Epsilon = 1 }},
		{"delta", "0", nil}, // -delta 0 is refused; Delta 0 means 0.1
		{"max-authors", "-1", func() { in.MaxAuthors = -1 }},
		{"format", "pdf", func() { in.Format = "pdf" }},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var (
			in2 input.Options
			co2 community.Options
			mo2 measure.Options
		)
		registerInput(fs, &in2)
		registerCommunity(fs, &co2, true)
		registerMeasure(fs, &mo2)
		if err := fs.Parse([]string{"-" + tt.flag, tt.value}); err == nil {
			t.Errorf("-%s %s accepted", tt.flag, tt.value)
		}
		if tt.set == nil {
			continue
		}
		co, mo, in = community.Options{}, measure.Options{}, input.Options{}
		tt.set()
		var err error
		switch tt.flag {
		case "resolution", "starts":
			err = co.Validate()
		case "samples", "epsilon":
			err = mo.Validate()
		default:
			err = in.Validate()
		}
		if err == nil {
			t.Errorf("options with -%s %s: no error", tt.flag, tt.value)
		}
	}
}
