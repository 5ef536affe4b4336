package identity

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"coauthor/parse/names"
)

// rule is one way in which the names of two spellings match. The table
// rules gives each its strength and the explanation shown in names'
// output; unitRules lists, in order, the rules that compare two
// given-name units, each with its condition.
type rule uint8

const (
	ruleNone rule = iota
	// Given-name units (unitRules, in this order).
	ruleJoined      // "Zhi-Min" and "Zhimin"
	ruleSameUnit    // the same unit
	ruleGermanGiven // "Jürgen" and "Juergen"
	ruleNickname    // "Bill" and "William"
	ruleGivenTypo   // "Manueal" and "Manuela"
	ruleFirstPart   // "Hans" and "Hans-Werner"
	ruleAbbrev      // "Th." and "Thomas"
	ruleInitial     // "J." and "Jing", "J.-K." and "Jing-Kai"
	ruleInitials    // "J.-K." and "J.", two abbreviations of one letter
	ruleSameLetter  // other initials or abbreviations of one first letter ("Th." and "T.")
	// Whole names (compatible, typoPairs, reversedPairs).
	ruleInitialsOfParts // "Y. M." and "Yann-Michel"
	ruleMiddle          // "John A. Smith" and "John Smith"
	ruleMiddleInitials  // "J. A. Smith" and "J. Smith"
	ruleSuffix          // "Jr." in one spelling only
	ruleGermanFamily    // "Müller" and "Mueller"
	ruleFamilyTypo      // "Kowalczyk" and "Kowalcyzk", same given names
	ruleReversed        // "Zhang Shuming" and "Shuming Zhang"
	ruleCompoundFamily  // "J. G. Cegarra-Navarro" and "J. G. C. Navarro"
	ruleMiddleInitial   // "John A. Assimos" and "John Antony Assimos": one full first name
)

// unitPair is two given-name units a unit rule compares: first says
// whether they are first names, gu and gv are their German forms; when
// exactly one is a full name it is full and the other short; chinese
// says that the family name is Pinyin (pinyin.go).
type unitPair struct {
	u, v        names.Unit
	first       bool
	gu, gv      string
	full, short names.Unit
	chinese     bool // under a Pinyin family name
}

// rules is the table of rules: strength, explanation (a fmt template
// filled by the step's args; "" adds nothing to the explanation) and,
// for unit rules, the condition, which returns the args.
var rules = [...]struct {
	strength int
	explain  string
	when     func(p unitPair) ([]string, bool)
}{
	ruleNone: {strength: none},
	ruleJoined: {strong, "%s and %s joined", func(p unitPair) ([]string, bool) {
		return texts(p.u, p.v), p.u.Kind == p.v.Kind && p.u.Text == p.v.Text && len(p.u.Parts) != len(p.v.Parts) && p.u.Kind == names.Full
	}},
	ruleSameUnit: {strong, "", func(p unitPair) ([]string, bool) {
		return nil, p.u.Kind == p.v.Kind && p.u.Text == p.v.Text
	}},
	ruleGermanGiven: {strong, "%s and %s the same but for ä/ae, ö/oe, ü/ue", func(p unitPair) ([]string, bool) {
		return texts(p.u, p.v), bothFull(p) && p.gu != "" && p.gu == p.gv
	}},
	ruleNickname: {medium, "%s and %s are variants of one given name", func(p unitPair) ([]string, bool) {
		return texts(p.u, p.v), bothFull(p) && p.first && len(p.u.Parts) == 0 && len(p.v.Parts) == 0 && names.NicknameVariants(p.u.Text, p.v.Text)
	}},
	ruleGivenTypo: {typo, "given names %s and %s are one %s apart", func(p unitPair) ([]string, bool) {
		if !bothFull(p) || !p.first || utf8.RuneCountInString(p.u.Text) < 5 {
			return nil, false
		}
		edit := oneEdit(p.u.Text, p.v.Text)
		return append(texts(p.u, p.v), edit), edit != ""
	}},
	ruleFirstPart: {weak, "%s and %s share only a first part", func(p unitPair) ([]string, bool) {
		u, v := p.u, p.v
		return texts(u, v), bothFull(p) && (len(u.Parts) > 1 && len(v.Parts) == 0 && u.Parts[0] == v.Text || len(v.Parts) > 1 && len(u.Parts) == 0 && v.Parts[0] == u.Text)
	}},
	ruleAbbrev: {medium, "%s. is an abbreviation of %s", func(p unitPair) ([]string, bool) {
		return []string{capital(p.short.Text), unitText(p.full)}, oneFull(p) && p.short.Kind == names.Abbrev && strings.HasPrefix(p.full.Text, p.short.Text)
	}},
	ruleInitial: {weak, "%s is an initial of %s", func(p unitPair) ([]string, bool) {
		return texts(p.short, p.full), oneFull(p) && p.short.Kind != names.Abbrev && initialsOf(p.short, p.full, p.chinese)
	}},
	ruleInitials: {weak, "%s and %s", func(p unitPair) ([]string, bool) {
		return texts(p.u, p.v), noFull(p) && firstRune(p.u.Text) == firstRune(p.v.Text) &&
			(p.u.Kind == names.Abbrev && p.v.Kind == names.Abbrev || len(p.u.Parts) != len(p.v.Parts))
	}},
	ruleSameLetter: {medium, "", func(p unitPair) ([]string, bool) {
		return nil, noFull(p) && firstRune(p.u.Text) == firstRune(p.v.Text)
	}},
	ruleInitialsOfParts: {strength: weak, explain: "%s are the initials of %s"},
	ruleMiddle:          {strength: medium, explain: "middle name %s in one spelling only"},
	ruleMiddleInitials:  {strength: weak, explain: "middle name %s in one spelling only"},
	ruleSuffix:          {strength: medium, explain: "suffix %s in one spelling only"},
	ruleGermanFamily:    {strength: strong, explain: "family names %s and %s the same but for ä/ae, ö/oe, ü/ue"},
	ruleFamilyTypo:      {strength: typo, explain: "family names %s and %s are one %s apart, same given names"},
	ruleReversed:        {strength: medium, explain: "the same two names in reversed order"},
	ruleCompoundFamily:  {strength: weak, explain: "family name %s written %s, %s among the given names"},
	// An initial for a middle name after the same full first name says
	// more than an initial for the first name: it is a medium match, as a
	// middle name in one spelling only is.
	ruleMiddleInitial: {strength: medium, explain: "%s is an initial of %s"},
}

// unitRules are the rules that compare two given-name units, in the
// order tried: the first whose condition holds decides.
var unitRules = []rule{ruleJoined, ruleSameUnit, ruleGermanGiven, ruleNickname, ruleGivenTypo, ruleFirstPart,
	ruleAbbrev, ruleInitial, ruleInitials, ruleSameLetter}

func bothFull(p unitPair) bool { return p.u.Kind == names.Full && p.v.Kind == names.Full }
func oneFull(p unitPair) bool  { return (p.u.Kind == names.Full) != (p.v.Kind == names.Full) }
func noFull(p unitPair) bool   { return p.u.Kind != names.Full && p.v.Kind != names.Full }

// texts returns the units as names' output writes them.
func texts(us ...names.Unit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = unitText(u)
	}
	return out
}

// hyphenInitial reports whether one of us is an initial of a hyphenated
// name ("J.-K.").
func hyphenInitial(us ...names.Unit) bool {
	for _, u := range us {
		if u.Kind == names.Initial && len(u.Parts) > 1 {
			return true
		}
	}
	return false
}

// step is one rule that matched, with the name parts it compared.
type step struct {
	rule rule
	args []string
	// hyphenInitial is set when the step names an initial of a
	// hyphenated name.
	hyphenInitial bool
}

func (s step) String() string {
	args := make([]any, len(s.args))
	for i, a := range s.args {
		args[i] = a
	}
	return fmt.Sprintf(rules[s.rule].explain, args...)
}

// match is why two spellings' names are compatible: how strongly (none,
// typo, weak, medium or strong) and the rules that matched their parts,
// none when the names are the same.
type match struct {
	strength int
	steps    []step
}

// add records a step of rule r; the match is no stronger than r.
func (m *match) add(r rule, hyphenInitial bool, args ...string) {
	m.strength = min(m.strength, rules[r].strength)
	m.steps = append(m.steps, step{rule: r, args: args, hyphenInitial: hyphenInitial})
}

// has reports whether a step of rule r matched.
func (m match) has(r rule) bool {
	for _, s := range m.steps {
		if s.rule == r {
			return true
		}
	}
	return false
}

// same reports whether the two names are the same (given names and
// family name, "TC Lu" and "T. C. Lu").
func (m match) same() bool { return len(m.steps) == 0 }

// allParts reports whether initials stand for every part of a
// hyphenated name: "Y. M." for "Yann-Michel", or "J.-K." for "Jing-Kai".
func (m match) allParts() bool {
	if m.has(ruleInitialsOfParts) {
		return true
	}
	if !m.has(ruleInitial) {
		return false
	}
	for _, s := range m.steps {
		if s.hyphenInitial {
			return true
		}
	}
	return false
}

// String explains the match: its steps joined by "; ", or "the same
// names".
func (m match) String() string {
	if m.same() {
		return "the same names"
	}
	out := make([]string, len(m.steps))
	for i, s := range m.steps {
		out[i] = s.String()
	}
	return strings.Join(out, "; ")
}
