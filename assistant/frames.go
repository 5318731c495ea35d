// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"strings"
)

// sentenceRE splits a message into sentences: text up to a full stop,
// question or exclamation mark and the spaces after it.
var sentenceRE = regexp.MustCompile(`[^.!?]+(?:[.!?]+\s*|$)`)

// maxFrameSentences bounds the sentences of one message looked at.
const maxFrameSentences = 40

// stripFrames drops the polite frame around a request: the sentences
// before and after it that are made of greetings, thanks, apologies and
// "ich hoffe, Sie können mir helfen" alone ("Moin, entschuldigen Sie die
// Störung." is no outage), and closing words at its end ("… LG").
// A message that is nothing but its frame ("Hallo!", "Danke!") is
// returned as it is.
func (a *Assistant) stripFrames(text string) string {
	ss := sentenceRE.FindAllString(text, maxFrameSentences+1)
	if len(ss) == 0 || len(ss) > maxFrameSentences {
		return text
	}
	first, last := 0, len(ss)
	for first < last && a.frameOnly(ss[first]) {
		first++
	}
	for last > first && a.frameOnly(ss[last-1]) {
		last--
	}
	if first == last {
		return text
	}
	body := strings.TrimSpace(strings.Join(ss[first:last], ""))
	// Closing words the last sentence ends in without a stop: "… wie
	// lang dauert das LG", "… beantragen Vielen Dank im Voraus!". The
	// longest such ending goes, the request's own words stay.
	ws := strings.Fields(body)
	for k := min(maxClosingWords, len(ws)-1); k >= 1; k-- {
		if a.closingOnly(strings.Join(ws[len(ws)-k:], " ")) {
			return strings.Join(ws[:len(ws)-k], " ")
		}
	}
	return body
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
func (a *Assistant) frameOnly(s string) bool {
	ws := words(s)
	if len(ws) == 0 {
		return true
	}
	covered := a.frameCovered(ws, "frame", "smalltalk_greet", "smalltalk_thanks", "smalltalk_bye")
	for i, w := range ws {
		if !covered[i] && !a.lex.has("smalltalk_filler", w) && !a.lex.has("noise", w) {
			return false
		}
	}
	return true
}
