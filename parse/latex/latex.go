// Package latex decodes the LaTeX of BibTeX fields into plain text.
package latex

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// accents maps LaTeX accent commands to Unicode combining marks.
var accents = map[string]rune{
	`"`: '\u0308', `'`: '\u0301', "`": '\u0300', "^": '\u0302', "~": '\u0303',
	"=": '\u0304', ".": '\u0307', "u": '\u0306', "v": '\u030C', "H": '\u030B',
	"c": '\u0327', "k": '\u0328', "r": '\u030A', "d": '\u0323', "b": '\u0331',
	"t": '\u0361',
}

// letters maps LaTeX letter commands to their letters.
var letters = map[string]string{
	"i": "ı", "j": "ȷ", "l": "ł", "L": "Ł", "o": "ø", "O": "Ø", "ss": "ß",
	"ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
	"dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
	"&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}",
	" ": " ", ",": " ", ";": " ", "!": "", "/": "", "-": "",
	"TeX": "TeX", "LaTeX": "LaTeX", "BibTeX": "BibTeX",
	"textendash": "–", "textemdash": "—", "textquoteright": "’", "textquoteleft": "‘",
}

// Decode turns the LaTeX of a BibTeX field into plain Unicode text:
// accents ({\"o}, \'{e}, \c c) and special letters ({\i}, \l, \ss, {\o})
// become letters, the arguments of other commands (\textbf{x}) are kept,
// braces and math dollars are dropped, "~" is a space, and "--" and "---"
// are dashes. Accents nested deeper than maxDepth are dropped, so that
// the work stays linear in the length of s.
func Decode(s string) string { return decode(s, 0) }

// maxDepth bounds the nesting of accent arguments decoded.
const maxDepth = 64

func decode(s string, depth int) string {
	if !strings.ContainsAny(s, "\\{}~$-") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			name, next := commandName(s, i+1)
			if mark, ok := accents[name]; ok && depth < maxDepth {
				arg, after := accentArgument(s, next)
				arg = decode(arg, depth+1)
				if arg == "ı" { // \'{\i}: the accent goes on a plain i
					arg = "i"
				} else if arg == "ȷ" {
					arg = "j"
				}
				if arg == "" {
					b.WriteRune(mark)
				} else {
					r := []rune(arg)
					b.WriteRune(r[0])
					b.WriteRune(mark)
					b.WriteString(string(r[1:]))
				}
				i = after
				continue
			}
			if l, ok := letters[name]; ok {
				b.WriteString(l)
			}
			// Other commands vanish; their braced arguments stay as text.
			i = next
			if isLetter(name[0]) {
				for i < len(s) && s[i] == ' ' { // the space ending a command word
					i++
				}
			}
		case c == '\\': // a backslash ending the text ("Kay\\ " trimmed)
			i++
		case c == '{' || c == '}' || c == '$':
			i++
		case c == '~':
			b.WriteByte(' ')
			i++
		case c == '-' && strings.HasPrefix(s[i:], "---"):
			b.WriteString("—")
			i += 3
		case c == '-' && strings.HasPrefix(s[i:], "--"):
			b.WriteString("–")
			i += 2
		default:
			b.WriteByte(c)
			i++
		}
	}
	return norm.NFC.String(b.String())
}

// commandName returns the name of the command whose backslash is just
// before s[i] (a run of letters, or one other character) and where it ends.
func commandName(s string, i int) (string, int) {
	j := i
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	if j == i && i < len(s) {
		j = i + 1
	}
	return s[i:j], j
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// accentArgument returns the argument of an accent command starting at
// s[i]: a braced group, a command ({\i} as \i), or one character.
func accentArgument(s string, i int) (string, int) {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) {
		return "", i
	}
	switch s[i] {
	case '{':
		depth := 0
		for j := i; j < len(s); j++ {
			switch s[j] {
			case '{':
				depth++
			case '}':
				depth--
				if depth == 0 {
					return s[i+1 : j], j + 1
				}
			}
		}
		return s[i+1:], len(s)
	case '\\':
		_, next := commandName(s, i+1)
		return s[i:next], next
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i : i+size], i + size
}
