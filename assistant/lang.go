// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// supportedLangs are the languages the assistant recognises and answers
// in offline (texts.go, texts_intl.go); the quoted sources stay German.
var supportedLangs = map[string]bool{"de": true, "en": true, "tr": true, "ar": true, "uk": true, "ru": true, "pl": true}

// normLang returns the ISO 639-1 code of a client hint such as "de-DE" or
// "EN", or "" when the hint is not a supported language.
func normLang(hint string) string {
	hint = strings.ToLower(strings.TrimSpace(hint))
	if i := strings.IndexAny(hint, "-_"); i > 0 {
		hint = hint[:i]
	}
	if supportedLangs[hint] {
		return hint
	}
	return ""
}

// detectLang returns the language of text. A valid hint wins. Without a
// clear signal in the text, the conversation's language prev is kept, and
// without one German is assumed: short German questions ("Reisepass
// Kosten?") carry too little evidence to be anything else.
func (lx *lexicon) detectLang(text, hint, prev string) string {
	if l := normLang(hint); l != "" {
		return l
	}
	fallback := normLang(prev)
	if fallback == "" {
		fallback = "de"
	}
	var arabic, cyrillic, ukOnly, latin int
	var deChars, trChars, plChars, otherSlavic int
	for _, r := range text {
		if r == 'İ' || r == 'Ş' || r == 'Ğ' {
			trChars++
		}
	}
	for _, r := range strings.ToLower(text) {
		if r < utf8.RuneSelf {
			// ASCII: a Latin letter or nothing the scripts count; the
			// range tables need not be searched.
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				latin++
			}
			continue
		}
		switch {
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
			if strings.ContainsRune("іїєґ", r) {
				ukOnly++
			}
		case unicode.Is(unicode.Latin, r):
			latin++
			switch {
			case strings.ContainsRune("äß", r):
				deChars += 2
			case strings.ContainsRune("öü", r):
				// Turkish has them too.
				deChars++
			case strings.ContainsRune("ğşıç", r):
				trChars++
			case strings.ContainsRune("ąęłńśźż", r):
				plChars++
			case strings.ContainsRune("ěřůťďňčšž", r):
				// Czech and Slovak letters Polish does not write (it
				// has "cz", "sz", "ż"): their short words ("na", "jak",
				// "po") are Polish stop words too.
				otherSlavic++
			}
		}
	}
	switch {
	case arabic > latin && arabic >= cyrillic && arabic > 0:
		return "ar"
	case cyrillic > latin && cyrillic > 0:
		ws := lx.words(text)
		uk, ru := lx.countIn("stop_uk", ws)+3*ukOnly, lx.countIn("stop_ru", ws)
		if strings.ContainsAny(strings.ToLower(text), "ыэъё") {
			ru += 3
		}
		if uk > ru {
			return "uk"
		}
		return "ru"
	}
	ws := lx.words(text)
	score := map[string]int{
		"de": lx.countIn("stop_de", ws) + deChars,
		"en": lx.countIn("stop_en", ws),
		"tr": lx.countIn("stop_tr", ws) + 3*trChars,
		"pl": lx.countIn("stop_pl", ws) + 3*plChars,
	}
	if otherSlavic > plChars {
		// Not Polish; a language Lotse does not write is answered in
		// the conversation's (or German).
		score["pl"] = 0
	}
	best, bestScore, tie := "", 0, false
	for _, l := range []string{"de", "en", "tr", "pl"} {
		switch s := score[l]; {
		case s > bestScore:
			best, bestScore, tie = l, s, false
		case s == bestScore && s > 0:
			tie = true
		}
	}
	switch {
	case best == "":
		return fallback
	case tie && score[fallback] == bestScore:
		return fallback
	case tie && score["de"] == bestScore:
		return "de"
	case bestScore < 2 && prev != "" && best != fallback:
		// One stop word is weak evidence; keep the conversation's language.
		return fallback
	}
	return best
}

// countIn counts the words that are single-word entries of section.
func (lx *lexicon) countIn(section string, ws []string) int {
	set := lx.sets[section]
	n := 0
	for _, w := range ws {
		if set.has(w) {
			n++
		}
	}
	return n
}
