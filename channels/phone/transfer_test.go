// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// The attributes the gateways document for the verbs a transfer uses;
// the channel may write no other.
var (
	// TwiML <Dial> and its nouns <Number>, <Client> (with <Identity> and
	// <Parameter name value>), per Twilio's TwiML voice reference.
	twilioDialAttrs   = set("action", "method", "timeout", "hangupOnStar", "timeLimit", "callerId", "record", "trim", "recordingStatusCallback", "recordingStatusCallbackMethod", "recordingStatusCallbackEvent", "answerOnBridge", "ringTone", "recordingTrack", "sequential", "referUrl", "referMethod", "events")
	twilioNumberAttrs = set("sendDigits", "url", "method", "statusCallbackEvent", "statusCallback", "statusCallbackMethod", "byoc", "machineDetection", "amdStatusCallbackMethod", "amdStatusCallback", "machineDetectionTimeout", "machineDetectionSpeechThreshold", "machineDetectionSpeechEndThreshold", "machineDetectionSilenceTimeout")
	twilioClientAttrs = set("url", "method", "statusCallbackEvent", "statusCallback", "statusCallbackMethod")
	twilioParamAttrs  = set("name", "value")
	// Jambonz dial verb and its phone and sip targets, per the jambonz
	// verb reference (dial; target types phone, sip).
	jambonzDialKeys  = set("verb", "target", "actionHook", "amd", "anchorMedia", "answerOnBridge", "callerId", "confirmHook", "dialMusic", "dtmfCapture", "dtmfHook", "headers", "listen", "referHook", "timeLimit", "timeout", "proxy", "transcribe")
	jambonzPhoneKeys = set("type", "number", "confirmHook", "trunk", "headers")
	jambonzSipKeys   = set("type", "sipUri", "auth", "confirmHook", "trunk", "headers")
)

func set(keys ...string) map[string]bool {
	m := map[string]bool{}
	for _, k := range keys {
		m[k] = true
	}
	return m
}

func checkAttrs(t *testing.T, what string, got map[string]string, allowed map[string]bool) {
	t.Helper()
	for k := range got {
		if !allowed[k] {
			t.Errorf("%s has undocumented attribute %q", what, k)
		}
	}
}

func checkKeys(t *testing.T, what string, got map[string]any, allowed map[string]bool) {
	t.Helper()
	for k := range got {
		if !allowed[k] {
			t.Errorf("%s has undocumented key %q", what, k)
		}
	}
}

// transferTwilio runs a Twilio call up to the transfer and returns the
// Dial.
func transferTwilio(t *testing.T, e *testEnv, sid string) verb {
	t.Helper()
	c := e.twilioCall(sid)
	c.start()
	c.say("Was kostet ein Reisepass? Meine Mail ist max@example.org")
	c.press("0")
	final := c.say("ja")
	if n := names(final); n[len(n)-1] != "Dial" {
		t.Fatalf("transfer ends with %v", n)
	}
	return final[len(final)-1]
}

// TestTwilioTransferWhisper: the desk's number is dialled with a whisper
// URL; what Twilio fetches there tells the agent the ticket key and what
// was asked (personal data redacted) before the caller is connected.
func TestTwilioTransferWhisper(t *testing.T) {
	e := newEnv(t, nil)
	dial := transferTwilio(t, e, "CAwhisper")
	checkAttrs(t, "<Dial>", dial.Attr, twilioDialAttrs)
	if len(dial.Children) != 1 || dial.Children[0].Name != "Number" {
		t.Fatalf("Dial children %+v, want one <Number>", dial.Children)
	}
	n := dial.Children[0]
	checkAttrs(t, "<Number>", n.Attr, twilioNumberAttrs)
	if n.Text != testDesk || n.Attr["method"] != "POST" || n.Attr["url"] != e.http.URL+TwilioWhisperPath+"?call=CAwhisper&ticket=LOT-42" {
		t.Errorf("Number %+v", n)
	}

	u, err := url.Parse(n.Attr["url"])
	if err != nil {
		t.Fatal(err)
	}
	agentLeg := url.Values{"CallSid": {"CAagentleg"}, "From": {"+4930999"}, "To": {testDesk}, "AccountSid": {"ACtest"}, "CallStatus": {"in-progress"}}
	status, body := e.postTwilio(u.RequestURI(), agentLeg)
	if status != http.StatusOK {
		t.Fatalf("whisper: %d %s", status, body)
	}
	vs := mustTwiML(t, body)
	if diff := cmp.Diff([]string{"Say"}, names(vs)); diff != "" {
		t.Fatalf("whisper verbs (-want +got):\n%s", diff)
	}
	want := "Anruf über Lotse, Vorgang L O T, 4 2. Gefragt wurde: Was kostet ein Reisepass? Meine Mail ist, E-MAIL."
	if vs[0].Text != want || vs[0].Attr["language"] != "de-DE" {
		t.Errorf("whisper %q (%s)\nwant %q", vs[0].Text, vs[0].Attr["language"], want)
	}

	// Unsigned, forged or malformed whisper requests get nothing.
	if status, _ := e.postTwilioSigned(u.RequestURI(), agentLeg, "forged"); status != http.StatusForbidden {
		t.Errorf("forged whisper: %d, want 403", status)
	}
	if status, _ := e.postTwilio(TwilioWhisperPath+"?call=CAwhisper&ticket=%3Cx%3E", agentLeg); status != http.StatusBadRequest {
		t.Errorf("bad ticket: %d, want 400", status)
	}
	if status, _ := e.postTwilio(TwilioWhisperPath, agentLeg); status != http.StatusBadRequest {
		t.Errorf("no call: %d, want 400", status)
	}
}

// TestTwilioTransferClient: a desk reached as a Twilio Voice SDK client
// gets the ticket, the conversation and the summary as <Parameter>s.
func TestTwilioTransferClient(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.DeskPhone = "client:servicedesk" })
	dial := transferTwilio(t, e, "CAclient")
	if len(dial.Children) != 1 || dial.Children[0].Name != "Client" {
		t.Fatalf("Dial children %+v, want one <Client>", dial.Children)
	}
	cl := dial.Children[0]
	checkAttrs(t, "<Client>", cl.Attr, twilioClientAttrs)
	got := map[string]string{}
	for _, ch := range cl.Children {
		switch ch.Name {
		case "Identity":
			got["identity"] = ch.Text
		case "Parameter":
			checkAttrs(t, "<Parameter>", ch.Attr, twilioParamAttrs)
			got[ch.Attr["name"]] = ch.Attr["value"]
		}
	}
	want := map[string]string{"identity": "servicedesk", "ticket": "LOT-42", "conversation": "call-CAclient", "summary": "Was kostet ein Reisepass? Meine Mail ist [E-MAIL]"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("client (-want +got):\n%s", diff)
	}
}

// TestJambonzTransferContext: the dial verb carries the ticket in SIP
// headers on its target and the whisper as confirmHook, whose verbs tell
// the agent the ticket and the question; a sip desk is a sip target.
func TestJambonzTransferContext(t *testing.T) {
	for _, desk := range []string{testDesk, "sip:servicedesk@pbx.musterstadt.example"} {
		e := newEnv(t, func(c *Config) { c.DeskPhone = desk })
		c := e.jambonzCall("jcall-7")
		c.start()
		c.say("Was kostet ein Reisepass?")
		c.press("0")
		final := c.say("ja")
		dial := final[len(final)-1]
		if dial["verb"] != "dial" {
			t.Fatalf("transfer ends with %v", jambonzNames(final))
		}
		checkKeys(t, "dial", dial, jambonzDialKeys)
		if dial["confirmHook"] != JambonzWhisperPath+"?call=jcall-7&ticket=LOT-42" || dial["answerOnBridge"] != true {
			t.Errorf("dial %v", dial)
		}
		targets := dial["target"].([]any)
		target := targets[0].(map[string]any)
		wantHeaders := map[string]any{"X-Lotse-Ticket": "LOT-42", "X-Lotse-Conversation": "call-jcall-7"}
		if diff := cmp.Diff(wantHeaders, target["headers"]); diff != "" || len(targets) != 1 {
			t.Errorf("target headers (-want +got):\n%s", diff)
		}
		if strings.HasPrefix(desk, "sip:") {
			checkKeys(t, "sip target", target, jambonzSipKeys)
			if target["type"] != "sip" || target["sipUri"] != desk {
				t.Errorf("sip target %v", target)
			}
		} else {
			checkKeys(t, "phone target", target, jambonzPhoneKeys)
			if target["type"] != "phone" || target["number"] != desk {
				t.Errorf("phone target %v", target)
			}
		}

		b := []byte(`{"call_sid":"agent-leg","direction":"outbound"}`)
		status, body := e.postJambonz(dial["confirmHook"].(string), b, SignJambonz(testSecret, b, time.Now()))
		if status != http.StatusOK {
			t.Fatalf("whisper: %d %s", status, body)
		}
		var verbs []map[string]any
		if err := json.Unmarshal([]byte(body), &verbs); err != nil {
			t.Fatal(err)
		}
		if len(verbs) != 1 || verbs[0]["verb"] != "say" || verbs[0]["text"] != "Anruf über Lotse, Vorgang L O T, 4 2. Gefragt wurde: Was kostet ein Reisepass?" {
			t.Errorf("whisper verbs %v", verbs)
		}
		if status, _ := e.postJambonz(dial["confirmHook"].(string), b, "t=1,v1=00"); status != http.StatusForbidden {
			t.Errorf("forged whisper: %d, want 403", status)
		}
	}
}
