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

// sourceIndex holds what a source says, in the forms the checks compare.
type sourceIndex struct {
	keys    map[string]bool // numbers, dates, times, durations, weekdays
	lower   string          // the text in lower case, for links
	norm    string          // folded words with umlauts as stem writes them, space-delimited
	phones  []string        // digits of phone numbers
	money   bool            // the source states amounts of money ("eur:" keys)
	amounts []amountLine    // each amount of money with the words of its clause
	topic   map[string]bool // words of the titles and headings
	clauses []polClause
}

// newSourceIndex indexes texts; the yes/no facts are read from statements
// only (headings state nothing).
func newSourceIndex(texts, statements []string) *sourceIndex {
	ix := &sourceIndex{keys: map[string]bool{}}
	text := strings.Join(texts, "\n")
	for _, f := range numberFacts(text, true) {
		ix.keys[f.key] = true
		if strings.HasPrefix(f.key, "n:") && currencyNear(text, f.start, f.end) {
			ix.keys["eur:"+f.key] = true
			ix.money = true
		}
	}
	for _, d := range findDurations(text) {
		for _, k := range d.keys() {
			ix.keys[k] = true
		}
		ix.keys[num(d.value)] = true
	}
	for _, f := range spelledNumbers(text) {
		ix.keys[f.key] = true
		if currencyNear(text, f.start, f.end) {
			ix.keys["eur:"+f.key] = true
			ix.money = true
		}
	}
	for _, f := range monthDates(text, true) {
		ix.keys[f.key] = true
	}
	for _, f := range weekdayMentions(text, true) {
		ix.keys[f.key] = true
	}
	ix.lower = strings.ToLower(text)
	ix.norm = " " + normWords(text) + " "
	for _, m := range phoneClaimRE.FindAllString(text, -1) {
		if d, ok := phoneDigits(m); ok {
			ix.phones = append(ix.phones, d)
		}
	}
	for _, t := range statements {
		for _, sent := range splitSentences(t) {
			for _, loc := range phoneClaimRE.FindAllStringIndex(sent, -1) {
				if d, ok := phoneDigits(sent[loc[0]:loc[1]]); ok {
					ws := qualifierWords(clauseAround(blank(sent, loc[0], loc[1]), loc[0], loc[1]))
					ix.amounts = append(ix.amounts, amountLine{key: "tel:" + d, words: ws})
				}
			}
			for _, d := range findDurations(sent) {
				ws := qualifierWords(clauseAround(blank(sent, d.start, d.end), d.start, d.end))
				for _, k := range d.keys() {
					ix.amounts = append(ix.amounts, amountLine{key: k, words: ws})
				}
			}
			for _, f := range numberFacts(sent, true) {
				if strings.HasPrefix(f.key, "n:") && currencyNear(sent, f.start, f.end) {
					ix.amounts = append(ix.amounts, amountLine{key: f.key, words: qualifierWords(clauseAround(blank(sent, f.start, f.end), f.start, f.end))})
				}
			}
		}
		ix.clauses = append(ix.clauses, polarityClauses(t)...)
	}
	return ix
}

// amountLine is an amount of money, a duration or a phone number in a
// source with the words that say what it is for ("Antragstellende unter 24
// Jahren", "Beratung").
type amountLine struct {
	key   string
	words map[string]bool
}

// boundElsewhere reports an amount that the source states, but for
// something else: another amount's clause shares clearly more words with
// the answer's clause than any clause of this amount ("ab 24 Jahren …
// 37,50 Euro" where the source has "ab 24 Jahren: 70,00 Euro" and "unter
// 24 Jahren: 37,50 Euro").
func (ix *sourceIndex) boundElsewhere(key, clause string) bool {
	ws := qualifierWords(clause)
	own, other := -1, -1
	kind, _, _ := strings.Cut(key, ":")
	for _, a := range ix.amounts {
		if !strings.HasPrefix(a.key, kind+":") {
			continue // amounts compete with amounts, durations with durations
		}
		n := 0
		for w := range ws {
			if a.words[w] && !ix.topic[w] {
				n++
			}
		}
		if a.key == key {
			own = max(own, n)
		} else {
			other = max(other, n)
		}
	}
	return own >= 0 && other > own && (other >= 2 || own == 0)
}

// clauseAround returns the clause of s around s[start:end]: from the last
// comma, semicolon or line break before it to the next after it.
func clauseAround(s string, start, end int) string {
	from := strings.LastIndexAny(s[:start], ";\n")
	for _, sep := range []string{", ", ". "} {
		if i := strings.LastIndex(s[:start], sep); i > from {
			from = i
		}
	}
	to := len(s)
	if i := strings.IndexAny(s[end:], ";\n"); i >= 0 {
		to = end + i
	}
	for _, sep := range []string{", ", ". "} {
		if i := strings.Index(s[end:], sep); i >= 0 && end+i < to {
			to = end + i
		}
	}
	return s[from+1 : to]
}

// amountNoise are words that say nothing about what an amount is for.
var amountNoise = map[string]bool{
	"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true, "ein": true, "eine": true, "einen": true,
	"einem": true, "einer": true, "eines": true, "und": true, "oder": true, "ist": true, "sind": true, "es": true, "sie": true,
	"ihr": true, "ihre": true, "fuer": true, "mit": true, "von": true, "zu": true, "im": true, "in": true, "am": true,
	"an": true, "auf": true, "bei": true, "kostet": true, "kosten": true, "betraegt": true, "euro": true, "eur": true,
	"cent": true, "zahlen": true, "telefon": true, "tel": true, "telefonisch": true, "anrufen": true, "rufen": true, "the": true, "a": true, "is": true, "are": true, "it": true, "for": true, "of": true,
	"to": true, "costs": true, "cost": true, "euros": true, "pay": true, "you": true,
}

// qualifierWords are the folded words of a clause that may say what an
// amount is for, figures included, stemmed.
func qualifierWords(clause string) map[string]bool {
	out := map[string]bool{}
	for _, t := range wordTokens(clause) {
		switch w := t.folded; {
		case w == "" || amountNoise[w]:
		case strings.ContainsAny(t.text, "0123456789"):
			if isDigits(t.text) && len(t.text) <= 3 {
				out[w] = true // "ab 24 Jahren"; not "8:00" or "70,00"
			}
		default:
			out[stem(w)] = true
		}
	}
	return out
}

// has reports whether the normalized word stem st occurs in the source,
// also inside a compound.
func (ix *sourceIndex) has(st string) bool { return strings.Contains(ix.norm, st) }

// normWords folds s and writes umlauts as stem does.
func normWords(s string) string {
	ws := words(s)
	for i, w := range ws {
		ws[i] = normWord(w)
	}
	return strings.Join(ws, " ")
}

func normWord(w string) string { return umlautNorm.Replace(w) }

var umlautNorm = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")

// phoneClaimRE finds phone numbers: a leading 0 or +, then at least five more
// digits, with spaces, slashes, dashes and brackets between.
var phoneClaimRE = regexp.MustCompile(`(?:\+|\b0)[\d()][\d \t/()\-]{4,}\d`)

// phoneDigits returns the digits of a phone number with +49 and 0049
// written as 0; ok is false for fewer than six digits.
func phoneDigits(s string) (string, bool) {
	d := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	switch {
	case strings.HasPrefix(s, "+49"):
		d = "0" + strings.TrimPrefix(d, "49")
	case strings.HasPrefix(d, "0049"):
		d = "0" + strings.TrimPrefix(d, "0049")
	}
	return d, len(d) >= 6
}

// Word heads of offices and of documents, as stem writes them. A word
// whose stem ends in one of them and is longer names an office
// ("Standesamt", "Zulassungsstelle") or a document ("Geburtsurkunde",
// "Meldebescheinigung"). These are general German.
var (
	officeHeads = []string{
		"amt", "amter", "buro", "stell", "behord", "zentrum", "verwalt", "referat", "abteil", "kass",
		"gericht", "ministerium", "agentur", "kammer", "anstalt", "dezernat", "rathaus", "polizei",
	}
	wholeOffices  = map[string]bool{"rathaus": true, "polizei": true, "landratsamt": true}
	documentHeads = []string{
		"ausweis", "pass", "urkund", "bescheinig", "nachweis", "foto", "bild", "bestatig", "zeugnis",
		"vollmacht", "erklar", "formular", "antrag", "bescheid", "kart", "schein", "vertrag", "zertifikat",
		"genehmig", "attest", "brief", "erlaubnis", "auszug", "beleg", "gutacht", "register",
	}
	// notNames are words with an office or document head that are
	// neither ("insgesamt").
	notNames = map[string]bool{"insgesamt": true, "gesamt": true, "samt": true, "beamt": true, "bild": true}
)

// nameKind returns claimOffice or claimDocument for a capitalized word
// that names one, with its normalized stem.
func nameKind(word string) (kind, st string) {
	if word == "" || !unicode.IsUpper([]rune(word)[0]) {
		return "", ""
	}
	f := fold(word)
	if strings.ContainsRune(f, ' ') {
		return "", ""
	}
	st = stem(f)
	if notNames[st] {
		return "", ""
	}
	for _, h := range officeHeads {
		if strings.HasSuffix(st, h) && (len(st) >= len(h)+3 || wholeOffices[st]) {
			return claimOffice, st
		}
	}
	for _, h := range documentHeads {
		if strings.HasSuffix(st, h) && len(st) >= len(h)+3 {
			return claimDocument, st
		}
	}
	return "", ""
}

// streetRE finds a street with its house number; postcodeRE a German
// postcode with its place.
var (
	streetRE   = regexp.MustCompile(`\b(\p{Lu}[\p{L}\-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|hof))\s+\d{1,4}[a-z]?\b`)
	postcodeRE = regexp.MustCompile(`\b\d{5}\s+(\p{Lu}[\p{L}\-]+)`)
	wordRE     = regexp.MustCompile(`[\p{L}][\p{L}\-]*`)
)

// officeCueRE finds the name after words that introduce an office or a
// place: "zuständig ist: X", "wenden Sie sich an X", and a name of two
// capitalized words after "im", "beim", "vom", "zum" or "bei der"
// ("im Bürgerbüro Musterstadt").
var officeCueRE = regexp.MustCompile(`(?i:zuständig(?:e Stelle)?(?: ist| sind)?:?|wenden Sie sich an(?: das| die| den)?|responsible is|contact)\s+(\p{Lu}[\p{L}\-]+)|\b(?:im|beim|vom|bei der|bei dem|an das|an die)\s+(\p{Lu}[\p{L}\-]+)\s+(\p{Lu}[\p{L}\-]+)`)

// namePairRE finds two capitalized words in a row, as names of offices
// and places are written ("Bürgerbüro Musterstadt"); the first must be in
// the source when the second is.
var namePairRE = regexp.MustCompile(`(\p{Lu}[\p{L}\-]+)[ \x{00a0}]+(\p{Lu}[\p{L}\-]+)`)

// requirementRE finds sentences that say what one must bring or submit.
var requirementRE = regexp.MustCompile(`(?i)\b(?:brauch\w*|benötig\w*|mitbring\w*|mitzubringen|vorleg\w*|vorzulegen|einreich\w*|einzureichen|erforderlich\w*|need\w*|require\w*|bring)\b`)

// pronouns are capitalized words that start no name.
var pronouns = map[string]bool{"sie": true, "ihr": true, "ihre": true, "ihren": true, "ihrem": true, "ihrer": true, "ihres": true, "ihnen": true}

// currencyNear reports whether an amount at s[start:end] is money.
func currencyNear(s string, start, end int) bool {
	after := strings.ToLower(strings.TrimLeft(s[end:], " \u00a0"))
	before := strings.TrimRight(s[:start], " \u00a0")
	return strings.HasPrefix(after, "€") || strings.HasPrefix(after, "euro") || strings.HasPrefix(after, "eur") ||
		strings.HasSuffix(before, "€") || strings.HasSuffix(strings.ToLower(before), "eur")
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
	for _, d := range findDurations(body) {
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
		if m[2] > 0 && !pronouns[fold(first)] && len(first) >= 6 && ix.has(normWords(second)) &&
			strings.Contains(ix.lower, strings.ToLower(second)) && !ix.has(normWords(first)) {
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
			n += strings.Count(body, "ä") + strings.Count(body, "ö") + strings.Count(body, "ü") + strings.Count(body, "ß") +
				strings.Count(body, "Ä") + strings.Count(body, "Ö") + strings.Count(body, "Ü")
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

// --- sentences ---

// abbreviations end with a dot that does not end a sentence (folded,
// without the dot).
var abbreviations = map[string]bool{
	"z": true, "b": true, "ca": true, "nr": true, "str": true, "bzw": true, "usw": true, "vgl": true,
	"ggf": true, "evtl": true, "inkl": true, "zzgl": true, "u": true, "a": true, "d": true, "h": true,
	"etc": true, "e": true, "g": true, "i": true, "dr": true, "st": true, "abs": true, "art": true,
	"tel": true, "mo": true, "di": true, "mi": true, "do": true, "fr": true, "sa": true, "so": true,
	"max": true, "min": true, "mind": true, "gem": true, "bspw": true, "sog": true, "vs": true, "jan": true,
	"feb": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "okt": true,
	"nov": true, "dez": true, "co": true, "kfz": true, "hr": true, "fa": true, "s": true, "ff": true,
}

// sentenceEnd returns the end of the first sentence of buf: after its
// terminal punctuation and any citation markers that follow it, or at a
// line break. Without final, a sentence whose end cannot be told yet (the
// next word has not arrived) is not complete.
func sentenceEnd(buf string, final bool) (int, bool) {
	for i := 0; i < len(buf); i++ {
		c := buf[i]
		if c == '\n' {
			if strings.TrimSpace(buf[:i]) == "" {
				continue // leading blank lines belong to the sentence
			}
			return i, true
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(buf) && strings.IndexByte(")\"'»”“", buf[j]) >= 0 {
			j++
		}
		for j < len(buf) && strings.HasPrefix(buf[j:], "…") {
			j += len("…")
		}
		// Citation markers after the dot belong to this sentence.
		for {
			k := j
			for k < len(buf) && buf[k] == ' ' {
				k++
			}
			if k < len(buf) && buf[k] == '[' {
				loc := citationRE.FindStringIndex(buf[k:])
				if loc == nil || loc[0] != 0 {
					if !final && !strings.Contains(buf[k:], "]") && len(buf)-k < 16 {
						return 0, false // a marker may be arriving
					}
					break
				}
				j = k + loc[1]
				continue
			}
			break
		}
		if j == len(buf) {
			if final {
				return j, true
			}
			return 0, false
		}
		if !unicode.IsSpace(rune(buf[j])) {
			continue // "3.5", "www.example.de", "z.B."
		}
		// The next word decides.
		k := j
		for k < len(buf) && (buf[k] == ' ' || buf[k] == '\t') {
			k++
		}
		if k == len(buf) {
			if final {
				return j, true
			}
			return 0, false
		}
		if buf[k] == '\n' || buf[k] == '\r' {
			return j, true
		}
		if c == '.' && !dotEndsSentence(buf[:i], buf[k:]) {
			continue
		}
		return j, true
	}
	if final && strings.TrimSpace(buf) != "" {
		return len(buf), true
	}
	return 0, false
}

// dotEndsSentence decides a dot between before and next (the text after
// the spaces).
func dotEndsSentence(before, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(r) || unicode.IsDigit(r) {
		return false
	}
	// The word before the dot.
	k := len(before)
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:k])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		k -= size
	}
	prev := before[k:]
	if prev == "" {
		return true
	}
	if abbreviations[fold(prev)] {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(prev); unicode.IsDigit(r) {
		// "1. Ab 24 Jahren …": a list number at the start of a line.
		line := before[:k]
		if i := strings.LastIndexByte(line, '\n'); i >= 0 {
			line = line[i+1:]
		}
		if strings.TrimSpace(line) == "" && len(prev) <= 2 {
			return false
		}
		// "am 14. Juni", "3. Werktag": an ordinal before a month or a
		// noun is no sentence end; a figure at the end of a sentence is
		// rare in an answer that cites.
		nw := wordRE.FindString(next)
		if _, ok := months[fold(nw)]; ok {
			return false
		}
	}
	return true
}

// splitSentences returns the sentences of a complete text.
func splitSentences(s string) []string {
	var out []string
	for strings.TrimSpace(s) != "" {
		end, ok := sentenceEnd(s, true)
		if !ok || end == 0 {
			end = len(s)
		}
		if t := strings.TrimSpace(s[:end]); t != "" {
			out = append(out, t)
		}
		s = s[end:]
	}
	return out
}

// --- the streamed answer ---

// maxSentenceBytes bounds a sentence of a model answer; a longer run is
// checked in pieces.
const maxSentenceBytes = 2000

// answerStream receives the model's text token by token, cuts it into
// sentences, verifies each against the passages it cites and passes on
// only verified sentences, renumbered so that [k] is the k-th source.
//
// A sentence without a marker that states something is held until a
// sentence with a marker follows and is verified against the passages
// cited so far and that sentence's; at the end of the answer against all
// cited passages.
type answerStream struct {
	v    *verifier
	emit func(string) bool // a verified piece for the channel; false: stop

	buf      string
	lead     string // whitespace before the next sentence
	held     []heldSentence
	citedAll []int // passages cited by any sentence, in order
	ren      renumberer
	out      strings.Builder
	kept     int
	refused  []Refusal
	unknown  bool // a sentence cited a passage that was not given
	stopped  bool
}

type heldSentence struct{ lead, text string }

func newAnswerStream(v *verifier, emit func(string) bool) *answerStream {
	return &answerStream{v: v, emit: emit, ren: newRenumberer(v.ps)}
}

// write adds a token; it returns false once the channel stopped listening.
func (s *answerStream) write(tok string) bool {
	s.buf += tok
	for !s.stopped {
		end, ok := sentenceEnd(s.buf, false)
		if !ok && len(s.buf) > maxSentenceBytes {
			// A run-on "sentence" is checked in pieces, so that the scan
			// stays linear.
			if end = strings.LastIndexAny(s.buf, " \n"); end <= 0 {
				end = len(s.buf)
			}
			ok = true
		}
		if !ok {
			break
		}
		piece := s.buf[:end]
		s.buf = s.buf[end:]
		s.sentence(piece)
	}
	return !s.stopped
}

// close verifies the rest of the text at the end of the answer.
func (s *answerStream) close() bool {
	for !s.stopped && strings.TrimSpace(s.buf) != "" {
		end, _ := sentenceEnd(s.buf, true)
		if end == 0 {
			end = len(s.buf)
		}
		piece := s.buf[:end]
		s.buf = s.buf[end:]
		s.sentence(piece)
	}
	s.buf = ""
	if len(s.held) > 0 && !s.stopped {
		s.release(s.citedAll)
	}
	return !s.stopped
}

// sentence handles one complete sentence with its leading whitespace.
func (s *answerStream) sentence(piece string) {
	text := strings.TrimSpace(piece)
	lead := s.lead + piece[:len(piece)-len(strings.TrimLeft(piece, " \t\r\n"))]
	if text == "" {
		s.lead = lead
		return
	}
	s.lead = ""
	var cites []int
	for _, m := range citationRE.FindAllStringSubmatch(text, -1) {
		for _, n := range parseCitation(m[1]) {
			if n < 1 || n > len(s.v.ps) {
				s.unknown = true
				s.refuse(Refusal{Kind: claimCitation, Claim: m[0]}, text)
				return
			}
			if !slices.Contains(cites, n-1) {
				cites = append(cites, n-1)
			}
		}
	}
	body := citationRE.ReplaceAllString(text, " ")
	if len(cites) == 0 {
		if len(s.held) == 0 && !s.v.hasClaims(body) {
			if r := s.v.check(body, nil); len(r) > 0 { // the language
				s.refuse(r[0], text)
				return
			}
			s.send(lead, text)
			return
		}
		s.held = append(s.held, heldSentence{lead, text})
		return
	}
	for _, c := range cites {
		if !slices.Contains(s.citedAll, c) {
			s.citedAll = append(s.citedAll, c)
		}
	}
	if len(s.held) > 0 {
		s.release(s.citedAll)
	}
	if rs := s.v.check(body, s.v.index(cites)); len(rs) > 0 {
		s.refuse(rs[0], text)
		return
	}
	s.kept++
	s.send(lead, text)
}

// release verifies the held sentences against the passages at idx.
func (s *answerStream) release(idx []int) {
	held := s.held
	s.held = nil
	for _, h := range held {
		if s.stopped {
			return
		}
		body := citationRE.ReplaceAllString(h.text, " ")
		if len(idx) == 0 {
			s.refuse(Refusal{Kind: claimCitation, Claim: "[ ]"}, h.text)
			continue
		}
		if rs := s.v.check(body, s.v.index(idx)); len(rs) > 0 {
			s.refuse(rs[0], h.text)
			continue
		}
		s.kept++
		s.send(h.lead, h.text)
	}
}

func (s *answerStream) refuse(r Refusal, sentence string) {
	r.Sentence = Redact(truncateLLM(sentence, 300))
	s.refused = append(s.refused, r)
}

// send passes a verified sentence on, renumbered and without Markdown.
func (s *answerStream) send(lead, text string) {
	piece := s.ren.rewrite(lead + text)
	if s.out.Len() == 0 {
		piece = strings.TrimLeft(piece, " \t\r\n")
	}
	if piece == "" {
		return
	}
	s.out.WriteString(piece)
	if !s.emit(piece) {
		s.stopped = true
	}
}

// result returns the verified text, its sources and the verification; the
// answer is to be replaced when Replaced is set.
func (s *answerStream) result() (string, []Source, Verification) {
	vr := Verification{Refused: s.refused}
	switch {
	case len(s.citedAll) == 0 && !s.unknown:
		vr.Replaced = reasonNoCitation
	case s.kept == 0 || len(s.refused) > s.kept:
		vr.Replaced = reasonUnsupportedFact
		if s.unknown && len(s.refused) > 0 && s.refused[0].Kind == claimCitation {
			vr.Replaced = reasonUnknownCitation
		}
	}
	return strings.TrimSpace(s.out.String()), s.ren.sources, vr
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
