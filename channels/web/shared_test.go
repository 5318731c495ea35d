// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// twoInstances starts two Servers over one conversation store, one
// MemorySessionStore and one LocalNotifier, as two instances over one
// database would be.
func twoInstances(t *testing.T, opt func(*Config)) (a, b *testEnv) {
	t.Helper()
	sessions := NewMemorySessionStore(50)
	notes := &LocalNotifier{}
	if opt == nil {
		opt = func(*Config) {}
	}
	a = mustServe(t, func(c *Config) { c.Chat = heldChatter{}; c.Sessions = sessions; c.Notifier = notes; opt(c) })
	b = mustServe(t, func(c *Config) {
		opt(c)
		c.Chat = heldChatter{}
		c.Store = a.store
		c.Now = a.clock.Now
		c.Sessions = sessions
		c.Notifier = notes
	})
	return a, b
}

// TestSharedSessionsMoveBetweenInstances: a citizen chats on A, the socket
// breaks, an agent writes through A, and the citizen resumes on B with
// last_seq and gets exactly what was missed; then the agent takes over
// through A and the citizen's socket on B gets the takeover and the
// agent's message, the assistant stays silent on B, and feedback on B for
// an answer of A is accepted.
func TestSharedSessionsMoveBetweenInstances(t *testing.T) {
	a, b := twoInstances(t, nil)
	ctx := context.Background()

	ca := mustDial(t, a, "/ws", nil)
	welcome := ca.next()
	token, _ := welcome["session"].(string)
	if welcome["type"] != "welcome" || token == "" || welcome["seq"] != 1.0 {
		t.Fatalf("welcome %v", welcome)
	}
	ca.sendJSON(map[string]any{"type": "message", "text": "Frage"})
	ans, _ := ca.until("answer")
	answerID, _ := ans["answer_id"].(string)
	lastSeq := ans["seq"].(float64)
	ca.ws.Close()

	convID := a.store.only(t).ID
	if err := a.srv.AgentMessage(ctx, convID, "Erika", "Ich melde mich gleich."); err != nil {
		t.Fatal(err)
	}

	cb := mustDial(t, b, "/ws", nil)
	cb.until("welcome")
	cb.sendJSON(map[string]any{"type": "resume", "session": token, "last_seq": lastSeq})
	res := cb.next()
	if res["type"] != "resumed" || res["session"] != token || res["last_seq"] != lastSeq {
		t.Fatalf("resumed %v", res)
	}
	missed := cb.next()
	if missed["type"] != "agent_message" || missed["text"] != "Ich melde mich gleich." || missed["seq"] != lastSeq+1 {
		t.Fatalf("after resume got %v, want the agent's message numbered %v", missed, lastSeq+1)
	}

	if err := a.srv.SetAgentHeld(ctx, convID, true, "Erika"); err != nil {
		t.Fatal(err)
	}
	if ev := cb.next(); ev["type"] != "handoff" || ev["state"] != "agent_joined" || ev["seq"] != lastSeq+2 {
		t.Fatalf("takeover on B: %v", ev)
	}
	if err := a.srv.AgentMessage(ctx, convID, "Erika", "Was kann ich tun?"); err != nil {
		t.Fatal(err)
	}
	if ev := cb.next(); ev["type"] != "agent_message" || ev["text"] != "Was kann ich tun?" || ev["seq"] != lastSeq+3 {
		t.Fatalf("agent message on B: %v", ev)
	}
	a.srv.AgentTyping(convID, "Erika")
	if ev := cb.next(); ev["type"] != "agent_typing" || ev["from"] != "Erika" || ev["seq"] != nil {
		t.Fatalf("typing through A on B: %v", ev)
	}
	cb.sendJSON(map[string]any{"type": "message", "text": "Hallo?"})
	notice, before := cb.until("notice")
	if len(before) != 1 || before[0]["type"] != "user_message" || !strings.Contains(notice["text"].(string), "Mitarbeiterin") {
		t.Errorf("held turn on B: %v then %v", before, notice)
	}
	if conv := a.store.only(t); !conv.AgentHeld || conv.ID != convID {
		t.Errorf("conversation %s held=%v, want %s held", conv.ID, conv.AgentHeld, convID)
	}

	cb.sendJSON(map[string]any{"type": "feedback", "answer_id": answerID, "rating": "up"})
	if ev := cb.next(); ev["type"] != "notice" || ev["answer_id"] != answerID {
		t.Errorf("feedback on B for an answer of A: %v", ev)
	}
}

// TestSharedSessionsREST: a REST session started on A continues on B in
// the same conversation.
func TestSharedSessionsREST(t *testing.T) {
	a, b := twoInstances(t, nil)
	post := postOn(t)
	s1 := post(a, "", "Erste Frage")
	if s2 := post(b, s1, "Zweite Frage"); s2 != s1 {
		t.Errorf("B answered in session %q, want %q", s2, s1)
	}
	conv := a.store.only(t)
	var users []string
	for _, e := range conv.Entries {
		if e.Role == "user" {
			users = append(users, e.Text)
		}
	}
	if strings.Join(users, "|") != "Erste Frage|Zweite Frage" {
		t.Errorf("conversation holds user messages %q", users)
	}
}

// TestSharedSessionsRotate: when a conversation is full, the instance
// that answers starts the successor session, and the old token leads to
// the same successor on the other instance.
func TestSharedSessionsRotate(t *testing.T) {
	a, b := twoInstances(t, func(c *Config) { c.MaxConversationEntries = 10 })
	post := postOn(t)
	first := post(a, "", "Frage")
	for range 4 {
		post(b, first, "Frage")
	}
	next := post(a, first, "Noch eine")
	if next == first || next != successorToken(first) {
		t.Fatalf("full conversation answered in session %q", next)
	}
	if again := post(b, first, "Und noch eine"); again != next {
		t.Errorf("old token on B led to %q, want the successor %q", again, next)
	}
}

func postOn(t *testing.T) func(env *testEnv, session, msg string) string {
	return func(env *testEnv, session, msg string) string {
		t.Helper()
		body, _ := json.Marshal(map[string]string{"session_id": session, "message": msg})
		resp, err := http.Post(env.http.URL+"/api/v1/chat", "application/json", strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out chatResponse
		if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&out) != nil {
			t.Fatalf("status %d", resp.StatusCode)
		}
		return out.SessionID
	}
}
