// SPDX-License-Identifier: EUPL-1.2

package german

import (
	"strings"
	"unicode"
)

// FromCyrillic spells the Cyrillic letters of text in Latin letters the
// way German words are written: people who write Russian or Ukrainian
// name German offices and benefits in their own script ("Кіндергельд",
// "Анмельдунг", "Аусвайс", "Штойер-ID"), and spelled back these meet the
// German word ("kindergeld", "anmeldung", "ausweis", "steuer-id"). It
// follows the usual German loanword spellings: "ай" for "ei", "ой" for
// "eu", "шт"/"шп" at a word's start for "st"/"sp", "ю"/"ё" after a
// consonant for "ü"/"ö". Other text is returned unchanged; the result is
// lower case where a Cyrillic letter was.
func FromCyrillic(text string) string {
	if !hasCyrillic(text) {
		return text
	}
	rs := []rune(strings.ToLower(text))
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		start := i == 0 || !unicode.IsLetter(rs[i-1])
		afterConsonant := i > 0 && isCyrillicConsonant(rs[i-1])
		switch {
		case start && r == 'ш' && (next == 'т' || next == 'п'):
			b.WriteByte('s') // "Штандесамт": Standesamt
		case r == 'а' && next == 'й':
			b.WriteString("ei") // "Аусвайс": Ausweis
			i++
		case r == 'о' && next == 'й':
			b.WriteString("eu") // "Штойер": Steuer
			i++
		case r == 'ю' && afterConsonant:
			b.WriteString("ue") // "Бюргерамт": Bürgeramt
		case r == 'ё' && afterConsonant:
			b.WriteString("oe")
		default:
			if l, ok := cyrillicLatin[r]; ok {
				b.WriteString(l)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

func isCyrillicConsonant(r rune) bool {
	l, ok := cyrillicLatin[r]
	return ok && l != "" && !strings.ContainsAny(l[:1], "aeiouy") && r != 'й'
}

// cyrillicLatin spells one lower-case Cyrillic letter of Russian or
// Ukrainian in German spelling.
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "w", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'є': "je",
	'ж': "sch", 'з': "s", 'и': "i", 'і': "i", 'ї': "ji", 'й': "i", 'к': "k", 'л': "l",
	'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "ch", 'ц': "z", 'ч': "tsch", 'ш': "sch", 'щ': "schtsch", 'ъ': "",
	'ы': "y", 'ь': "", 'э': "e", 'ю': "ju", 'я': "ja", 'ё': "jo",
}
