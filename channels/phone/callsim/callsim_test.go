// SPDX-License-Identifier: EUPL-1.2

package callsim_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twilio/twilio-go/client"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/channels/phone"
	"github.com/musterstadt/lotse/channels/phone/callsim"
)

const (
	token  = "sim-token"
	secret = "sim-secret"
	desk   = "+4930111222333"
)

// asker answers two scripted questions and blocks while gate is closed.
type asker struct {
	gate chan struct{}
}

func (a *asker) Ask(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) (assistant.Answer, error) {
	if a.gate != nil {
		select {
		case <-a.gate:
		case <-ctx.Done():
			return assistant.Answer{}, ctx.Err()
		}
	}
	ans := assistant.Answer{Text: "Das weiß ich leider nicht.", Intent: assistant.IntentServiceInfo, Lang: "de"}
	if strings.Contains(msg.Text, "Reisepass") {
		ans.Text = "Der Reisepass kostet 37,00 Euro. Für Personen unter 24 Jahren 22,80 Euro. Der Express-Pass kostet 32,00 Euro mehr. Die Bearbeitung dauert vier Wochen."
		ans.Sources = []assistant.Source{{ID: "leistungen/reisepass", Title: "Reisepass"}}
	}
	conv.Entries = append(conv.Entries,
		assistant.Entry{Role: assistant.RoleUser, Text: msg.Text},
		assistant.Entry{Role: assistant.RoleAssistant, Text: ans.Text, Intent: ans.Intent, Sources: ans.Sources})
	return ans, nil
}

// escalator records the handovers of calls and returns LOT-42.
type escalator struct {
	mu  sync.Mutex
	got []assistant.Escalation
}

func (e *escalator) Transfer(ctx context.Context, conv *assistant.Conversation, h assistant.Handover) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.got = append(e.got, assistant.Escalation{ConversationID: conv.ID, Channel: conv.Channel, Reason: h.Reason, Contact: h.Contact})
	return "LOT-42", nil
}

// startServer runs a phone server with both gateways behind httptest.
func startServer(t *testing.T, a phone.Asker, edit func(*phone.Config)) (*httptest.Server, *escalator) {
	t.Helper()
	esc := &escalator{}
	ts := httptest.NewUnstartedServer(nil)
	cfg := phone.Config{
		Asker: a, Store: assistant.NewMemoryStore(), Transferer: esc,
		PublicURL: "http://" + ts.Listener.Addr().String(), TwilioAuthToken: token, JambonzSecret: secret, DeskPhone: desk,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	if edit != nil {
		edit(&cfg)
	}
	srv, err := phone.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv.Handler()
	ts.Start()
	t.Cleanup(func() {
		ts.Close()
		_ = srv.Shutdown(context.Background())
	})
	return ts, esc
}

func TestRunTwilio(t *testing.T) {
	ts, esc := startServer(t, &asker{}, nil)
	var out strings.Builder
	in := "Was kostet ein Reisepass?\nja\n#0\nja\n"
	err := callsim.Run(context.Background(), callsim.Options{BaseURL: ts.URL, AuthToken: token, From: "+4917600000001", CallID: "CAsim1", Echo: true}, strings.NewReader(in), &out)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{
		"Lotse: Guten Tag!", "Lotse (en-GB): For English, press 9.", "Sie: Was kostet ein Reisepass?\n", "Sie: [Taste 0]\n",
		"Lotse: Der Reisepass kostet 37 Euro.", "Lotse: Möchten Sie mehr wissen?", "Die Bearbeitung dauert vier Wochen.",
		"Lotse: Dürfen wir Ihre Rufnummer für einen Rückruf speichern?", "L O T, 4 2", "[Weiterleitung an " + desk + "]",
		"[Das Service-Team hört vorher: Anruf über Lotse, Vorgang L O T, 4 2. Gefragt wurde: Was kostet ein Reisepass?]",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if len(esc.got) != 1 || esc.got[0].Contact != "+4917600000001" || esc.got[0].ConversationID != "call-CAsim1" {
		t.Errorf("escalations %+v", esc.got)
	}
}

func TestRunJambonz(t *testing.T) {
	ts, esc := startServer(t, &asker{}, nil)
	var out strings.Builder
	in := "\n~Reisepass\nWas kostet ein Reisepass?\nnein danke\n"
	err := callsim.Run(context.Background(), callsim.Options{BaseURL: ts.URL, Gateway: callsim.Jambonz, Secret: secret}, strings.NewReader(in), &out)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{"nicht gehört", "Mitarbeiter", "37 Euro", "Auf Wiederhören", "[Lotse hat aufgelegt]"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if len(esc.got) != 0 {
		t.Errorf("unexpected tickets %+v", esc.got)
	}
}

func TestRunFollowsRedirects(t *testing.T) {
	for _, gw := range []string{callsim.Twilio, callsim.Jambonz} {
		t.Run(gw, func(t *testing.T) {
			gate := make(chan struct{})
			ts, _ := startServer(t, &asker{gate: gate}, func(c *phone.Config) { c.AnswerBudget = 20 * time.Millisecond })
			time.AfterFunc(100*time.Millisecond, func() { close(gate) })
			var out strings.Builder
			err := callsim.Run(context.Background(), callsim.Options{BaseURL: ts.URL, Gateway: gw, AuthToken: token, Secret: secret},
				strings.NewReader("Was kostet ein Reisepass?\n"), &out)
			if err != nil {
				t.Fatalf("Run: %v\n%s", err, out.String())
			}
			got := out.String()
			for _, want := range []string{"Einen Moment bitte, ich sehe nach.", "37 Euro", "[Sie haben aufgelegt]"} {
				if !strings.Contains(got, want) {
					t.Errorf("output lacks %q:\n%s", want, got)
				}
			}
		})
	}
}

func TestRunErrors(t *testing.T) {
	ts, _ := startServer(t, &asker{}, nil)
	tests := []struct {
		name string
		o    callsim.Options
		want string
	}{
		{"wrong token", callsim.Options{BaseURL: ts.URL, AuthToken: "wrong"}, "status 403 (signature rejected"},
		{"wrong secret", callsim.Options{BaseURL: ts.URL, Gateway: callsim.Jambonz, Secret: "wrong"}, "status 403"},
		{"wrong public URL", callsim.Options{BaseURL: ts.URL, PublicURL: "https://lotse.example", AuthToken: token}, "status 403"},
		{"no token", callsim.Options{BaseURL: ts.URL}, "auth token required"},
		{"bad gateway", callsim.Options{BaseURL: ts.URL, Gateway: "sipgate", AuthToken: token}, "want twilio or jambonz"},
		{"no base", callsim.Options{AuthToken: token}, "base URL required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := callsim.Run(context.Background(), tt.o, strings.NewReader(""), io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestSpeak(t *testing.T) {
	ts, _ := startServer(t, &asker{}, nil)
	t.Run("espeak missing", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		var out strings.Builder
		if err := callsim.Run(context.Background(), callsim.Options{BaseURL: ts.URL, AuthToken: token, Speak: true}, strings.NewReader(""), &out); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "espeak-ng ist nicht installiert") {
			t.Errorf("no note:\n%s", out.String())
		}
	})
	t.Run("espeak present", func(t *testing.T) {
		dir := t.TempDir()
		log := filepath.Join(dir, "spoken.txt")
		script := "#!/bin/sh\nprintf '%s|%s\\n' \"$2\" \"$3\" >> " + log + "\n"
		if err := os.WriteFile(filepath.Join(dir, "espeak-ng"), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
		if err := callsim.Run(context.Background(), callsim.Options{BaseURL: ts.URL, AuthToken: token, Speak: true}, strings.NewReader(""), io.Discard); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		// The greeting, six language offers each with its own voice, the
		// question.
		if len(lines) != 8 || !strings.HasPrefix(lines[0], "de|Guten Tag!") || !strings.HasPrefix(lines[1], "en|For English") ||
			!strings.HasPrefix(lines[2], "tr|Türkçe") || !strings.HasPrefix(lines[3], "ar|") || !strings.HasPrefix(lines[7], "de|Wie kann ich") {
			t.Errorf("espeak-ng calls:\n%s", b)
		}
	})
}

func TestSignaturesMatchTheGateways(t *testing.T) {
	params := url.Values{"CallSid": {"CA1"}, "From": {"+49 30 123"}, "SpeechResult": {"Grüße & <mehr>"}, "Confidence": {"0.9"}}
	u := "https://lotse.example/voice/twilio/turn?pending=abc"
	v := client.NewRequestValidator("tok")
	flat := map[string]string{}
	for k, vs := range params {
		flat[k] = vs[0]
	}
	if !v.Validate(u, flat, callsim.TwilioSignature("tok", u, params)) {
		t.Error("twilio-go's validator rejects callsim's signature")
	}
	body := []byte(`{"call_sid":"x"}`)
	now := time.Now()
	if !phone.VerifyJambonz("s", callsim.JambonzSignature("s", body, now), body, now) {
		t.Error("phone.VerifyJambonz rejects callsim's signature")
	}
}

func TestBench(t *testing.T) {
	for _, gw := range []string{callsim.Twilio, callsim.Jambonz} {
		t.Run(gw, func(t *testing.T) {
			ts, _ := startServer(t, &asker{}, nil)
			res, err := callsim.Bench(context.Background(), callsim.BenchOptions{
				Options: callsim.Options{BaseURL: ts.URL, Gateway: gw, AuthToken: token, Secret: secret},
				Calls:   5,
			})
			if err != nil {
				t.Fatal(err)
			}
			// incoming + 3 questions + goodbye per call
			if res.Requests != 5*5 || res.Failed != 0 || res.P95 <= 0 || res.P95 > res.Max || res.P50 > res.P95 {
				t.Errorf("result %+v", res)
			}
			if !strings.Contains(res.String(), "p95") {
				t.Errorf("String() = %q", res.String())
			}
		})
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	got := []time.Duration{callsim.Percentile(d, 50), callsim.Percentile(d, 95), callsim.Percentile(d, 100), callsim.Percentile(nil, 95)}
	want := []time.Duration{50 * time.Millisecond, 95 * time.Millisecond, 100 * time.Millisecond, 0}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
