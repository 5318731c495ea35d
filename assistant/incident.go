// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Internal dialog state, kept in the slots between steps.
const (
	stStage    = "_stage"    // "", "outage", "confirm", "done"
	stAsked    = "_asked"    // slots asked in the last reply, comma-separated
	stOutage   = "_outage"   // ID of the outage offered
	stChecked  = "_checked"  // service whose outages were already offered
	stTries    = "_tries"    // how often the service was asked for in vain
	stCorrect  = "_correct"  // the user said "nein" to the summary
	stLang     = "_lang"     // language of the dialog
	serviceOth = "sonstiges" // service when the catalog knows none

	unknownValue = "unknown" // a slot the user could not answer
	// maxServiceAsks is how often the intake asks which system is
	// affected before it leaves that to the desk.
	maxServiceAsks = 1
	// maxSlotAsks is how often the intake asks for another slot in vain
	// before it leaves that to the desk.
	maxSlotAsks = 2
)

// maxIntakeText is the longest message the intake reads, in runes.
const maxIntakeText = 2000

// slotOrder is the order in which missing slots are asked for.
var slotOrder = [...]string{SlotService, SlotSymptom, SlotSince, SlotOthersAffected, SlotLocation, SlotCanWork}

// informational slots say more about an incident but not how urgent it
// is (the priority rests on who else is affected and whether one can
// work): they are not asked twice.
func informational(slot string) bool {
	return slot == SlotSince || slot == SlotLocation
}

// freeText slots take the user's words as they are when asked directly.
func freeText(slot string) bool {
	return slot == SlotSymptom || slot == SlotSince || slot == SlotLocation
}

// incidentStep is one user message in the IT incident intake.
type incidentStep struct {
	ConversationID string
	UserID         string
	Channel        string
	Lang           string
	Slots          map[string]string // state from the previous reply, nil at the start
	Text           string
	Transcript     []Entry
}

// incidentReply is the answer to an incidentStep.
type incidentReply struct {
	Slots     map[string]string // state to pass with the next step
	Text      string            // what to say to the user (plain text)
	Done      bool              // finished: ticket opened, linked to an outage or cancelled
	TicketKey string            // set when a ticket was opened
	OutageID  string            // set when the report was linked to a known outage
	Priority  string            // P1..P4 once all slots are known
}

// incidentDialog is the IT incident intake: slot filling, known-outage
// questions and confirmation. Ticketing owns the catalog, the priority
// matrix and the outages; the dialog asks it through ITCatalog and
// Tickets.
type incidentDialog struct {
	tickets Tickets
	catalog ITCatalog
	x       *slotExtractor
	now     func() time.Time
	loc     *time.Location
}

func newIncidentDialog(t Tickets, c ITCatalog, now func() time.Time, loc *time.Location) *incidentDialog {
	return &incidentDialog{tickets: t, catalog: c, x: newSlotExtractor(), now: now, loc: loc}
}

// step advances the IT incident intake by one user message.
//
// It extracts the slots service (from the catalog), symptom, since,
// location, others_affected and can_work from the text, and asks for what
// is missing, at most two questions per reply; one message may fill them
// all. Once the service is known and an active outage matches it, it
// reports the outage and asks whether the user has the same problem: an
// answer that does not say otherwise links the user to the outage and ends
// the intake without a ticket; "nein, anders" continues. With all slots
// filled it computes the priority (see Priority), summarises and asks for
// confirmation; "ja" commits the incident ticket together with its outbox
// rows, a correction updates the summary. "abbrechen" ends the intake at
// any point. German by default, English when Lang is "en".
//
// The caller keeps Slots between steps. Only store failures are errors.
func (d *incidentDialog) step(ctx context.Context, st incidentStep) (incidentReply, error) {
	slots := make(map[string]string, len(st.Slots)+4)
	for k, v := range st.Slots {
		slots[k] = v
	}
	if slots[stStage] == "done" {
		clear(slots)
	}
	lang := st.Lang
	if lang == "" {
		lang = slots[stLang]
	}
	if lang != "en" {
		lang = "de"
	}
	slots[stLang] = lang
	// A chat message longer than this is not an answer to our questions;
	// the cap bounds the cost of extraction. The transcript keeps all.
	text := truncate(strings.TrimSpace(st.Text), maxIntakeText)

	if d.x.cancel.MatchString(text) {
		slots[stStage] = "done"
		return incidentReply{Slots: slots, Text: incidentMsg(lang, "cancelled"), Done: true}, nil
	}
	if len(st.Slots) == 0 {
		// An intake that starts after the employee has already told of
		// the problem (an article did not help, "bitte ein Ticket") takes
		// what those messages said instead of asking it again.
		for _, e := range earlierReport(st.Transcript) {
			d.fill(slots, truncate(e, maxIntakeText), false)
		}
	}
	switch slots[stStage] {
	case "outage":
		return d.outageAnswer(ctx, st, slots, text, lang)
	case "confirm":
		return d.confirmAnswer(ctx, st, slots, text, lang)
	}
	if slots[stStage] == "" && slots[SlotSymptom] != "" && d.x.fileNow.MatchString(text) {
		// "ja bitte sofort aufnehmen": the employee wants the ticket
		// now. What this message says is taken; what is still
		// missing stays unknown, and its "ja" answers no question.
		d.fill(slots, text, true)
		for _, k := range slotOrder {
			if slots[k] == "" {
				slots[k] = unknownValue
				if k == SlotService {
					slots[k] = serviceOth
				}
			}
		}
		delete(slots, stAsked)
		return d.open(ctx, st, slots, lang)
	}
	d.fill(slots, text, false)
	return d.next(ctx, slots, lang, "")
}

// maxEarlierMessages bounds how many earlier messages a new intake reads.
const maxEarlierMessages = 4

// earlierReport returns the user's messages before the last one of
// transcript that came after the last incident turn (an earlier intake's
// messages belong to its ticket), oldest first, at most
// maxEarlierMessages.
func earlierReport(transcript []Entry) []string {
	if len(transcript) == 0 {
		return nil
	}
	var out []string
	for i := len(transcript) - 2; i >= 0 && len(out) < maxEarlierMessages; i-- {
		e := transcript[i]
		if e.Role == RoleAssistant && e.Intent == IntentITIncident {
			break
		}
		if e.Role == RoleUser {
			out = append(out, e.Text)
		}
	}
	slices.Reverse(out)
	return out
}

// fill copies slot values found in text into slots. With overwrite, found
// values replace earlier ones (corrections); otherwise only empty slots
// are filled, and slots asked for in the last reply may take the user's
// words as they are.
func (d *incidentDialog) fill(slots map[string]string, text string, overwrite bool) {
	before := len(publicSlots(slots)) // the slots known before this message
	set := func(k, v string) {
		// (A value the user said takes the place of one they could not
		// give before: "nur meins glaub ich" after "weiß ich nicht".)
		if v != "" && (overwrite || slots[k] == "" || slots[k] == unknownValue) {
			slots[k] = v
		}
	}
	svc, svcFound := d.catalog.MatchService(text)
	if svcFound {
		set(SlotService, svc)
	}
	e := d.x.extract(text)
	set(SlotSince, e.since)
	set(SlotLocation, e.location)
	set(SlotOthersAffected, e.othersAffected)
	set(SlotCanWork, e.canWork)
	// In an incident intake, a message that names the service in a few
	// words is the problem description.
	if (e.symptom || svcFound && len(strings.Fields(text)) >= 4) && slots[SlotSymptom] == "" {
		slots[SlotSymptom] = clip(d.x.symptomText(text))
	}
	if overwrite || text == "" {
		return
	}
	dunno := d.x.dunno.MatchString(text)
	asked := strings.Split(slots[stAsked], ",")
	// answeredOther: the message answers another question asked with the
	// place, whether the asker can work or who else is affected.
	answeredOther := false
	for _, slot := range asked {
		switch slot {
		case SlotCanWork:
			answeredOther = answeredOther || e.canWork != "" || d.answerIn(text) != 0
		case SlotOthersAffected:
			answeredOther = answeredOther || e.othersAffected != "" || d.answerIn(text) != 0
		}
	}
	defer func() {
		// A reply that answers nothing (it tells more about the problem
		// instead) gets the questions again, once: after the second
		// such reply they are left to the desk. A question asked alone
		// counts its unanswered replies whatever else they tell, and no
		// question is asked a third time.
		answered := len(publicSlots(slots)) > before
		pair := len(slices.DeleteFunc(slices.Clone(asked), func(s string) bool { return s == "" })) > 1
		for _, slot := range asked {
			if slot == "" || slot == SlotService || slots[slot] != "" {
				continue
			}
			if informational(slot) && answered {
				// Since when and where are asked once: a reply that
				// answers the other question asked leaves them to the
				// desk rather than to another round.
				slots[slot] = unknownValue
				continue
			}
			key := stTries + "_" + slot
			n, _ := strconv.Atoi(slots[key])
			if answered && pair {
				// Of two questions, the reply answered one or told
				// something else: the other may be asked again, but
				// this was one of its asks.
				slots[key] = strconv.Itoa(min(n+1, maxSlotAsks-1))
				continue
			}
			if n+1 < maxSlotAsks {
				slots[key] = strconv.Itoa(n + 1)
				continue
			}
			slots[slot] = unknownValue
			delete(slots, key)
		}
	}()
	for _, slot := range asked {
		if slot == "" || slots[slot] != "" {
			continue
		}
		switch slot {
		case SlotService:
			n, _ := strconv.Atoi(slots[stTries])
			slots[stTries] = strconv.Itoa(n + 1)
			if n+1 >= maxServiceAsks || dunno {
				// A name the catalog does not know ("das
				// Gewerbeprogramm") is in the problem's words; the
				// desk assigns it.
				slots[SlotService] = serviceOth
			}
		case SlotSymptom:
			if d.x.answer(text) == 0 && (!svcFound || len(strings.Fields(text)) >= 3) {
				slots[SlotSymptom] = clip(text)
			}
		case SlotSince, SlotLocation:
			if dunno || d.x.answer(text) > 0 && len(strings.Fields(text)) <= 3 {
				// (A plain yes to "In welchem Raum sitzen Sie?" wants
				// to go on: the desk asks where.)
				slots[slot] = unknownValue
			} else if rem := d.x.remainder(text, slot); rem != "" && !d.serviceOnly(rem, svcFound) &&
				(slot != SlotLocation || !answeredOther || d.x.place.MatchString(rem)) {
				// (A reply that answers the other question asked, "nervt
				// halt, arbeiten geht", gives a place only in words of
				// one.)
				slots[slot] = clip(rem)
			}
		case SlotOthersAffected:
			switch {
			case dunno:
				slots[slot] = unknownValue
			case d.answerIn(text) > 0:
				slots[slot] = AffectedSome
			case d.answerIn(text) < 0:
				slots[slot] = AffectedNo
			}
		case SlotCanWork:
			switch {
			case dunno:
				slots[slot] = unknownValue
			case d.answerIn(text) > 0:
				slots[slot] = CanWorkYes
			case d.answerIn(text) < 0:
				slots[slot] = CanWorkNo
			}
		}
	}
}

// serviceOnly reports whether rem is nothing but the name of a service,
// which is no answer to a free-text question.
func (d *incidentDialog) serviceOnly(rem string, svcFound bool) bool {
	if !svcFound {
		return false
	}
	_, ok := d.catalog.MatchService(rem)
	return ok && len(strings.Fields(rem)) <= 2
}

// answerIn finds a bare yes or no in any comma-separated part of text.
func (d *incidentDialog) answerIn(text string) int {
	for _, seg := range d.x.split(text) {
		seg = strings.TrimSpace(seg)
		if a := d.x.answer(seg); a != 0 && len(strings.Fields(fold(seg))) <= 3 {
			return a
		}
	}
	return d.x.answer(text)
}

// next offers a matching outage, asks for missing slots or summarises.
func (d *incidentDialog) next(ctx context.Context, slots map[string]string, lang, prefix string) (incidentReply, error) {
	if svc := slots[SlotService]; svc != "" && svc != serviceOth && slots[stChecked] != svc {
		o, found, err := d.tickets.ActiveOutage(ctx, svc)
		if err != nil {
			return incidentReply{}, err
		}
		slots[stChecked] = svc
		if found {
			slots[stStage] = "outage"
			slots[stOutage] = o.ID
			return incidentReply{Slots: slots, Text: joinText(prefix, d.outageText(o, lang))}, nil
		}
	}
	var missing []string
	for _, k := range slotOrder {
		if slots[k] == "" && (k != SlotLocation || d.asksWhere(slots[SlotService])) {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		slots[stStage] = "confirm"
		delete(slots, stAsked)
		p := d.catalog.IncidentPriority(publicSlots(slots))
		return incidentReply{Slots: slots, Text: joinText(prefix, d.summaryText(slots, lang)), Priority: p}, nil
	}
	ask := []string{missing[0]}
	for _, k := range missing[1:] {
		if !freeText(k) || !freeText(missing[0]) {
			ask = append(ask, k)
			break
		}
	}
	slots[stStage] = ""
	slots[stAsked] = strings.Join(ask, ",")
	var qs []string
	if prefix == "" && slots[SlotService] != "" && slots[SlotService] != serviceOth && len(missing) == len(slotOrder)-1 {
		prefix = fmt.Sprintf(incidentMsg(lang, "ack"), d.serviceName(slots[SlotService], lang))
	}
	for _, k := range ask {
		qs = append(qs, incidentMsg(lang, "ask_"+k))
	}
	return incidentReply{Slots: slots, Text: joinText(prefix, strings.Join(qs, " "))}, nil
}

func (d *incidentDialog) outageAnswer(ctx context.Context, st incidentStep, slots map[string]string, text, lang string) (incidentReply, error) {
	id := slots[stOutage]
	delete(slots, stOutage)
	if d.x.different.MatchString(text) {
		slots[stStage] = ""
		delete(slots, stAsked)
		d.fill(slots, text, false)
		// "nein, bei mir ist es das Zertifikat" explains how the problem
		// differs: that belongs to the symptom.
		if len(strings.Fields(text)) >= 4 && !strings.Contains(slots[SlotSymptom], text) {
			slots[SlotSymptom] = clip(joinText(slots[SlotSymptom], "–", text))
		}
		return d.next(ctx, slots, lang, incidentMsg(lang, "outage_declined"))
	}
	o, err := d.tickets.JoinOutage(ctx, id, Requester{ConversationID: st.ConversationID, UserID: st.UserID})
	if err != nil {
		return incidentReply{}, err
	}
	slots[stStage] = "done"
	out := fmt.Sprintf(incidentMsg(lang, "outage_linked"), o.Affected)
	if !o.ETA.IsZero() {
		out += " " + fmt.Sprintf(incidentMsg(lang, "eta"), d.formatTime(o.ETA, lang))
	}
	return incidentReply{Slots: slots, Text: out, Done: true, OutageID: o.ID}, nil
}

func (d *incidentDialog) confirmAnswer(ctx context.Context, st incidentStep, slots map[string]string, text, lang string) (incidentReply, error) {
	before := publicSlots(slots)
	a := d.x.answer(text)
	d.fill(slots, text, true)
	// fill(overwrite) reads the symptom only into an empty slot; a user who
	// said "nein" and then describes the problem differently corrects it.
	if slots[stCorrect] != "" && sameSlots(before, publicSlots(slots)) && a == 0 && text != "" {
		slots[SlotSymptom] = clip(text)
	}
	if !sameSlots(before, publicSlots(slots)) {
		delete(slots, stCorrect)
		slots[stStage] = ""
		return d.next(ctx, slots, lang, incidentMsg(lang, "corrected"))
	}
	switch a {
	case 1:
		return d.open(ctx, st, slots, lang)
	case -1:
		slots[stCorrect] = "1"
		return incidentReply{Slots: slots, Text: incidentMsg(lang, "what_to_change")}, nil
	}
	p := d.catalog.IncidentPriority(publicSlots(slots))
	lead := incidentMsg(lang, "yes_or_no")
	if len(strings.Fields(text)) >= minNoteWords {
		// "Handys haben wir alle schon neu gestartet": what the asker
		// adds is kept with the conversation the ticket carries.
		lead = incidentMsg(lang, "noted") + " " + lead
	}
	return incidentReply{Slots: slots, Text: joinText(lead, d.summaryText(slots, lang)), Priority: p}, nil
}

// minNoteWords is the shortest message at the summary that adds something
// rather than answering badly ("jo", "passt schon").
const minNoteWords = 4

// open commits the incident ticket (and its outbox rows) and ends the
// intake.
func (d *incidentDialog) open(ctx context.Context, st incidentStep, slots map[string]string, lang string) (incidentReply, error) {
	pub := publicSlots(slots)
	p := d.catalog.IncidentPriority(pub)
	key, err := d.tickets.OpenIncident(ctx, Incident{
		ConversationID: st.ConversationID,
		UserID:         st.UserID,
		Channel:        st.Channel,
		Lang:           lang,
		Slots:          pub,
		Summary:        truncate(d.serviceName(slots[SlotService], "de")+": "+oneLine(slots[SlotSymptom]), 200),
		Description:    d.describe(slots, "de", p),
		Transcript:     st.Transcript,
	})
	if err != nil {
		return incidentReply{}, err
	}
	slots[stStage] = "done"
	out := fmt.Sprintf(incidentMsg(lang, "created"), key, p)
	if p == "P1" {
		out += " " + incidentMsg(lang, "p1")
	}
	return incidentReply{Slots: slots, Text: out, Done: true, TicketKey: key, Priority: p}, nil
}

func publicSlots(slots map[string]string) map[string]string {
	out := map[string]string{}
	for _, k := range slotOrder {
		if v := slots[k]; v != "" {
			out[k] = v
		}
	}
	return out
}

func sameSlots(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func (d *incidentDialog) serviceName(id, lang string) string {
	if name := d.catalog.ServiceName(id, lang); name != "" {
		return name
	}
	return incidentMsg(lang, "other")
}

// describe lists the slots, one per line, for the summary and the ticket.
func (d *incidentDialog) describe(slots map[string]string, lang, priority string) string {
	value := func(k string) string {
		v := slots[k]
		switch {
		case k == SlotService:
			return d.serviceName(v, lang)
		case v == unknownValue:
			return incidentMsg(lang, "unknown")
		case k == SlotOthersAffected || k == SlotCanWork:
			return incidentMsg(lang, k+"_"+v)
		}
		return v
	}
	var lines []string
	for _, k := range slotOrder {
		if k == SlotLocation && slots[k] == "" {
			continue // not asked: the service is no equipment at a desk
		}
		lines = append(lines, incidentMsg(lang, "label_"+k)+": "+value(k))
	}
	lines = append(lines, incidentMsg(lang, "label_priority")+": "+priority)
	return strings.Join(lines, "\n")
}

// asksWhere reports whether the intake asks where the incident of the
// service is: for equipment at a desk (a printer, a PC, a phone), not
// for software or remote services, nor for one the catalog does not know.
// A catalog that cannot tell has it asked for every service.
func (d *incidentDialog) asksWhere(service string) bool {
	w, ok := d.catalog.(whereAsker)
	return !ok || w.AsksWhere(service)
}

func (d *incidentDialog) summaryText(slots map[string]string, lang string) string {
	p := d.catalog.IncidentPriority(publicSlots(slots))
	return incidentMsg(lang, "summary") + "\n" + d.describe(slots, lang, p) + "\n" + incidentMsg(lang, "confirm")
}

func (d *incidentDialog) outageText(o Outage, lang string) string {
	// The title is internal (it may quote a reporter); only the public
	// message is shown.
	m := o.Message
	if m == "" {
		m = incidentMsg(lang, "outage_generic")
	}
	out := fmt.Sprintf(incidentMsg(lang, "outage"), d.serviceName(o.Service, lang), strings.TrimRight(m, ". "))
	if !o.ETA.IsZero() {
		out += " " + fmt.Sprintf(incidentMsg(lang, "eta"), d.formatTime(o.ETA, lang))
	}
	return out + " " + incidentMsg(lang, "outage_same")
}

// formatTime shows t in the service's location: the clock time today,
// with the date otherwise.
func (d *incidentDialog) formatTime(t time.Time, lang string) string {
	t, now := t.In(d.loc), d.now().In(d.loc)
	sameDay := t.Year() == now.Year() && t.YearDay() == now.YearDay()
	switch {
	case lang == "en" && sameDay:
		return t.Format("15:04")
	case lang == "en":
		return t.Format("2 Jan 15:04")
	case sameDay:
		return t.Format("15:04") + " Uhr"
	default:
		return t.Format("02.01. 15:04") + " Uhr"
	}
}

func joinText(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " ")
}

// clip shortens user text kept in a slot to 300 runes on one line.
func clip(s string) string { return truncate(oneLine(s), 300) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// truncate cuts s to at most n runes, ending in "…" when it was cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// incidentMsg returns the text with the key in lang ("de" or "en").
func incidentMsg(lang, key string) string {
	if lang == "en" {
		if m, ok := incidentTextsEN[key]; ok {
			return m
		}
	}
	return incidentTextsDE[key]
}

var incidentTextsDE = map[string]string{
	"ack":                   "Verstanden, betroffen ist: %s.",
	"ask_service":           "Welches System ist betroffen (z. B. E-Mail, VPN, Drucker, WLAN, Telefonie, Fachverfahren, Netzlaufwerk)?",
	"ask_symptom":           "Was genau passiert, und gibt es eine Fehlermeldung (bitte mit Wortlaut)?",
	"ask_since":             "Seit wann besteht das Problem?",
	"ask_others_affected":   "Sind auch Kolleginnen oder Kollegen betroffen (nur Sie, mehrere oder die ganze Abteilung)?",
	"ask_location":          "In welchem Raum sitzen Sie (oder arbeiten Sie im Homeoffice)?",
	"ask_can_work":          "Können Sie trotzdem weiterarbeiten?",
	"summary":               "Ich fasse zusammen:",
	"confirm":               "Soll ich das Ticket so anlegen? (ja/nein)",
	"yes_or_no":             "Bitte antworten Sie mit ja oder nein, oder nennen Sie, was ich ändern soll.",
	"noted":                 "Danke, das bekommt die IT mit dem Gesprächsverlauf.",
	"what_to_change":        "Was soll ich ändern? Schreiben Sie zum Beispiel „Raum 3.12“ oder „die ganze Abteilung ist betroffen“.",
	"corrected":             "Danke, ich habe das angepasst.",
	"created":               "Ich habe das Ticket %s angelegt (Priorität %s). Mit dieser Nummer können Sie jederzeit nach dem Stand fragen.",
	"p1":                    "Die IT-Bereitschaft wird sofort informiert.",
	"cancelled":             "In Ordnung, ich lege keine Störungsmeldung an.",
	"outage":                "Zu %s ist bereits eine Störung bekannt: %s.",
	"eta":                   "Voraussichtlich behoben: %s.",
	"outage_same":           "Ist das auch Ihr Problem? (ja/nein)",
	"outage_generic":        "Die IT arbeitet bereits daran",
	"outage_linked":         "Danke, ich habe Sie als betroffen vermerkt (bisher %d Meldungen). Ein eigenes Ticket ist nicht nötig, die IT arbeitet bereits daran.",
	"outage_declined":       "Gut, dann nehme ich Ihre Meldung auf.",
	"other":                 "Sonstiges",
	"unknown":               "unbekannt",
	"label_service":         "System",
	"label_symptom":         "Problem",
	"label_since":           "Seit",
	"label_location":        "Ort",
	"label_others_affected": "Weitere Betroffene",
	"label_can_work":        "Arbeiten möglich",
	"label_priority":        "Priorität",
	"others_affected_no":    "nein, nur ich",
	"others_affected_some":  "ja, mehrere",
	"others_affected_all":   "ja, die ganze Abteilung oder mehr",
	"can_work_no":           "nein",
	"can_work_partly":       "eingeschränkt",
	"can_work_yes":          "ja",
}

var incidentTextsEN = map[string]string{
	"ack":                   "Understood, affected: %s.",
	"ask_service":           "Which system is affected (e.g. e-mail, VPN, printer, Wi-Fi, telephony, business application, network drive)?",
	"ask_symptom":           "What exactly happens, and is there an error message (please quote it)?",
	"ask_since":             "Since when has the problem existed?",
	"ask_others_affected":   "Are colleagues affected too (only you, several, or the whole department)?",
	"ask_location":          "Which room are you in (or are you working from home)?",
	"ask_can_work":          "Can you keep working?",
	"summary":               "Summary:",
	"confirm":               "Shall I create the ticket like this? (yes/no)",
	"yes_or_no":             "Please answer yes or no, or tell me what to change.",
	"noted":                 "Thanks, IT receives that with the conversation.",
	"what_to_change":        "What should I change? For example: \"room 3.12\" or \"the whole department is affected\".",
	"corrected":             "Thanks, I have updated it.",
	"created":               "I have created ticket %s (priority %s). You can ask for its status with this number at any time.",
	"p1":                    "The IT on-call team is being notified right away.",
	"cancelled":             "All right, I will not file an incident.",
	"outage":                "There is a known outage of %s: %s.",
	"eta":                   "Expected to be fixed: %s.",
	"outage_same":           "Is this your problem too? (yes/no)",
	"outage_generic":        "IT is already working on it",
	"outage_linked":         "Thanks, I have recorded you as affected (%d reports so far). You do not need a ticket of your own; IT is already working on it.",
	"outage_declined":       "All right, then I will take down your report.",
	"other":                 "Other",
	"unknown":               "unknown",
	"label_service":         "System",
	"label_symptom":         "Problem",
	"label_since":           "Since",
	"label_location":        "Location",
	"label_others_affected": "Others affected",
	"label_can_work":        "Able to work",
	"label_priority":        "Priority",
	"others_affected_no":    "no, only me",
	"others_affected_some":  "yes, several",
	"others_affected_all":   "yes, the whole department or more",
	"can_work_no":           "no",
	"can_work_partly":       "impaired",
	"can_work_yes":          "yes",
}
