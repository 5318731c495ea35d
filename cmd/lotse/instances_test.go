// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/musterstadt/lotse/ticketing/jira"
	"github.com/musterstadt/lotse/ticketing/jira/fakejira"
	"github.com/musterstadt/lotse/ticketing/pgtest"
)

// instance is one `lotse serve` process of TestTwoInstancesOnPostgres.
type instance struct {
	cmd  *exec.Cmd
	base string
}

// TestTwoInstancesOnPostgres runs two real `lotse serve` processes on one
// PostgreSQL database, each with its own data dir and its own index of
// the same (bundled) knowledge. A citizen chats on A and continues on B
// with the same session (the follow-up is resolved), escalates on B; an
// agent logged in on A takes the chat over and the citizen's socket on B
// receives the takeover, the agent's message and typing; the login of A
// holds on B, whose desk event stream names tickets made on A. Then A is
// SIGKILLed while its outbox holds two tickets whose Jira
// calls hang, and B delivers each exactly once to the fake Jira after A's
// lease. Skips without PostgreSQL (fails with LOTSE_PG=1).
func TestTwoInstancesOnPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two servers on PostgreSQL; skipped with -short")
	}
	dbURL := pgtest.URL(t)
	fj := fakejira.New(fakejira.Options{Token: "tok"})
	t.Cleanup(fj.Close)
	env := []string{"LOTSE_DATABASE_URL=" + dbURL, "LOTSE_JIRA_URL=" + fj.URL(), "LOTSE_JIRA_TOKEN=tok", "LOTSE_JIRA_PROJECT=ITSD",
		"LOTSE_WATCH=false", "LOTSE_INSTANCES=2", "LOTSE_OUTBOX_LEASE=3s"}

	add := lotseCommand(t, "user", "add", "anna")
	add.Env = append(add.Env, env...)
	add.Stdin = strings.NewReader("ein-langes-passwort-123\n")
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("user add: %v\n%s", err, out)
	}
	serve := func() *instance {
		cmd := lotseCommand(t, "serve", "--addr", "127.0.0.1:0", "--data", t.TempDir())
		cmd.Env = append(cmd.Env, env...)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		return &instance{cmd: cmd, base: readServerURL(t, stdout)}
	}
	a, b := serve(), serve()

	// The citizen asks on A.
	ca := dialChat(t, a.base)
	welcome := ca.next(t, "welcome")
	token, _ := welcome["session"].(string)
	ca.send(t, map[string]any{"type": "message", "text": "Was kostet ein Reisepass?"})
	first := ca.next(t, "answer")
	firstSources := eventSources(first)
	if len(firstSources) == 0 {
		t.Fatalf("first answer without sources: %v", first)
	}
	lastSeq := first["seq"].(float64)
	ca.ws.Close()

	// The socket moves to B: resume with last_seq, then a follow-up that
	// only the conversation's history resolves.
	cb := dialChat(t, b.base)
	cb.next(t, "welcome")
	cb.send(t, map[string]any{"type": "resume", "session": token, "last_seq": lastSeq})
	if res := cb.next(t, "resumed"); res["session"] != token {
		t.Fatalf("resumed %v", res)
	}
	cb.send(t, map[string]any{"type": "message", "text": "Und wie lange dauert das?"})
	echo := cb.next(t, "user_message")
	if echo["seq"] != lastSeq+1 {
		t.Errorf("first event on B numbered %v, want %v (the conversation's numbering goes on)", echo["seq"], lastSeq+1)
	}
	follow := cb.next(t, "answer")
	if !slices.ContainsFunc(eventSources(follow), func(id string) bool { return slices.Contains(firstSources, id) }) {
		t.Errorf("follow-up on B not resolved from the conversation: sources %v, first answer's %v\n%v", eventSources(follow), firstSources, follow["text"])
	}

	// The citizen escalates on B.
	cb.send(t, map[string]any{"type": "request_human"})
	handoff := cb.next(t, "handoff")
	key, _ := handoff["ticket"].(string)
	if !strings.HasPrefix(key, "LOT-") {
		t.Fatalf("handoff on B without a ticket: %v", handoff)
	}

	// An agent logged in on A takes over with a reply; the citizen's
	// socket on B gets both.
	agent := deskLogin(t, a.base, "anna", "ein-langes-passwort-123")
	agent.post(t, "/desk/tickets/"+key+"/reply", url.Values{"reply": {"Hier ist Anna vom Service-Team. Wie kann ich helfen?"}})
	if ev := cb.next(t, "handoff"); ev["state"] != "agent_joined" {
		t.Errorf("takeover on B: %v", ev)
	}
	if ev := cb.next(t, "agent_message"); ev["text"] != "Hier ist Anna vom Service-Team. Wie kann ich helfen?" || ev["from"] != "anna" {
		t.Errorf("agent message on B: %v", ev)
	}
	// The agent's typing on A shows on B (not numbered, not stored).
	req, _ := http.NewRequest(http.MethodPost, a.base+"/desk/tickets/"+key+"/typing", strings.NewReader(url.Values{"csrf": {agent.csrf}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-CSRF-Token", agent.csrf)
	if resp, err := agent.c.Do(req); err != nil || resp.StatusCode != http.StatusNoContent {
		t.Fatalf("typing on A: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	if ev := cb.next(t, "agent_typing"); ev["from"] != "anna" {
		t.Errorf("typing on B: %v", ev)
	}
	// While the agent holds the chat the assistant stays silent on B.
	cb.send(t, map[string]any{"type": "message", "text": "Danke!"})
	cb.next(t, "user_message")
	if ev := cb.next(t, ""); ev["type"] == "answer" {
		t.Errorf("the assistant answered on B while the agent holds the chat: %v", ev)
	}
	// The login made on A holds on B.
	onB := &deskClient{base: b.base, c: agent.c}
	if code, body := onB.get(t, "/desk/"); code != http.StatusOK || !strings.Contains(body, key) {
		t.Errorf("desk queue on B with A's login: %d", code)
	}

	waitFor(t, 30*time.Second, "the ticket escalated on B in Jira", func() bool {
		return len(fj.IssuesWithLabel(jira.MarkerLabel(key))) == 1
	})

	// The desk's live updates on B (Server-Sent Events, same login) see
	// the tickets made on A.
	changes := deskEvents(t, onB)

	// A's outbox holds two tickets whose Jira calls hang; A is killed.
	fj.Inject(fakejira.OpCreate, fakejira.Fault{Hang: true}, fakejira.Fault{Hang: true})
	var keys []string
	for range 2 {
		code, _, raw := postChat(t, a.base, `{"message":"Ich möchte mit einem Menschen sprechen"}`)
		var resp struct {
			Answer struct{ Ticket string } `json:"answer"`
		}
		if code != http.StatusOK || json.Unmarshal(raw, &resp) != nil || !strings.HasPrefix(resp.Answer.Ticket, "LOT-") {
			t.Fatalf("escalation on A: %d %s", code, raw)
		}
		keys = append(keys, resp.Answer.Ticket)
	}
	seen := map[string]bool{}
	waitFor(t, 30*time.Second, "B's desk events to name A's tickets", func() bool {
		for {
			select {
			case c := <-changes:
				for _, k := range c.New {
					seen[k] = true
				}
			default:
				return seen[keys[0]] && seen[keys[1]]
			}
		}
	})
	waitFor(t, 30*time.Second, "both Jira calls to hang", func() bool { return fj.PendingFaults(fakejira.OpCreate) == 0 })
	_ = a.cmd.Process.Signal(syscall.SIGKILL)
	a.cmd.Wait()
	for _, k := range keys {
		if n := fj.Creations(jira.MarkerLabel(k)); n != 0 {
			t.Fatalf("%s reached Jira before A died (%d)", k, n)
		}
	}

	// B takes the rows over after A's lease and delivers each once.
	waitFor(t, 90*time.Second, "B to deliver A's tickets", func() bool {
		for _, k := range keys {
			if len(fj.IssuesWithLabel(jira.MarkerLabel(k))) == 0 {
				return false
			}
		}
		return true
	})
	for _, k := range append(keys, key) {
		m := jira.MarkerLabel(k)
		if n, is := fj.Creations(m), fj.IssuesWithLabel(m); n != 1 || len(is) != 1 {
			t.Errorf("%s: %d creations, %d issues in Jira; want exactly one", k, n, len(is))
		}
	}
	if code, cr, raw := postChat(t, b.base, `{"message":"Was kostet ein Reisepass?"}`); code != http.StatusOK || len(cr.Answer.Sources) == 0 {
		t.Errorf("B after A's death: %d %s", code, raw)
	}
}

// chatSocket is a citizen's WebSocket in TestTwoInstancesOnPostgres.
type chatSocket struct{ ws *websocket.Conn }

func dialChat(t *testing.T, base string) *chatSocket {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(base, "http")+"/ws", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return &chatSocket{ws: ws}
}

func (c *chatSocket) send(t *testing.T, v any) {
	t.Helper()
	if err := c.ws.WriteJSON(v); err != nil {
		t.Fatal(err)
	}
}

// next returns the next event of type typ (skipping others), or with typ
// "" the next numbered event of any type. It fails on an error event and
// after 30 s.
func (c *chatSocket) next(t *testing.T, typ string) map[string]any {
	t.Helper()
	c.ws.SetReadDeadline(time.Now().Add(30 * time.Second))
	for {
		var ev map[string]any
		if err := c.ws.ReadJSON(&ev); err != nil {
			t.Fatalf("waiting for %q: %v", typ, err)
		}
		switch {
		case typ == "" && ev["seq"] != nil:
			return ev
		case ev["type"] == typ:
			return ev
		case ev["type"] == "error":
			t.Fatalf("waiting for %q: %v", typ, ev)
		}
	}
}

func eventSources(answer map[string]any) []string {
	var out []string
	srcs, _ := answer["sources"].([]any)
	for _, s := range srcs {
		if m, ok := s.(map[string]any); ok {
			id, _ := m["id"].(string)
			out = append(out, id)
		}
	}
	return out
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// deskEvents follows the desk's event stream with d's login, waits for its
// first change and sends every later "tickets" change on the returned
// channel until the test ends.
func deskEvents(t *testing.T, d *deskClient) <-chan struct{ New []string } {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, d.base+"/desk/events", nil)
	resp, err := d.c.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("desk events: %v %v", resp, err)
	}
	out := make(chan struct{ New []string }, 64)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			data, ok := strings.CutPrefix(sc.Text(), "data: ")
			if !ok {
				continue
			}
			var c struct{ New []string }
			if json.Unmarshal([]byte(data), &c) == nil {
				select {
				case out <- c:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	// The stream's first change is the state when it started; what
	// changes after it is reported as new.
	select {
	case <-out:
	case <-time.After(30 * time.Second):
		t.Fatal("desk events: no first change")
	}
	return out
}
