// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/musterstadt/lotse/ticketing"
)

// fakeJira is an idempotent Deliverer: one external key per local key.
type fakeJira struct {
	mu    sync.Mutex
	keys  map[string]string
	calls int
}

var _ ticketing.Deliverer = (*fakeJira)(nil)

func (f *fakeJira) Deliver(ctx context.Context, t ticketing.Ticket) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.keys == nil {
		f.keys = map[string]string{}
	}
	if k, ok := f.keys[t.Key]; ok {
		return k, nil
	}
	k := fmt.Sprintf("ITSD-%d", len(f.keys)+1)
	f.keys[t.Key] = k
	return k, nil
}

func (f *fakeJira) Calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// pendingDeliveries returns the pending "deliver" rows of the ticket.
func (e *env) pendingDeliveries(ticketID int64) []ticketing.OutboxEntry {
	e.t.Helper()
	all, err := e.svc.PendingOutbox(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	var out []ticketing.OutboxEntry
	for _, r := range all {
		if r.TicketID == ticketID && r.Action == "deliver" {
			out = append(out, r)
		}
	}
	return out
}

func TestPushToJiraHiddenWithoutExternalSystem(t *testing.T) {
	e := mustEnv(t, nil)
	tk := e.escalate("c-nojira", passportChat)
	c := e.client()
	c.login("anna", testPassword)
	_, body := c.get("/desk/tickets/" + itoa(tk.ID))
	for _, s := range []string{`id="push-jira"`, "An Jira senden", "Erneut senden", "/push-jira"} {
		if strings.Contains(body, s) {
			t.Errorf("case page without Jira contains %q", s)
		}
	}
	// A forged or stale POST gets a clear answer and changes nothing.
	code, body, _ := c.post("/desk/tickets/"+itoa(tk.ID)+"/push-jira", nil)
	if code != http.StatusBadRequest || !strings.Contains(body, "kein externes Ticketsystem (Jira) angebunden") || !strings.Contains(body, `id="jira-error"`) {
		t.Errorf("push without Jira: status %d, message shown %v", code, strings.Contains(body, "kein externes Ticketsystem"))
	}
	if e.auditHas("anna", "ticket.push_jira", tk.Key) {
		t.Error("refused push was audited as done")
	}
}

func TestPushToJira(t *testing.T) {
	jira := &fakeJira{}
	e := mustEnvWith(t, func(c *ticketing.Config) { c.Deliverer = jira }, nil)
	ctx := context.Background()
	// A ticket from before Jira was configured: no delivery queued.
	plain, err := ticketing.New(ticketing.Config{Store: e.st, Now: e.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	old, err := plain.Escalate(ctx, ticketing.Escalation{ConversationID: "c-old", Channel: "web", Summary: "Alter Vorgang"})
	if err != nil {
		t.Fatal(err)
	}
	page := "/desk/tickets/" + itoa(old.ID)
	push := page + "/push-jira"
	c := e.client()
	c.login("anna", testPassword)
	_, body := c.get(page)
	if !strings.Contains(body, `id="push-jira"`) || !strings.Contains(body, "An Jira senden") || !strings.Contains(body, "nicht übermittelt") {
		t.Fatalf("case page does not offer to send the ticket to Jira")
	}

	// The token is required.
	code, _, _ := c.post(push, url.Values{"csrf": {""}})
	if code != http.StatusForbidden {
		t.Errorf("push without CSRF token: status %d, want 403", code)
	}
	if rows := e.pendingDeliveries(old.ID); len(rows) != 0 || e.auditHas("anna", "ticket.push_jira", old.Key) {
		t.Fatalf("push without CSRF token queued %+v", rows)
	}

	code, _, resp := c.post(push, nil)
	if code != http.StatusSeeOther || !strings.Contains(resp.Header.Get("Location"), "ok=push-jira") {
		t.Fatalf("push: status %d, location %q", code, resp.Header.Get("Location"))
	}
	rows := e.pendingDeliveries(old.ID)
	if len(rows) != 1 || !rows[0].NextAttemptAt.Equal(e.clock.Now()) {
		t.Fatalf("pending deliveries %+v, want one due now", rows)
	}
	if !e.auditHas("anna", "ticket.push_jira", old.Key) {
		t.Errorf("push not audited:\n%s", e.dumpAudit())
	}
	_, body = c.get(resp.Header.Get("Location"))
	if !strings.Contains(body, notices["push-jira"]) || !strings.Contains(body, "Erneut senden") || !strings.Contains(body, "Übermittlung ausstehend") {
		t.Errorf("after the push the page lacks the notice or the retry button")
	}

	// An admin may push as well; a pending delivery is made due again.
	e.clock.Add(time.Minute)
	a := e.client()
	a.login("admin", testPassword)
	a.get(page)
	if code, body, _ := a.post(push, nil); code != http.StatusSeeOther {
		t.Fatalf("admin push: status %d\n%s", code, body)
	}
	if rows := e.pendingDeliveries(old.ID); len(rows) != 1 {
		t.Errorf("a second push added a row: %+v", rows)
	}
	if !e.auditHas("admin", "ticket.push_jira", old.Key) {
		t.Errorf("admin push not audited:\n%s", e.dumpAudit())
	}

	// The outbox delivers it once; then the page shows the Jira key and no
	// button, and a stale POST is refused with the key.
	e.svc.Start()
	t.Cleanup(e.svc.Shutdown)
	deadline := time.Now().Add(10 * time.Second)
	var got ticketing.Ticket
	for got.ExternalKey == "" && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if got, err = e.svc.Get(ctx, old.ID); err != nil {
			t.Fatal(err)
		}
	}
	if got.ExternalKey != "ITSD-1" {
		t.Fatalf("external key %q, want ITSD-1", got.ExternalKey)
	}
	_, body = c.get(page)
	if strings.Contains(body, `id="push-jira"`) || !strings.Contains(body, "In Jira angelegt als <strong>ITSD-1</strong>") {
		t.Errorf("delivered ticket: button still offered or key missing")
	}
	code, body, _ = c.post(push, nil)
	if code != http.StatusConflict || !strings.Contains(body, "schon in Jira als ITSD-1") || !strings.Contains(body, `id="jira-error"`) {
		t.Errorf("push of a delivered ticket: status %d, message shown %v", code, strings.Contains(body, "schon in Jira"))
	}
	if n := jira.Calls(); n != 1 {
		t.Errorf("Jira called %d times, want 1", n)
	}
}
