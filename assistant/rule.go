// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
const maxRuleRank = 7

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
	// The words asked that neither the description's names nor its
	// quotes hold.
	inQuotes := quotedIn(info, q.terms, qs)
	var open []string
	for _, s := range q.terms.content {
		if len(s) >= 4 && !info.nameTok[s] && !q.terms.eventOnly[s] && !inQuotes(s) {
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
		oi := o.info
		if oi == nil {
			oi = a.info(o.doc)
		}
		var xs []quote
		n := 0
		// The passage of a facet asked first ("darf ich das beantragen"
		// asks who may), then the one of the question's words alone.
		for _, f := range append(slices.Clone(q.facets), knowledge.FacetNone) {
			ys := a.bestUnits(o, rest, f)
			if len(ys) == 0 {
				continue
			}
			ts := a.withSeparableVerbs(oi.quoteStems(ys[0].text), ys[0].text)
			m := 0
			for _, s := range open {
				if q.terms.hitIn(ts, s) {
					m++
				}
			}
			if m >= minRuleWords {
				xs, n = ys, m
				break
			}
			if xs == nil {
				xs, n = ys, m
			}
		}
		if len(xs) == 0 {
			continue
		}
		if n >= minRuleWords {
			return i, xs[:1]
		}
	}
	return -1, nil
}

// A description that states no value of the kind asked ("wie lange gilt
// der Sehtest noch?" of a page that lists the Sehtest among the papers)
// leaves it to the statute: when the chosen description's quotes state
// no value for a facet asked with one, and a statute among the first
// retrieved states one in a sentence that holds the question's own words,
// that sentence follows in a block of its own.

// statuteValue returns the candidate of sel whose statute states the value
// the quotes qs of c leave out, and its quotes; -1 when there is none.
func (a *Assistant) statuteValue(q question, sel selection, c candidate, qs []quote) (int, []quote) {
	if sel.followUp || c.doc.Kind != knowledge.KindService || len(qs) == 0 {
		return -1, nil
	}
	for _, f := range q.facets {
		fv := facetValues(f)
		if fv == 0 || f == knowledge.FacetDauer {
			// (A statute's spans are periods of its rules, hardly ever how
			// long an office takes: "für die Dauer von zehn Jahren
			// ausgeschlossen" is no processing time.)
			continue
		}
		if !a.quotesState(qs, fv, q, c) {
			if i, xs := a.statuteStating(q, sel, c, qs, f, fv, false); i >= 0 {
				return i, xs
			}
			continue
		}
		// The quotes state a value of the kind asked, but perhaps of
		// another thing the question names ("der Kurs dauert einen Tag"
		// for "wie lang geht der Kurs, und gilt mein Sehtest noch"): a
		// statute's value of the other thing still follows.
		if i, xs := a.statuteStating(q, sel, c, qs, f, fv, true); i >= 0 {
			return i, xs
		}
	}
	return -1, nil
}

// statuteStating returns the first statute among the first retrieved
// candidates of sel that states a value of a kind in fv for the facet f,
// and its passage; with unstated, only a passage whose words of the
// question (other than c's names) have no such value in the quotes qs of
// c.
func (a *Assistant) statuteStating(q question, sel selection, c candidate, qs []quote, f knowledge.Facet, fv valueKind, unstated bool) (int, []quote) {
	for i, o := range sel.r.cands {
		if o.rank > maxRuleRank || o.doc.Kind != knowledge.KindLaw || unstated && !o.relevantTo() || !a.statesAsked(o, q, f, fv) {
			// (Beside quotes that state a value, a statute must be about
			// the question, not only share a word of it.)
			continue
		}
		// The facet's own sentence first; where the statute does not
		// speak of the facet in its words ("darf nicht älter als zwei
		// Jahre sein" for "wie lange gilt"), the sentence of the
		// question's words.
		for _, g := range []knowledge.Facet{f, knowledge.FacetNone} {
			xs := a.bestUnits(o, q, g)
			if len(xs) == 0 || !a.quotesState(xs[:1], fv, q, o) {
				continue
			}
			if unstated && a.statedAlready(q, c, qs, o, xs[0], fv) {
				break
			}
			return i, xs[:1]
		}
	}
	return -1, nil
}

// statedAlready reports whether the quotes qs of c state a value of a
// kind in v beside every word of the question that the statute passage x
// of o holds and that says more than which service it is.
func (a *Assistant) statedAlready(q question, c candidate, qs []quote, o candidate, x quote, v valueKind) bool {
	info, oi := c.info, o.info
	if info == nil {
		info = a.info(c.doc)
	}
	if oi == nil {
		oi = a.info(o.doc)
	}
	ts := oi.quoteStems(x.text)
	var own []string
	for _, st := range q.terms.content {
		if len(st) >= minSpecificLen && !info.nameTok[st] && !a.lex.genericStems[st] && !monthStem(st) && q.terms.hitIn(ts, st) {
			// (A month is a value, not the thing it is the value of:
			// "bis zum 15. April" of a fee says nothing about a child
			// born in April.)
			own = append(own, st)
		}
	}
	if len(own) == 0 {
		return true
	}
	for _, st := range own {
		r := q
		r.terms.content = []string{st}
		if !a.quotesState(qs, v, r, c) {
			return false
		}
	}
	return true
}

// statesAsked reports whether a unit of c's document states a value of a
// kind in v, speaks of the facet f (in its words or its section's
// heading: "§ 27 – Gebühren") and holds a word of the question that says
// more than which service or statute it is (specific).
func (a *Assistant) statesAsked(c candidate, q question, f knowledge.Facet, v valueKind) bool {
	info := c.info
	if info == nil {
		info = a.info(c.doc)
	}
	for si, units := range info.units {
		var heading []string // the section heading's words, split when a unit needs them
		for _, un := range units {
			if un.noise || un.vals&v == 0 || !a.specificIn(un.set, q, info) {
				continue
			}
			if !a.speaksOfWords(un.words, f) && !(q.validity && a.lex.match("validity", un.words)) {
				if heading == nil {
					heading = append(words(c.doc.Sections[si].Heading), "")
				}
				if !a.speaksOfWords(heading, f) {
					continue
				}
			}
			return true
		}
	}
	return false
}

// specificIn reports whether ts holds a word of the question that is
// neither a name of the document of info nor a generic word of titles
// ("beantragen"), nor short ("nicht").
func (a *Assistant) specificIn(ts stemSet, q question, info *docInfo) bool {
	for _, st := range q.terms.content {
		if len(st) >= minSpecificLen && !info.nameTok[st] && !a.lex.genericStems[st] && q.terms.hitIn(ts, st) {
			return true
		}
	}
	return false
}

// minSpecificLen is the shortest stem (in bytes) that can say what a
// statute's sentence is about.
const minSpecificLen = 5

// quotesState reports whether a unit of the quotes qs of c states a
// value of a kind in v beside a word of the question that is none of c's
// names: "Ihr ausländischer Führerschein bleibt sechs Monate gültig"
// states no period of the Sehtest asked about.
func (a *Assistant) quotesState(qs []quote, v valueKind, q question, c candidate) bool {
	info := c.info
	if info == nil {
		info = a.info(c.doc)
	}
	for _, x := range qs {
		for _, u := range info.quoteValues(a, x.text) {
			if u.vals&v == 0 {
				continue
			}
			for _, st := range q.terms.content {
				if !info.nameTok[st] && q.terms.hit(u.stems, st) {
					return true
				}
			}
		}
	}
	return false
}

// A page that leaves the amount to another document says so ("Alle
// Beträge stehen in der Elternbeitragssatzung"): when a quote that answers
// the fact asked names a retrieved document that states such a value,
// that document's passage follows.

// referenced returns the candidate of sel that one of the quotes qs of c
// names and that states a value of the kind the question asks for, and
// its quotes; -1 when there is none.
func (a *Assistant) referenced(q question, sel selection, c candidate, qs []quote) (int, []quote) {
	if sel.followUp || q.receive {
		// (What the asker gets is no fee another page names.)
		return -1, nil
	}
	f := knowledge.FacetNone
	for _, g := range q.facets {
		if facetValues(g) != 0 {
			f = g
			break
		}
	}
	if f == knowledge.FacetNone || len(qs) == 0 {
		return -1, nil
	}
	var text string // the quotes in lower case, made when a name is to be found
	for i, o := range sel.r.cands {
		if o.doc.ID == c.doc.ID || o.rank > maxRuleRank {
			continue
		}
		oi := o.info
		if oi == nil {
			oi = a.info(o.doc)
		}
		for _, n := range oi.lowerShortNames(o.doc) {
			if text == "" {
				var b strings.Builder
				for _, x := range qs {
					b.WriteString(strings.ToLower(x.text))
					b.WriteByte('\n')
				}
				text = b.String()
			}
			if !containsWord(text, n) {
				continue
			}
			if !a.docAnswers(o.doc, oi, f) {
				break
			}
			if xs := a.bestUnits(o, q, f); len(xs) > 0 {
				return i, xs[:1]
			}
			break
		}
	}
	return -1, nil
}

// minShortName is the shortest name a reference is looked for by: "PassG"
// or "BMG" are too short to tell a reference from a coincidence.
const minShortName = 8

// shortNames returns the names another text may call d by: its title, the
// title's one-word head ("Elternbeitragssatzung der Stadt …"), the short
// title in brackets ("… (Elternbeitragssatzung)") and its synonyms, those
// of at least minShortName runes.
func shortNames(d knowledge.Document) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); utf8.RuneCountInString(s) >= minShortName {
			out = append(out, s)
		}
	}
	add(d.Title)
	// The head of the title before its attribute: "Elternbeitragssatzung"
	// of "Elternbeitragssatzung der Stadt …".
	for _, sep := range []string{" der ", " des ", " für ", " über ", " zur ", " zum ", " vom "} {
		if head, _, ok := strings.Cut(d.Title, sep); ok && !strings.Contains(head, " ") {
			add(head)
			break
		}
	}
	if i := strings.LastIndexByte(d.Title, '('); i >= 0 {
		if j := strings.IndexByte(d.Title[i:], ')'); j > 0 {
			add(d.Title[i+1 : i+j])
		}
	}
	for _, s := range d.Synonyms {
		add(s)
	}
	return out
}

// containsWord reports whether text holds w as a whole word (or words).
func containsWord(text, w string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], w)
		if k < 0 {
			return false
		}
		k += i
		before, after := k == 0, k+len(w) == len(text)
		if !before {
			r, _ := utf8.DecodeLastRuneInString(text[:k])
			before = !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
		if !after {
			r, _ := utf8.DecodeRuneInString(text[k+len(w):])
			after = !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
		if before && after {
			return true
		}
		i = k + 1
	}
}

// A notice announces when something new begins ("Ab dem 4. Januar 2027
// tauschen Sie Tonnen im neuen Online-Portal"): a question when it begins
// that the chosen page answers with no date is followed by the retrieved
// notice's sentence that states one and speaks of the question's matter.

// minAnnouncedWords is how many of the question's words (a facet asked
// other than the date itself counting as one) a notice's sentence with the
// date must hold.
const minAnnouncedWords = 2

// announced returns the notice among sel's first candidates whose
// sentence states the date q asks for (or a date in the month it names),
// and that sentence; -1 when the question asks no date and names no
// month, the chosen document is a notice or states one
// for it, or no notice does.
func (a *Assistant) announced(q question, sel selection, c candidate, qs []quote) (int, []quote) {
	if sel.followUp || q.want&valDate == 0 && !namesMonth(q) || c.doc.Kind == knowledge.KindNotice {
		return -1, nil
	}
	info := c.info
	if info == nil {
		info = a.info(c.doc)
	}
	for _, x := range qs {
		for _, u := range info.datedUnits(a, x.text) {
			if a.announcesUnit(u, q) >= minAnnouncedWords {
				return -1, nil // the page says when itself
			}
		}
	}
	for i, o := range sel.r.cands {
		if o.doc.Kind != knowledge.KindNotice || o.rank > maxRuleRank || !o.relevantTo() {
			continue
		}
		oi := o.info
		if oi == nil {
			oi = a.info(o.doc)
		}
		best, bestN := "", 0
		for _, u := range oi.noticeUnits(a, o.doc) {
			if n := a.announcesUnit(u, q); n > bestN {
				best, bestN = u.text, n
			}
		}
		if bestN >= minAnnouncedWords {
			return i, []quote{{text: best}}
		}
	}
	return -1, nil
}

// withItems joins a sentence that opens a list ("Ab Dienstag, 5. Januar
// 2027, gilt:") with the list's items: what it announces is in them.
func withItems(us []string) []string {
	out := make([]string, 0, len(us))
	for i := 0; i < len(us); i++ {
		if !strings.HasSuffix(strings.TrimSpace(us[i]), ":") {
			out = append(out, us[i])
			continue
		}
		j, n := i+1, runeLen(us[i])
		for j < len(us) && strings.HasPrefix(strings.TrimSpace(us[j]), "- ") && n+runeLen(us[j]) <= maxBlockRunes {
			n += runeLen(us[j])
			j++
		}
		out = append(out, strings.Join(us[i:j], "\n"))
		i = j - 1
	}
	return out
}

// namesMonth reports whether the question names a month ("hat der Hof ab
// Januar samstags länger auf?"): what holds then may be what a notice
// announces, not what the page says now.
func namesMonth(q question) bool {
	for _, w := range words(q.text) {
		if isMonth(w) {
			return true
		}
	}
	return false
}

// datedUnit is a unit with what announces reads of it that does not
// depend on the question: its words and their stems when it states a
// date (unitValues), else none.
type datedUnit struct {
	text  string
	words []string // nil when it states no date
	stems map[string]bool
}

// datedUnitOf reads unit u for announcesUnit.
func (a *Assistant) datedUnitOf(u string) datedUnit {
	ws := words(u)
	if a.unitValues(u, ws)&valDate == 0 {
		return datedUnit{text: u}
	}
	ts := map[string]bool{}
	for _, w := range ws {
		ts[stem(w)] = true
	}
	return datedUnit{text: u, words: ws, stems: ts}
}

// announcesUnit returns how many of q's words unit u (read by
// datedUnitOf) holds when it states a date, a facet asked other than the
// date itself counting as one word ("online" in "kann man … online
// tauschen"); 0 when it states none.
func (a *Assistant) announcesUnit(u datedUnit, q question) int {
	if u.words == nil {
		return 0
	}
	n := 0
	for _, st := range q.terms.content {
		if q.terms.hit(u.stems, st) {
			n++
		}
	}
	for _, f := range q.facets {
		if f != knowledge.FacetFristen && a.speaksOfWords(u.words, f) {
			n++
			break
		}
	}
	return n
}

// withSeparableVerbs returns ts with the verbs of text split in two by
// German word order added ("Sagt ein Beschicker … ab" says "absagen"),
// ts itself when there are none.
func (a *Assistant) withSeparableVerbs(ts stemSet, text string) stemSet {
	var extra []string
	for _, cl := range clauses(text) {
		if v := separableVerb(a.lex, words(cl)); v != "" && !ts.has[stem(v)] {
			extra = append(extra, stem(v))
		}
	}
	if len(extra) == 0 {
		return ts
	}
	m := map[string]bool{}
	for _, s := range ts.list {
		m[s] = true
	}
	for _, s := range extra {
		m[s] = true
	}
	return newStemSet(m)
}

// monthStem reports whether the stem st is that of a month's name
// (folded: "märz" and "maerz" alike).
func monthStem(st string) bool {
	for m := range months {
		for _, n := range []string{m, strings.Replace(m, "ae", "a", 1)} {
			if len(n) >= len(st) && strings.HasPrefix(n, st) && len(n)-len(st) <= 2 {
				return true
			}
		}
	}
	return false
}
