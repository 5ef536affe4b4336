// Package examples holds the built-in example corpus and runnable example
// programs (see the subdirectories).
package examples

import _ "embed"

// AuthorPage is the author-page text of Tristan Hume's publication list,
// eight papers, the corpus the CLI uses when it is given no input file.
//
//go:embed data/tristan-hume.txt
var AuthorPage []byte

// AuthorPageName names AuthorPage in messages.
const AuthorPageName = "tristan-hume.txt (built-in example)"
