// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"strings"
	"time"
	"unicode"

	"github.com/musterstadt/lotse/knowledge/german"
)

// maxSplitGap is how long after a message that stops mid-sentence the next
// one may still be its continuation: someone who hits Enter too early
// goes on typing at once.
const maxSplitGap = 5 * time.Minute

// openEndWords are the words no German sentence ends with: articles,
// possessives, prepositions, conjunctions and question words, and the
// subject pronoun of a clause whose verb is still to come ("… würde gern
// wissen bis wann ich"). Folded. Not the words that end a sentence in
// another role: the particle of a separable verb ("wie melde ich
// Sperrmüll an", "nimmt man das mit"), the article as a pronoun ("wo
// bekommen wir die").
var openEndWords = setOf(`des eine einen einem
mein meine meinen meinem dein deine deinen unser unsere unseren unserem euer eure
wegen fuer zum zur von vom beim am im ins ohne gegen bis seit zwischen bzgl bezueglich betreffend betreffs
und oder aber sondern dass ob weil wenn als wie wann wo wohin woher welche welcher welches welchen womit wofuer wozu sowie bzw
ich wir`)

// adverbEnds end a clause only after a subject that has its verb before
// it ("muss ich da" goes on: "… persönlich hin"); "ist jemand da" does not.
var adverbEnds = setOf(`da dann dort hier`)

func setOf(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// unfinished returns the asker's previous message when it stopped in the
// middle of a sentence and the message now is its continuation: "Guten
// Abend, ich habe einen Bußgeldbescheid bekommen und würde gern wissen bis
// wann ich" + "Einspruch einlegen kann". The message then is read as one
// with it. Not while a dialog waits for an answer of its own (an incident's
// question, a contact's details), nor after maxSplitGap.
func unfinished(conv *Conversation, text string, now time.Time) (string, bool) {
	n := len(conv.Entries)
	if n < 2 || conv.Entries[n-1].Role != RoleAssistant || conv.Entries[n-2].Role != RoleUser {
		return "", false
	}
	if conv.Slots[slotIntake] != "" || conv.Slots[slotContactFor] != "" {
		return "", false
	}
	prev := conv.Entries[n-2]
	if !prev.At.IsZero() && now.Sub(prev.At) > maxSplitGap {
		return "", false
	}
	if len(german.Words(text)) <= 2 && conv.Slots[slotHandoffOffer] != "" {
		return "", false // "ja" to the offer of a person
	}
	p := strings.TrimRightFunc(prev.Text, unicode.IsSpace)
	if p == "" {
		return "", false
	}
	if r := []rune(p); !unicode.IsLetter(r[len(r)-1]) && !unicode.IsDigit(r[len(r)-1]) {
		return "", false // a stop, a question mark, an emoji: finished
	}
	ws := german.Words(p)
	if len(ws) < 2 {
		return "", false
	}
	last := ws[len(ws)-1]
	if openEndWords[last] || (adverbEnds[last] && (ws[len(ws)-2] == "ich" || ws[len(ws)-2] == "wir" || ws[len(ws)-2] == "man")) {
		return prev.Text, true
	}
	return "", false
}
