// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestTwilioReplayIsNotProcessed reproduces finding 8 of issue 20 for
// Twilio: a captured signed turn posted again — at once, later in the
// call, and ten times in parallel — gets the first answer and never
// reaches the assistant a second time.
func TestTwilioReplayIsNotProcessed(t *testing.T) {
	e := newEnv(t, nil)
	c := e.twilioCall("CA" + strings.Repeat("a", 32))
	c.start()
	path := withParam(TwilioTurnPath, nonceParam, c.nonce)
	params := c.params("SpeechResult", "Was kostet ein Reisepass?", "Confidence", "0.92")
	sig := twilioSignature(testToken, e.http.URL+path, params)
	status, first := e.postTwilioSigned(path, params, sig)
	if status != http.StatusOK {
		t.Fatalf("first turn: %d %s", status, first)
	}
	status, again := e.postTwilioSigned(path, params, sig)
	if status != http.StatusOK || again != first {
		t.Errorf("replay answered %d %q, want the first answer", status, again)
	}
	c.say("Wie lange dauert das?") // the call moves on
	var wg sync.WaitGroup
	bodies := make([]string, 10)
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPost, e.http.URL+path, strings.NewReader(params.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("X-Twilio-Signature", sig)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			bodies[i] = string(b)
		}()
	}
	wg.Wait()
	for i, b := range bodies {
		if b != first {
			t.Errorf("parallel replay %d answered %q", i, b)
		}
	}
	n := 0
	for _, q := range e.asker.questions() {
		if q == "Was kostet ein Reisepass?" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the replayed question reached the assistant %d times, want once", n)
	}
}

// TestTwilioSameInputTwiceIsNotAReplay: two silent turns carry the same
// parameters; the nonce in each callback URL keeps them apart, so both are
// processed (the second silence offers a human).
func TestTwilioSameInputTwiceIsNotAReplay(t *testing.T) {
	e := newEnv(t, nil)
	c := e.twilioCall("CA" + strings.Repeat("b", 32))
	c.start()
	first := spoken(c.silence())
	second := spoken(c.silence())
	if first == second {
		t.Errorf("second silence answered like the first (treated as a replay?): %q", second)
	}
}

// TestJambonzReplayWithinWindow: within JambonzTolerance a replayed turn
// is answered from the cache, also when the attacker decorates the
// signature header; outside it the timestamp check refuses it.
func TestJambonzReplayWithinWindow(t *testing.T) {
	now := time.Now()
	clock := func() time.Time { return now }
	e := newEnv(t, func(c *Config) { c.Now = clock })
	c := e.jambonzCall("9f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5c")
	c.start()
	b := c.body(map[string]any{"reason": "speechDetected",
		"speech": map[string]any{"is_final": true, "alternatives": []map[string]any{{"transcript": "Was kostet ein Reisepass?", "confidence": 0.9}}}})
	sig := SignJambonz(testSecret, b, now)
	status, first := e.postJambonz(JambonzTurnPath, b, sig)
	if status != http.StatusOK {
		t.Fatalf("first turn: %d %s", status, first)
	}
	for _, h := range []string{sig, sig + ",v1=00", "t=1," + sig, sig + ",x=y"} {
		status, again := e.postJambonz(JambonzTurnPath, b, h)
		if status == http.StatusOK && again != first {
			t.Errorf("replay with header %q answered %q", h, again)
		}
	}
	// The query is not signed: a replay dressed as a poll reads the
	// call's state and asks nothing.
	if status, _ := e.postJambonz(JambonzTurnPath+"?pending=0123abcd", b, sig); status != http.StatusOK {
		t.Errorf("replay as a poll: %d", status)
	}
	now = now.Add(JambonzTolerance + time.Second)
	if status, _ := e.postJambonz(JambonzTurnPath, b, sig); status != http.StatusForbidden {
		t.Errorf("replay after the window: %d, want 403", status)
	}
	if q := e.asker.questions(); len(q) != 1 {
		t.Errorf("questions asked %v, want the replayed one once", q)
	}
}

func TestReplayCacheBounds(t *testing.T) {
	now := time.Unix(0, 0)
	c := newReplayCache(func() time.Time { return now }, time.Hour)
	for i := range maxReplayBodies + 10 {
		c.mu.Lock()
		k := replayKeyOf("x", string(rune(i)), url.QueryEscape(time.Duration(i).String()))
		c.m[k] = &replayEntry{at: now, seq: c.base + len(c.queue), done: make(chan struct{}), r: &reply{}}
		c.queue = append(c.queue, k)
		c.trim()
		c.mu.Unlock()
	}
	withBody := 0
	for _, e := range c.m {
		if e.r != nil {
			withBody++
		}
	}
	if withBody > maxReplayBodies || len(c.m) != maxReplayBodies+10 {
		t.Errorf("%d entries, %d with a reply", len(c.m), withBody)
	}
	now = now.Add(2 * time.Hour)
	c.mu.Lock()
	c.expire()
	n := len(c.m)
	c.mu.Unlock()
	if n != 0 {
		t.Errorf("%d entries after the TTL", n)
	}
}
