package names

import "strings"

// nicknameTable lists common given names and their short forms, one full
// name a line. Two names are variants when one is a short form of the
// other.
const nicknameTable = `
abraham: abe
albert: al bert bertie
alexander: alex alec sandy xander
alexandra: alex sandra sasha
alfred: alf alfie fred
andrew: andy drew
anthony: tony
antonio: tony toni
barbara: barb barbie
benjamin: ben benji benny
bernard: bernie
beverly: bev
bradley: brad
cameron: cam
catherine: cathy cat kate katie
charles: charlie chuck chas
charlotte: charlie lottie
christina: chris tina
christine: chris tina
christopher: chris kit topher
cynthia: cindy
daniel: dan danny
danielle: dani
david: dave davy
deborah: deb debbie
donald: don donnie
dorothy: dot dottie
douglas: doug
edward: ed eddie ted ned
eleanor: ellie nell
elizabeth: liz lizzie beth betty eliza libby
emily: em emmy
eugene: gene
frances: fran frankie
francis: frank
frederick: fred freddie
chadwick: chad
gabriel: gabe gabi
gabriele: gabi
gabriela: gabby gabi
geoffrey: geoff
gerald: gerry jerry
gregory: greg
harold: hal harry
henry: hank harry
jacob: jake
james: jim jimmy jamie
jeffrey: jeff jeffery
jennifer: jen jenny
jessica: jess jessie
jonathan: jon jonny
john: jack johnny
joseph: joe joey
joshua: josh
judith: judy
katherine: kate kathy katie kat
kathleen: kathy
kenneth: ken kenny
kimberly: kim
lawrence: larry
leonard: leo len lenny
leonardo: leo
louis: lou
margaret: maggie meg peggy marge
matthew: matt
maximilian: max
michael: mike mick mickey
mitchell: mitch
nathan: nate
nathaniel: nate nat
nicholas: nick nicky
nicolas: nick
oliver: ollie
pamela: pam
patricia: pat patty trish
patrick: pat paddy
peter: pete
philip: phil
phillip: phil
rebecca: becky becca
richard: rick dick rich richie
robert: rob bob bobby robbie bert
ronald: ron ronnie
russell: russ
samantha: sam sammy
rodney: rod
roderick: rod
samuel: sam sammy
sandra: sandy
stanley: stan
stephanie: steph
stephen: steve
steven: steve
stuart: stu
susan: sue suzy
theodore: ted teddy theo
thomas: tom tommy
timothy: tim timmy
valentina: vale val
valentin: val
valerie: val
victoria: vicky tori
vincent: vince vinny
walter: walt
william: will bill billy liam
zachary: zac zach zack
`

// nicknames maps each name in the table to the names it is a variant of.
var nicknames = buildNicknames(nicknameTable)

func buildNicknames(table string) map[string][]string {
	m := make(map[string][]string)
	for _, ln := range strings.Split(table, "\n") {
		full, rest, ok := strings.Cut(ln, ":")
		if !ok {
			continue
		}
		for _, nick := range strings.Fields(rest) {
			m[full] = append(m[full], nick)
			m[nick] = append(m[nick], full)
		}
	}
	// Two short forms of one full name are not variants of each other:
	// Sandy and Alex (both Alexander) are usually two people.
	return m
}

// Nicknames returns the names a folded given name is a variant of in the
// built-in table. The slice is shared; do not modify it.
func Nicknames(name string) []string { return nicknames[name] }

// NicknameVariants reports whether two folded given names are variants in
// the built-in table (Tom and Thomas, Sam and Samuel, Tom and Tommy).
func NicknameVariants(a, b string) bool {
	for _, v := range nicknames[a] {
		if v == b {
			return true
		}
	}
	return false
}

// nicknamePairs counts the (short, full) pairs in the table.
func nicknamePairs() int {
	n := 0
	for _, ln := range strings.Split(nicknameTable, "\n") {
		if _, rest, ok := strings.Cut(ln, ":"); ok {
			n += len(strings.Fields(rest))
		}
	}
	return n
}
