// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/musterstadt/lotse/ticketing"
)

type memMailer struct {
	mu  sync.Mutex
	got []ticketing.Mail
}

func (m *memMailer) Send(_ context.Context, tm ticketing.Mail) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.got = append(m.got, tm)
	return nil
}

func TestStatusPage(t *testing.T) {
	mailer := &memMailer{}
	e := mustEnvWith(t, func(c *ticketing.Config) { c.Mailer = mailer; c.StatusURL = "https://lotse.example/status" }, nil)
	ctx := context.Background()
	tk := e.escalate("c-status", passportChat)
	if err := e.svc.AttachContact(ctx, tk.Key, "max@example.org", ticketing.Requester{ConversationID: "c-status"}); err != nil {
		t.Fatal(err)
	}
	other := e.escalate("c-status-2", passportChat)
	if err := e.svc.AttachContact(ctx, other.Key, "erika@example.org", ticketing.Requester{ConversationID: "c-status-2"}); err != nil {
		t.Fatal(err)
	}
	agent := e.client()
	agent.login("anna", testPassword)
	agent.get("/desk/tickets/" + tk.Key)
	if code, body, _ := agent.post("/desk/tickets/"+tk.Key+"/reply", url.Values{"reply": {"Ihr Pass ist fertig."}}); code != http.StatusSeeOther {
		t.Fatalf("reply: %d\n%s", code, body)
	}
	agent.post("/desk/tickets/"+tk.Key+"/note", url.Values{"note": {"nur intern"}})
	agent.get("/desk/tickets/" + other.Key)
	agent.post("/desk/tickets/"+other.Key+"/reply", url.Values{"reply": {"Antwort an Erika"}})
	cur, _ := e.svc.Get(ctx, tk.ID)
	token := cur.StatusToken
	if token == "" {
		t.Fatal("no status token after a reply to an e-mail contact")
	}

	citizen := e.client() // no desk session
	code, body := citizen.get("/status/" + token)
	if code != http.StatusOK {
		t.Fatalf("status page: %d", code)
	}
	for _, want := range []string{tk.Key, "in Bearbeitung", "Ihr Pass ist fertig."} {
		if !strings.Contains(body, want) {
			t.Errorf("status page lacks %q", want)
		}
	}
	for _, bad := range []string{"nur intern", "Antwort an Erika", other.Key, "Reisepass", "max@example.org", "anna"} {
		if strings.Contains(body, bad) {
			t.Errorf("status page shows %q", bad)
		}
	}
	code, _, resp := citizen.post("/status/"+token, url.Values{"message": {"Kann ich ihn morgen abholen?"}})
	if code != http.StatusSeeOther || resp.Header.Get("Location") != "/status/"+token+"?ok=1" {
		t.Fatalf("answer: %d %q", code, resp.Header.Get("Location"))
	}
	notes, _ := e.svc.Notes(ctx, tk.ID)
	if last := notes[len(notes)-1]; last.Text != "Kann ich ihn morgen abholen?" || last.Author != ticketing.CitizenAuthor {
		t.Errorf("the answer did not land on the ticket: %+v", last)
	}
	if n, _ := e.svc.Notes(ctx, other.ID); len(n) != 1 {
		t.Errorf("other ticket has %d notes", len(n))
	}
	if code, _, _ := citizen.post("/status/"+token, url.Values{"message": {"  "}}); code != http.StatusBadRequest {
		t.Errorf("empty answer: %d", code)
	}
	for _, bad := range []string{"x", strings.Repeat("A", 22), token + "A"} {
		if code, _ := citizen.get("/status/" + bad); code != http.StatusNotFound {
			t.Errorf("token %q: %d, want 404", bad, code)
		}
	}
}

func TestStatusByKeyAndEmail(t *testing.T) {
	e := mustEnvWith(t, func(c *ticketing.Config) { c.Mailer = &memMailer{} }, nil)
	ctx := context.Background()
	tk := e.escalate("c-lookup", passportChat)
	if err := e.svc.AttachContact(ctx, tk.Key, "Max@Example.org", ticketing.Requester{ConversationID: "c-lookup"}); err != nil {
		t.Fatal(err)
	}
	other := e.escalate("c-lookup-2", passportChat)
	c := e.client()
	if code, body := c.get("/status/"); code != http.StatusOK || !strings.Contains(body, `name="email"`) {
		t.Fatalf("lookup form: %d", code)
	}
	for _, bad := range []url.Values{
		{"key": {tk.Key}, "email": {"erika@example.org"}},
		{"key": {other.Key}, "email": {"max@example.org"}},
		{"key": {"LOT-999"}, "email": {"max@example.org"}},
	} {
		code, body, _ := c.post("/status/", bad)
		if code != http.StatusOK || !strings.Contains(body, "keine Anfrage") {
			t.Errorf("%v: %d", bad, code)
		}
	}
	code, _, resp := c.post("/status/", url.Values{"key": {strings.ToLower(tk.Key)}, "email": {"max@example.org"}})
	if code != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/status/") {
		t.Fatalf("right key and address: %d %q", code, resp.Header.Get("Location"))
	}
	if code, body := c.get(resp.Header.Get("Location")); code != http.StatusOK || !strings.Contains(body, tk.Key) {
		t.Errorf("status page after lookup: %d", code)
	}
}
