// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/ticketing"
)

func TestTicketByKeyURLAndSearch(t *testing.T) {
	e := mustEnv(t, nil)
	tk := e.escalate("c-key", passportChat)
	other := e.mustIncident("c-other")
	c := e.client()
	c.login("anna", testPassword)

	code, body := c.get("/desk/tickets/" + tk.Key)
	if code != http.StatusOK || !strings.Contains(body, tk.Key+": Frage zum Reisepass") {
		t.Fatalf("GET /desk/tickets/%s: %d", tk.Key, code)
	}
	if code, _ := c.get("/desk/tickets/" + strings.ToLower(tk.Key)); code != http.StatusOK {
		t.Errorf("lower-case key: %d", code)
	}
	if code, _ := c.get("/desk/tickets/LOT-999"); code != http.StatusNotFound {
		t.Errorf("unknown key: %d, want 404", code)
	}

	// A key in the search box opens the ticket.
	resp, err := c.http.Get(e.http.URL + "/desk/?q=" + url.QueryEscape(" "+strings.ToLower(tk.Key)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/desk/tickets/"+tk.Key {
		t.Errorf("search by key: %d → %q", resp.StatusCode, resp.Header.Get("Location"))
	}

	// Full text: words only the transcript holds, and a resolved ticket.
	if _, err := e.svc.Update(context.Background(), tk.ID, ticketing.Patch{Status: ptr(ticketing.StatusResolved), Resolution: ptr("erledigt")}, "anna"); err != nil {
		t.Fatal(err)
	}
	_, body = c.get("/desk/?q=" + url.QueryEscape("wie lange dauert"))
	if !strings.Contains(body, `data-key="`+tk.Key+`"`) || strings.Contains(body, `data-key="`+other.Key+`"`) {
		t.Errorf("transcript search did not find exactly %s", tk.Key)
	}
	_, body = c.get("/desk/?q=" + url.QueryEscape("Outlook"))
	if !strings.Contains(body, `data-key="`+other.Key+`"`) || strings.Contains(body, `data-key="`+tk.Key+`"`) {
		t.Errorf("summary search did not find exactly %s", other.Key)
	}
	_, body = c.get("/desk/?q=" + url.QueryEscape("100%_"))
	if strings.Contains(body, "data-key=") {
		t.Errorf("wildcards in the search matched tickets")
	}
}

func TestTakeoverAndReplyAssign(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	tk := e.escalate("c-take", passportChat)
	c := e.client()
	c.login("anna", testPassword)
	c.get("/desk/tickets/" + tk.Key)
	if code, body, _ := c.post("/desk/tickets/"+tk.Key+"/takeover", nil); code != http.StatusSeeOther {
		t.Fatalf("takeover: %d\n%s", code, body)
	}
	got, err := e.svc.Get(ctx, tk.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Assignee != "anna" || got.Status != ticketing.StatusInProgress {
		t.Errorf("after takeover: assignee %q status %q, want anna in_progress", got.Assignee, got.Status)
	}
	_, body := c.get("/desk/tickets/" + tk.Key)
	if !strings.Contains(body, "in Bearbeitung") {
		t.Errorf("case page does not say in Bearbeitung")
	}

	// A reply on a phone ticket (no live chat) assigns too.
	ph, err := e.svc.Escalate(ctx, ticketing.Escalation{ConversationID: "call-x", Channel: "phone", Audience: "citizen", Lang: "de", Reason: "requested", Summary: "Rückruf erbeten"})
	if err != nil {
		t.Fatal(err)
	}
	c.get("/desk/tickets/" + ph.Key)
	if code, body, _ := c.post("/desk/tickets/"+ph.Key+"/reply", url.Values{"reply": {"Wir rufen Sie an."}}); code != http.StatusSeeOther {
		t.Fatalf("reply: %d\n%s", code, body)
	}
	if got, _ := e.svc.Get(ctx, ph.ID); got.Assignee != "anna" || got.Status != ticketing.StatusInProgress {
		t.Errorf("after reply: assignee %q status %q", got.Assignee, got.Status)
	}
}

// codes are the internal values that must never be shown as text on a
// desk page.
var codes = []string{"citizen", "employee", "requested", "low_confidence", "service_info", "it_incident", "human",
	"in_progress", "escalation", "incident", "others_affected", "can_work", "web", "phone", "new", "resolved", "deliver", "notify", "mail"}

var (
	tagRE    = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)
	wordCode = regexp.MustCompile(`\b(` + strings.Join(codes, "|") + `)\b`)
)

func TestNoEnglishCodeOnDeskPages(t *testing.T) {
	e := mustEnvWith(t, func(c *ticketing.Config) { c.Mailer = &memMailer{} }, nil)
	tk := e.escalate("c-codes", passportChat)
	// A reply mail waits in the outbox (the service is not started).
	if err := e.svc.AttachContact(context.Background(), tk.Key, "max@example.org", ticketing.Requester{ConversationID: "c-codes"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.AddNote(context.Background(), ticketing.Note{TicketID: tk.ID, Author: "anna", Text: "Antwort"}); err != nil {
		t.Fatal(err)
	}
	inc := e.mustIncident("c-codes-inc")
	ph, err := e.svc.Escalate(context.Background(), ticketing.Escalation{ConversationID: "call-y", Channel: "phone", Audience: "citizen", Lang: "en", Reason: "requested", Summary: "Call back"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Update(context.Background(), tk.ID, ticketing.Patch{Status: ptr(ticketing.StatusInProgress), Assignee: ptr("anna")}, "anna"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.CreateOutage(context.Background(), ticketing.Outage{Service: "vpn", Title: "VPN gestört"}, "test"); err != nil {
		t.Fatal(err)
	}
	c := e.client()
	c.login("admin", testPassword)
	if _, body := c.get("/desk/tickets/" + tk.Key); !strings.Contains(body, "Übermittlung (E-Mail an die Person)") {
		t.Errorf("pending mail not shown on the case page")
	}
	for _, path := range []string{"/desk/", "/desk/?status=all", "/desk/tickets/" + tk.Key, "/desk/tickets/" + inc.Key, "/desk/tickets/" + ph.Key,
		"/desk/gaps", "/desk/outages", "/desk/users", "/desk/audit"} {
		_, body := c.get(path)
		text := tagRE.ReplaceAllString(body, " ")
		if m := wordCode.FindAllString(text, -1); len(m) > 0 {
			i := strings.Index(text, m[0])
			t.Errorf("%s shows codes %v: …%s…", path, m, text[max(0, i-60):min(len(text), i+60)])
		}
	}
}

func TestResolutionReachesTheChat(t *testing.T) {
	e := mustEnv(t, nil)
	tk := e.escalate("c-resolve", passportChat)
	c := e.client()
	c.login("anna", testPassword)
	c.get("/desk/tickets/" + tk.Key)
	if code, body, _ := c.post("/desk/tickets/"+tk.Key+"/resolve", url.Values{"resolution": {"Der Pass liegt bereit."}}); code != http.StatusSeeOther {
		t.Fatalf("resolve: %d\n%s", code, body)
	}
	var found bool
	for _, call := range e.live.Calls() {
		if call.Method == "AgentMessage" && call.Conv == "c-resolve" && strings.Contains(call.Text, "Der Pass liegt bereit.") && strings.Contains(call.Text, tk.Key) {
			found = true
		}
	}
	if !found {
		t.Errorf("resolution not sent to the chat: %+v", e.live.Calls())
	}
}
