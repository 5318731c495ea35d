// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/message"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/german"
	"github.com/musterstadt/lotse/prompts"
)

// The organisation names used when Config leaves them empty.
const (
	DefaultOrganization   = prompts.DefaultOrganization
	DefaultOrganizationEN = prompts.DefaultOrganizationEN
)

// maxOrganizationRunes bounds a configured organisation name.
const maxOrganizationRunes = 120

// orgPlaceholder marks where a sentence names the organisation. German
// sentences put it after "der" (genitive), English ones after "the".
const orgPlaceholder = "{org}"

// messages are the fixed sentences of the offline dialogue engine in one
// language. They frame quoted sources and never carry facts themselves: no
// amounts, dates, addresses or phone numbers appear here. Disclosure and Who
// hold orgPlaceholder; withOrg fills it in.
type messages struct {
	Disclosure    string
	SourceGerman  string // before the quotes of a non-German answer: they are in German
	FrameSection  string // %[1]s kind, %[2]s title, %[3]s section label
	FrameOverview string // %[1]s kind, %[2]s title
	KindService   string
	KindArticle   string
	KindNotice    string
	KindLaw       string
	KindInstr     string // an internal instruction
	KindInfo      string // any other information page for citizens
	ForYou        string // before the line of a table that holds for the asker
	MoreAt        string // %s URL of the whole document
	Related       string // before a list of related services
	NextOnline    string // %s URL
	NextTerminURL string // %s URL
	NextTermin    string // %s section label
	HumanHint     string
	Clarify       string // %[1]s, %[2]s titles
	NotFound      string
	OfferHuman    string
	OutOfScope    string
	Greet         string
	AskWhat       string // a request that names nothing yet ("ich möchte einen Antrag stellen")
	Thanks        string
	Bye           string
	Ack           string
	Who           string
	Abuse         string
	Sorry         string
	Escalated     string // %s ticket key
	NoTickets     string
	ContactVia    string // %s configured contact
	ContactNone   string
	EscalateFail  string
	EscalateLater string // %s ticket key
	CaseSpecific  string
	AgentHeld     string
	TicketAskKey  string
	TicketStatus  string // %[1]s key, %[2]s status
	TicketUpdated string // %s date
	TicketSummary string // %s summary
	TicketUnknown string
	TicketNoDesk  string
	TicketError   string
	IncidentNoIT  string
	SelfHelp      string // %[1]s title, %[2]s link of an IT article that may fix the problem meanwhile
	NotStated     string // %s the fact asked (FactCost, FactTime) that the source does not state
	IncidentError string
	SearchError   string

	// Labels of the lead facts (lead.go): what the quoted German text
	// says, rendered in this language before the quote.
	FactCost        string
	FactAmount      string // the amount of a benefit the asker gets
	FactTime        string
	FactDate        string
	FactHours       string
	FactPhone       string
	FactLink        string
	FactAppointment string
	FactOnline      string
	Yes, No         string
	Closed          string    // opening hours: closed on that day
	Weekdays        [7]string // Monday first

	lang   string // ISO 639-1 code, set by newOrgTexts
	simple bool   // Einfache Sprache
	// units formats numbers and units in lang ("" as German), made once
	// by makePrinters: building its catalog costs more than a whole
	// lead; nil means made when used (printer).
	units *message.Printer

	// Contact capture at a handoff and ticket status in words.
	WaitOpen          string // %d minutes
	WaitClosed        string // %s next opening ("Montag, 7. Dezember, 8:00 Uhr")
	ContactByMail     string
	ContactByPhone    string
	ContactConsent    string // %[1]s ticket key, %[2]d retention days, %[3]s privacy notice URL
	ContactSavedMail  string // %[1]s ticket key, %[2]s address
	ContactSavedPhone string // %[1]s ticket key, %[2]s number digit by digit
	ContactFailed     string
	StatusNew         string
	StatusOpen        string
	StatusInProgress  string
	StatusWaiting     string
	StatusResolved    string
	StatusClosed      string
}

var messagesDE = messages{
	Disclosure:    "Hinweis: Sie schreiben mit Lotse, dem KI-Assistenten der {org}. Sie können jederzeit mit einem Menschen sprechen – schreiben Sie einfach „Mitarbeiter“.",
	FrameSection:  "Zu „%[2]s“ steht in der %[1]s (Abschnitt %[3]s):",
	FrameOverview: "Zu „%[2]s“ steht in der %[1]s:",
	KindService:   "Leistungsbeschreibung",
	KindArticle:   "IT-Wissensdatenbank",
	KindNotice:    "Bekanntmachung",
	KindLaw:       "Rechtsvorschrift",
	KindInstr:     "Dienstanweisung",
	KindInfo:      "Veröffentlichung",
	ForYou:        "In Ihrem Fall gilt:",
	MoreAt:        "Mehr dazu: %s",
	Related:       "Vielleicht hilft Ihnen eine dieser Leistungen:",
	NextOnline:    "Online erledigen: %s",
	NextTerminURL: "Einen Termin vereinbaren Sie hier: %s",
	NextTermin:    "Sie können einen Termin vereinbaren – wie, steht im Abschnitt „%s“.",
	HumanHint:     "Wenn Sie lieber mit einem Menschen sprechen möchten, schreiben Sie „Mitarbeiter“.",
	Clarify:       "Meinen Sie „%[1]s“ oder „%[2]s“?",
	NotFound:      "Dazu habe ich in den Informationen der Stadt nichts Passendes gefunden.",
	OfferHuman:    "Soll ich Ihr Anliegen an eine Mitarbeiterin oder einen Mitarbeiter weitergeben? Antworten Sie mit „ja“ oder schreiben Sie „Mitarbeiter“.",
	OutOfScope:    "Dabei kann ich leider nicht helfen. Ich beantworte Fragen zu den Leistungen und Diensten der Stadtverwaltung, zum Beispiel zu Kosten, Unterlagen oder Zuständigkeiten.",
	Greet:         "Hallo! Wie kann ich helfen? Fragen Sie mich zu Leistungen der Stadt, zum Beispiel nach Kosten, Unterlagen oder Öffnungszeiten.",
	AskWhat:       "Gern helfe ich Ihnen. Worum geht es genau? Schreiben Sie mir, welche Leistung Sie brauchen oder was Sie vorhaben – zum Beispiel, was Sie beantragen möchten und wofür.",
	Thanks:        "Gern geschehen! Kann ich sonst noch helfen?",
	Bye:           "Auf Wiedersehen und alles Gute!",
	Ack:           "Gut. Kann ich sonst noch etwas für Sie tun?",
	Who:           "Ich bin Lotse, der KI-Assistent der {org}. Ich beantworte Fragen zu Leistungen der Stadt mit Auszügen aus den offiziellen Beschreibungen und gebe Ihr Anliegen bei Bedarf an einen Menschen weiter.",
	Abuse:         "Ich helfe Ihnen gern weiter – bitte bleiben Sie dabei sachlich. Wenn Sie mit einem Menschen sprechen möchten, schreiben Sie „Mitarbeiter“.",
	Sorry:         "Das tut mir leid.",
	Escalated:     "Ich habe Ihr Anliegen an das Service-Team übergeben. Ihre Vorgangsnummer: %s. Eine Mitarbeiterin oder ein Mitarbeiter kümmert sich darum.",
	NoTickets:     "Gern bringe ich Sie mit einem Menschen zusammen. Von hier aus kann ich Ihr Anliegen leider nicht weitergeben.",
	ContactVia:    "Sie erreichen das Service-Team so: %s.",
	ContactNone:   "Bitte wenden Sie sich telefonisch oder persönlich an die Stadtverwaltung.",
	EscalateFail:  "Die Übergabe an das Service-Team hat gerade nicht geklappt. Ich versuche es mit Ihrer nächsten Nachricht erneut; Ihre Nachrichten gehen nicht verloren. Sie können das Service-Team auch telefonisch erreichen.",
	EscalateLater: "Ihr Anliegen ist jetzt an das Service-Team übergeben. Ihre Vorgangsnummer: %s.",
	CaseSpecific:  "Zum Stand Ihres persönlichen Anliegens kann ich nichts sagen – das kann nur das Service-Team.",
	AgentHeld:     "Eine Mitarbeiterin / ein Mitarbeiter betreut dieses Gespräch.",
	TicketAskKey:  "Wie lautet Ihre Vorgangsnummer? Sie steht in der Bestätigung, die Sie erhalten haben.",
	TicketStatus:  "Stand Ihres Vorgangs %[1]s: %[2]s.",
	TicketUpdated: "Zuletzt aktualisiert: %s.",
	TicketSummary: "Betreff: %s",
	TicketUnknown: "Zu dieser Vorgangsnummer kann ich Ihnen keine Auskunft geben. Bitte prüfen Sie die Nummer; bei Fragen hilft Ihnen das Service-Team weiter.",
	TicketNoDesk:  "Den Stand von Vorgängen kann ich hier leider nicht abfragen.",
	TicketError:   "Ich kann den Stand Ihres Vorgangs gerade nicht abfragen. Bitte versuchen Sie es später noch einmal.",
	IncidentNoIT:  "Eine Störung kann ich hier nicht aufnehmen.",
	SelfHelp:      "Vielleicht hilft Ihnen bis dahin schon diese Anleitung: „%[1]s“ (%[2]s)",
	NotStated:     "Zu „%s“ nennt die Quelle keine genaue Angabe.",
	IncidentError: "Ich kann Ihre Störungsmeldung gerade nicht aufnehmen; Ihre Nachricht ist gespeichert.",
	SearchError:   "Ich kann gerade nicht in den Informationen der Stadt suchen.",

	FactCost:        "Kosten",
	FactAmount:      "Höhe der Leistung",
	FactTime:        "Dauer",
	FactDate:        "Datum",
	FactHours:       "Öffnungszeiten",
	FactPhone:       "Telefon",
	FactLink:        "Internet",
	FactAppointment: "Termin nötig",
	FactOnline:      "Online möglich",
	Yes:             "ja",
	No:              "nein",
	Closed:          "geschlossen",
	Weekdays:        [7]string{"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"},

	WaitOpen:          "Sie können hier im Chat bleiben: Während der Servicezeiten meldet sich in der Regel innerhalb von etwa %d Minuten jemand.",
	WaitClosed:        "Das Service-Team ist gerade nicht erreichbar und meldet sich ab %s. Sie können dann hier im Chat nachsehen oder mit Ihrer Vorgangsnummer nach dem Stand fragen.",
	ContactByMail:     "Wenn Sie eine Antwort per E-Mail möchten, schreiben Sie mir Ihre E-Mail-Adresse.",
	ContactByPhone:    "Wenn Sie einen Rückruf möchten, schreiben Sie mir Ihre Telefonnummer.",
	ContactConsent:    "Ihre Adresse oder Nummer verwenden wir nur, um Ihnen zu Vorgang %[1]s zu antworten, und löschen sie spätestens %[2]d Tage nach Abschluss des Vorgangs (Informationen nach Art. 13 DSGVO: %[3]s).",
	ContactSavedMail:  "Danke. Wir antworten Ihnen zu Vorgang %[1]s per E-Mail an %[2]s.",
	ContactSavedPhone: "Danke. Wir rufen Sie zu Vorgang %[1]s unter dieser Nummer zurück: %[2]s.",
	ContactFailed:     "Ich konnte Ihre Angabe gerade nicht speichern. Bitte schicken Sie sie noch einmal.",
	StatusNew:         "eingegangen, noch nicht bearbeitet",
	StatusOpen:        "offen",
	StatusInProgress:  "in Bearbeitung",
	StatusWaiting:     "wartet auf eine Rückmeldung",
	StatusResolved:    "erledigt",
	StatusClosed:      "abgeschlossen",
}

var messagesEN = messages{
	Disclosure:    "Note: you are writing with Lotse, the AI assistant of the {org}. You can talk to a person at any time – just write “agent”.",
	SourceGerman:  "Original text (German):",
	FrameSection:  "For “%[2]s”, the %[1]s says (section “%[3]s”):",
	FrameOverview: "For “%[2]s”, the %[1]s says:",
	KindService:   "service description",
	KindArticle:   "IT knowledge base",
	KindNotice:    "notice",
	KindLaw:       "statute",
	KindInstr:     "internal instruction",
	KindInfo:      "publication",
	ForYou:        "In your case:",
	MoreAt:        "More: %s",
	Related:       "One of these services may help:",
	NextOnline:    "Online service: %s",
	NextTerminURL: "Book an appointment here: %s",
	NextTermin:    "You can make an appointment – see the section “%s”.",
	HumanHint:     "If you would rather talk to a person, write “agent”.",
	Clarify:       "Do you mean “%[1]s” or “%[2]s”?",
	NotFound:      "I found nothing suitable on this in the city's information.",
	OfferHuman:    "Shall I pass your request on to a member of staff? Answer “yes” or write “agent”.",
	OutOfScope:    "I am sorry, I cannot help with that. I answer questions about the services of the city administration, for example about fees, documents or responsibilities.",
	Greet:         "Hello! How can I help? Ask me about the city's services, for example about fees, documents or opening hours.",
	AskWhat:       "Glad to help. What exactly is it about? Tell me which service you need or what you are planning – for example, what you want to apply for and what for.",
	Thanks:        "You are welcome! Can I help with anything else?",
	Bye:           "Goodbye and all the best!",
	Ack:           "Alright. Is there anything else I can do for you?",
	Who:           "I am Lotse, the AI assistant of the {org}. I answer questions about the city's services with excerpts from the official descriptions and pass your request on to a person when needed.",
	Abuse:         "I am happy to help – please keep it civil. If you want to talk to a person, write “agent”.",
	Sorry:         "I am sorry.",
	Escalated:     "I have passed your request on to the service team. Your reference number: %s. A member of staff will take care of it.",
	NoTickets:     "I am happy to put you in touch with a person. Unfortunately I cannot pass your request on from here.",
	ContactVia:    "You can reach the service team here: %s.",
	ContactNone:   "Please contact the city administration by phone or in person.",
	EscalateFail:  "Passing your request on to the service team did not work just now. I will try again with your next message; your messages are not lost. You can also reach the service team by phone.",
	EscalateLater: "Your request has now been passed on to the service team. Your reference number: %s.",
	CaseSpecific:  "I cannot say anything about the status of your personal case – only the service team can.",
	AgentHeld:     "A member of staff is handling this conversation.",
	TicketAskKey:  "What is your reference number? You find it in the confirmation you received.",
	TicketStatus:  "Status of your request %[1]s: %[2]s.",
	TicketUpdated: "Last updated: %s.",
	TicketSummary: "Subject: %s",
	TicketUnknown: "I cannot give you any information about this reference number. Please check the number; the service team can help with questions.",
	TicketNoDesk:  "Unfortunately I cannot look up the status of requests here.",
	TicketError:   "I cannot look up the status of your request right now. Please try again later.",
	IncidentNoIT:  "I cannot record an IT incident here.",
	SelfHelp:      "Meanwhile, this guide may already help: “%[1]s” (%[2]s)",
	NotStated:     "The source gives no exact figure for “%s”.",
	IncidentError: "I cannot record your incident right now; your message has been saved.",
	SearchError:   "I cannot search the city's information right now.",

	FactCost:        "Fees",
	FactAmount:      "Amount paid out",
	FactTime:        "Time",
	FactDate:        "Dates",
	FactHours:       "Opening hours",
	FactPhone:       "Phone",
	FactLink:        "Web",
	FactAppointment: "Appointment needed",
	FactOnline:      "Possible online",
	Yes:             "yes",
	No:              "no",
	Closed:          "closed",
	Weekdays:        [7]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},

	WaitOpen:          "You can stay here in the chat: during service hours someone usually replies within about %d minutes.",
	WaitClosed:        "The service team is not available right now and will be back from %s. You can look in here again then or ask for the status with your reference number.",
	ContactByMail:     "If you would like a reply by e-mail, send me your e-mail address.",
	ContactByPhone:    "If you would like a call back, send me your phone number.",
	ContactConsent:    "We use your address or number only to reply to you about request %[1]s and delete it at the latest %[2]d days after the request is closed (information under Art. 13 GDPR: %[3]s).",
	ContactSavedMail:  "Thank you. We will reply to you about request %[1]s by e-mail to %[2]s.",
	ContactSavedPhone: "Thank you. We will call you back about request %[1]s at this number: %[2]s.",
	ContactFailed:     "I could not save what you sent just now. Please send it again.",
	StatusNew:         "received, not yet handled",
	StatusOpen:        "open",
	StatusInProgress:  "being handled",
	StatusWaiting:     "waiting for a reply",
	StatusResolved:    "resolved",
	StatusClosed:      "closed",
}

// offlineLangs are the languages with offline sentences, German first.
var offlineLangs = []string{"de", "en", "tr", "ar", "uk", "ru", "pl"}

// baseMessages returns the sentences of lang before the organisation is
// filled in, and false for a language without its own.
func baseMessages(lang string) (messages, bool) {
	switch lang {
	case "de":
		return messagesDE, true
	case "en":
		return messagesEN, true
	case "tr":
		return messagesTR, true
	case "ar":
		return messagesAR, true
	case "uk":
		return messagesUK, true
	case "ru":
		return messagesRU, true
	case "pl":
		return messagesPL, true
	}
	return messages{}, false
}

// orgTexts are the sentences of one Assistant in every offline language,
// with its organisation's name filled in, and the names themselves for the
// prompts. English names the organisation by its English name; the other
// languages by its own (German) name, which residents see on its letters
// and signs.
type orgTexts struct {
	de, en     messages
	byLang     map[string]*messages
	simple     *messages // German in Einfache Sprache
	org, orgEN string
}

// newOrgTexts fills the organisation's German and English names into the
// sentences, with the prompts' defaults for empty names (see
// prompts.OrganizationNames).
func newOrgTexts(org, orgEN string) (orgTexts, error) {
	org, orgEN = prompts.OrganizationNames(org, orgEN)
	if err := checkOrganization(org); err != nil {
		return orgTexts{}, fmt.Errorf("organization: %w", err)
	}
	if err := checkOrganization(orgEN); err != nil {
		return orgTexts{}, fmt.Errorf("organization (English): %w", err)
	}
	o := orgTexts{de: withOrg(messagesDE, org), en: withOrg(messagesEN, orgEN), org: org, orgEN: orgEN, byLang: map[string]*messages{}}
	for _, l := range offlineLangs {
		m, _ := baseMessages(l)
		name := org
		if l == "en" {
			name = orgEN
		}
		m = withOrg(m, name)
		m.lang = l
		o.byLang[l] = &m
	}
	simple := withOrg(simpleGerman(messagesDE), org)
	simple.lang, simple.simple = "de", true
	o.simple = &simple
	return o, nil
}

// makePrinters gives every language's sentences of o their units, once
// for an Assistant (a bare orgTexts, as Parts makes one, leaves them nil).
func (o *orgTexts) makePrinters() {
	for l, m := range o.byLang {
		m.units = unitPrinter(l)
	}
	de := unitPrinter("de")
	o.simple.units = de
	o.de.units, o.en.units = de, de // their lang is "", read as German
}

// printer returns m's units, or a printer made for m's language ("" as
// German) when m has none.
func (m *messages) printer() *message.Printer {
	if m.units != nil {
		return m.units
	}
	lang := m.lang
	if lang == "" {
		lang = "de"
	}
	return unitPrinter(lang)
}

// checkOrganization rejects a name that cannot stand in a sentence: line
// breaks and other control characters, invalid UTF-8, placeholders, or
// more than maxOrganizationRunes.
func checkOrganization(name string) error {
	switch {
	case !utf8.ValidString(name):
		return errors.New("invalid UTF-8")
	case utf8.RuneCountInString(name) > maxOrganizationRunes:
		return fmt.Errorf("%q is longer than %d characters", name, maxOrganizationRunes)
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return fmt.Errorf("%q contains a line break or control character", name)
	case strings.Contains(name, orgPlaceholder):
		return fmt.Errorf("%q contains %s", name, orgPlaceholder)
	}
	return nil
}

// withOrg returns m with the organisation's name in place of
// orgPlaceholder.
func withOrg(m messages, org string) messages {
	m.Disclosure = strings.ReplaceAll(m.Disclosure, orgPlaceholder, org)
	m.Who = strings.ReplaceAll(m.Who, orgPlaceholder, org)
	return m
}

// msgs returns the sentences for lang, English for a language without
// its own.
func (o *orgTexts) msgs(lang string) *messages {
	if m, ok := o.byLang[lang]; ok {
		return m
	}
	return &o.en
}

// msgsFor returns the sentences for lang, in Einfache Sprache when simple
// and the language is German.
func (o *orgTexts) msgsFor(lang string, simple bool) *messages {
	if simple && lang == "de" {
		return o.simple
	}
	return o.msgs(lang)
}

// defaultTexts returns the sentences with the default organisation.
func defaultTexts() *orgTexts {
	o, _ := newOrgTexts("", "") // the defaults pass checkOrganization
	return &o
}

// Disclosure returns the AI disclosure that opens every conversation, in
// the language lang (English for one without offline sentences), naming
// DefaultOrganization.
// Channels of an Assistant use its Disclosure method, which names the
// configured organisation.
func Disclosure(lang string) string { return defaultTexts().msgs(normLangOrDE(lang)).Disclosure }

// Disclosure returns the AI disclosure that opens every conversation of a,
// in the language lang (English for one without offline sentences), naming
// the organisation of Config. Channels reuse it for welcome messages and phone greetings.
func (a *Assistant) Disclosure(lang string) string {
	return a.texts.msgs(normLangOrDE(lang)).Disclosure
}

func normLangOrDE(lang string) string {
	if l := normLang(lang); l != "" {
		return l
	}
	return "de"
}

// kindName names the kind of document d in a frame sentence. An article
// is an IT knowledge article for employees and an information page for
// citizens.
func (m *messages) kindName(d knowledge.Document) string {
	switch d.Kind {
	case knowledge.KindArticle:
		if d.Audience == knowledge.Citizen || d.Audience == knowledge.All {
			return m.KindInfo
		}
		return m.KindArticle
	case knowledge.KindNotice:
		return m.KindNotice
	case knowledge.KindLaw:
		return m.KindLaw
	case knowledge.KindInstruction:
		return m.KindInstr
	}
	return m.KindService
}

// kindLabel names d's kind for the frame sentence: the label its
// knowledge root gives it (German answers only; after the kind's name when
// the label's first noun does not take "in der"), else the kind's name.
func (a *Assistant) kindLabel(m *messages, d knowledge.Document) string {
	if d.Label == "" || m.lang != "de" {
		return m.kindName(d)
	}
	if first, _, _ := strings.Cut(d.Label, " "); german.FeminineSingular(first) {
		return d.Label // "in der Pressemitteilung der Stadt …"
	}
	// "in der Bekanntmachung aus „Amtsblatt der Stadt …“": the frame's
	// "in der" fits the kind, not every label an editor writes.
	return m.kindName(d) + " aus „" + d.Label + "“"
}
