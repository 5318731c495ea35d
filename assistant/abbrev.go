// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge/german"
)

// wordCompleter is a Retriever that completes a word cut short from the
// words of its texts (*knowledge.Base): "Unterl." is the "Unterlagen" its
// pages speak of.
type wordCompleter interface {
	CompleteWord(folded string) string
}

// notCutShort are abbreviations with a dot that stand for no word of a
// request to complete: forms of address, titles, "geb." for a birth name,
// the Latin and German shorthand of letters.
var notCutShort = map[string]bool{
	"geb": true, "verh": true, "verw": true, "gez": true, "hrn": true, "frau": true, "herr": true,
	"prof": true, "bzw": true, "usw": true, "etc": true, "vgl": true, "ggf": true, "evtl": true,
	"bzgl": true, "inkl": true, "zzgl": true, "abs": true, "str": true, "tel": true, "mfg": true,
	"lg": true, "vg": true, "sog": true, "max": true, "min": true, "ca": true, "nr": true,
}

const (
	// minCutLetters is the shortest word cut short that is completed: two
	// letters stand for too many words (a weekday's are read as the day
	// only where a day stands: dayContext).
	minCutLetters = 3
	// minLexCut is the shortest word cut short that the lexicon alone
	// completes (the sources have no word for it): its words are many
	// languages', and few letters begin one of them by chance.
	minLexCut = 5
	// maxCutWords is how many words cut short a message has completed,
	// and maxCutTries how many unknown words before a dot it looks up.
	maxCutWords = 4
	maxCutTries = 12
)

// unabbreviate writes the words a German message cuts short with a dot
// ("Anm. neue Whg welche Unterl.?", "Öffnungsz. nachmittags") in full, as
// the sources or the lexicon spell them, so that retrieval and the
// facets read them (completion). A word the sources or the lexicon know
// stays as typed ("Bürgeramt."), and so do the dots of "z. B.", a web
// address or a date, and a word the completion adds only an ending to
// ("alle." and "allein"). A weekday's two letters with a dot are the day
// where a day stands ("am Do. um 16:30"). Only the engine reads the words
// in full; the desk reads the message as typed.
func (a *Assistant) unabbreviate(text string) string {
	if !strings.Contains(text, ".") {
		return text
	}
	wc, _ := a.cfg.Retriever.(wordCompleter)
	kw, _ := a.cfg.Retriever.(wordKnower)
	// A message written all in lower case starts its sentences in lower
	// case too ("… ran. kann die it das"): only a mark that never
	// follows a sentence's end tells a word cut short there.
	lower := strings.ToLower(text) == text
	var b strings.Builder
	last, n, tries := 0, 0, 0
	prev := "" // the word before the one read
	for i := 0; i < len(text) && n < maxCutWords; {
		start, end := nextWord(text, i)
		if start == end {
			break
		}
		i = end
		before := prev
		prev = text[start:end]
		if end >= len(text) || text[end] != '.' || start > 0 && text[start-1] == '.' {
			continue
		}
		w := fold(text[start:end])
		if day, ok := weekdayCut[w]; ok {
			if dayContext(before, text[end+1:]) {
				// "am Do. um 16:30", "Sa. 10 Uhr": a weekday; "Fr.
				// Meier" and "so." are none.
				n++
				b.WriteString(text[last:start])
				b.WriteString(day)
				last = end + 1
			}
			continue
		}
		if !cutMark(text, end, lower) {
			continue
		}
		if len(w) < minCutLetters || notCutShort[w] || a.lex.vocab[w] || kw != nil && kw.KnowsWord(w) {
			continue
		}
		if tries++; tries > maxCutTries {
			break
		}
		full := a.completion(w, wc, kw)
		if len(full)-len(w) < minCutLetters {
			// "alle." is no cut "allein": what the letters lack is an
			// ending, so they are a word.
			continue
		}
		n++
		b.WriteString(text[last:start])
		b.WriteString(full)
		last = end + 1 // the dot marked the cut, not a sentence's end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// weekdayCut are the weekdays' two-letter abbreviations and their names.
var weekdayCut = map[string]string{"mo": "Montag", "di": "Dienstag", "mi": "Mittwoch", "do": "Donnerstag", "fr": "Freitag", "sa": "Samstag", "so": "Sonntag"}

// dayOpeners are the words before a weekday ("am Do.", "bis Fr.",
// "jeden Mo.").
var dayOpeners = map[string]bool{"am": true, "ab": true, "bis": true, "jeden": true, "naechsten": true, "diesen": true, "kommenden": true, "vom": true, "von": true}

// dayContext reports whether a weekday's abbreviation stands as a day:
// after a word that opens one, or before a time ("Do. 16:30", "Sa. um
// 10").
func dayContext(prev, rest string) bool {
	if dayOpeners[fold(prev)] {
		return true
	}
	rest = strings.TrimLeft(rest, " ")
	return rest != "" && (rest[0] >= '0' && rest[0] <= '9' || strings.HasPrefix(rest, "um "))
}

// cutMark reports whether the dot at text[i] can mark a word cut short:
// it is followed by a mark that never follows a sentence's end ("Unterl.?",
// "Bescheinig., Nachweis"), or, unless the message is written all in
// lower case, by a word in lower case ("Anm. neue Wohnung"); not by
// another letter or digit ("musterstadt.de", "z.B.", "3.5."), and not
// at the text's end, where a sentence ends.
func cutMark(text string, i int, lower bool) bool {
	rest := text[i+1:]
	if rest == "" {
		return false
	}
	switch rest[0] {
	case '?', '!', ',', ';', ':', ')':
		return true
	case ' ':
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
		return !lower && unicode.IsLower(r)
	}
	return false
}

// completion returns the word that the folded letters w begin, as
// unabbreviate takes it; "" when there is none. The lexicon's words come
// first when the sources use them ("Unterl." is "Unterlagen" even in a
// code that speaks of "Unterlassung" more often), then the sources' most
// frequent word, then, when the sources have none, the lexicon's word
// when all its words with those letters are one.
func (a *Assistant) completion(w string, wc wordCompleter, kw wordKnower) string {
	lexWords := a.lex.completions(w)
	if kw != nil {
		for _, c := range lexWords {
			if kw.KnowsWord(c) {
				return c
			}
		}
	}
	if wc != nil {
		if st := wc.CompleteWord(w); st != "" {
			return st
		}
	}
	if len(lexWords) == 0 || len(w) < minLexCut {
		return ""
	}
	st := german.Stem(lexWords[0])
	for _, c := range lexWords[1:] {
		if german.Stem(c) != st && !strings.HasPrefix(c, st) {
			return "" // "geb…": "geboren", "Gebühr", "Geburt"
		}
	}
	return lexWords[0]
}

// maxLexCompletions bounds the lexicon's words one completion reads.
const maxLexCompletions = 64

// completions returns the lexicon's words that start with the folded
// letters w and are longer, shortest first, then its "word*" prefixes
// that do (a word is written in full before a prefix).
func (lx *lexicon) completions(w string) []string {
	var out []string
	for _, list := range [][]string{lx.sortedVocab, lx.wild} {
		from := len(out)
		i, _ := slices.BinarySearch(list, w)
		for ; i < len(list) && len(out) < maxLexCompletions && strings.HasPrefix(list[i], w); i++ {
			if len(list[i]) > len(w) && !slices.Contains(out, list[i]) {
				out = append(out, list[i])
			}
		}
		slices.SortStableFunc(out[from:], func(x, y string) int { return len(x) - len(y) })
	}
	return out
}
