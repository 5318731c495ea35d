// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"slices"
	"strings"

	"github.com/musterstadt/lotse/knowledge"
)

// signals are what the lexicons find in one message. They are computed
// once per turn; the rules in ruleIntent and the handoff policy read them.
type signals struct {
	words       []string
	abuse       bool
	frustration bool
	human       bool
	// callback is true for a call back asked of the office ("rufen Sie
	// mich an"); it asks for a person unless an employee reports an
	// outage with it.
	callback   bool
	smalltalk  string // "greet", "thanks", "bye", "who", "ack" or ""
	incident   bool
	howto      bool
	why        bool // asks why something fails or what to do: the how-to answers first
	ticketKey  string
	ticketWord bool
	// ticketAsked is true for a request to open a ticket ("mach bitte
	// ein Ticket", "open a ticket").
	ticketAsked  bool
	status       bool
	caseSpecific bool
	outOfScope   bool
	strongOOS    bool // out of scope whatever page the message names (voting advice)
	// citizenOOS is out of scope for a citizen only: a home's internet
	// or phone line is the provider's, while an employee's is an outage.
	citizenOOS bool
	admin      bool
	affirm     bool // the whole message is a yes
	ventOnly   bool // the whole message is frustration ("Das hilft mir nicht!!!")
	// replyFrustration: the frustration is only about a previous answer
	// ("schon wieder", "stimmt nicht"), which a first message has not had.
	replyFrustration bool
	empty            bool // nothing but filler and noise words
}

var (
	// ticketKeyRE matches keys such as INC-1234 or LOT-12.
	ticketKeyRE = regexp.MustCompile(`(?i)\b([a-z][a-z0-9]{1,9})-(\d{1,7})\b`)
	// spokenKeyRE matches keys as speech recognition writes them: "inc 1234".
	spokenKeyRE = regexp.MustCompile(`(?i)\b(inc|lot|req|sr|sd)\s+(\d{1,7})\b`)
	// errorCodeRE matches the words before a code that make it an error
	// code.
	errorCodeRE = regexp.MustCompile(`(?i)(?:fehler|fehlercode|fehlermeldung|fehlernummer|meldung|code|error|error\s+code)\s*[:#]?\s*$`)
	// numberKeyRE matches "Ticket 1234" or "Vorgangsnummer 1234".
	numberKeyRE = regexp.MustCompile(`(?i)\b(?:ticket|tickets|vorgang|vorgangs|vorgangsnummer|ticketnummer|ticket-nr|case|request)[.:]?\s*(?:nr\.?|nummer|number|no\.?)?[.:]?\s*#?\s*(\d{2,9})\b`)
)

// ticketKey extracts a ticket key from text, or "".
func ticketKey(text string) string {
	if !strings.ContainsAny(text, "0123456789") {
		return "" // every key pattern needs a digit
	}
	for _, m := range ticketKeyRE.FindAllStringSubmatchIndex(text, -1) {
		// Part of a longer code ("DR-RH-2-01" is a printer, not a ticket).
		if (m[0] > 0 && text[m[0]-1] == '-') || (m[1] < len(text) && text[m[1]] == '-') {
			continue
		}
		if errorCodeRE.MatchString(text[:m[0]]) {
			// "es kommt Fehler VPN-809" names an error, not a ticket.
			continue
		}
		return strings.ToUpper(text[m[2]:m[3]]) + "-" + text[m[4]:m[5]]
	}
	if m := spokenKeyRE.FindStringSubmatch(text); m != nil {
		return strings.ToUpper(m[1]) + "-" + m[2]
	}
	if m := numberKeyRE.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}

// asksGeneralFacet reports whether ws ask a facet the sources answer
// for everyone alike (what to bring, what it costs, where): "was muss
// ich für meinen Antrag mitbringen" asks about an application to make,
// not about the asker's file. Processing time and place are not among
// them: "wie lange dauert mein Antrag noch" and "wo ist mein Antrag"
// ask about the file.
func (lx *lexicon) asksGeneralFacet(ws []string) bool {
	for _, f := range facetOrder {
		if f != knowledge.FacetDauer && f != knowledge.FacetZustaendigkeit && lx.match("facet_"+string(f), ws) {
			return true
		}
	}
	return false
}

// caseSpecific reports whether text (words ws) asks about the asker's own
// file: its status, an error in it, a reminder for a bill paid. A
// message that only tells of its own file in its story and asks, in
// sentences of their own matter, what the rules are ("Unser Antrag
// liegt seit vier Monaten bei der Behörde. Gibt es so etwas wie einen
// Abschlag?") asks what the sources say.
func (lx *lexicon) caseSpecific(text string, ws []string) bool {
	own := func(ws []string) bool {
		return (lx.match("case_specific", ws) || (lx.match("own_application", ws) && !lx.asksGeneralFacet(ws))) && !lx.match("usual", ws)
	}
	if !own(ws) {
		return false
	}
	asked := lx.questionSentences(text)
	return asked == text || own(lx.words(asked))
}

// reportsIncident reports whether text (words ws) tells of an outage or
// a fault: in the words of [incident], by a verb of failing at a clause's
// end, or by something gone that was not mislaid ("das WLAN ist weg", not
// "mein Handy ist weg, es liegt noch im Bus").
func (lx *lexicon) reportsIncident(text string, ws []string) bool {
	return lx.match("incident", ws) || failsAtClauseEnd(lx, text) || lx.match("incident_gone", ws) && !lx.match("mislaid", ws)
}

// signals reads the lexicons over text (already redacted).
func (lx *lexicon) signals(text string) signals {
	ws := lx.words(text)
	// "am Samstag, äh quatsch, am Freitag" corrects the speaker, it is
	// no frustration.
	frustrationWords := ws
	if sp := lx.spans("self_correction", ws); len(sp) > 0 {
		frustrationWords = withoutSpans(ws, sp)
	}
	s := signals{
		words:       ws,
		abuse:       lx.match("abuse", ws),
		frustration: lx.match("frustration", frustrationWords) || lx.match("frustration_reply", frustrationWords) || strings.Contains(text, "!!!") || strings.Contains(text, "???"),
		incident:    lx.reportsIncident(text, ws),
		howto:       lx.match("howto", ws) || asksOwnMove(text, lx),
		why:         lx.match("howto_why", ws),
		ticketKey:   ticketKey(text),
		ticketWord:  lx.match("ticket_word", ws),
		ticketAsked: lx.match("ticket_request", ws),
		status:      lx.match("status", ws),
		// "… noch nix gehört, wie lange dauert es normalerweise" asks
		// what is usual, which the sources say, not about the asker's
		// own file.
		caseSpecific: lx.caseSpecific(text, ws),
		outOfScope:   lx.match("out_of_scope", withoutOwnBusiness(lx, ws)) || lx.match("out_of_scope_strong", ws),
		strongOOS:    lx.match("out_of_scope_strong", ws),
		citizenOOS:   lx.match("out_of_scope_citizen", ws),
		admin:        lx.match("admin", ws),
	}
	covered := make([]bool, len(ws))
	mark := func(section string) bool {
		sp := lx.spans(section, ws)
		for _, r := range sp {
			for i := r[0]; i < r[1]; i++ {
				covered[i] = true
			}
		}
		return len(sp) > 0
	}
	filler := func(i int) bool {
		w := ws[i]
		return covered[i] || lx.has("smalltalk_filler", w) || lx.has("noise", w) || lx.has("affirm", w)
	}
	allCovered := func() bool {
		for i := range ws {
			if !filler(i) {
				return false
			}
		}
		return true
	}

	// A whole-message yes ("ja", "ja bitte", "yes please").
	s.affirm = len(ws) > 0 && len(ws) <= 4
	for _, w := range ws {
		if !lx.has("affirm", w) && !lx.has("smalltalk_filler", w) {
			s.affirm = false
			break
		}
	}
	if s.affirm {
		s.affirm = lx.match("affirm", ws) && !lx.match("smalltalk_thanks", ws)
	}

	// Human: a strong phrase, or a human word with a request verb, or a
	// message made of nothing but human words and filler ("Mitarbeiter!").
	if lx.match("human_strong", ws) {
		s.human = true
	} else if markHuman(lx, ws, covered) {
		if lx.match("human_request", ws) {
			s.human = true
		} else {
			for i := range ws {
				if lx.has("human_request", ws[i]) {
					covered[i] = true
				}
			}
			s.human = allCovered()
		}
	}
	s.callback = lx.match("human_callback", ws)
	if s.human && !lx.match("human_strong", ws) && lx.narratedHuman(text) {
		// "… bis mir jemand am Telefon sagte, dass die gar nicht
		// zuständig sind. Wo beantrage ich jetzt meinen Pass?" tells
		// of a person reached before; the question asks for a service.
		s.human = false
	}
	if s.human && !lx.match("human_strong", ws) && lx.match("presence", ws) {
		// "An welchen Tagen sitzt da überhaupt jemand?" asks when the
		// office is staffed, not for a person now.
		s.human = false
	}
	if s.human && !lx.match("human_strong", ws) && lx.match("someone_required", ws) {
		// "Wir wollen einen Wintergarten anbauen, muss das jemand
		// absegnen?" asks whether an approval is required.
		s.human = false
	}
	if s.human && consultArranged(ws) && !s.callback {
		// "Sie möchte sich persönlich beraten lassen. Geht das zu den
		// normalen Öffnungszeiten, oder braucht man einen Termin?" asks
		// how the office's consultation is arranged, which its page
		// says; the asker wants no person in the chat. (One who asks to
		// be contacted does: "… besprechen – kann sich bitte jemand bei
		// mir melden?")
		s.human = false
	}
	for _, sec := range []string{"per_person", "nobody"} {
		if s.human && !lx.match("human_strong", ws) && lx.match(sec, ws) && !lx.match("human", withoutSpans(ws, lx.spans(sec, ws))) {
			// "Wie viel Käse rechnet man pro Person?" counts by the
			// person, "kein Mensch meldet sich" tells that nobody
			// answers: neither asks for a person.
			s.human = false
		}
	}
	if s.human && !lx.match("human_strong", ws) && lx.match("smalltalk_who", ws) {
		// "Bist du ein Mensch oder ein Bot?" asks about the assistant.
		s.human = false
	}
	covered = make([]bool, len(ws))

	s.replyFrustration = s.frustration && !lx.match("frustration", frustrationWords) && !strings.Contains(text, "!!!") && !strings.Contains(text, "???")

	// Venting: nothing but frustration and filler.
	if vent, reply := mark("frustration"), mark("frustration_reply"); vent || reply {
		s.ventOnly = allCovered()
	} else if s.frustration {
		s.ventOnly = allCovered()
	}
	covered = make([]bool, len(ws))

	// Smalltalk: the message is nothing but greetings, thanks, goodbyes or
	// questions about the assistant, plus filler.
	kinds := []struct{ section, kind string }{
		{"smalltalk_who", "who"}, {"smalltalk_thanks", "thanks"},
		{"smalltalk_bye", "bye"}, {"smalltalk_greet", "greet"},
	}
	var found []string
	for _, k := range kinds {
		if mark(k.section) {
			found = append(found, k.kind)
		}
	}
	// The polite frame of a request goes with a greeting or thanks:
	// "Guten Tag, ich hoffe, Sie können mir helfen." is an opening.
	// ("Ich habe eine Frage" alone is asked what it is about.)
	if len(found) > 0 {
		mark("frame")
	}
	if slices.Contains(found, "thanks") {
		// "ok danke, hab Termin gebucht": thanks with the report that it
		// is done asks nothing more.
		mark("done_report")
	}
	if s.smalltalk == "" && len(ws) <= maxWhoWords && lx.match("smalltalk_who", ws) && !s.human {
		// "Bist du ein Mensch oder ein Bot?" asks about the assistant,
		// whatever else the short message says.
		s.smalltalk = "who"
	}
	if len(ws) > 0 && allCovered() {
		if len(found) > 0 {
			s.smalltalk = found[0]
		} else if onlyFiller(lx, ws) {
			s.smalltalk = "ack"
		}
	}
	s.empty = len(ws) == 0
	return s
}

// narratedHuman reports whether the message's person and request words
// ("jemand" … "Telefon") stand only in sentences that tell of an attempt
// or of the past ("ich versuche seit Dienstag, jemanden ans Telefon zu
// bekommen", "bis mir jemand am Telefon sagte"), while another sentence
// asks: the story is the question's context, not a request for a person.
func (lx *lexicon) narratedHuman(text string) bool {
	sents := messageSentences(text)
	if len(sents) < 2 {
		return false
	}
	asks, narrated := false, false
	for _, sent := range sents {
		sw := words(sent)
		human := lx.match("human", sw) && lx.match("human_request", sw)
		told := slices.ContainsFunc(sw, func(w string) bool { return narrationWords[w] })
		switch {
		case human && !told:
			return false // a sentence that asks for a person
		case human:
			narrated = true
		case lx.asks(sent, sw):
			asks = true
		}
	}
	return narrated && asks
}

// narrationWords tell of an attempt made or of what happened: a sentence
// with one reports, it does not ask for anything.
var narrationWords = map[string]bool{
	"versucht": true, "versuche": true, "versuchte": true, "probiert": true, "probiere": true,
	"sagte": true, "sagten": true, "meinte": true, "meinten": true, "erklaerte": true, "hiess": true,
	"war": true, "waren": true, "hatte": true, "hatten": true, "wurde": true, "gesagt": true,
}

// maxWhoWords is the longest message that is a question about the
// assistant when it contains one.
const maxWhoWords = 8

// ruleIntent applies the offline rules that need no retrieval. It reports
// false when the message is about services (or out of scope), which only
// retrieval can tell apart.
func (s signals) ruleIntent(aud knowledge.Audience) (Intent, bool) {
	switch {
	case s.abuse:
		return IntentAbuse, true
	case s.ticketKey != "" && !s.incident:
		return IntentTicketStatus, true
	case s.ticketWord && s.status && !s.incident:
		return IntentTicketStatus, true
	case s.human:
		return IntentHuman, true
	case s.callback && !(s.incident && aud == knowledge.Employee):
		// "Bitte rufen Sie mich heute nach 15 Uhr an." (An employee's
		// outage with a number to call back is an outage.)
		return IntentHuman, true
	case s.smalltalk != "":
		return IntentSmalltalk, true
	case s.incident && aud == knowledge.Employee && !s.why && !s.howto:
		return IntentITIncident, true
	case s.ticketAsked && aud == knowledge.Employee && !s.howto:
		// An employee who asks for a ticket reports an incident, whatever
		// the earlier turns were; one who asks whether they must open
		// one ("reicht ne Mail oder muss ich ein Ticket anlegen?") asks
		// how to report.
		return IntentITIncident, true
	}
	return "", false
}

// onlyFiller reports whether every word is a filler or a yes/no ("ok",
// "alles klar", "ja"), which makes the message an acknowledgement.
func onlyFiller(lx *lexicon, ws []string) bool {
	for _, w := range ws {
		if !lx.has("smalltalk_filler", w) && !lx.has("affirm", w) {
			return false
		}
	}
	return true
}

// failingVerbs are the verbs whose negation says that something is down.
var failingVerbs = map[string]bool{
	"geht": true, "gehen": true, "funktioniert": true, "funktionieren": true, "klappt": true, "klappen": true,
	"laeuft": true, "laufen": true, "startet": true, "reagiert": true,
	// What a device or program is for: "druckt der Etikettendrucker für
	// die Bescheinigungen nicht mehr".
	"druckt": true, "drucken": true, "scannt": true, "scannen": true, "laedt": true,
	"oeffnet": true, "verbindet": true, "synchronisiert": true, "sendet": true,
}

// failsAtClauseEnd reports whether a clause of text says that something
// does not work with the negation at its end, however many words stand
// between ("seit heute morgen geht bei uns im ganzen Stockwerk das Telefon
// nicht"), as German puts it.
func failsAtClauseEnd(lx *lexicon, text string) bool {
	for _, cl := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == '.' || r == '?' || r == '!' || r == ';' }) {
		ws := lx.words(cl)
		n := len(ws)
		if n < 3 || n > 20 {
			continue
		}
		end := n - 1
		if ws[end] == "mehr" {
			end--
		}
		if ws[end] != "nicht" || end > 0 && ws[end-1] == "oder" {
			// "… oder nicht?" asks; it reports nothing.
			continue
		}
		for _, w := range ws[:end] {
			if failingVerbs[w] {
				return true
			}
		}
	}
	return false
}

// consultArranged reports whether ws speak of a consultation ("beraten",
// "Beratung", "persönlich besprechen") and of how it is arranged: an
// appointment or opening hours, not with a member of staff named.
func consultArranged(ws []string) bool {
	has := func(prefix string) bool {
		return slices.ContainsFunc(ws, func(w string) bool { return strings.HasPrefix(w, prefix) })
	}
	// (Asked with a member of staff, it asks for a person: "einen Termin
	// für eine Beratung mit einem Mitarbeiter".)
	return (has("berat") || has("besprech")) && (has("termin") || has("oeffnungszeit")) && !has("mitarbeit") && !has("sachbearbeit") && !has("mensch")
}

// ownMoveModals are the modal verbs a question about what the asker may or
// must do opens with ("Kann ich …", "Müssen wir …").
var ownMoveModals = map[string]bool{
	"kann": true, "darf": true, "muss": true, "soll": true, "koennen": true, "duerfen": true, "muessen": true, "sollen": true,
	"koennte": true, "duerfte": true, "muesste": true, "sollte": true,
}

// asksOwnMove reports whether a message that tells something asks, in a
// sentence of its own that reports no failure, what the asker may or must
// do ("Unser Gerät hier oben ist seit heute kaputt. Kann ich meinen
// Auftrag auch im 2. OG holen?"): the articles answer that; the report
// around it is the reason for asking, no outage to record. A question to
// the office to act ("Könnt ihr das reparieren?") is none.
func asksOwnMove(text string, lx *lexicon) bool {
	if !strings.Contains(text, "?") {
		return false
	}
	ss := messageSentences(text)
	if len(ss) < 2 {
		return false
	}
	for _, sent := range ss {
		if !strings.HasSuffix(strings.TrimSpace(sent), "?") {
			continue
		}
		ws := withoutFillers(words(sent))
		if len(ws) < 3 || !ownMoveModals[ws[0]] || (ws[1] != "ich" && ws[1] != "wir" && ws[1] != "man") {
			continue
		}
		if lx.reportsIncident(sent, ws) {
			continue
		}
		return true
	}
	return false
}

// withoutOwnBusiness returns ws without the words of the asker's own
// business or workplace ([own_business]), wherever the message repeats
// them: "ich habe ein Restaurant … die Wohnung über dem Restaurant" asks
// nothing about going out to eat.
func withoutOwnBusiness(lx *lexicon, ws []string) []string {
	spans := lx.spans("own_business", ws)
	if len(spans) == 0 {
		return ws
	}
	own := map[string]bool{}
	for _, sp := range spans {
		for _, w := range ws[sp[0]:sp[1]] {
			own[w] = true
		}
	}
	return slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return own[w] })
}

// markHuman marks the words of ws that name a person to talk to
// ([human]) in covered and reports whether there is one; "in person" is
// how one comes or files ("I can't go there in person"), not a person
// asked for.
func markHuman(lx *lexicon, ws []string, covered []bool) bool {
	found := false
	for _, r := range lx.spans("human", ws) {
		if r[1]-r[0] == 1 && ws[r[0]] == "person" && r[0] > 0 && ws[r[0]-1] == "in" {
			continue
		}
		for i := r[0]; i < r[1]; i++ {
			covered[i] = true
		}
		found = true
	}
	return found
}
