// SPDX-License-Identifier: EUPL-1.2

package assistant

import "github.com/musterstadt/lotse/knowledge"

// A statute scatters what one question asks over its paragraphs: "Kostet
// die Bescheinigung auch was, wenn ich sie digital hole?" asks the cost of
// the electronic one, and a fee paragraph for something else and an
// electronic procedure elsewhere answer neither. When a question asks
// several facets of a statute, the sentence that speaks of all of them and
// of the question's own words ("Die elektronische Meldebescheinigung wird
// unentgeltlich erteilt.") answers them together.

// unitForAll returns the unit of c's statute that answers every facet q
// asks (with the value the facet needs) and holds the most of the
// question's words, at least one; false when there is none or q asks
// fewer than two facets.
func (a *Assistant) unitForAll(c candidate, q question) (quote, bool) {
	d := c.doc
	if d.Kind != knowledge.KindLaw || len(q.facets) < 2 {
		return quote{}, false
	}
	info := c.info
	if info == nil {
		info = a.info(d)
	}
	// The question's words, as far as they are not the statute's own
	// names and few of its sentences hold them: "neuen" and "Ausweis"
	// stand everywhere in the Personalausweisgesetz and say nothing of
	// which sentence answers.
	var words []string
	for _, s := range append(append([]string(nil), q.terms.content...), q.events...) {
		if !info.nameTok[s] {
			words = append(words, s)
		}
	}
	// One pass over the statute: how many sentences hold each word, and
	// the sentences that answer every facet with the words they hold.
	type answering struct {
		sec  int
		text string
		hits []int // indexes into words
	}
	var cands []answering
	df := make([]int, len(words))
	total := 0
	for si, units := range info.units {
		for _, un := range units {
			if un.noise || un.meta {
				continue
			}
			total++
			var hits []int
			for k, s := range words {
				if q.terms.hitIn(un.set, s) {
					df[k]++
					hits = append(hits, k)
				}
			}
			if len(hits) > 0 && a.answersAll(un, q.facets) {
				cands = append(cands, answering{si, un.text, hits})
			}
		}
	}
	rare := max(maxRareUnits, total/rareShare)
	best, bestSec, bestHits := "", -1, 0
	for _, c := range cands {
		n := 0
		for _, k := range c.hits {
			if df[k] <= rare {
				n++
			}
		}
		if n > bestHits {
			best, bestSec, bestHits = c.text, c.sec, n
		}
	}
	if bestSec < 0 {
		return quote{}, false
	}
	s := d.Sections[bestSec]
	return quote{label: label(s.Heading), facet: s.Facet, text: best}, true
}

// answersAll reports whether unit un answers every facet of fs with the
// value the facet needs; an amount or "unentgeltlich" states a cost
// without the word.
func (a *Assistant) answersAll(un textUnit, fs []knowledge.Facet) bool {
	for _, f := range fs {
		if !answers(f, f == knowledge.FacetKosten && un.vals&valMoney != 0 || a.speaksOfWords(un.words, f), un.vals) {
			return false
		}
	}
	return true
}

// A word of the question points to a statute's sentence when at most
// maxRareUnits of its sentences hold it, or one in rareShare of them in a
// long statute.
const (
	maxRareUnits = 8
	rareShare    = 100
)
