// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"strings"

	"github.com/musterstadt/lotse/knowledge/german"
)

// slotExtractor finds slot values in free text with regular expressions
// and small lexicons, German first with English fallbacks. It is stateless
// and safe for concurrent use.
type slotExtractor struct {
	since       []*regexp.Regexp
	room        *regexp.Regexp
	building    *regexp.Regexp
	homeOffice  *regexp.Regexp
	place       *regexp.Regexp // a word of a place, in a free-text answer where the asker sits
	affectedNo  *regexp.Regexp
	affectedAll *regexp.Regexp
	affSome     *regexp.Regexp
	notOnly     *regexp.Regexp
	colleagues  *regexp.Regexp
	firstPerson *regexp.Regexp
	clauses     *regexp.Regexp // what ends a clause ("und" joins the asker and others)
	negation    *regexp.Regexp
	workNo      *regexp.Regexp
	workPartly  *regexp.Regexp
	workYes     *regexp.Regexp
	problem     *regexp.Regexp
	dunno       *regexp.Regexp
	cancel      *regexp.Regexp
	fileNow     *regexp.Regexp // "ja bitte sofort aufnehmen", "mach einfach das Ticket"
	different   *regexp.Regexp
	segments    *regexp.Regexp
}

const (
	dayPart = `(?:früh|frueh|morgen|vormittag|mittag|nachmittag|abend)`
	weekday = `(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)`
	count   = `(?:einer|einem|einen|ein\s+paar|paar|wenigen|mehreren|\d+|zwei|drei|vier|fünf|sechs|zehn|zwanzig|dreißig)`
	unit    = `(?:minute|minuten|stunde|stunden|tag|tagen|woche|wochen)`
	clock   = `\d{1,2}(?:[:.]\d{2})?`
	// clockWord is an hour said in words: "seit zehn Uhr", "ab halb neun".
	clockWord = `(?:halb\s+)?(?:eins|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)`
	// clockPart is a time said by its half or quarter, with or without
	// "Uhr": "seit halb neun", "ab viertel nach acht", "seit dreiviertel 9".
	clockPart = `(?:halb|viertel\s+(?:nach|vor)|dreiviertel)\s+(?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\d{1,2})(?:\s+uhr)?`
	floor     = `[,\s]+(?:(?:\d\.?|erste[nmr]?|zweite[nmr]?|dritte[nmr]?|vierte[nmr]?|fünfte[nmr]?)\s*(?:og|etage|stock|obergeschoss)|eg|erdgeschoss|ug|untergeschoss|keller)`
)

func newSlotExtractor() *slotExtractor {
	re := func(s string) *regexp.Regexp { return regexp.MustCompile(`(?i)` + s) }
	return &slotExtractor{
		since: []*regexp.Regexp{
			re(`\bseit\s+(?:ca\.?\s+|circa\s+|etwa\s+|ungefähr\s+|kurz\s+nach\s+|kurz\s+vor\s+)?(?:` +
				count + `\s+` + unit + `|` +
				clock + `\s*uhr|` + clockPart + `|` + clockWord + `\s+uhr|` +
				`(?:heute|gestern|vorgestern)(?:\s+` + dayPart + `)?|` +
				weekday + `(?:\s*` + dayPart + `)?|` +
				`letzte[rnm]?\s+(?:woche|nacht|` + weekday + `)|` +
				`kurzem|dem\s+update|dem\s+neustart|der\s+mittagspause|` +
				dayPart + `|` + clock + `)\b`),
			re(`\b(?:heute\s+` + dayPart + `|gestern(?:\s+` + dayPart + `)?|gerade\s+eben|eben\s+gerade|vorhin|` +
				`vor\s+` + count + `\s+` + unit + `|ab\s+` + clock + `\s*uhr|ab\s+` + clockPart + `|ab\s+` + clockWord + `\s+uhr)\b`),
			re(`\bsince\s+(?:this\s+morning|yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+[\pL\pN]+|` +
				`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\d{1,2}(?::\d{2})?\s*(?:am|pm|o'clock)?)`),
			re(`\b(?:this\s+morning|just\s+now|(?:an?|\d+|one|two|three|a\s+few)\s+(?:minutes?|hours?|days?)\s+ago)\b`),
		},
		room:       re(`\b(?:raum|zimmer|büro|buero|room|office|zi\.)\s*(?:nr\.?\s*|nummer\s*)?[a-z]?\d+(?:[./-]\d+)*[a-z]?\b`),
		building:   re(`\b(?:[\pL-]+(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm)\s+\d+[a-z]?|(?:im\s+)?(?:rathaus|stadthaus|bürgerbüro|bürgeramt|bauhof|außenstelle\s+\S+|\pL*gebäude\s+\S+)(?:` + floor + `)?|` + floor + `)\b`),
		place:      re(`\d|\b(?:raum|zimmer|büro|buero|flur|gang|etage|stock|stockwerk|og|eg|ug|geschoss|keller|haus|gebäude|trakt|flügel|amt|stelle|saal|halle|schalter|empfang|theke|platz|arbeitsplatz|straße|strasse|home\s?office|zuhause|zu\s+hause|daheim|room|office|floor|building|desk)|\pL+(?:raum|zimmer|büro|saal|amt|stelle|haus|gebäude|straße|platz)\b`),
		homeOffice: re(`\b(?:home\s?-?office|von\s+zu\s?hause|zu\s?hause|mobil(?:es)?\s+arbeiten|working\s+from\s+home|at\s+home|remote)\b`),
		affectedNo: re(`\b(?:nur\s+(?:ich|bei\s+mir|mich|mein(?:en|em)?\s+(?:pc|rechner|platz|arbeitsplatz|laptop|konto)|meiner|meins|meine\s*(?:$|[,.;!]))|` +
			`niemand\s+(?:sonst|anderes?)|sonst\s+(?:niemand|keiner)|keine?r?\s+sonst|` +
			`(?:die\s+|den\s+|bei\s+den\s+)?(?:kolleg[\pL\pN]*|anderen)\s+(?:[\pL\pN]+\s+){0,3}?(?:geht|gehts|funktioniert|klappt)(?:\s+es|\s+alles)?\s*(?:$|[,.;!]|\s+(?:aber|normal|einwandfrei|problemlos))|` +
			`only\s+me|just\s+me|nobody\s+else|no\s+one\s+else|only\s+my\s+(?:pc|computer|laptop|account))\b`),
		// "die ganze Abteilung", "die ganze Zulassungsstelle", "das ganze
		// Standesamt": a unit of the administration, by the head of its
		// name.
		affectedAll: re(`\b(?:(?:die\s+|den\s+|das\s+|der\s+)?ganze[ns]?\s+(?:(?:erste|zweite|dritte|vierte|fünfte)[nmr]?\s+|\d\.\s*)?\pL*(?:abteilung|amt|stelle|team|haus|gebäude|etage|stock|stockwerk|geschoss|obergeschoss|flur|referat|dezernat|verwaltung|büro|standort|behörde)|` +
			// Ten people and more: "bestimmt zwanzig Leute".
			`(?:zehn|elf|zwölf|fünfzehn|zwanzig|dreißig|vierzig|fünfzig|hundert|\d{2,})\s+(?:leute|kolleg[\pL\pN]*|mitarbeit[\pL\pN]*|personen|arbeitsplätze|plätze)|` +
			`alle\s+(?:kolleg[\pL\pN]*|mitarbeit[\pL\pN]*|(?:arbeits)?plätze|rechner|pcs|geräte|telefone|apparate|anschlüsse|nebenstellen|hier|anderen|im\s+[\pL\pN]+|in\s+der\s+[\pL\pN]+|auf\s+der\s+[\pL\pN]+|(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\s+[\pL\pN]+)|` +
			`(?:bei|für)\s+alle[n]?\b|niemand\s+(?:hier|im|in|kann)|keiner\s+(?:hier|im|in|kann)|` +
			`abteilungsweit|hausweit|flächendeckend|` +
			`whole\s+(?:department|team|office|building|floor)|everyone|everybody|all\s+(?:colleagues|users|of\s+us))\b|(?:^|[^\pL\pN])überall(?:$|[^\pL\pN])`),
		affSome: re(`\b(?:(?:mehrere|einige|ein\s+paar|zwei|drei|vier|fünf|sechs|sieben|acht|neun|[2-9])\s+(?:kolleg[\pL\pN]*|leute|mitarbeit[\pL\pN]*|personen)|` +
			`(?:kolleg[\pL\pN]*|nachbar[\pL\pN]*|andere)\s+(?:[\pL\pN]+\s+){0,4}?(?:auch|ebenfalls)|` +
			// "die andern auf dem Flur gehen jetzt in den 2. Stock drucken"
			`(?:die|alle)\s+andere?n\s+(?:auf|im|in|aus)\s+(?:dem\s+|der\s+|unserem\s+|unserer\s+)?(?:flur|gang|stock|etage|büro|abteilung|team|zimmer)|` +
			`auch\s+(?:bei\s+)?(?:meine[nmr]?\s+|den\s+|der\s+)?(?:kolleg[\pL\pN]*|anderen|nachbar[\pL\pN]*)|nicht\s+nur\s+(?:ich|bei\s+mir)|` +
			// "bei mir und bei der Kollegin am Nachbarplatz", "bei beiden
			// Kolleginnen"
			`(?:bei\s+)?(?:beiden|zwei|drei)\s+(?:kolleg[\pL\pN]*|mitarbeit[\pL\pN]*)|` +
			`(?:bei\s+)?mir\s+und\s+(?:bei\s+)?(?:der|dem|den|meine[rmn]?|einer|einem|zwei|drei)\s+(?:[\pL\pN]+\s+)?(?:kolleg[\pL\pN]*|nachbar[\pL\pN]*)|` +
			`(?:colleagues?|others)\s+(?:[\pL\pN]+\s+){0,3}?(?:too|as\s+well|also)|several\s+(?:people|colleagues|users))\b`),
		notOnly:     re(`\bnicht\s+nur\s+(?:ich|bei\s+mir|mich|mein(?:en|em)?\s+[\pL\pN]+)\b`),
		colleagues:  re(`\b(?:kolleg[\pL\pN]*|andere[n]?|nachbar[\pL\pN]*|colleagues?|others)\b`),
		firstPerson: re(`\b(?:ich|wir|mir|mich|uns|i|we|me|us)\b`),
		negation:    re(`\b(?:nicht|not)\b`),
		workNo: re(`\b(?:k(?:ann|önnen|annst)\s+(?:[\pL\pN]+\s+){0,4}?(?:gar\s+|überhaupt\s+|absolut\s+)?nicht(?:s)?\s+(?:mehr\s+)?(?:arbeiten|weiterarbeiten|machen|tun)|` +
			`(?:keiner|niemand)\s+kann\s+(?:mehr\s+)?arbeiten|(?:keiner|niemand)\s+kommt\s+(?:mehr\s+)?rein|(?:keiner|niemand)\s+kommt\s+(?:mehr\s+)?an\s+(?:sein|ihr|die|den|unser)\w*\s+[\pL\pN]+|nichts\s+(?:mehr\s+)?(?:machen|tun|arbeiten)|geht\s+gar\s+nichts|geht\s+(?:gar\s+)?nix|nix\s+geht|^\s*nicht\s+wirklich\b|arbeitsunfähig|stillstand|keine\s+arbeit\s+möglich|` +
			`can(?:not|'t|\s+not)\s+(?:work|do\s+anything)|completely\s+blocked)\b`),
		workPartly: re(`^\s*(?:kaum\s*(?:[.,!]|$)|geht\s+so\b)|(?:^|[^\pL])(?:also|so|nur|eher)\s+halb\s*(?:[.,!?]|$)|` +
			`\b(?:we|i)\s+can\s+(?:still\s+)?(?:use|print|call|work\s+on)\b|\bgeht\s+also\b|` +
			// A way round it: "ich kann übers Handy telefonieren", "wir
			// können am anderen Drucker drucken".
			`\bk(?:ann|önnen)\s+(?:ich\s+|wir\s+)?(?:übers|über\s+(?:das|den|die|mein|meine|meinen)|mit\s+(?:dem|der|meinem|meiner)|am\s+anderen|an\s+(?:einem|einer)\s+anderen|vom)\s|\b(?:mit\s+(?:[\pL\pN]+\s+){1,2}geht(?:'s|\s+es)|eingeschränkt|teilweise|zum\s+teil|halbwegs|so\s+lala|erstmal|erst\s+mal|vorerst|notfalls|zur\s+not|geht\s+(?:aber\s+)?noch|geht\s+(?:also\s+|schon\s+|ja\s+)?irgendwie|irgendwie\s+geht(?:'s|\s+es)?|mit\s+einschränkungen|umständlich|mühsam|behelf[\pL\pN]*|nur\s+mit\s+mühe|partly|partially|limited|impaired)\b`),
		workYes: re(`\b(?:k(?:ann|önnen)\s+(?:[\pL\pN]+\s+){0,3}?(?:trotzdem|noch|weiter|normal|aber|ja)\s+(?:[\pL\pN]+\s+)?(?:arbeiten|weiterarbeiten)|` +
			`k(?:ann|önnen)\s+(?:[\pL\pN]+\s+){0,2}?weiterarbeiten|ausweich[\pL\pN]*|workaround|nicht\s+(?:so\s+)?dringend|keine\s+eile|hat\s+zeit|` +
			// "nervt halt, arbeiten geht", "ich kann arbeiten", "geht schon"
			`arbeiten\s+(?:geht|klappt|kann\s+ich|ist\s+möglich)|(?:ich|wir)\s+k(?:ann|önnen)\s+arbeiten|geht\s+schon\s*(?:[,.!]|$)|` +
			`can\s+(?:still\s+)?work|not\s+urgent)\b`),
		problem: re(`(?:geht\s+(?:[\pL]+\s+){0,3}?nicht|gehen\s+nicht|geht\s+nichts|funktionier[\pL\pN]*\s+nicht|klappt\s+nicht|startet\s+nicht|fährt\s+nicht|reagiert\s+nicht|` +
			`hängt|abgestürzt|stürzt|bricht|nicht\s+(?:mehr|erkannt|gefunden|verfügbar|möglich)|fehler|error|meldung|kaputt|defekt|ausgefallen|ausfall|keine\s+verbindung|nicht\s+erreichbar|` +
			`verbindet\s+nicht|kein(?:en|e)?\s+(?:zugriff|empfang|ton|bild|netz|internet|signal|verbindung|anrufe?|mails?|e-mails?|freizeichen|papier)|lässt\s+sich\s+nicht|` +
			`k(?:ann|önnen)\s+(?:[\pL\pN]+\s+){0,4}?nicht|komme?\s+nicht|langsam|verschwunden|gesperrt|druckt\s+nicht|flackert|schwarz|` +
			`bluescreen|not\s+working|doesn't\s+work|does\s+not\s+work|broken|fail[\pL\pN]*|crash[\pL\pN]*|can't|cannot|won't|no\s+connection|\bdown\b|weg\b)`),
		dunno: re(`\b(?:weiß\s+(?:ich\s+)?nicht?|weiss\s+(?:ich\s+)?nicht?|keine\s+ahnung|keinen\s+(?:plan|schimmer)|kp|k\.\s*a|unbekannt|unklar|don'?t\s+know|no\s+idea|not\s+sure)\b`),
		// A bare consent ("ja bitte", "ja gerne, schnell") answers no
		// question of the intake's: it asks to go ahead. (A fact asked
		// is answered "ja" or "ja, kann ich", not "ja bitte".)
		fileNow: re(`^\s*(?:ja|jawohl|yes)[\s,]+(?:bitte|gerne|gern|please)(?:[\s,]+(?:schnell|sofort|danke|thanks))?[\s.!]*$|` +
			`\b(?:(?:sofort|gleich|einfach|bitte|jetzt)\s+(?:(?:das|es|so|als|eine?n?|störung|ticket|meldung|vorfall)\s+){0,3}(?:aufnehmen|anlegen|aufmachen|erstellen|eröffnen|melden|weiterleiten)|(?:mach|leg|erstell)\w*\s+(?:\w+\s+){0,3}(?:ticket|meldung)|^\s*(?:(?:ja|jo|jap|jawohl|ok(?:ay)?|klar|gut)[\s,]+)?(?:mach\s+(?:mal|das|ruhig|es|bitte)|machen\s+sie\s+(?:mal|das|ruhig)|leg\s+(?:los|an)|nur\s+zu)[\s.!]*$|^\s*go\s+ahead[\s.!]*$|ticket\s+(?:\w+\s+){0,2}(?:aufnehmen|anlegen|erstellen|aufmachen|machen)|(?:open|create|file|raise)\s+(?:\w+\s+){0,2}ticket|` +
			// "passt so, schick raus", "ab damit": send it off as it is.
			`schick\w*\s+(?:\w+\s+){0,2}(?:raus|ab|los|weg)|abschicken|absenden|raus\s+damit|ab\s+damit|send\s+it|` +
			// "bitte nehmen Sie das auf", "leiten Sie es weiter": the
			// separable verbs split.
			`(?:nehmen\s+sie|nimm|nehmt)\s+(?:\w+\s+){0,3}auf|(?:leiten|geben)\s+sie\s+(?:\w+\s+){0,3}weiter)\b`),
		cancel:    re(`^\s*(?:abbrechen|abbruch|stopp?|cancel|vergiss\s+es|hat\s+sich\s+erledigt|(?:es\s+)?geht\s+wieder|never\s*mind|it\s+works\s+again)\b`),
		different: re(`(?:^|[^\pL\pN])(?:nein|nee|nö|no|anders|andere[rs]?\s+(?:problem|fehler|sache)|etwas\s+anderes|was\s+anderes|nicht\s+(?:das\s+)?(?:gleiche|selbe|dasselbe)|different|something\s+else)(?:$|[^\pL\pN])`),
		segments:  regexp.MustCompile(`[,;!?\n]+|\.\s+|\s+(?:und|and)\s+`),
		clauses:   regexp.MustCompile(`[,;!?\n]+|\.\s+`),
	}
}

// extracted holds slot values found in one message; empty means not found.
type extracted struct {
	since, location, othersAffected, canWork string
	symptom                                  bool // the text describes a problem
}

func (x *slotExtractor) extract(text string) extracted {
	var e extracted
	e.since = x.sinceIn(text)
	// Where others sit and whether they can work says nothing of the
	// asker ("die Kollegen im Rathaus vor Ort können normal arbeiten").
	own := x.withoutOthers(text)
	switch {
	case x.room.MatchString(own):
		e.location = x.room.FindString(own)
	case x.building.MatchString(own):
		e.location = strings.TrimSpace(x.building.FindString(own))
	case x.homeOffice.MatchString(own):
		e.location = "Homeoffice"
	}
	e.othersAffected = x.affected(text)
	switch {
	case x.workNo.MatchString(own):
		e.canWork = CanWorkNo
	case x.workPartly.MatchString(own):
		e.canWork = CanWorkPartly
	case x.workYes.MatchString(own):
		e.canWork = CanWorkYes
	}
	e.symptom = x.problem.MatchString(text)
	return e
}

// withoutOthers returns text without its clauses about others alone:
// "die Kollegen vor Ort können normal arbeiten" says nothing of whether
// or where the asker works; "ich und die Kollegen können nicht arbeiten"
// does.
func (x *slotExtractor) withoutOthers(text string) string {
	if !x.colleagues.MatchString(text) {
		return text
	}
	var own []string
	for _, seg := range x.clauses.Split(text, -1) {
		if x.colleagues.MatchString(seg) && !x.firstPerson.MatchString(seg) {
			continue
		}
		own = append(own, seg)
	}
	return strings.Join(own, ", ")
}

// affected classifies who else is affected; "" when the text says nothing.
func (x *slotExtractor) affected(text string) string {
	switch {
	case x.notOnly.MatchString(text):
		// "nicht nur bei mir" holds "nur bei mir".
		return AffectedSome
	case x.affectedNo.MatchString(text):
		return AffectedNo
	case x.affectedAll.MatchString(text):
		return AffectedAll
	case x.affSome.MatchString(text):
		return AffectedSome
	}
	// "bei den Kollegen geht es auch nicht" is caught by affSome; a bare
	// mention of colleagues together with a negation means they have the
	// problem too.
	if x.colleagues.MatchString(text) && x.negation.MatchString(text) {
		return AffectedSome
	}
	return ""
}

// answer classifies a reply as yes (1), no (-1) or neither (0).
func (x *slotExtractor) answer(text string) int {
	return german.Answer(text)
}

// symptomText keeps the parts of a problem description that say what
// happens: segments that only give the time, the place, who else is
// affected or whether the user can work are dropped. If nothing is left,
// the whole text is kept.
func (x *slotExtractor) symptomText(text string) string {
	var keep []string
	for _, seg := range x.split(text) {
		seg = strings.TrimSpace(seg)
		if seg == "" {
			continue
		}
		if x.affected(seg) != "" || x.workNo.MatchString(seg) || x.workPartly.MatchString(seg) || x.workYes.MatchString(seg) {
			continue
		}
		rest := seg
		for _, r := range append([]*regexp.Regexp{x.room, x.building, x.homeOffice}, x.since...) {
			rest = r.ReplaceAllString(rest, " ")
		}
		if rest != seg && len(strings.Fields(rest)) <= 3 && !x.problem.MatchString(seg) {
			continue // only a time or a place
		}
		keep = append(keep, seg)
	}
	if len(keep) == 0 || len(keep) == len(x.split(text)) {
		return text
	}
	return strings.Join(keep, ", ")
}

// split cuts text into clauses at commas, semicolons, line breaks,
// sentence ends and "und"/"and"; a period after a digit ("2. OG", "3.12")
// does not end a clause.
func (x *slotExtractor) split(text string) []string {
	var out []string
	start := 0
	for _, m := range x.segments.FindAllStringIndex(text, -1) {
		if text[m[0]] == '.' && m[0] > 0 && text[m[0]-1] >= '0' && text[m[0]-1] <= '9' {
			continue
		}
		if seg := strings.TrimSpace(text[start:m[0]]); seg != "" {
			out = append(out, seg)
		}
		start = m[1]
	}
	if seg := strings.TrimSpace(text[start:]); seg != "" {
		out = append(out, seg)
	}
	return out
}

// remainder returns the parts of text that are not a bare yes/no answer and
// not a statement about colleagues or the ability to work: what is left is
// the answer to a free-text question.
//
// slot is the free-text slot being answered: a clause that holds the
// value of the other one (a room while asking since when) is dropped too.
func (x *slotExtractor) remainder(text, slot string) string {
	var keep []string
	for _, seg := range x.split(text) {
		n := fold(seg)
		if x.answer(seg) != 0 && len(strings.Fields(n)) <= 2 {
			continue
		}
		if x.affected(seg) != "" || x.workNo.MatchString(seg) || x.workPartly.MatchString(seg) || x.workYes.MatchString(seg) {
			continue
		}
		if slot != SlotLocation && (x.room.MatchString(seg) || x.building.MatchString(seg) || x.homeOffice.MatchString(seg)) {
			continue
		}
		if slot != SlotSince && x.sinceIn(seg) != "" {
			continue
		}
		keep = append(keep, seg)
	}
	return strings.Join(keep, ", ")
}

// sinceIn returns the first time expression in text.
func (x *slotExtractor) sinceIn(text string) string {
	for _, r := range x.since {
		if m := r.FindString(text); m != "" {
			return strings.TrimSpace(m)
		}
	}
	return ""
}
