// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"strings"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge/german"
)

// A speech recognizer writes a compound it does not know as the words it
// hears ("kranken kasse", "geburts urkunde", "im matrikulations
// bescheinigung"), and people type some that way too ("Standes Amt").
// joinParts puts such words back together when the joined word is one the
// lexicon or the sources know, so that everything after it (names, facets,
// life events, out-of-scope words) reads the compound.

// Bounds of joinParts: the longest run of words joined, the shortest
// joined word, and how many joins of one message are looked up among the
// sources' words.
const (
	maxJoinedParts   = 3
	minJoinedLen     = 7
	maxJoinLookups   = 64
	minJoinFirstPart = 2 // "an melden", "im matrikulations …"
	minJoinLaterPart = 3
)

// unjoinable are words no compound is split into: question words ("wie
// der" is no "wieder"), articles and pronouns ("ein schreiben" is no
// "Einschreiben", "außer dem Foto" no "außerdem").
var unjoinable = map[string]bool{
	"der": true, "die": true, "das": true, "dem": true, "den": true, "des": true,
	"ein": true, "eine": true, "einen": true, "einem": true, "einer": true, "eines": true,
	"nen": true, "ne": true, "nem": true, "ner": true, "nes": true, // "nen termin", spoken
	"kein": true, "keine": true, "keinen": true, "keinem": true, "keiner": true,
	"mein": true, "meine": true, "meinen": true, "meinem": true, "meiner": true,
	"dein": true, "deine": true, "sein": true, "seine": true, "ihr": true, "ihre": true, "unser": true, "unsere": true,
	"ich": true, "du": true, "er": true, "sie": true, "es": true, "wir": true, "man": true,

	"wie": true, "was": true, "wo": true, "wann": true, "wer": true, "warum": true, "wieso": true,
	"weshalb": true, "welche": true, "welcher": true, "welches": true, "welchen": true, "wem": true,
	"wen": true, "woher": true, "wohin": true, "womit": true, "wozu": true,
}

// phraseVerbs (folded) make a phrase with the noun before them ("einen Antrag
// stellen", "Auto fahren"): the two are no compound, unless the word before
// is a verb's particle ("zurück rufen", "vorbei kommen").
var phraseVerbs = map[string]bool{
	"stellen": true, "machen": true, "fahren": true, "geben": true, "nehmen": true, "holen": true,
	"bringen": true, "zahlen": true, "bezahlen": true, "schicken": true, "senden": true, "suchen": true,
	"finden": true, "kaufen": true, "verkaufen": true, "tun": true, "lassen": true, "haben": true,
	"bekommen": true, "kriegen": true, "brauchen": true, "sagen": true, "zeigen": true, "lesen": true,
	"schreiben": true, "beantragen": true, "melden": true, "anmelden": true, "abmelden": true,
	"ummelden": true, "ausfuellen": true, "abgeben": true, "abholen": true, "aendern": true,
}

// verbParticles (folded) are the separable particles a recognizer hears apart from
// their verb.
var verbParticles = map[string]bool{
	"an": true, "ab": true, "auf": true, "aus": true, "bei": true, "durch": true, "fest": true,
	"her": true, "hin": true, "los": true, "mit": true, "nach": true, "vor": true, "vorbei": true,
	"weg": true, "weiter": true, "wieder": true, "zu": true, "zurueck": true,
	"zusammen": true, "um": true, "unter": true, "ueber": true,
}

// joinParts joins runs of two or three words parted by one space into one
// when the joined word is known (to the lexicon or the sources) and is no
// function word; the first word keeps its capital, the others lose
// theirs. Other text stays as it was.
func (a *Assistant) joinParts(text string) string {
	// The message's words, folded once: most are plain lower-case ASCII,
	// which folds without a copy.
	type part struct {
		start, end int
		folded     string
		runes      int
	}
	var buf [48]part
	parts := buf[:0]
	for i := 0; i < len(text); {
		start, end := nextWord(text, i)
		if start == end {
			break
		}
		i = end
		// (A word of letters only folds as fold would fold it, without
		// splitting and joining words.)
		f := german.Fold(text[start:end])
		parts = append(parts, part{start, end, f, utf8.RuneCountInString(f)})
	}
	if len(parts) < 2 {
		return text
	}
	kw, _ := a.cfg.Retriever.(wordKnower)
	lookups := 0
	var jb [96]byte // the joined folded word
	var b strings.Builder
	last := 0 // text[:last] is in b
	for i := 0; i < len(parts); i++ {
		if unjoinable[parts[i].folded] || parts[i].runes < minJoinFirstPart {
			continue
		}
		for n := min(maxJoinedParts, len(parts)-i); n >= 2; n-- {
			ok, runes := true, parts[i].runes
			for k := i + 1; k < i+n; k++ {
				if text[parts[k-1].end:parts[k].start] != " " || unjoinable[parts[k].folded] || parts[k].runes < minJoinLaterPart {
					ok = false
					break
				}
				runes += parts[k].runes
			}
			if !ok || runes < minJoinedLen {
				continue
			}
			if phraseVerbs[parts[i+n-1].folded] && !verbParticles[parts[i+n-2].folded] {
				continue
			}
			j := jb[:0]
			for k := i; k < i+n; k++ {
				j = append(j, parts[k].folded...)
			}
			known := a.lex.vocab[string(j)]
			if !known && kw != nil && lookups < maxJoinLookups {
				lookups++
				known = kw.KnowsWord(string(j))
			}
			if !known || a.lex.has("noise", string(j)) {
				continue
			}
			b.WriteString(text[last:parts[i].start])
			b.WriteString(text[parts[i].start:parts[i].end])
			for k := i + 1; k < i+n; k++ {
				b.WriteString(strings.ToLower(text[parts[k].start:parts[k].end]))
			}
			last = parts[i+n-1].end
			i += n - 1
			break
		}
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}
