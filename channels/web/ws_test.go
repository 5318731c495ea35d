// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/gorilla/websocket"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// wsClient is a test client that decodes events.
type wsClient struct {
	t  *testing.T
	ws *websocket.Conn
}

func wsURL(env *testEnv, path string) string {
	return "ws" + strings.TrimPrefix(env.http.URL, "http") + path
}

func mustDial(t *testing.T, env *testEnv, path string, hdr http.Header) *wsClient {
	t.Helper()
	ws, resp, err := websocket.DefaultDialer.Dial(wsURL(env, path), hdr)
	if err != nil {
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		t.Fatalf("dial %s: %v (status %d)", path, err, status)
	}
	t.Cleanup(func() { ws.Close() })
	return &wsClient{t: t, ws: ws}
}

func (c *wsClient) sendJSON(v any) {
	c.t.Helper()
	if err := c.ws.WriteJSON(v); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

func (c *wsClient) sendRaw(s string) {
	c.t.Helper()
	if err := c.ws.WriteMessage(websocket.TextMessage, []byte(s)); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// next reads the next event; it fails the test after 5 s.
func (c *wsClient) next() map[string]any {
	c.t.Helper()
	c.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, data, err := c.ws.ReadMessage()
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	var ev map[string]any
	if err := json.Unmarshal(data, &ev); err != nil {
		c.t.Fatalf("event is not JSON: %s", data)
	}
	return ev
}

// until reads events until one of type typ and returns it and the ones
// before it.
func (c *wsClient) until(typ string) (map[string]any, []map[string]any) {
	c.t.Helper()
	var before []map[string]any
	for {
		ev := c.next()
		if ev["type"] == typ {
			return ev, before
		}
		before = append(before, ev)
	}
}

// closeCode waits for the server to close the connection and returns the code.
func (c *wsClient) closeCode() int {
	c.t.Helper()
	c.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		_, _, err := c.ws.ReadMessage()
		if err == nil {
			continue
		}
		if ce, ok := errors.AsType[*websocket.CloseError](err); ok {
			return ce.Code
		}
		c.t.Fatalf("connection ended without close frame: %v", err)
	}
}

func seqOf(ev map[string]any) int64 {
	f, _ := ev["seq"].(float64)
	return int64(f)
}

func TestWSRoundTrip(t *testing.T) {
	env := mustServe(t, nil)
	c := mustDial(t, env, "/ws", nil)
	welcome := c.next()
	if welcome["type"] != "welcome" || seqOf(welcome) != 1 || welcome["text"] != assistant.Disclosure("de") || len(welcome["session"].(string)) < 20 {
		t.Fatalf("welcome %v", welcome)
	}
	c.sendJSON(map[string]any{"type": "message", "text": "Reisepass?", "lang": "de", "simple": true})
	echo := c.next()
	if echo["type"] != "user_message" || echo["text"] != "Reisepass?" || seqOf(echo) != 2 {
		t.Errorf("echo %v", echo)
	}
	answer, before := c.until("answer")
	var streamed string
	for _, ev := range before {
		if ev["type"] != "token" || ev["answer_id"] != answer["answer_id"] || ev["seq"] != nil {
			t.Errorf("unexpected event before answer: %v", ev)
		}
		streamed += ev["text"].(string)
	}
	if streamed != "Antwort auf: Reisepass?" {
		t.Errorf("streamed %q", streamed)
	}
	want := map[string]any{
		"type": "answer", "answer_id": answer["answer_id"], "text": "Antwort auf: Reisepass?",
		"sources":         []any{map[string]any{"id": "leistungen/reisepass", "title": "Reisepass beantragen", "url": "https://www.musterstadt.example/leistungen/reisepass"}},
		"lang":            "de",
		"intent":          "service_info",
		"handoff_offered": false,
		"seq":             float64(3),
	}
	if diff := cmp.Diff(want, answer); diff != "" {
		t.Errorf("answer (-want +got):\n%s", diff)
	}
	call := env.chat.lastCall(t)
	if call.Conv.Audience != knowledge.Citizen || !call.Conv.Simple || call.Conv.Lang != "de" {
		t.Errorf("conv %+v", call.Conv)
	}

	// request_human goes through the chatter and reports the handoff.
	c.sendJSON(map[string]any{"type": "request_human"})
	answer, _ = c.until("answer")
	if answer["handoff_offered"] != true || answer["intent"] != "human" {
		t.Errorf("human answer %v", answer)
	}
	handoff := c.next()
	if handoff["type"] != "handoff" || handoff["state"] != "requested" || handoff["ticket"] != "LOT-1" || seqOf(handoff) != 6 {
		t.Errorf("handoff %v", handoff)
	}
	if got := env.chat.lastCall(t).Msg.Text; got != humanRequest {
		t.Errorf("request_human sent %q", got)
	}
	if n := len(env.store.only(t).Entries); n != 4 {
		t.Errorf("stored %d entries, want 4", n)
	}
}

func TestWSBadInputKeepsConnection(t *testing.T) {
	env := mustServe(t, nil)
	c := mustDial(t, env, "/ws", nil)
	c.until("welcome")
	tests := []struct {
		name, frame, code string
	}{
		{"bad JSON", `{"type":`, "invalid_json"},
		{"unknown type", `{"type":"sudo"}`, "unknown_type"},
		{"empty message", `{"type":"message","text":"   "}`, "empty_message"},
		{"too long", `{"type":"message","text":"` + strings.Repeat("x", 4001) + `"}`, "too_long"},
		{"invalid UTF-8", "{\"type\":\"message\",\"text\":\"\xff\"}", "invalid_utf8"},
		{"bad lang", `{"type":"message","text":"Hallo","lang":"../../etc"}`, "invalid_lang"},
		{"bad rating", `{"type":"feedback","answer_id":"x","rating":"meh"}`, "invalid_feedback"},
		{"unknown answer", `{"type":"feedback","answer_id":"x","rating":"up"}`, "unknown_answer"},
		{"unknown session", `{"type":"resume","session":"nope","last_seq":0}`, "session_expired"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.t = t
			c.sendRaw(tt.frame)
			ev := c.next()
			if ev["type"] != "error" || ev["code"] != tt.code || ev["message"] == "" || ev["seq"] != nil {
				t.Errorf("got %v, want error %s", ev, tt.code)
			}
		})
	}
	c.t = t
	if err := c.ws.WriteMessage(websocket.BinaryMessage, []byte{1, 2}); err != nil {
		t.Fatal(err)
	}
	if ev := c.next(); ev["code"] != "unknown_type" {
		t.Errorf("binary frame: %v", ev)
	}
	c.sendJSON(map[string]any{"type": "typing"})
	c.sendJSON(map[string]any{"type": "message", "text": "Noch da?"})
	if ans, _ := c.until("answer"); ans["text"] != "Antwort auf: Noch da?" {
		t.Errorf("answer after errors: %v", ans)
	}
}

func TestWSOversizedFrame(t *testing.T) {
	env := mustServe(t, nil)
	c := mustDial(t, env, "/ws", nil)
	c.until("welcome")
	c.sendRaw(`{"type":"message","text":"` + strings.Repeat("a", 17<<10) + `"}`)
	if code := c.closeCode(); code != websocket.CloseMessageTooBig {
		t.Errorf("close code %d, want 1009", code)
	}
}

func TestWSOrigin(t *testing.T) {
	env := mustServe(t, func(c *Config) { c.AllowedOrigins = []string{"https://www.musterstadt.example"} })
	for _, origin := range []string{"https://www.musterstadt.example", env.http.URL} {
		c := mustDial(t, env, "/ws", http.Header{"Origin": {origin}})
		c.until("welcome")
	}
	_, resp, err := websocket.DefaultDialer.Dial(wsURL(env, "/ws"), http.Header{"Origin": {"https://evil.example"}})
	if err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("evil origin: err %v resp %v", err, resp)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("403 content type %q", ct)
	}
}

func TestWSEmployeeAuth(t *testing.T) {
	hdr := http.Header{"X-Remote-User": {"m.muster"}}
	t.Run("trusted", func(t *testing.T) {
		env := mustServe(t, nil)
		c := mustDial(t, env, "/intern/ws", hdr)
		c.until("welcome")
		c.sendJSON(map[string]any{"type": "message", "text": "VPN geht nicht"})
		c.until("answer")
		if conv := env.chat.lastCall(t).Conv; conv.Audience != knowledge.Employee || conv.UserID != "m.muster" {
			t.Errorf("conv %+v", conv)
		}
	})
	tests := []struct {
		name    string
		proxies bool
		hdr     http.Header
	}{
		{"no header", true, nil},
		{"untrusted proxy", false, hdr},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := mustServe(t, func(c *Config) {
				if !tt.proxies {
					c.TrustedProxies = untrustedProxies()
				}
			})
			_, resp, err := websocket.DefaultDialer.Dial(wsURL(env, "/intern/ws"), tt.hdr)
			if err == nil || resp == nil || resp.StatusCode != http.StatusUnauthorized {
				t.Fatalf("err %v resp %v", err, resp)
			}
		})
	}
}

func TestWSResumeAfterDropMidAnswer(t *testing.T) {
	env := mustServe(t, nil)
	env.chat.gate = make(chan struct{})
	env.chat.started = make(chan struct{}, 1)

	c1 := mustDial(t, env, "/ws", nil)
	welcome := c1.next()
	token := welcome["session"].(string)
	c1.sendJSON(map[string]any{"type": "message", "text": "Personalausweis"})
	c1.until("user_message")
	if tok := c1.next(); tok["type"] != "token" {
		t.Fatalf("want first token, got %v", tok)
	}
	<-env.chat.started
	// The phone switches networks: the connection dies without a close frame.
	c1.ws.NetConn().Close()
	waitFor(t, "socket detached", func() bool {
		s, _ := env.srv.hub.lookup(token, knowledge.Citizen, "")
		s.mu.Lock()
		defer s.mu.Unlock()
		return len(s.conns) == 0
	})
	close(env.chat.gate) // the turn finishes while nobody listens
	waitFor(t, "answer saved", func() bool { env.store.mu.Lock(); defer env.store.mu.Unlock(); return env.store.saves == 1 })

	c2 := mustDial(t, env, "/ws", nil)
	if w := c2.next(); w["type"] != "welcome" || w["session"] == token {
		t.Fatalf("second welcome %v", w)
	}
	sessionsBefore := env.srv.hub.count()
	c2.sendJSON(map[string]any{"type": "resume", "session": token, "last_seq": seqOf(welcome)})
	// (the echo of the message, seq 2, was seen by c1 but is replayed too:
	// last_seq is what the client saw before the drop)
	resumed := c2.next()
	if resumed["type"] != "resumed" || resumed["session"] != token || resumed["last_seq"] != float64(1) {
		t.Fatalf("resumed %v", resumed)
	}
	if echo := c2.next(); echo["type"] != "user_message" || seqOf(echo) != 2 {
		t.Fatalf("replayed %v", echo)
	}
	answer := c2.next()
	if answer["type"] != "answer" || answer["text"] != "Antwort auf: Personalausweis" || seqOf(answer) != 3 {
		t.Fatalf("replayed %v", answer)
	}
	if got := env.srv.hub.count(); got != sessionsBefore-1 {
		t.Errorf("provisional session not discarded: %d sessions, was %d", got, sessionsBefore)
	}
	// The resumed socket is live for new events and the conversation goes on.
	c2.sendJSON(map[string]any{"type": "message", "text": "Danke"})
	if ans, _ := c2.until("answer"); seqOf(ans) != 5 {
		t.Errorf("next answer %v", ans)
	}
	if n := len(env.store.only(t).Entries); n != 4 {
		t.Errorf("stored %d entries, want 4", n)
	}
	// Resuming again from seq 0 replays everything still buffered.
	c3 := mustDial(t, env, "/ws", nil)
	c3.next()
	c3.sendJSON(map[string]any{"type": "resume", "session": token, "last_seq": 0})
	c3.next() // resumed
	var seqs []int64
	for range 5 {
		seqs = append(seqs, seqOf(c3.next()))
	}
	if diff := cmp.Diff([]int64{1, 2, 3, 4, 5}, seqs); diff != "" {
		t.Errorf("replayed seqs (-want +got):\n%s", diff)
	}
}

func TestWSResumeRefused(t *testing.T) {
	env := mustServe(t, func(c *Config) { c.SessionTTL = time.Minute })
	citizen := mustDial(t, env, "/ws", nil)
	ctoken := citizen.next()["session"].(string)

	// A citizen token on the intranet socket is refused, and vice versa.
	emp := mustDial(t, env, "/intern/ws", http.Header{"X-Remote-User": {"m.muster"}})
	etoken := emp.next()["session"].(string)
	emp.sendJSON(map[string]any{"type": "resume", "session": ctoken, "last_seq": 0})
	if ev := emp.next(); ev["code"] != "session_expired" {
		t.Errorf("citizen token on /intern/ws: %v", ev)
	}
	citizen.sendJSON(map[string]any{"type": "resume", "session": etoken, "last_seq": 0})
	if ev := citizen.next(); ev["code"] != "session_expired" {
		t.Errorf("employee token on /ws: %v", ev)
	}
	// After the TTL an idle session is gone.
	citizen.ws.Close()
	waitFor(t, "detached", func() bool {
		s, ok := env.srv.hub.lookup(ctoken, knowledge.Citizen, "")
		if !ok {
			return false
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		return len(s.conns) == 0
	})
	env.clock.Advance(2 * time.Minute)
	c := mustDial(t, env, "/ws", nil)
	c.next()
	c.sendJSON(map[string]any{"type": "resume", "session": ctoken, "last_seq": 0})
	if ev := c.next(); ev["code"] != "session_expired" {
		t.Errorf("expired token: %v", ev)
	}
}

func TestWSResumeGapNotice(t *testing.T) {
	env := mustServe(t, func(c *Config) { c.ResumeEvents = 2 })
	c := mustDial(t, env, "/ws", nil)
	token := c.next()["session"].(string)
	for _, q := range []string{"a", "b"} {
		c.sendJSON(map[string]any{"type": "message", "text": q})
		c.until("answer")
	}
	c2 := mustDial(t, env, "/ws", nil)
	c2.next()
	c2.sendJSON(map[string]any{"type": "resume", "session": token, "last_seq": 0})
	c2.next() // resumed
	if ev := c2.next(); ev["type"] != "notice" || ev["seq"] != nil {
		t.Errorf("want gap notice, got %v", ev)
	}
	if ev := c2.next(); seqOf(ev) != 4 {
		t.Errorf("want seq 4 (ring holds 4 and 5), got %v", ev)
	}
}

func TestWSXSSIsPlainText(t *testing.T) {
	env := mustServe(t, nil)
	c := mustDial(t, env, "/ws", nil)
	c.next()
	payload := `<img src=x onerror=alert(1)><script>alert(2)</script>`
	c.sendJSON(map[string]any{"type": "message", "text": payload})
	for {
		c.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, raw, err := c.ws.ReadMessage()
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(string(raw), "<>") {
			t.Errorf("frame carries raw markup: %s", raw)
		}
		var ev map[string]any
		json.Unmarshal(raw, &ev)
		if ev["type"] == "answer" {
			if ev["text"] != "Antwort auf: "+payload {
				t.Errorf("answer text %q", ev["text"])
			}
			break
		}
	}
}

func TestWSFeedback(t *testing.T) {
	sink := &fakeFeedback{}
	env := mustServe(t, func(c *Config) { c.Feedback = sink })
	c := mustDial(t, env, "/ws", nil)
	c.next()
	c.sendJSON(map[string]any{"type": "message", "text": "Hundesteuer"})
	ans, _ := c.until("answer")
	c.sendJSON(map[string]any{"type": "feedback", "answer_id": ans["answer_id"], "rating": "down", "comment": "Betrag fehlt"})
	if ev := c.next(); ev["type"] != "notice" || ev["answer_id"] != ans["answer_id"] {
		t.Errorf("feedback ack %v", ev)
	}
	sink.mu.Lock()
	defer sink.mu.Unlock()
	if len(sink.got) != 1 {
		t.Fatalf("sink got %d", len(sink.got))
	}
	got := sink.got[0]
	if got.Rating != "down" || got.Comment != "Betrag fehlt" || got.Question != "Hundesteuer" || got.Answer != "Antwort auf: Hundesteuer" ||
		got.Audience != knowledge.Citizen || got.ConversationID == "" || len(got.Sources) != 1 || !got.At.Equal(env.clock.Now()) {
		t.Errorf("feedback %+v", got)
	}
}

func TestAgentTakeover(t *testing.T) {
	env := mustServe(t, nil)
	ctx := context.Background()
	c := mustDial(t, env, "/ws", nil)
	c.next()
	c.sendJSON(map[string]any{"type": "message", "text": "Mensch"})
	c.until("answer")
	c.until("handoff")
	convID := env.store.only(t).ID

	if err := env.srv.SetAgentHeld(ctx, convID, true, "Frau Schmidt"); err != nil {
		t.Fatal(err)
	}
	if ev := c.next(); ev["type"] != "handoff" || ev["state"] != "agent_joined" || ev["from"] != "Frau Schmidt" || seqOf(ev) != 5 {
		t.Errorf("joined %v", ev)
	}
	if err := env.srv.AgentMessage(ctx, convID, "Frau Schmidt", "Guten Tag, wie kann ich helfen?"); err != nil {
		t.Fatal(err)
	}
	if ev := c.next(); ev["type"] != "agent_message" || ev["text"] != "Guten Tag, wie kann ich helfen?" || ev["from"] != "Frau Schmidt" || seqOf(ev) != 6 {
		t.Errorf("agent message %v", ev)
	}
	conv := env.store.only(t)
	last := conv.Entries[len(conv.Entries)-1]
	if !conv.AgentHeld || last.Role != assistant.RoleAgent || last.Text != "Guten Tag, wie kann ich helfen?" {
		t.Errorf("stored %+v", conv)
	}
	// The user's next message reaches the chatter with AgentHeld set.
	c.sendJSON(map[string]any{"type": "message", "text": "Hallo"})
	c.until("answer")
	if !env.chat.lastCall(t).Conv.AgentHeld {
		t.Error("chatter did not see AgentHeld")
	}
	if err := env.srv.SetAgentHeld(ctx, convID, false, "Frau Schmidt"); err != nil {
		t.Fatal(err)
	}
	if ev := c.next(); ev["state"] != "agent_left" {
		t.Errorf("left %v", ev)
	}
	if env.store.only(t).AgentHeld {
		t.Error("still held")
	}

	if err := env.srv.AgentMessage(ctx, "unknown", "x", "y"); !errors.Is(err, assistant.ErrNotFound) {
		t.Errorf("unknown conversation: %v", err)
	}
	if err := env.srv.SetAgentHeld(ctx, "unknown", true, "x"); !errors.Is(err, assistant.ErrNotFound) {
		t.Errorf("unknown conversation: %v", err)
	}
	if err := env.srv.AgentMessage(ctx, convID, "x", "  "); !errors.Is(err, errEmptyMessage) {
		t.Errorf("empty agent message: %v", err)
	}
}

func TestWSSlowReaderDropped(t *testing.T) {
	env := mustServe(t, func(c *Config) {
		c.SendBuffer = 8
		c.WriteTimeout = 300 * time.Millisecond
	})
	// The slow client reads nothing and has a tiny receive buffer.
	dialer := websocket.Dialer{NetDial: func(network, addr string) (net.Conn, error) {
		nc, err := net.Dial(network, addr)
		if tc, ok := nc.(*net.TCPConn); ok {
			tc.SetReadBuffer(4096)
		}
		return nc, err
	}}
	slow, _, err := dialer.Dial(wsURL(env, "/ws"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	_, data, _ := slow.ReadMessage()
	var welcome map[string]any
	json.Unmarshal(data, &welcome)
	slow.WriteJSON(map[string]any{"type": "message", "text": "Hallo"})
	waitFor(t, "slow conversation saved", func() bool { env.store.mu.Lock(); defer env.store.mu.Unlock(); return env.store.saves == 1 })
	convID := env.store.only(t).ID

	fast := mustDial(t, env, "/ws", nil)
	fast.next()

	// Flood the slow client; publishing must never block on it.
	sess, _ := env.srv.hub.lookup(welcome["session"].(string), knowledge.Citizen, "")
	text := strings.Repeat("Viel Text. ", 6000)
	start := time.Now()
	for range 300 {
		sess.publish(&event{Type: "notice", Text: text}, 50, time.Now())
	}
	if err := env.srv.AgentMessage(context.Background(), convID, "Test", "Hallo"); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("publishing to a slow client took %v", d)
	}
	// The other client carries on meanwhile.
	fast.sendJSON(map[string]any{"type": "message", "text": "Bin ich schnell?"})
	if ans, _ := fast.until("answer"); ans["text"] != "Antwort auf: Bin ich schnell?" {
		t.Errorf("fast client: %v", ans)
	}
	waitFor(t, "slow client dropped", func() bool {
		env.srv.mu.Lock()
		defer env.srv.mu.Unlock()
		return len(env.srv.conns) == 1
	})
}

func TestShutdownDrainsAndCloses(t *testing.T) {
	metrics := &fakeMetrics{}
	env := mustServe(t, func(c *Config) { c.Metrics = metrics })
	env.chat.gate = make(chan struct{})
	env.chat.started = make(chan struct{}, 1)
	c := mustDial(t, env, "/ws", nil)
	c.next()
	if metrics.value() != 1 {
		t.Errorf("open connections %d, want 1", metrics.value())
	}
	c.sendJSON(map[string]any{"type": "message", "text": "Wohngeld"})
	<-env.chat.started

	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		done <- env.srv.Shutdown(ctx)
	}()
	waitFor(t, "closing", env.srv.isClosing)
	if _, resp, err := websocket.DefaultDialer.Dial(wsURL(env, "/ws"), nil); err == nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("dial while closing: %v %v", err, resp)
	}
	close(env.chat.gate)
	if ans, _ := c.until("answer"); ans["text"] != "Antwort auf: Wohngeld" {
		t.Errorf("answer during drain %v", ans)
	}
	if code := c.closeCode(); code != websocket.CloseGoingAway {
		t.Errorf("close code %d, want 1001", code)
	}
	if err := <-done; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	waitFor(t, "gauge back to 0", func() bool { return metrics.value() == 0 })
	if err := env.srv.Shutdown(context.Background()); err != nil {
		t.Errorf("second Shutdown: %v", err)
	}
}

func TestShutdownTimeoutCancelsTurns(t *testing.T) {
	env := mustServe(t, nil)
	env.chat.gate = make(chan struct{}) // never opened
	env.chat.started = make(chan struct{}, 1)
	c := mustDial(t, env, "/ws", nil)
	c.next()
	c.sendJSON(map[string]any{"type": "message", "text": "hängt"})
	<-env.chat.started
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if err := env.srv.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown: %v", err)
	}
	waitFor(t, "turn cancelled", func() bool {
		env.srv.turns.Wait()
		return true
	})
}

func TestWSBusy(t *testing.T) {
	env := mustServe(t, nil)
	env.chat.gate = make(chan struct{})
	c := mustDial(t, env, "/ws", nil)
	c.next()
	for range 3 {
		c.sendJSON(map[string]any{"type": "message", "text": "eins"})
	}
	ev, _ := c.until("error")
	if ev["code"] != "busy" {
		t.Errorf("third message: %v", ev)
	}
	close(env.chat.gate)
	c.until("answer")
	c.until("answer")
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
