// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"unicode"
)

// SlugWords returns the words of the last element of a document ID when it
// is a readable name its editors gave the file: letters joined by "_",
// "-" or ".", at least two words of three letters or more
// ("umschreibung_eines_auslandischen_fuhrerscheins" for a guide titled in
// English, "studienbescheinigung_anfordern" for one titled
// "Immatrikulationsnachweis", "gewerbeabmeldung" for "Geschäftsauflösung
// …"), at least two words or one long one. IDs such as "BJNR134610009" or
// "faq" give "".
// minSlugWord is the shortest file name taken as a name when it is one
// word.
const minSlugWord = 8

func SlugWords(id string) string {
	last := id[strings.LastIndex(id, "/")+1:]
	parts := strings.FieldsFunc(last, func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == ' ' })
	var out []string
	for _, p := range parts {
		letters := true
		for _, r := range p {
			if !unicode.IsLetter(r) {
				letters = false
				break
			}
		}
		if letters && len([]rune(p)) >= 3 {
			out = append(out, p)
		}
	}
	if len(out) == 0 || len(out) == 1 && len([]rune(out[0])) < minSlugWord {
		return ""
	}
	return strings.Join(out, " ")
}
