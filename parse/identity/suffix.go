package identity

// A suffix in one spelling only. "Joseph J LaViola Jr." and "Joseph J
// LaViola", "J. W. Ager" and "J. W. Ager III": a father and a son of one
// name are rare among the co-authors of one library, and most such pairs
// are one person who writes the suffix on some papers only (the hand
// check found three, none a father and son). So the suffix is weak
// evidence of two people: the pair is decided as if it were not there,
// and merges only when some evidence is there besides the names — a
// shared co-author or affiliation; for given names that agree without
// an initial standing for a name, a rare title word, or, for the same
// given names under an uncrowded family name, papers of the same years
// (a son's career begins decades after his father's). A venue alone is
// not enough ("S King" and "Spencer B. King III" both in Circulation).
// The merge says so in its explanation.

// decideSuffix decides candidate c, whose spellings differ by a suffix in
// one only: "" and a note for the merge's explanation to merge, else why
// not.
func (e *evidence) decideSuffix(c pairMatch, ev Evidence, amb Ambiguity) (why, note string) {
	a, b := e.parsed[c.a], e.parsed[c.b]
	a.Suffix, b.Suffix = "", ""
	m := compatible(a, b)
	if m.strength == none {
		return "names not compatible", ""
	}
	amb.SuffixOnce = false
	if why := decide(m.strength, m.same(), ev, amb); why != "" {
		return why, ""
	}
	co := len(ev.SharedCoauthors)
	if ev.LargeTeams {
		co = min(co/3, 2)
	}
	switch {
	case co > 0:
		note = "shared co-authors"
	case len(ev.SharedAffiliations) > 0:
		note = "a shared affiliation"
	case m.strength == weak:
		// "S King" and "Spencer B. King III": an initial says too
		// little for a topic to outweigh the suffix.
		return "a suffix (Jr., III) in one spelling only and an initial for a name, with no shared co-author or affiliation: perhaps a father and son", ""
	case len(ev.TitleWords) > 0:
		note = "rare title words in common"
	case m.same() && amb.FirstNames <= uncrowded && !amb.FrequentSurname && ev.YearsOverlap:
		note = "the same given names under a rare family name in the same years"
	default:
		return "a suffix (Jr., III) in one spelling only, and no shared co-author, affiliation, topic or years: perhaps a father and son", ""
	}
	return "", "a suffix in one spelling only is weak evidence of two people: " + note + " outweigh it"
}
