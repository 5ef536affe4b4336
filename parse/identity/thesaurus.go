package identity

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"coauthor/parse/internal/text"
	"coauthor/parse/names"
)

// Thesaurus maps name variants to a canonical name, as a VOSviewer
// thesaurus file does. It overrides the merge rules: every name whose
// folded key is listed becomes the canonical name, and names it lists
// (as variant or canonical) take part in no rule-based merge.
type Thesaurus struct {
	File    string
	entries map[string]thesaurusEntry // folded variant key → entry
	listed  map[string]bool           // every folded key named in the file
}

type thesaurusEntry struct {
	canonical string
	line      int
}

// ReadThesaurusFile reads the thesaurus at path (see ReadThesaurus).
func ReadThesaurusFile(path string) (*Thesaurus, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadThesaurus(f, path)
}

// ReadThesaurus reads lines of "variant,canonical" (comma- or
// tab-separated, CSV quoting allowed, "#" comments). A first line whose
// first field is "label" or "variant" is a header and is skipped.
func ReadThesaurus(r io.Reader, file string) (*Thesaurus, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(4096)
	cr := csv.NewReader(br)
	if first, _, _ := strings.Cut(string(head), "\n"); strings.Contains(first, "\t") {
		cr.Comma = '\t'
	}
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.TrimLeadingSpace = true
	t := &Thesaurus{File: file, entries: make(map[string]thesaurusEntry), listed: make(map[string]bool)}
	for rec := 1; ; rec++ {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		if rec == 1 {
			if h := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(fields[0], "\uFEFF"))); h == "label" || h == "variant" {
				continue
			}
		}
		if len(fields) != 2 || strings.TrimSpace(fields[0]) == "" || strings.TrimSpace(fields[1]) == "" {
			return nil, fmt.Errorf("%s:%d: expected \"variant,canonical\", found %d fields", file, line, len(fields))
		}
		variant, canonical := text.CollapseSpace(strings.TrimPrefix(fields[0], "\uFEFF")), text.CollapseSpace(fields[1])
		t.entries[names.Key(variant)] = thesaurusEntry{canonical: canonical, line: line}
		t.listed[names.Key(variant)] = true
		t.listed[names.Key(canonical)] = true
	}
	return t, nil
}

// Canonical returns the canonical name for key, following chains
// (a→b, b→c gives c), and the line of the first entry used.
func (t *Thesaurus) Canonical(key string) (name string, line int, ok bool) {
	if t == nil {
		return "", 0, false
	}
	e, ok := t.entries[key]
	if !ok {
		return "", 0, false
	}
	name, line = e.canonical, e.line
	for range len(t.entries) {
		next, ok := t.entries[names.Key(name)]
		if !ok || next.canonical == name {
			break
		}
		name = next.canonical
	}
	return name, line, true
}

// Lists reports whether the thesaurus names key as a variant or canonical.
func (t *Thesaurus) Lists(key string) bool { return t != nil && t.listed[key] }
