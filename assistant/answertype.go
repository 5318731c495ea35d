// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"strings"

	"github.com/musterstadt/lotse/knowledge"
)

// valueKind is a kind of value an answer to a facet states. A question
// about costs is answered by an amount or by "kostenlos", one about the
// processing time or validity by a time span; a sentence that only uses
// the facet's word ("Gültiger Lichtbildausweis", "die Kosten trägt …")
// speaks of the facet without answering it.
type valueKind uint8

const (
	valMoney valueKind = 1 << iota // an amount, or free of charge
	valSpan                        // a time span: "drei Monate", "one year", "sofort"
	valDate                        // a calendar date
	// valBefore marks a span named only by the date it comes before
	// ("rechtzeitig vor dem Ablauf"): set with valSpan, it answers when
	// to act but not how long something is valid.
	valBefore
)

// facetValues returns the kinds of value that answer facet f; 0 for a
// facet whose answers have no one form (documents, where to go, steps).
func facetValues(f knowledge.Facet) valueKind {
	switch f {
	case knowledge.FacetKosten:
		return valMoney
	case knowledge.FacetDauer:
		return valSpan
	case knowledge.FacetFristen:
		return valSpan | valDate
	}
	return 0
}

// unitValues returns the kinds of value unit u states; ws are its folded
// words.
func (a *Assistant) unitValues(u string, ws []string) valueKind {
	var v valueKind
	// The expressions run only where they can match: most units of a
	// statute hold neither a euro sign nor a digit.
	digits := strings.ContainsAny(u, "0123456789")
	if digits && (strings.Contains(u, "€") || strings.Contains(strings.ToLower(u), "eur")) && amountRE.MatchString(u) || a.lex.match("value_free", ws) || digits && rateRE.MatchString(u) {
		// A tax or fee rate ("beträgt 12 vom Hundert der
		// Bemessungsgrundlage") says how much one pays as an amount does.
		v |= valMoney
	}
	if a.lex.match("value_span", ws) || hasDuration(u) {
		v |= valSpan
	} else if a.lex.match("value_before", ws) {
		v |= valSpan | valBefore
	}
	if digits && (hasYear(u) && dateRE.MatchString(u) || dueDayRE.MatchString(u)) {
		v |= valDate
	}
	return v
}

// hasYear reports whether s holds four digits in a row, as every date
// dateRE finds does.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// hasDuration reports whether s states a number with a time unit. It
// looks for a unit word first, so that most units cost no tokenising.
func hasDuration(s string) bool {
	low := strings.ToLower(s)
	found := false
	for _, u := range durationStems {
		if strings.Contains(low, u) {
			found = true
			break
		}
	}
	return found && len(findDurations(s)) > 0
}

// durationStems are substrings every time unit of durationUnits contains.
var durationStems = []string{"tag", "woche", "monat", "jahr", "stunde", "minute", "day", "week", "month", "year", "hour"}

// validityValues returns v without a span named only by the date it comes
// before: "Falls die Gültigkeit kurz vor dem Ablauf steht" says nothing of
// how long a thing is valid.
func validityValues(v valueKind) valueKind {
	if v&valBefore != 0 {
		return v &^ (valSpan | valBefore)
	}
	return v
}

// answers reports whether a unit with values v and facet cue cue answers
// facet f: it speaks of the facet and, for a facet answered by a value,
// states one.
func answers(f knowledge.Facet, cue bool, v valueKind) bool {
	need := facetValues(f)
	return cue && (need == 0 || v&need != 0)
}

// docAnswers reports whether document d, with derived data info, states a
// value that answers facet f: a unit that speaks of the facet and states
// the value, or a unit with the value in a section named after the facet.
func (a *Assistant) docAnswers(d knowledge.Document, info *docInfo, f knowledge.Facet) bool {
	return len(a.answeringUnits(d, info, f)) > 0
}

// unitRef is unit u of section s of a document.
type unitRef struct{ s, u int }

// answeringUnits returns the units of document d that answer facet f with
// a value, as docAnswers means it. The result is remembered per document.
func (a *Assistant) answeringUnits(d knowledge.Document, info *docInfo, f knowledge.Facet) []unitRef {
	if info == nil {
		info = a.info(d)
	}
	info.mu.Lock()
	v, ok := info.answering[f]
	info.mu.Unlock()
	if ok {
		return v
	}
	need := facetValues(f)
	for si, units := range info.units {
		inSection := si < len(d.Sections) && d.Sections[si].Facet == f
		for ui, un := range units {
			if un.noise || un.meta || un.vals&need == 0 {
				continue
			}
			if inSection || a.speaksOfWords(un.words, f) {
				v = append(v, unitRef{si, ui})
			}
		}
	}
	info.mu.Lock()
	if info.answering == nil {
		info.answering = map[knowledge.Facet][]unitRef{}
	}
	info.answering[f] = v
	info.mu.Unlock()
	return v
}

// answersAsked reports whether a unit of d that answers facet f with a
// value also holds one of the question's content words that are not the
// document's names: "spätestens am dritten auf den Tod folgenden Werktag
// dem Standesamt anzuzeigen" for "bis wann muss das dem Standesamt
// gemeldet werden", not any deadline the document states.
func (a *Assistant) answersAsked(d knowledge.Document, info *docInfo, f knowledge.Facet, q queryTerms) bool {
	if info == nil {
		info = a.info(d)
	}
	for _, r := range a.answeringUnits(d, info, f) {
		un := info.units[r.s][r.u]
		for _, st := range q.content {
			if !info.nameTok[st] && q.hitIn(un.set, st) {
				return true
			}
		}
	}
	return false
}

// wantedValues returns the kinds of value the question words of text ask
// for, whatever the facet: "ab wann muss man …" wants an age or a date,
// "wie viel bekommt man" an amount.
func (lx *lexicon) wantedValues(text string) valueKind {
	ws := lx.words(text)
	var v valueKind
	if lx.match("ask_money", ws) {
		v |= valMoney
	}
	if lx.match("ask_time", ws) && !lx.match("clock_time", ws) {
		// ("bis wann abends" asks a time of day, no span or date.)
		v |= valSpan | valDate
	}
	return v
}
