// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge"
)

// The verifier checks a model's answer sentence by sentence against the
// passages each sentence cites, before the sentence reaches anybody:
// numbers and amounts in digits and words, dates, durations, opening
// hours, phone numbers, e-mail addresses, URLs, offices, addresses,
// required documents, the polarity of yes/no facts and the language.
// Every check is general German and English; none knows a service.

// Claim kinds, as counted in Metrics.ClaimRefused and shown on the desk.
const (
	claimCitation = "citation"
	claimAmount   = "amount"
	claimNumber   = "number"
	claimDate     = "date"
	claimDuration = "duration"
	claimHours    = "hours"
	claimPhone    = "phone"
	claimEmail    = "email"
	claimURL      = "url"
	claimOffice   = "office"
	claimAddress  = "address"
	claimDocument = "document"
	claimPolarity = "polarity"
	claimLanguage = "language"
	claimPromise  = "promise"
)

// verifier checks sentences against numbered passages.
type verifier struct {
	ps    []knowledge.Passage
	lang  string // the language the answer must be in
	lex   *lexicon
	cache map[string]*sourceIndex
}

func newVerifier(lex *lexicon, ps []knowledge.Passage, lang string) *verifier {
	return &verifier{ps: ps, lang: lang, lex: lex, cache: map[string]*sourceIndex{}}
}

// index returns the source index of the passages at idx (0-based).
func (v *verifier) index(idx []int) *sourceIndex {
	s := slices.Clone(idx)
	slices.Sort(s)
	var key strings.Builder
	for _, i := range s {
		key.WriteString(strconv.Itoa(i))
		key.WriteByte(',')
	}
	if ix, ok := v.cache[key.String()]; ok {
		return ix
	}
	var texts, statements []string
	var headings strings.Builder
	for _, i := range s {
		p := v.ps[i]
		texts = append(texts, p.Title, p.Section, p.Text, p.URL)
		statements = append(statements, p.Text)
		headings.WriteString(p.Title + " " + p.Section + " ")
	}
	ix := newSourceIndex(texts, statements)
	// What the passages are about says nothing about which amount is
	// for what.
	ix.topic = qualifierWords(headings.String())
	v.cache[key.String()] = ix
	return ix
}

// currencyNear reports whether an amount at s[start:end] is money.
func currencyNear(s string, start, end int) bool {
	after := strings.ToLower(strings.TrimLeft(s[end:], " \u00a0"))
	before := strings.TrimRight(s[:start], " \u00a0")
	return strings.HasPrefix(after, "€") || strings.HasPrefix(after, "euro") || strings.HasPrefix(after, "eur") ||
		currencyWordAfter(after) || strings.HasSuffix(before, "€") || strings.HasSuffix(strings.ToLower(before), "eur")
}

// claimOf returns the claim text around s[start:end] for a report: the
// token and the word after it ("zehn Euro").
func claimOf(s string, start, end int) string {
	if loc := nextWordRE.FindStringIndex(s[end:]); loc != nil {
		end += loc[1]
	}
	return strings.TrimSpace(s[start:end])
}

var nextWordRE = regexp.MustCompile(`^[ \x{00a0}]*(?:€|[\p{L}]+)`)

// blank replaces s[start:end] by spaces so that later checks skip it.
func blank(s string, start, end int) string {
	return s[:start] + strings.Repeat(" ", end-start) + s[end:]
}

// check returns the failing claims of one sentence (citation markers
// removed) against ix. With ix nil it only reports claims it finds, as if
// the source said nothing.
func (v *verifier) check(body string, ix *sourceIndex) []Refusal {
	if ix == nil {
		ix = newSourceIndex(nil, nil)
	}
	var out []Refusal
	fail := func(kind, claim string) { out = append(out, Refusal{Kind: kind, Claim: claim}) }
	intl := intlLangs[v.lang]
	// Figures in the answer language's notation ("€1,070.00", "1 070,00
	// євро", Arabic-Indic digits) are read with their value.
	body = localFigures(body, v.lang)
	orig := body // the checks below blank what they have seen

	// Links: an invented URL can send a citizen to a phishing page.
	for _, loc := range answerLinkRE.FindAllStringIndex(body, -1) {
		link := strings.ToLower(strings.TrimRight(body[loc[0]:loc[1]], ".,;:!?)»“\"'"))
		if !strings.Contains(ix.lower, strings.TrimSuffix(link, "/")) {
			kind := claimURL
			if strings.Contains(link, "@") && !strings.Contains(link, "/") {
				kind = claimEmail
			}
			fail(kind, link)
		}
		body = blank(body, loc[0], loc[1])
	}
	for _, loc := range phoneClaimRE.FindAllStringIndex(body, -1) {
		d, ok := phoneDigits(body[loc[0]:loc[1]])
		if !ok {
			continue
		}
		found := ""
		for _, p := range ix.phones {
			if strings.Contains(p, d) || (len(p) >= 6 && strings.Contains(d, p)) {
				found = p
				break
			}
		}
		if found == "" || ix.boundElsewhere("tel:"+found, clauseAround(blank(orig, loc[0], loc[1]), loc[0], loc[1])) {
			fail(claimPhone, strings.TrimSpace(body[loc[0]:loc[1]]))
		}
		body = blank(body, loc[0], loc[1])
	}
	for _, f := range monthDates(body, false) {
		if !ix.keys[f.key] {
			fail(claimDate, body[f.start:f.end])
		}
	}
	if intl {
		for _, f := range intlDates(body) {
			if !ix.keys[f.key] {
				fail(claimDate, body[f.start:f.end])
			}
			body = blank(body, f.start, f.end)
		}
	}
	for _, d := range findDurationsIn(body, intl) {
		key := ""
		for _, k := range d.keys() {
			if ix.keys[k] {
				key = k
				break
			}
		}
		switch {
		case key == "":
			fail(claimDuration, body[d.start:d.end])
		case ix.boundElsewhere(key, clauseAround(blank(orig, d.start, d.end), d.start, d.end)):
			// "Der Express-Pass liegt nach 4 bis 6 Wochen vor" where
			// that is the time of the regular one.
			fail(claimDuration, body[d.start:d.end])
		}
		body = blank(body, d.start, d.end)
	}
	// An amount of money must be one in the source, not any number.
	money := func(f fact) bool {
		if !currencyNear(body, f.start, f.end) || !strings.HasPrefix(f.key, "n:") {
			return false
		}
		switch {
		case !ix.keys["eur:"+f.key]:
			fail(claimAmount, claimOf(body, f.start, f.end))
		case ix.boundElsewhere(f.key, clauseAround(blank(orig, f.start, f.end), f.start, f.end)):
			fail(claimAmount, claimOf(body, f.start, f.end))
		}
		return true
	}
	for _, f := range numberFacts(body, false) {
		if money(f) || ix.keys[f.key] {
			continue
		}
		kind := claimNumber
		switch {
		case strings.HasPrefix(f.key, "d:") || strings.HasPrefix(f.key, "dm:"):
			kind = claimDate
		case strings.HasPrefix(f.key, "t:"):
			kind = claimHours
		}
		fail(kind, claimOf(body, f.start, f.end))
	}
	for _, f := range spelledNumbers(body) {
		if !money(f) && !ix.keys[f.key] {
			fail(claimNumber, claimOf(body, f.start, f.end))
		}
	}
	for _, f := range weekdayMentions(body, false) {
		if !ix.keys[f.key] {
			fail(claimHours, body[f.start:f.end])
		}
	}
	if intl {
		for _, f := range intlWeekdays(body) {
			if !ix.keys[f.key] {
				fail(claimHours, body[f.start:f.end])
			}
		}
		for _, f := range unfiguredAmounts(body) {
			fail(claimAmount, body[f.start:f.end])
		}
	}
	for _, m := range streetRE.FindAllStringSubmatchIndex(body, -1) {
		street := body[m[2]:m[3]]
		if !ix.has(normWord(strings.Join(words(strings.TrimSuffix(street, ".")), ""))) {
			fail(claimAddress, body[m[0]:m[1]])
		}
	}
	for _, m := range postcodeRE.FindAllStringSubmatchIndex(body, -1) {
		if !ix.has(normWords(body[m[2]:m[3]])) {
			fail(claimAddress, body[m[0]:m[1]])
		}
	}
	for _, m := range officeCueRE.FindAllStringSubmatchIndex(body, -1) {
		g := 1
		if m[2] < 0 {
			g = 2
			if pronouns[fold(body[m[6]:m[7]])] {
				continue // "beim Antrag Ihre …"
			}
		}
		name := body[m[2*g]:m[2*g+1]]
		if !ix.has(normWords(name)) {
			fail(claimOffice, name)
		}
	}
	for _, m := range namePairRE.FindAllStringSubmatchIndex(body, -1) {
		first, second := body[m[2]:m[3]], body[m[4]:m[5]]
		if m[2] == 0 || pronouns[fold(first)] || len(first) < 6 || ix.has(normWords(first)) {
			continue
		}
		// "Bürgerbüro Musterstadt" names a place: when the source has
		// the town but not the office, or has neither, it is invented.
		placeKnown := ix.has(normWords(second)) && strings.Contains(ix.lower, strings.ToLower(second))
		if placeKnown || len(second) >= 5 {
			fail(claimOffice, first+" "+second)
		}
	}
	if loc := requirementRE.FindStringIndex(body); loc != nil {
		// Whatever a sentence says one must bring or submit is named in
		// the source: each noun after the verb.
		rest := body[loc[1]:]
		for _, wl := range wordRE.FindAllStringIndex(rest, -1) {
			w := rest[wl[0]:wl[1]]
			for part := range strings.SplitSeq(w, "-") {
				r, _ := utf8.DecodeRuneInString(part)
				if !unicode.IsUpper(r) || len([]rune(part)) < 6 || pronouns[fold(part)] {
					continue
				}
				if st := normWord(stem(fold(part))); len(st) >= 5 && !ix.has(st) {
					fail(claimDocument, w)
				}
			}
		}
	}
	for _, loc := range wordRE.FindAllStringIndex(body, -1) {
		w := body[loc[0]:loc[1]]
		for part := range strings.SplitSeq(w, "-") {
			if kind, st := nameKind(part); kind != "" && !ix.has(st) {
				fail(kind, w)
			}
		}
	}
	if c := contradiction(orig, ix.clauses); c != "" {
		fail(claimPolarity, c)
	}
	if v.wrongLanguage(body) {
		fail(claimLanguage, truncateLLM(strings.TrimSpace(body), 60))
	}
	return out
}

// hasClaims reports whether a sentence states anything checkable.
func (v *verifier) hasClaims(body string) bool {
	for _, r := range v.check(body, nil) {
		if r.Kind != claimLanguage {
			return true
		}
	}
	return len(polarityClauses(body)) > 0
}

// wrongLanguage reports a sentence of four words or more that carries
// clear signs of another language: at least three of its function words
// and three times as many as of the expected language. A quote in the
// language of the sources inside a sentence in the expected language
// passes.
func (v *verifier) wrongLanguage(body string) bool {
	if v.lex == nil {
		return false
	}
	switch v.lang {
	case "ar", "uk", "ru":
		ws := words(body)
		return len(ws) >= 4 && v.wrongScript(body, ws)
	}
	section := map[string]string{"de": "stop_de", "en": "stop_en", "tr": "stop_tr", "pl": "stop_pl"}
	if _, ok := section[v.lang]; !ok {
		return false
	}
	ws := words(body)
	if len(ws) < 4 {
		return false
	}
	count := func(lang string) int {
		n := v.lex.countIn(section[lang], ws)
		if lang == "de" {
			n += strings.Count(body, "ä") + strings.Count(body, "ß") + strings.Count(body, "Ä")
			if v.lang != "tr" { // Turkish writes ö and ü too
				n += strings.Count(body, "ö") + strings.Count(body, "ü") + strings.Count(body, "Ö") + strings.Count(body, "Ü")
			}
		}
		return n
	}
	want := count(v.lang)
	for l := range section {
		if n := count(l); l != v.lang && n >= 3 && n >= 3*want {
			return true
		}
	}
	return false
}

// verifyText runs a complete text through an answerStream.
func verifyText(v *verifier, text string) (string, []Source, Verification) {
	s := newAnswerStream(v, func(string) bool { return true })
	s.write(text)
	s.close()
	return s.result()
}

// VerifyAnswer checks a complete model answer against the passages it was
// given (numbered [1]..[n] in order) exactly as a streamed answer is
// checked, for an answer that must be in lang. Refused lists every
// sentence that would not be shown; Replaced is set when the offline
// answer would be given instead. It is the entry point for measuring the
// verifier (lotse eval verifier).
func (a *Assistant) VerifyAnswer(text string, ps []knowledge.Passage, lang string) Verification {
	_, _, vr := verifyText(newVerifier(a.lex, ps, lang), text)
	return vr
}

// checkCitations verifies a complete LLM answer: it must cite at least one
// passage as [n], every [n] must be one of the passages, and every claim
// must be supported by the passages its sentence cites. It returns the
// cited passage indexes (0-based, in order of first citation) or the
// reason for rejecting the answer.
func checkCitations(text string, ps []knowledge.Passage) (cited []int, reason string) {
	v := newVerifier(nil, ps, "")
	s := newAnswerStream(v, func(string) bool { return true })
	s.write(text)
	s.close()
	_, _, vr := s.result()
	switch {
	case vr.Replaced != "":
		return nil, vr.Replaced
	case len(vr.Refused) > 0:
		if vr.Refused[0].Kind == claimCitation {
			return nil, reasonUnknownCitation
		}
		return nil, reasonUnsupportedFact
	}
	return s.citedAll, ""
}

// answerLinkRE finds URLs, bare web addresses and e-mail addresses.
var answerLinkRE = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>\[\]]+|[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`)
