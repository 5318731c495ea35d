// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// FuzzTwilioForm posts arbitrary, correctly signed form bodies to the
// Twilio webhooks: the handler must never panic and must answer either
// valid TwiML or a 4xx.
func FuzzTwilioForm(f *testing.F) {
	f.Add("CallSid=CAfuzz&From=%2B4917612345678&SpeechResult=Was+kostet+ein+Reisepass%3F&Confidence=0.9", false)
	f.Add("CallSid=CAfuzz&Digits=0", false)
	f.Add("CallSid=CAfuzz&SpeechResult=%3CSay%3E%26%3C%2FSay%3E&Confidence=abc", false)
	f.Add("CallSid=CAfuzz&SpeechResult=ja", true)
	f.Add("CallSid=&From=x", true)
	f.Add("%zz=1", false)
	e := newEnv(f, func(c *Config) { c.AnswerBudget = 200 * time.Millisecond })
	h := e.srv.Handler()
	f.Fuzz(func(t *testing.T, body string, incoming bool) {
		path := TwilioTurnPath
		if incoming {
			path = TwilioIncomingPath
		}
		req := httptest.NewRequest(http.MethodPost, e.http.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if params, err := url.ParseQuery(body); err == nil {
			req.Header.Set("X-Twilio-Signature", twilioSignature(testToken, e.http.URL+path, params))
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		checkReply(t, rec, func(b string) error { _, err := parseTwiML(b); return err })
	})
}

// FuzzJambonzJSON posts arbitrary, correctly signed bodies to the Jambonz
// webhooks: never a panic, always a JSON verb array or a 4xx.
func FuzzJambonzJSON(f *testing.F) {
	f.Add([]byte(`{"call_sid":"fuzz-1","from":"+4917612345678"}`), true)
	f.Add([]byte(`{"call_sid":"fuzz-1","reason":"speechDetected","speech":{"alternatives":[{"transcript":"Was kostet ein Reisepass?","confidence":0.9}]}}`), false)
	f.Add([]byte(`{"call_sid":"fuzz-1","reason":"dtmfDetected","digits":"0"}`), false)
	f.Add([]byte(`{"call_sid":"fuzz-1","speech":{"alternatives":[]},"reason":"timeout"}`), false)
	f.Add([]byte(`{"call_sid":"fuzz-1","speech":{"alternatives":[{"transcript":"<speak>&</speak>","confidence":-3}]}}`), false)
	f.Add([]byte(`[1,2,3]`), false)
	f.Add([]byte(`{"call_sid":42}`), false)
	e := newEnv(f, func(c *Config) { c.AnswerBudget = 200 * time.Millisecond })
	h := e.srv.Handler()
	f.Fuzz(func(t *testing.T, body []byte, incoming bool) {
		path := JambonzTurnPath
		if incoming {
			path = JambonzIncomingPath
		}
		req := httptest.NewRequest(http.MethodPost, e.http.URL+path, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Jambonz-Signature", SignJambonz(testSecret, body, time.Now()))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		checkReply(t, rec, func(b string) error { _, err := parseJambonz(b); return err })
	})
}

func checkReply(t *testing.T, rec *httptest.ResponseRecorder, valid func(string) error) {
	t.Helper()
	switch {
	case rec.Code == http.StatusOK:
		if err := valid(rec.Body.String()); err != nil {
			t.Fatalf("invalid reply: %v\n%s", err, rec.Body.String())
		}
	case rec.Code >= 400 && rec.Code < 500:
	default:
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
}
