// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/gorilla/websocket"
)

// noRateLimits lets a test send many messages at a standing clock.
func noRateLimits(c *Config) {
	c.IPRate = RateLimit{PerMinute: -1}
	c.SessionRate = RateLimit{PerMinute: -1}
}

func TestRESTConversationCap(t *testing.T) {
	env := mustServe(t, func(c *Config) {
		noRateLimits(c)
		c.MaxConversationEntries = 10
	})
	var sid string
	for i := range 5 { // the fake chatter stores two entries per turn
		_, body := post(t, env, "/api/v1/chat", `{"session_id":"`+sid+`","message":"Frage"}`, nil)
		if i > 0 && body["session_id"] != sid {
			t.Fatalf("turn %d moved to a new session too early", i)
		}
		sid = body["session_id"].(string)
		if body["notice"] != nil {
			t.Fatalf("turn %d: notice %v", i, body["notice"])
		}
	}
	full := env.store.only(t)
	if len(full.Entries) != 10 {
		t.Fatalf("stored %d entries, want 10", len(full.Entries))
	}

	status, body := post(t, env, "/api/v1/chat", `{"session_id":"`+sid+`","message":"Noch eine Frage"}`, nil)
	if status != 200 {
		t.Fatalf("status %d %v", status, body)
	}
	next, _ := body["session_id"].(string)
	if next == "" || next == sid {
		t.Fatalf("session_id %q, want a new one", next)
	}
	if notice, _ := body["notice"].(string); !strings.Contains(notice, "neues Gespräch") {
		t.Errorf("notice %q", notice)
	}
	// The message was answered in a fresh conversation, and nothing was
	// added to the full one.
	call := env.chat.lastCall(t)
	if call.Msg.Text != "Noch eine Frage" || len(call.Conv.Entries) != 0 || call.Conv.ID == full.ID {
		t.Errorf("chatter got conv %s with %d entries, msg %q", call.Conv.ID, len(call.Conv.Entries), call.Msg.Text)
	}
	old, err := env.store.Load(context.Background(), full.ID)
	if err != nil || len(old.Entries) != 10 {
		t.Errorf("full conversation now has %d entries (err %v)", len(old.Entries), err)
	}
	// The old session ID leads to the new conversation from now on.
	_, body = post(t, env, "/api/v1/chat", `{"session_id":"`+sid+`","message":"Und?"}`, nil)
	if body["session_id"] != next {
		t.Errorf("old session continued as %v, want %s", body["session_id"], next)
	}
}

func TestWSConversationCap(t *testing.T) {
	env := mustServe(t, func(c *Config) {
		noRateLimits(c)
		c.MaxConversationEntries = 10
	})
	c := mustDial(t, env, "/ws", nil)
	welcome := c.next()
	oldToken := welcome["session"].(string)
	var lastSeq int64
	for range 5 {
		c.sendJSON(map[string]any{"type": "message", "text": "Frage"})
		ans, _ := c.until("answer")
		lastSeq = seqOf(ans)
	}
	c.sendJSON(map[string]any{"type": "message", "text": "Noch eine Frage"})
	resumed := c.next()
	newToken, _ := resumed["session"].(string)
	if resumed["type"] != "resumed" || newToken == "" || newToken == oldToken || resumed["last_seq"] != float64(0) {
		t.Fatalf("first event after the cap: %v", resumed)
	}
	notice := c.next()
	if notice["type"] != "notice" || seqOf(notice) != 1 || !strings.Contains(notice["text"].(string), "neues Gespräch") {
		t.Errorf("notice: %v", notice)
	}
	if um := c.next(); um["type"] != "user_message" || um["text"] != "Noch eine Frage" || seqOf(um) != 2 {
		t.Errorf("echo: %v", um)
	}
	ans, _ := c.until("answer")
	if ans["text"] != "Antwort auf: Noch eine Frage" || len(env.chat.lastCall(t).Conv.Entries) != 0 {
		t.Errorf("answer %v", ans)
	}

	// A second tab that resumes the old session lands in the new one.
	other := mustDial(t, env, "/ws", nil)
	other.next()
	other.sendJSON(map[string]any{"type": "resume", "session": oldToken, "last_seq": lastSeq})
	r := other.next()
	if r["type"] != "resumed" || r["session"] != newToken || r["last_seq"] != float64(0) {
		t.Errorf("resume of the full session: %v", r)
	}
	if n := other.next(); n["type"] != "notice" || seqOf(n) != 1 {
		t.Errorf("replay starts with %v", n)
	}
}

// TestInputCaps checks that configured limits on message, body and frame
// size are enforced (the defaults are in TestRESTBadInput,
// TestWSBadInputKeepsConnection and TestWSOversizedFrame).
func TestInputCaps(t *testing.T) {
	env := mustServe(t, func(c *Config) {
		noRateLimits(c)
		c.MaxMessageChars = 10
		c.MaxBodyBytes = 1024
		c.MaxFrameBytes = 1024
	})
	tests := []struct {
		name, body string
		status     int
		code       string
	}{
		{"at the message limit", `{"message":"` + strings.Repeat("ü", 10) + `"}`, 200, ""},
		{"over the message limit", `{"message":"` + strings.Repeat("ü", 11) + `"}`, 413, "too_long"},
		{"over the body limit", `{"message":"a","lang":"` + strings.Repeat(" ", 1024) + `"}`, 413, "too_large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := post(t, env, "/api/v1/chat", tt.body, nil)
			if status != tt.status || (tt.code != "" && errCode(body) != tt.code) {
				t.Errorf("got %d %v, want %d %s", status, body, tt.status, tt.code)
			}
		})
	}

	c := mustDial(t, env, "/ws", nil)
	c.until("welcome")
	c.sendRaw(`{"type":"message","text":"` + strings.Repeat("x", 11) + `"}`)
	if ev := c.next(); ev["code"] != "too_long" {
		t.Errorf("long message: %v", ev)
	}
	c.sendRaw(`{"type":"feedback","answer_id":"x","rating":"up","comment":"` + strings.Repeat("x", 11) + `"}`)
	if ev := c.next(); ev["code"] != "invalid_feedback" {
		t.Errorf("long comment: %v", ev)
	}
	c.sendRaw(`{"type":"typing","text":"` + strings.Repeat("x", 1024) + `"}`)
	if code := c.closeCode(); code != websocket.CloseMessageTooBig {
		t.Errorf("frame over 1 KiB: close code %d, want 1009", code)
	}
	if resp, _ := get(t, env, "/", nil); resp.StatusCode != http.StatusOK {
		t.Error("server unhappy after the oversized frame")
	}
}
