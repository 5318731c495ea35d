// SPDX-License-Identifier: EUPL-1.2

package german

import (
	"regexp"
	"strings"
)

// dictatedMarkRE finds the punctuation marks dictation software writes out
// as words when the speaker says them ("… abgegeben Punkt meine alte läuft
// ab Punkt wie lange dauert das Fragezeichen").
var dictatedMarkRE = regexp.MustCompile(`(?i)\s*\b(komma|punkt|fragezeichen|ausrufezeichen|doppelpunkt|neue zeile|neuer absatz)\b`)

// dictatedMarks are the marks for the words of dictatedMarkRE, folded.
var dictatedMarks = map[string]string{
	"komma": ",", "punkt": ".", "fragezeichen": "?", "ausrufezeichen": "!", "doppelpunkt": ":",
	"neue zeile": "\n", "neuer absatz": "\n",
}

// Undictate writes the punctuation marks a dictated message spells out as
// words back as marks: "hallo Komma ich hab … abgegeben Punkt wie lange
// dauert das Fragezeichen" → "hallo, ich hab … abgegeben. wie lange
// dauert das?". A mark's word is taken for dictation only where the
// message says two of them, or ends with one: a single "Punkt" inside a
// sentence ("um Punkt acht") or "Komma" in a number stays a word.
func Undictate(s string) string {
	if !mayHoldDictatedMark(s) {
		return s // almost every message: no expression run
	}
	return undictate(s)
}

// undictate is Undictate without the prefilter.
func undictate(s string) string {
	ms := dictatedMarkRE.FindAllStringSubmatchIndex(s, -1)
	if len(ms) == 0 {
		return s
	}
	last := ms[len(ms)-1]
	atEnd := strings.TrimRight(s[last[1]:], " \t\r\n") == ""
	if len(ms) < 2 && !atEnd {
		return s
	}
	var b strings.Builder
	prev := 0
	for _, m := range ms {
		b.WriteString(s[prev:m[0]])
		b.WriteString(dictatedMarks[strings.ToLower(strings.Join(strings.Fields(s[m[2]:m[3]]), " "))])
		prev = m[1]
	}
	b.WriteString(s[prev:])
	return b.String()
}

// dictatedMarkParts holds a part of each word dictatedMarkRE finds, in
// letters whose only other case is their ASCII capital (unlike k, which
// (?i) also finds as the Kelvin sign, and s, also found as "ſ"): a text
// that holds none of them in any case holds no match.
var dictatedMarkParts = [...]string{"omma", "pun", "zeichen", "neue"}

// mayHoldDictatedMark reports whether s holds a part of dictatedMarkParts,
// ASCII letters compared without their case.
func mayHoldDictatedMark(s string) bool {
	for i := 0; i < len(s); i++ {
		for _, p := range dictatedMarkParts {
			if s[i]|0x20 == p[0] && hasFoldedPrefix(s[i:], p) {
				return true
			}
		}
	}
	return false
}

// hasFoldedPrefix reports whether s begins with p, a word of lower-case
// ASCII letters, in any case of its letters: a byte with 0x20 set is its
// letter only when it is that letter or its capital.
func hasFoldedPrefix(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for j := 0; j < len(p); j++ {
		if s[j]|0x20 != p[j] {
			return false
		}
	}
	return true
}
