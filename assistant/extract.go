// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/german"
)

// Bounds of an extractive answer: what a person reads on one screen.
const (
	maxBlockRunes  = 700  // one facet's quote
	maxAnswerRunes = 1400 // all quotes of one answer
	introSentences = 2    // sentences of the introduction when nothing specific is asked
)

// essentials are the facets an answer about a service quotes when the
// question asks for none, in order; maxEssentialQuotes bounds the quotes
// of such an answer, the introduction included.
var essentials = []knowledge.Facet{
	knowledge.FacetFristen, knowledge.FacetUnterlagen, knowledge.FacetKosten,
	knowledge.FacetVoraussetzungen, knowledge.FacetAblauf,
}

// mayIEssentials are the essentials for a question whether the asker
// may or gets something ("Krieg ich trotzdem einen Ausweis?"): the
// conditions first.
var mayIEssentials = []knowledge.Facet{
	knowledge.FacetVoraussetzungen, knowledge.FacetFristen, knowledge.FacetUnterlagen,
	knowledge.FacetKosten, knowledge.FacetAblauf,
}

// urgentEssentials are the essentials for an asker in a hurry ("ich
// fliege übermorgen und mein Pass ist abgelaufen"): how fast it goes
// first.
var urgentEssentials = []knowledge.Facet{
	knowledge.FacetDauer, knowledge.FacetFristen, knowledge.FacetUnterlagen,
	knowledge.FacetKosten, knowledge.FacetVoraussetzungen,
}

const maxEssentialQuotes = 5

// facetFallback lists, for a facet whose section a document lacks, the
// sections that answer the same need ("Wie beantrage ich …?" without a
// "Verfahren" section is answered by what to bring, what it costs, the
// online service and where to go).
var facetFallback = map[knowledge.Facet][]knowledge.Facet{
	// "Wie kriegen wir das?" without a procedure section: when to apply
	// comes first, as in the essentials.
	knowledge.FacetAblauf:          {knowledge.FacetFristen, knowledge.FacetUnterlagen, knowledge.FacetKosten, knowledge.FacetOnline, knowledge.FacetZustaendigkeit},
	knowledge.FacetTermin:          {knowledge.FacetZustaendigkeit},
	knowledge.FacetVoraussetzungen: {knowledge.FacetUnterlagen},
	knowledge.FacetOnline:          {knowledge.FacetAblauf},
	// "Wo krieg ich die her?" without an office named: the procedure says
	// where to go, what to bring who issues it.
	knowledge.FacetZustaendigkeit: {knowledge.FacetAblauf, knowledge.FacetUnterlagen},
}

// extract picks what to quote from document c for question q: for each
// facet asked the shortest passage that answers it, a lead line for the
// asker's situation, and for a question without facet a short
// introduction with the passage that answers the question's own words. It
// reports missing when a facet was asked that the document does not speak
// of, and ownFAQ when an entry of c's questions and answers asks what q
// asks (faqEntry; not read for simple, which quotes no entry).
func (a *Assistant) extract(c candidate, q question, simple bool) (qs []quote, lead string, missing, ownFAQ bool) {
	d := c.doc
	defer func() {
		if lead == "" && q.sit.household > 0 {
			// A household's line of an income or size table stands
			// wherever the document puts it, quoted or not.
			for _, s := range d.Sections {
				if lead = householdLine(s.Text, q.sit.household); lead != "" {
					break
				}
			}
		}
	}()
	budget := maxAnswerRunes
	add := func(x quote) bool {
		x.text = strings.TrimSpace(x.text)
		if d.Kind == knowledge.KindArticle && x.label != "" && listItemRE.MatchString(x.text) {
			// A step of a troubleshooting list comes with the other
			// steps: the asker may have tried the first already.
			if whole, ok := a.wholeSteps(d, x.label); ok {
				x.text = whole
			}
		}
		if x.text == "" || budget <= 0 {
			return false
		}
		// The first quote has none to compare with: its text is not
		// flattened (a whole section, on most answers).
		var flat string
		if len(qs) > 0 {
			flat = strings.Join(strings.Fields(x.text), " ")
		}
		grown := -1 // a quote x contains: the same introduction, longer
		for i, o := range qs {
			of := strings.Join(strings.Fields(o.text), " ")
			if strings.Contains(of, flat) {
				return false
			}
			if grown < 0 && strings.Contains(flat, of) {
				grown = i
			}
		}
		if grown < 0 && len(qs) > 0 {
			// Two facets' passages of one section overlap ("Verfahren"
			// items 2–3 for one, 3–4 for the other): the section is
			// quoted once, its lines in reading order, and no line
			// twice.
			for i, o := range qs {
				if o.label != x.label {
					continue
				}
				m, ok := joinOverlap(o.text, x.text)
				if !ok {
					if sec, found := sectionLabelled(d, x.label); found {
						m, ok = inReadingOrder(a.clean(sec.Text, true), o.text, x.text)
					}
				}
				if ok {
					grow := runeLen(m) - runeLen(o.text)
					if grow > budget {
						return false
					}
					budget -= grow
					qs[i].text = m
					return true
				}
				if x.text = withoutLines(x.text, o.text); x.text == "" {
					return false
				}
			}
		}
		n := runeLen(x.text)
		if grown >= 0 {
			if n > budget+runeLen(qs[grown].text) {
				// Cut to fit, the longer quote would lose what the
				// shorter one holds.
				return false
			}
			budget += runeLen(qs[grown].text)
		}
		if n > budget {
			x.text = cutFor(x.text, budget, q)
			if x.text == "" {
				return false
			}
			n = runeLen(x.text)
		}
		budget -= n
		if grown >= 0 {
			qs[grown] = x
			return true
		}
		qs = append(qs, x)
		if lead == "" {
			lead = situationLine(x.text, q.sit)
		}
		return true
	}

	if d.Kind != knowledge.KindService && d.Kind != knowledge.KindLaw && !simple && a.docRunes(c) <= maxAnswerRunes {
		// A how-to or notice that fits on one screen is quoted whole:
		// its steps belong together.
		for _, s := range d.Sections {
			if hp := platformOf(words(s.Heading)); q.platform != "" && hp != "" && hp != q.platform {
				continue // the steps for another operating system
			}
			add(quote{label: label(s.Heading), facet: s.Facet, text: a.clean(s.Text, true)})
		}
		_, ownFAQ = a.faqEntry(c, q)
		return untitle(qs, d.Title), lead, false, ownFAQ
	}
	faq := false
	if !simple {
		var x quote
		if x, ownFAQ = a.faqEntry(c, q); ownFAQ {
			// An entry of the page's questions and answers that asks
			// what the asker asks answers first.
			faq = add(x)
		}
	}
	for _, cue := range q.cues {
		// What happens if the asker does not ("… handelt
		// ordnungswidrig"), whom else to inform ("Ihren Rundfunkanbieter
		// … zu informieren"): it stands wherever the page says it.
		if lawOnlyCues[cue] && d.Kind != knowledge.KindLaw {
			continue
		}
		if x, ok := a.cueUnit(c, q, cue); ok {
			add(x)
		}
	}
	if q.sit.found {
		// What to do with a lost thing found again stands wherever the
		// page puts it, and comes first whatever else was asked.
		if x, ok := a.foundLine(c); ok {
			add(x)
		}
	}
	proxied := false
	if (q.sit.proxy || q.sit.absent) && d.Kind == knowledge.KindService {
		// "Kann ich den Pass meiner Tochter abholen?": what the page
		// says of acting for someone else answers first; "muss er
		// wirklich mit?": what it says of coming in person.
		tiers := proxyTiers
		if !q.sit.proxy {
			tiers = absentTiers
		}
		if x, ok := a.proxyLine(c, q, tiers); ok {
			proxied = add(x)
		}
	}
	facets := q.facets
	if x, ok := a.unitForAll(c, q); ok && add(x) {
		// One sentence of the statute answers every facet asked.
		facets = nil
	}
	for _, f := range facets {
		got := false
		secs := sectionsFor(d, f)
		if f == knowledge.FacetKosten && q.amountOnly {
			// The asker's own amount: the sentence that compares (below),
			// not the fee table.
			secs = nil
		}
		add := add
		if f == knowledge.FacetKosten && q.receive {
			// "Wie viel Wohngeld bekomme ich?": the amount paid out
			// answers; that the application is free of charge, or
			// what it costs, does not.
			outer := add
			add = func(x quote) bool { return !a.lex.match("text_fee", words(x.text)) && outer(x) }
		}
		if f == knowledge.FacetVoraussetzungen && len(secs) == 0 && q.asksWho {
			// "wer darf die beantragen?" on a page without conditions:
			// the section that says whom the service is for answers.
			secs = a.audienceSections(d)
		}
		if d.Kind == knowledge.KindLaw && q.asksAge {
			// "Ab welchem Alter …": the § titled with the age answers,
			// whatever facet its title names.
			if as := a.ageSections(d); len(as) > 0 {
				secs = as
			}
		} else if d.Kind == knowledge.KindLaw {
			if ts := a.topicSections(c, q, f); len(ts) > 0 {
				// "Kostet es was, wenn wir stornieren?": the § titled
				// with what is asked ("§ 6 Rücktritt") says what it
				// costs, not the fee schedule.
				secs = ts
			}
		}
		if d.Kind == knowledge.KindLaw && len(secs) > 1 {
			// A fee ordinance is all fee paragraphs: the one that
			// speaks of what the question asks answers, not all of
			// them.
			secs = a.bestSections(secs, q, f)
		}
		for _, s := range secs {
			if d.Kind == knowledge.KindLaw && !a.sectionStates(c, s, f) {
				// A paragraph's title names its subject ("§ 6
				// Auszahlung"): it answers "wie viel" or "wie lange"
				// only when it states an amount or a time.
				continue
			}
			if add(a.focusSection(s, q, f)) {
				got = true
			}
		}
		// A procedure is a section, not a sentence: "vor Ablauf" is no
		// answer to "Wie beantrage ich …?".
		if !got && f != knowledge.FacetAblauf {
			for _, x := range a.bestUnits(c, q, f) {
				if add(x) {
					got = true
				}
			}
		}
		if !got && f == knowledge.FacetAblauf && d.Kind == knowledge.KindService {
			// "Mein Auto wurde abgeschleppt, was nun?": when a service
			// description has no procedure section, the sentence about
			// the asker's own situation ("… können abgeschleppt werden. Rufen Sie …
			// an") answers before the page's other sections do.
			info := a.info(d)
			if xs := a.bestUnits(c, q, knowledge.FacetNone); len(xs) > 0 && a.specificIn(info.quoteStems(xs[0].text), q, info) {
				got = add(xs[0])
			}
		}
		if !got {
			for _, g := range facetFallback[f] {
				for _, s := range sectionsFor(d, g) {
					if add(a.focusSection(s, q, g)) {
						got = true
					}
				}
			}
		}
		if !got {
			missing = true
		}
	}
	for _, part := range q.yesNo {
		// "kann ich mich auch schriftlich abmelden …? und wie lange hab
		// ich Zeit dafür": the part that asks yes or no is answered by
		// the sentence that holds its own words ("Die Abmeldung in das
		// Ausland kann schriftlich … erfolgen"), not by the deadline's.
		sub := q
		sub.facets, sub.want, sub.cues, sub.yesNo = nil, 0, nil, nil
		sub.terms.content = part
		xs := a.bestUnits(c, sub, knowledge.FacetNone)
		if len(xs) == 0 {
			continue
		}
		info := c.info
		if info == nil {
			info = a.info(d)
		}
		in := quotedIn(info, sub.terms, xs[:1])
		held := 0
		for _, s := range part {
			if in(s) {
				held++
			}
		}
		if held >= minYesNoStems {
			add(xs[0])
		}
	}
	if len(qs) > 0 && d.Kind == knowledge.KindService {
		// A condition for the asker's age ("Kinder unter 16 Jahren
		// brauchen die Unterschrift eines Elternteils") holds whatever
		// facet was asked.
		if x, ok := a.ageCondition(d, q.sit); ok {
			add(x)
		}
		if q.followUp {
			// A follow-up that adds the age of the thing asked about
			// ("ist erst 9 Wochen alt. muss das schon?") is answered by
			// the condition it meets or does not.
			if x, ok := a.thingAgeCondition(d, q.sit); ok {
				add(x)
			}
		}
	}
	// An entry that answers a question asking no facet answers yes or
	// no, and so does what the page says of acting for someone else:
	// what the service is and what it takes follow, as for any question
	// that asks no facet.
	faqOnly := (faq || proxied) && len(q.facets) == 0 && d.Kind == knowledge.KindService
	if len(qs) > 0 && !faqOnly {
		// A question word the quotes leave out ("Kinder" in "Was kostet
		// der Pass für Kinder?") is answered where the document says it.
		rest := a.uncovered(c, q, qs)
		if d.Kind == knowledge.KindLaw {
			// In a statute only the words of the sentences that ask
			// count: its other paragraphs share a word with the asker's
			// story ("Mein Vater ist gestorben.").
			rest.terms.content = a.askedOnly(q.text, rest.terms.content)
		}
		if len(rest.terms.content) > 0 && (d.Kind != knowledge.KindLaw || a.docRunes(c) <= maxBylawRunes) {
			// (Not in a federal code: its many paragraphs share everyday
			// words with the question by chance.)
			for _, x := range a.bestUnits(c, rest, knowledge.FacetNone) {
				if d.Kind == knowledge.KindLaw && !ruleLabel(x.label) {
					// (A bylaw's title, preamble or enacting formula
					// rules nothing.)
					continue
				}
				add(x)
			}
		}
		return untitle(qs, d.Title), lead, missing, ownFAQ
	}

	// Nothing specific asked, or nothing found for it: what the service
	// is, then the passage that answers the question's own words.
	said := "" // the heading of the introduction quoted
	if in, ok := intro(d); ok && d.Kind != knowledge.KindLaw {
		add(quote{label: label(in.Heading), facet: in.Facet, text: firstSentences(a.clean(in.Text, false), introSentences)})
		said = in.Heading
	}
	if simple {
		return untitle(qs, d.Title), lead, missing, ownFAQ
	}
	if !faq { // an entry quoted above is the passage that answers the question's words
		added := false
		for _, x := range a.bestUnits(c, q, knowledge.FacetNone) {
			if (d.Kind == knowledge.KindLaw || x.label == "" || !isIntro(d, x.label)) && !officeSection(d, x.label) {
				// (The introduction's sentences quoted above are not
				// added again.)
				added = add(x) || added
			}
		}
		if !added && said != "" {
			// The best sentence is the introduction's, quoted above: the
			// best one beyond it that holds a word of the question the
			// introduction does not ("Kurs" in "Ehevorbereitungskursen").
			for _, x := range a.bestUnitsBeyond(c, q, knowledge.FacetNone, said) {
				if !officeSection(d, x.label) {
					added = add(x) || added
				}
			}
		}
		if !added && said != "" && onlyIntro(d) {
			// A press release or notice of one section: its first
			// sentences are quoted above, the sentences further down
			// that answer the question follow ("Die Fahrt mit dem
			// Pendelbus ist kostenlos" for "kommt man vom Bahnhof hin").
			for _, x := range a.bestUnits(c, q, knowledge.FacetNone) {
				if len(qs) > 0 && strings.Contains(x.text, firstWords(qs[len(qs)-1].text, 6)) {
					continue // the block starts with what is quoted already
				}
				added = add(x) || added
			}
		}
		// The best sentence may be the introduction quoted above; then
		// the section that holds the question's own words follows.
		if s, ok := a.usefulSection(c, q); ok && !added {
			add(a.focusSection(s, q, s.Facet))
		}
	}
	if d.Kind == knowledge.KindService {
		// What a person needs to act on a service, most urgent first:
		// the deadline, what to bring, what it costs, who may, how.
		order, limit := essentials, maxEssentialQuotes
		if proxied {
			limit++ // the line on acting for someone is one more
		}
		switch {
		case q.mayI && len(q.facets) == 0:
			order = mayIEssentials
		case q.sit.urgent && len(q.facets) == 0:
			order = urgentEssentials
		}
		for _, f := range order {
			if len(qs) >= limit {
				break
			}
			secs := sectionsFor(d, f)
			for _, s := range secs {
				if runeLen(s.Text) <= maxBlockRunes && !saysNothing(s.Text) {
					add(a.focusSection(s, q, f))
				}
			}
			if len(secs) == 0 && facetValues(f) != 0 {
				// No section for the deadline or the cost, but a
				// sentence that states it ("innerhalb von zwei Wochen
				// nach der Ankunft anmelden" under "Weitere Details").
				if xs := a.bestUnits(c, question{sit: q.sit}, f); len(xs) > 0 {
					add(xs[0])
				}
			}
		}
	}
	if len(qs) == 0 && len(c.passages) > 0 {
		p := c.passages[0]
		add(quote{label: label(p.Section), facet: p.Facet, text: a.clean(p.Text, false)})
	}
	return untitle(qs, d.Title), lead, missing, ownFAQ
}

// askedOnly returns the stems of content that stand in the sentences of
// text that ask (questionSentences).
func (a *Assistant) askedOnly(text string, content []string) []string {
	asked := a.lex.questionSentences(text)
	if asked == text {
		return content
	}
	in := map[string]bool{}
	for _, w := range words(asked) {
		in[stem(german.DropZuInfix(w))] = true
	}
	var out []string
	for _, s := range content {
		if in[s] {
			out = append(out, s)
		}
	}
	return out
}

// ruleLabel reports whether a statute's section label names a paragraph
// or an annex ("§ 3 Ausnahmen", "Anlage: Gebührentarif"), which state
// rules, rather than its preamble or enacting formula.
func ruleLabel(l string) bool {
	l = strings.TrimSpace(l)
	return strings.HasPrefix(l, "§") || strings.HasPrefix(l, "Art") || strings.HasPrefix(l, "Anlage")
}

// maxBylawRunes is the longest statute whose other paragraphs are
// searched for a word the quotes leave out: a town's bylaw of a few pages,
// whose paragraphs all rule its one matter, not a federal code whose
// paragraphs share the asker's everyday words by chance.
const maxBylawRunes = 30000

// minYesNoStems is how many content words a part asking yes or no must
// have, and a sentence must share with it, to answer it: one shared word
// is chance in a long document.
const minYesNoStems = 2

// maxYesNoParts bounds the parts asking yes or no that are answered each
// by a sentence of their own: a message of a dozen questions gets the
// first few.
const maxYesNoParts = 3

// takesUpSubject reports whether sentence next takes up a long noun of
// sentence u (a word of eight letters or more, capitalised in both) that
// few sentences of the document hold (rare reports it): it goes on about
// u's subject, not about the document's.
func takesUpSubject(u, next string, rare func(stem string) bool) bool {
	nouns := map[string]bool{}
	for _, w := range strings.Fields(u) {
		w = strings.Trim(w, ".,;:!?()„“\"'")
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && runeLen(w) >= 8 {
			nouns[stem(fold(w))] = true
		}
	}
	for _, w := range strings.Fields(next) {
		w = strings.Trim(w, ".,;:!?()„“\"'")
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && runeLen(w) >= 8 {
			if st := stem(fold(w)); nouns[st] && rare(st) {
				return true
			}
		}
	}
	return false
}

// maxSubjectUnits is how many sentences of a document may hold a noun for
// it to be the subject of a few of them rather than of the document.
const maxSubjectUnits = 3

// onlyIntro reports whether d's introduction is its only section with
// text.
func onlyIntro(d knowledge.Document) bool {
	in, ok := intro(d)
	if !ok {
		return false
	}
	for _, s := range d.Sections {
		if s.Heading != in.Heading && strings.TrimSpace(s.Text) != "" {
			return false
		}
	}
	return true
}

// foundLine returns the sentence of c's document that says what to do when
// a lost thing turns up again ("Finden Sie den Ausweis wieder, geben Sie
// ihn im Bürgerbüro ab"), with the unit before it when it goes on from it.
func (a *Assistant) foundLine(c candidate) (quote, bool) {
	info := c.info
	if info == nil {
		info = a.info(c.doc)
	}
	for si, units := range info.units {
		for ui, un := range units {
			if un.noise || un.meta || !a.lex.match("text_found", un.words) {
				continue
			}
			text := un.text
			if ui > 0 && dependsOnPrevious(text) {
				text = units[ui-1].text + " " + text
			}
			s := c.doc.Sections[si]
			return quote{label: label(s.Heading), facet: s.Facet, text: text}, true
		}
	}
	return quote{}, false
}

// maxProxyRunes bounds the unit proxyLine quotes.
const maxProxyRunes = 300

// proxyTiers are the lexicon sections of the lines proxyLine quotes for
// an asker acting for someone, best first: a power of attorney ("Für
// andere Personen brauchen Sie eine schriftliche Vollmacht"), another
// word of acting for someone ("andere Personen brauchen ein rechtliches
// Interesse"), the person concerned coming themselves ("Das Kind kommt
// persönlich mit"). absentTiers are those for an asker who cannot or
// would rather not come ("muss er wirklich mit?", "ohne hinzukommen"):
// coming in person first.
var (
	proxyTiers  = []string{"text_power_of_attorney", "text_proxy", "text_in_person"}
	absentTiers = []string{"text_in_person", "text_power_of_attorney", "text_proxy"}
)

// proxyLine returns the unit of c's document in the first section of
// tiers that holds one, among several the one that holds the most of the
// question's words, the first of those.
func (a *Assistant) proxyLine(c candidate, q question, tiers []string) (quote, bool) {
	info := c.info
	if info == nil {
		info = a.info(c.doc)
	}
	best, bestScore := quote{}, 0
	for si, units := range info.units {
		for ui, un := range units {
			if un.noise || un.meta || runeLen(un.text) > maxProxyRunes {
				continue
			}
			tier := 0
			for i, sec := range tiers {
				if a.lex.match(sec, un.words) {
					tier = len(tiers) - i
					break
				}
			}
			if tier == 0 {
				continue
			}
			score := tier * (len(q.terms.content) + 1)
			for _, st := range q.terms.content {
				if q.terms.hitIn(un.set, st) {
					score++
				}
			}
			if score > bestScore {
				text := un.text
				if ui > 0 && dependsOnPrevious(text) {
					text = units[ui-1].text + " " + text
				}
				s := c.doc.Sections[si]
				best, bestScore = quote{label: label(s.Heading), facet: s.Facet, text: text}, score
			}
		}
	}
	return best, bestScore > 0
}

// sectionStates reports whether section s of c's document states a value
// of the kind facet f needs; true for a facet without one.
func (a *Assistant) sectionStates(c candidate, s knowledge.Section, f knowledge.Facet) bool {
	need := facetValues(f)
	if need == 0 {
		return true
	}
	info := c.info
	if info == nil {
		info = a.info(c.doc)
	}
	for si, sec := range c.doc.Sections {
		if sec.Heading != s.Heading || sec.Text != s.Text {
			continue
		}
		for _, un := range info.units[si] {
			if un.vals&need != 0 {
				return true
			}
		}
	}
	return false
}

// uncovered returns q with only those of its content words that none of
// the quotes qs holds but the document does, its names aside.
func (a *Assistant) uncovered(c candidate, q question, qs []quote) question {
	info := c.info
	if info == nil {
		info = a.info(c.doc)
	}
	inQuotes := quotedIn(info, q.terms, qs)
	asked := askedChoices(info.choices, q.terms)
	rest := q
	rest.terms.content = nil
	rest.events, rest.codes = nil, nil
	for _, s := range q.terms.content {
		if info.nameTok[s] && !asked[s] || inQuotes(s) || !c.hit(q.terms, s) {
			continue
		}
		rest.terms.content = append(rest.terms.content, s)
	}
	// A life event's own document ("Verwertungsnachweis" when the car
	// goes to the scrapyard) is what the asker needs beyond the usual.
	for _, s := range q.events {
		if len(s) >= minDistinctLen && !info.nameTok[s] && !slices.Contains(rest.terms.content, s) && !inQuotes(s) && info.has(s) {
			rest.terms.content = append(rest.terms.content, s)
		}
	}
	return rest
}

// quotedIn returns whether a stem of the question hits the quotes qs of a
// document with derived data info: it hits them together when it hits one
// of them.
func quotedIn(info *docInfo, terms queryTerms, qs []quote) func(string) bool {
	quoted := make([]stemSet, len(qs))
	for i, x := range qs {
		quoted[i] = info.quoteStems(x.text)
	}
	return func(s string) bool {
		return slices.ContainsFunc(quoted, func(ts stemSet) bool { return terms.hitIn(ts, s) })
	}
}

// clean turns source text into what an answer may quote: plain text
// without Markdown markers, header lines (unless keepOffice, for a question
// where to go), table rules, empty tables, a form's blanks to fill in, runs
// of blank lines and template tags. The result is
// memoised (cleanMemo).
func (a *Assistant) clean(text string, keepOffice bool) string {
	k := cleanKey{text, keepOffice}
	if s, ok := a.cleaned.get(k); ok {
		return s
	}
	s := a.cleanText(text, keepOffice)
	a.cleaned.put(k, s)
	return s
}

// cleanText is clean without the memo.
func (a *Assistant) cleanText(text string, keepOffice bool) string {
	// Each expression runs only when the text holds what it needs.
	if strings.Contains(text, "![") {
		text = imageRE.ReplaceAllString(text, "")
	}
	if strings.Contains(text, "](") {
		text = relLinkRE.ReplaceAllString(text, "$1")
	}
	text = plainText(strings.TrimSpace(text))
	if strings.IndexByte(text, '*') >= 0 {
		text = starRE.ReplaceAllString(text, "$1$2")
	}
	if !keepOffice {
		text = dropMeta(a.lex, text)
	}
	lines := strings.Split(text, "\n")
	out := lines[:0:0]
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "{%") || strings.Contains(t, "-") && tableRuleRE.MatchString(t) {
			continue
		}
		if strings.Count(t, "|") >= 2 && !tableHasRows(lines, i) || fillIn(t) {
			continue
		}
		if t == "" && (len(out) == 0 || strings.TrimSpace(out[len(out)-1]) == "") {
			continue // one blank line between paragraphs is enough
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

var (
	imageRE   = regexp.MustCompile(`!\[[^\]\n]*\]\([^)\n]*\)`)
	relLinkRE = regexp.MustCompile(`\[([^\[\]\n]+)\]\((?:[^):\s]+|#[^)\s]*)\)`)
	starRE    = regexp.MustCompile(`(^|[\s(])\*([^*\n]+)\*`)
	// linkOnlyRE matches a list item that is nothing but a link to another
	// page: navigation ("Related Posts"), not an answer.
	linkOnlyRE = regexp.MustCompile(`^\s*(?:[-*•]\s+)?[^()\n]{1,120}\((?:https?://|/)[^)\s]+\)\s*$`)
)

// tableHasRows reports whether the table line at i belongs to a table with
// at least one data row: a row after the header rule.
func tableHasRows(lines []string, i int) bool {
	start := i
	for start > 0 && strings.Contains(lines[start-1], "|") {
		start--
	}
	rows := 0
	for j := start; j < len(lines) && strings.Contains(lines[j], "|"); j++ {
		t := strings.TrimSpace(lines[j])
		if tableRuleRE.MatchString(t) {
			continue
		}
		rows++
	}
	return rows >= 2
}

// bestSections returns those of secs whose best unit scores highest for
// q and f (unitScore), in their order; all of them when none scores.
// ageSections returns the sections of d whose heading speaks of an age
// ("§ 10 – Mindestalter", "Altersgrenze").
func (a *Assistant) ageSections(d knowledge.Document) []knowledge.Section {
	var out []knowledge.Section
	for _, s := range d.Sections {
		if a.lex.match("text_age", words(label(s.Heading))) {
			out = append(out, s)
		}
	}
	return out
}

// audienceSections returns the sections of d headed as whom the
// service is for ("Wer braucht es?", "Für wen?").
func (a *Assistant) audienceSections(d knowledge.Document) []knowledge.Section {
	var out []knowledge.Section
	for _, s := range d.Sections {
		if strings.TrimSpace(s.Text) != "" && a.lex.match("audience_heading", words(label(s.Heading))) {
			out = append(out, s)
		}
	}
	return out
}

// topicSections returns the sections of c's statute whose title holds a
// word the question asks beyond the statute's own names (the topic: "§ 6
// Rücktritt" for "stornieren") and that speak of facet f with the value
// it needs; none when no title names the topic.
func (a *Assistant) topicSections(c candidate, q question, f knowledge.Facet) []knowledge.Section {
	info := c.info
	if info == nil {
		info = a.info(c.doc)
	}
	if len(info.headings) != len(c.doc.Sections) {
		return nil
	}
	need := facetValues(f)
	titles := make([]stemSet, len(c.doc.Sections))
	for i, sec := range c.doc.Sections {
		titles[i] = newStemSet(stemsOfLabel(sec.Heading))
	}
	// A topic is a word the question asks that is not the statute's
	// subject: not one of its names, nor another word for one, and in
	// the titles of at most two §§.
	var topics []string
	for _, s := range q.terms.content {
		if len(s) < 4 || info.nameTok[s] || a.speaksOfWords([]string{s}, f) || slices.ContainsFunc(q.terms.alts[s], func(o string) bool { return info.nameTok[o] }) {
			continue
		}
		n := 0
		for _, t := range titles {
			if titleHolds(t, q.terms, s) {
				n++
			}
		}
		if n > 0 && n <= maxTopicTitles {
			topics = append(topics, s)
		}
	}
	if len(topics) == 0 {
		return nil
	}
	var out []knowledge.Section
	for i, sec := range c.doc.Sections {
		if sec.Facet == f {
			continue // the facet's own sections are chosen as ever
		}
		if !slices.ContainsFunc(topics, func(s string) bool { return titleHolds(titles[i], q.terms, s) }) {
			continue
		}
		for _, un := range info.units[i] {
			if !un.noise && a.speaksOfWords(un.words, f) && (need == 0 || un.vals&need != 0 || a.lex.match("text_"+string(f), un.words)) {
				out = append(out, sec)
				break
			}
		}
	}
	return out
}

// titleHolds reports whether a paragraph's title holds the question's
// word s, as hitIn, but not only inside a verb an inseparable prefix
// makes another one: "§ 16 – … Verarbeitung von Personalausweisdaten" is
// not about "nach der Arbeit".
func titleHolds(title stemSet, terms queryTerms, s string) bool {
	if !terms.hitIn(title, s) {
		return false
	}
	prefixed := false
	for _, t := range title.list {
		if t == s {
			return true
		}
		if p, _, ok := strings.Cut(t, s); ok {
			if !inseparablePrefix[p] {
				return true
			}
			prefixed = true
		}
	}
	return !prefixed
}

// inseparablePrefix are the prefixes that make a German verb another verb
// ("ver-", "be-", "ent-", "zer-", "er-", "miss-": "verarbeiten" is no
// "arbeiten").
var inseparablePrefix = map[string]bool{"ver": true, "be": true, "ent": true, "zer": true, "er": true, "miss": true}

// maxTopicTitles is how many §§ of a statute may have a word in their
// titles for it to name one topic.
const maxTopicTitles = 2

// stemsOfLabel returns the stems of the words of a heading's last part.
func stemsOfLabel(heading string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words(label(heading)) {
		out[stem(w)] = true
	}
	return out
}

func (a *Assistant) bestSections(secs []knowledge.Section, q question, f knowledge.Facet) []knowledge.Section {
	score := make([]float64, len(secs))
	top := 0.0
	for i, s := range secs {
		for _, u := range splitUnits(a.clean(s.Text, false)) {
			score[i] = max(score[i], a.unitScore(u, q, f))
		}
		top = max(top, score[i])
	}
	if top <= 0 {
		return secs
	}
	var out []knowledge.Section
	for i, s := range secs {
		if score[i] == top {
			out = append(out, s)
		}
	}
	return out
}

// focusSection quotes section s for facet f: whole when it is short,
// otherwise its units that best answer q, in reading order. Header lines
// (file numbers, form numbers, responsible unit) are never quoted except
// where the question asks where to go.
func (a *Assistant) focusSection(s knowledge.Section, q question, f knowledge.Facet) quote {
	text := a.clean(s.Text, f == knowledge.FacetZustaendigkeit)
	x := quote{label: label(s.Heading), facet: s.Facet, text: text}
	if runeLen(text) <= maxBlockRunes {
		return x
	}
	us := splitUnits(text)
	type scored struct {
		i int
		v float64
	}
	var ss []scored
	for i, u := range us {
		ss = append(ss, scored{i, a.unitScore(u, q, f)})
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].v > ss[j].v })
	keep := map[int]bool{}
	n := 0
	for _, s := range ss {
		l := runeLen(us[s.i])
		if n+l > maxBlockRunes && len(keep) > 0 {
			continue
		}
		if s.v <= 0 && len(keep) > 0 {
			break
		}
		keep[s.i] = true
		n += l
	}
	for i := range us {
		if keep[i] && i+1 < len(us) && !keep[i+1] && qualifiesPrevious(us[i+1]) && n+runeLen(us[i+1]) <= maxBlockRunes {
			// The exception comes with the rule it qualifies.
			keep[i+1] = true
			n += runeLen(us[i+1])
		}
	}
	for i := range us {
		if !keep[i] || !enumItemRE.MatchString(us[i]) {
			continue
		}
		// "3. um 15 Euro, wenn …" says nothing without the sentence that
		// opens its list ("(4) Die Gebühr nach Absatz 1 ist anzuheben"):
		// the opening comes along, or the item stays out.
		j := i - 1
		for j >= 0 && enumItemRE.MatchString(us[j]) {
			j--
		}
		if j < 0 || keep[j] || endsSentence(us[j]) {
			continue
		}
		if n+runeLen(us[j]) <= maxBlockRunes {
			keep[j] = true
			n += runeLen(us[j])
		} else {
			keep[i] = false
			n -= runeLen(us[i])
		}
	}
	var out []string
	for i, u := range us {
		if keep[i] {
			out = append(out, u)
		}
	}
	x.text = cutUnits(strings.Join(out, "\n"), maxBlockRunes)
	return x
}

// bestUnits finds the sentences or list items of c's document that answer
// q when no section is named after what it asks: units that use the cue
// words of facet f ("Die Gebühr beträgt …" inside "Weitere Details", a
// statute's "(1) Der Pass ist … gültig") or the question's own words, with
// a bonus for the passages retrieval found. With f = FacetNone only the
// question's words and the retrieved passages count. It quotes the best
// unit with up to two more of the same section, in reading order.
func (a *Assistant) bestUnits(c candidate, q question, f knowledge.Facet) []quote {
	return a.bestUnitsBeyond(c, q, f, "")
}

// bestUnitsBeyond is bestUnits that passes over the section headed
// quoted, and over units that hold none of the question's words beyond
// those of that section.
func (a *Assistant) bestUnitsBeyond(c candidate, q question, f knowledge.Facet, quoted string) []quote {
	d := c.doc
	type unitAt struct {
		sec  int
		text string
		v    float64
	}
	var all []unitAt
	var answering []bool // parallel to all: the unit answers f with a value
	// speaking[i] is the score of unit i as one that speaks of f without
	// stating its value ("Die Kosten variieren je nach …"), 0 for others.
	var speaking []float64
	best := -1
	info := c.info
	if info == nil {
		info = a.info(d)
	}
	// A question word that few units hold points to the answer better
	// than one every step repeats ("Architekten" among the exceptions,
	// "selbstständig" everywhere).
	sitWords := q.sit.words()
	// The kinds of value asked for, as far as they answer f: in "was
	// kostet es und wie lange dauert es" the time span answers the
	// duration, not the cost.
	want := q.want
	if fv := facetValues(f); fv != 0 {
		want &= fv
	}
	rare := map[string]float64{}
	// The document's names say nothing about which of its units answers
	// when many units use them ("Führungszeugnis" on the page about it);
	// a page titled with the question itself ("… still asks for
	// password") uses them in the one unit that answers.
	skip := map[string]bool{}
	for st := range q.located {
		skip[st] = true
	}
	// A title of a few words names the topic ("Thunderbird"), one of
	// many words asks or says something of its own.
	topicTitle := len(strings.Fields(d.Title)) <= maxTopicTitleWords
	title := a.titleStems(d)
	total := 0
	for _, units := range info.units {
		total += len(units)
	}
	// hits[si][ui] lists the question's content words (by index) that unit
	// ui of section si holds; looked up once, used for the counts and the
	// scores.
	content := q.terms.content
	hits := make([][][]int, len(info.units))
	df := make([]int, len(content))
	for si, units := range info.units {
		hits[si] = make([][]int, len(units))
	}
	if ix := info.unitIndex(); ix != nil {
		// Many units: the units each word hits are found from the
		// document's distinct stems (the same hits, in the same order).
		for k, st := range content {
			bits := ix.hitIn(q.terms, st)
			for si, units := range info.units {
				for ui := range units {
					if n := ix.off[si] + ui; bits[n/64]&(1<<(n%64)) != 0 {
						hits[si][ui] = append(hits[si][ui], k)
						df[k]++
					}
				}
			}
		}
	} else {
		for si, units := range info.units {
			for ui, un := range units {
				for k, st := range content {
					if q.terms.hitIn(un.set, st) {
						hits[si][ui] = append(hits[si][ui], k)
						df[k]++
					}
				}
			}
		}
	}
	// A statute's enumeration item is part of the sentence around it:
	// "(1) Wer Elternzeit beanspruchen will, muss sie / 1. … spätestens
	// sieben Wochen und / 2. … / vor Beginn … vom Arbeitgeber verlangen."
	// The words of its opening and of the sentence's end count for it,
	// half as much as its own.
	var around [][][]int
	if d.Kind == knowledge.KindLaw {
		around = make([][][]int, len(info.units))
		items := info.enumItems()
		for si, units := range info.units {
			around[si] = make([][]int, len(units))
			for ui := range units {
				it := items[si][ui]
				if !it.item {
					continue
				}
				for _, j := range []int{it.open, it.end} {
					if j < 0 {
						continue
					}
					for _, k := range hits[si][j] {
						if !slices.Contains(hits[si][ui], k) && !slices.Contains(around[si][ui], k) {
							around[si][ui] = append(around[si][ui], k)
						}
					}
				}
			}
		}
	}
	asked := askedChoices(info.choices, q.terms)
	for k, st := range content {
		n := df[k]
		if info.nameTok[st] && !asked[st] && (topicTitle && slices.Contains(title, st) || n > max(2, total/4)) {
			skip[st] = true
			continue
		}
		rare[st] = 1 / (1 + math.Log1p(float64(max(0, n-1))))
	}
	// The question's words the section quoted already holds: a unit
	// beyond it answers only with a word of its own.
	said := map[int]bool{}
	for si, units := range info.units {
		if quoted != "" && d.Sections[si].Heading == quoted {
			for ui := range units {
				for _, k := range hits[si][ui] {
					said[k] = true
				}
			}
		}
	}
	incomeRows := map[int]string{} // per section, the row of an income table that holds the asker's income
	for si, s := range d.Sections {
		for ui, un := range info.units[si] {
			if un.noise || (un.meta && f != knowledge.FacetZustaendigkeit) || d.Kind == knowledge.KindLaw && len(un.words) < 4 && !strings.ContainsAny(un.text, "0123456789") {
				// A statute's table cell ("Kopfbedeckung") or a stray heading
				// without a value says nothing on its own.
				continue
			}
			u := un.text
			if quoted != "" && (s.Heading == quoted || !slices.ContainsFunc(hits[si][ui], func(k int) bool { return !said[k] })) {
				continue
			}
			cue := f != knowledge.FacetNone && a.speaksOfWords(un.words, f)
			if cue && f == knowledge.FacetFristen && q.validity && !a.lex.match("validity", un.words) {
				// "innerhalb von 1 Woche per Post" is a deadline, no
				// answer to "wie lange gilt der".
				cue = false
			}
			words, named := stemHits(hits[si][ui], un.stems, u, q, skip, rare)
			if around != nil {
				w, n := stemHits(around[si][ui], nil, "", question{terms: q.terms}, skip, rare)
				words += w / 2
				named += n / 2
			}
			if info.headings != nil && named >= 1 {
				// A paragraph's title says what its sentences are about:
				// "Geldstrafe von nicht mehr als neunzig Tagessätzen"
				// under "§ 32 – Inhalt des Führungszeugnisses" speaks of
				// the Führungszeugnis.
				words += headingHits(info.headings[si], hits[si][ui], content, skip)
			}
			for _, st := range sitWords {
				// The asker's situation in the unit's words: "Für
				// Minderjährige, die noch nicht 16 Jahre alt sind" for
				// "meine Tochter ist 9".
				if un.set.match(st) {
					words++
					named++
					break
				}
			}
			v := words
			if q.platform != "" {
				// "vom MacBook aus": the section for macOS answers, the
				// one for Ubuntu does not.
				switch hp := platformOf(headingWords(s.Heading)); {
				case hp == q.platform:
					v += 2
					named++
				case hp != "":
					continue
				}
			}
			// A unit that speaks of a facet answered by a value without
			// stating one ("Gültiger Lichtbildausweis" for "wie lange
			// gültig") does not answer it.
			// A bracket of an income table fits only in its table:
			// "bis 62.500 Euro" holds 48.000 only when no row before it
			// ends above it. The row of the asker's own income states
			// what they pay, more surely than any sentence that shares
			// their words.
			bracket := q.sit.income > 0 && bracketRE.MatchString(strings.TrimSpace(u))
			incomeRow := false
			if bracket {
				if _, ok := incomeRows[si]; !ok {
					incomeRows[si] = incomeLine(a.clean(s.Text, false), q.sit.income)
				}
				incomeRow = strings.TrimSpace(strings.Trim(strings.TrimSpace(u), "|")) == incomeRows[si]
			}
			vals := un.vals
			if f == knowledge.FacetFristen && q.validity {
				vals = validityValues(vals)
			}
			spoke := cue || incomeRow && vals&facetValues(f) != 0
			cue = answers(f, spoke, vals)
			if incomeRow {
				v += incomeRowBonus
			}
			if cue {
				v += 1.5
			}
			speaks := 0.0
			if spoke && !cue && f != knowledge.FacetFristen {
				// (Not for a deadline or validity: "gültiger Reisepass"
				// speaks of no period.)
				speaks = words + 1.5
			}
			if want&vals != 0 && (cue || named >= 1) {
				// The value the question words ask for ("ab wann" →
				// "sobald sie 16 Jahre alt sind").
				v += 1
			}
			if q.answeredBy(a.lex, un.words) {
				// "Wer den Beitrag nicht zahlt, handelt
				// ordnungswidrig" for "was passiert, wenn man nicht
				// zahlt".
				v += cueBonus
				named++
			}
			if q.trouble && named >= 1 && a.lex.match("text_trouble", un.words) {
				// "Das Adressbuch funktioniert nur, wenn du im WLAN oder
				// via VPN verbunden bist" for "findet niemanden, woran
				// liegt das?"
				v += 1
			}
			sit := q.sit.any() && info.situationLine(u, q.sit) != ""
			if bracket {
				sit = incomeRow // a row of an income table fits only for its own bracket
			}
			if !sit && q.sit.size != "" {
				// "wir wohnen 1,8 km von der Schule weg": the rule with
				// a limit in that unit ("länger als 2 Kilometer") says
				// whether the asker's case is in or out, whatever the
				// facet asked.
				if _, specific := sizeFits(u, q.sit.size); specific {
					sit, cue = true, true
				}
			}
			if sit {
				v += 2
			} else if f == knowledge.FacetNone && q.sit.age > 0 {
				// An age rule in prose answers "mein Sohn ist 10, geht
				// das": "Kinder unter 14 Jahren können …" fits him,
				// "ab 14 Jahren möglich" tells him when.
				if fits, specific := info.unitAges()[si][ui].fits(q.sit); specific {
					v++
					if fits {
						v++
					}
				}
			}
			for i, p := range c.passages {
				if i < 3 && p.Section == s.Heading && strings.Contains(p.Text, firstWords(u, 6)) {
					v += 1 / float64(1+i)
					break
				}
			}
			if !cue && (named < 1 || f == knowledge.FacetZustaendigkeit) && (f != knowledge.FacetNone || !sit) {
				// A unit answers when it speaks of the facet asked, of
				// what the question names beyond the document's title,
				// or of the asker's situation. Where to go is answered
				// only by a sentence about an office or a place, not by
				// one that shares the question's words ("Ihr Arbeitgeber
				// darf Sie nicht diskriminieren" for "wo krieg ich die
				// her").
				v = 0
			}
			all = append(all, unitAt{si, u, v})
			answering = append(answering, cue)
			speaking = append(speaking, speaks)
			if v > 0 && (best < 0 || v > all[best].v) {
				best = len(all) - 1
			}
		}
	}
	if facetValues(f) != 0 && best >= 0 && !answering[best] && slices.Contains(answering, true) {
		// For a facet answered by a value, a unit that states one beats
		// units that only share the question's words ("ist kostenlos"
		// for "kostet die Gewerbeabmeldung was", not the step that names
		// the form).
		best = -1
		for i := range all {
			if !answering[i] {
				all[i].v = 0
			} else if all[i].v > 0 && (best < 0 || all[i].v > all[best].v) {
				best = i
			}
		}
	}
	if facetValues(f) != 0 && !slices.Contains(answering, true) && (best < 0 || !answering[best] && speaking[best] == 0) {
		// No unit states the value asked for: one that speaks of it
		// says what the document can ("Die Kosten variieren je nach
		// Größe des Projekts"), rather than one that only shares the
		// question's words.
		if i := bestOf(speaking); i >= 0 {
			for j := range all {
				all[j].v = speaking[j]
			}
			best = i
		} else {
			// Nothing states or speaks of it: the document does not
			// answer f, whatever words a unit shares.
			best = -1
		}
	}
	if best < 0 {
		return nil
	}
	// The section of the best unit, and a second section whose best unit
	// comes close: a how-to often says the thing in its steps and its
	// settings table.
	block := func(best int) quote {
		sec := all[best].sec
		s := d.Sections[sec]
		text := a.clean(s.Text, f == knowledge.FacetZustaendigkeit)
		if runeLen(text) <= maxBlockRunes && !navigation(s.Text) && d.Kind != knowledge.KindLaw {
			// A short section is quoted whole; a statute's section may
			// hold many paragraphs, of which one answers.
			return quote{label: label(s.Heading), facet: f, text: text}
		}
		// The best unit, the next best of its section, and a short unit's
		// neighbour (a list item without its lead-in says little).
		keep := map[int]bool{best: true}
		n := runeLen(all[best].text)
		if best+1 < len(all) && all[best+1].sec == sec && !paragraphStart(all[best+1].text) && !listItemRE.MatchString(all[best+1].text) && takesUpSubject(all[best].text, all[best+1].text, func(st string) bool {
			n := 0
			for _, units := range info.units {
				for _, un := range units {
					if un.stems[st] {
						n++
					}
				}
			}
			return n <= maxSubjectUnits
		}) && n+runeLen(all[best+1].text) <= maxBlockRunes {
			// "Neu ist ein Pendelbus: … vom Bahnhof …" goes on in "Die
			// Fahrt mit dem Pendelbus ist kostenlos": the sentence that
			// takes up the best one's subject belongs to it.
			keep[best+1] = true
			n += runeLen(all[best+1].text)
		}
		second := -1
		for i, u := range all {
			if i != best && u.sec == sec && u.v > 0 && (second < 0 || u.v > all[second].v) {
				second = i
			}
		}
		if second >= 0 && n+runeLen(all[second].text) <= maxBlockRunes {
			keep[second] = true
			n += runeLen(all[second].text)
		}
		if n < 160 && best+1 < len(all) && all[best+1].sec == sec && n+runeLen(all[best+1].text) <= maxBlockRunes && !paragraphStart(all[best+1].text) {
			keep[best+1] = true
		}
		if best > 0 && all[best-1].sec == sec && !keep[best-1] && dependsOnPrevious(all[best].text) && n+runeLen(all[best-1].text) <= maxBlockRunes {
			// "Wenn du also nicht im WLAN bist, …" goes on from the
			// sentence before it, which comes along.
			keep[best-1] = true
			n += runeLen(all[best-1].text)
		}
		for _, i := range []int{best, second} {
			if i >= 0 && i+1 < len(all) && all[i+1].sec == sec && !keep[i+1] && qualifiesPrevious(all[i+1].text) && n+runeLen(all[i+1].text) <= maxBlockRunes {
				// "Eine Bedürftigkeit im Sinne von Satz 1 liegt nicht
				// schon dann vor, wenn …": the exception comes with the
				// rule it qualifies.
				keep[i+1] = true
				n += runeLen(all[i+1].text)
			}
		}
		if best > 0 && all[best-1].sec == sec && paragraphStart(all[best-1].text) && !keep[best-1] {
			// The paragraph's number and title ("§ 2 Steuersatz") head
			// the sentence quoted from it.
			keep[best-1] = true
		}
		if d.Kind == knowledge.KindLaw && enumItemRE.MatchString(all[best].text) {
			// An item of a statute's enumeration ("a) Geldstrafe von
			// nicht mehr als neunzig Tagessätzen,") says nothing
			// without the sentence that opens the list ("(2) Nicht
			// aufgenommen werden"): the nearest opening before it comes
			// along, and so does the item it belongs to.
			level := enumLevel(all[best].text)
			for j := best - 1; j >= 0 && all[j].sec == sec && n < maxBlockRunes; j-- {
				t := all[j].text
				if enumItemRE.MatchString(t) {
					if l := enumLevel(t); l < level {
						keep[j] = true
						n += runeLen(t)
						level = l
					}
					continue
				}
				// The first unit before the items that is none opens
				// the list, with or without a colon ("Die
				// Tilgungsfrist beträgt").
				keep[j] = true
				n += runeLen(t)
				break
			}
			// The sentence's end after the items ("vor Beginn der
			// Elternzeit … verlangen.") comes along too.
			for j := best + 1; j < len(all) && all[j].sec == sec; j++ {
				t := all[j].text
				if enumItemRE.MatchString(t) {
					continue
				}
				if continuesSentence(t) && n+runeLen(t) <= maxBlockRunes {
					keep[j] = true
					n += runeLen(t)
				}
				break
			}
		}
		if d.Kind != knowledge.KindLaw && (f == knowledge.FacetAblauf || f == knowledge.FacetNone && q.want == 0) {
			// Numbered steps belong together: one step of a procedure is
			// no answer to how it is done.
			for i := range keep {
				if !stepRE.MatchString(all[i].text) {
					continue
				}
				for j := i - 1; j >= 0 && all[j].sec == sec && stepRE.MatchString(all[j].text); j-- {
					keep[j] = true
				}
				for j := i + 1; j < len(all) && all[j].sec == sec && stepRE.MatchString(all[j].text); j++ {
					keep[j] = true
				}
			}
		}
		for i := range keep {
			// A lead-in is quoted with what it announces, a sentence
			// that a list ends with the list (unless its items were
			// chosen: it keeps to them).
			if !leadsIn(all[i].text) && !(i+1 < len(all) && all[i+1].sec == sec && opensList([]string{all[i].text, all[i+1].text}, 0) && !keep[i+1]) {
				continue
			}
			var us []string
			for j := i; j < len(all) && all[j].sec == sec; j++ {
				us = append(us, all[j].text)
			}
			if !leadsIn(all[i].text) && itemKept(keep, i, len(us)) {
				continue
			}
			for j := 1; j <= leadInEnd(us, 0, maxBlockRunes-n); j++ {
				keep[i+j] = true
			}
		}
		dropWeakest(keep, best, func(i int) (int, float64) { return runeLen(all[i].text), all[i].v })
		var out []string
		for i, u := range all {
			if keep[i] {
				out = append(out, u.text)
			}
		}
		return quote{label: label(s.Heading), facet: f, text: cutFor(strings.Join(out, "\n"), maxBlockRunes, q)}
	}
	qs := []quote{block(best)}
	next := -1
	for i, u := range all {
		if u.sec != all[best].sec && u.v >= max(1, 0.6*all[best].v) && (next < 0 || u.v > all[next].v) {
			next = i
		}
	}
	if next >= 0 {
		qs = append(qs, block(next))
	}
	return qs
}

// bestOf returns the index of the largest positive value of vs, -1 when
// none is positive.
func bestOf(vs []float64) int {
	best := -1
	for i, v := range vs {
		if v > 0 && (best < 0 || v > vs[best]) {
			best = i
		}
	}
	return best
}

// continuesWords are the words by which a sentence goes on from the one
// before it: "also", "daher", "dies".
var continuesWords = map[string]bool{"also": true, "daher": true, "deshalb": true, "deswegen": true, "dafuer": true, "dazu": true, "trotzdem": true, "dies": true, "dabei": true, "therefore": true, "this": true}

// qualifiesRE finds a sentence that qualifies the one before it: an
// exception or a definition that refers to it ("Dies gilt nicht, wenn …",
// "im Sinne von Satz 1", "abweichend von Satz 1").
var qualifiesRE = regexp.MustCompile(`^(Dies|Das) gilt (nicht|auch|entsprechend)\b|\b(im Sinne (von|des) Satz(es)? \d|[Aa]bweichend von Satz \d|Satz \d+ gilt (nicht|auch|entsprechend))`)

// qualifiesPrevious reports whether unit u is an exception to or a
// definition for the sentence before it.
func qualifiesPrevious(u string) bool { return qualifiesRE.MatchString(u) }

// dependsOnPrevious reports whether unit u goes on from the unit before
// it: one of its first three words is a connective or a pronoun for what
// was said ("Wenn du also …", "Dies gilt nicht …").
func dependsOnPrevious(u string) bool {
	ws := words(u)
	for _, w := range ws[:min(3, len(ws))] {
		if continuesWords[w] {
			return true
		}
	}
	return false
}

// headingHits scores the question's content words a section's heading
// holds (head) that the unit itself does not (hit), names aside: half a
// word each.
func headingHits(head map[string]bool, hit []int, content []string, names map[string]bool) float64 {
	v := 0.0
	for k, s := range content {
		if names[s] || slices.Contains(hit, k) {
			continue
		}
		if tokenMatch(head, s) {
			v += 0.5
		}
	}
	return v
}

// stemHits scores unit u: the question's content words it holds (hit,
// indexes into q.terms.content) except the document's own names (every
// unit of a page about the Führungszeugnis says "Führungszeugnis"), the
// life-event words among its stems (tokens), and the identifiers the
// question quotes.
func stemHits(hit []int, tokens map[string]bool, u string, q question, names map[string]bool, rare map[string]float64) (v, n float64) {
	for _, k := range hit {
		if s := q.terms.content[k]; !names[s] {
			v += 1 + 0.5*rare[s]
			n++
		}
	}
	for _, s := range q.events {
		if tokenMatch(tokens, s) {
			v += 0.5
			n += 0.5
		}
	}
	if len(q.codes) > 0 {
		low := strings.ToLower(u)
		for _, c := range q.codes {
			if strings.Contains(low, c) {
				v += 2
				n += 2
			}
		}
	}
	return v, n
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// tableRuleRE matches the rule under a Markdown table header.
var tableRuleRE = regexp.MustCompile(`^[|:\-\s]+$`)

// noiseUnit reports whether u carries no statement: a table rule, a table
// header without rows, template markup.
// pageControls are the words of a web page's own controls that land in
// its text ("Seite drucken", "nach oben", "Share").
var pageControls = map[string]bool{
	"seite": true, "drucken": true, "teilen": true, "merken": true, "vorlesen": true, "nach": true, "oben": true,
	"zurueck": true, "herunterladen": true, "speichern": true, "link": true, "kopieren": true, "schliessen": true,
	"print": true, "share": true, "page": true, "back": true, "to": true, "top": true, "download": true, "this": true,
}

func noiseUnit(u string) bool {
	t := strings.TrimSpace(u)
	if t == "" || tableRuleRE.MatchString(t) || strings.HasPrefix(t, "{%") || linkOnlyRE.MatchString(t) {
		return true
	}
	if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		// A rule of "=====" under a plain-text title, a row of stars.
		return true
	}
	if ws := words(t); len(ws) > 0 && len(ws) <= 8 && !slices.ContainsFunc(ws, func(w string) bool { return !pageControls[w] }) {
		// "Seite drucken · Seite teilen": the page's own controls.
		return true
	}
	if fillIn(t) {
		// "Anschrift ....................": a blank of a form to fill in.
		return true
	}
	if strings.Count(t, "|") >= 2 {
		cells := 0
		for _, c := range strings.Split(strings.Trim(t, "|"), "|") {
			if strings.Trim(c, " -:") != "" {
				cells++
			}
		}
		return cells == 0 || strings.Contains(t, "---")
	}
	return false
}

// fillIn reports whether t is mostly the blanks of a form: runs of dots,
// underscores (Markdown-escaped or not) or ellipses to write into, with
// fewer letters than blanks.
func fillIn(t string) bool {
	if !strings.Contains(t, "....") && !strings.Contains(t, "____") && !strings.Contains(t, "……") && !strings.Contains(t, `\_\_\_`) {
		return false
	}
	letters, blanks := 0, 0
	for _, r := range t {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			letters++
		case r == '.' || r == '_' || r == '…' || r == '\\':
			blanks++
		}
	}
	return letters < blanks
}

// speaksOf reports whether unit u uses the cue words of facet f; for
// where to go, a German office noun ("Wohngeldstelle", "Jugendamt") is
// one.
func (a *Assistant) speaksOf(u string, f knowledge.Facet) bool {
	return a.speaksOfWords(words(u), f)
}

// speaksOfWords is speaksOf for the folded words of a unit.
func (a *Assistant) speaksOfWords(ws []string, f knowledge.Facet) bool {
	if a.lex.match("facet_"+string(f), ws) || a.lex.match("text_"+string(f), ws) {
		return true
	}
	if f == knowledge.FacetZustaendigkeit {
		for _, w := range ws {
			if officeNoun(w) {
				return true
			}
		}
	}
	return false
}

// officeSuffixes end the German nouns of offices and authorities.
var officeSuffixes = []string{"amt", "aemter", "stelle", "behoerde", "buero", "rathaus", "verwaltung", "gericht", "kasse", "kammer", "zentrum"}

// officeNoun reports whether the folded word w names an office.
func officeNoun(w string) bool {
	for _, s := range officeSuffixes {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// unitScore rates how well one sentence or list item answers q for facet f:
// the question's content and life-event words in it, the facet's cue
// words, and the asker's situation.
func (a *Assistant) unitScore(u string, q question, f knowledge.Facet) float64 {
	ws := words(u)
	tokens := map[string]bool{}
	for _, w := range ws {
		tokens[stem(w)] = true
	}
	v := 0.0
	for _, s := range q.terms.content {
		if q.terms.hit(tokens, s) || shortHead(tokens, s) { // the word or one of its alternatives
			v += 1
		}
	}
	for _, s := range q.events {
		if tokenMatch(tokens, s) {
			v += 0.5
		}
	}
	if f != knowledge.FacetNone && a.speaksOf(u, f) {
		v += 1.5
	}
	if situationLine(u, q.sit) != "" {
		v += 2
	}
	if q.answeredBy(a.lex, ws) {
		v += cueBonus // a sanction, for "was passiert, wenn …"
	}
	return v
}

// answerCue pairs the lexicon section of a question's words with the
// section of the words of a sentence that answers it.
type answerCue struct{ ask, text string }

// answerCues are the kinds of question a sentence answers by what it
// says rather than by the question's own words: what happens if one does
// not ("handelt ordnungswidrig"), whom else to tell ("… zu informieren"),
// whether one thing alone will do ("gilt nur zusammen mit …"), whether
// something is required at all ("sind freiwillig"), whether it is allowed
// ("Es ist verboten, Tauben … zu füttern").
var answerCues = []answerCue{
	{"ask_consequence", "text_consequence"},
	{"ask_notify", "text_notify"},
	{"ask_enough", "text_enough"},
	{"ask_duty", "text_duty"},
	{"ask_allowed", "text_allowed"},
	{"ask_informed", "text_informed"},
	{"ask_office", "text_office"},
	{"ask_several", "text_several"},
	{"ask_exception", "text_exception"},
	{"ask_form", "text_form"},
}

// lawOnlyCues are the answer cues that only a statute answers: the form
// of filing is its rule ("Elterngeld ist schriftlich zu beantragen"); a
// service page says which ways it offers where its sections for them are.
var lawOnlyCues = map[string]bool{"text_form": true}

// answeredBy reports whether the words ws say what one of q's cues asks.
func (q question) answeredBy(lx *lexicon, ws []string) bool {
	for _, c := range q.cues {
		if lx.match(c, ws) {
			return true
		}
	}
	return false
}

// cueBonus is what saying what a cue asks adds to a sentence's score.
const cueBonus = 1.5

// cueUnit returns the sentence of c's document whose words are in the
// lexicon section cue and that holds most of the question's words, for
// a question that asks what such sentences say (a sanction, whom to
// inform); false when none does.
func (a *Assistant) cueUnit(c candidate, q question, cue string) (quote, bool) {
	info := a.info(c.doc)
	// The words that ask ("erlaubt" in "ist das erlaubt") are no matter
	// the sentence must speak of.
	matter := q
	matter.terms.content = slices.DeleteFunc(slices.Clone(q.terms.content), func(s string) bool {
		return a.lex.match(cue, []string{s}) || slices.ContainsFunc(answerCues, func(ac answerCue) bool { return ac.text == cue && a.lex.match(ac.ask, []string{s}) })
	})
	best, bestV := quote{}, 0.0
	for si, units := range info.units {
		for ui, un := range units {
			if un.noise || un.meta || !a.lex.match(cue, un.words) {
				continue
			}
			// It must speak of what the question names too: a
			// statute's list of authorities "for fines" answers nothing.
			if v := a.unitScore(un.text, matter, knowledge.FacetNone) - cueBonus; v >= 1 && v > bestV {
				best, bestV = quote{label: label(c.doc.Sections[si].Heading), facet: c.doc.Sections[si].Facet, text: withAnnounced(units, ui)}, v
			}
		}
	}
	return best, bestV > 0
}

// headingWords are the words of a heading (words is shadowed where a
// unit's word count is kept).
func headingWords(h string) []string { return words(h) }

// wholeSteps returns the text of d's section labelled lbl when it is a
// list of at least two steps that fits in one block; false otherwise.
func (a *Assistant) wholeSteps(d knowledge.Document, lbl string) (string, bool) {
	for _, s := range d.Sections {
		if label(s.Heading) != lbl {
			continue
		}
		text := strings.TrimSpace(a.clean(s.Text, true))
		if runeLen(text) > maxBlockRunes {
			return "", false
		}
		n := 0
		for _, l := range strings.Split(text, "\n") {
			if listItemRE.MatchString(l) {
				n++
			}
		}
		return text, n >= 2
	}
	return "", false
}

// shortHead reports whether a word of tokens is a compound whose head is
// the short stem s ("kurs" in "Ehevorbereitungskurs"): within a document
// already chosen, a sentence about that kind of thing. Retrieval and the
// choice do not count these: "Pass" would match every "Reisepass".
func shortHead(tokens map[string]bool, s string) bool {
	if len(s) != 4 {
		return false
	}
	for t := range tokens {
		if len(t) >= 2*len(s) && strings.HasSuffix(t, s) {
			return true
		}
	}
	return false
}

// usefulSection returns the titled section of c's document that holds
// most of the question's own words beyond the document's title (a life
// event's "abmelden" in a dog-tax page), or false when none does.
func (a *Assistant) usefulSection(c candidate, q question) (knowledge.Section, bool) {
	info := c.info
	if info == nil {
		info = a.info(c.doc)
	}
	title := map[string]bool{}
	for _, s := range info.title {
		title[s] = true
	}
	var ask []string
	for _, s := range append(append([]string(nil), q.terms.content...), q.events...) {
		if len(s) >= 4 && !title[s] && !a.lex.has("generic_title", s) {
			ask = append(ask, s)
		}
	}
	if len(ask) == 0 {
		return knowledge.Section{}, false
	}
	in, hasIntro := intro(c.doc)
	sets, nav := info.sectionScan(c.doc)
	best, bestV := -1, 0.0
	for i, s := range c.doc.Sections {
		if (hasIntro && s.Heading == in.Heading) || strings.TrimSpace(s.Text) == "" || nav[i] || s.Facet == knowledge.FacetZustaendigkeit {
			// Where to go is quoted when asked; an office the question
			// mentions in passing does not make it the answer.
			continue
		}
		tokens := sets[i]
		v := 0.0
		for _, x := range ask {
			if tokens.match(x) || shortHead(tokens.has, x) {
				v++
			}
		}
		for _, p := range c.passages {
			if p.Section == s.Heading {
				v += 0.25
				break
			}
		}
		if v > bestV {
			best, bestV = i, v
		}
	}
	if best < 0 || bestV < 1 {
		return knowledge.Section{}, false
	}
	return c.doc.Sections[best], true
}

var (
	// stepRE matches a numbered step of a procedure ("1. Öffne …").
	stepRE = regexp.MustCompile(`^\s*\d{1,2}[.)]\s+`)
	// listItemRE matches the start of a list item or numbered paragraph.
	listItemRE = regexp.MustCompile(`^\s*(?:[-*•–]\s+|\d{1,2}[.)]\s+|\(\d{1,2}[a-z]?\)\s*|[a-z][.)]\s+)`)
	// sentenceEndRE finds sentence ends: a full stop, question or
	// exclamation mark followed by a space and a capital letter or digit.
	sentenceEndRE = regexp.MustCompile(`([.!?])\s+([A-ZÄÖÜ0-9„"(])`)
)

// splitUnits cuts text into units a person reads as one statement: list
// items and numbered paragraphs whole, prose into sentences.
func splitUnits(text string) []string {
	var out []string
	item := false     // the previous line opened a list item
	var code []string // the lines of an open code block
	inCode := false
	wrapped := false // the previous line broke off inside a sentence
	for _, raw := range strings.Split(text, "\n") {
		line := strings.TrimSpace(raw)
		if strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
			// A code block is one unit, without its fences: the command
			// a how-to tells to type.
			if inCode && len(code) > 0 {
				out = append(out, strings.Join(code, "\n"))
			}
			inCode, code, item = !inCode, nil, false
			continue
		}
		if inCode {
			if line != "" && len(code) < maxCodeLines {
				code = append(code, line)
			}
			continue
		}
		if line == "" {
			item, wrapped = false, false
			continue
		}
		if item && len(out) > 0 && raw != line && (raw[0] == ' ' || raw[0] == '\t') && !listItemRE.MatchString(line) {
			// An indented line continues the list item above it.
			out[len(out)-1] += " " + line
			wrapped = !endsClause(line)
			continue
		}
		if len(out) > 0 && ordinalEnd(out[len(out)-1]) && monthStartRE.MatchString(line) {
			// "… in ihrer Sitzung am 10." / "November 2026 folgende
			// Satzung beschlossen": a date broken at the line's end.
			wrapped = true
		}
		if wrapped && len(out) > 0 && (continuesLine(line) || monthStartRE.MatchString(line)) {
			// A paragraph wrapped at a fixed width goes on in the next
			// line: "…, which means that the more" / "jobs you run, …".
			out[len(out)-1] += " " + line
			if last := out[len(out)-1]; runeLen(last) >= 200 {
				parts := splitSentences(last)
				out = append(out[:len(out)-1], parts...)
			}
			wrapped = !endsClause(out[len(out)-1])
			continue
		}
		item = listItemRE.MatchString(line)
		wrapped = runeLen(line) >= minWrappedRunes && !endsClause(line) && !strings.Contains(line, "|")
		if listItemRE.MatchString(line) || runeLen(line) < 200 {
			out = append(out, line)
			continue
		}
		out = append(out, splitSentences(line)...)
	}
	if inCode && len(code) > 0 {
		out = append(out, strings.Join(code, "\n"))
	}
	return out
}

// monthStartRE matches a line that starts with a month's name.
var monthStartRE = regexp.MustCompile(`(?i)^(?:` + monthAlt + `)\b`)

// ordinalEnd reports whether text ends in a day's number ("am 10."), which
// a date's month follows.
func ordinalEnd(text string) bool {
	text = strings.TrimSpace(text)
	i := strings.LastIndexAny(text, " \t")
	last := text[i+1:]
	return len(last) >= 2 && len(last) <= 3 && last[len(last)-1] == '.' && isDigits(last[:len(last)-1])
}

// minWrappedRunes is the shortest line read as wrapped at a fixed width
// when it ends inside a sentence; shorter lines are labels, addresses
// and headlines.
const minWrappedRunes = 50

// endsClause reports whether a line ends a sentence or a clause that
// introduces what follows.
func endsClause(line string) bool {
	line = strings.TrimRight(line, " )\"'“”»*_`")
	if line == "" {
		return true
	}
	switch line[len(line)-1] {
	case '.', '!', '?', ':', ';':
		return true
	}
	return false
}

// continuesLine reports whether line goes on from a line that broke off
// inside a sentence: it starts in lower case and is no list item, table
// row or code.
func continuesLine(line string) bool {
	if listItemRE.MatchString(line) || strings.HasPrefix(line, "|") || strings.HasPrefix(line, "#") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r)
}

// maxTopicTitleWords is the longest title read as the name of a topic
// rather than as a question or statement of its own.
const maxTopicTitleWords = 5

// maxCodeLines bounds the lines of a code block kept as one unit.
const maxCodeLines = 12

// enumItemRE matches an item of a statute's enumeration: "1.", "a)",
// "aa)".
var enumItemRE = regexp.MustCompile(`^\s*(?:\d{1,2}\.|[a-z]{1,3}\))\s`)

// enumItem says whether a unit is an item of a statute's enumeration
// and, for an item, which units its sentence opens with and ends with
// (sentenceAround).
type enumItem struct {
	item      bool
	open, end int
}

// sentenceAround returns, for the enumeration item at i, the unit that
// opens its sentence (the nearest unit before the items that is none, when
// it does not end a sentence) and the unit that ends it (the first unit
// after the items, when it goes on in lower case); -1 where there is none.
// item tells which units are items.
func sentenceAround(units []textUnit, item []bool, i int) (open, end int) {
	open, end = -1, -1
	for j := i - 1; j >= 0; j-- {
		if !item[j] {
			if t := strings.TrimSpace(units[j].text); !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "!") && !strings.HasSuffix(t, "?") {
				open = j
			}
			break
		}
	}
	for j := i + 1; j < len(units); j++ {
		if !item[j] {
			if continuesSentence(units[j].text) {
				end = j
			}
			break
		}
	}
	return open, end
}

// endsSentence reports whether unit u ends a sentence (a full stop, a
// question or exclamation mark), so that items after it do not continue
// it.
func endsSentence(u string) bool {
	t := strings.TrimSpace(u)
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?")
}

// continuesSentence reports whether unit u goes on with a sentence begun
// before it: it starts with a lower-case letter.
func continuesSentence(u string) bool {
	for _, r := range strings.TrimSpace(u) {
		return unicode.IsLower(r)
	}
	return false
}

// enumLevel is the depth of an enumeration item: 1 for "1.", 2 for "a)",
// 3 for "aa)".
func enumLevel(u string) int {
	u = strings.TrimSpace(u)
	if u != "" && u[0] >= '0' && u[0] <= '9' {
		return 1
	}
	if i := strings.IndexByte(u, ')'); i > 1 {
		return 3
	}
	return 2
}

// splitSentences splits prose at sentence ends, keeping abbreviations such
// as "z. B." and ordinals ("1. Juli") together as well as a simple rule can.
func splitSentences(s string) []string {
	idx := sentenceEndRE.FindAllStringSubmatchIndex(s, -1)
	var out []string
	start := 0
	for _, m := range idx {
		end := m[3] // after the punctuation
		prev := s[start:m[2]]
		if abbrevEnd(prev) {
			continue
		}
		out = append(out, strings.TrimSpace(s[start:end]))
		start = m[4]
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// abbrevEnd reports whether text ends in an abbreviation or a number, so
// that the full stop after it does not end a sentence.
func abbrevEnd(text string) bool {
	f := strings.Fields(text)
	if len(f) == 0 {
		return true
	}
	if _, err := strconv.Atoi(f[len(f)-1]); err == nil {
		return true
	}
	return abbreviation(text)
}

// firstSentences returns the first n sentences of text, and what a last
// one that leads in ("To see which quota is used up, type:") announces.
func firstSentences(text string, n int) string {
	us := splitUnits(text)
	if len(us) > 0 && strings.Contains(us[0], "|") {
		// A table ("Einstellung | Wert", then one row per setting) is
		// no sentence: its first two rows answer nothing.
		k := 0
		for k < len(us) && strings.Contains(us[k], "|") {
			k++
		}
		return cutUnits(strings.Join(us[:k], "\n"), maxBlockRunes)
	}
	if len(us) > n {
		k := leadInEnd(us, n-1, maxLeadInRunes)
		return strings.Join(us[:n], " ") + strings.Join(append([]string{""}, us[n:k+1]...), "\n")
	}
	return strings.Join(us, " ")
}

// maxLeadInRunes bounds what a lead-in pulls in after itself.
const maxLeadInRunes = 600

// leadsIn reports whether unit u announces what follows: it ends with a
// colon ("Gehen Sie so vor:", "type:").
func leadsIn(u string) bool {
	return strings.HasSuffix(strings.TrimSpace(u), ":")
}

// opensList reports whether us[i] is a sentence the list after it ends
// ("(1) Von der Abgabe befreit sind" before "1. Kinder …,"): it ends in
// a letter, with no stop or colon, and a list item follows.
func opensList(us []string, i int) bool {
	if i+1 >= len(us) || !listItemRE.MatchString(us[i+1]) || listItemRE.MatchString(us[i]) && !paragraphNumRE.MatchString(us[i]) {
		return false // (an item without a stop is no opening: the next one is its sibling)
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(us[i]))
	return unicode.IsLetter(r)
}

// paragraphNumRE finds the number a statute's paragraph begins with:
// "(1) ", "(2a) ".
var paragraphNumRE = regexp.MustCompile(`^\s*\(\d{1,2}[a-z]?\)\s*`)

// itemKept reports whether keep holds one of the n-1 units after i.
func itemKept(keep map[int]bool, i, n int) bool {
	for j := i + 1; j < i+n; j++ {
		if keep[j] {
			return true
		}
	}
	return false
}

// withAnnounced returns the text of units[i], with what it announces
// when it leads in or opens a list (the steps after "… anfordern:", the
// items after "befreit sind"), on lines of their own.
func withAnnounced(units []textUnit, i int) string {
	text := strings.TrimSpace(units[i].text)
	if !leadsIn(text) && !(i+1 < len(units) && opensList([]string{text, units[i+1].text}, 0)) {
		return text
	}
	// The units leadInEnd may take: up to maxLeadInRunes after the
	// lead-in, and the one that passes it.
	us, n := []string{units[i].text}, 0
	for _, u := range units[i+1:] {
		us = append(us, u.text)
		if n += runeLen(u.text); n > maxLeadInRunes {
			break
		}
	}
	return strings.Join(us[:leadInEnd(us, 0, maxLeadInRunes)+1], "\n")
}

// leadInEnd returns the index of the last unit that belongs to the unit at
// i: when it leads in, the units after it that it announces (the list
// items, or the one command or paragraph), up to max runes; otherwise i.
func leadInEnd(us []string, i, max int) int {
	if i >= 0 && i < len(us) && stepRE.MatchString(us[i]) {
		// The first step of a procedure brings the others along.
		end, n := i, 0
		for j := i + 1; j < len(us) && stepRE.MatchString(us[j]); j++ {
			if n += runeLen(us[j]); n > max {
				break
			}
			end = j
		}
		return end
	}
	if i < 0 || i >= len(us) || !leadsIn(us[i]) && !opensList(us, i) {
		return i
	}
	end, n := i, 0
	for j := i + 1; j < len(us); j++ {
		n += runeLen(us[j])
		if n > max || paragraphNumRE.MatchString(us[j]) {
			break // (a statute's next paragraph is none of the items)
		}
		end = j
		if !listItemRE.MatchString(us[j]) {
			// A command or a sentence: what was announced, unless it
			// leads in again.
			if !leadsIn(us[j]) {
				break
			}
		} else if j+1 < len(us) && !listItemRE.MatchString(us[j+1]) {
			break // the list ends
		}
	}
	return end
}

// cutUnits shortens text to at most max runes at a unit boundary.
// cutFor cuts text to max runes as cutUnits does, but when whole lines
// must go it keeps the first one (an enumeration's opening: "(2) Auf den
// Friedhöfen ist nicht gestattet,") and the lines that hold a word the
// question asks ("6. Hunde unangeleint mitzubringen; …"), then as many
// of the others as fit, in reading order, with "…" where lines are left
// out.
func cutFor(text string, max int, q question) string {
	if runeLen(text) <= max || !strings.Contains(text, "\n") || len(q.terms.content) == 0 {
		return cutUnits(text, max)
	}
	lines := strings.Split(text, "\n")
	keep := make([]bool, len(lines))
	n := runeLen(lines[0]) + 1
	keep[0] = true
	hits := 0
	for i := 1; i < len(lines); i++ {
		st := map[string]bool{}
		for _, w := range words(lines[i]) {
			st[stem(w)] = true
		}
		set := newStemSet(st)
		if slices.ContainsFunc(q.terms.content, func(s string) bool { return len(s) >= 4 && q.terms.hitIn(set, s) }) {
			if l := runeLen(lines[i]) + 1; n+l <= max-4 {
				keep[i] = true
				n += l
				hits++
			}
		}
	}
	if hits == 0 {
		return cutUnits(text, max)
	}
	for i := 1; i < len(lines); i++ {
		l := runeLen(lines[i]) + 1
		if keep[i] {
			continue
		}
		if n+l > max-4 {
			break
		}
		keep[i] = true
		n += l
	}
	var out []string
	gap := false
	for i, l := range lines {
		if !keep[i] {
			gap = true
			continue
		}
		if gap {
			out = append(out, "…")
			gap = false
		}
		out = append(out, l)
	}
	if gap {
		out = append(out, "…")
	}
	return strings.Join(out, "\n")
}

func cutUnits(text string, max int) string {
	if runeLen(text) <= max {
		return text
	}
	var out []string
	n := 0
	for _, u := range strings.Split(text, "\n") {
		l := runeLen(u) + 1
		if n+l > max {
			break
		}
		out = append(out, u)
		n += l
	}
	if len(out) == 0 {
		// One long paragraph: whole sentences.
		for _, u := range splitSentences(text) {
			l := runeLen(u) + 1
			if n+l > max {
				break
			}
			out = append(out, u)
			n += l
		}
		if len(out) == 0 {
			r := []rune(text)
			return strings.TrimSpace(string(r[:max])) + " …"
		}
		return strings.Join(out, " ") + " …"
	}
	return strings.Join(out, "\n") + "\n…"
}

func runeLen(s string) int { return len([]rune(s)) }

// quoteLines returns the lines of a quote's text without the gaps ("…")
// at its ends.
func quoteLines(text string) []string {
	ls := strings.Split(text, "\n")
	for len(ls) > 0 && gapLine(ls[0]) {
		ls = ls[1:]
	}
	for len(ls) > 0 && gapLine(ls[len(ls)-1]) {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// gapLine reports whether a quote's line is empty or marks lines left
// out.
func gapLine(l string) bool {
	l = strings.TrimSpace(l)
	return l == "" || l == "…"
}

// joinOverlap joins two quotes of one section when the end of one is
// the beginning of the other: lines 2–3 and 3–4 of a list are lines 2–4.
func joinOverlap(a, b string) (string, bool) {
	al, bl := quoteLines(a), quoteLines(b)
	if m, ok := overlapJoin(al, bl); ok {
		return m, true
	}
	return overlapJoin(bl, al)
}

// overlapJoin joins first and then when the last lines of first are the
// first lines of then.
func overlapJoin(first, then []string) (string, bool) {
	for k := min(len(first), len(then)); k > 0; k-- {
		if slices.Equal(first[len(first)-k:], then[:k]) && !slices.ContainsFunc(then[:k], gapLine) {
			out := append(slices.Clip(first), then[k:]...)
			return strings.Join(out, "\n"), true
		}
	}
	return "", false
}

// inReadingOrder joins two quotes of the section whose cleaned text is
// sec into one, their lines in the order the section has them and "…"
// where lines between them are left out. It fails when a line is not
// found as it stands in sec (a line cut short).
func inReadingOrder(sec, a, b string) (string, bool) {
	type line struct {
		at   int
		text string
	}
	var ls []line
	seen := map[string]bool{}
	for _, l := range append(quoteLines(a), quoteLines(b)...) {
		t := strings.TrimSpace(l)
		if gapLine(t) || seen[t] {
			continue
		}
		seen[t] = true
		at := strings.Index(sec, t)
		if at < 0 {
			return "", false
		}
		ls = append(ls, line{at, t})
	}
	slices.SortStableFunc(ls, func(x, y line) int { return x.at - y.at })
	var out []string
	end := -1
	for _, l := range ls {
		if end >= 0 && l.at > end && strings.TrimSpace(sec[end:l.at]) != "" {
			out = append(out, "…")
		}
		out = append(out, l.text)
		end = max(end, l.at+len(l.text))
	}
	if len(ls) > 0 && strings.TrimSpace(sec[end:]) != "" && (strings.HasSuffix(strings.TrimSpace(a), "…") || strings.HasSuffix(strings.TrimSpace(b), "…")) {
		out = append(out, "…")
	}
	return strings.Join(out, "\n"), true
}

// withoutLines returns text without the lines quoted already in other,
// with "…" where lines went; "" when no line of its own is left.
func withoutLines(text, other string) string {
	had := map[string]bool{}
	for _, l := range strings.Split(other, "\n") {
		if !gapLine(l) {
			had[strings.TrimSpace(l)] = true
		}
	}
	var out []string
	own, gone := false, false
	for _, l := range strings.Split(text, "\n") {
		if !gapLine(l) && had[strings.TrimSpace(l)] {
			gone = true
			continue
		}
		if gone && len(out) > 0 && !gapLine(out[len(out)-1]) {
			out = append(out, "…")
		}
		gone = false
		own = own || !gapLine(l)
		out = append(out, l)
	}
	if !own {
		return ""
	}
	return strings.Join(quoteLines(strings.Join(out, "\n")), "\n")
}

// metaLineRE matches a header line "Key: value" as document management
// systems put them above a text.
var metaLineRE = regexp.MustCompile(`^\s*(?:[-*]\s*)?(?:\*\*)?([\pL][\pL .\-/]{0,40}?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*\S`)

// bylineMeta reports whether line is a byline: fields separated by "·"
// or "|", one of them opening with a header word ("Kategorie", "zuletzt
// geändert", "Stand"), and a date among them.
func bylineMeta(lx *lexicon, line string) bool {
	if runeLen(line) > 300 || !bylineDateRE.MatchString(line) {
		return false
	}
	parts := metaSepRE.Split(strings.TrimSpace(line), -1)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		ws := words(p)
		for _, m := range lx.sections["meta_key"] {
			if _, ok := m.matchAt(ws, 0); ok {
				return true
			}
		}
	}
	return false
}

// bylineDateRE finds a date in a byline: "21.10.2026", "2026-10-21".
var bylineDateRE = regexp.MustCompile(`\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b`)

// metaSepRE separates header fields written on one line.
var metaSepRE = regexp.MustCompile(`\s+[·|•]\s+`)

// dropMeta removes header lines (file number, form number, version,
// responsible unit, …) from text. The keys are general German
// administrative vocabulary (lexicon section meta_key).
func dropMeta(lx *lexicon, text string) string {
	lines := strings.Split(text, "\n")
	out := lines[:0:0]
	for _, l := range lines {
		if isMetaLine(lx, l) {
			continue
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

func isMetaLine(lx *lexicon, line string) bool {
	if strings.IndexByte(line, ':') < 0 {
		// A byline of fields without colons ("IT-Hilfe · Kategorie
		// E-Mail · zuletzt geändert 21.10.2026 von R. Vogt"): a field
		// that opens with a header word, and a date.
		return bylineMeta(lx, line)
	}
	if runeLen(line) > 160 {
		// Several header fields on one line ("Aktenzeichen: 32.41 ·
		// Formular-Nr.: VF 3 · Stand: 02.02.2026"): each a field,
		// most of them header keys.
		if runeLen(line) > 600 {
			return false
		}
		parts := metaSepRE.Split(strings.TrimSpace(line), -1)
		if len(parts) < 2 {
			return false
		}
		n := 0
		for _, p := range parts {
			if runeLen(p) <= 160 && isMetaLine(lx, p) {
				n++
			}
		}
		return n*2 > len(parts)
	}
	m := metaLineRE.FindStringSubmatch(line)
	if m == nil {
		return false
	}
	ws := words(m[1])
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	// "Formular-Nr.", "Stand", "Zuständige Organisationseinheit": the
	// key starts with a header word.
	for _, p := range lx.sections["meta_key"] {
		if _, ok := p.matchAt(ws, 0); ok {
			return true
		}
	}
	return false
}

// Age rules as fee tables and lists state them.
var (
	ageFromRE  = regexp.MustCompile(`(?i)(?:^|[^\pL\d])(?:ab|über|ueber|älter als|aelter als|mindestens|from|over)\s+(\d{1,3})\s*(?:\.\s*lebensjahr|jahren?|jahre|years?)\b`)
	ageUntilRE = regexp.MustCompile(`(?i)\b(?:unter|bis|jünger als|juenger als|vor vollendung des|under|up to)\s+(\d{1,3})\s*(?:\.\s*lebensjahr[es]*|jahren?|jahre|years?)\b`)
	// ageNotYetRE: younger than the number; ageReachedRE: at least it.
	ageNotYetRE  = regexp.MustCompile(`(?i)\b(\d{1,3})\.\s*Lebensjahr(?:es)?\s+(?:noch\s+)?nicht\s+vollendet|\bnoch\s+nicht\s+(\d{1,3})\s+Jahre\s+alt`)
	ageReachedRE = regexp.MustCompile(`(?i)\b(\d{1,3})\.\s*Lebensjahr(?:es)?\s+vollendet|\bnach\s+Vollendung\s+des\s+(\d{1,3})\.\s*Lebensjahres`)
	ageRangeRE   = regexp.MustCompile(`(?i)\b(\d{1,3})\s*(?:bis|-|–)\s*(\d{1,3})\s*(?:jahren?|jahre|years?)`)
)

// situationLine returns the line of text (a fee table, a list) that holds
// for the asker's situation: for a 45-year-old "ab 24 Jahren: 37,00 Euro"
// and not "unter 24 Jahren". It returns "" when the situation says
// nothing or no line is specific to it.
func situationLine(text string, s situation) string { return situationLineOf(text, s, sitLinesOf) }

// situationLineOf is situationLine with the lines of text for the asker's
// age and status given by lines (sitLinesOf, or a memo of it).
func situationLineOf(text string, s situation, lines func(string) []sitLine) string {
	if s.household > 0 {
		if l := householdLine(text, s.household); l != "" {
			return l
		}
	}
	if s.size != "" {
		if l := sizeLine(text, s.size); l != "" {
			return l
		}
	}
	if s.income > 0 {
		if l := incomeLine(text, s.income); l != "" {
			return l
		}
	}
	if s.count != "" {
		if l := countLine(text, s.count); l != "" {
			return l
		}
	}
	if s.age == 0 && !s.child && !s.adult && len(s.status) == 0 && !s.foreign {
		return ""
	}
	return ageOrStatusLine(lines(text), s)
}

// reducedStem is the stem of "ermäßigt", which marks a reduced fee.
const reducedStem = "ermassigt"

// sitLine is a line of a table or list that may hold for the asker's age
// or status: short, with a number besides an age.
type sitLine struct {
	text string
	age  ageRule // the age rule it states
	// tokens are the stems of its words when it states an amount (a fee
	// line for a status: "Studierende: 10,00 Euro"), else nil.
	tokens map[string]bool
}

// sitLinesOf returns the lines of text that ageOrStatusLine weighs, with
// what it reads from them; none depends on the asker.
func sitLinesOf(text string) []sitLine {
	var out []sitLine
	for _, u := range splitUnits(text) {
		if runeLen(u) > 160 || !(listItemRE.MatchString(u) || strings.Contains(u, ":")) {
			// A line of a table or list, not prose.
			continue
		}
		if !strings.ContainsAny(stripAges(u), "0123456789") {
			// The line must say something for the age: an amount, a
			// period, not only the age itself.
			continue
		}
		l := sitLine{text: u, age: ageRuleOf(u)}
		if runeLen(u) <= 200 && amountRE.MatchString(u) {
			l.tokens = map[string]bool{}
			for _, w := range words(u) {
				l.tokens[stem(w)] = true
			}
		}
		out = append(out, l)
	}
	return out
}

// ageOrStatusLine is the part of situationLine for the asker's age and
// status, over the lines sitLinesOf found.
func ageOrStatusLine(lines []sitLine, s situation) string {
	var match, discount []string
	for _, l := range lines {
		ok, specific := l.age.fits(s)
		if specific && ok && (s.age > 0 || s.child || s.adult) {
			match = append(match, l.text)
			continue
		}
		if statuses := s.lineStatus(); len(statuses) > 0 && l.tokens != nil {
			// A fee line for the status ("Studierende: 10,00 Euro"),
			// not any sentence that names it.
			for _, st := range statuses {
				if st != reducedStem && tokenMatch(l.tokens, st) {
					match = append(match, l.text)
					break
				}
			}
			if l.tokens[reducedStem] {
				discount = append(discount, l.text)
			}
		}
	}
	if len(match) == 0 && len(discount) == 1 {
		// No line names the status; the reduced fee is the one for it.
		match = discount
	}
	if len(match) != 1 {
		return ""
	}
	return lineAlone(listItemRE.ReplaceAllString(match[0], ""))
}

// lineAlone is a line of an enumeration as a statement of its own: without
// the comma, semicolon or "und"/"oder" that joins it to the next item.
func lineAlone(l string) string {
	l = strings.TrimSpace(l)
	for _, end := range []string{" und", " oder", ",", ";"} {
		l = strings.TrimSpace(strings.TrimSuffix(l, end))
	}
	return l
}

// maxConditionRunes bounds a condition line oneCondition quotes.
const maxConditionRunes = 200

// ageCondition returns the one line of d's conditions that speaks of the
// asker's age and holds for it, when the asker's age or childhood is
// known and exactly one line does.
func (a *Assistant) ageCondition(d knowledge.Document, s situation) (quote, bool) {
	if s.age == 0 && !s.child {
		return quote{}, false
	}
	return a.oneCondition(d, func(u string) bool {
		fits, specific := ageFits(u, s)
		return fits && specific
	})
}

// thingAgeCondition returns the one condition of d's conditions that
// states a limit on the age of the thing the asker names in days, weeks or
// months ("ein Hund, der älter als 3 Monate ist" for "ist erst 9 Wochen
// alt"), whether the thing meets it or not.
func (a *Assistant) thingAgeCondition(d knowledge.Document, s situation) (quote, bool) {
	if s.thingAge == "" {
		return quote{}, false
	}
	return a.oneCondition(d, func(u string) bool {
		_, specific := sizeFits(u, s.thingAge)
		return specific
	})
}

// oneCondition returns the line of d's conditions (at most
// maxConditionRunes long) that meets, when exactly one does.
func (a *Assistant) oneCondition(d knowledge.Document, meets func(u string) bool) (quote, bool) {
	var found quote
	n := 0
	for _, sec := range sectionsFor(d, knowledge.FacetVoraussetzungen) {
		for _, u := range splitUnits(a.clean(sec.Text, false)) {
			if runeLen(u) <= maxConditionRunes && meets(u) {
				found = quote{label: label(sec.Heading), facet: sec.Facet, text: u}
				n++
			}
		}
	}
	return found, n == 1
}

// ageFits reports whether unit u speaks of an age (specific) and whether it
// fits the situation s.
func ageFits(u string, s situation) (fits, specific bool) { return ageRuleOf(u).fits(s) }

// ageOp is the kind of an age rule: none, or which ages it holds for.
type ageOp uint8

const (
	ageNone    ageOp = iota // the unit states no age rule
	ageBelow                // younger than n
	ageAtLeast              // n or older
	ageBetween              // from lo to hi, both included
)

// ageRule is the age rule a unit states, read by ageRuleOf; a document's
// units have theirs read once (textUnit.age), since a statute has
// thousands of units and a turn may ask each whether it fits the asker.
type ageRule struct {
	op     ageOp
	lo, hi int // n is lo
}

// ageRuleOf reads the age rule unit u states, if any: what ageFits
// checks against an age.
func ageRuleOf(u string) ageRule {
	if !strings.ContainsAny(u, "0123456789") || !mentionsYears(u) || !containsFoldASCII(u, "jahr") && !containsFoldASCII(u, "year") {
		// Every age rule states its number in digits and says "Jahre"
		// or "years" (in any case: every expression below needs one of
		// them, and their letters fold only to ASCII).
		return ageRule{}
	}
	if amountRE.MatchString(u) {
		// A fee schedule in a statute's wording: "27,60 Euro für …,
		// dessen Inhaber noch nicht 24 Jahre alt ist", "für Personen,
		// die das 18. Lebensjahr vollendet haben". (Elsewhere such
		// phrases qualify offences and duties, not the asker's case.)
		if m := ageNotYetRE.FindStringSubmatch(u); m != nil {
			n, _ := strconv.Atoi(m[1] + m[2])
			return ageRule{op: ageBelow, lo: n}
		}
		if m := ageReachedRE.FindStringSubmatch(u); m != nil {
			n, _ := strconv.Atoi(m[1] + m[2])
			return ageRule{op: ageAtLeast, lo: n}
		}
	}
	if m := ageRangeRE.FindStringSubmatch(u); m != nil {
		lo, _ := strconv.Atoi(m[1])
		hi, _ := strconv.Atoi(m[2])
		return ageRule{op: ageBetween, lo: lo, hi: hi}
	}
	if m := ageFromRE.FindStringSubmatch(u); m != nil {
		n, _ := strconv.Atoi(m[1])
		return ageRule{op: ageAtLeast, lo: n}
	}
	if m := ageUntilRE.FindStringSubmatch(u); m != nil {
		n, _ := strconv.Atoi(m[1])
		return ageRule{op: ageBelow, lo: n}
	}
	return ageRule{}
}

// fits reports whether r is an age rule (specific) and whether it holds
// for the asker of situation s: their age, else 10 for a child and 30
// for an adult.
func (r ageRule) fits(s situation) (fits, specific bool) {
	if r.op == ageNone {
		return false, false
	}
	age := s.age
	if age == 0 {
		switch {
		case s.child:
			age = 10
		case s.adult:
			age = 30
		}
	}
	switch r.op {
	case ageBelow:
		return age < r.lo, true
	case ageAtLeast:
		return age >= r.lo, true
	default:
		return age >= r.lo && age <= r.hi, true
	}
}

// navigation reports whether a section is a list of links to other pages.
func navigation(text string) bool {
	if !strings.Contains(text, "(") {
		return false // both kinds of link line hold one
	}
	n, links := 0, 0
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n++
		if linkOnlyRE.MatchString(l) || mdLinkOnlyRE.MatchString(l) {
			links++
		}
	}
	return n > 0 && links*2 > n
}

// mdLinkOnlyRE matches a Markdown list item that is only a link.
var mdLinkOnlyRE = regexp.MustCompile(`^\s*(?:[-*•]\s+)?\[[^\]]+\]\([^)]+\)\s*$`)

// sectionLabelled returns the section of d whose heading ends in label.
func sectionLabelled(d knowledge.Document, lab string) (knowledge.Section, bool) {
	if lab == "" {
		return knowledge.Section{}, false
	}
	for _, s := range d.Sections {
		if label(s.Heading) == lab {
			return s, true
		}
	}
	return knowledge.Section{}, false
}

// officeSection reports whether the section labelled lab says where to go.
func officeSection(d knowledge.Document, lab string) bool {
	s, ok := sectionLabelled(d, lab)
	return ok && s.Facet == knowledge.FacetZustaendigkeit
}

// stripAges removes the age phrases of u.
func stripAges(u string) string {
	if !mentionsYears(u) {
		return u
	}
	for _, re := range []*regexp.Regexp{ageRangeRE, ageFromRE, ageUntilRE} {
		u = re.ReplaceAllString(u, "")
	}
	return u
}

// containsFoldASCII reports whether s holds word, a lower-case ASCII
// word, in any case of its letters.
func containsFoldASCII(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && s[i+j]|0x20 == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// mentionsYears reports whether u may hold "Jahr…" or "year…" in any
// case, which every age rule does; it spares the age expressions most
// lines.
func mentionsYears(u string) bool {
	return strings.Contains(u, "ahr") || strings.Contains(u, "AHR") || strings.Contains(u, "ear") || strings.Contains(u, "EAR")
}

// paragraphStartRE matches a line that opens a statute's paragraph.
var paragraphStartRE = regexp.MustCompile(`^\s*(?:§+|Art\.)\s*\d+[a-z]?\b`)

// paragraphStart reports whether unit u opens a statute's paragraph.
func paragraphStart(u string) bool { return paragraphStartRE.MatchString(u) }

// dropWeakest removes kept units, the lowest-scored first and never best,
// until what is kept fits on a screen: of a lead-in's list or a
// procedure's steps, the items that answer stay ("You just changed your
// password … allow up to one hour" as the fourth of four reasons), not
// the first ones.
func dropWeakest(keep map[int]bool, best int, unit func(i int) (runes int, v float64)) {
	total := 0
	var idx []int
	for i := range keep {
		n, _ := unit(i)
		total += n
		if i != best {
			idx = append(idx, i)
		}
	}
	if total <= maxBlockRunes {
		return
	}
	sort.Slice(idx, func(a, b int) bool {
		_, va := unit(idx[a])
		_, vb := unit(idx[b])
		if va != vb {
			return va < vb
		}
		return idx[a] > idx[b] // of equals, the later goes first
	})
	for _, i := range idx {
		if total <= maxBlockRunes {
			return
		}
		n, _ := unit(i)
		delete(keep, i)
		total -= n
	}
}

// saysNothing reports whether a section's text is a bare "Keine." or
// "entfällt": worth quoting when asked, not unasked.
func saysNothing(text string) bool {
	return len(strings.Fields(text)) < 3 && !strings.ContainsAny(text, "0123456789")
}

// limitRE finds a limit a rule states in a unit: "länger als 2
// Kilometer", "mehr als 50 qm", "bis zu 3,5 Tonnen".
var limitRE = regexp.MustCompile(`(?i)(?:^|[^\pL\d])((?:nicht\s+)?(?:älter|aelter|jünger|juenger)|mehr|länger|laenger|größer|groesser|weiter|über|ueber|ab|mindestens|weniger|kürzer|kuerzer|kleiner|unter|bis(?:\s+zu)?|höchstens|hoechstens)\s+(?:als\s+)?(\d+(?:,\d+)?)\s*([\pL²]+)`)

// sizeFits reports whether a limit unit u states in the unit of size
// ("länger als 2 Kilometer" for "1,8 km") holds for it: specific is
// false when u states no limit in that unit.
func sizeFits(u, size string) (fits, specific bool) {
	num, unit, ok := strings.Cut(size, " ")
	if !ok {
		return false, false
	}
	have, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", "."), 64)
	if err != nil {
		return false, false
	}
	for _, m := range limitRE.FindAllStringSubmatch(u, -1) {
		limit, err := strconv.ParseFloat(strings.ReplaceAll(m[2], ",", "."), 64)
		if err != nil {
			continue
		}
		if unit == unitDays {
			// A thing's age against a limit in days, weeks or months.
			d := spanDays(fold(m[3]))
			if d == 0 {
				continue
			}
			limit *= float64(d)
		} else if sizeUnit(fold(m[3])) != unit {
			continue
		}
		switch strings.ToLower(strings.Join(strings.Fields(m[1]), " ")) {
		case "älter", "aelter":
			return have > limit, true
		case "nicht älter", "nicht aelter":
			return have <= limit, true
		case "jünger", "juenger":
			return have < limit, true
		case "nicht jünger", "nicht juenger":
			return have >= limit, true
		}
		switch strings.ToLower(strings.Fields(m[1])[0]) {
		case "ab", "mindestens":
			return have >= limit, true
		case "bis", "höchstens", "hoechstens":
			return have <= limit, true
		case "weniger", "kürzer", "kuerzer", "kleiner", "unter":
			return have < limit, true
		default:
			return have > limit, true
		}
	}
	return false, false
}

// sizeLine returns the one line of text's tables or lists that is for the
// size the asker states ("240 Liter 421,20 Euro" for "240 liter") and
// states an amount; "" when none or several are.
func sizeLine(text, size string) string {
	var match []string
	for _, u := range splitUnits(text) {
		if runeLen(u) > 160 || !amountRE.MatchString(u) {
			continue
		}
		ws := words(u)
		for i := 0; i+1 < len(ws); i++ {
			if ws[i]+" "+sizeUnit(ws[i+1]) == size {
				match = append(match, u)
				break
			}
		}
	}
	if len(match) != 1 {
		return ""
	}
	return lineAlone(listItemRE.ReplaceAllString(match[0], ""))
}

// countLine returns the one line of text's tables or lists that is for
// the count the asker states ("2. zwei Vollgeschossen 1,25" for "2
// vollgeschoss") and states another number for it; "" when none or
// several are.
func countLine(text, count string) string {
	num, st, ok := strings.Cut(count, " ")
	if !ok {
		return ""
	}
	want, _ := strconv.Atoi(num)
	var match []string
	for _, u := range splitUnits(text) {
		if runeLen(u) > 160 || !(listItemRE.MatchString(u) || strings.Count(u, "|") >= 2) {
			continue
		}
		line := listItemRE.ReplaceAllString(u, "")
		ws := words(line)
		for i := 0; i+1 < len(ws); i++ {
			if n, ok := countNumber(ws[i]); !ok || n != want || stem(ws[i+1]) != st {
				continue
			}
			// Another number than the count's own states what holds
			// for it.
			others := 0
			for j, w := range ws {
				if j != i && strings.ContainsAny(w, "0123456789") {
					others++
				}
			}
			if others > 0 {
				match = append(match, u)
			}
			break
		}
	}
	if len(match) != 1 {
		return ""
	}
	return lineAlone(listItemRE.ReplaceAllString(match[0], ""))
}

// personsRE finds the household size a line of a table or list is for:
// "3 Personen", "für 2 Personen".
var personsRE = regexp.MustCompile(`(?i)\b(\d{1,2})\s*-?\s*(?:Personen|Person)\b`)

// householdLine returns the first line of text's tables or lists that is
// for a household of n people and states something for it ("| 3
// Personen | 31.000 Euro |"), as "3 Personen: 31.000 Euro"; "" when none.
func householdLine(text string, n int) string {
	for _, u := range splitUnits(text) {
		if runeLen(u) > 160 || !(listItemRE.MatchString(u) || strings.Contains(u, ":") || strings.Count(u, "|") >= 2) {
			continue
		}
		m := personsRE.FindStringSubmatch(u)
		if m == nil || m[1] != strconv.Itoa(n) || !strings.ContainsAny(personsRE.ReplaceAllString(u, ""), "0123456789") {
			continue
		}
		var cells []string
		for _, c := range strings.Split(strings.Trim(strings.TrimSpace(u), "|"), "|") {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
		return strings.TrimSpace(listItemRE.ReplaceAllString(strings.Join(cells, ": "), ""))
	}
	return ""
}

// incomeRowBonus is what the row of an income table that holds the
// asker's stated income adds to its score, besides the bonus of any line
// for the asker's situation: it states their amount, where a sentence
// sharing many of the question's words states someone's.
const incomeRowBonus = 3

// bracketRE matches the income bracket a table line opens with: "bis
// 50.000 Euro", "über 75.000 Euro", "ab 30.000 €", "von 25.001 bis
// 37.500 Euro".
var bracketRE = regexp.MustCompile(`(?i)^(?:\|\s*)?(?:(bis|über|ueber|ab|mehr als)\s+|von\s+(\d{1,3}(?:\.\d{3})*|\d+)(?:,\d{2})?\s*(?:€|euro|eur)?\s*bis\s+)(\d{1,3}(?:\.\d{3})*|\d+)(?:,\d{2})?\s*(?:€|euro|eur)\b`)

// incomeLine returns the line of a table by income bracket that holds
// income: the narrowest "bis X" at or above it, else the "über X" below
// it; "" when text has no such table.
func incomeLine(text string, income int) string {
	best, bestUpper, over, overLower := "", 0, "", -1
	for _, u := range splitUnits(text) {
		t := strings.TrimSpace(u)
		if runeLen(t) > 160 {
			continue
		}
		m := bracketRE.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		num := func(s string) int {
			v, _ := strconv.Atoi(strings.ReplaceAll(s, ".", ""))
			return v
		}
		hi := num(m[3])
		switch strings.ToLower(m[1]) {
		case "bis", "":
			lo := 0
			if m[2] != "" {
				lo = num(m[2])
			}
			if income >= lo && income <= hi && (best == "" || hi < bestUpper) {
				best, bestUpper = t, hi
			}
		default: // über, ab, mehr als
			if income > hi && hi > overLower {
				over, overLower = t, hi
			}
		}
	}
	if best == "" {
		best = over
	}
	return strings.TrimSpace(strings.Trim(best, "|"))
}
