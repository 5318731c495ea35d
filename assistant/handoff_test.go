// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/knowledge"
)

func TestExplicitHandoffEscalatesWithPacket(t *testing.T) {
	tk := &fakeTickets{}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })
	c := newConv(knowledge.Citizen)
	c.UserID = "u1"
	mustAsk(t, a, c, "Was kostet ein Reisepass? Meine Mail ist max.mustermann@example.org")
	ans := mustAsk(t, a, c, "Ich möchte mit einem Menschen sprechen")

	if ans.Intent != IntentHuman || !ans.HandoffOffered || ans.Handoff == nil || ans.Handoff.Ticket != "LOT-1" || ans.Handoff.Reason != "requested" {
		t.Fatalf("answer = %+v", ans)
	}
	if !strings.Contains(ans.Text, "Ich habe Ihr Anliegen an das Service-Team übergeben. Ihre Vorgangsnummer: LOT-1.") {
		t.Errorf("text = %q", ans.Text)
	}
	if len(tk.escalations) != 1 {
		t.Fatalf("escalations = %d", len(tk.escalations))
	}
	e := tk.escalations[0]
	if e.ConversationID != "c1" || e.Channel != "web" || e.UserID != "u1" || e.Lang != "de" || e.Intent != IntentHuman || e.Reason != "requested" || e.Audience != knowledge.Citizen {
		t.Errorf("packet header = %+v", e)
	}
	if got := len(e.Transcript); got != 3 {
		t.Fatalf("transcript has %d entries, want 3 (question, answer, request)", got)
	}
	for _, en := range e.Transcript {
		if strings.Contains(en.Text, "max.mustermann@example.org") {
			t.Errorf("transcript leaks the e-mail address: %q", en.Text)
		}
	}
	if !strings.Contains(e.Summary, "Was kostet ein Reisepass?") || strings.Contains(e.Summary, "example.org") || strings.Contains(e.Summary, "Menschen sprechen") {
		t.Errorf("summary = %q", e.Summary)
	}
	if diff := cmp.Diff([]string{"leistungen/reisepass"}, sourceIDs(e.Sources)); diff != "" {
		t.Errorf("sources shown (-want +got):\n%s", diff)
	}
	// The user still sees what they wrote.
	if c.Entries[0].Text != "Was kostet ein Reisepass? Meine Mail ist max.mustermann@example.org" {
		t.Errorf("stored user entry changed: %q", c.Entries[0].Text)
	}
}

func sourceIDs(ss []Source) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

func TestHandoffWithoutTickets(t *testing.T) {
	a := mustAssistant(t, func(c *Config) { c.HumanContact = "Telefon 0123 456-100" })
	ans := mustAsk(t, a, newConv(knowledge.Citizen), "mitarbeiter")
	if !ans.HandoffOffered || ans.Handoff == nil || ans.Handoff.Ticket != "" || !strings.Contains(ans.Text, "Sie erreichen das Service-Team so: Telefon 0123 456-100.") {
		t.Errorf("answer = %+v", ans)
	}
}

func TestEscalationFailureIsRetriedNextTurn(t *testing.T) {
	tk := &fakeTickets{failCount: 2, escalateErr: errors.New("db locked")}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })
	c := newConv(knowledge.Citizen)
	ans := mustAsk(t, a, c, "Mitarbeiter bitte")
	if !ans.HandoffOffered || ans.Handoff.Ticket != "" || !strings.Contains(ans.Text, "hat gerade nicht geklappt") || strings.Contains(ans.Text, "db locked") {
		t.Fatalf("answer = %+v", ans)
	}
	if c.Slots[slotHandoffPending] != "requested" {
		t.Fatalf("slots = %v, want a pending handoff", c.Slots)
	}
	var notices []string
	var final *Answer
	for ch, err := range a.Turn(context.Background(), c, Message{Text: "Was kostet ein Reisepass?"}) {
		if err != nil {
			t.Fatal(err)
		}
		if ch.Kind == ChunkNotice {
			notices = append(notices, ch.Text)
		}
		if ch.Kind == ChunkAnswer {
			final = ch.Answer
		}
	}
	wantNotice := "Ihr Anliegen ist jetzt an das Service-Team übergeben. Ihre Vorgangsnummer: LOT-1."
	if diff := cmp.Diff([]string{wantNotice}, notices); diff != "" {
		t.Errorf("notices (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(final.Text, wantNotice) || !strings.Contains(final.Text, "70,00 Euro") {
		t.Errorf("answer = %q", final.Text)
	}
	if _, ok := c.Slots[slotHandoffPending]; ok {
		t.Errorf("pending handoff not cleared: %v", c.Slots)
	}
	if got := tk.escalations[0].Transcript; len(got) < 3 {
		t.Errorf("retried packet transcript has %d entries", len(got))
	}
}

func TestHandoffPolicy(t *testing.T) {
	tests := []struct {
		name     string
		history  []string
		question string
		reason   string // "" means no handoff offered
	}{
		{"good answer", nil, "Was kostet ein Reisepass?", ""},
		{"nothing found", nil, "Wie beantrage ich eine Baugenehmigung für einen Carport?", "low_confidence"},
		{"two unhelpful turns", []string{"Wie beantrage ich eine Baugenehmigung?"}, "Und wie beantrage ich eine Abrissgenehmigung?", "unhelpful"},
		{"frustration only", []string{"Was kostet ein Reisepass?"}, "das hilft mir nicht!!!", "frustration"},
		{"frustration with a question", nil, "Blödsinn, ich will wissen was der Reisepass kostet", "frustration"},
		{"case specific", nil, "mein antrag von märz ist noch nicht bearbeitet", "case_specific"},
		{"case specific with service", nil, "wo bleibt mein reisepass", "case_specific"},
		{"case specific: look into my application", nil, "seit drei monaten warte ich auf meinen wohngeldbescheid, können sie bitte in meinem antrag nachsehen ob da was fehlt", "case_specific"},
		{"case specific: an error in my notice", nil, "ich glaube in meinem bescheid ist ein fehler, wer kann das prüfen", "case_specific"},
		{"case specific: no answer to my mails", nil, "ich hab schon zweimal eine mail geschrieben und keine antwort bekommen", "case_specific"},
		{"case specific: my clerk", nil, "wer ist meine sachbearbeiterin beim reisepass", "case_specific"},
		{"case specific: overdue", nil, "mein reisepass ist seit 8 wochen nicht fertig", "case_specific"},
		// The asker's own application in another language.
		{"case specific in Russian", nil, "Я подала заявление на Wohngeld ещё в сентябре. Можно узнать, что с моим заявлением?", "case_specific"},
		{"an application to make: what to bring", nil, "was muss ich für meinen antrag auf einen reisepass mitbringen", ""},
		{"an application to make: what it costs", nil, "was kostet mein antrag auf einen reisepass", ""},
		{"own application: how long still", nil, "wie lange dauert mein antrag auf einen reisepass noch", "case_specific"},
		{"own application: where it is", nil, "wo ist mein antrag auf einen reisepass", "case_specific"},
		{"case specific in Polish", nil, "Złożyłam wniosek o Wohngeld we wrześniu. Co się dzieje z moim wnioskiem, mój wniosek leży od dawna?", "case_specific"},
		{"out of scope in Ukrainian", nil, "Яка погода буде в суботу?", ""},
		{"out of scope: income tax", nil, "kann ich den firmenwagen komplett über die firma von der steuer absetzen", ""},
		{"smalltalk", nil, "Danke!", ""},
		{"out of scope", nil, "Wie wird das Wetter morgen?", ""},
	}
	a := mustAssistant(t, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newConv(knowledge.Citizen)
			for _, h := range tt.history {
				mustAsk(t, a, c, h)
			}
			ans := mustAsk(t, a, c, tt.question)
			switch {
			case tt.reason == "" && ans.HandoffOffered:
				t.Errorf("handoff offered (%+v): %s", ans.Handoff, ans.Text)
			case tt.reason != "" && (!ans.HandoffOffered || ans.Handoff == nil || ans.Handoff.Reason != tt.reason):
				t.Errorf("handoff = %v %+v, want reason %s; answer: %s", ans.HandoffOffered, ans.Handoff, tt.reason, ans.Text)
			}
			if tt.reason != "" && (ans.Lang == "" || ans.Lang == "de") && !strings.Contains(ans.Text, "Soll ich Ihr Anliegen") {
				t.Errorf("offer sentence missing: %s", ans.Text)
			}
		})
	}
}

func TestCaseSpecificQuotesDuration(t *testing.T) {
	a := mustAssistant(t, nil)
	ans := mustAsk(t, a, newConv(knowledge.Citizen), "wo bleibt mein reisepass")
	if !strings.Contains(ans.Text, "Zum Stand Ihres persönlichen Anliegens kann ich nichts sagen") || !strings.Contains(ans.Text, "4 bis 6 Wochen") {
		t.Errorf("answer = %s", ans.Text)
	}
}

// A case of the asker's own that names no service quotes no document
// that merely shares a word with it.
func TestCaseSpecificWithoutServiceQuotesNothing(t *testing.T) {
	a := mustAssistant(t, nil)
	ans := mustAsk(t, a, newConv(knowledge.Citizen), "ich glaube in meinem bescheid ist ein fehler, wer kann das prüfen")
	if len(ans.Sources) != 0 || !ans.HandoffOffered {
		t.Errorf("sources %v, handoff %v: %s", ans.Sources, ans.HandoffOffered, ans.Text)
	}
}

func TestYesAcceptsOfferedHandoff(t *testing.T) {
	tk := &fakeTickets{}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })
	c := newConv(knowledge.Citizen)
	first := mustAsk(t, a, c, "Wie beantrage ich eine Baugenehmigung für einen Carport?")
	if !first.HandoffOffered {
		t.Fatal("no offer")
	}
	ans := mustAsk(t, a, c, "ja bitte")
	if ans.Handoff == nil || ans.Handoff.Ticket != "LOT-1" || ans.Handoff.Reason != "low_confidence" {
		t.Errorf("answer = %+v", ans)
	}
	if _, ok := c.Slots[slotHandoffOffer]; ok {
		t.Errorf("offer not cleared: %v", c.Slots)
	}
	// Without an open offer, "ja" is just an acknowledgement.
	ack := mustAsk(t, a, c, "ja")
	if ack.Intent != IntentSmalltalk || len(tk.escalations) != 1 {
		t.Errorf("plain yes: intent %s, escalations %d", ack.Intent, len(tk.escalations))
	}
}

func TestTicketStatus(t *testing.T) {
	updated := time.Date(2026, 11, 20, 14, 5, 0, 0, time.UTC)
	tk := &fakeTickets{
		statusOwner: "c1",
		statuses:    map[string]TicketStatus{"INC-1234": {Key: "INC-1234", Status: "in Bearbeitung", Summary: "Drucker 2. OG", Updated: updated}},
	}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })

	ans := mustAsk(t, a, newConv(knowledge.Employee), "Wie ist der Stand von INC-1234?")
	want := "Stand Ihres Vorgangs INC-1234: in Bearbeitung.\nZuletzt aktualisiert: 20.11.2026, 14:05 Uhr.\nBetreff: Drucker 2. OG"
	if body(ans) != want || ans.Intent != IntentTicketStatus {
		t.Errorf("own ticket: %q", body(ans))
	}

	other := newConv(knowledge.Employee)
	other.ID = "c2"
	for _, q := range []string{"Stand von INC-1234", "Stand von INC-9999"} {
		ans := mustAsk(t, a, other, q)
		if !strings.Contains(ans.Text, "Zu dieser Vorgangsnummer kann ich Ihnen keine Auskunft geben") || strings.Contains(ans.Text, "Drucker") {
			t.Errorf("%q for a stranger: %q", q, ans.Text)
		}
	}

	ask := mustAsk(t, a, newConv(knowledge.Citizen), "wie ist der stand meines tickets")
	if !strings.Contains(ask.Text, "Wie lautet Ihre Vorgangsnummer?") {
		t.Errorf("no key: %q", ask.Text)
	}

	tk.statusErr = errors.New("jira down")
	failed := mustAsk(t, a, newConv(knowledge.Employee), "Status INC-1234")
	if !strings.Contains(failed.Text, "gerade nicht abfragen") || strings.Contains(failed.Text, "jira") {
		t.Errorf("status error: %q", failed.Text)
	}

	none := mustAssistant(t, nil)
	off := mustAsk(t, none, newConv(knowledge.Citizen), "Stand von INC-1234")
	if !off.HandoffOffered || !strings.Contains(off.Text, "nicht abfragen") {
		t.Errorf("without ticketing: %+v", off)
	}
}

func TestIncidentIntake(t *testing.T) {
	tk := &fakeTickets{replies: []incidentReply{
		{Slots: map[string]string{"system": "outlook"}, Text: "Seit wann besteht die Störung?"},
		{Slots: map[string]string{"system": "outlook", "since": "9"}, Text: "Ich habe das Ticket INC-7 angelegt.", Done: true, TicketKey: "INC-7", Priority: "P3"},
	}}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })
	c := newConv(knowledge.Employee)
	c.UserID = "e1"

	first := mustAsk(t, a, c, "Outlook geht seit heute morgen nicht, ruf mich an unter 0171 2345678")
	if first.Intent != IntentITIncident || body(first) != "Seit wann besteht die Störung?" {
		t.Fatalf("first = %+v", first)
	}
	if c.Slots[slotIntake] != "active" || c.Slots["system"] != "outlook" {
		t.Fatalf("slots = %v", c.Slots)
	}
	if s := tk.steps[0]; s.Slots != nil || s.UserID != "e1" || strings.Contains(s.Text, "2345678") || s.Lang != "de" {
		t.Errorf("first step = %+v", s)
	}

	// "seit 9 Uhr" is no incident wording, but the intake is active.
	second := mustAsk(t, a, c, "seit 9 Uhr")
	if second.Intent != IntentITIncident || second.Handoff == nil || second.Handoff.Ticket != "INC-7" {
		t.Fatalf("second = %+v", second)
	}
	if diff := cmp.Diff(map[string]string{"system": "outlook"}, tk.steps[1].Slots); diff != "" {
		t.Errorf("slots sent on step 2 (-want +got):\n%s", diff)
	}
	if c.Slots != nil {
		t.Errorf("slots after the intake = %v, want none", c.Slots)
	}
}

func TestHumanInterruptsIntake(t *testing.T) {
	tk := &fakeTickets{replies: []incidentReply{{Slots: map[string]string{"system": "vpn"}, Text: "Welches Gerät?"}}}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })
	c := newConv(knowledge.Employee)
	mustAsk(t, a, c, "vpn funktioniert nicht")
	ans := mustAsk(t, a, c, "Ich möchte mit einem Menschen sprechen")
	if ans.Intent != IntentHuman || len(tk.escalations) != 1 || len(tk.steps) != 1 {
		t.Errorf("intent %s, escalations %d, steps %d", ans.Intent, len(tk.escalations), len(tk.steps))
	}
}

func TestIncidentWithoutTicketsAnswersFromArticles(t *testing.T) {
	a := mustAssistant(t, nil)
	ans := mustAsk(t, a, newConv(knowledge.Employee), "MusterVPN funktioniert nicht")
	if ans.Intent != IntentITIncident || !ans.HandoffOffered || ans.Handoff.Reason != "incident" {
		t.Fatalf("answer = %+v", ans)
	}
	if !strings.Contains(ans.Text, "Eine Störung kann ich hier nicht aufnehmen.") || !strings.Contains(ans.Text, "vpn.example.test") {
		t.Errorf("text = %s", ans.Text)
	}
}

func TestIncidentErrorKeepsMessage(t *testing.T) {
	tk := &fakeTickets{incidentErr: errors.New("sqlite busy")}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })
	c := newConv(knowledge.Employee)
	ans := mustAsk(t, a, c, "drucker druckt nicht")
	if !ans.HandoffOffered || strings.Contains(ans.Text, "sqlite") || !strings.Contains(ans.Text, "Ihre Nachricht ist gespeichert") {
		t.Errorf("answer = %+v", ans)
	}
	if c.Entries[0].Text != "drucker druckt nicht" {
		t.Errorf("entries = %+v", c.Entries)
	}
}

func TestPIIIsRedactedBeforeRetrieval(t *testing.T) {
	fr := mustFakeRetriever(t)
	a := mustAssistant(t, func(c *Config) { c.Retriever = fr })
	c := newConv(knowledge.Citizen)
	raw := "Was kostet ein Reisepass? Ich bin erreichbar unter erika@example.org"
	ans := mustAsk(t, a, c, raw)
	for _, q := range fr.queries {
		if strings.Contains(q.Text, "erika@example.org") {
			t.Errorf("retrieval saw the e-mail address: %q", q.Text)
		}
	}
	if strings.Contains(ans.Text, "erika@example.org") {
		t.Errorf("answer echoes the e-mail address")
	}
	if c.Entries[0].Text != raw {
		t.Errorf("stored entry = %q, want the text as sent", c.Entries[0].Text)
	}
}

// The intake's first question comes with the IT article the message names,
// unless many share the problem (an outage no guide fixes).
func TestIncidentIntakePointsToSelfHelp(t *testing.T) {
	tk := &fakeTickets{replies: []incidentReply{{Slots: map[string]string{"system": "vpn"}, Text: "Seit wann besteht die Störung?"}}}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })
	first := mustAsk(t, a, newConv(knowledge.Employee), "MusterVPN funktioniert bei mir nicht")
	if first.Intent != IntentITIncident || len(first.Sources) != 1 || first.Sources[0].ID != "intern/it/vpn" || !strings.Contains(first.Text, "Vielleicht hilft Ihnen bis dahin") {
		t.Errorf("first = %+v", first)
	}
	tk = &fakeTickets{replies: []incidentReply{{Slots: map[string]string{"system": "vpn", SlotOthersAffected: AffectedAll}, Text: "Seit wann besteht die Störung?"}}}
	a = mustAssistant(t, func(c *Config) { c.Tickets = tk })
	all := mustAsk(t, a, newConv(knowledge.Employee), "MusterVPN funktioniert bei der ganzen Abteilung nicht")
	if len(all.Sources) != 0 || strings.Contains(all.Text, "Vielleicht hilft") {
		t.Errorf("an outage many share points to a guide: %+v", all)
	}
}
