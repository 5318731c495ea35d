// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"github.com/musterstadt/lotse/knowledge"
)

// A service description says how a service goes; the statute it rests on
// says the rules it leaves out ("Darf er das mit 15 schon selbst
// beantragen?", "reicht es, wenn einer von uns hingeht?"). When the
// quotes of the chosen description leave the question's own words
// unanswered and a statute among the first retrieved states them in one
// place, that statute's passage follows in a block of its own.

// minRuleWords is how many of the words the description leaves unanswered
// a statute's passage must hold to follow it.
const minRuleWords = 2

// maxRuleRank is the lowest retrieval rank a statute may have to follow a
// description.
const maxRuleRank = 4

// statuteRule returns the candidate of sel whose statute states what the
// quotes qs of c leave unanswered, and its quotes; -1 when there is none.
func (a *Assistant) statuteRule(q question, sel selection, c candidate, qs []quote) (int, []quote) {
	if sel.followUp || c.doc.Kind != knowledge.KindService || len(qs) == 0 {
		return -1, nil
	}
	info := c.info
	if info == nil {
		info = a.info(c.doc)
	}
	quoted := make([]stemSet, len(qs))
	for i, x := range qs {
		quoted[i] = info.quoteStems(x.text)
	}
	// The words asked that neither the description's names nor its
	// quotes hold.
	var open []string
	for _, s := range q.terms.content {
		if len(s) < 4 || info.nameTok[s] || q.terms.eventOnly[s] {
			continue
		}
		answered := false
		for _, ts := range quoted {
			if q.terms.hitIn(ts, s) {
				answered = true
				break
			}
		}
		if !answered {
			open = append(open, s)
		}
	}
	if len(open) < minRuleWords {
		return -1, nil
	}
	rest := q
	rest.terms.content = open
	rest.events, rest.codes = nil, nil
	for i, o := range sel.r.cands {
		if o.rank > maxRuleRank || o.doc.Kind != knowledge.KindLaw || !o.relevantTo() {
			continue
		}
		xs := a.bestUnits(o, rest, knowledge.FacetNone)
		if len(xs) == 0 {
			continue
		}
		oi := o.info
		if oi == nil {
			oi = a.info(o.doc)
		}
		ts := oi.quoteStems(xs[0].text)
		n := 0
		for _, s := range open {
			if q.terms.hitIn(ts, s) {
				n++
			}
		}
		if n >= minRuleWords {
			return i, xs[:1]
		}
	}
	return -1, nil
}
