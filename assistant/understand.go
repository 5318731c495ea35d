// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/german"
)

// question is what the assistant understood of one message before it
// looks anything up: the words that name what is meant, every facet asked,
// the asker's situation and the life events the message states. It holds
// general German only; the knowledge base's own titles and synonyms come in
// when candidates are scored.
type question struct {
	text string // the search text: the message, plus German terms
	// context are the words of the services the life events lead to; they
	// are searched for, but count less than the message's own words.
	context string
	terms   queryTerms
	facets  []knowledge.Facet
	sit     situation
	// events are the stems of the words life events add ("umgezogen" →
	// umzug, ummeld, wohnsitz, anmeld); they count as named by the
	// question when a document's names contain them.
	events []string
	// dates are the days of the calendar the question names ("am 17.
	// Dezember", "an Silvester", "morgen").
	dates []dayOfYear
	// followUp is true for a question about the conversation's focus
	// document ("kann ich mir den dann schicken lassen"): the document is
	// named by the conversation, not by the question.
	followUp bool
	// codes are identifiers the asker typed ("DR-RH-2-01", "B 96"): a
	// passage that holds one answers about it.
	codes []string
	// located are the stems of the words of an address the asker pastes
	// ("smb://c206.hsr.ch/skripte", "/mnt/data/run1"): it says what they
	// use, not what they ask, so a passage that repeats it does not
	// answer for that.
	located map[string]bool
	// want are the kinds of value the question words ask for: "ab wann",
	// "wie lange" a time span or date, "wie viel kostet" an amount.
	want valueKind
	// trouble is true for a question why something fails ("Woran liegt
	// das?", "funktioniert nicht"): notes and conditions answer it.
	trouble bool
	// cues are the lexicon sections of sentences that answer what the
	// question asks whatever its words (answerCues): "was passiert,
	// wenn man nicht zahlt" is answered by a sentence about a fine, "wem
	// muss ich das noch sagen" by one that says whom to inform.
	cues []string
	// platform is the operating system the asker names ("vom MacBook
	// aus" → "mac"), "" when none: an article's section for another
	// one does not answer.
	platform string
	// validity is true for a question how long something is valid ("wie
	// lange gilt der"): a deadline or a processing time does not answer
	// it.
	validity bool
	// onlyFact is true for a short message that only adds a fact about
	// the asker to the previous question ("ich bin 19", "für meine
	// Tochter"), without naming anything new or asking for a facet.
	onlyFact bool
	// amountOnly: the cost facet comes only from an amount the asker
	// states ("da sind nur 5 Euro drin").
	amountOnly bool
	// receive: the amount asked is what the asker gets ("wie viel
	// Wohngeld bekomme ich"), not a fee: a fee schedule does not answer.
	receive bool
	// asksAge: the question asks how old one must be ("ab welchem Alter",
	// "wie alt muss man sein"): a statute's § titled with the age
	// ("§ 10 Mindestalter") answers.
	asksAge bool
	// asksWho: the question asks who ("wer darf?", "für wen …"): a
	// section that says whom the service is for answers who may.
	asksWho bool
	// mayI: a sentence asks whether the asker may or gets something
	// ("Kann ich …?", "Krieg ich trotzdem …?", "Dürfen wir …?"): when
	// no facet is asked, the conditions answer first.
	mayI bool
	// contrast is true for a short message that qualifies the previous
	// question with "aber" or "allerdings" ("das Auto ist aber ein
	// Dienstwagen"): it adds a fact to that question, whatever it names.
	contrast bool
	// statement is true for a message that asks nothing, names no life
	// event and no facet ("ich wohne in Lyon und bin vier Monate für ein
	// Projekt hier"): after a question it adds facts to it.
	statement bool
	// own are the content stems of the message alone (lex.terms of the
	// turn's query), nil when understand did not analyse it alone.
	own []string
	// yesNo holds, for each part of the message that asks a yes-or-no
	// question next to a part that asks a facet (lexicon.yesNoParts),
	// the content stems of that part: a sentence that holds them answers
	// it, the facet's section does not.
	yesNo [][]string
}

// situation is what the asker says about themselves that changes the
// answer: their age, whether it is for a child, and what happened.
type situation struct {
	age    int  // years, 0 when not said
	child  bool // asks for a child or minor
	adult  bool // says they are an adult
	lost   bool
	stolen bool
	found  bool // a lost thing turned up again
	first  bool // first time ("erstmalig", "zum ersten Mal")
	renew  bool // renewal ("verlängern", "abgelaufen")
	proxy  bool // someone else acts for the asker ("kann meine Frau für mich …")
	// absent: the person concerned cannot or would rather not come
	// ("ohne hinzukommen", "muss er wirklich mit?", "liegt im
	// Krankenhaus").
	absent bool
	urgent bool // in a hurry ("ich fliege übermorgen", "ganz dringend")
	// foreign is a foreign element: the asker or a partner from abroad
	// ("meine Verlobte kommt aus Marokko"). It picks a table's line, not
	// the document.
	foreign bool
	// status holds stems of the words for the asker's status that fee
	// tables name ("studierend", "schul" for a student or pupil).
	status []string
	// household is the number of people the asker's household has
	// ("wir sind zu dritt", "4-köpfige Familie"), 0 when not said.
	household int
	// size is a quantity the asker states with its unit ("240 Liter",
	// "35 Stunden"), as "240 liter", "" when none; a table line for it
	// is stated first.
	size string
	// thingAge is the age of a thing the asker states in days, weeks or
	// months, as "N tage" ("der Welpe ist erst 9 Wochen alt" → "63 tage"):
	// a follow-up that adds it is answered by the condition it meets
	// (thingAgeCondition).
	thingAge string
	// income is the yearly income in euros the asker states ("wir
	// verdienen zusammen ca. 48.000 im Jahr"), 0 when none; the line of
	// a table by income bracket that holds it is stated first.
	income int
	// count is a number of things the asker states ("unser Haus hat zwei
	// Vollgeschosse", "3 Zimmer"), as the number and the thing's stem
	// ("2 vollgeschoss"), "" when none; the one line of a table or list
	// for that many is stated first.
	count string
}

// words returns the stems by which a document's names speak of the
// situation: "kind" for a child, "verlust" for a loss.
func (s situation) words() []string {
	var out []string
	if s.child {
		out = append(out, "kind", "minderjahrig", "jugend")
	}
	if s.lost || s.stolen {
		out = append(out, "verlust")
	}
	if s.stolen {
		out = append(out, "diebstahl")
	}
	if s.proxy {
		out = append(out, "vollmacht", "bevollmacht", "vertret")
	}
	if s.urgent {
		// What is issued provisionally or fast: "vorläufiger Ausweis",
		// "Express-Reisepass".
		out = append(out, "vorlaufig", "express")
	}
	if s.age >= minSeniorAge {
		// "ich bin 81": what holds for "ältere Menschen", "Senioren".
		out = append(out, stem("aeltere"), "senior")
	}
	out = append(out, s.status...)
	return out
}

// minSeniorAge is the age from which the asker is one of the "ältere
// Menschen" or "Senioren" pages speak of.
const minSeniorAge = 65

// lineStatus returns the stems by which a line of a table or list names
// the asker's status: the status words, and those of a foreign element.
func (s situation) lineStatus() []string {
	if !s.foreign {
		return s.status
	}
	return slices.Concat(s.status, foreignStatus)
}

func (s situation) any() bool {
	return s.age > 0 || s.child || s.adult || s.lost || s.stolen || s.first || s.renew || s.proxy || s.urgent || s.foreign || len(s.status) > 0 || s.household > 0 || s.size != "" || s.income > 0 || s.count != ""
}

var (
	// locatorRE matches an address of a resource: a URL with its scheme,
	// a network share, a file path of two or more directories.
	locatorRE = regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.-]*://\S+|\\\\\S+|(?:^|\s)(?:/[\w.$-]+){2,}/?`)
	// codeRE matches identifiers such as device names and form numbers.
	codeRE = regexp.MustCompile(`\b[\pL\d]+(?:[-/.][\pL\d]+){2,}\b`)
	// ageRE finds an age: "ich bin 45", "45 Jahre alt", "mein Sohn ist 12",
	// "er ist 12.", "(17)", "I am 19 years old".
	ageRE = regexp.MustCompile(`(?i)(?:(?:^|[^\pL\d])(?:(unter|juenger als|jünger als|under|younger than)|(über|ueber|aelter als|älter als|over|older than))\s+)?` + `(?i)(?:\b(?:bin|ist|sind|wird|werde|am|i'm|im|is)\s+(?:jetzt\s+|erst\s+|schon\s+|gerade\s+)?(\d{1,3})\b(?:\s*(?:jahre|jahren|j\.|years?))?|\b(\d{1,3})\s*(?:jahre|jahren|jährig|jaehrig|years?)\b(?:\s*alt|\s*old)?)`)
)

// locators returns the first four addresses of a resource in s, as
// locatorRE finds them. Each holds a slash or a backslash, so a message
// with neither skips the expression.
func locators(s string) []string {
	if !strings.ContainsAny(s, `/\`) {
		return nil
	}
	return locatorRE.FindAllString(s, 4)
}

// dateTimeRE finds a day of a month ("17. Dezember", "17.12.") or a time
// of day ("17 Uhr", "17:30"), which an age is not.
var dateTimeRE = regexp.MustCompile(`(?i)\b\d{1,2}\.\s*(?:\d{1,2}\.|(?:` + monthNames + `)\b)|\b\d{1,2}(?::\d\d)?\s*uhr\b|\b\d{1,2}:\d\d\b`)

// ageWithRE finds an age said with "mit": "mit 17 schon", "mit 16
// Jahren", "mit 15?"; not "mit 2 Kindern", nor a number with decimals
// ("mit 1,8 Promille", "mit 2.5 Tonnen").
// ageSoonRE finds the age one turns, with words of time between ("wird im
// März 16"); soonWords are the words it allows there beside the months.
var ageSoonRE = regexp.MustCompile(`\b(?:wird|werde|wirst|werden)\s+((?:\p{L}+\s+){1,3})(\d{1,3})\b`)

var soonWords = map[string]bool{
	"im": true, "am": true, "ab": true, "in": true, "ende": true, "anfang": true, "mitte": true, "bald": true, "erst": true,
	"schon": true, "jetzt": true, "morgen": true, "nächsten": true, "naechsten": true, "nächste": true, "naechste": true,
	"kommenden": true, "diesen": true, "diesem": true, "dieses": true, "monat": true, "jahr": true, "woche": true, "sommer": true, "herbst": true, "winter": true, "frühjahr": true,
}

var ageWithRE = regexp.MustCompile(`\bmit\s+(\d{1,2})(?:\s+jahren)?(?:\s+(?:schon|noch|bereits|allein|alleine|selbst|ohne|auch)\b|\s*[,?.!](?:\D|$)|\s*$)`)

// spelledFromCyrillic gives each word of ws written in Cyrillic that
// German spelling turns into another word ("Кіндергельд" → "kindergeld")
// that word as an alternative in q and among the words it says (names
// are matched against these), and returns the spelled words for the
// retrieval text ("" when there are none). Alternatives only count where
// they match, so a Russian or Ukrainian word that is no German one costs
// the question nothing.
func spelledFromCyrillic(q *queryTerms, ws []string) string {
	var extra strings.Builder
	for _, w := range ws {
		l := german.FromCyrillic(w)
		if l == w || len(l) < minSpelledLen {
			continue
		}
		if q.alts == nil {
			q.alts = map[string][]string{}
		}
		s := stem(w)
		q.alts[s] = append(q.alts[s], stem(l))
		q.stems[stem(l)] = true
		extra.WriteString(" " + l)
	}
	return extra.String()
}

// minSpelledLen is the length of the shortest word spelled from Cyrillic
// worth looking for: short words are the language's own ("для", "как").
const minSpelledLen = 6

// platforms maps the words that name an operating system, a device or a
// distribution to the system ("macbook" → "mac", "ubuntu" → "linux").
var platforms = map[string]string{
	"mac": "mac", "macbook": "mac", "macos": "mac", "osx": "mac", "imac": "mac",
	"windows": "windows", "win10": "windows", "win11": "windows",
	"linux": "linux", "ubuntu": "linux", "debian": "linux", "fedora": "linux", "gnome": "linux", "kde": "linux",
	"iphone": "ios", "ipad": "ios", "ios": "ios", "ipados": "ios",
	"android": "android",
}

// platformOf returns the operating system ws name, "" when they name
// none or several ("ein Windows-Programm, aber nur Linux").
func platformOf(ws []string) string {
	found := ""
	for _, w := range ws {
		if p, ok := platforms[w]; ok {
			if found != "" && found != p {
				return ""
			}
			found = p
		}
	}
	return found
}

// understand analyses the message of turn t.
func (a *Assistant) understand(t *turn) question {
	q := question{text: t.query}
	lx := a.lexOf(t)
	ws := t.sig.words // the words of t.red
	if t.query != t.red {
		ws = lx.words(t.query)
	}
	// "Wie läuft das ab?" asks the procedure: no expiry, no renewal.
	evWords, _ := lx.withoutHowItRuns(ws)
	for _, cl := range strings.FieldsFunc(t.query, func(r rune) bool { return r == ',' || r == ';' || r == '.' || r == '?' || r == '!' }) {
		cws := lx.words(cl)
		if v := separableVerb(a.lex, cws); v != "" {
			// "Wie melde ich mein Gewerbe ab?" asks about "abmelden",
			// "ich melde meine Frau gleich mit an, …" about "anmelden".
			q.text += " " + v
			if _, how := lx.withoutHowItRuns(cws); !how {
				evWords = append(slices.Clip(evWords), v)
			}
		}
	}
	// The town's own name is in every document of its knowledge base and
	// names none of them: "ich bin nach Beispielfeld gezogen" is about
	// moving, not about the page that says "Beispielfeld" most often.
	q.text = withoutWords(q.text, a.orgWords)
	q.terms = lx.terms(q.text)
	if q.text == t.query {
		// The message's own content words, as a follow-up's resolution
		// reads them (lex.terms(t.query)), before anything below adds
		// to them or takes from them.
		q.own = slices.Clone(q.terms.content)
	}
	q.text += spelledFromCyrillic(&q.terms, ws)
	q.dates = askedDates(german.Fold(t.query), ws, a.cfg.Now())
	ev, purposes := lx.lifeEvents(evWords)
	if ask := askingPart(t.red); ev != "" && ask != t.red {
		// "Am 15. ziehen wir um. Wie kriegen wir eine Parkfläche frei?":
		// a life event in the asking sentence is the topic; the one the
		// asker states before it is the circumstance.
		if evAsk, _ := lx.lifeEvents(lx.words(ask)); evAsk != "" {
			ev = evAsk
		}
	}
	clauses := clauseWords(lx, t.query)
	if ps := purposeWords(clauses); len(ps) > 0 {
		q.terms.purpose = map[string]bool{}
		for _, s := range ps {
			q.terms.purpose[s] = true
		}
	}
	req := requesters(clauses)
	req = append(req, lx.eventsPast(clauses)...)
	if off := offered(clauses); len(off) > 0 {
		// "Reicht mein Personalausweis, wenn ich die Geburtsurkunde für
		// meinen Bruder abhole?": the paper the asker offers as enough is
		// what they bring, not what they ask about.
		req = append(req, off...)
	}
	if len(req) > 0 {
		// "die Kita will ne Meldebescheinigung von uns sehen": who wants
		// a paper from the asker names no document; the paper is what
		// is asked. Its words still tell which of the paper's pages fits
		// ("der Arbeitgeber will es direkt zugeschickt bekommen").
		if q.terms.inName == nil {
			q.terms.inName = map[string]bool{}
		}
		q.terms.requester = map[string]bool{}
		for _, s := range req {
			q.terms.inName[s] = true
			q.terms.requester[s] = true
		}
	}
	if len(purposes) > 0 {
		// What something is needed for names no document to answer from.
		q.terms.content = slices.DeleteFunc(q.terms.content, func(s string) bool { return slices.Contains(purposes, s) })
	}
	if ev != "" {
		// The services a life event leads to are searched for and count
		// as named, but they are not words the asker wrote: a question
		// that names its service ("Halteverbot für den Umzug") is about
		// that service, not about moving.
		q.context = ev
		seen := map[string]bool{}
		for _, w := range words(ev) {
			if s := stem(w); !seen[s] && !lx.has("noise", w) {
				seen[s] = true
				q.events = append(q.events, s)
				if !q.terms.stems[s] {
					if q.terms.eventOnly == nil {
						q.terms.eventOnly = map[string]bool{}
					}
					q.terms.eventOnly[s] = true
				}
				q.terms.stems[s] = true
			}
		}
	}
	nOffices := len(lx.offices)
	var buf [16]int
	for _, i := range lx.officeIndex.candidates(ws, buf[:0]) {
		o := lx.officeOrAlternative(i)
		if !o.mayMatch(ws) || o.employee && audience(t.conv) != knowledge.Employee {
			continue
		}
		start, ok := o.pattern.find(ws)
		if !ok {
			continue
		}
		if end, _ := o.pattern.matchAt(ws, start); i < nOffices && end-start > 1 {
			// The words of an office's name of several words ("service
			// desk") name that office, not each a document of its own
			// ("General characteristics of the services").
			if q.terms.inName == nil {
				q.terms.inName = map[string]bool{}
			}
			for _, w := range ws[start:end] {
				q.terms.inName[stem(w)] = true
			}
		}
		q.text += " " + o.de
		// The office's other names are alternatives to the word asked,
		// not further words the answer must contain.
		s := stem(german.DropZuInfix(ws[start]))
		if q.terms.alts == nil {
			q.terms.alts = map[string][]string{}
		}
		for _, w := range words(o.de) {
			q.terms.alts[s] = append(q.terms.alts[s], stem(w))
		}
		if q.terms.listed == nil {
			q.terms.listed = map[string]bool{}
		}
		q.terms.listed[s] = true
	}
	// The facets are what the asking sentences ask, with the German
	// words a question in another language was given.
	asked := t.query
	askPart := askingPart(t.red) // read again for the parts asking yes or no below
	if rest, ok := strings.CutPrefix(t.query, t.red); ok {
		part := askPart
		if t.lang == "de" {
			// "… will abends noch Gartenpflege machen. muss die dafür
			// ein Gewerbe anmelden": the sentences that ask, not the
			// story told before them.
			part = lx.questionSentences(part)
		}
		asked = part + rest
	}
	q.facets = lx.detectFacets(asked)
	q.want = lx.wantedValues(asked)
	askedWords := lx.words(asked)
	if len(q.facets) == 0 && q.want == 0 && asked != t.query && lx.match("what_now", askedWords) {
		// "… die Briefe sind nicht gekommen. Was kann ich jetzt
		// machen?": a question what to do now asks about the trouble
		// the story tells.
		q.facets = lx.detectFacets(t.query)
	}
	askedAsks := len(q.facets) > 0 || q.want != 0 // lexicon.asksFacetOrValue(asked)
	if len(q.facets) == 0 && q.want == valMoney {
		// "Wie viel Elterngeld bekommt man?" asks for an amount as "was
		// kostet" does.
		q.facets = []knowledge.Facet{knowledge.FacetKosten}
	}
	if rest := withoutStatedAmounts(askedWords); len(rest) != len(askedWords) && containsFacet(q.facets, knowledge.FacetKosten) &&
		!containsFacet(lx.detectFacets(strings.Join(rest, " ")), knowledge.FacetKosten) {
		// "da sind nur 5 Euro drin": the cost came only from an amount
		// the asker states. It is compared with the amounts the sources
		// state ("weniger als 10 Euro"), not answered with a fee table.
		q.amountOnly = true
	}
	q.receive = containsFacet(q.facets, knowledge.FacetKosten) && lx.match("ask_receive", askedWords)
	q.asksAge = lx.match("ask_age", askedWords)
	q.asksWho = lx.match("ask_who", askedWords)
	q.mayI = len(q.facets) == 0 && asksMayI(lx, t.red) // read only when it can matter
	if lx.match("length", askedWords) && !lx.match("validity", askedWords) {
		// "Wie lang muss das Passwort sein?" asks a size ("12
		// Zeichen"), not a time span.
		q.want &^= valSpan | valDate
	}
	q.trouble = lx.match("ask_trouble", askedWords)
	for _, c := range answerCues {
		if lx.match(c.ask, askedWords) || c.ask == "ask_duty" && dutyQuestion(lx, t.red) {
			q.cues = append(q.cues, c.text)
		}
	}
	q.platform = platformOf(ws) // the words of t.query
	q.validity = containsFacet(q.facets, knowledge.FacetFristen) && lx.match("validity", askedWords)
	if len(q.facets) > 0 && t.lang == "de" {
		for _, part := range lx.yesNoParts(askPart, asked, askedAsks) {
			var sts []string
			for _, w := range lx.words(part) {
				if s := stem(german.DropZuInfix(w)); slices.Contains(q.terms.content, s) && !slices.Contains(sts, s) {
					sts = append(sts, s)
				}
			}
			if len(sts) >= minYesNoStems {
				q.yesNo = append(q.yesNo, sts)
			}
			if len(q.yesNo) == maxYesNoParts {
				break
			}
		}
	}
	if strings.ContainsAny(t.red, "0123456789") { // only a code with a digit counts
		for _, c := range codeRE.FindAllString(t.red, 8) {
			if strings.ContainsAny(c, "0123456789") {
				q.codes = append(q.codes, strings.ToLower(c))
			}
		}
	}
	for _, loc := range locators(t.red) {
		if q.located == nil {
			q.located = map[string]bool{}
		}
		for _, w := range words(loc) {
			q.located[stem(w)] = true
		}
		q.codes = slices.DeleteFunc(q.codes, func(c string) bool { return strings.Contains(strings.ToLower(loc), c) })
	}
	// A technical identifier pasted from a message ("QOSGrpCpuLimit",
	// "ERR_CERT_DATE_INVALID") is a code too, digits or not.
	var idents [8]string
	for _, c := range appendIdents(idents[:0], t.red, len(idents)) {
		if technicalIdent(c) {
			q.codes = append(q.codes, strings.ToLower(c))
		}
	}
	q.sit = lx.situationOf(t.red, ws)
	// "mein Sohn" names the "Pass für Kinder".
	for _, s := range q.sit.words() {
		q.terms.stems[s] = true
	}
	q.onlyFact = q.sit.any() && len(q.terms.content) <= 3 && len(q.facets) == 0 && len(ws) <= maxFollowUpWords
	q.contrast = len(q.facets) == 0 && len(ws) <= maxContrastWords && lx.match("followup_contrast", ws)
	q.statement = len(q.facets) == 0 && len(q.events) == 0 && len(ws) <= maxContrastWords && a.states(t.red, ws)
	return q
}

// withoutHowItRuns returns ws without its first "wie läuft das ab", and
// whether there was one: the question asks the procedure, and "läuft …
// ab" is no expiry there.
func (lx *lexicon) withoutHowItRuns(ws []string) ([]string, bool) {
	for _, sp := range lx.spans("how_it_runs", ws) {
		return slices.Concat(ws[:sp[0]], ws[sp[1]:]), true
	}
	return ws, false
}

// lifeEvents returns the German service words of the life events in ws,
// and the stems of the words of events stated as a purpose ("für meine
// Hochzeit"), which lead to no service.
func (lx *lexicon) lifeEvents(ws []string) (string, []string) {
	used := make([]bool, len(ws))
	var out, purposes []string
	var buf [16]int
	for _, i := range lx.eventIndex.candidates(ws, buf[:0]) {
		e := &lx.events[i]
		if !e.mayMatch(ws) {
			continue
		}
		lead := e.pattern.lead()
		for start := range ws {
			if !lead.begins(ws[start]) {
				continue // (as in find: no match starts there)
			}
			end, ok := e.pattern.matchAt(ws, start)
			if !ok {
				continue
			}
			free := true
			for i := start; i < end; i++ {
				if used[i] {
					free = false
				}
			}
			if !free {
				continue
			}
			for i := start; i < end; i++ {
				used[i] = true
			}
			if purpose(ws, start) {
				// "eine Geburtsurkunde für meine Hochzeit": the event is
				// what the thing asked for is needed for, not the topic.
				for i := start; i < end; i++ {
					purposes = append(purposes, stem(ws[i]))
				}
				break
			}
			out = append(out, e.de)
			break
		}
	}
	if len(out) > 0 && movesAbroad(lx, ws, out) {
		// "wir ziehen nach Österreich": moving away, abroad, which is
		// no registration here ("Umzug nach Spanien … abmelden").
		out = slices.DeleteFunc(out, func(e string) bool { return strings.Contains(e, "Umzug") })
		out = append(out, "Wegzug Wohnsitz abmelden Ausland")
	}
	return strings.Join(out, " "), purposes
}

// movesAbroad reports whether the events found in ws are a move (and not
// yet one away) and ws name a country after "nach" or "in", next to a
// verb of moving ("wir ziehen nach Österreich"; not "… umgezogen, kann
// ich mit dem Pass noch nach Kanada").
func movesAbroad(lx *lexicon, ws []string, events []string) bool {
	move := false
	for _, e := range events {
		if strings.Contains(e, "Wegzug") {
			return false
		}
		move = move || strings.Contains(e, "Umzug")
	}
	if !move {
		return false
	}
	for i := 1; i < len(ws); i++ {
		if lx.has("foreign_country", ws[i]) && (ws[i-1] == "nach" || ws[i-1] == "in" || ws[i-1] == "die" && i >= 2 && ws[i-2] == "in") &&
			slices.ContainsFunc(ws[max(0, i-4):min(len(ws), i+4)], movingVerb) {
			return true
		}
	}
	return false
}

// purpose reports whether the words before ws[start] make it a purpose
// ("für meine Hochzeit", "zur Einschulung", "for our wedding") or a
// circumstance ("beim Umzug verloren", "während der Hochzeit", "nach der
// Hochzeit ändern") of
// something the question names before it.
func purpose(ws []string, start int) bool {
	i := start - 1
	if i >= 0 && purposeDeterminers[ws[i]] {
		i--
	}
	if i < 1 {
		return false // "Für unsere Hochzeit …" at the start is the topic
	}
	switch ws[i] {
	case "fuer", "zur", "zum", "for", "beim", "bei", "waehrend", "during", "nach", "seit", "after", "since":
		// "… nach der Hochzeit ändern", "seit dem Umzug": when, not what.
		return true
	case "auf":
		// "am Wahlsonntag auf ner Hochzeit": a guest's whereabouts (not
		// "kommt auf den Schrottplatz").
		return guestDeterminers[ws[start-1]]
	}
	return false
}

// clauseWords returns the words of each clause of text (lx's words: not
// to be written to).
func clauseWords(lx *lexicon, text string) [][]string {
	var out [][]string
	for _, clause := range strings.FieldsFunc(text, isClauseBreak) {
		out = append(out, lx.words(clause))
	}
	return out
}

// purposeWords returns the stems of the words after "für" in one of the
// clauses that says the asker needs something ("ich brauche ein Führungszeugnis
// für die Jugendarbeit im Sportverein", "wir benötigen eine
// Meldebescheinigung für den Kindergarten").
func purposeWords(clauses [][]string) []string {
	var out []string
	for _, ws := range clauses {
		need := slices.IndexFunc(ws, needWord)
		if need < 0 {
			continue
		}
		f := slices.Index(ws[need:], "fuer")
		if f < 2 || !slices.ContainsFunc(ws[need+1:need+f], func(w string) bool { return thingDeterminers[w] || newThing[w] }) {
			// The thing needed, with its article, stands between the
			// verb and "für" ("was brauche ich für ein Führungszeugnis"
			// needs it for nothing).
			continue
		}
		for _, w := range ws[need+f+1:] {
			if !purposeDeterminers[w] {
				out = append(out, stem(w))
			}
		}
	}
	return out
}

// eventsPast returns the stems of a life event the asker dates
// something by ("seit unserer Hochzeit trage ich den Namen meiner Frau",
// "nach dem Umzug"): the event has happened; its own service (registering
// the marriage) is done, and the event names no page to answer from.
// Only a word that is a life event by itself counts: "nach der Abmeldung
// des Autos" dates by a service the asker may ask about.
func (lx *lexicon) eventsPast(clauses [][]string) []string {
	var out []string
	for _, ws := range clauses {
		for i := 0; i+2 < len(ws); i++ {
			if !sinceWords[ws[i]] || !eventDeterminers[ws[i+1]] {
				continue
			}
			if ev, _ := lx.lifeEvents(ws[i+2 : i+3]); ev != "" {
				out = append(out, stem(ws[i+2]))
			}
		}
	}
	return out
}

// sinceWords date something by an event before it.
var sinceWords = map[string]bool{"seit": true, "nach": true, "since": true, "after": true}

// eventDeterminers stand between a sinceWord and the event.
var eventDeterminers = map[string]bool{
	"der": true, "dem": true, "unserer": true, "unserem": true, "meiner": true, "meinem": true,
	"ihrer": true, "ihrem": true, "seiner": true, "seinem": true, "the": true, "our": true, "my": true,
}

// newThing stands for the thing needed, named before ("Führungszeugnis
// verloren, brauche neues für den Job").
var newThing = map[string]bool{"neues": true, "neue": true, "neuen": true, "neuer": true, "eins": true}

// needWord reports whether w says the asker needs something.
func needWord(w string) bool {
	return strings.HasPrefix(w, "brauch") || strings.HasPrefix(w, "benoetig")
}

// requesters returns the stems of whoever, in one of the clauses, wants a
// paper from the asker: "die Kita will ne Meldebescheinigung von uns
// sehen", "der Arbeitgeber verlangt ein Führungszeugnis", "mein Vermieter
// möchte eine Wohnungsgeberbestätigung haben". The clause opens with the
// requester (a determiner and up to two words), then a verb of wanting,
// then the thing wanted with its article; "wollen" and "möchten" need a
// verb of getting or seeing after it ("die Kita will wissen, …" asks
// nothing of a paper).
func requesters(clauses [][]string) []string {
	var out []string
	for _, ws := range clauses {
		if len(ws) < 4 || !requesterDeterminers[ws[0]] {
			continue
		}
		v := slices.IndexFunc(ws[1:min(len(ws), 4)], func(w string) bool { return wantVerbs[w] != 0 }) + 1
		if v < 2 || v+1 >= len(ws) || !thingDeterminers[ws[v+1]] {
			continue
		}
		if wantVerbs[ws[v]] == wantsWithVerb && !slices.ContainsFunc(ws[v+2:], func(w string) bool { return gettingWords[w] }) {
			continue
		}
		for _, w := range ws[1:v] {
			out = append(out, stem(w))
		}
	}
	return out
}

// offered returns the stems of the thing the asker asks to be enough
// ("Reicht mein Personalausweis, wenn ich …", "genügt eine Kopie"), when
// the message names another thing with its article after it: that other
// thing is the matter.
func offered(clauses [][]string) []string {
	var out []string
	for c, ws := range clauses {
		v := slices.IndexFunc(ws[:min(len(ws), 2)], func(w string) bool { return enoughVerbs[w] })
		if v < 0 || v+2 >= len(ws) || !thingDeterminers[ws[v+1]] {
			continue
		}
		end := v + 2
		for end < len(ws) && end < v+4 && !german.StopWord(ws[end]) {
			end++
		}
		other := slices.ContainsFunc(ws[end:], func(w string) bool { return thingDeterminers[w] })
		for _, later := range clauses[c+1:] {
			other = other || slices.ContainsFunc(later, func(w string) bool { return thingDeterminers[w] })
		}
		if !other {
			continue
		}
		for _, w := range ws[v+2 : end] {
			out = append(out, stem(w))
		}
	}
	return out
}

// enoughVerbs ask whether something is enough.
var enoughVerbs = map[string]bool{"reicht": true, "reichen": true, "genuegt": true, "genuegen": true}

const (
	wantsAlone    = 1 // "verlangt ein Führungszeugnis"
	wantsWithVerb = 2 // "will ein Führungszeugnis sehen"
)

// wantVerbs are the verbs by which someone wants a paper of the asker.
var wantVerbs = map[string]int{
	"verlangt": wantsAlone, "verlangen": wantsAlone, "fordert": wantsAlone, "fordern": wantsAlone,
	"will": wantsWithVerb, "wollen": wantsWithVerb, "moechte": wantsWithVerb, "moechten": wantsWithVerb,
}

// gettingWords complete "will … sehen", "möchte … von mir haben".
var gettingWords = map[string]bool{
	"sehen": true, "haben": true, "vorgelegt": true, "vorlegen": true, "bekommen": true, "von": true,
	"zugeschickt": true, "zuschicken": true, "kriegen": true,
}

// requesterDeterminers open a requester ("die Kita", "mein Vermieter").
var requesterDeterminers = map[string]bool{
	"die": true, "der": true, "das": true, "mein": true, "meine": true, "unser": true, "unsere": true,
}

// thingDeterminers open the thing wanted ("ne Meldebescheinigung", "den
// Mietvertrag").
var thingDeterminers = map[string]bool{
	"ne": true, "eine": true, "einen": true, "ein": true, "nen": true, "n": true,
	"die": true, "den": true, "das": true, "meine": true, "meinen": true, "mein": true, "unsere": true, "unseren": true,
}

// purposeDeterminers may stand between "für" and the event.
var purposeDeterminers = map[string]bool{
	"die": true, "den": true, "das": true, "meine": true, "meinen": true, "unsere": true, "unseren": true,
	"eine": true, "einen": true, "the": true, "my": true, "our": true, "a": true,
	"dem": true, "der": true, "des": true, "einer": true, "ner": true, "einem": true, "nem": true,
}

// spanWords are the words before "N Jahre" that make it a span of time.
var spanWords = map[string]bool{
	"vor": true, "seit": true, "noch": true, "fuer": true, "für": true, "in": true, "nach": true, "alle": true,
	"etwa": true, "ca": true, "circa": true, "knapp": true, "nur": true, "schon": true, "bereits": true, "ueber": true, "über": true,
	"letzten": true, "ersten": true, "naechsten": true, "nächsten": true, "den": true, "die": true, "innerhalb": true, "binnen": true,
	"for": true, "ago": true, "since": true,
	// A verb of living, working or lasting before it ("arbeitet 3 Jahre
	// in Lager", "ich wohne 5 Jahre hier", as learners say it without
	// "seit"): how long, not how old.
	"arbeite": true, "arbeitet": true, "arbeiten": true, "gearbeitet": true, "wohne": true, "wohnt": true, "wohnen": true,
	"gewohnt": true, "lebe": true, "lebt": true, "leben": true, "gelebt": true, "studiere": true, "studiert": true,
	"bleibe": true, "bleibt": true, "bleiben": true, "verheiratet": true, "zusammen": true, "dauert": true, "lange": true,
	"work": true, "worked": true, "lived": true, "live": true,
}

// spanBefore reports whether the text before a number ends in one of
// spanWords.
func spanBefore(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	return len(f) > 0 && spanWords[strings.Trim(f[len(f)-1], ".,;:!?")]
}

// otherUnits are the words after a number that make it something else
// than an age in years: a span of weeks or months, a distance, an amount.
var otherUnits = map[string]bool{
	"tag": true, "tage": true, "tagen": true, "woche": true, "wochen": true, "monat": true, "monate": true, "monaten": true,
	"stunde": true, "stunden": true, "minuten": true, "days": true, "weeks": true, "months": true, "hours": true,
	"euro": true, "eur": true, "km": true, "kilometer": true, "meter": true, "kg": true, "uhr": true, "prozent": true,
}

// notYears reports whether rest, the text after a number, opens with one
// of otherUnits.
func notYears(rest string) bool {
	f, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
	return otherUnits[strings.ToLower(strings.Trim(f, ".,;:!?"))]
}

// guestDeterminers say that an event one is at is someone else's ("auf
// einer Hochzeit", "auf nem Geburtstag").
var guestDeterminers = map[string]bool{"einer": true, "ner": true, "einem": true, "nem": true}

// situationOf reads the asker's situation from text (redacted) and its
// folded words ws.
func (lx *lexicon) situationOf(text string, ws []string) situation {
	var s situation
	var ages [][]string
	if strings.ContainsAny(text, "0123456789") { // an age needs a digit
		// "am 17. Dezember" and "am 17 Uhr" are a day and a time.
		text = dateTimeRE.ReplaceAllString(text, " ")
		for _, ix := range ageRE.FindAllStringSubmatchIndex(text, -1) {
			if ix[6] >= 0 && notYears(text[ix[1]:]) {
				// "ist erst 9 Wochen alt" (a puppy, a baby) is no age in
				// years; "bin 17 km weg" none at all.
				continue
			}
			if m := strings.ToLower(text[ix[0]:ix[1]]); ix[8] >= 0 && ix[2] < 0 && ix[4] < 0 && !strings.HasSuffix(m, "alt") && !strings.HasSuffix(m, "old") && spanBefore(text[:ix[8]]) {
				// "das Foto ist von vor 9 Jahren", "seit 3 Jahren", "noch 3
				// Jahre gültig": a span of time, not an age.
				continue
			}
			m := make([]string, len(ix)/2)
			for k := range m {
				if ix[2*k] >= 0 {
					m[k] = text[ix[2*k]:ix[2*k+1]]
				}
			}
			ages = append(ages, m)
		}
	}
	for _, m := range ages {
		n := m[3]
		if n == "" {
			n = m[4]
		}
		if v, err := strconv.Atoi(n); err == nil && v > 0 && v < 120 {
			// "unter 24 Jahre alt" is younger than 24.
			switch {
			case m[1] != "":
				v--
			case m[2] != "":
				v++
			}
			s.age = v
			break
		}
	}
	if s.age == 0 && strings.ContainsAny(text, "0123456789") {
		// "darf ich mit 17 schon Auto fahren", "mit 16 alleine".
		if m := ageWithRE.FindStringSubmatch(strings.ToLower(text)); m != nil {
			if v, err := strconv.Atoi(m[1]); err == nil && v > 0 && v < 100 {
				s.age = v
			}
		}
	}
	if s.age == 0 && strings.ContainsAny(text, "0123456789") {
		// "unsere Tochter wird im März 16", "er wird nächsten Monat 18":
		// the age one turns soon.
		lower := strings.ToLower(text)
		for _, m := range ageSoonRE.FindAllStringSubmatchIndex(lower, -1) {
			if !slices.ContainsFunc(strings.Fields(lower[m[2]:m[3]]), func(w string) bool { return !soonWords[w] && !calendarDay(stem(fold(w))) }) && !notYears(lower[m[1]:]) {
				if v, err := strconv.Atoi(lower[m[4]:m[5]]); err == nil && v > 0 && v < 120 {
					s.age = v
					break
				}
			}
		}
	}
	if s.age == 0 {
		s.age = spelledAge(ws)
	}
	s.household = householdSize(ws)
	s.income = statedIncome(text, ws)
	s.size = statedSize(text, ws)
	s.thingAge = statedThingAge(ws)
	if s.size == "" {
		s.count = lx.statedCount(ws)
	}
	s.child = lx.match("situation_child", ws)
	s.adult = lx.match("situation_adult", ws)
	lostWs := ws
	if lx.match("relocated", ws) {
		// "deren Sitz ins Gewerbegebiet verlegt wird": moved elsewhere,
		// not mislaid.
		lostWs = slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return w == "verlegt" })
	}
	s.lost = lx.match("situation_lost", lostWs)
	s.stolen = lx.match("situation_stolen", ws)
	// Found again, it was lost: the page about the loss says what now.
	s.found = lx.match("situation_found", ws)
	s.lost = s.lost || s.found
	s.first = lx.match("situation_first", ws)
	renewWords, _ := lx.withoutHowItRuns(ws)
	s.renew = lx.match("situation_renew", renewWords)
	s.proxy = lx.match("situation_proxy", ws) || lx.proxyFor(ws)
	s.absent = lx.match("situation_absent", ws)
	s.urgent = lx.match("situation_urgent", ws)
	for i := range lx.statuses {
		st := &lx.statuses[i]
		if !st.mayMatch(ws) {
			continue
		}
		if _, ok := st.pattern.find(ws); ok {
			for _, w := range words(st.de) {
				s.status = append(s.status, stem(w))
			}
		}
	}
	s.foreign = lx.match("situation_foreign", ws)
	for i := 1; i < len(ws) && !s.foreign; i++ {
		// "meine Verlobte kommt aus Marokko": a foreign element, as
		// "Ausländerin" says it.
		s.foreign = ws[i-1] == "aus" && lx.has("foreign_country", ws[i])
	}
	if s.age > 0 && s.age < 18 {
		s.child = true
	}
	return s
}

// foreignStatus are the stems by which a fee table or list names a
// foreign element ("Anmeldung mit Auslandsbezug").
var foreignStatus = []string{stem("Ausland"), stem("Auslandsbezug"), stem("ausländisch")}

// sizeUnit maps the units a size is stated in, as folded words, to one
// spelling: "std" and "stunden" are one unit.
func sizeUnit(w string) string {
	switch w {
	case "liter", "l":
		return "liter"
	case "stunden", "std", "wochenstunden":
		return "stunden"
	case "qm", "m2", "quadratmeter":
		return "qm"
	case "kg", "kilogramm", "kilo":
		return "kg"
	case "meter", "m":
		return "meter"
	case "km", "kilometer", "kilometern":
		return "km"
	case "kw", "kilowatt":
		return "kw"
	}
	return ""
}

// decimalSizeRE finds a quantity with a decimal comma and its unit ("1,8
// km"), which the words of a text split at the comma.
var decimalSizeRE = regexp.MustCompile(`(?i)\b(\d+,\d+)\s*([\pL²]+)`)

// decimalSizes returns what decimalSizeRE finds in s, with its groups;
// each match holds a comma between digits, so a text without a comma
// skips the expression.
func decimalSizes(s string) [][]string {
	if !strings.Contains(s, ",") {
		return nil
	}
	return decimalSizeRE.FindAllStringSubmatch(s, -1)
}

// statedSize returns the first quantity text (of words ws) states with a
// unit of sizeUnit ("240 Liter" → "240 liter", "1,8 km" → "1,8 km"), ""
// when there is none.
func statedSize(text string, ws []string) string {
	for _, m := range decimalSizes(text) {
		if u := sizeUnit(fold(m[2])); u != "" {
			return m[1] + " " + u
		}
	}
	for i := 0; i+1 < len(ws); i++ {
		if isDigits(ws[i]) {
			if u := sizeUnit(ws[i+1]); u != "" {
				return ws[i] + " " + u
			}
		}
	}
	return ""
}

// statedThingAge returns the age of a thing ws state in days, weeks or
// months ("der Welpe ist erst 9 Wochen alt", "das Foto ist 8 Monate alt")
// as "N tage", "" when they state none: limits in the sources ("älter als
// 3 Monate") are compared with it.
func statedThingAge(ws []string) string {
	for i := 0; i+2 < len(ws); i++ {
		if d := spanDays(ws[i+1]); d > 0 && isDigits(ws[i]) && ws[i+2] == "alt" {
			if n, err := strconv.Atoi(ws[i]); err == nil && n < 10000 {
				return strconv.Itoa(n*d) + " " + unitDays
			}
		}
	}
	return ""
}

// unitDays is the unit statedThingAge gives the age of a thing in.
const unitDays = "tage"

// spanDays returns how many days one of the folded time unit w is (a day,
// a week, a month), 0 for another word.
func spanDays(w string) int {
	switch w {
	case "tag", "tage", "tagen":
		return 1
	case "woche", "wochen":
		return 7
	case "monat", "monate", "monaten":
		return 30
	}
	return 0
}

// statedCount returns the first number of things ws state ("zwei
// Vollgeschosse" → "2 vollgeschoss"): a number from two to twelve, in
// digits or a word, before a noun that is no unit of time, money, size
// or people (those are ages, periods, amounts, sizes and households); ""
// when there is none.
func (lx *lexicon) statedCount(ws []string) string {
	for i := 0; i+1 < len(ws); i++ {
		n, ok := countNumber(ws[i])
		if !ok || n < 2 || n > 12 {
			continue
		}
		w := ws[i+1]
		if len(w) < 5 || isDigits(w) || lx.has("noise", w) || countExcluded(w) || sizeUnit(w) != "" {
			continue
		}
		return strconv.Itoa(n) + " " + stem(w)
	}
	return ""
}

// countNumber reads a small number in digits or as a German word.
func countNumber(w string) (int, bool) {
	if isDigits(w) {
		n, err := strconv.Atoi(w)
		return n, err == nil
	}
	return germanNumber(w)
}

// countExcluded reports whether the folded word w is a unit whose
// numbers are no count of things: time, money, people, how often.
func countExcluded(w string) bool {
	for _, p := range []string{"jahr", "monat", "woche", "tag", "stunde", "minute", "sekunde", "euro", "cent", "prozent", "person", "leute", "mal"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// dutyQuestion reports whether a clause of text asks whether something
// must be done at all, with the verb first ("muss ich da zuhause sein",
// "müssen die Kinder auch zahlen"): a
// sentence that says what is not required answers it ("Sie müssen nicht
// zu Hause sein"). "Was muss ich mitbringen" asks what, not whether.
func dutyQuestion(lx *lexicon, text string) bool {
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '?' || r == '!' || r == ';' || r == ',' }) {
		ws := lx.words(clause)
		for len(ws) > 0 && (ws[0] == "und" || ws[0] == "aber" || ws[0] == "also" || ws[0] == "dann" || ws[0] == "jetzt" || ws[0] == "oder") {
			ws = ws[1:]
		}
		if len(ws) < 3 {
			continue
		}
		switch ws[0] {
		case "muss", "musst", "muessen", "muesst":
		default:
			continue
		}
		if slices.ContainsFunc(ws, func(w string) bool { return strings.HasPrefix(w, "irgend") }) {
			continue // "muss ich das irgendwo melden" asks where
		}
		switch w := ws[1]; {
		case w == "ich" || w == "wir" || w == "man" || w == "du" || w == "er" || w == "sie" || w == "es" || w == "die" || w == "der" || w == "das":
			return true
		case strings.HasPrefix(w, "mein") || strings.HasPrefix(w, "unser"):
			return true
		}
	}
	return false
}

// maxContrastWords is the longest message that qualifies the previous
// question with "aber" or "allerdings".
const maxContrastWords = 20

// addsFact reports whether the message only adds a fact about the asker
// to the previous question, or qualifies it.
func (q question) addsFact() bool { return q.onlyFact || q.contrast || q.statement }

// states reports whether a message only states something: no question
// mark, no question word or request anywhere, no verb that opens a
// question.
func (a *Assistant) states(text string, ws []string) bool {
	if len(ws) == 0 || strings.Contains(text, "?") || a.lex.match("asking", ws) {
		return false
	}
	return !a.lex.match("asking_first", ws[:1])
}

// separableParticles end a clause whose verb is separable: "melde … ab",
// "ziehe … um", "hole … ab".
var separableParticles = map[string]bool{
	"ab": true, "an": true, "auf": true, "aus": true, "ein": true, "um": true, "nach": true,
	"vor": true, "weg": true, "zurueck": true, "mit": true, "zu": true, "fest": true, "los": true,
	"bereit": true, "dabei": true, "durch": true, "weiter": true, "zusammen": true, "vorbei": true, "hinzu": true,
	"teil": true, "statt": true, "heim": true, "fern": true, "hoch": true,
}

// separableVerb returns the infinitive of a separable verb split over the
// clause ("melde … ab" → "abmelden"), or "": the particle is the last word
// and the verb the first word after a question word or subject pronoun,
// or the first word of the clause. Spoken German often puts an adverbial
// after the particle ("ich melde mein Motorrad ab für den Winter"): a
// particle right before a preposition that opens one ends the clause too.
func separableVerb(lx *lexicon, ws []string) string {
	if len(ws) >= 3 && !separableParticles[ws[len(ws)-1]] {
		for k := len(ws) - 2; k >= 2; k-- {
			if separableParticles[ws[k]] && trailingPrepositions[ws[k+1]] {
				ws = ws[:k+1]
				break
			}
		}
	}
	if len(ws) < 3 || !separableParticles[ws[len(ws)-1]] {
		return ""
	}
	p := ws[len(ws)-1]
	last := ws[:len(ws)-1]
	if k := lastIndex(last, "und"); k >= 0 && k+2 < len(last) && afterVerb[last[k+2]] {
		// "ich geh nach Kanada und geb meine Wohnung auf": a verb right
		// after the last "und", followed by its object, opens the
		// clause the particle ends ("… und Passwort an" has none).
		if v, ok := finiteVerb(last[k+1], true); ok {
			return p + v
		}
	}
	for i, w := range last {
		if i > 0 && !subjectOrQuestion[ws[i-1]] {
			continue
		}
		if v, ok := finiteVerb(w, i > 0); ok {
			return p + v
		}
		if i == 0 && !subjectOrQuestion[w] && len(w) >= 4 && !isDigits(w) && !slices.ContainsFunc(last[1:], func(x string) bool { return subjectOrQuestion[x] }) {
			// A clause that opens with a word that is neither its verb
			// nor a subject ("unser Sofa weg") has no verb split over
			// it; when a subject or question word follows, the loop
			// reads the verb after it ("moin kurze frage ich geb meine
			// Zweitwohnung auf").
			return ""
		}
	}
	return ""
}

// finiteVerb returns the infinitive of w as a finite verb of the first
// person or a question ("melde", "meldet", "melden" → "melden"), and, when
// spoken is true, of a verb said without its ending ("mach", "geb").
func finiteVerb(w string, spoken bool) (string, bool) {
	if subjectOrQuestion[w] || len(w) < 3 || auxiliaryVerbs[w] || isDigits(w) {
		return "", false
	}
	if len(w) >= 4 {
		for _, end := range []string{"est", "et", "en", "st", "e", "t"} {
			if base, ok := strings.CutSuffix(w, end); ok && len(base) >= 3 {
				return base + "en", true
			}
		}
	}
	if !spoken {
		return "", false
	}
	return w + "en", true
}

// trailingPrepositions open an adverbial that spoken German puts after a
// separable verb's particle ("… ab für den Winter", "… an zum ersten
// März"); none of them follows a preposition of the particle's form.
var trailingPrepositions = map[string]bool{"fuer": true, "zum": true, "zur": true, "beim": true, "wegen": true, "seit": true, "bis": true}

// afterVerb are words that follow a finite verb and open its object or
// adverbial: articles, possessives, pronouns.
var afterVerb = map[string]bool{"den": true, "die": true, "das": true, "dem": true, "der": true, "einen": true, "eine": true, "ein": true,
	"meine": true, "meinen": true, "mein": true, "unsere": true, "unseren": true, "unser": true, "mich": true, "uns": true, "ihn": true, "sie": true, "es": true,
	"hier": true, "dann": true, "gleich": true, "auch": true, "noch": true}

// lastIndex is the index of the last w in ws, -1 for none.
func lastIndex(ws []string, w string) int {
	for i := len(ws) - 1; i >= 0; i-- {
		if ws[i] == w {
			return i
		}
	}
	return -1
}

// auxiliaryVerbs are short verbs that are never the stem of a separable
// verb said without its ending ("ich geb … auf" is "aufgeben").
var auxiliaryVerbs = map[string]bool{"bin": true, "hab": true, "hat": true, "ist": true, "war": true, "tue": true, "tut": true, "kam": true, "der": true, "die": true, "das": true, "den": true, "dem": true, "ein": true, "mich": true, "dich": true, "sich": true, "uns": true, "euch": true, "mir": true, "dir": true, "meine": true, "mein": true, "meinen": true, "eine": true, "einen": true, "auch": true, "noch": true, "dann": true}

// subjectOrQuestion are the words after which a German clause puts its
// finite verb ("Wie melde ich …", "Ich melde …", "Wo hole ich …").
var subjectOrQuestion = map[string]bool{
	"ich": true, "wir": true, "man": true, "du": true, "sie": true, "er": true,
	"wie": true, "wo": true, "wann": true, "was": true, "warum": true, "wohin": true, "muss": true, "kann": true,
}

// withoutWords removes the words of text whose folded form is in drop,
// unless nothing would remain.
func withoutWords(text string, drop map[string]bool) string {
	if len(drop) == 0 {
		return text
	}
	fs := strings.Fields(text)
	kept := fs[:0:0]
	for _, f := range fs {
		w := german.Fold(strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		if !drop[w] {
			kept = append(kept, f)
		}
	}
	if len(kept) == 0 || len(kept) == len(fs) {
		return text
	}
	return strings.Join(kept, " ")
}

// nameWords returns the folded words of an organisation's name that can
// name it alone ("beispielfeld" of "Stadt Beispielfeld"): at least four
// letters, no administrative noun.
func nameWords(org string) map[string]bool {
	m := map[string]bool{}
	for _, w := range german.Words(org) {
		switch w {
		case "stadt", "gemeinde", "landkreis", "kreis", "markt", "verwaltung", "stadtverwaltung", "bezirk", "amt", "land", "freie", "hansestadt":
			continue
		}
		if len([]rune(w)) >= 4 {
			m[w] = true
		}
	}
	return m
}

// togetherWords are the forms of "zu zweit", "zu dritt", ….
var togetherWords = map[string]int{"zweit": 2, "dritt": 3, "viert": 4, "fuenft": 5, "sechst": 6, "siebt": 7, "acht": 8}

// householdSize returns how many people the asker's household has, as
// "wir sind zu dritt", "zu viert", "3 Personen", "drei Personen",
// "4-köpfige Familie", "fünfköpfige Familie" or "Dreipersonenhaushalt"
// say it; 0 when the words say nothing.
func householdSize(ws []string) int {
	num := func(w string) int {
		if n, err := strconv.Atoi(w); err == nil {
			return n
		}
		n, _ := germanNumber(w)
		return n
	}
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		switch {
		case w == "zu" && togetherWords[next] > 0:
			return togetherWords[next]
		case next == "personen" || next == "person" || next == "koepfige" || next == "koepfigen":
			if n := num(w); n > 1 && n < 20 {
				return n
			}
		default:
			// "fünfköpfige", "Dreipersonenhaushalt".
			for _, suffix := range []string{"koepfigen", "koepfige", "personenhaushalt"} {
				if pre, ok := strings.CutSuffix(w, suffix); ok {
					if n := num(pre); n > 1 && n < 20 {
						return n
					}
				}
			}
		}
	}
	return 0
}

// spelledAge returns an age written in words: a "…jährige" ("unser
// Dreijähriger") or a number after "bin", "ist", "wird" or "mit" ("ich bin
// siebzehn", "mein Sohn wird zwölf"); 0 when there is none; "es ist zwei
// Wochen her" states no age.
func spelledAge(ws []string) int {
	for _, w := range ws {
		// "unser Dreijähriger", "die Zehnjährige".
		if pre, _, ok := strings.Cut(w, "jaehrig"); ok && pre != "" {
			if v, ok := germanNumber(pre); ok && v > 0 && v < 100 {
				return v
			}
		}
	}
	for i := 0; i+1 < len(ws); i++ {
		switch ws[i] {
		case "bin", "ist", "wird", "werde", "sind", "mit":
		default:
			continue
		}
		v, ok := germanNumber(ws[i+1])
		if !ok || v < 1 || v >= 100 {
			continue
		}
		if i+2 < len(ws) && !ageFollowers[ws[i+2]] && (timeUnit(ws[i+2]) || len(ws[i+2]) > 3 && !subjectOrQuestion[ws[i+2]]) {
			// "zwei Wochen", "drei Kinder": a count of something.
			continue
		}
		return v
	}
	return 0
}

// ageFollowers are the words that may follow an age in words.
var ageFollowers = map[string]bool{
	"jahre": true, "jahren": true, "alt": true, "und": true, "schon": true, "noch": true, "erst": true, "bald": true,
	"geworden": true, "brauch": true, "brauche": true, "moechte": true, "will": true, "darf": true, "kann": true, "muss": true,
}

// appendIdents appends to dst the first n words of text made of ASCII
// letters, digits and underscores, six bytes or more, that begin with a
// letter: the candidates of technicalIdent (what
// `\b[A-Za-z][A-Za-z0-9_]{5,}\b` finds; such a word reaches from one
// byte outside those to the next).
func appendIdents(dst []string, text string, n int) []string {
	for i, found := 0, 0; i < len(text) && found < n; {
		if !isIdentByte(text[i]) {
			i++
			continue
		}
		start := i
		for i < len(text) && isIdentByte(text[i]) {
			i++
		}
		if c := text[start]; i-start >= 6 && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			dst = append(dst, text[start:i])
			found++
		}
	}
	return dst
}

// isIdentByte reports whether c is an ASCII letter, digit or underscore.
func isIdentByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// technicalIdent reports whether w is written as programs write names:
// two or more capitals inside a word that also has small letters
// ("QOSGrpCpuLimit", "pendingReason"; not "DNS" nor "BAföG"), or words
// joined by underscores ("ERR_CERT_DATE_INVALID").
func technicalIdent(w string) bool {
	if strings.Contains(strings.Trim(w, "_"), "_") {
		return true
	}
	inner, lower := 0, false
	prevLower := false
	for i, r := range w {
		isUpper := r >= 'A' && r <= 'Z'
		isLower := r >= 'a' && r <= 'z'
		if isUpper && i > 0 && prevLower {
			inner++
		}
		lower = lower || isLower
		prevLower = isLower
	}
	return lower && inner >= 2
}

// incomeWords are the folded words by which an asker says that an amount
// is what they earn.
var incomeWords = map[string]bool{
	"verdiene": true, "verdienen": true, "verdient": true, "einkommen": true, "jahreseinkommen": true,
	"brutto": true, "netto": true, "gehalt": true, "lohn": true, "earn": true, "income": true,
}

// incomeRE matches an amount of four to six digits, with or without a
// thousands separator ("48.000", "48000", "48 000").
var incomeRE = regexp.MustCompile(`\b(\d{1,3}(?:[. ]\d{3})+|\d{4,6})\b`)

// statedIncome returns the yearly income the message states, 0 when it
// names no income or no amount of a thousand euros or more.
func statedIncome(text string, ws []string) int {
	if !slices.ContainsFunc(ws, func(w string) bool { return incomeWords[w] }) {
		return 0
	}
	for _, m := range incomeRE.FindAllString(text, 4) {
		v, err := strconv.Atoi(strings.NewReplacer(".", "", " ", "").Replace(m))
		if err == nil && v >= 1000 && v < 10_000_000 {
			return v
		}
	}
	return 0
}

// movingVerb reports whether w is a form of moving house ("ziehen",
// "gezogen", "umziehen", "auswandern") or its noun ("Umzug nach
// Spanien").
func movingVerb(w string) bool {
	for _, p := range []string{"zieh", "gezogen", "umzieh", "umgezogen", "umzug", "wegzieh", "weggezogen", "auswander", "ausgewandert"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// proxyFor reports whether folded words ws tell that the asker acts for
// another person of [proxy_person]: "für meine Tochter", "for my
// mother", or that person's thing in the genitive ("der Pass meiner
// Tochter", "das Handy meines Kumpels").
func (lx *lexicon) proxyFor(ws []string) bool {
	for i := 0; i+1 < len(ws); i++ {
		w, next := ws[i], ws[i+1]
		switch {
		case (w == "fuer" || w == "for") && i+2 < len(ws) && forPossessive[next] && (i == 0 || !askVerbs[ws[i-1]]):
			// ("ich frage für meinen Vater" asks, it does not act.)
			// "für meine kleine Tochter": the person may follow one
			// adjective.
			for _, p := range ws[i+2 : min(i+4, len(ws))] {
				if lx.has("proxy_person", p) {
					return true
				}
			}
		case genitivePossessive[w] && i > 0 && !lx.has("stop_de", ws[i-1]) && !datives[ws[i-1]] && lx.has("proxy_person", next):
			return true
		}
	}
	return false
}

// forPossessive are the possessives "für …" and "for …" take before a
// person: "für meine Mutter", "für unseren Sohn", "for my son".
var forPossessive = map[string]bool{
	"meine": true, "meinen": true, "mein": true, "unsere": true, "unseren": true, "unser": true,
	"seine": true, "seinen": true, "sein": true, "ihre": true, "ihren": true,
	"my": true, "our": true, "his": true,
}

// askVerbs ask for someone without acting for them: "ich frage für
// meine Mutter".
var askVerbs = map[string]bool{"frage": true, "frag": true, "fragen": true, "fragt": true, "erkundige": true, "ask": true, "asking": true}

// genitivePossessive are the possessives of a genitive attribute: "der
// Pass meiner Tochter", "das Auto unseres Nachbarn".
var genitivePossessive = map[string]bool{"meiner": true, "meines": true, "unserer": true, "unseres": true}

// datives are the words after which "meiner …" is a dative, not a
// genitive: "mit meiner Tochter", "ich habe meiner Mutter gesagt".
var datives = map[string]bool{
	"mit": true, "bei": true, "nach": true, "seit": true, "aus": true, "zu": true, "von": true, "vom": true,
	"gegenueber": true, "hab": true, "habe": true, "hat": true, "hatte": true, "gebe": true, "gab": true,
	"helfe": true, "sage": true, "sagte": true, "gehoert": true, "gehort": true, "schicke": true, "bringe": true,
}

// mayVerbs open a question whether the asker may or gets something.
var mayVerbs = map[string]bool{"kann": true, "koennen": true, "koennte": true, "koennten": true, "darf": true, "duerfen": true, "bekomme": true, "bekommen": true, "bekommt": true, "krieg": true, "kriege": true, "kriegen": true, "kriegt": true, "can": true, "could": true, "may": true}

// askerPronouns name the asker (or those they ask for) after such a verb.
var askerPronouns = map[string]bool{"ich": true, "wir": true, "man": true, "er": true, "sie": true, "i": true, "we": true}

// asksMayI reports whether a sentence of text opens with a verb of
// mayVerbs and the asker right after it, fillers and openers ("ja also")
// aside: "Kann ich …?", "krieg ich trotzdem …", a question in German
// with or without its question mark.
func asksMayI(lx *lexicon, text string) bool {
	for _, sent := range messageSentences(text) {
		ws := withoutFillers(lx.words(sent))
		if len(ws) >= 2 && mayVerbs[ws[0]] && askerPronouns[ws[1]] {
			return true
		}
	}
	return false
}
