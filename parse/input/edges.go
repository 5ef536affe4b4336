package input

import (
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"

	"coauthor/parse"
)

// checkYear returns the error of a paper whose year is outside
// parse.MinYear–parse.MaxYear: a malformed record (skipped under SkipBad).
func checkYear(file string, p *parse.Paper) error {
	if p.Year == 0 || p.Year >= parse.MinYear && p.Year <= parse.MaxYear {
		return nil
	}
	return &parse.ParseError{File: file, Line: max(p.Line, 1), Found: strconv.Itoa(p.Year), Err: parse.ErrYear}
}

// runsTogether reports an author string that holds a lower-case letter
// followed by an upper-case one inside a word after a first name
// ("Araz R. AlievNigar T. Ismayilova"): names run together with no
// separator, as SpringerLink's CSV export writes them. "McDonald" and
// "DeWitt" have the pair at the start of the family name, the first word,
// or after one or two letters: they are left out.
func runsTogether(s string) bool {
	words, inWord := 0, false
	for i, r := range s {
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			inWord, words = true, words+1
		}
		if words < 2 || !unicode.IsLower(r) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
		if unicode.IsUpper(next) && wordStart(s, i) >= 3 {
			return true
		}
	}
	return false
}

// wordStart is the number of letters before byte i in its word.
func wordStart(s string, i int) int {
	n := 0
	for j := i; j > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if unicode.IsSpace(r) {
			break
		}
		n++
		j -= size
	}
	return n
}

// soloNote says that an input of n papers, each of one author, gives no
// co-authorship, and why when its author strings run names together.
func soloNote(name string, n, runTogether int, example string) string {
	note := fmt.Sprintf("%s gives no co-authorship: each of its %d papers has one author string", name, n)
	if runTogether*2 >= n {
		note += fmt.Sprintf(", and %d of them run several names together with no separator (e.g. %q, as SpringerLink's CSV export writes them), so they cannot be told apart; export RIS or BibTeX instead", runTogether, example)
	}
	return note
}
