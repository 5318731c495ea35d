// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/german"
)

// Service pages answer the questions people ask most in a list of
// questions and answers ("**Gilt der Ausweis in allen Zonen?** Nein, nur
// in der Zone …"). A question that asks what one of them asks, in other
// words ("gilt der dann auch in der Zone, wo mein Büro ist"), is answered
// by that entry: it is quoted before anything else the page says.

// faqRE matches an entry of such a list: a question at the start of the
// unit, bold or not, followed by its answer.
var faqRE = regexp.MustCompile(`^\s*(?:[-*]\s+)?(?:\*\*|__)?([^*?]{8,160}\?)(?:\*\*|__)?\s+\S`)

// minFAQShared is the least number of the entry's words the asker must
// use; minFAQShare the least share of them.
const (
	minFAQShared = 2
	minFAQShare  = 0.5
)

// faqAsked returns the stems of the question an entry of a
// question-and-answer list asks (stop words, noise and the document's own
// names left out), and those of its words that are the document's names;
// nil when unit u is no such entry. In a section of questions and answers
// (inFAQ) the first sentence of an entry asks, whatever its punctuation.
// A document's units are read once (doccache.go), not on every turn.
func (a *Assistant) faqAsked(u string, names map[string]bool, inFAQ bool) (asked, named []string) {
	var lead string
	if m := faqRE.FindStringSubmatch(u); m != nil {
		lead = m[1]
	} else if ss := splitSentences(u); inFAQ && len(ss) >= 2 && runeLen(ss[0]) >= 8 && runeLen(ss[0]) <= 160 {
		// In a section of questions and answers, an entry may open with
		// the asker's situation instead of a question: "Mein
		// Führerschein ist noch aus Papier. Dann …".
		lead = ss[0]
	} else {
		return nil, nil
	}
	for _, w := range words(lead) {
		if len([]rune(w)) < 3 || a.lex.has("stop_de", w) || a.lex.has("noise", w) {
			continue
		}
		s := stem(w)
		switch {
		case names[s]:
			if !slices.Contains(named, s) {
				named = append(named, s)
			}
		case !slices.Contains(asked, s):
			asked = append(asked, s)
		}
	}
	return asked, named
}

// faqEntry returns the entry of c's question-and-answer lists that asks
// what q asks, and whether there is one: at least minFAQShared of its
// question's words, and at least minFAQShare of them, are the asker's
// (stop words and the document's own names left out on both sides); the
// entry sharing the most wins.
func (a *Assistant) faqEntry(c candidate, q question) (quote, bool) {
	x, n, _ := a.faqMatch(c, a.askingTerms(q))
	return x, n > 0
}

// faqMatch is faqEntry with the number of the entry's words the asker
// says and their share; 0 words for no entry. q holds only the asking
// sentences' words already (askingTerms).
func (a *Assistant) faqMatch(c candidate, q question) (quote, int, float64) {
	info := c.info
	if info == nil {
		info = a.info(c.doc)
	}
	best, bestN, bestShare := quote{}, 0, 0.0
	for si, units := range info.units {
		for ui, un := range units {
			if len(un.faq) == 0 || len(un.faq) < minFAQShared && len(un.faqNamed) == 0 && !q.followUp {
				continue
			}
			n := 0
			for _, s := range un.faq {
				if a.askerSays(q, s) {
					n++
				}
			}
			if len(un.faq) == 1 && n == 1 && (q.followUp || slices.ContainsFunc(un.faqNamed, func(s string) bool { return a.askerSays(q, s) })) {
				// "Was brauche ich für die Online-Abmeldung?" asks one
				// word beside the page's own name: the asker must say
				// both, or ask about the page the conversation is about.
				n = minFAQShared
			}
			share := math.Min(1, float64(n)/float64(len(un.faq)))
			if n >= minFAQShared && share >= minFAQShare && (n > bestN || n == bestN && share > bestShare) {
				s := c.doc.Sections[si]
				best, bestN, bestShare = quote{label: label(s.Heading), facet: s.Facet, text: withAnnounced(units, ui)}, n, share
			}
		}
	}
	return best, bestN, bestShare
}

// exactFAQ returns a candidate of sel other than the chosen one, among
// retrieval's first three, with an entry of questions and answers that
// asks all that the asker asks ("Muss ich mich in meiner alten Stadt
// abmelden?" on the page about registering, when the page about
// deregistering was chosen), and the entry; -1 for none.
func (a *Assistant) exactFAQ(q question, sel selection, c candidate) (int, quote) {
	if sel.followUp {
		return -1, quote{}
	}
	q = a.askingTerms(q) // read once for every candidate
	for i, o := range sel.r.cands {
		if o.rank > 2 || o.doc.ID == c.doc.ID || o.doc.Kind != knowledge.KindService || !o.relevantTo() {
			continue
		}
		if x, n, share := a.faqMatch(o, q); n >= minFAQShared && share == 1 {
			return i, x
		}
	}
	return -1, quote{}
}

// askingTerms returns q with only the stems of the sentences that ask,
// when the message tells a story around them: an entry answers what
// those sentences say ("Ich wohne in der Altstadt, Zone B. … Bekomme ich
// für einen Firmenwagen einen Ausweis?" asks nothing about the zones).
func (a *Assistant) askingTerms(q question) question {
	if q.followUp {
		return q
	}
	asked := a.lex.questionSentences(q.text)
	if asked == q.text {
		return q
	}
	in := map[string]bool{}
	for _, w := range words(asked) {
		in[stem(german.DropZuInfix(w))] = true
	}
	stems := map[string]bool{}
	for s := range q.terms.stems {
		if in[s] {
			stems[s] = true
		}
	}
	if len(stems) == 0 {
		return q
	}
	q.terms.stems = stems
	return q
}

// askerSays reports whether the asker's words hold stem s of an entry's
// question: as a word, inside a compound ("Meldebescheinigung" holds
// "Bescheinigung"), as a stem of it ("trotz" of "trotzdem"), or by one of
// the alternative words the lexicon gives a word of the asker.
func (a *Assistant) askerSays(q question, s string) bool {
	if q.terms.stems[s] {
		return true
	}
	for u := range q.terms.stems {
		if len(u) >= 5 && (strings.Contains(u, s) && len(s) >= 5 || strings.HasPrefix(s, u)) {
			return true
		}
		if len(u) < 6 && len(s) < 7 && shortRoot(u) == shortRoot(s) {
			// "Zone" and "Zonen": the light stem leaves short words
			// whole.
			return true
		}
		for _, alt := range q.terms.alts[u] {
			if alt == s {
				return true
			}
		}
	}
	return false
}

// shortRoot is a short word without its plural or case ending ("zonen",
// "zone" → "zon"), as long as three letters remain.
func shortRoot(w string) string {
	for _, e := range []string{"en", "n", "e"} {
		if r, ok := strings.CutSuffix(w, e); ok && len(r) >= 3 {
			return r
		}
	}
	return w
}
