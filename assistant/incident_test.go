// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/ticketing"
)

// incidentEnv is a ticketing service over a fresh store with the
// assistant's incident dialog in front of it.
type incidentEnv struct {
	*ticketing.Service
	dialog *assistant.IncidentDialog
}

func (e *incidentEnv) Incident(ctx context.Context, st assistant.IncidentStep) (assistant.IncidentReply, error) {
	return e.dialog.Step(ctx, st)
}

// incidentClock is a settable clock.
type incidentClock struct{ t time.Time }

func (c *incidentClock) Now() time.Time { return c.t }

func mustIncidentEnv(tb testing.TB) (*incidentEnv, *incidentClock) {
	tb.Helper()
	clock := &incidentClock{t: time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)}
	st, err := ticketing.Open(context.Background(), filepath.Join(tb.TempDir(), "lotse.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	svc, err := ticketing.New(ticketing.Config{Store: st, Now: clock.Now, Location: time.UTC})
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	tb.Cleanup(svc.Shutdown)
	tickets := svc.ForAssistant(nil)
	return &incidentEnv{Service: svc, dialog: assistant.NewIncidentDialog(tickets, tickets, clock.Now, time.UTC)}, clock
}

// converse runs the turns through Incident, carrying the slots, and
// returns the last reply. It logs the dialog for failing tests.
func converse(t *testing.T, svc *incidentEnv, conv, user, lang string, turns []string) assistant.IncidentReply {
	t.Helper()
	var slots map[string]string
	var r assistant.IncidentReply
	for i, turn := range turns {
		var err error
		r, err = svc.Incident(context.Background(), assistant.IncidentStep{ConversationID: conv, UserID: user, Lang: lang, Slots: slots, Text: turn,
			Transcript: []assistant.Entry{{Role: "user", Text: turn}}})
		if err != nil {
			t.Fatalf("turn %d %q: %v", i+1, turn, err)
		}
		t.Logf("user: %s\nlotse: %s", turn, r.Text)
		if q := strings.Count(r.Text, "?"); q > 2 {
			t.Errorf("turn %d: %d questions in one reply, want at most 2", i+1, q)
		}
		if r.Done && i < len(turns)-1 {
			t.Fatalf("dialog ended after turn %d of %d", i+1, len(turns))
		}
		slots = r.Slots
	}
	return r
}

func TestIncidentTriage(t *testing.T) {
	tests := []struct {
		name      string
		lang      string
		turns     []string
		service   string
		priority  string
		wantSlots map[string]string // subset to check
	}{
		{
			name:      "one shot VPN from home office",
			turns:     []string{"Mein VPN verbindet nicht seit 8 Uhr, ich bin im Homeoffice, nur ich bin betroffen, ich kann gar nicht arbeiten", "ja"},
			service:   "vpn",
			priority:  ticketing.P3,
			wantSlots: map[string]string{assistant.SlotSymptom: "Mein VPN verbindet nicht seit 8 Uhr", assistant.SlotSince: "seit 8 Uhr", assistant.SlotLocation: "Homeoffice", assistant.SlotOthersAffected: assistant.AffectedNo, assistant.SlotCanWork: assistant.CanWorkNo},
		},
		{
			name:      "one shot printer, whole department, workaround",
			turns:     []string{"Der Drucker in Raum 2.14 druckt seit heute morgen nicht, die ganze Abteilung ist betroffen, wir können aber auf den anderen Drucker ausweichen", "ja"},
			service:   "drucker",
			priority:  ticketing.P3,
			wantSlots: map[string]string{assistant.SlotLocation: "Raum 2.14", assistant.SlotSince: "seit heute morgen", assistant.SlotOthersAffected: assistant.AffectedAll, assistant.SlotCanWork: assistant.CanWorkYes},
		},
		{
			name:     "one shot the brief's phrases",
			turns:    []string{"Mein PC zeigt einen Bluescreen seit 8 Uhr, Raum 2.14, die ganze Abteilung, ich kann gar nicht arbeiten", "ja"},
			service:  "arbeitsplatz",
			priority: ticketing.P1,
		},
		{
			name:     "Outlook, nobody can work",
			turns:    []string{"Outlook startet nicht seit 9 Uhr. Raum 1.05. Die ganze Abteilung hat das Problem, keiner kann arbeiten.", "ja"},
			service:  "email",
			priority: ticketing.P1,
		},
		{
			name:     "critical business application, impaired, only me",
			turns:    []string{"Das Fachverfahren zeigt Fehler 500 seit 10 Uhr, Raum 3.01, nur bei mir, ich kann nur eingeschränkt arbeiten", "ja"},
			service:  "fachverfahren",
			priority: ticketing.P3,
		},
		{
			name:      "critical telephony in the citizens' office",
			turns:     []string{"Im Bürgerbüro kommen seit 8:30 Uhr keine Anrufe rein, die ganze Abteilung ist betroffen, wir können nur teilweise arbeiten", "ja"},
			service:   "telefonie",
			priority:  ticketing.P1,
			wantSlots: map[string]string{assistant.SlotLocation: "Im Bürgerbüro", assistant.SlotSince: "seit 8:30 Uhr"},
		},
		{
			name:     "Wi-Fi for the whole floor",
			turns:    []string{"Das WLAN im Rathaus 2. OG geht seit heute früh nicht, alle Kollegen auf der Etage sind betroffen, wir können nicht arbeiten", "ja"},
			service:  "wlan",
			priority: ticketing.P1,
		},
		{
			name:     "network drive after update, can keep working",
			turns:    []string{"Ich komme seit dem Update nicht mehr auf das Netzlaufwerk H:, nur bei mir, Zimmer 112, kann aber weiterarbeiten", "ja"},
			service:  "netzlaufwerk",
			priority: ticketing.P4,
		},
		{
			name:     "video conferencing camera",
			turns:    []string{"Bei Teams wird meine Kamera nicht erkannt, seit gestern, Raum 0.08, nur ich, kann trotzdem arbeiten", "ja"},
			service:  "videokonferenz",
			priority: ticketing.P4,
		},
		{
			name:     "locked account",
			turns:    []string{"Mein Konto ist gesperrt, ich kann mich nicht anmelden, seit 7:45 Uhr, Raum 2.01, nur ich, ich kann gar nicht arbeiten", "ja"},
			service:  "login",
			priority: ticketing.P3,
		},
		{
			name:     "workstation does not boot",
			turns:    []string{"Mein Rechner startet nicht mehr, seit heute morgen, Raum 1.20, nur ich, kann nicht arbeiten", "ja"},
			service:  "arbeitsplatz",
			priority: ticketing.P3,
		},
		{
			name:      "colleagues fine, asked for the rest",
			turns:     []string{"Seit heute Vormittag kein Internet im Büro 3.14, bei den Kollegen geht es", "ich kann nicht arbeiten", "ja"},
			service:   "wlan",
			priority:  ticketing.P3,
			wantSlots: map[string]string{assistant.SlotSince: "Seit heute Vormittag", assistant.SlotLocation: "Büro 3.14", assistant.SlotOthersAffected: assistant.AffectedNo, assistant.SlotCanWork: assistant.CanWorkNo},
		},
		{
			name:      "slot by slot with bare answers",
			turns:     []string{"Das Telefon geht nicht", "seit 8 Uhr", "ja", "Raum 1.01", "nein", "ja"},
			service:   "telefonie",
			priority:  ticketing.P2,
			wantSlots: map[string]string{assistant.SlotSince: "seit 8 Uhr", assistant.SlotOthersAffected: assistant.AffectedSome, assistant.SlotLocation: "Raum 1.01", assistant.SlotCanWork: assistant.CanWorkNo},
		},
		{
			name:      "slot by slot from nothing",
			turns:     []string{"Ich habe ein IT-Problem", "Der Drucker", "Er zieht kein Papier ein und zeigt Fehler E-302", "seit gestern", "nein", "Raum 1.12", "ja", "ja"},
			service:   "drucker",
			priority:  ticketing.P4,
			wantSlots: map[string]string{assistant.SlotSymptom: "Er zieht kein Papier ein und zeigt Fehler E-302", assistant.SlotSince: "seit gestern", assistant.SlotOthersAffected: assistant.AffectedNo, assistant.SlotLocation: "Raum 1.12", assistant.SlotCanWork: assistant.CanWorkYes},
		},
		{
			name:      "free-text location and since",
			turns:     []string{"Outlook stürzt beim Öffnen ab", "heute nach der Mittagspause", "nur ich", "Stadthaus, zweiter Stock", "eingeschränkt", "ja"},
			service:   "email",
			priority:  ticketing.P4,
			wantSlots: map[string]string{assistant.SlotSince: "heute nach der Mittagspause", assistant.SlotLocation: "Stadthaus, zweiter Stock", assistant.SlotCanWork: assistant.CanWorkPartly},
		},
		{
			name:      "correction after no",
			turns:     []string{"Der Drucker druckt nicht", "seit 9 Uhr, nur ich", "Raum 2.14, kann weiterarbeiten", "nein", "die ganze Abteilung ist betroffen", "ja"},
			service:   "drucker",
			priority:  ticketing.P3,
			wantSlots: map[string]string{assistant.SlotOthersAffected: assistant.AffectedAll},
		},
		{
			name:      "inline correction of the room",
			turns:     []string{"VPN bricht ständig ab seit gestern, Homeoffice, nur ich, kann eingeschränkt arbeiten", "nein, ich sitze in Raum 3.12", "ja"},
			service:   "vpn",
			priority:  ticketing.P4,
			wantSlots: map[string]string{assistant.SlotLocation: "Raum 3.12"},
		},
		{
			name:     "correction of the service",
			turns:    []string{"Outlook startet nicht seit 8 Uhr, Raum 1.05, nur ich, kann nicht arbeiten", "nein, es ist das Fachverfahren", "ja"},
			service:  "fachverfahren",
			priority: ticketing.P3,
		},
		{
			name: "unknown service becomes other",
			// (Whether one can work is asked with who else is affected,
			// then alone; a room in reply to it leaves it to the desk.)
			turns:     []string{"Irgendwas ist kaputt", "keine Ahnung", "mehrere Kollegen auch", "Raum 5.01", "ja"},
			service:   assistant.ServiceOther,
			priority:  ticketing.P3,
			wantSlots: map[string]string{assistant.SlotSymptom: "Irgendwas ist kaputt", assistant.SlotSince: assistant.UnknownValue, assistant.SlotOthersAffected: assistant.AffectedSome, assistant.SlotLocation: "Raum 5.01", assistant.SlotCanWork: assistant.UnknownValue},
		},
		{
			// A question asked with another whose reply answered the
			// other, then asked alone and answered with something else,
			// is not asked a third time: the next reply confirms.
			name:      "question asked in a pair, then alone, not a third time",
			turns:     []string{"Die Fachanwendung zeigt seit heute früh nur eine leere Seite", "betrifft das ganze Team, auch nach dem Neustart", "heute Nachmittag kommen noch zwei Termine", "ja"},
			service:   "fachverfahren",
			priority:  ticketing.P1,
			wantSlots: map[string]string{assistant.SlotOthersAffected: assistant.AffectedAll, assistant.SlotCanWork: assistant.UnknownValue},
		},
		{
			name:     "critical service bumps urgency",
			turns:    []string{"Die Fachanwendung ist sehr langsam seit heute morgen, Raum 2.02, einige Kollegen auch, ich kann trotzdem weiterarbeiten", "ja"},
			service:  "fachverfahren",
			priority: ticketing.P3,
		},
		{
			name:      "English one shot",
			lang:      "en",
			turns:     []string{"My VPN has not been working since this morning, working from home, only me, I cannot work", "yes"},
			service:   "vpn",
			priority:  ticketing.P3,
			wantSlots: map[string]string{assistant.SlotSince: "since this morning", assistant.SlotLocation: "Homeoffice"},
		},
		{
			name:     "English slot by slot",
			lang:     "en",
			turns:    []string{"printer broken", "since 9", "only me", "room 2.14", "yes", "yes"},
			service:  "drucker",
			priority: ticketing.P4,
		},
		{
			name:      "answers to other questions go to their slots",
			turns:     []string{"Das Netzlaufwerk ist weg", "Raum 2.14", "seit 10 Uhr", "nur ich", "kann nicht arbeiten", "ja"},
			service:   "netzlaufwerk",
			priority:  ticketing.P3,
			wantSlots: map[string]string{assistant.SlotLocation: "Raum 2.14", assistant.SlotSince: "seit 10 Uhr"},
		},
		{
			// Software and remote services are not at a desk: nobody asks
			// the room. A name the catalog does not know is asked for
			// once, then left to the desk.
			name:      "unknown program, no room asked",
			turns:     []string{"Das Gewerbeprogramm stürzt seit dem Update gestern bei jedem Speichern ab", "das Gewerbeprogramm halt", "bei mir und bei der Kollegin am Nachbarplatz, aber ich kann weiterarbeiten", "ja"},
			service:   assistant.ServiceOther,
			priority:  ticketing.P4,
			wantSlots: map[string]string{assistant.SlotOthersAffected: assistant.AffectedSome, assistant.SlotCanWork: assistant.CanWorkYes, assistant.SlotLocation: ""},
		},
		{
			// Replies that answer nothing get the questions again once;
			// after the second, they are left to the desk.
			name:      "two replies that answer nothing",
			turns:     []string{"Die Fachanwendung stürzt seit heute Morgen bei jedem Speichern ab", "es kommt eine Sanduhr", "die Sanduhr dreht sich ewig", "ja"},
			service:   "fachverfahren",
			priority:  ticketing.P3,
			wantSlots: map[string]string{assistant.SlotOthersAffected: assistant.UnknownValue, assistant.SlotCanWork: assistant.UnknownValue, assistant.SlotLocation: ""},
		},
		{
			// A question asked alone is asked at most twice, even when
			// the replies tell other things ("die Kollegen vom Bauhof").
			name:      "question asked alone, replies tell other things",
			turns:     []string{"das stempelterminal am haupteingang leuchtet rot und piept bei jedem, keiner kann sich einstempeln", "seit ungefähr viertel nach sieben", "das am hintereingang geht auch nicht, da stehen die leute schon an", "im browser geht es, aber die kollegen vom bauhof haben keinen pc", "ja"},
			service:   assistant.ServiceOther,
			priority:  ticketing.P2,
			wantSlots: map[string]string{assistant.SlotCanWork: assistant.UnknownValue},
		},
		{
			name:     "unknown answers",
			turns:    []string{"Der Monitor flackert", "weiß ich nicht", "Raum 4.11", "ja", "ja"},
			service:  "arbeitsplatz",
			priority: ticketing.P4,
		},
	}
	if len(tests) < 20 {
		t.Fatalf("only %d triage conversations, want at least 20", len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, _ := mustIncidentEnv(t)
			conv := "conv-" + strings.ReplaceAll(tt.name, " ", "-")
			r := converse(t, svc, conv, "emp-1", tt.lang, tt.turns)
			if !r.Done || r.TicketKey == "" {
				t.Fatalf("no ticket opened: %+v", r)
			}
			if r.Priority != tt.priority {
				t.Errorf("reply priority = %s, want %s", r.Priority, tt.priority)
			}
			// A P1 tells the reporter that on-call IT is paged (the notice
			// moved here from ticketing's notifier test with the dialog).
			if onCall := strings.Contains(r.Text, "Bereitschaft") || strings.Contains(r.Text, "on-call"); onCall != (tt.priority == ticketing.P1) {
				t.Errorf("reply %q: on-call notice %v, want %v", r.Text, onCall, tt.priority == ticketing.P1)
			}
			tk, err := svc.GetByKey(context.Background(), r.TicketKey)
			if err != nil {
				t.Fatal(err)
			}
			if tk.Service != tt.service || tk.Priority != tt.priority || tk.Kind != ticketing.KindIncident {
				t.Errorf("ticket service, priority, kind = %s, %s, %s; want %s, %s, incident (slots %v)", tk.Service, tk.Priority, tk.Kind, tt.service, tt.priority, tk.Slots)
			}
			if tk.ConversationID != conv || tk.ReporterID != "emp-1" || tk.Audience != "employee" {
				t.Errorf("ticket reporter = %q/%q/%q", tk.ConversationID, tk.ReporterID, tk.Audience)
			}
			for k, v := range tt.wantSlots {
				if tk.Slots[k] != v {
					t.Errorf("slot %s = %q, want %q", k, tk.Slots[k], v)
				}
			}
			for _, k := range assistant.SlotOrder {
				if tk.Slots[k] == "" && (k != assistant.SlotLocation || onSite(tt.service)) {
					t.Errorf("slot %s empty in ticket", k)
				}
			}
			for k := range tk.Slots {
				if strings.HasPrefix(k, "_") {
					t.Errorf("internal state %s stored in ticket", k)
				}
			}
			_ = i
		})
	}
}

func TestIncidentKnownOutage(t *testing.T) {
	ctx := context.Background()
	newSvc := func(t *testing.T) *incidentEnv {
		svc, clock := mustIncidentEnv(t)
		if _, err := svc.CreateOutage(ctx, ticketing.Outage{Service: "vpn", Title: "VPN-Gateway", PublicMessage: "Das VPN ist seit 7 Uhr gestört.",
			ETA: clock.Now().Add(3 * time.Hour)}, "anna"); err != nil {
			t.Fatal(err)
		}
		return svc
	}
	t.Run("same problem links and opens no ticket", func(t *testing.T) {
		svc := newSvc(t)
		for i, conv := range []string{"c1", "c2"} {
			r := converse(t, svc, conv, "", "", []string{"Mein VPN geht nicht", "ja"})
			if !r.Done || r.TicketKey != "" || r.OutageID != "1" {
				t.Fatalf("reply = %+v, want linked to outage 1 without ticket", r)
			}
			if !strings.Contains(r.Text, "vermerkt") || !strings.Contains(r.Text, "11:00 Uhr") {
				t.Errorf("text %q lacks confirmation or ETA", r.Text)
			}
			if o, _ := svc.GetOutage(ctx, 1); o.Affected != i+1 {
				t.Errorf("affected = %d, want %d", o.Affected, i+1)
			}
		}
		// The same conversation reporting again is not counted twice.
		converse(t, svc, "c1", "", "", []string{"VPN geht immer noch nicht", "ok"})
		if o, _ := svc.GetOutage(ctx, 1); o.Affected != 2 {
			t.Errorf("affected after repeat = %d, want 2", o.Affected)
		}
		if n, _ := svc.Count(ctx, ticketing.Filter{}); n != 0 {
			t.Errorf("%d tickets opened, want 0", n)
		}
	})
	t.Run("first reply tells about the outage", func(t *testing.T) {
		svc := newSvc(t)
		r := converse(t, svc, "c1", "", "", []string{"VPN bricht ab"})
		for _, want := range []string{"Störung", "Das VPN ist seit 7 Uhr gestört", "11:00 Uhr", "(ja/nein)"} {
			if !strings.Contains(r.Text, want) {
				t.Errorf("text %q lacks %q", r.Text, want)
			}
		}
	})
	t.Run("no answer to the contrary links", func(t *testing.T) {
		svc := newSvc(t)
		r := converse(t, svc, "c1", "", "", []string{"VPN geht nicht", "wann geht es wieder?"})
		if !r.Done || r.OutageID != "1" {
			t.Errorf("reply = %+v, want linked", r)
		}
	})
	t.Run("different problem continues the intake", func(t *testing.T) {
		svc := newSvc(t)
		r := converse(t, svc, "c1", "emp", "", []string{"VPN geht nicht", "nein, bei mir ist es etwas anderes: das Zertifikat ist abgelaufen", "seit heute, nur ich", "Homeoffice, kann nicht arbeiten", "ja"})
		if r.TicketKey == "" {
			t.Fatalf("no ticket: %+v", r)
		}
		if o, _ := svc.GetOutage(ctx, 1); o.Affected != 0 {
			t.Errorf("affected = %d, want 0", o.Affected)
		}
		tk, _ := svc.GetByKey(ctx, r.TicketKey)
		if tk.Service != "vpn" || !strings.Contains(tk.Slots[assistant.SlotSymptom], "Zertifikat") {
			t.Errorf("ticket = %+v", tk)
		}
	})
	t.Run("nein, anders asks for the rest", func(t *testing.T) {
		svc := newSvc(t)
		r := converse(t, svc, "c1", "", "", []string{"VPN geht nicht", "nein, anders"})
		if r.Done || r.Slots[assistant.StageSlot] != "" || !strings.Contains(r.Text, "Seit wann") {
			t.Errorf("reply = %+v, want the intake to continue", r)
		}
	})
	t.Run("closed outage is not offered", func(t *testing.T) {
		svc := newSvc(t)
		if _, err := svc.CloseOutage(ctx, 1, "anna"); err != nil {
			t.Fatal(err)
		}
		r := converse(t, svc, "c1", "", "", []string{"VPN geht nicht"})
		if strings.Contains(r.Text, "Störung") {
			t.Errorf("closed outage offered: %q", r.Text)
		}
	})
	t.Run("English", func(t *testing.T) {
		svc := newSvc(t)
		r := converse(t, svc, "c1", "", "en", []string{"VPN is down"})
		if !strings.Contains(r.Text, "known outage") || !strings.Contains(r.Text, "(yes/no)") {
			t.Errorf("text = %q", r.Text)
		}
	})
}

func TestIncidentCancelAndRestart(t *testing.T) {
	ctx := context.Background()
	svc, _ := mustIncidentEnv(t)
	r := converse(t, svc, "c1", "", "", []string{"Drucker druckt nicht", "abbrechen"})
	if !r.Done || r.TicketKey != "" || !strings.Contains(r.Text, "keine Störungsmeldung") {
		t.Errorf("cancel reply = %+v", r)
	}
	// A finished intake starts afresh with the next step.
	r2, err := svc.Incident(ctx, assistant.IncidentStep{ConversationID: "c1", Slots: r.Slots, Text: "Outlook startet nicht"})
	if err != nil {
		t.Fatal(err)
	}
	if r2.Done || r2.Slots[assistant.SlotService] != "email" || r2.Slots[assistant.SlotSince] != "" {
		t.Errorf("restart = %+v", r2)
	}
	// A confirmation that is neither yes nor no asks again.
	r3 := converse(t, svc, "c2", "", "", []string{"Outlook startet nicht seit 8 Uhr, Raum 1.05, nur ich, kann nicht arbeiten", "hmm"})
	if r3.Done || !strings.Contains(r3.Text, "ja oder nein") || r3.Priority != ticketing.P3 {
		t.Errorf("unclear confirmation = %+v", r3)
	}
	if strings.Contains(r3.Text, "Gesprächsverlauf") {
		t.Errorf("a mumble is no note: %s", r3.Text)
	}
	// A remark at the summary that changes no slot is kept with the
	// conversation, and the summary asks again.
	r4 := converse(t, svc, "c3", "", "", []string{"Outlook startet nicht seit 8 Uhr, Raum 1.05, nur ich, kann nicht arbeiten", "hab ich schon zweimal neu gestartet und mich abgemeldet"})
	if r4.Done || !strings.Contains(r4.Text, "Gesprächsverlauf") || !strings.Contains(r4.Text, "ja oder nein") {
		t.Errorf("remark at the summary = %+v", r4)
	}
	if n, _ := svc.Count(ctx, ticketing.Filter{}); n != 0 {
		t.Errorf("%d tickets, want 0", n)
	}
}

// FuzzIncident checks that any sequence of two messages gets a non-empty
// reply, at most two questions, and never an error.
func FuzzIncident(f *testing.F) {
	for _, seed := range [][2]string{
		{"", ""},
		{"ja", "nein"},
		{"VPN", "abbrechen"},
		{"Raum 2.14 seit 8 Uhr", "die ganze Abteilung"},
		{strings.Repeat("Drucker ", 2000), "ja"},
		{"\x00\xff seit", "Raum ."},
		{"nein, anders", "?????"},
	} {
		f.Add(seed[0], seed[1])
	}
	svc, _ := mustIncidentEnv(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		var slots map[string]string
		for _, text := range []string{a, b} {
			r, err := svc.Incident(context.Background(), assistant.IncidentStep{ConversationID: "fuzz", Slots: slots, Text: text})
			if err != nil {
				t.Fatalf("Incident(%q): %v", text, err)
			}
			if strings.TrimSpace(r.Text) == "" {
				t.Fatalf("empty reply to %q", text)
			}
			if q := strings.Count(r.Text, "?"); q > 2 {
				t.Fatalf("%d questions in reply to %q: %q", q, text, r.Text)
			}
			slots = r.Slots
		}
	})
}

func BenchmarkIncidentOneShot(b *testing.B) {
	svc, _ := mustIncidentEnv(b)
	for b.Loop() {
		if _, err := svc.Incident(context.Background(), assistant.IncidentStep{ConversationID: "c", Text: "Der Drucker in Raum 2.14 druckt seit heute morgen nicht, die ganze Abteilung ist betroffen, wir können aber ausweichen"}); err != nil {
			b.Fatal(err)
		}
	}
}

// An employee who asks to file the ticket now ("ja bitte sofort
// aufnehmen") gets it opened with what is known; the "ja" answers no
// pending question.
func TestIncidentFiledOnRequest(t *testing.T) {
	env, _ := mustIncidentEnv(t)
	r := converse(t, env, "c-file", "u1", "de", []string{
		"im bürgerbüro hängt das fachverfahren seit zehn minuten bei jedem speichern",
		"ja bitte sofort aufnehmen",
	})
	if !r.Done || r.TicketKey == "" {
		t.Fatalf("reply = %+v, want a ticket", r)
	}
	if r.Slots["can_work"] == "yes" {
		t.Errorf("slots = %v: the \"ja\" was taken for being able to work", r.Slots)
	}
}

// A bare "ja bitte" in the middle of an intake is no answer to a
// question of fact ("Können Sie trotzdem weiterarbeiten?"): it asks to go
// ahead, and the ticket is opened with what is known; so does a word to
// go ahead ("jo mach mal", "leg los").
func TestIncidentConsentFilesNow(t *testing.T) {
	for _, consent := range []string{"ja bitte", "Ja, gerne!", "ja bitte, schnell", "jo mach mal", "ok, mach das", "leg los"} {
		env, _ := mustIncidentEnv(t)
		r := converse(t, env, "c-consent", "u1", "de", []string{
			"das e-mail-postfach lädt seit heute früh nicht, nur bei mir",
			consent,
		})
		if !r.Done || r.TicketKey == "" {
			t.Fatalf("%q: reply = %+v, want a ticket", consent, r)
		}
		if r.Slots["can_work"] == "yes" {
			t.Errorf("%q: slots = %v: the consent was taken for being able to work", consent, r.Slots)
		}
	}
}

// "bitte als Störung aufnehmen" asks for the ticket now, like "bitte
// aufnehmen"; an hour said in words and a street address are read from
// the earlier messages.
func TestIncidentFiledAsFault(t *testing.T) {
	env, _ := mustIncidentEnv(t)
	transcript := []assistant.Entry{
		{Role: "user", Text: "im bauamt kommen seit neun uhr keine anrufe von außen an"},
		{Role: "assistant", Text: "…", Intent: assistant.IntentServiceInfo},
		{Role: "user", Text: "betrifft alle plätze in der lindenstraße 4"},
		{Role: "assistant", Text: "…", Intent: assistant.IntentServiceInfo},
		{Role: "user", Text: "ja, bitte als störung aufnehmen"},
	}
	r, err := env.Incident(context.Background(), assistant.IncidentStep{ConversationID: "c-fault", UserID: "u1", Lang: "de",
		Text: "ja, bitte als störung aufnehmen", Transcript: transcript})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Done || r.TicketKey == "" {
		t.Fatalf("reply = %+v, want a ticket", r)
	}
	if r.Slots["since"] != "seit neun uhr" || r.Slots["location"] != "lindenstraße 4" || r.Slots["others_affected"] != assistant.AffectedAll {
		t.Errorf("slots = %v, want since nine, the address, everyone", r.Slots)
	}
}

// An employee who first got an article and then asks for a ticket is not
// asked again what the earlier messages said.
func TestIncidentReadsEarlierMessages(t *testing.T) {
	env, _ := mustIncidentEnv(t)
	transcript := []assistant.Entry{
		{Role: "user", Text: "im rathaus 2. og ist seit heute früh das wlan weg"},
		{Role: "assistant", Text: "Zu „WLAN im Dienstgebäude“ …", Intent: assistant.IntentServiceInfo},
		{Role: "user", Text: "betrifft die ganze etage"},
		{Role: "assistant", Text: "…", Intent: assistant.IntentServiceInfo},
		{Role: "user", Text: "ja bitte ein ticket aufmachen"},
	}
	r, err := env.Incident(context.Background(), assistant.IncidentStep{ConversationID: "c-earlier", UserID: "u1", Lang: "de",
		Text: "ja bitte ein ticket aufmachen", Transcript: transcript})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Done || r.TicketKey == "" {
		t.Fatalf("reply = %+v, want the ticket filed from what was said", r)
	}
	if r.Slots["service"] != "wlan" || r.Slots["since"] != "seit heute früh" || r.Slots["others_affected"] != assistant.AffectedAll {
		t.Errorf("slots = %v, want WLAN since this morning, the whole floor", r.Slots)
	}
	// The messages of an earlier intake belong to its ticket.
	transcript = append(transcript,
		assistant.Entry{Role: "assistant", Text: "Ich habe das Ticket angelegt.", Intent: assistant.IntentITIncident},
		assistant.Entry{Role: "user", Text: "und der drucker druckt nicht"})
	r, err = env.Incident(context.Background(), assistant.IncidentStep{ConversationID: "c-earlier", UserID: "u1", Lang: "de",
		Text: "und der drucker druckt nicht", Transcript: transcript})
	if err != nil {
		t.Fatal(err)
	}
	if r.Done || r.Slots["since"] != "" || r.Slots["others_affected"] != "" {
		t.Errorf("slots = %v: the earlier intake's answers were taken for the new one", r.Slots)
	}
}

// onSite reports whether the default catalog's service is equipment at a
// desk, for which the intake asks the room.
func onSite(service string) bool {
	svc, ok := ticketing.DefaultCatalog().Service(service)
	return ok && svc.OnSite
}

// People answer one of two questions at a time, in their own words: where
// they sit and since when are asked once, a reply that answers whether
// they can work gives no place ("nervt halt, arbeiten geht"), a way round
// the fault is working partly, "gar nicht" is no, "ganzes Stockwerk" is
// everyone, and an answer given after "weiß nicht" counts. Such a dialog
// of four replies reaches the summary, and the fifth, a plain yes, opens
// the ticket.
func TestIncidentOneAnswerAtATime(t *testing.T) {
	for _, tt := range []struct {
		turns []string
		want  map[string]string
	}{
		{[]string{"mein zweiter monitor flackert ständig", "schon seit montag", "nur bei mir", "nervt halt, arbeiten geht", "jup"},
			map[string]string{"others_affected": assistant.AffectedNo, "can_work": assistant.CanWorkYes, "location": "unknown"}},
		{[]string{"bei mir geht das telefon nicht, kein freizeichen", "weiß ich nicht genau", "nur meins glaub ich", "ich kann übers handy telefonieren", "jawohl"},
			map[string]string{"others_affected": assistant.AffectedNo, "can_work": assistant.CanWorkPartly}},
		{[]string{"scanner am multifunktionsgerät im 2. og schickt keine scans mehr", "seit heute vormittag", "ganzes stockwerk", "gar nicht", "ja"},
			map[string]string{"others_affected": assistant.AffectedAll, "can_work": assistant.CanWorkNo}},
		{[]string{"das internet ist bei uns im jugendamt total langsam", "seit ungefähr zehn uhr", "alle hier auf dem flur", "so halb, seiten laden ewig", "okay"},
			map[string]string{"can_work": assistant.CanWorkPartly}},
		{[]string{"the printer on our floor prints nothing", "since yesterday afternoon", "the whole team", "we can print downstairs", "ok"},
			map[string]string{"can_work": assistant.CanWorkPartly, "location": "unknown"}},
	} {
		env, _ := mustIncidentEnv(t)
		r := converse(t, env, "c-one", "u1", "de", tt.turns)
		if !r.Done || r.TicketKey == "" {
			t.Errorf("%q: reply = %+v, want a ticket after the last yes", tt.turns[0], r)
			continue
		}
		for k, v := range tt.want {
			if r.Slots[k] != v {
				t.Errorf("%q: slot %s = %q, want %q (slots %v)", tt.turns[0], k, r.Slots[k], v, r.Slots)
			}
		}
	}
}

// A plain yes to the question where one sits wants to go on: the place is
// left to the desk, and the summary follows.
func TestIncidentYesToWhereGoesOn(t *testing.T) {
	env, _ := mustIncidentEnv(t)
	r := converse(t, env, "c-where", "u1", "de", []string{
		"mein zweiter monitor flackert seit heute, nur bei mir, kann aber weiterarbeiten",
		"jo",
	})
	if r.Slots["location"] != "unknown" || !strings.Contains(r.Text, "Soll ich das Ticket so anlegen") {
		t.Errorf("reply = %q, slots %v: want the summary with the place unknown", r.Text, r.Slots)
	}
}
