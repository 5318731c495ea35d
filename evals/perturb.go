// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Perturbations rewrite the German questions of a case set the way people
// type them, so that a run shows what the engine loses on text nobody
// edited (`lotse eval --perturb`):
//
//   - "umlauts": ä, ö, ü and ß typed as a, o, u and ss ("fur den
//     Fuhrerschein"), as on a keyboard without them;
//   - "lower": all lower case, without punctuation;
//   - "typos": two neighbouring letters swapped in one word of seven
//     letters or more ("Donnesrtag"), the word and the place chosen by a
//     hash of the case's ID, so every run is the same;
//   - "all": the three together;
//   - "polite": the first message framed by a polite opening sentence
//     and a closing ("Guten Tag, ich hoffe, Sie können mir helfen." …
//     "Vielen Dank im Voraus!"), chosen by a hash of the case's ID.
//
// Questions in other languages are left out of a perturbed set.
var Perturbations = []string{"umlauts", "lower", "typos", "all", "polite"}

// Perturb returns the German cases of cases with their question and
// history rewritten by the perturbation kind; an unknown kind is an error.
func Perturb(cases []Case, kind string) ([]Case, error) {
	var f func(id, s string) string
	switch kind {
	case "":
		return cases, nil
	case "umlauts":
		f = func(_, s string) string { return umlautsTyped.Replace(s) }
	case "lower":
		f = func(_, s string) string { return strings.ToLower(punctuationRE.ReplaceAllString(s, "")) }
	case "typos":
		f = swapLetters
	case "polite":
		return politely(cases), nil
	case "all":
		f = func(id, s string) string {
			return swapLetters(id, strings.ToLower(punctuationRE.ReplaceAllString(umlautsTyped.Replace(s), "")))
		}
	default:
		return nil, fmt.Errorf("evals: perturbation %q: want one of %s", kind, strings.Join(Perturbations, ", "))
	}
	out := make([]Case, 0, len(cases))
	for _, c := range cases {
		if c.Lang != "" && c.Lang != "de" {
			continue
		}
		c.Question = f(c.ID, c.Question)
		if len(c.History) > 0 {
			h := make([]string, len(c.History))
			for i, m := range c.History {
				h[i] = f(fmt.Sprintf("%s/%d", c.ID, i), m)
			}
			c.History = h
		}
		out = append(out, c)
	}
	return out, nil
}

var umlautsTyped = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "Ä", "A", "Ö", "O", "Ü", "U", "ß", "ss")

var punctuationRE = regexp.MustCompile(`[?!.,;:]`)

// minSwapLen is the shortest word the typos perturbation swaps letters in.
const minSwapLen = 7

// swapLetters swaps two neighbouring letters of one long word of s, both
// chosen by a hash of key.
func swapLetters(key, s string) string {
	h := fnv.New64a()
	h.Write([]byte(key))
	n := h.Sum64()
	ws := strings.Fields(s)
	var long []int
	for i, w := range ws {
		if utf8.RuneCountInString(w) >= minSwapLen && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
			long = append(long, i)
		}
	}
	if len(long) == 0 {
		return s
	}
	i := long[n%uint64(len(long))]
	rs := []rune(ws[i])
	// Not the first letter: people rarely slip there.
	j := 1 + int((n/7)%uint64(len(rs)-2))
	rs[j], rs[j+1] = rs[j+1], rs[j]
	ws[i] = string(rs)
	return strings.Join(ws, " ")
}

// openings and closings frame a request politely, as people write to a
// town hall.
var (
	openings = []string{
		"Guten Tag, ich hoffe, Sie können mir helfen, ich bin gerade etwas durcheinander.",
		"Hallo zusammen! Ich hab da mal eine Frage und weiß nicht genau, an wen ich mich wenden soll.",
		"Moin, entschuldigen Sie die Störung.",
		"Sehr geehrte Damen und Herren,",
	}
	closings = []string{"Vielen Dank schon mal im Voraus!", "Danke und schönen Tag noch.", "LG", "Mit freundlichen Grüßen"}
)

// politely frames the first message of every German case with an opening
// and a closing chosen by a hash of the case's ID.
func politely(cases []Case) []Case {
	out := make([]Case, 0, len(cases))
	for _, c := range cases {
		if c.Lang != "" && c.Lang != "de" {
			continue
		}
		h := fnv.New64a()
		h.Write([]byte(c.ID))
		n := h.Sum64()
		frame := func(s string) string {
			return openings[n%uint64(len(openings))] + " " + s + " " + closings[(n/5)%uint64(len(closings))]
		}
		if len(c.History) > 0 {
			hs := append([]string(nil), c.History...)
			hs[0] = frame(hs[0])
			c.History = hs
		} else {
			c.Question = frame(c.Question)
		}
		out = append(out, c)
	}
	return out
}
