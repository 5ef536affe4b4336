package identity

import "coauthor/parse/names"

// Full-name homonyms. "Jia Wang", "Yan Liu" or "Wei Zhang" is a full name,
// but one shared by thousands: a Chinese given name of one syllable under
// a surname frequent worldwide. The hand check (testdata/handcheck) found
// such a string joined over an Eindhoven nanowire group and a Zhejiang
// photocatalysis group, sharing no co-author. Such a key is decided per
// mention like initials under a frequent surname (split.go): its papers
// are one person only as far as co-authors, affiliations or, within
// farApart years, rare title words link them.

// homonymFull reports whether n is a full name that many people bear: a
// given name of one Pinyin syllable, alone, under a frequent surname that
// is itself a Pinyin syllable.
func homonymFull(n names.Name) bool {
	if n.Family == "" || len(n.Given) != 1 || n.Suffix != "" {
		return false
	}
	u := n.Given[0]
	if u.Kind != names.Full || len(u.Parts) > 1 {
		return false
	}
	return frequentSurnames[n.Family] && pinyinSyllable(n.Family) && pinyinSyllable(u.Text)
}

// pinyinSyllable reports whether the folded word w is one Pinyin
// syllable (pinyin.go): "jia", "zhuang", "yan"; not "jiawei" nor "john".
func pinyinSyllable(w string) bool { return pinyin[w] }

// majorHomonym reports whether the mention of spelling x on paper p is
// of the largest group of a split full-name homonym: that group is one
// person by the evidence of its papers, and counts as a co-author.
func (r *resolver) majorHomonym(p, x int32) bool {
	if _, minor := r.minor[mentionRef{p, x}]; minor || r.parsed == nil {
		return false
	}
	return homonymFull(r.parsed[x])
}
