package knowledge

import (
	"strings"
	"unicode"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
)

// German analysis. Index and query text go through the same steps, so the
// lexical index only ever sees analysed terms:
//
//  1. words: split at everything that is not a letter or digit (hyphenated
//     compounds such as "Kfz-Zulassung" become two words),
//  2. fold: lower case, ä→ae, ö→oe, ü→ue, ß→ss (so "Gebühr", "Gebuehr" and
//     "GEBÜHR" agree),
//  3. drop German and English stop words,
//  4. stem with the Snowball German stemmer,
//  5. decompound against the index vocabulary (see decompound).
//
// Typo correction, synonyms and the English glossary work on the results of
// steps 1–4, see query.go.

// foldString lower-cases s and folds umlauts and ß to their two-letter
// spellings.
func foldString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch r {
		case 'ä', 'Ä':
			b.WriteString("ae")
		case 'ö', 'Ö':
			b.WriteString("oe")
		case 'ü', 'Ü':
			b.WriteString("ue")
		case 'ß', 'ẞ':
			b.WriteString("ss")
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// words splits folded text into words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(foldString(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// stem returns the Snowball German stem of a folded word. Because the input
// is already folded, the stemmer sees "ae" instead of "ä", which it handles
// as plain letters; index and query agree since both use this function.
func stem(w string) string {
	if len(w) <= 3 || isNumber(w) {
		return w
	}
	env := snowballstem.NewEnv(w)
	german.Stem(env)
	return env.Current()
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// stopWords are German and English function words that carry no topic.
// Keys are folded.
var stopWords = toSet(`
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus bei beim bin bis bist da dadurch daher damit dann das dass dasselbe dazu dein deine deinem deinen deiner dem den denn der des deshalb dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines er es etwas euch euer eure fuer hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist ja jede jedem jeden jeder jedes jene jetzt kann kannst koennen koennte man manche mein meine meinem meinen meiner mich mir mit muss musst nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner sich sie sind so solche soll sollte sondern sonst ueber um und uns unser unsere unter viel vom von vor waehrend war waren warum was weil welche welchem welchen welcher welches wenn wer werde werden wie wieder will wir wird wirst wo wollen womit wurde wurden zu zum zur zwar zwischen bitte gibt gern gerne moechte brauche brauch benoetige
a an and are as at be can could do does for from have how i if in is it me my of on or please should the to what when where which who will with would you your much many need get do
`)

func toSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// analyze turns text into index terms: folded, stop words removed, stemmed.
// It does not decompound; see (*vocab).expand.
func analyze(s string) []string {
	ws := words(s)
	out := ws[:0]
	for _, w := range ws {
		if stopWords[w] || len(w) < 2 {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}
