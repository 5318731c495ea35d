// SPDX-License-Identifier: EUPL-1.2

package knowledge

import "github.com/musterstadt/lotse/knowledge/german"

// German analysis (the rules live in package german). Index and query text
// go through the same steps, so the lexical index only ever sees analysed
// terms:
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

// analyze turns text into index terms: folded, stop words removed, stemmed.
// It does not decompound; see (*vocab).expand.
func analyze(s string) []string {
	ws := german.Words(s)
	out := ws[:0]
	for _, w := range ws {
		if german.StopWord(w) || len(w) < 2 {
			continue
		}
		out = append(out, german.Stem(w))
	}
	return out
}
