// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strings"

	"github.com/musterstadt/lotse/knowledge"
)

// A message may ask two things whose answers stand in two documents: "wie
// früh kann ich mich abmelden und was kostet es, wenn ich das Auto online
// abmelde" asks the registration office and the vehicle registration. The
// chosen document answers the part that names it; a part of the message
// that names another service is answered from that service's document,
// in a block of its own with its own source.

// second returns the candidate of sel that a part of the message names
// while the chosen one is not named there, and the question that part
// asks; -1 when every part is about the chosen document.
func (a *Assistant) second(t *turn, q question, sel selection) (int, question) {
	if sel.followUp || sel.idx < 0 || t.sig.caseSpecific {
		return -1, q
	}
	if d := sel.r.cands[sel.idx].doc; t.lang != "de" && d.Lang != t.lang {
		// A question in another language than the sources is matched
		// through translated words, too few to tell its parts apart.
		return -1, q
	}
	parts := askingParts(t.red)
	if len(parts) < 2 {
		return -1, q
	}
	first := sel.r.cands[sel.idx]
	names := func(c candidate, stems stemSet) (int, []string) {
		best, bestName := 0, []string(nil)
		for _, name := range c.nameSets {
			l := joinedLen(name)
			if l > best && l >= minOwnName && nameIn(name, stems) && slices.ContainsFunc(name, func(s string) bool { return !a.lex.genericStems[s] }) {
				best, bestName = l, name
			}
		}
		return best, bestName
	}
	// named[i] is the other document part i names, -1 for none;
	// namesFirst[i] tells that part i names the chosen one.
	named := make([]int, len(parts))
	namesFirst := make([]bool, len(parts))
	other, rest := -1, 0 // the part naming another document; parts about the chosen one or none
	for i, p := range parts {
		named[i] = -1
		stems := newStemSet(a.lex.terms(p).stems)
		// "den Ausweis" after "Büchereiausweis" is that card again: a
		// word that is the head of a compound the message says names
		// no other service (nor the official word it stands for).
		own := stems
		if rest := withoutSaidHeads(p, t.sig.words); rest != p {
			own = newStemSet(a.lex.terms(rest).stems)
		}
		if l, _ := names(first, stems); l > 0 {
			rest++
			namesFirst[i] = true
			continue
		}
		best, bestLen := -1, 0
		for j, c := range sel.r.cands {
			if j == sel.idx || c.doc.ID == first.doc.ID || c.doc.Kind == knowledge.KindNotice || !c.relevantTo() {
				continue
			}
			if l, name := names(c, own); l > bestLen && !hasName(first.nameSets, name) {
				best, bestLen = j, l
			}
		}
		if best < 0 {
			rest++
			continue
		}
		if other >= 0 {
			// Two other documents: not a message of two parts.
			return -1, q
		}
		named[i], other = best, i
	}
	if other < 0 || rest == 0 {
		// Only when exactly one part names another document and the
		// rest of the message is about the chosen one.
		return -1, q
	}
	text := parts[other]
	if other > 0 && named[other-1] < 0 && len(strings.Fields(parts[other-1])) <= 4 {
		// "was kostet es, das Auto online abzumelden": the short
		// question before the part belongs to it.
		text = parts[other-1] + " " + text
	}
	q2 := q
	q2.text, q2.terms = text, a.lex.terms(text)
	q2.facets = a.lex.detectFacets(text)
	if len(q2.facets) == 0 {
		// "… ihren ersten Perso, bisher hatte sie nur den Kinderreisepass.
		// was muss sie mitbringen": what a part that names no document
		// asks, it asks of the other document too.
		for i, p := range parts {
			if named[i] < 0 && !namesFirst[i] {
				for _, f := range a.lex.detectFacets(p) {
					if !slices.Contains(q2.facets, f) {
						q2.facets = append(q2.facets, f)
					}
				}
			}
		}
	}
	return named[other], q2
}

// askingParts cuts a message into the parts that may each ask for a
// service: at sentence ends, commas and "und"/"oder" ("and"/"or")
// between clauses.
// Parts of fewer than three words are joined to the one before.
func askingParts(text string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '?' || r == '!' || r == ';' || r == ',' }) {
		for _, p := range splitWords(s, "und", "oder", "and", "or") {
			if len(strings.Fields(p)) < 3 && len(out) > 0 {
				out[len(out)-1] += " " + p
				continue
			}
			out = append(out, p)
		}
	}
	return out
}

// splitWords cuts s at each of the given words standing alone.
func splitWords(s string, at ...string) []string {
	var out []string
	var cur []string
	for _, w := range strings.Fields(s) {
		if slices.Contains(at, strings.ToLower(w)) && len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
			continue
		}
		cur = append(cur, w)
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

// withinRunes keeps the quotes of qs, in order, that fit into n runes
// together; the second document's block stays short.
func withinRunes(qs []quote, n int) []quote {
	var out []quote
	for _, q := range qs {
		if l := runeLen(q.text); l <= n {
			out = append(out, q)
			n -= l
		}
	}
	return out
}

// withoutSaidHeads returns part without its words that are the head of a
// longer compound among the message's words said ("Ausweis" when the
// message says "Büchereiausweis"); part itself when there are none.
func withoutSaidHeads(part string, said []string) string {
	ws := strings.Fields(part)
	kept := ws[:0:0]
	for _, f := range ws {
		head := false
		if w := words(f); len(w) == 1 && len(w[0]) >= 4 {
			s := stem(w[0])
			for _, o := range said {
				if t := stem(o); len(t) > len(s)+3 && strings.HasSuffix(t, s) {
					head = true
					break
				}
			}
		}
		if !head {
			kept = append(kept, f)
		}
	}
	if len(kept) == len(ws) {
		return part
	}
	return strings.Join(kept, " ")
}
