// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/assistant"
)

func TestVerifyJambonz(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	body := []byte(`{"call_sid":"abc"}`)
	good := SignJambonz(testSecret, body, now)
	ts := strconv.FormatInt(now.Unix(), 10)
	tests := []struct {
		name   string
		secret string
		header string
		body   []byte
		now    time.Time
		want   bool
	}{
		{"valid", testSecret, good, body, now, true},
		{"valid, 4 min old", testSecret, good, body, now.Add(4 * time.Minute), true},
		{"valid, clock 4 min behind", testSecret, good, body, now.Add(-4 * time.Minute), true},
		{"second v1 matches", testSecret, "t=" + ts + ",v1=deadbeef," + strings.Split(good, ",")[1], body, now, true},
		{"spaces", testSecret, "t=" + ts + ", " + strings.Split(good, ",")[1], body, now, true},
		{"missing", testSecret, "", body, now, false},
		{"too old", testSecret, good, body, now.Add(6 * time.Minute), false},
		{"from the future", testSecret, good, body, now.Add(-6 * time.Minute), false},
		{"tampered body", testSecret, good, []byte(`{"call_sid":"abd"}`), now, false},
		{"tampered timestamp", testSecret, strings.Replace(good, "t="+ts, "t="+strconv.FormatInt(now.Unix()+1, 10), 1), body, now, false},
		{"wrong secret", "other", good, body, now, false},
		{"no secret configured", "", SignJambonz("", body, now), body, now, false},
		{"no timestamp", testSecret, strings.Split(good, ",")[1], body, now, false},
		{"no v1", testSecret, "t=" + ts + ",v0=" + strings.TrimPrefix(strings.Split(good, ",")[1], "v1="), body, now, false},
		{"garbage", testSecret, "t=abc,v1=xyz", body, now, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := VerifyJambonz(tt.secret, tt.header, tt.body, tt.now); got != tt.want {
				t.Errorf("VerifyJambonz = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestJambonzSignatureHTTP(t *testing.T) {
	e := newEnv(t, nil)
	c := e.jambonzCall("9f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b")
	body := c.body(nil)
	tests := []struct {
		name string
		body []byte
		sig  string
		want int
	}{
		{"valid", body, SignJambonz(testSecret, body, time.Now()), http.StatusOK},
		{"missing", body, "", http.StatusForbidden},
		{"tampered", []byte(strings.Replace(string(body), testFrom, "+4900", 1)), SignJambonz(testSecret, body, time.Now()), http.StatusForbidden},
		{"stale", body, SignJambonz(testSecret, body, time.Now().Add(-10*time.Minute)), http.StatusForbidden},
		{"wrong secret", body, SignJambonz("nope", body, time.Now()), http.StatusForbidden},
		{"signed but not JSON", []byte("not json"), SignJambonz(testSecret, []byte("not json"), time.Now()), http.StatusBadRequest},
		{"signed but no call_sid", []byte(`{"from":"x"}`), SignJambonz(testSecret, []byte(`{"from":"x"}`), time.Now()), http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, resp := e.postJambonz(JambonzIncomingPath, tt.body, tt.sig)
			if status != tt.want {
				t.Fatalf("status = %d, want %d (%s)", status, tt.want, resp)
			}
			if status == http.StatusOK {
				mustJambonz(t, resp)
			}
		})
	}
}

func TestJambonzCallFlow(t *testing.T) {
	e := newEnv(t, nil)
	c := e.jambonzCall("call-uuid-1")

	greet := c.start()
	// The greeting, the offers of six languages each in its own voice, the
	// gather that asks how to help.
	if diff := cmp.Diff([]string{"say", "say", "say", "say", "say", "say", "say", "gather"}, jambonzNames(greet)); diff != "" {
		t.Fatalf("greeting verbs (-want +got):\n%s", diff)
	}
	if !strings.Contains(greet[0]["text"].(string), "KI-Assistent") {
		t.Errorf("greeting %q", greet[0]["text"])
	}
	if lang := greet[1]["synthesizer"].(map[string]any)["language"]; lang != "en-GB" {
		t.Errorf("English offer in %v", lang)
	}
	g := greet[7]
	if g["actionHook"] != JambonzTurnPath || g["timeout"] != float64(6) {
		t.Errorf("gather %v", g)
	}
	if diff := cmp.Diff([]any{"speech", "digits"}, g["input"]); diff != "" {
		t.Errorf("input (-want +got):\n%s", diff)
	}
	rec := g["recognizer"].(map[string]any)
	if rec["vendor"] != "default" || rec["language"] != "de-DE" {
		t.Errorf("recognizer %v", rec)
	}
	if hints, _ := rec["hints"].([]any); len(hints) == 0 || !strings.Contains(strings.Join(anyStrings(hints), ","), "Reisepass") {
		t.Errorf("hints %v", rec["hints"])
	}

	ans := c.say("Was kostet ein Reisepass?")
	if !strings.Contains(jambonzSpoken(ans), "37 Euro") || !strings.Contains(jambonzSpoken(ans), "Möchten Sie mehr wissen?") {
		t.Errorf("answer: %s", jambonzSpoken(ans))
	}
	if !strings.Contains(jambonzSpoken(c.press("1")), "37 Euro") {
		t.Error("1 did not repeat")
	}
	if !strings.Contains(jambonzSpoken(c.press("0")), "Rufnummer") {
		t.Fatal("0 did not ask for consent")
	}
	final := c.say("ja")
	if diff := cmp.Diff([]string{"say", "say", "dial"}, jambonzNames(final)); diff != "" {
		t.Fatalf("transfer (-want +got):\n%s", diff)
	}
	target := final[2]["target"].([]any)[0].(map[string]any)
	if target["type"] != "phone" || target["number"] != testDesk {
		t.Errorf("dial target %v", target)
	}
	escs := e.esc.escalations()
	if len(escs) != 1 || escs[0].ConversationID != "call-call-uuid-1" || escs[0].Contact != testFrom || escs[0].Channel != "phone" {
		t.Errorf("escalations %+v", escs)
	}
}

func TestJambonzTimeoutAndRedirect(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.AnswerBudget = 30 * time.Millisecond })
	c := e.jambonzCall("call-uuid-2")
	c.start()
	if got := jambonzSpoken(c.post(JambonzTurnPath, map[string]any{"reason": "timeout"})); !strings.Contains(got, "nicht gehört") {
		t.Errorf("timeout: %s", got)
	}
	release := make(chan struct{})
	e.asker.block = release
	vs := c.say("Was kostet ein Reisepass?")
	if diff := cmp.Diff([]string{"say", "redirect"}, jambonzNames(vs)); diff != "" {
		t.Fatalf("slow answer (-want +got):\n%s", diff)
	}
	hook := vs[1]["actionHook"].(string)
	if !strings.HasPrefix(hook, JambonzTurnPath+"?pending=") {
		t.Fatalf("redirect hook %q", hook)
	}
	close(release)
	if got := jambonzSpoken(c.post(hook, nil)); !strings.Contains(got, "37 Euro") {
		t.Errorf("redirect: %s", got)
	}
}

func TestJambonzSSMLNeverReachesTheGateway(t *testing.T) {
	e := newEnv(t, nil)
	e.asker.answer = func(q string) assistant.Answer {
		return assistant.Answer{Text: `<speak><prosody rate="x-slow">` + q + `</prosody></speak>`}
	}
	c := e.jambonzCall("call-uuid-3")
	c.start()
	vs := c.say(`<speak><audio src="https://evil.example/a.mp3"/></speak>`)
	for _, v := range vs {
		for _, s := range []string{jambonzSpoken([]map[string]any{v})} {
			if strings.ContainsAny(s, "<>") {
				t.Errorf("markup in %q", s)
			}
		}
	}
}

func TestCallStateTTLAndMetrics(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 6, 14, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	g := &gauge{}
	e := newEnv(t, func(c *Config) { c.Now = clock; c.Metrics = g })
	// Jambonz signatures are checked against the injected clock too.
	sign := func(b []byte) string { return SignJambonz(testSecret, b, clock()) }

	e.twilioCall("CAttl1").start()
	e.twilioCall("CAttl2").start()
	if g.value() != 2 || e.srv.Dialog().ActiveCalls() != 2 {
		t.Fatalf("active calls %d/%d, want 2", g.value(), e.srv.Dialog().ActiveCalls())
	}
	advance(30 * time.Minute)
	e.twilioCall("CAttl2").say("Was kostet ein Reisepass?")
	advance(45 * time.Minute) // CAttl1 silent for 75 min, CAttl2 for 45 min
	b := []byte(`{"call_sid":"j1"}`)
	if status, _ := e.postJambonz(JambonzIncomingPath, b, sign(b)); status != http.StatusOK {
		t.Fatalf("jambonz with injected clock: %d", status)
	}
	if got := e.srv.Dialog().ActiveCalls(); got != 2 {
		t.Errorf("active calls after expiry = %d, want 2 (CAttl2, j1)", got)
	}
	if g.value() != 2 {
		t.Errorf("gauge = %d, want 2", g.value())
	}
	// The expired call's transcript survives; a late webhook starts fresh state.
	if _, err := e.store.Load(context.Background(), "call-CAttl1"); err != nil {
		t.Errorf("transcript of expired call: %v", err)
	}
	e.twilioCall("CAttl2").say("Tschüss")
	if g.value() != 1 {
		t.Errorf("gauge after hang-up = %d, want 1", g.value())
	}
}

func TestShutdownWaitsForPendingAnswers(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.AnswerBudget = 20 * time.Millisecond })
	release := make(chan struct{})
	e.asker.block = release
	c := e.twilioCall("CAshutdown")
	c.start()
	if names(c.say("Was kostet ein Reisepass?"))[1] != "Redirect" {
		t.Fatal("no redirect")
	}
	done := make(chan error, 1)
	go func() { done <- e.srv.Shutdown(context.Background()) }()
	select {
	case err := <-done:
		t.Fatalf("Shutdown returned %v while an answer was running", err)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Shutdown: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Shutdown did not return after the answer finished")
	}
	// The finished answer is still delivered; new questions are refused politely.
	if got := spoken(c.silence()); !strings.Contains(got, "37 Euro") {
		t.Errorf("answer after shutdown: %s", got)
	}
	if got := spoken(c.say("Wann sind die Öffnungszeiten?")); !strings.Contains(got, "schiefgegangen") {
		t.Errorf("question after shutdown: %s", got)
	}

	t.Run("deadline", func(t *testing.T) {
		e := newEnv(t, func(c *Config) { c.AnswerBudget = 20 * time.Millisecond })
		e.asker.block = make(chan struct{}) // never released; ctx cancels it
		c := e.twilioCall("CAshutdown2")
		c.start()
		c.say("Was kostet ein Reisepass?")
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
		defer cancel()
		if err := e.srv.Shutdown(ctx); err == nil {
			t.Error("Shutdown = nil, want the deadline error")
		}
	})
}

func anyStrings(vs []any) []string {
	var out []string
	for _, v := range vs {
		s, _ := v.(string)
		out = append(out, s)
	}
	return out
}
