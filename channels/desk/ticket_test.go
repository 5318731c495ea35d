// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/evals"
	"github.com/musterstadt/lotse/ticketing"
)

// mustIncident opens a P1 incident ticket as the assistant's intake dialog
// does when the reporter confirms.
func (e *env) mustIncident(conv string) ticketing.Ticket {
	e.t.Helper()
	t, err := e.svc.OpenIncident(context.Background(), assistant.Incident{ConversationID: conv, UserID: "u1", Channel: "web", Lang: "de",
		Summary: "E-Mail: Outlook startet nicht", Description: "System: E-Mail\nProblem: Outlook startet nicht",
		Slots: map[string]string{assistant.SlotService: "email", assistant.SlotSymptom: "Outlook startet nicht", assistant.SlotSince: "seit 9 Uhr",
			assistant.SlotLocation: "Raum 1.05", assistant.SlotOthersAffected: assistant.AffectedAll, assistant.SlotCanWork: assistant.CanWorkNo}})
	if err != nil {
		e.t.Fatal(err)
	}
	if t.Priority != ticketing.P1 {
		e.t.Fatalf("incident priority = %s, want P1", t.Priority)
	}
	return t
}

// TestEveryActionIsAudited posts every action of the case page and checks
// its audit entry (who, what, which ticket).
func TestEveryActionIsAudited(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	tk := e.escalate("c-audit", passportChat)
	inc := e.mustIncident("c-inc")
	o, err := e.svc.CreateOutage(ctx, ticketing.Outage{Service: "vpn", Title: "VPN gestört"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	c := e.client()
	c.login("anna", testPassword)
	tests := []struct {
		action string
		ticket ticketing.Ticket
		form   url.Values
		audit  string
		check  func(t *testing.T, got ticketing.Ticket)
	}{
		{"claim", tk, nil, "ticket.update", func(t *testing.T, got ticketing.Ticket) {
			if got.Assignee != "anna" || got.Status != ticketing.StatusInProgress {
				t.Errorf("assignee %q status %q", got.Assignee, got.Status)
			}
		}},
		{"assign", tk, url.Values{"assignee": {"admin"}}, "ticket.update", func(t *testing.T, got ticketing.Ticket) {
			if got.Assignee != "admin" {
				t.Errorf("assignee %q", got.Assignee)
			}
		}},
		{"priority", tk, url.Values{"priority": {"P2"}}, "ticket.update", func(t *testing.T, got ticketing.Ticket) {
			if got.Priority != "P2" {
				t.Errorf("priority %q", got.Priority)
			}
		}},
		{"note", tk, url.Values{"note": {"Rückruf vereinbart"}}, "ticket.note", nil},
		{"takeover", tk, nil, "chat.takeover", nil},
		{"reply", tk, url.Values{"reply": {"Guten Tag, ich helfe Ihnen."}}, "ticket.reply", nil},
		{"release", tk, nil, "chat.release", nil},
		{"review", tk, url.Values{"turn": {"1"}, "verdict": {"correct"}}, "review.mark", nil},
		{"link-outage", tk, url.Values{"outage": {itoa(o.ID)}}, "ticket.link_outage", func(t *testing.T, got ticketing.Ticket) {
			if got.OutageID != o.ID {
				t.Errorf("outage %d, want %d", got.OutageID, o.ID)
			}
		}},
		{"major-incident", inc, nil, "ticket.major_incident", func(t *testing.T, got ticketing.Ticket) {
			if got.OutageID == 0 {
				t.Error("incident not linked to an outage")
			}
		}},
		{"resolve", tk, url.Values{"resolution": {"Auskunft gegeben."}}, "ticket.update", func(t *testing.T, got ticketing.Ticket) {
			if got.Status != ticketing.StatusResolved || got.Resolution != "Auskunft gegeben." {
				t.Errorf("status %q resolution %q", got.Status, got.Resolution)
			}
		}},
		{"reopen", tk, nil, "ticket.update", nil},
	}
	for _, tt := range tests {
		t.Run(tt.action, func(t *testing.T) {
			before, _ := e.st.ListAudit(ctx, ticketing.AuditFilter{Who: "anna", Limit: 1000})
			code, body, _ := c.post("/desk/tickets/"+itoa(tt.ticket.ID)+"/"+tt.action, tt.form)
			if code != http.StatusSeeOther {
				t.Fatalf("status %d\n%s", code, body)
			}
			after, _ := e.st.ListAudit(ctx, ticketing.AuditFilter{Who: "anna", Limit: 1000})
			var found bool
			for _, a := range after[:len(after)-len(before)] {
				target := tt.ticket.Key
				if tt.action == "review" {
					target = "conversation:c-audit"
				}
				if a.Action == tt.audit && a.Target == target && !a.At.IsZero() {
					found = true
				}
			}
			if !found {
				t.Errorf("no audit entry %s by anna; new entries: %+v", tt.audit, after[:len(after)-len(before)])
			}
			if tt.check != nil {
				got, err := e.svc.Get(ctx, tt.ticket.ID)
				if err != nil {
					t.Fatal(err)
				}
				tt.check(t, got)
			}
		})
	}
}

func TestReplyWithoutLiveChatIsPublicNote(t *testing.T) {
	e := mustEnv(t, func(c *Config) { c.Live = nil })
	tk := e.escalate("c-nolive", passportChat)
	c := e.client()
	c.login("anna", testPassword)
	_, body := c.get("/desk/tickets/" + itoa(tk.ID))
	if strings.Contains(body, "Gespräch übernehmen") {
		t.Error("takeover offered without a live chat")
	}
	if code, body, _ := c.post("/desk/tickets/"+itoa(tk.ID)+"/reply", url.Values{"reply": {"Wir melden uns."}}); code != http.StatusSeeOther {
		t.Fatalf("reply: %d\n%s", code, body)
	}
	notes, _ := e.svc.Notes(context.Background(), tk.ID)
	if len(notes) != 1 || notes[0].Internal || notes[0].Text != "Wir melden uns." || notes[0].Author != "anna" {
		t.Errorf("notes = %+v, want one public note", notes)
	}
}

func TestTakeoverCallsLiveChat(t *testing.T) {
	e := mustEnv(t, nil)
	tk := e.escalate("c-live", passportChat)
	c := e.client()
	c.login("anna", testPassword)
	id := itoa(tk.ID)
	if _, body := c.get("/desk/tickets/" + id); !strings.Contains(body, "Gespräch übernehmen") {
		t.Fatal("no takeover button on a web chat ticket")
	}
	c.post("/desk/tickets/"+id+"/takeover", nil)
	if _, body := c.get("/desk/tickets/" + id); !strings.Contains(body, "Zurück an Lotse") || !strings.Contains(body, "Lotse antwortet nicht") {
		t.Error("held conversation not shown as held")
	}
	c.post("/desk/tickets/"+id+"/reply", url.Values{"reply": {"Hallo, hier ist Anna."}})
	c.post("/desk/tickets/"+id+"/release", nil)
	want := []liveCall{
		{Method: "SetAgentHeld", Conv: "c-live", From: "anna", Held: true},
		{Method: "AgentMessage", Conv: "c-live", From: "anna", Text: "Hallo, hier ist Anna."},
		{Method: "SetAgentHeld", Conv: "c-live", From: "anna", Held: false},
	}
	if diff := cmp.Diff(want, e.live.Calls()); diff != "" {
		t.Errorf("LiveChat calls (-want +got):\n%s", diff)
	}
	// A reply to a chat that nobody holds takes it over first.
	c.post("/desk/tickets/"+id+"/reply", url.Values{"reply": {"Noch eine Frage?"}})
	calls := e.live.Calls()[3:]
	if len(calls) != 2 || calls[0].Method != "SetAgentHeld" || !calls[0].Held || calls[1].Method != "AgentMessage" {
		t.Errorf("reply without hold: calls %+v", calls)
	}
	// A failing web channel keeps the typed text and says so at the field.
	e.live.err = errors.New("socket kaputt")
	code, body, _ := c.post("/desk/tickets/"+id+"/reply", url.Values{"reply": {"Text, der nicht verloren gehen darf"}})
	if code != http.StatusBadRequest || !strings.Contains(body, "Text, der nicht verloren gehen darf") || !strings.Contains(body, `id="reply-error"`) {
		t.Errorf("live failure: %d, body keeps text: %v", code, strings.Contains(body, "Text, der nicht"))
	}
	if strings.Contains(body, "socket kaputt") {
		t.Error("internal error text shown")
	}
}

func TestFormErrorsTiedToFields(t *testing.T) {
	e := mustEnv(t, nil)
	tk := e.escalate("c-err", passportChat)
	if _, err := e.svc.CreateOutage(context.Background(), ticketing.Outage{Service: "vpn", Title: "VPN gestört"}, "test"); err != nil {
		t.Fatal(err)
	}
	c := e.client()
	c.login("anna", testPassword)
	tests := []struct {
		action string
		form   url.Values
		field  string
	}{
		{"note", url.Values{"note": {"   "}}, "note"},
		{"resolve", url.Values{"resolution": {""}}, "resolution"},
		{"priority", url.Values{"priority": {"P9"}}, "priority"},
		{"assign", url.Values{"assignee": {"niemand"}}, "assignee"},
		{"link-outage", url.Values{"outage": {"999"}}, "outage"},
		{"review", url.Values{"turn": {"1"}}, "verdict-1"},
		{"review", url.Values{"turn": {"1"}, "verdict": {"incorrect"}, "doc": {"../etc/passwd"}}, "doc-1"},
		{"note", url.Values{"note": {strings.Repeat("x", maxText+1)}}, "note"},
	}
	for _, tt := range tests {
		t.Run(tt.action+" "+tt.field, func(t *testing.T) {
			code, body, _ := c.post("/desk/tickets/"+itoa(tk.ID)+"/"+tt.action, tt.form)
			if code != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", code)
			}
			if !strings.Contains(body, `id="`+tt.field+`-error"`) || !strings.Contains(body, `aria-describedby="`+tt.field+`-error"`) {
				t.Errorf("error not tied to field %s", tt.field)
			}
		})
	}
	if code, _, _ := c.post("/desk/tickets/"+itoa(tk.ID)+"/explode", nil); code != http.StatusNotFound {
		t.Errorf("unknown action: %d", code)
	}
	if code, _ := c.get("/desk/tickets/424242"); code != http.StatusNotFound {
		t.Errorf("unknown ticket: %d", code)
	}
}

func TestXSSInTranscriptIsEscaped(t *testing.T) {
	e := mustEnv(t, nil)
	payload := `<script>alert(1)</script><img src=x onerror=alert(2)>`
	tk := e.escalate("c-xss", []assistant.Entry{
		{Role: assistant.RoleUser, Text: "Hallo " + payload},
		{Role: assistant.RoleAssistant, Text: "Antwort " + payload, Intent: assistant.IntentServiceInfo,
			Sources: []assistant.Source{{ID: "x", Title: payload, URL: "javascript:alert(3)"}}},
	})
	c := e.client()
	c.login("anna", testPassword)
	c.post("/desk/tickets/"+itoa(tk.ID)+"/note", url.Values{"note": {payload}})
	code, body := c.get("/desk/tickets/" + itoa(tk.ID))
	if code != http.StatusOK {
		t.Fatal(code)
	}
	for _, bad := range []string{"<script>alert", "<img src=x", "javascript:"} {
		if strings.Contains(body, bad) {
			t.Errorf("page contains unescaped %q", bad)
		}
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("escaped payload not shown as text")
	}
	_, queue := c.get("/desk/")
	if strings.Contains(queue, "<script>alert") {
		t.Error("queue contains unescaped payload")
	}
}

func TestCaseViewShowsSourcesIntentSlots(t *testing.T) {
	e := mustEnv(t, nil)
	tk := e.escalate("c-view", passportChat)
	inc := e.mustIncident("c-view-inc")
	c := e.client()
	c.login("anna", testPassword)
	_, body := c.get("/desk/tickets/" + itoa(tk.ID))
	for _, want := range []string{"Reisepass beantragen", "leistungen/reisepass", "Frage zu einer Leistung", "30 %", "Frage zum Reisepass", "Ohne Quelle beantwortet", "Antwort bewerten"} {
		if !strings.Contains(body, want) {
			t.Errorf("case page lacks %q", want)
		}
	}
	_, body = c.get("/desk/tickets/" + itoa(inc.ID))
	for _, want := range []string{"Erfasste Angaben", "Weitere Betroffene", "Als Großstörung anlegen"} {
		if !strings.Contains(body, want) {
			t.Errorf("incident page lacks %q", want)
		}
	}
}

func TestExportReviewsRoundTrip(t *testing.T) {
	e := mustEnv(t, nil)
	tk := e.escalate("c-rev", passportChat)
	c := e.client()
	c.login("anna", testPassword)
	id := itoa(tk.ID)
	post := func(form url.Values) {
		t.Helper()
		if code, body, _ := c.post("/desk/tickets/"+id+"/review", form); code != http.StatusSeeOther {
			t.Fatalf("review: %d\n%s", code, body)
		}
	}
	post(url.Values{"turn": {"1"}, "verdict": {"incorrect"}})                   // superseded below
	post(url.Values{"turn": {"1"}, "verdict": {"correct"}, "comment": {"gut"}}) // latest wins
	post(url.Values{"turn": {"3"}, "verdict": {"incorrect"}, "doc": {"leistungen/reisepass"}, "comment": {"Dauer steht dort"}})
	tk2 := e.escalate("c-rev2", []assistant.Entry{{Role: assistant.RoleUser, Text: "Wer ist der Bürgermeister?"}, {Role: assistant.RoleAssistant, Text: "Herr Müller."}})
	if code, _, _ := c.post("/desk/tickets/"+itoa(tk2.ID)+"/review", url.Values{"turn": {"1"}, "verdict": {"incorrect"}}); code != http.StatusSeeOther {
		t.Fatal(code)
	}
	_, body := c.get("/desk/tickets/" + id)
	if !strings.Contains(body, "Bewertet von anna") || !strings.Contains(body, "richtige Quelle: leistungen/reisepass") {
		t.Error("reviews not shown on the case page")
	}

	var buf bytes.Buffer
	if err := ExportReviews(context.Background(), e.st, &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "reviews.yaml")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cases, err := evals.LoadCases(path)
	if err != nil {
		t.Fatalf("LoadCases: %v\n%s", err, buf.String())
	}
	for i := range cases {
		cases[i].File, cases[i].Line = "", 0
	}
	yes := true
	want := []evals.Case{
		{ID: "review-c-rev-1", Question: "Was kostet ein Reisepass?", Audience: "citizen", Lang: "de",
			Expect: evals.Expect{Sources: []string{"leistungen/reisepass"}, Intent: assistant.IntentServiceInfo}},
		{ID: "review-c-rev-3", Question: "Und wie lange dauert das?", History: []string{"Was kostet ein Reisepass?"}, Audience: "citizen", Lang: "de",
			Expect: evals.Expect{Sources: []string{"leistungen/reisepass"}}},
		{ID: "review-c-rev2-1", Question: "Wer ist der Bürgermeister?", Audience: "citizen", Lang: "de",
			Expect: evals.Expect{Escalate: &yes}},
	}
	if diff := cmp.Diff(want, cases); diff != "" {
		t.Errorf("exported cases (-want +got):\n%s\n%s", diff, buf.String())
	}
}

func TestExportReviewsEmpty(t *testing.T) {
	e := mustEnv(t, nil)
	var buf bytes.Buffer
	if err := ExportReviews(context.Background(), e.st, &buf); err != nil {
		t.Fatal(err)
	}
}

func TestQueueFiltersSLAAndP1Banner(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	old := e.escalate("c-old", passportChat) // P3, 9 h old below
	e.clock.Add(9 * time.Hour)
	p1 := e.mustIncident("c-p1") // P1, unclaimed
	fresh := e.escalate("c-new", passportChat)
	c := e.client()
	c.login("anna", testPassword)
	_, body := c.get("/desk/")
	if !strings.Contains(body, "Achtung: 1 kritischer Vorgang (P1) ohne Bearbeitung") {
		t.Error("no P1 banner")
	}
	if !strings.Contains(body, "SLA überschritten seit 1 Std 0 Min") {
		t.Errorf("no breach text for the 9 h old P3")
	}
	// Order: the P1 first, then the P3s oldest first.
	i1, i2, i3 := strings.Index(body, `data-key="`+p1.Key), strings.Index(body, `data-key="`+old.Key), strings.Index(body, `data-key="`+fresh.Key)
	if !(i1 >= 0 && i1 < i2 && i2 < i3) {
		t.Errorf("order P1 %d, old %d, new %d", i1, i2, i3)
	}
	_, body = c.get("/desk/?kind=incident")
	if strings.Contains(body, `data-key="`+old.Key) || !strings.Contains(body, `data-key="`+p1.Key) {
		t.Error("kind filter")
	}
	_, body = c.get("/desk/?age=8h")
	if strings.Contains(body, `data-key="`+fresh.Key) || !strings.Contains(body, `data-key="`+old.Key) {
		t.Error("age filter")
	}
	code, body := c.get("/desk/?priority=P7")
	if code != http.StatusOK || !strings.Contains(body, `id="f-priority-error"`) {
		t.Error("bad filter value not reported at its field")
	}
	// Claiming the P1 removes the banner.
	if _, err := e.svc.Update(ctx, p1.ID, ticketing.Patch{Assignee: ptr("anna")}, "anna"); err != nil {
		t.Fatal(err)
	}
	if _, body = c.get("/desk/"); strings.Contains(body, "Achtung:") {
		t.Error("banner after claim")
	}
	_, body = c.get("/desk/?status=resolved")
	if strings.Contains(body, `data-key="`) {
		t.Error("status filter shows open tickets")
	}
}

func TestOutagePages(t *testing.T) {
	e := mustEnv(t, nil)
	c := e.client()
	c.login("anna", testPassword)
	code, body, _ := c.post("/desk/outages", url.Values{"service": {"vpn"}, "title": {""}, "message": {"Wir arbeiten daran."}, "eta": {"morgen"}})
	if code != http.StatusBadRequest || !strings.Contains(body, `id="new-title-error"`) || !strings.Contains(body, `id="new-eta-error"`) || !strings.Contains(body, "Wir arbeiten daran.") {
		t.Errorf("bad outage form: %d", code)
	}
	code, _, _ = c.post("/desk/outages", url.Values{"service": {"vpn"}, "title": {"VPN gestört"}, "message": {"Wir arbeiten daran."}, "eta": {"2026-11-26T12:30"}})
	if code != http.StatusSeeOther {
		t.Fatalf("create: %d", code)
	}
	list, _ := e.svc.ActiveOutages(context.Background())
	if len(list) != 1 || list[0].PublicMessage != "Wir arbeiten daran." || list[0].ETA.IsZero() {
		t.Fatalf("outages %+v", list)
	}
	id := itoa(list[0].ID)
	if code, _, _ = c.post("/desk/outages/"+id, url.Values{"service": {"vpn"}, "title": {"VPN-Gateway defekt"}, "message": {"Behoben bis 14 Uhr."}}); code != http.StatusSeeOther {
		t.Fatalf("update: %d", code)
	}
	_, body = c.get("/desk/outages")
	if !strings.Contains(body, "Behoben bis 14 Uhr.") || strings.Contains(body, "/close") {
		t.Error("outage page: update missing, or agent sees the close button")
	}
	if !e.auditHas("anna", "outage.create", "outage:"+id) || !e.auditHas("anna", "outage.update", "outage:"+id) {
		t.Errorf("outage actions not audited:\n%s", e.dumpAudit())
	}
}

func TestTranscriptLiveEntries(t *testing.T) {
	e := mustEnv(t, nil)
	tk := e.escalate("c-tr", passportChat)
	c := e.client()
	c.login("anna", testPassword)
	base := "/desk/tickets/" + tk.Key + "/transcript"
	if _, body := c.get("/desk/tickets/" + itoa(tk.ID)); !strings.Contains(body, `data-live-src="`+base+`" data-count="4"`) {
		t.Fatal("case page of a web chat is not live")
	}
	if code, _ := c.get(base + "?from=4"); code != http.StatusNoContent {
		t.Errorf("nothing new: %d, want 204", code)
	}
	if code, _ := c.get(base + "?from=x"); code != http.StatusBadRequest {
		t.Errorf("bad from: %d", code)
	}
	conv, _ := e.conv.Load(context.Background(), "c-tr")
	conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleUser, Text: "Hallo? <b>Noch da?</b>"})
	if err := e.conv.Save(context.Background(), conv); err != nil {
		t.Fatal(err)
	}
	resp, err := c.http.Get(e.http.URL + base + "?from=4")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	if _, err := io.Copy(&b, resp.Body); err != nil {
		t.Fatal(err)
	}
	body := b.String()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("X-Entry-Count") != "5" || !strings.Contains(body, `id="turn-4"`) ||
		strings.Contains(body, `id="turn-3"`) || !strings.Contains(body, "&lt;b&gt;Noch da?") {
		t.Errorf("new entries: %d count=%s\n%s", resp.StatusCode, resp.Header.Get("X-Entry-Count"), body)
	}
}

func TestCaseViewShowsReplacedModelAnswer(t *testing.T) {
	e := mustEnv(t, nil)
	tk := e.escalate("c-verify", []assistant.Entry{
		{Role: assistant.RoleUser, Text: "Brauche ich einen Termin?"},
		{Role: assistant.RoleAssistant, Text: "Ein Termin ist erforderlich.", Verification: &assistant.Verification{
			Replaced: "unsupported_fact",
			Refused: []assistant.Refusal{{Kind: "polarity", Claim: "Sie brauchen keinen Termin", Sentence: "Sie brauchen keinen Termin [1].",
				Replacement: "Ein Termin ist erforderlich."}},
		}},
	})
	c := e.client()
	c.login("anna", testPassword)
	_, body := c.get("/desk/tickets/" + itoa(tk.ID))
	for _, want := range []string{"Antwort des Sprachmodells ersetzt", "unsupported_fact", "Nicht belegt (polarity)", "Sie brauchen keinen Termin", "stattdessen aus der Quelle: „Ein Termin ist erforderlich.“"} {
		if !strings.Contains(body, want) {
			t.Errorf("case page lacks %q", want)
		}
	}
}

// TestTypingReachesLiveChat: the reply form of a live web chat names the
// typing endpoint; a post there (with the CSRF token) tells the web
// channel who is typing, without storing anything. Without the token it is
// refused; a ticket without a live chat gets 409.
func TestTypingReachesLiveChat(t *testing.T) {
	e := mustEnv(t, nil)
	tk := e.escalate("c-typing", passportChat)
	c := e.client()
	c.login("anna", testPassword)
	id := itoa(tk.ID)
	if _, body := c.get("/desk/tickets/" + id); !strings.Contains(body, `data-typing-src="/desk/tickets/`+tk.Key+`/typing"`) {
		t.Fatal("reply form of a live chat names no typing endpoint")
	}
	if code, body, _ := c.post("/desk/tickets/"+id+"/typing", nil); code != http.StatusNoContent {
		t.Fatalf("typing: %d\n%s", code, body)
	}
	if code, _, _ := c.post("/desk/tickets/"+id+"/typing", url.Values{"csrf": {"wrong"}}); code != http.StatusForbidden {
		t.Errorf("typing without the CSRF token: %d, want 403", code)
	}
	want := []liveCall{{Method: "AgentTyping", Conv: "c-typing", From: "anna"}}
	if diff := cmp.Diff(want, e.live.Calls()); diff != "" {
		t.Errorf("LiveChat calls (-want +got):\n%s", diff)
	}

	off := mustEnv(t, func(c *Config) { c.Live = nil })
	tk = off.escalate("c-nolive", passportChat)
	c = off.client()
	c.login("anna", testPassword)
	if _, body := c.get("/desk/tickets/" + itoa(tk.ID)); strings.Contains(body, "data-typing-src") {
		t.Error("typing endpoint offered without a live chat")
	}
	if code, _, _ := c.post("/desk/tickets/"+itoa(tk.ID)+"/typing", nil); code != http.StatusConflict {
		t.Errorf("typing without a live chat: %d, want 409", code)
	}
}
