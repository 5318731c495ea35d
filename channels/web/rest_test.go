// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/knowledge"
)

// post sends body to path and returns the status and decoded JSON.
func post(t *testing.T, env *testEnv, path, body string, hdr map[string]string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, env.http.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (int, map[string]any) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("%s %s: Content-Type %q, body %s", req.Method, req.URL.Path, ct, b)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%s %s: body is not JSON: %s", req.Method, req.URL.Path, b)
	}
	return resp.StatusCode, out
}

func errCode(body map[string]any) string {
	e, _ := body["error"].(map[string]any)
	c, _ := e["code"].(string)
	if m, _ := e["message"].(string); m == "" {
		return c + " (no message)"
	}
	return c
}

func TestRESTChat(t *testing.T) {
	env := mustServe(t, nil)
	status, body := post(t, env, "/api/v1/chat", `{"message":"  Was kostet ein Reisepass?  ","lang":"de"}`, nil)
	if status != http.StatusOK {
		t.Fatalf("status %d, body %v", status, body)
	}
	sid, _ := body["session_id"].(string)
	if len(sid) < 20 {
		t.Fatalf("session_id %q too short", sid)
	}
	want := map[string]any{
		"text":            "Antwort auf: Was kostet ein Reisepass?",
		"intent":          "service_info",
		"handoff_offered": false,
		"sources": []any{map[string]any{
			"id": "leistungen/reisepass", "title": "Reisepass beantragen",
			"url": "https://www.musterstadt.example/leistungen/reisepass", "snippet": "Ein Reisepass kostet 70 Euro.",
		}},
	}
	if diff := cmp.Diff(want, body["answer"]); diff != "" {
		t.Errorf("answer (-want +got):\n%s", diff)
	}
	call := env.chat.lastCall(t)
	if call.Conv.Audience != knowledge.Citizen || call.Conv.Channel != "web" || call.Msg.Text != "Was kostet ein Reisepass?" || call.Msg.Lang != "de" {
		t.Errorf("chatter got conv %+v msg %+v", call.Conv, call.Msg)
	}
	saved := env.store.only(t)
	if len(saved.Entries) != 2 || saved.Audience != knowledge.Citizen {
		t.Errorf("saved conversation %+v", saved)
	}

	// The same session continues the conversation.
	status, body2 := post(t, env, "/api/v1/chat", `{"session_id":"`+sid+`","message":"Und für Kinder?","simple":true}`, nil)
	if status != http.StatusOK || body2["session_id"] != sid {
		t.Fatalf("second turn: status %d session %v, want %s", status, body2["session_id"], sid)
	}
	call = env.chat.lastCall(t)
	if len(call.Conv.Entries) != 2 || call.Conv.ID != saved.ID || !call.Conv.Simple {
		t.Errorf("second turn saw conv %+v", call.Conv)
	}

	// An unknown session starts a new one.
	status, body3 := post(t, env, "/api/v1/chat", `{"session_id":"does-not-exist","message":"Hallo"}`, nil)
	if status != http.StatusOK || body3["session_id"] == "does-not-exist" || body3["session_id"] == sid || body3["session_id"] == "" {
		t.Errorf("unknown session: status %d session %v", status, body3["session_id"])
	}
}

// A REST request without a session starts one whose conversation cannot
// be stored yet: its turn does not ask the store; the next turn does.
func TestRESTNewSessionSkipsLoad(t *testing.T) {
	env := mustServe(t, nil)
	loads := func() int {
		env.store.mu.Lock()
		defer env.store.mu.Unlock()
		return env.store.loads
	}
	status, body := post(t, env, "/api/v1/chat", `{"message":"Wo melde ich einen Hund an?"}`, nil)
	if status != http.StatusOK {
		t.Fatalf("status %d, body %v", status, body)
	}
	if n := loads(); n != 0 {
		t.Errorf("first turn loaded %d times, want 0", n)
	}
	sid, _ := body["session_id"].(string)
	status, body = post(t, env, "/api/v1/chat", `{"session_id":"`+sid+`","message":"Und was kostet das?"}`, nil)
	if status != http.StatusOK {
		t.Fatalf("second turn: status %d, body %v", status, body)
	}
	if n := loads(); n != 1 {
		t.Errorf("second turn: %d loads, want 1", n)
	}
	if call := env.chat.lastCall(t); len(call.Conv.Entries) != 2 {
		t.Errorf("second turn saw %d entries, want 2", len(call.Conv.Entries))
	}
}

func TestRESTBadInput(t *testing.T) {
	// Every request counts against the address's rate limit (see
	// TestRESTRateLimit); this test is about input only.
	env := mustServe(t, func(c *Config) { c.IPRate = RateLimit{PerMinute: -1} })
	tests := []struct {
		name   string
		method string
		path   string
		body   string
		status int
		code   string
	}{
		{"invalid JSON", "POST", "/api/v1/chat", `{"message":`, 400, "invalid_json"},
		{"not an object", "POST", "/api/v1/chat", `"hallo"`, 400, "invalid_json"},
		{"wrong type", "POST", "/api/v1/chat", `{"message":42}`, 400, "invalid_json"},
		{"trailing data", "POST", "/api/v1/chat", `{"message":"a"} {"message":"b"}`, 400, "invalid_json"},
		{"trailing brace", "POST", "/api/v1/chat", `{"message":"a"}}`, 400, "invalid_json"},
		{"empty body", "POST", "/api/v1/chat", ``, 400, "invalid_json"},
		{"missing message", "POST", "/api/v1/chat", `{}`, 400, "empty_message"},
		{"empty message", "POST", "/api/v1/chat", `{"message":""}`, 400, "empty_message"},
		{"whitespace message", "POST", "/api/v1/chat", `{"message":" \n\t\u00a0 "}`, 400, "empty_message"},
		{"too long", "POST", "/api/v1/chat", `{"message":"` + strings.Repeat("ä", 4001) + `"}`, 413, "too_long"},
		{"body over 64 KiB", "POST", "/api/v1/chat", `{"message":"` + strings.Repeat("a", 70000) + `"}`, 413, "too_large"},
		{"invalid UTF-8", "POST", "/api/v1/chat", "{\"message\":\"gr\xfc\xdf\"}", 400, "invalid_utf8"},
		{"bad lang", "POST", "/api/v1/chat", `{"message":"Hallo","lang":"<script>"}`, 400, "invalid_lang"},
		{"GET on chat", "GET", "/api/v1/chat", ``, 405, "method_not_allowed"},
		{"PUT on chat", "PUT", "/api/v1/chat", `{}`, 405, "method_not_allowed"},
		{"unknown route", "GET", "/api/v1/nope", ``, 404, "not_found"},
		{"unknown root route", "POST", "/nope", `{}`, 404, "not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, env.http.URL+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			status, body := do(t, req)
			if status != tt.status || errCode(body) != tt.code {
				t.Errorf("got %d %q, want %d %q (body %v)", status, errCode(body), tt.status, tt.code, body)
			}
		})
	}
	if n := len(env.chat.calls); n != 0 {
		t.Errorf("bad input reached the chatter %d times", n)
	}
	// Exactly 4000 characters are fine.
	if status, body := post(t, env, "/api/v1/chat", `{"message":"`+strings.Repeat("ä", 4000)+`"}`, nil); status != 200 {
		t.Errorf("4000 chars: %d %v", status, body)
	}
}

func TestRESTInternalErrorsAreSafe(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*fakeChatter)
	}{
		{"chatter error", func(f *fakeChatter) { f.fail = errors.New("llm provider said: secret detail") }},
		{"chatter panic", func(f *fakeChatter) { f.panic = true }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := mustServe(t, nil)
			tt.setup(env.chat)
			req, _ := http.NewRequest("POST", env.http.URL+"/api/v1/chat", strings.NewReader(`{"message":"Hallo"}`))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 500 || !bytes.Contains(b, []byte(`"code":"internal"`)) || bytes.Contains(b, []byte("secret")) {
				t.Errorf("got %d %s", resp.StatusCode, b)
			}
		})
	}
}

func TestRESTPanicInHandlerIsJSON500(t *testing.T) {
	env := mustServe(t, func(c *Config) { c.Store = panicStore{} })
	status, body := post(t, env, "/api/v1/chat", `{"message":"Hallo"}`, nil)
	if status != 500 || errCode(body) != "internal" {
		t.Errorf("got %d %v", status, body)
	}
}

func TestRESTOrigin(t *testing.T) {
	env := mustServe(t, func(c *Config) { c.AllowedOrigins = []string{"https://www.musterstadt.example"} })
	tests := []struct {
		origin string
		status int
	}{
		{"", 200},
		{"https://www.musterstadt.example", 200},
		{env.http.URL, 200}, // same origin
		{"https://evil.example", 403},
		{"null", 403},
	}
	for _, tt := range tests {
		hdr := map[string]string{}
		if tt.origin != "" {
			hdr["Origin"] = tt.origin
		}
		status, body := post(t, env, "/api/v1/chat", `{"message":"Hallo"}`, hdr)
		if status != tt.status {
			t.Errorf("origin %q: %d %v, want %d", tt.origin, status, body, tt.status)
		}
	}
}

func TestRESTEmployee(t *testing.T) {
	t.Run("trusted proxy", func(t *testing.T) {
		env := mustServe(t, nil)
		status, body := post(t, env, "/intern/api/v1/chat", `{"message":"Drucker geht nicht"}`, map[string]string{"X-Remote-User": "m.muster"})
		if status != 200 {
			t.Fatalf("got %d %v", status, body)
		}
		call := env.chat.lastCall(t)
		if call.Conv.Audience != knowledge.Employee || call.Conv.UserID != "m.muster" {
			t.Errorf("conv %+v", call.Conv)
		}
		// The employee session is not usable by citizens, and another
		// employee cannot continue it either.
		sid := body["session_id"].(string)
		_, cb := post(t, env, "/api/v1/chat", `{"session_id":"`+sid+`","message":"Hallo"}`, nil)
		if cb["session_id"] == sid || env.chat.lastCall(t).Conv.Audience != knowledge.Citizen {
			t.Errorf("citizen route reused employee session")
		}
		_, ob := post(t, env, "/intern/api/v1/chat", `{"session_id":"`+sid+`","message":"Hallo"}`, map[string]string{"X-Remote-User": "e.andere"})
		if ob["session_id"] == sid {
			t.Errorf("another employee reused the session")
		}
		// And a citizen session is not usable on the intranet route.
		_, eb := post(t, env, "/intern/api/v1/chat", `{"session_id":"`+cb["session_id"].(string)+`","message":"Hallo"}`, map[string]string{"X-Remote-User": "m.muster"})
		if eb["session_id"] == cb["session_id"] || env.chat.lastCall(t).Conv.Audience != knowledge.Employee {
			t.Errorf("intranet route reused citizen session")
		}
	})
	tests := []struct {
		name    string
		proxies bool
		hdr     map[string]string
	}{
		{"no header", true, nil},
		{"empty header", true, map[string]string{"X-Remote-User": "  "}},
		{"untrusted peer", false, map[string]string{"X-Remote-User": "m.muster"}},
		{"wrong header", true, map[string]string{"X-User": "m.muster"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := mustServe(t, func(c *Config) {
				if !tt.proxies {
					c.TrustedProxies = untrustedProxies()
				}
			})
			status, body := post(t, env, "/intern/api/v1/chat", `{"message":"Hallo"}`, tt.hdr)
			if status != 401 || errCode(body) != "unauthorized" {
				t.Errorf("got %d %v", status, body)
			}
			if len(env.chat.calls) != 0 {
				t.Error("chatter was called")
			}
		})
	}
}

func TestNewValidates(t *testing.T) {
	ok := Config{Chat: &fakeChatter{}, Store: newMemStore()}
	tests := []struct {
		name string
		mod  func(*Config)
	}{
		{"no chat", func(c *Config) { c.Chat = nil }},
		{"no store", func(c *Config) { c.Store = nil }},
		{"bad origin", func(c *Config) { c.AllowedOrigins = []string{"musterstadt.example"} }},
		{"bad header", func(c *Config) { c.EmployeeHeader = "X Remote: User" }},
		{"negative TTL", func(c *Config) { c.SessionTTL = -1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := ok
			tt.mod(&cfg)
			if _, err := New(cfg); err == nil {
				t.Error("New accepted invalid config")
			}
		})
	}
	if _, err := New(ok); err != nil {
		t.Errorf("New(valid): %v", err)
	}
}
