// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"strings"
	"unicode"
)

// promptWordRun is the length of a run of words of the system prompt that
// counts as disclosing it: long enough not to match ordinary phrases, short
// enough to catch a single rule.
const promptWordRun = 6

// promptGuard holds the runs of promptWordRun words of a system prompt,
// lower case, without punctuation and citation markers.
type promptGuard map[string]bool

// newPromptGuard returns the runs of system that the texts in allowed (the
// user message with passages, question and history) do not contain: what
// a user or a document wrote is no secret.
func newPromptGuard(system string, allowed ...string) promptGuard {
	g := promptGuard{}
	forRuns(system, func(run string) bool { g[run] = true; return true })
	for _, s := range allowed {
		forRuns(s, func(run string) bool { delete(g, run); return true })
	}
	return g
}

// leaks reports whether text contains a run of the prompt.
func (g promptGuard) leaks(text string) bool {
	if len(g) == 0 {
		return false
	}
	found := false
	forRuns(text, func(run string) bool { found = g[run]; return !found })
	return found
}

// forRuns calls f with every run of promptWordRun words of s until f
// returns false.
func forRuns(s string, f func(run string) bool) {
	s = citationRE.ReplaceAllString(strings.ToLower(s), " ")
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := 0; i+promptWordRun <= len(words); i++ {
		if !f(strings.Join(words[i:i+promptWordRun], " ")) {
			return
		}
	}
}
