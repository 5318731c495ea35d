// SPDX-License-Identifier: EUPL-1.2

package german

import "strings"

// stopWords are German and English function words that carry no topic.
// Keys are folded.
var stopWords = toSet(`
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus bei beim bin bis bist da dadurch daher damit dann das dass dasselbe dazu dein deine deinem deinen deiner dem den denn der des deshalb dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines er es etwas euch euer eure fuer hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist ja jede jedem jeden jeder jedes jene jetzt kann kannst koennen koennte man manche mein meine meinem meinen meiner mich mir mit muss musst nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner sich sie sind so solche soll sollte sondern sonst ueber um und uns unser unsere unter viel vom von vor waehrend war waren warum was weil welche welchem welchen welcher welches wenn wer werde werden wie wieder will wir wird wirst wo wollen womit wurde wurden zu zum zur zwar zwischen bitte gibt gern gerne moechte brauche brauch benoetige
a an and are as at be can could do does for from have how i if in is it me my of on or please should the to what when where which who will with would you your much many need get do
has had been being did done doing am was were this that those there their they them its our we us not no any some all but by so than then into about just only very too he she his him her here why
`)

func toSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// StopWord reports whether the folded word w is a German or English
// function word that carries no topic ("der", "kann", "the").
func StopWord(w string) bool { return stopWords[w] }

// Words people answer a yes/no question with, as speech recognition and
// chat users write them: lower case, without punctuation.
var (
	yesWords = []string{"ja", "jo", "jap", "jawohl", "genau", "richtig", "stimmt", "korrekt", "ok", "okay", "passt",
		"gerne", "gern", "bitte", "klar", "ja bitte", "ja gerne", "ja gern",
		"jup", "jupp", "jep", "jepp", "japp", "joa", "jaa", "jaaa", "jawoll", "okidoki", "oki", "okey", "einverstanden", "in ordnung", "alles klar",
		"na klar", "auf jeden fall", "unbedingt", "selbstverständlich", "super", "perfekt", "prima",
		"mach das", "mach mal", "leg an", "leg los", "anlegen",
		"yes", "yep", "yeah", "sure", "correct", "right", "y", "please", "yes please", "yup", "go ahead", "do it",
		"absolutely", "of course", "sounds good"}
	noWords = []string{"nein", "nee", "ne", "nö", "no", "nope", "n", "falsch", "leider nicht", "eher nicht", "eigentlich nicht",
		"nein danke", "danke nein", "no thanks", "no thank you", "gar nicht", "überhaupt nicht", "nicht wirklich", "not really"}
)

// YesWords returns the phrases that mean yes, lower case; the caller owns
// the slice.
func YesWords() []string { return append([]string(nil), yesWords...) }

// NoWords returns the phrases that mean no, lower case; the caller owns the
// slice.
func NoWords() []string { return append([]string(nil), noWords...) }

// Answer classifies a reply to a yes/no question by how it starts: 1 for
// yes ("ja, seit heute"), -1 for no ("nein danke"), 0 for neither. No wins
// when both could match.
func Answer(text string) int {
	t := strings.ToLower(strings.TrimSpace(text))
	switch {
	case startsWithPhrase(t, noWords):
		return -1
	case startsWithPhrase(t, yesWords):
		return 1
	}
	return 0
}

// startsWithPhrase reports whether t begins with one of phrases followed by
// the end of t or a character that is not a letter or digit.
func startsWithPhrase(t string, phrases []string) bool {
	for _, p := range phrases {
		rest, ok := strings.CutPrefix(t, p)
		if !ok {
			continue
		}
		if rest == "" {
			return true
		}
		r := []rune(rest)[0]
		if !isWordRune(r) {
			return true
		}
	}
	return false
}

// StandardWord returns the standard German word a function word of spoken
// or regional German stands for, and whether w is one (see dialectWords).
// w is folded.
func StandardWord(w string) (string, bool) {
	std, ok := dialectWords[w]
	return std, ok
}

// dialectWords are the function words of spoken and regional German by
// the standard word they stand for: chat drops the t ("fährt nich mehr
// hoch"), Berlin says "wat brauch ick allet", Bavaria "kriag i des Kartl
// glei mit hoam". Only forms that are no standard word of their own are
// listed ("mia" is a name, "isch" is "ich" in Hesse and "ist" in Swabia,
// "i" is a numeral in "Teil I").
var dialectWords = map[string]string{
	"nich": "nicht", "net": "nicht", "ned": "nicht", "nuescht": "nichts", "nischt": "nichts",
	"ick": "ich", "wat": "was", "wos": "was", "dit": "das", "det": "das", "allet": "alles",
	"jeht": "geht", "goht": "geht", "jut": "gut", "keene": "keine", "koa": "kein", "koi": "kein",
	"ooch": "auch", "aa": "auch", "scho": "schon", "glei": "gleich", "wia": "wie",
	"hob": "hab", "kriag": "krieg", "mei": "mein", "hoam": "heim", "dahoam": "daheim", "ebbes": "etwas", "bissl": "bisschen",
}
