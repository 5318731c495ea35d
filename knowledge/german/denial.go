// SPDX-License-Identifier: EUPL-1.2

package german

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DropDenied cuts out of a German message what the asker sets aside in
// favour of something else, so that only what they mean is read: "ich will
// mein Auto nicht abmelden, sondern ummelden" → "ich will mein Auto
// ummelden"; "keinen Reisepass, einen Kinderreisepass" → "einen
// Kinderreisepass"; "nicht den Personalausweis, den Reisepass hab ich
// verloren" → "den Reisepass hab ich verloren"; "nicht verloren,
// gestohlen" → "gestohlen"; "statt dem Führerschein" is cut.
//
// A negated phrase is cut only where the message puts something in its
// place: "sondern" or "nur" after it, or, after a comma, a phrase of the
// same build (the same article or preposition, "kein…" answered by
// "ein…", or one word answered by one word of the same ending). A plain
// negation ("ich habe keinen Termin", "wir sind nicht verheiratet, unser
// Kind kommt im Juni") and "nicht nur …, sondern auch" stay as they are.
func DropDenied(s string) string {
	if !mayDeny(s) {
		return s
	}
	ws := denialWords(s)
	var cuts [][2]int // byte ranges of s to leave out, in order
	for i := 0; i < len(ws); i++ {
		var lo, hi int
		switch {
		case denialNegators[ws[i].f]:
			lo, hi = deniedAfterNegator(s, ws, i)
		case denialInsteadOf[ws[i].f]:
			lo, hi = deniedAfterInstead(s, ws, i)
		}
		if hi <= lo || len(cuts) > 0 && lo < cuts[len(cuts)-1][1] {
			continue
		}
		// The particle of a separable verb that ends the denied phrase
		// stays with its verb: "ich ziehe nicht allein um, sondern mit
		// meiner Freundin" keeps "ziehe … um". (A particle alone is
		// what is denied: "nicht ab, sondern um".)
		for k := i + 2; k+1 < len(ws) && ws[k].start < hi; k++ {
			if ws[k-1].start >= lo && separableParticles[ws[k].f] && (ws[k+1].start >= hi ||
				clauseBreak(s[ws[k].end:ws[k+1].start]) || ws[k+1].f == "sondern" || ws[k+1].f == "nur") {
				cuts = append(cuts, [2]int{lo, ws[k].start})
				lo = ws[k+1].start
				break
			}
		}
		if hi > lo {
			cuts = append(cuts, [2]int{lo, hi})
		}
	}
	if len(cuts) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, c := range cuts {
		b.WriteString(s[last:c[0]])
		last = c[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// maxDeniedWords is the most words a denied phrase may have.
const maxDeniedWords = 4

// denialNegators are the folded words that deny the phrase after them.
var denialNegators = map[string]bool{
	"nicht": true, "nich": true, "net": true,
	"kein": true, "keine": true, "keinen": true, "keinem": true, "keiner": true, "keines": true,
}

// denialInsteadOf are the folded words whose object the asker puts aside:
// "statt dem Führerschein".
var denialInsteadOf = map[string]bool{"statt": true, "anstatt": true, "anstelle": true}

// separableParticles are the folded particles a separable verb leaves at
// the end of its clause ("ziehe … um", "melde … an").
var separableParticles = map[string]bool{
	"um": true, "an": true, "ab": true, "auf": true, "aus": true, "ein": true, "mit": true, "vor": true,
	"nach": true, "weg": true, "zurueck": true, "los": true, "her": true, "hin": true, "fest": true, "zu": true,
}

// denialDeterminers open a noun phrase.
var denialDeterminers = map[string]bool{
	"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true,
	"ein": true, "eine": true, "einen": true, "einem": true, "einer": true, "eines": true,
	"mein": true, "meine": true, "meinen": true, "meinem": true, "meiner": true, "meines": true,
	"unser": true, "unsere": true, "unseren": true, "unserem": true, "unserer": true,
	"sein": true, "seine": true, "seinen": true, "seinem": true, "seiner": true,
	"ihr": true, "ihre": true, "ihren": true, "ihrem": true, "ihrer": true,
}

// denialWord is a word of a message: its bytes in the message and its
// folded form.
type denialWord struct {
	start, end int
	f          string
	upper      bool // written with a capital first letter
}

// mayDeny reports whether s may hold a word DropDenied acts on, without
// splitting it into words.
func mayDeny(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "nich") || strings.Contains(l, "kein") || strings.Contains(l, "statt") ||
		strings.Contains(l, "anstelle") || strings.Contains(l, "net")
}

// denialWords returns the words of s (runs of letters and digits).
func denialWords(s string) []denialWord {
	var out []denialWord
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, newDenialWord(s, start, i))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, newDenialWord(s, start, len(s)))
	}
	return out
}

func newDenialWord(s string, start, end int) denialWord {
	r, _ := utf8.DecodeRuneInString(s[start:end])
	return denialWord{start: start, end: end, f: Fold(s[start:end]), upper: unicode.IsUpper(r)}
}

// clauseBreak reports whether the text between two words ends a phrase:
// a comma, a sentence's end, a colon, a dash or a bracket.
func clauseBreak(sep string) bool {
	return strings.ContainsAny(sep, ",;:.!?()\n–—") || strings.Contains(sep, " - ")
}

// sentenceBreak reports whether the text between two words ends a
// sentence.
func sentenceBreak(sep string) bool {
	return strings.ContainsAny(sep, ";.!?\n")
}

// deniedAfterNegator returns the bytes of s to cut for the negator ws[i],
// or 0, 0 when it denies nothing in favour of something else.
func deniedAfterNegator(s string, ws []denialWord, i int) (lo, hi int) {
	if i+1 >= len(ws) || ws[i+1].f == "nur" || ws[i+1].f == "mehr" {
		return 0, 0
	}
	between := func(a, b int) string { return s[ws[a].end:ws[b].start] }
	if ws[i+1].f == "sondern" && !sentenceBreak(between(i, i+1)) {
		// "den Perso brauch ich nicht, sondern den Pass": the phrase
		// before the negator, from its article on.
		if i+2 >= len(ws) || !denialDeterminers[ws[i+2].f] {
			return 0, 0
		}
		for j := i - 1; j >= 0 && j >= i-maxDeniedWords; j-- {
			if clauseBreak(between(j, j+1)) {
				break
			}
			if denialDeterminers[ws[j].f] {
				return ws[j].start, ws[i+2].start
			}
		}
		return 0, 0
	}
	for e := i + 1; e < len(ws) && e <= i+maxDeniedWords+1; e++ {
		sep := between(e-1, e)
		if sentenceBreak(sep) {
			return 0, 0
		}
		switch {
		case e == i+1 && clauseBreak(sep):
			return 0, 0
		case e > i+1 && ws[e].f == "sondern":
			if e+1 >= len(ws) || sentenceBreak(between(e, e+1)) {
				return 0, 0
			}
			return ws[i].start, ws[e+1].start
		case e > i+1 && ws[e].f == "nur":
			return ws[i].start, ws[e].start
		case e > i+1 && clauseBreak(sep):
			if strings.Contains(sep, ",") && parallel(s, ws, i, e) {
				return ws[i].start, ws[e].start
			}
			return 0, 0
		}
	}
	return 0, 0
}

// parallel reports whether the phrase after a comma at ws[e] stands in
// the place of the denied phrase ws[i+1:e] of the negator ws[i]: it opens
// with the same word ("nicht für mich, für mein Kind"), with "ein…" after
// "kein…" ("keinen Reisepass, einen Kinderreisepass"), or is one word
// ending like the one denied ("nicht verloren, gestohlen").
func parallel(s string, ws []denialWord, i, e int) bool {
	x, y := ws[i+1].f, ws[e].f
	if StopWord(y) && !denialDeterminers[y] && x != y {
		return false
	}
	switch {
	case x == y:
		return true
	case strings.HasPrefix(ws[i].f, "kein") && y == ws[i].f[1:]:
		return true
	case e == i+2 && len(x) >= 5 && len(y) >= 5 && x[len(x)-2:] == y[len(y)-2:]:
		// One word for one: the second must end its phrase.
		return e+1 == len(ws) || clauseBreak(s[ws[e].end:ws[e+1].start])
	}
	return false
}

// deniedAfterInstead returns the bytes of s to cut for "statt" at ws[i]
// and its object (an article and one noun, or two words when the first
// after the article looks like an adjective), or 0, 0.
func deniedAfterInstead(s string, ws []denialWord, i int) (lo, hi int) {
	if i+2 >= len(ws) || clauseBreak(s[ws[i].end:ws[i+1].start]) || !denialDeterminers[ws[i+1].f] {
		return 0, 0
	}
	n := 1 // words after the article
	if a := ws[i+2].f; !ws[i+2].upper && (strings.HasSuffix(a, "en") || strings.HasSuffix(a, "em") ||
		strings.HasSuffix(a, "er") || strings.HasSuffix(a, "es")) && len(a) <= 9 {
		n = 2
	}
	end := i + 1
	for k := 1; k <= n && end+1 < len(ws); k++ {
		if clauseBreak(s[ws[end].end:ws[end+1].start]) || ws[end+1].f == "zu" {
			break
		}
		end++
	}
	if end == i+1 {
		return 0, 0
	}
	for k := end + 1; k < len(ws) && k <= end+2; k++ {
		if ws[k].f == "zu" {
			return 0, 0 // "statt hier zu tippen" is a clause
		}
	}
	if end+1 < len(ws) {
		return ws[i].start, ws[end+1].start
	}
	return ws[i].start, len(s)
}
