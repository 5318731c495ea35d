// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strings"
)

// sentences splits a message into at most n sentences: text up to a
// full stop, question or exclamation mark, the marks and the blanks after
// them (what `[^.!?]+(?:[.!?]+\s*|$)` finds, leftmost first; marks before
// the first sentence are skipped). It scans bytes: the marks and blanks
// are ASCII.
func sentences(text string, n int) []string {
	var out []string
	i := 0
	for i < len(text) && len(out) < n {
		for i < len(text) && isSentenceEnd(text[i]) {
			i++
		}
		if i == len(text) {
			break
		}
		start := i
		for i < len(text) && !isSentenceEnd(text[i]) {
			i++
		}
		for i < len(text) && isSentenceEnd(text[i]) {
			i++
		}
		for i < len(text) && isREBlank(text[i]) {
			i++
		}
		out = append(out, text[start:i])
	}
	return out
}

func isSentenceEnd(c byte) bool { return c == '.' || c == '!' || c == '?' }

// isREBlank reports whether c is a blank of regexp's \s: tab, newline,
// form feed, carriage return or space.
func isREBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// maxFrameSentences bounds the sentences of one message looked at.
const maxFrameSentences = 40

// stripFrames drops the polite frame around a request: the sentences
// before and after it that are made of greetings, thanks, apologies and
// "ich hoffe, Sie können mir helfen" alone ("Moin, entschuldigen Sie die
// Störung." is no outage), and closing words at its end ("… LG").
// A message that is nothing but its frame ("Hallo!", "Danke!") is
// returned as it is. lx is the lexicon the turn reads through.
func (a *Assistant) stripFrames(lx *lexicon, text string) string {
	ss := sentences(text, maxFrameSentences+1)
	if len(ss) == 0 || len(ss) > maxFrameSentences {
		return text
	}
	first, last := 0, len(ss)
	for first < last && a.frameOnly(lx, ss[first]) {
		first++
	}
	// (ss[first] is no frame: the loop above ended there, unless first
	// is last.)
	for last > first+1 && a.frameOnly(lx, ss[last-1]) {
		last--
	}
	if first == last {
		return text
	}
	body := strings.TrimSpace(strings.Join(ss[first:last], ""))
	if i := strings.IndexByte(body, ','); i > 0 && strings.TrimSpace(body[i+1:]) != "" && a.salutation(body[:i]) {
		// The salutation before the request's first comma ("Sehr
		// geehrte Damen und Herren, ich erledige für meinen Vater …")
		// is frame too.
		body = strings.TrimSpace(body[i+1:])
	}
	// Closing words the last sentence ends in without a stop: "… wie
	// lang dauert das LG", "… beantragen Vielen Dank im Voraus!". The
	// longest such ending goes, the request's own words stay.
	ws := strings.Fields(body)
	n := min(maxClosingWords, len(ws)-1)
	if n < 1 || !a.mayClose(ws[len(ws)-n:]) {
		return body
	}
	for k := n; k >= 1; k-- {
		if a.closingOnly(strings.Join(ws[len(ws)-k:], " ")) {
			return strings.Join(ws[:len(ws)-k], " ")
		}
	}
	return body
}

// withoutSignature cuts the signature off a letter or an e-mail: a
// closing phrase after the request ("Mit freundlichen Grüßen", "Viele
// Grüße", "LG") that opens a sentence or a line, and the name, address or
// phone number after it ("Erika Mustermann, Hauptstraße 5", "Von meinem
// iPhone gesendet"), at most maxSignatureWords words in all and never a
// question.
func (a *Assistant) withoutSignature(text string) string {
	// (A signature is short: only the last maxSignatureBytes are looked
	// at, so a long tail of stops costs no more than a short one.)
	from := max(strings.LastIndexByte(text, '?')+1, len(text)-maxSignatureBytes)
	for p := from; p < len(text); p++ {
		if p > 0 && !strings.ContainsRune(".!?\n", rune(text[p-1])) {
			continue
		}
		if head := strings.TrimSpace(text[:p]); head != "" && a.signature(text[p:]) {
			return head
		}
	}
	return text
}

// signature reports whether tail opens with a letter's closing words
// ([letter_closing]: "Viele Grüße", "Mit freundlichen Grüßen") and is
// short enough to be its signature.
func (a *Assistant) signature(tail string) bool {
	ws := words(tail)
	if len(ws) == 0 || len(ws) > maxSignatureWords {
		return false
	}
	// (Not thanks: "Danke, und kann ich das auch online zahlen" goes on
	// asking.)
	return a.frameCovered(ws, "letter_closing")[0]
}

// maxSignatureWords is the longest signature withoutSignature cuts off:
// closing words, a name, an address and a phone number.
const maxSignatureWords = 25

// maxSignatureBytes bounds the end of a message withoutSignature looks
// at: 25 words of up to 16 bytes.
const maxSignatureBytes = maxSignatureWords * 16

// salutation reports whether every word of s belongs to a greeting or a
// frame phrase: "Sehr geehrte Damen und Herren", "Hallo zusammen"; not "ja"
// or "nein", which answer.
func (a *Assistant) salutation(s string) bool {
	ws := words(s)
	if len(ws) == 0 {
		return false
	}
	return !slices.Contains(a.frameCovered(ws, "frame", "smalltalk_greet"), false)
}

// mayClose reports whether the blank-separated fields may end in closing
// words: whether the last word of their text is one a pattern of
// closingSections names. A span of a pattern ends in a word the pattern
// names (a gap covers only words between two named ones), so when no
// pattern names the last word, no ending of the fields is closingOnly
// (whose sections these are).
// The words of joined fields are the fields' words in turn (a word holds
// no blank), so the last word is found without joining them.
func (a *Assistant) mayClose(fields []string) bool {
	for i := len(fields) - 1; i >= 0; i-- {
		if ws := words(fields[i]); len(ws) > 0 {
			return a.namedIn(ws[len(ws)-1], "frame", "smalltalk_thanks", "smalltalk_bye")
		}
	}
	return false
}

// namedIn reports whether a pattern of one of the sections names the
// word w (as a word, a prefix or a compound's head).
func (a *Assistant) namedIn(w string, sections ...string) bool {
	for _, sec := range sections {
		if a.lex.literalIn(sec, w) {
			return true
		}
	}
	return false
}

// maxClosingWords is the longest closing phrase stripped from the end of
// a request's last sentence.
const maxClosingWords = 8

// closingOnly reports whether every word of s belongs to a frame phrase,
// thanks or a goodbye (no filler word alone: "das" ends many requests).
func (a *Assistant) closingOnly(s string) bool {
	ws := words(s)
	if len(ws) == 0 {
		return false
	}
	covered := a.frameCovered(ws, "frame", "smalltalk_thanks", "smalltalk_bye")
	for _, c := range covered {
		if !c {
			return false
		}
	}
	return true
}

// frameCovered marks the words of ws that the spans of the given lexicon
// sections cover.
func (a *Assistant) frameCovered(ws []string, sections ...string) []bool {
	covered := make([]bool, len(ws))
	for _, sec := range sections {
		for _, sp := range a.lex.spans(sec, ws) {
			for i := sp[0]; i < sp[1]; i++ {
				covered[i] = true
			}
		}
	}
	return covered
}

// frameOnly reports whether every word of s belongs to the polite frame:
// a greeting, thanks, a goodbye, a frame phrase or a filler word.
func (a *Assistant) frameOnly(lx *lexicon, s string) bool {
	ws := lx.words(s)
	if len(ws) == 0 {
		return true
	}
	if strings.HasSuffix(strings.TrimSpace(s), "?") && (slices.ContainsFunc(ws, questionWord) || questionVerbs[ws[0]]) {
		// "Wo ist das denn?" and "Muss das schon?" are all everyday
		// words, and the question.
		return false
	}
	return a.mayEndFrame(ws[len(ws)-1]) && a.allFrame(ws)
}

// mayEndFrame reports whether the last word of a message may belong to
// its frame: it is covered only by a span that ends in it, of a pattern
// that names it (see mayClose), or it is a filler word itself.
func (a *Assistant) mayEndFrame(last string) bool {
	return a.namedIn(last, "frame", "smalltalk_greet", "smalltalk_thanks", "smalltalk_bye") ||
		a.lex.has("smalltalk_filler", last) || a.lex.has("noise", last)
}

// allFrame is frameOnly for the words ws of a message.
func (a *Assistant) allFrame(ws []string) bool {
	covered := a.frameCovered(ws, "frame", "smalltalk_greet", "smalltalk_thanks", "smalltalk_bye")
	for i, w := range ws {
		if !covered[i] && !a.lex.has("smalltalk_filler", w) && !a.lex.has("noise", w) {
			return false
		}
	}
	return true
}

// questionVerbs open a German question that asks yes or no ("Muss das
// schon?", "Geht das auch?").
var questionVerbs = map[string]bool{
	"muss": true, "muessen": true, "kann": true, "koennen": true, "darf": true, "duerfen": true, "soll": true, "sollen": true,
	"geht": true, "gilt": true, "braucht": true, "brauche": true, "brauchen": true, "gibt": true, "reicht": true,
	"kostet": true, "dauert": true, "klappt": true, "bekomme": true, "bekommt": true, "kriege": true, "kriegt": true,
}
