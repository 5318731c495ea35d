// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"strings"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge/german"
)

// texts are the fixed sentences of the phone dialog in one language. They
// carry no facts about services; those come only from the assistant.
type texts struct {
	Greeting     string // AI disclosure and the options; {org} is the organisation (see greeting)
	Offer        string // the offer of this language in the greeting, in this language
	HowCanIHelp  string
	Switched     string // said after DTMF 9 switched to this language
	More         string // "Möchten Sie mehr wissen?"
	Another      string // after a complete answer
	AskQuestion  string // after "yes" to Another
	NotHeard     string // silence; the question of the dialog's stage follows
	NotSure      string // low-confidence recognition; likewise
	Repeat       string // after NotSure when a question was expected
	OfferHuman   string // after the reprompts
	NoKey        string // unknown DTMF key
	Nothing      string // DTMF 1 with nothing to repeat
	Filler       string // answer not ready within the budget
	StillWorking string // answer still not ready after a redirect
	Lost         string // a redirect for an answer that is gone
	TooLong      string
	Failed       string // the assistant failed
	Consent      string
	Transfer     string // %s is replaced by the spelled ticket key (may be empty)
	TicketIs     string // "Ihre Vorgangsnummer ist %s."
	NoDesk       string // no desk number: the team calls back / takes care
	NoDeskNoCall string // no desk number and no ticket
	Connecting   string
	Goodbye      string
	GoneSilent   string // hang up after silence following the offer
	// Link replaces URLs in spoken answers in this language (the
	// configured LinkText is German and English); Spoken are pairs of the
	// assistant's chat words and what a caller is told instead ("yazın" →
	// "deyin").
	Link       string
	Spoken     []string
	CallbackAt string // %s the caller's number, digit by digit, after consent
	// Plus is the word for a leading "+" of a phone number. In a
	// language with Plus set, phone numbers in the answer are read digit
	// by digit, block by block as they are written ("0 1 2 3, 4 5 6, 1 0
	// 0"), which a voice of that language says as digits; German and
	// English voices read them in pairs (speech.go).
	Plus string
	// Speech has the words for reading figures, signs and lists in a
	// language the renderer does not know (nil for German and English).
	Speech *speechWords
}

var textsDE = texts{
	Greeting:     "Guten Tag! Sie sprechen mit Lotse, dem KI-Assistenten der {org}. Ich bin ein Computerprogramm, kein Mensch. Sie können jederzeit mit einem Menschen sprechen: Sagen Sie ‚Mitarbeiter' oder drücken Sie die 0.",
	Offer:        "Für Deutsch drücken Sie die 8.",
	HowCanIHelp:  "Wie kann ich Ihnen helfen?",
	Switched:     "Ich spreche jetzt Deutsch. Wie kann ich Ihnen helfen?",
	More:         "Möchten Sie mehr wissen?",
	Another:      "Haben Sie noch eine Frage?",
	AskQuestion:  "Bitte stellen Sie Ihre Frage.",
	NotHeard:     "Ich habe Sie leider nicht gehört.",
	NotSure:      "Entschuldigung, das habe ich nicht sicher verstanden.",
	Repeat:       "Bitte wiederholen Sie Ihre Frage.",
	OfferHuman:   "Ich kann Sie leider nicht gut verstehen. Möchten Sie mit einer Mitarbeiterin oder einem Mitarbeiter sprechen? Sagen Sie Ja oder drücken Sie die 0.",
	NoKey:        "Diese Taste ist nicht belegt. Drücken Sie die 0 für einen Menschen, die 1 zum Wiederholen oder die 9 für Englisch.",
	Nothing:      "Ich habe noch nichts gesagt, das ich wiederholen könnte. Wie kann ich Ihnen helfen?",
	Filler:       "Einen Moment bitte, ich sehe nach.",
	StillWorking: "Einen Moment noch, bitte.",
	Lost:         "Entschuldigung, mir ist Ihre Frage verloren gegangen. Bitte stellen Sie sie noch einmal.",
	TooLong:      "Das war leider zu lang für mich. Bitte stellen Sie Ihre Frage kürzer.",
	Failed:       "Entschuldigung, da ist bei mir etwas schiefgegangen. Möchten Sie mit einer Mitarbeiterin oder einem Mitarbeiter sprechen? Sagen Sie Ja oder drücken Sie die 0.",
	Consent:      "Dürfen wir Ihre Rufnummer für einen Rückruf speichern? Sagen Sie Ja oder Nein.",
	TicketIs:     "Ihre Vorgangsnummer ist %s.",
	NoDesk:       "Eine Mitarbeiterin oder ein Mitarbeiter kümmert sich um Ihr Anliegen. Vielen Dank für Ihren Anruf. Auf Wiederhören!",
	NoDeskNoCall: "Leider kann ich Sie gerade nicht verbinden. Bitte rufen Sie während der Öffnungszeiten erneut an. Auf Wiederhören!",
	Connecting:   "Ich verbinde Sie jetzt mit dem Service-Team. Bitte bleiben Sie dran.",
	Goodbye:      "Vielen Dank für Ihren Anruf. Auf Wiederhören!",
	GoneSilent:   "Ich höre leider nichts mehr. Bitte rufen Sie gern erneut an. Auf Wiederhören!",
	CallbackAt:   "Für einen Rückruf haben wir Ihre Nummer gespeichert: %s.",
}

var textsEN = texts{
	Greeting:     "Hello! You are speaking with Lotse, the AI assistant of the {org}. I am a computer program, not a person. You can talk to a person at any time: say ‘agent' or press 0.",
	Offer:        "For English, press 9.",
	HowCanIHelp:  "How can I help you?",
	Switched:     "I will speak English now. How can I help you?",
	More:         "Would you like to know more?",
	Another:      "Do you have another question?",
	AskQuestion:  "Please ask your question.",
	NotHeard:     "Sorry, I did not hear you.",
	NotSure:      "Sorry, I did not understand that clearly.",
	Repeat:       "Please repeat your question.",
	OfferHuman:   "I am having trouble understanding you. Would you like to talk to a member of staff? Say yes or press 0.",
	NoKey:        "That key has no function. Press 0 for a person, 1 to repeat or 9 for German.",
	Nothing:      "I have not said anything to repeat yet. How can I help you?",
	Filler:       "One moment please, I am looking it up.",
	StillWorking: "Just a moment, please.",
	Lost:         "Sorry, I lost your question. Please ask it again.",
	TooLong:      "That was too long for me. Please ask your question more briefly.",
	Failed:       "Sorry, something went wrong on my side. Would you like to talk to a member of staff? Say yes or press 0.",
	Consent:      "May we store your phone number so that we can call you back? Please say yes or no.",
	TicketIs:     "Your reference number is %s.",
	NoDesk:       "A member of staff will take care of your request. Thank you for calling. Goodbye!",
	NoDeskNoCall: "Unfortunately I cannot connect you right now. Please call again during opening hours. Goodbye!",
	Connecting:   "I am connecting you to the service team now. Please hold the line.",
	Goodbye:      "Thank you for calling. Goodbye!",
	GoneSilent:   "I cannot hear you any more. Please feel free to call again. Goodbye!",
	CallbackAt:   "We have stored your number for a call back: %s.",
}

// What the service desk hears on answering a transfer, before the caller
// is connected (see transfer.go). The desk works in German.
const (
	whisperTicket   = "Anruf über Lotse, Vorgang %s." // %s: the spelled ticket key
	whisperNoTicket = "Anruf über Lotse, ohne Vorgangsnummer."
	whisperAsked    = "Gefragt wurde:" // followed by the caller's last questions
)

// phoneLangs are the languages of the phone dialog in the order the
// greeting offers them.
var phoneLangs = []string{"de", "en", "tr", "ar", "uk", "ru", "pl"}

func textsFor(lang string) *texts {
	switch lang {
	case "en":
		return &textsEN
	case "tr":
		return &textsTR
	case "ar":
		return &textsAR
	case "uk":
		return &textsUK
	case "ru":
		return &textsRU
	case "pl":
		return &textsPL
	}
	return &textsDE
}

// knownLang reports whether the dialog speaks lang.
func knownLang(lang string) bool {
	for _, l := range phoneLangs {
		if l == lang {
			return true
		}
	}
	return false
}

// langKeys are the DTMF keys that choose a language; 9 is English, and in
// English it switches back to German.
var langKeys = map[string]string{"2": "tr", "3": "ar", "4": "uk", "5": "ru", "6": "pl", "8": "de"}

// keyLang returns the language key chooses in a call in lang, or "".
func keyLang(key, lang string) string {
	if key == "9" {
		return otherLang(lang)
	}
	return langKeys[key]
}

// offers are the greeting's offers of the other languages, each said in
// its own language.
func offers(lang string) []Say {
	var out []Say
	for _, l := range phoneLangs {
		if l != lang {
			out = append(out, Say{Text: textsFor(l).Offer, Lang: l})
		}
	}
	return out
}

// speakPhones writes the phone numbers of text (in the call's language
// t) digit by digit, block by block, with t's word for "+"; text is
// unchanged when t reads numbers in pairs (no Plus).
func speakPhones(text string, t *texts) string {
	if t.Plus == "" {
		return text
	}
	return rePhone.ReplaceAllStringFunc(text, func(m string) string {
		blocks := strings.FieldsFunc(m, func(r rune) bool { return r < '0' || r > '9' })
		n := 0
		for _, b := range blocks {
			n += len(b)
		}
		if n < 6 {
			return m // not a phone number
		}
		var out []string
		for i, b := range blocks {
			d := spaced(b)
			if i == 0 && strings.HasPrefix(m, "+") {
				d = t.Plus + " " + d
			}
			out = append(out, d)
		}
		return strings.Join(out, ", ")
	})
}

// spellNumberIn spells a caller's number for the call's language t
// (SpellNumber with t's word for "+").
func spellNumberIn(number string, t *texts) string {
	s := SpellNumber(number)
	if t.Plus != "" {
		if rest, ok := strings.CutPrefix(s, "plus"); ok {
			s = t.Plus + rest
		}
	}
	return s
}

// quoteAnnouncement is said in German before a German quote inside an
// answer in another language, with a German voice.
const quoteAnnouncement = "Auf Deutsch steht dort:"

// langNames are the names by which a caller asks for a language, in the
// matching form of normalize; a short utterance that is one of them
// switches the call's language.
var langNames = func() map[string]string {
	names := map[string][]string{
		"de": {"deutsch", "german", "almanca", "niemiecki", "po niemiecku", "німецька", "немецкий", "ألماني", "الألمانية"},
		"en": {"englisch", "english", "ingilizce", "angielski", "po angielsku", "англійська", "английский", "إنجليزي", "الإنجليزية"},
		"tr": {"türkisch", "turkish", "türkçe", "turkce"},
		"ar": {"arabisch", "arabic", "عربي", "العربية"},
		"uk": {"ukrainisch", "ukrainian", "українська", "українською", "ukrainski"},
		"ru": {"russisch", "russian", "русский", "по русски", "rosyjski"},
		"pl": {"polnisch", "polish", "polski", "po polsku"},
	}
	out := map[string]string{}
	for l, ns := range names {
		for _, n := range ns {
			out[normalize(n)] = l
		}
	}
	return out
}()

// spokenLang returns the language a short utterance asks for by its name
// ("Türkçe", "English please"), or "".
func spokenLang(s string) string {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, " bitte"), " please"), " lütfen")
	return langNames[s]
}

// greeting returns the Greeting for lang with the organisation's name of
// cfg: OrganizationEN in English, Organization in every other language
// (its own name), with the defaults of package assistant when empty.
func greeting(cfg *Config, lang string) string {
	org := strings.TrimSpace(cfg.Organization)
	if lang == "en" {
		if en := strings.TrimSpace(cfg.OrganizationEN); en != "" {
			org = en
		} else if org == "" {
			org = assistant.DefaultOrganizationEN
		}
	}
	if org == "" {
		org = assistant.DefaultOrganization
	}
	return strings.ReplaceAll(textsFor(lang).Greeting, "{org}", org)
}

func otherLang(lang string) string {
	if lang == "en" {
		return "de"
	}
	return "en"
}

// words of the caller's answers, in the matching form of normalize.
var (
	// The general yes/no words (package german) and what a caller says to
	// the offers of this channel ("Möchten Sie mehr hören?").
	yesWords = normalizeAll(append(german.YesWords(), "sicher", "mehr", "weiter", "more",
		"evet", "tak", "так", "да", "نعم"))
	noWords = normalizeAll(append(german.NoWords(), "nichts", "nothing",
		"hayır", "hayir", "nie", "ні", "нет", "لا"))
	byeWords = normalizeAll([]string{"tschüss", "tschüs", "auf wiederhören", "auf wiedersehen", "nein danke", "danke nein", "das wars", "das war's",
		"das war alles", "bye", "goodbye", "good bye", "no thanks", "no thank you", "that's all", "ciao",
		"hoşça kal", "görüşürüz", "do widzenia", "до побачення", "до свидания", "مع السلامة"})
	humanWords = normalizeAll([]string{"mitarbeiter", "mitarbeiterin", "mensch", "menschen", "sachbearbeiter", "sachbearbeiterin",
		"vermittlung", "agent", "operator", "human", "person", "staff", "servicemitarbeiter",
		"temsilci", "insan", "konsultant", "człowiek", "оператор", "людина", "человек", "موظف"})
	humanVerbs = normalizeAll([]string{"sprechen", "verbinden", "reden", "durchstellen", "talk", "speak", "connect"})
)

// normalize is the matching form of speech (package german): lower case,
// umlauts spelled out, punctuation dropped, so that "Tschüss!" and
// "tschuess" agree.
func normalize(s string) string { return german.Normalize(s) }

func normalizeAll(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = normalize(p)
	}
	return out
}

// is reports whether the normalized speech s is one of phrases, or one of
// them followed by "danke"/"thanks" ("ja danke").
func is(s string, phrases []string) bool {
	short := strings.TrimSuffix(strings.TrimSuffix(s, " danke"), " thanks")
	for _, p := range phrases {
		if s == p || short == p {
			return true
		}
	}
	return false
}

// isBye reports whether s ends the call: a goodbye phrase alone or at the
// end of a short utterance ("okay danke tschüss").
func isBye(s string) bool {
	if is(s, byeWords) {
		return true
	}
	if len(strings.Fields(s)) > 5 {
		return false
	}
	for _, p := range byeWords {
		if strings.HasSuffix(s, " "+p) && p != "nein danke" {
			return true
		}
	}
	return false
}

// isHumanRequest reports whether s asks for a person: a word for staff in
// a short utterance, or with a verb like "sprechen".
func isHumanRequest(s string) bool {
	words := strings.Fields(s)
	found := false
	for _, w := range words {
		for _, h := range humanWords {
			if w == h {
				found = true
			}
		}
	}
	if !found {
		return false
	}
	if len(words) <= 4 {
		return true
	}
	for _, w := range words {
		for _, v := range humanVerbs {
			if w == v {
				return true
			}
		}
	}
	return false
}
