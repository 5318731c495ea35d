package ticketing

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Incident slot names. Values of others_affected and can_work are the
// Affected* and CanWork* constants (or "unknown").
const (
	SlotService        = "service"
	SlotSymptom        = "symptom"
	SlotSince          = "since"
	SlotLocation       = "location"
	SlotOthersAffected = "others_affected"
	SlotCanWork        = "can_work"
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
)

// maxIntakeText is the longest message the intake reads, in runes.
const maxIntakeText = 2000

// slotOrder is the order in which missing slots are asked for.
var slotOrder = [...]string{SlotService, SlotSymptom, SlotSince, SlotOthersAffected, SlotLocation, SlotCanWork}

// freeText slots take the user's words as they are when asked directly.
func freeText(slot string) bool {
	return slot == SlotSymptom || slot == SlotSince || slot == SlotLocation
}

// IncidentStep is one user message in the IT incident intake; it mirrors
// assistant.IncidentStep.
type IncidentStep struct {
	ConversationID string
	UserID         string
	Lang           string
	Slots          map[string]string // state from the previous reply, nil at the start
	Text           string
	Transcript     []Message
	Channel        string // optional; stored on the ticket
}

// IncidentReply is the answer to an IncidentStep; it mirrors
// assistant.IncidentReply.
type IncidentReply struct {
	Slots     map[string]string // state to pass with the next step
	Text      string            // what to say to the user (plain text)
	Done      bool              // finished: ticket opened, linked to an outage or cancelled
	TicketKey string            // set when a ticket was opened
	OutageID  string            // set when the report was linked to a known outage
	Priority  string            // P1..P4 once all slots are known
}

// Incident advances the IT incident intake by one user message.
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
func (s *Service) Incident(ctx context.Context, st IncidentStep) (IncidentReply, error) {
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

	if s.x.cancel.MatchString(text) {
		slots[stStage] = "done"
		return IncidentReply{Slots: slots, Text: msg(lang, "cancelled"), Done: true}, nil
	}
	switch slots[stStage] {
	case "outage":
		return s.outageAnswer(ctx, st, slots, text, lang)
	case "confirm":
		return s.confirmAnswer(ctx, st, slots, text, lang)
	}
	s.fill(slots, text, false)
	return s.next(ctx, slots, lang, "")
}

// fill copies slot values found in text into slots. With overwrite, found
// values replace earlier ones (corrections); otherwise only empty slots
// are filled, and slots asked for in the last reply may take the user's
// words as they are.
func (s *Service) fill(slots map[string]string, text string, overwrite bool) {
	set := func(k, v string) {
		if v != "" && (overwrite || slots[k] == "") {
			slots[k] = v
		}
	}
	svc, svcFound := s.catalog.Match(text)
	if svcFound {
		set(SlotService, svc.ID)
	}
	e := s.x.extract(text)
	set(SlotSince, e.since)
	set(SlotLocation, e.location)
	set(SlotOthersAffected, e.othersAffected)
	set(SlotCanWork, e.canWork)
	// In an incident intake, a message that names the service in a few
	// words is the problem description.
	if (e.symptom || svcFound && len(strings.Fields(text)) >= 4) && slots[SlotSymptom] == "" {
		slots[SlotSymptom] = clip(s.x.symptomText(text))
	}
	if overwrite || text == "" {
		return
	}
	dunno := s.x.dunno.MatchString(text)
	for _, slot := range strings.Split(slots[stAsked], ",") {
		if slot == "" || slots[slot] != "" {
			continue
		}
		switch slot {
		case SlotService:
			n, _ := strconv.Atoi(slots[stTries])
			slots[stTries] = strconv.Itoa(n + 1)
			if n+1 >= 2 || dunno {
				slots[SlotService] = serviceOth
			}
		case SlotSymptom:
			if s.x.answer(text) == 0 && (!svcFound || len(strings.Fields(text)) >= 3) {
				slots[SlotSymptom] = clip(text)
			}
		case SlotSince, SlotLocation:
			if dunno {
				slots[slot] = unknownValue
			} else if rem := s.x.remainder(text, slot); rem != "" && !svcFoundOnly(rem, svcFound, s) {
				slots[slot] = clip(rem)
			}
		case SlotOthersAffected:
			switch {
			case dunno:
				slots[slot] = unknownValue
			case s.answerIn(text) > 0:
				slots[slot] = AffectedSome
			case s.answerIn(text) < 0:
				slots[slot] = AffectedNo
			}
		case SlotCanWork:
			switch {
			case dunno:
				slots[slot] = unknownValue
			case s.answerIn(text) > 0:
				slots[slot] = CanWorkYes
			case s.answerIn(text) < 0:
				slots[slot] = CanWorkNo
			}
		}
	}
}

// svcFoundOnly reports whether rem is nothing but the name of a service,
// which is no answer to a free-text question.
func svcFoundOnly(rem string, svcFound bool, s *Service) bool {
	if !svcFound {
		return false
	}
	_, ok := s.catalog.Match(rem)
	return ok && len(strings.Fields(rem)) <= 2
}

// answerIn finds a bare yes or no in any comma-separated part of text.
func (s *Service) answerIn(text string) int {
	for _, seg := range s.x.split(text) {
		seg = strings.TrimSpace(seg)
		if a := s.x.answer(seg); a != 0 && len(strings.Fields(normalize(seg))) <= 3 {
			return a
		}
	}
	return s.x.answer(text)
}

// next offers a matching outage, asks for missing slots or summarises.
func (s *Service) next(ctx context.Context, slots map[string]string, lang, prefix string) (IncidentReply, error) {
	if svc := slots[SlotService]; svc != "" && svc != serviceOth && slots[stChecked] != svc {
		o, found, err := s.activeOutageFor(ctx, svc, nil)
		if err != nil {
			return IncidentReply{}, err
		}
		slots[stChecked] = svc
		if found {
			slots[stStage] = "outage"
			slots[stOutage] = strconv.FormatInt(o.ID, 10)
			return IncidentReply{Slots: slots, Text: joinText(prefix, s.outageText(o, lang))}, nil
		}
	}
	var missing []string
	for _, k := range slotOrder {
		if slots[k] == "" {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		slots[stStage] = "confirm"
		delete(slots, stAsked)
		_, _, p := s.triage(slots)
		return IncidentReply{Slots: slots, Text: joinText(prefix, s.summaryText(slots, lang)), Priority: p}, nil
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
		prefix = fmt.Sprintf(msg(lang, "ack"), s.serviceName(slots[SlotService], lang))
	}
	for _, k := range ask {
		qs = append(qs, msg(lang, "ask_"+k))
	}
	return IncidentReply{Slots: slots, Text: joinText(prefix, strings.Join(qs, " "))}, nil
}

func (s *Service) outageAnswer(ctx context.Context, st IncidentStep, slots map[string]string, text, lang string) (IncidentReply, error) {
	id, _ := strconv.ParseInt(slots[stOutage], 10, 64)
	delete(slots, stOutage)
	if s.x.different.MatchString(text) {
		slots[stStage] = ""
		delete(slots, stAsked)
		s.fill(slots, text, false)
		// "nein, bei mir ist es das Zertifikat" explains how the problem
		// differs: that belongs to the symptom.
		if len(strings.Fields(text)) >= 4 && !strings.Contains(slots[SlotSymptom], text) {
			slots[SlotSymptom] = clip(joinText(slots[SlotSymptom], "–", text))
		}
		return s.next(ctx, slots, lang, msg(lang, "outage_declined"))
	}
	reporter := st.ConversationID
	if reporter == "" {
		reporter = "user:" + st.UserID
	}
	o, err := s.linkAffected(ctx, id, reporter, st.UserID, 0)
	if err != nil {
		return IncidentReply{}, err
	}
	slots[stStage] = "done"
	out := fmt.Sprintf(msg(lang, "outage_linked"), o.Affected)
	if !o.ETA.IsZero() {
		out += " " + fmt.Sprintf(msg(lang, "eta"), s.formatTime(o.ETA, lang))
	}
	return IncidentReply{Slots: slots, Text: out, Done: true, OutageID: strconv.FormatInt(o.ID, 10)}, nil
}

func (s *Service) confirmAnswer(ctx context.Context, st IncidentStep, slots map[string]string, text, lang string) (IncidentReply, error) {
	before := publicSlots(slots)
	a := s.x.answer(text)
	s.fill(slots, text, true)
	// fill(overwrite) reads the symptom only into an empty slot; a user who
	// said "nein" and then describes the problem differently corrects it.
	if slots[stCorrect] != "" && maps(before, publicSlots(slots)) && a == 0 && text != "" {
		slots[SlotSymptom] = clip(text)
	}
	if !maps(before, publicSlots(slots)) {
		delete(slots, stCorrect)
		slots[stStage] = ""
		return s.next(ctx, slots, lang, msg(lang, "corrected"))
	}
	switch a {
	case 1:
		return s.open(ctx, st, slots, lang)
	case -1:
		slots[stCorrect] = "1"
		return IncidentReply{Slots: slots, Text: msg(lang, "what_to_change")}, nil
	}
	_, _, p := s.triage(slots)
	return IncidentReply{Slots: slots, Text: joinText(msg(lang, "yes_or_no"), s.summaryText(slots, lang)), Priority: p}, nil
}

// triage computes impact, urgency and priority from the slots.
func (s *Service) triage(slots map[string]string) (impact, urgency int, priority string) {
	svc, _ := s.catalog.Service(slots[SlotService])
	impact = Impact(slots[SlotOthersAffected])
	urgency = Urgency(slots[SlotCanWork], svc.Critical)
	return impact, urgency, Priority(impact, urgency)
}

// open commits the incident ticket (and its outbox rows) and ends the
// intake.
func (s *Service) open(ctx context.Context, st IncidentStep, slots map[string]string, lang string) (IncidentReply, error) {
	impact, urgency, p := s.triage(slots)
	name := s.serviceName(slots[SlotService], "de")
	t := Ticket{
		Kind:           KindIncident,
		Priority:       p,
		Status:         StatusNew,
		Audience:       "employee",
		Channel:        st.Channel,
		Lang:           lang,
		Summary:        truncate(name+": "+oneLine(slots[SlotSymptom]), 200),
		Description:    s.describe(slots, "de", p),
		Transcript:     st.Transcript,
		Slots:          publicSlots(slots),
		Service:        slots[SlotService],
		Impact:         impact,
		Urgency:        urgency,
		ReporterID:     st.UserID,
		ConversationID: st.ConversationID,
		Intent:         "it_incident",
		Confidence:     1,
	}
	if err := s.create(ctx, &t); err != nil {
		return IncidentReply{}, err
	}
	slots[stStage] = "done"
	out := fmt.Sprintf(msg(lang, "created"), t.Key, p)
	if p == P1 {
		out += " " + msg(lang, "p1")
	}
	return IncidentReply{Slots: slots, Text: out, Done: true, TicketKey: t.Key, Priority: p}, nil
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

func maps(a, b map[string]string) bool {
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

func (s *Service) serviceName(id, lang string) string {
	if svc, ok := s.catalog.Service(id); ok {
		return svc.DisplayName(lang)
	}
	return msg(lang, "other")
}

// describe lists the slots, one per line, for the summary and the ticket.
func (s *Service) describe(slots map[string]string, lang, priority string) string {
	value := func(k string) string {
		v := slots[k]
		switch {
		case k == SlotService:
			return s.serviceName(v, lang)
		case v == unknownValue:
			return msg(lang, "unknown")
		case k == SlotOthersAffected || k == SlotCanWork:
			return msg(lang, k+"_"+v)
		}
		return v
	}
	var lines []string
	for _, k := range slotOrder {
		lines = append(lines, msg(lang, "label_"+k)+": "+value(k))
	}
	lines = append(lines, msg(lang, "label_priority")+": "+priority)
	return strings.Join(lines, "\n")
}

func (s *Service) summaryText(slots map[string]string, lang string) string {
	_, _, p := s.triage(slots)
	return msg(lang, "summary") + "\n" + s.describe(slots, lang, p) + "\n" + msg(lang, "confirm")
}

func (s *Service) outageText(o Outage, lang string) string {
	// The title is internal (it may quote a reporter); only the public
	// message is shown.
	m := o.PublicMessage
	if m == "" {
		m = msg(lang, "outage_generic")
	}
	out := fmt.Sprintf(msg(lang, "outage"), s.serviceName(o.Service, lang), strings.TrimRight(m, ". "))
	if !o.ETA.IsZero() {
		out += " " + fmt.Sprintf(msg(lang, "eta"), s.formatTime(o.ETA, lang))
	}
	return out + " " + msg(lang, "outage_same")
}

// formatTime shows t in the service's location: the clock time today,
// with the date otherwise.
func (s *Service) formatTime(t time.Time, lang string) string {
	t, now := t.In(s.loc), s.now().In(s.loc)
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

// msg returns the text with the key in lang ("de" or "en").
func msg(lang, key string) string {
	if lang == "en" {
		if m, ok := messagesEN[key]; ok {
			return m
		}
	}
	return messagesDE[key]
}

var messagesDE = map[string]string{
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

var messagesEN = map[string]string{
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
