// SPDX-License-Identifier: EUPL-1.2

package german

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SuspendedPairs returns, folded, the pairs of words joined by a suspended
// hyphen: in "An Sonn- und Feiertagen", "An- oder Abmeldung", "Haupt- und
// Nebenwohnung" the first word is cut short of the part it shares with the
// second ("Sonn" of "Sonntagen"). Each pair is the cut word and the whole
// one after "und", "oder", "bzw." or "sowie".
func SuspendedPairs(s string) [][2]string {
	if !strings.Contains(s, "- ") {
		return nil
	}
	var out [][2]string
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "- ")
		if j < 0 {
			break
		}
		at := i + j
		i = at + 2
		// The cut word: letters right before the hyphen.
		start := at
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if !unicode.IsLetter(r) {
				break
			}
			start -= size
		}
		if at-start < 2 {
			continue
		}
		rest := strings.TrimLeft(s[at+2:], " ")
		var joined bool
		for _, c := range []string{"und ", "oder ", "bzw. ", "sowie "} {
			if after, ok := strings.CutPrefix(rest, c); ok {
				rest, joined = strings.TrimLeft(after, " "), true
				break
			}
		}
		if !joined {
			continue
		}
		end := 0
		for end < len(rest) {
			r, size := utf8.DecodeRuneInString(rest[end:])
			if !unicode.IsLetter(r) {
				break
			}
			end += size
		}
		if end < 4 {
			continue
		}
		out = append(out, [2]string{Fold(s[start:at]), Fold(rest[:end])})
	}
	return out
}

// minSuspendedEnd is the shortest end of a word that the word a suspended
// hyphen cuts short shares with it.
const minSuspendedEnd = 4

// CompleteSuspended returns, folded, the words a suspended hyphen cuts
// short in s, completed: "An Sonn- und Feiertagen" → "sonntagen", "An-
// oder Abmeldung" → "anmeldung". The cut word takes the longest end of the
// whole word, four letters or more, that known reports as a word
// ("tagen" of "Feiertagen"; "ruhe" of "Feiertagsruhe", which makes
// "sonnruhe": a word nobody asks for, so no harm).
func CompleteSuspended(s string, known func(folded string) bool) []string {
	var out []string
	for _, p := range SuspendedPairs(s) {
		whole := p[1]
		for i := 1; len(whole)-i >= minSuspendedEnd; i++ {
			if known(whole[i:]) {
				out = append(out, p[0]+whole[i:])
				break
			}
		}
	}
	return out
}
