// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

func TestTwilioSignature(t *testing.T) {
	e := newEnv(t, nil)
	params := url.Values{"CallSid": {"CAsig1"}, "From": {testFrom}, "SpeechResult": {"Hallo"}}
	good := twilioSignature(testToken, e.http.URL+TwilioIncomingPath, params)
	tampered := url.Values{"CallSid": {"CAsig1"}, "From": {"+4900000"}, "SpeechResult": {"Hallo"}}
	dup := url.Values{"CallSid": {"CAsig1", "CAother"}, "From": {testFrom}}
	tests := []struct {
		name   string
		path   string
		params url.Values
		sig    string
		want   int
	}{
		{"valid", TwilioIncomingPath, params, good, http.StatusOK},
		{"missing", TwilioIncomingPath, params, "", http.StatusForbidden},
		{"garbage", TwilioIncomingPath, params, "bm90IGEgc2lnbmF0dXJl", http.StatusForbidden},
		{"tampered parameter", TwilioIncomingPath, tampered, good, http.StatusForbidden},
		{"other path", TwilioTurnPath, params, good, http.StatusForbidden},
		{"added query", TwilioIncomingPath + "?pending=x", params, good, http.StatusForbidden},
		{"wrong token", TwilioIncomingPath, params, twilioSignature("other", e.http.URL+TwilioIncomingPath, params), http.StatusForbidden},
		{"wrong host", TwilioIncomingPath, params, twilioSignature(testToken, "https://evil.example"+TwilioIncomingPath, params), http.StatusForbidden},
		{"repeated parameter", TwilioIncomingPath, dup, twilioSignature(testToken, e.http.URL+TwilioIncomingPath, dup), http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := e.postTwilioSigned(tt.path, tt.params, tt.sig)
			if status != tt.want {
				t.Fatalf("status = %d, want %d (%s)", status, tt.want, body)
			}
			if status == http.StatusOK {
				mustTwiML(t, body)
			}
		})
	}
	if q := e.asker.questions(); len(q) != 0 {
		t.Errorf("forged requests reached the assistant: %q", q)
	}
}

func TestTwilioBadRequests(t *testing.T) {
	e := newEnv(t, nil)
	noSid := url.Values{"From": {testFrom}}
	badSid := url.Values{"CallSid": {"CA<x>"}}
	for name, p := range map[string]url.Values{"no CallSid": noSid, "bad CallSid": badSid} {
		t.Run(name, func(t *testing.T) {
			if status, _ := e.postTwilio(TwilioIncomingPath, p); status != http.StatusBadRequest {
				t.Errorf("status = %d, want 400", status)
			}
		})
	}
	t.Run("body too large", func(t *testing.T) {
		p := url.Values{"CallSid": {"CAbig"}, "SpeechResult": {strings.Repeat("x", DefaultMaxBodyBytes)}}
		if status, _ := e.postTwilio(TwilioTurnPath, p); status != http.StatusRequestEntityTooLarge {
			t.Errorf("status = %d, want 413", status)
		}
	})
}

func TestTwilioCallFlow(t *testing.T) {
	e := newEnv(t, nil)
	c := e.twilioCall("CAflow1")

	greet := c.start()
	if diff := cmp.Diff([]string{"Gather"}, names(greet)); diff != "" {
		t.Fatalf("greeting verbs (-want +got):\n%s", diff)
	}
	g := greet[0]
	for _, want := range []string{"KI-Assistent", "Sagen Sie ‚Mitarbeiter' oder drücken Sie die 0", "For English, press 9", "Wie kann ich Ihnen helfen?"} {
		if !strings.Contains(spoken(greet), want) {
			t.Errorf("greeting lacks %q: %s", want, spoken(greet))
		}
	}
	wantAttr := map[string]string{
		"input": "speech dtmf", "language": "de-DE", "action": e.http.URL + TwilioTurnPath, "method": "POST",
		"speechTimeout": "auto", "actionOnEmptyResult": "true", "numDigits": "1", "timeout": "6",
	}
	// Every callback URL carries a fresh nonce (replay protection).
	action, nonce, _ := strings.Cut(g.Attr["action"], "?"+nonceParam+"=")
	if nonce == "" {
		t.Errorf("Gather action %q has no nonce", g.Attr["action"])
	}
	g.Attr["action"] = action
	for k, v := range wantAttr {
		if g.Attr[k] != v {
			t.Errorf("Gather %s = %q, want %q", k, g.Attr[k], v)
		}
	}
	if !strings.Contains(g.Attr["hints"], "Reisepass") || !strings.Contains(g.Attr["hints"], "Mitarbeiter") {
		t.Errorf("hints = %q, want service names and dialog words", g.Attr["hints"])
	}
	if g.Children[1].Attr["language"] != "en-GB" {
		t.Errorf("English offer spoken in %q", g.Children[1].Attr["language"])
	}

	// A long answer comes in parts of three pieces; the list of four is
	// one piece, read whole with its count.
	first := c.say("Was kostet ein Reisepass?")
	text := spoken(first)
	for _, want := range []string{"zum Thema Kosten. Es gibt vier Punkte. Erstens: Der Reisepass kostet 37 Euro.", "Zweitens: Für Personen unter 24 Jahren 22 Euro 80.", "Drittens: Ein Express-Pass kostet zusätzlich 32 Euro.", "Viertens: Die Bearbeitung dauert etwa vier Wochen.", "persönlich ab. Möchten Sie mehr wissen?"} {
		if !strings.Contains(text, want) {
			t.Errorf("first part lacks %q: %s", want, text)
		}
	}
	if strings.Contains(text, "Internetseite") || strings.Contains(text, "http") || strings.ContainsAny(text, "()[]") || strings.Contains(text, "Abschnitt") {
		t.Errorf("first part says too much: %s", text)
	}
	rest := spoken(c.say("Ja, gerne."))
	for _, want := range []string{"Online erledigen: auf der Internetseite der Stadt.", "Haben Sie noch eine Frage?"} {
		if !strings.Contains(rest, want) {
			t.Errorf("second part lacks %q: %s", want, rest)
		}
	}

	// Transfer: consent question, then ticket and Dial.
	consent := c.say("Ich möchte mit einem Mitarbeiter sprechen")
	if !strings.Contains(spoken(consent), "Dürfen wir Ihre Rufnummer für einen Rückruf speichern? Sagen Sie Ja oder Nein.") {
		t.Fatalf("no consent question: %s", spoken(consent))
	}
	final := c.say("Ja")
	if diff := cmp.Diff([]string{"Say", "Say", "Dial"}, names(final)); diff != "" {
		t.Fatalf("transfer verbs (-want +got):\n%s", diff)
	}
	if !strings.Contains(spoken(final), "L O T, 4 2") {
		t.Errorf("ticket key not spelled: %s", spoken(final))
	}
	if len(final[2].Children) != 1 || final[2].Children[0].Name != "Number" || final[2].Children[0].Text != testDesk {
		t.Errorf("Dial %+v, want <Number>%s</Number>", final[2], testDesk)
	}

	escs := e.esc.escalations()
	if len(escs) != 1 {
		t.Fatalf("%d escalations, want 1", len(escs))
	}
	esc := escs[0]
	if esc.ConversationID != "call-CAflow1" || esc.Channel != "phone" || esc.Audience != knowledge.Citizen || esc.Lang != "de" {
		t.Errorf("escalation header = %+v", esc)
	}
	if esc.Contact != testFrom {
		t.Errorf("Contact = %q, want the caller's number after consent", esc.Contact)
	}
	if esc.Summary != "Was kostet ein Reisepass?" {
		t.Errorf("Summary = %q", esc.Summary)
	}
	if esc.Intent != assistant.IntentServiceInfo || esc.Reason != "requested" {
		t.Errorf("Intent, Reason = %q, %q", esc.Intent, esc.Reason)
	}
	if diff := cmp.Diff([]assistant.Source{reisepass}, esc.Sources); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
	var roles []assistant.Role
	for _, en := range esc.Transcript {
		roles = append(roles, en.Role)
	}
	// Greeting, question, answer, and the request for a person the dialog
	// handled itself.
	if diff := cmp.Diff([]assistant.Role{assistant.RoleAssistant, assistant.RoleUser, assistant.RoleAssistant, assistant.RoleUser}, roles); diff != "" {
		t.Errorf("transcript roles (-want +got):\n%s", diff)
	}

	// The stored call looks like a chat of channel phone.
	conv, err := e.store.Load(context.Background(), "call-CAflow1")
	if err != nil {
		t.Fatal(err)
	}
	if conv.Channel != "phone" || conv.Audience != knowledge.Citizen {
		t.Errorf("stored conversation channel %q audience %q", conv.Channel, conv.Audience)
	}
	last := conv.Entries[len(conv.Entries)-1]
	if last.Role != assistant.RoleSystem || !strings.Contains(last.Text, "LOT-42") {
		t.Errorf("last entry = %+v, want the transfer note", last)
	}
	if e.srv.Dialog().ActiveCalls() != 0 {
		t.Errorf("call state kept after the transfer")
	}
}

func TestTransferVariants(t *testing.T) {
	tests := []struct {
		name        string
		edit        func(*Config)
		escErr      error
		answer      string
		wantVerbs   []string
		wantSaid    []string
		notSaid     []string
		wantContact string
		wantTickets int
	}{
		{
			name: "no consent", answer: "Nein, lieber nicht.",
			wantVerbs: []string{"Say", "Say", "Dial"}, wantSaid: []string{"L O T, 4 2"}, wantTickets: 1,
		},
		{
			name: "silence is no consent", answer: "",
			wantVerbs: []string{"Say", "Say", "Dial"}, wantTickets: 1,
		},
		{
			name: "no desk number", edit: func(c *Config) { c.DeskPhone = "" }, answer: "ja",
			wantVerbs: []string{"Say", "Say", "Hangup"}, wantSaid: []string{"L O T, 4 2", "kümmert sich"}, wantContact: testFrom, wantTickets: 1,
		},
		{
			name: "escalation fails", escErr: errors.New("db down"), answer: "ja",
			wantVerbs: []string{"Say", "Dial"}, wantSaid: []string{"Ich verbinde Sie"}, notSaid: []string{"Vorgangsnummer"},
		},
		{
			name: "no escalator", edit: func(c *Config) { c.Transferer = nil }, answer: "ja",
			wantVerbs: []string{"Say", "Dial"},
		},
		{
			name: "no escalator and no desk", edit: func(c *Config) { c.Transferer = nil; c.DeskPhone = "" }, answer: "ja",
			wantVerbs: []string{"Say", "Hangup"}, wantSaid: []string{"erneut an"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.edit)
			e.esc.err = tt.escErr
			c := e.twilioCall("CAtransfer")
			c.start()
			c.say("Was kostet ein Reisepass?")
			if !strings.Contains(spoken(c.press("0")), "Rufnummer") {
				t.Fatal("DTMF 0 did not ask for consent")
			}
			var vs []verb
			if tt.answer == "" {
				vs = c.silence()
			} else {
				vs = c.say(tt.answer)
			}
			if diff := cmp.Diff(tt.wantVerbs, names(vs)); diff != "" {
				t.Errorf("verbs (-want +got):\n%s", diff)
			}
			for _, s := range tt.wantSaid {
				if !strings.Contains(spoken(vs), s) {
					t.Errorf("did not say %q: %s", s, spoken(vs))
				}
			}
			for _, s := range tt.notSaid {
				if strings.Contains(spoken(vs), s) {
					t.Errorf("said %q: %s", s, spoken(vs))
				}
			}
			escs := e.esc.escalations()
			if len(escs) != tt.wantTickets {
				t.Fatalf("%d tickets, want %d", len(escs), tt.wantTickets)
			}
			if len(escs) == 1 && escs[0].Contact != tt.wantContact {
				t.Errorf("Contact = %q, want %q", escs[0].Contact, tt.wantContact)
			}
		})
	}
}

func TestAssistantHandoff(t *testing.T) {
	t.Run("assistant asks for a human", func(t *testing.T) {
		e := newEnv(t, nil)
		e.asker.answer = func(string) assistant.Answer {
			return assistant.Answer{Text: "Gern bringe ich Sie mit einem Menschen zusammen.", Intent: assistant.IntentHuman, HandoffOffered: true, Handoff: &assistant.Handoff{Reason: "frustration"}}
		}
		c := e.twilioCall("CAh1")
		c.start()
		if !strings.Contains(spoken(c.say("Das ist doch alles Mist hier")), "Rufnummer") {
			t.Fatal("no consent question")
		}
		vs := c.say("ja")
		if names(vs)[len(vs)-1] != "Dial" {
			t.Fatalf("verbs %v, want Dial last", names(vs))
		}
		if escs := e.esc.escalations(); len(escs) != 1 || escs[0].Reason != "frustration" {
			t.Errorf("escalations = %+v", escs)
		}
	})
	t.Run("assistant opened the ticket", func(t *testing.T) {
		e := newEnv(t, nil)
		e.asker.answer = func(string) assistant.Answer {
			return assistant.Answer{Text: "Ich habe Ihr Anliegen übergeben. Ihre Vorgangsnummer: LOT-7.", Intent: assistant.IntentHuman, HandoffOffered: true, Handoff: &assistant.Handoff{Reason: "requested", Ticket: "LOT-7"}}
		}
		c := e.twilioCall("CAh2")
		c.start()
		vs := c.say("Können Sie das bitte weiterleiten?")
		if names(vs)[len(vs)-1] != "Dial" || !strings.Contains(spoken(vs), "L O T, 7") {
			t.Fatalf("got %v: %s", names(vs), spoken(vs))
		}
		if n := len(e.esc.escalations()); n != 0 {
			t.Errorf("%d extra tickets", n)
		}
	})
	t.Run("offer accepted", func(t *testing.T) {
		e := newEnv(t, nil)
		c := e.twilioCall("CAh3")
		c.start()
		offer := spoken(c.say("Wo kann ich mein Boot anmelden?"))
		if !strings.Contains(offer, "Soll ich Ihr Anliegen") || strings.Contains(offer, "Haben Sie noch eine Frage") {
			t.Fatalf("offer: %s", offer)
		}
		if !strings.Contains(spoken(c.say("ja bitte")), "Rufnummer") {
			t.Fatal("yes to the offer did not lead to the consent question")
		}
		c.say("nein")
		escs := e.esc.escalations()
		if len(escs) != 1 || escs[0].Reason != "low_confidence" || escs[0].Contact != "" {
			t.Errorf("escalations = %+v", escs)
		}
	})
}

func TestSilenceAndConfidence(t *testing.T) {
	e := newEnv(t, nil)
	c := e.twilioCall("CAsilence")
	c.start()
	first := spoken(c.silence())
	if !strings.Contains(first, "nicht gehört") || !strings.Contains(first, "Bitte stellen Sie Ihre Frage.") {
		t.Errorf("first reprompt: %s", first)
	}
	second := spoken(c.silence())
	if !strings.Contains(second, "Möchten Sie mit einer Mitarbeiterin oder einem Mitarbeiter sprechen?") {
		t.Errorf("second reprompt does not offer a human: %s", second)
	}
	third := c.silence()
	if diff := cmp.Diff([]string{"Say", "Hangup"}, names(third)); diff != "" {
		t.Errorf("third silence (-want +got):\n%s", diff)
	}
	if q := e.asker.questions(); len(q) != 0 {
		t.Errorf("silence reached the assistant: %q", q)
	}

	t.Run("low confidence", func(t *testing.T) {
		c := e.twilioCall("CAunsure")
		c.start()
		vs := c.post(TwilioTurnPath, c.params("SpeechResult", "Reisepass", "Confidence", "0.2"))
		if !strings.Contains(spoken(vs), "nicht sicher verstanden") {
			t.Errorf("low confidence: %s", spoken(vs))
		}
		vs = c.post(TwilioTurnPath, c.params("SpeechResult", "Reisepass", "Confidence", "0.35"))
		if !strings.Contains(spoken(vs), "Mitarbeiter") {
			t.Errorf("second unsure turn does not offer a human: %s", spoken(vs))
		}
		if strings.Contains(spoken(c.say("nein")), "Rufnummer") {
			t.Error("no to the offer led to a transfer")
		}
		if !strings.Contains(spoken(c.say("Was kostet ein Reisepass?")), "37 Euro") {
			t.Error("the dialog did not recover after the offer was declined")
		}
	})
	t.Run("yes to the offer", func(t *testing.T) {
		c := e.twilioCall("CAsilence2")
		c.start()
		c.silence()
		c.silence()
		if !strings.Contains(spoken(c.say("ja")), "Rufnummer") {
			t.Error("yes to the offer did not ask for consent")
		}
		c.say("nein")
		escs := e.esc.escalations()
		if len(escs) != 1 || escs[0].Reason != "no_input" {
			t.Errorf("escalations = %+v", escs)
		}
	})
}

func TestDTMF(t *testing.T) {
	e := newEnv(t, nil)
	c := e.twilioCall("CAdtmf")
	c.start()

	if got := spoken(c.press("1")); !strings.Contains(got, "nichts gesagt") {
		t.Errorf("1 before any answer: %s", got)
	}
	answer := spoken(c.say("Wann sind die Öffnungszeiten?"))
	if !strings.Contains(answer, "Montag bis Freitag 8 Uhr 30 bis 12 Uhr") {
		t.Errorf("answer: %s", answer)
	}
	if got := spoken(c.press("1")); got != answer {
		t.Errorf("1 repeated %q, want %q", got, answer)
	}
	if got := spoken(c.press("7")); !strings.Contains(got, "nicht belegt") {
		t.Errorf("7: %s", got)
	}

	en := c.press("9")
	if en[0].Attr["language"] != "en-GB" || !strings.Contains(spoken(en), "English") {
		t.Errorf("9: %v %s", en[0].Attr, spoken(en))
	}
	vs := c.say("How much is a passport?")
	if vs[0].Attr["language"] != "en-GB" || !strings.Contains(spoken(vs), "Do you have another question?") {
		t.Errorf("English turn: %v %s", vs[0].Attr, spoken(vs))
	}
	if q := e.asker.questions(); q[len(q)-1] != "How much is a passport?" {
		t.Errorf("questions %q", q)
	}
	de := c.press("9")
	if de[0].Attr["language"] != "de-DE" || !strings.Contains(spoken(de), "Deutsch") {
		t.Errorf("9 again: %s", spoken(de))
	}
	if got := spoken(c.press("0")); !strings.Contains(got, "Rufnummer") {
		t.Errorf("0: %s", got)
	}
}

func TestGoodbye(t *testing.T) {
	tests := []struct {
		name string
		say  []string
	}{
		{"tschüss", []string{"Tschüss!"}},
		{"auf Wiederhören", []string{"Okay, danke, auf Wiederhören."}},
		{"nein danke", []string{"Nein danke"}},
		{"no more", []string{"Was kostet ein Reisepass?", "Nein."}},
		{"no other question", []string{"Wann sind die Öffnungszeiten?", "nein"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, nil)
			c := e.twilioCall("CAbye")
			c.start()
			var vs []verb
			for _, s := range tt.say {
				vs = c.say(s)
			}
			if diff := cmp.Diff([]string{"Say", "Hangup"}, names(vs)); diff != "" {
				t.Fatalf("verbs (-want +got):\n%s", diff)
			}
			if !strings.Contains(spoken(vs), "Auf Wiederhören") {
				t.Errorf("goodbye: %s", spoken(vs))
			}
		})
	}
}

func TestFillerAndRedirect(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.AnswerBudget = 50 * time.Millisecond })
	release := make(chan struct{})
	e.asker.block = release
	c := e.twilioCall("CAslow")
	c.start()

	vs := c.say("Was kostet ein Reisepass?")
	if diff := cmp.Diff([]string{"Say", "Redirect"}, names(vs)); diff != "" {
		t.Fatalf("slow answer (-want +got):\n%s", diff)
	}
	if vs[0].Text != "Einen Moment bitte, ich sehe nach." {
		t.Errorf("filler %q", vs[0].Text)
	}
	redirect, err := url.Parse(strings.TrimSpace(vs[1].Text))
	if err != nil || redirect.Path != TwilioTurnPath || redirect.Query().Get("pending") == "" || vs[1].Attr["method"] != "POST" {
		t.Fatalf("redirect %q %v", vs[1].Text, vs[1].Attr)
	}
	path := redirect.RequestURI()

	// Still not ready: another short filler, never silence.
	again := c.post(path, c.params())
	if diff := cmp.Diff([]string{"Say", "Redirect"}, names(again)); diff != "" || again[0].Text != "Einen Moment noch, bitte." {
		t.Fatalf("second poll: %v %q", names(again), again[0].Text)
	}

	close(release)
	ans := c.post(path, c.params())
	if !strings.Contains(spoken(ans), "37 Euro") {
		t.Fatalf("redirect did not deliver the answer: %s", spoken(ans))
	}
	// A repeated redirect (gateway retry) gets the same answer.
	if got := spoken(c.post(path, c.params())); got != spoken(ans) {
		t.Errorf("retried redirect: %s", got)
	}
	if got := spoken(c.say("ja")); !strings.Contains(got, "Internetseite") {
		t.Errorf("dialog after the redirect: %s", got)
	}

	// A redirect for an answer the server no longer knows (restart).
	lost := e.twilioCall("CAlost")
	if got := spoken(lost.post(TwilioTurnPath+"?pending=0123abcd", lost.params())); !strings.Contains(got, "noch einmal") {
		t.Errorf("unknown pending answer: %s", got)
	}
}

func TestTwiMLEscaping(t *testing.T) {
	nasty := []string{
		`</Say><Hangup/><Say>`,
		`<Dial>+4915112345</Dial>`,
		`Tom & Jerry <speak><break time="10s"/></speak>`,
		`<?xml version="1.0"?><Response><Redirect>https://evil.example</Redirect></Response>`,
		`]]><![CDATA[<Hangup/>]]>`,
		"ctrl \x00\x01\x1b and invalid \xff utf-8",
	}
	e := newEnv(t, nil)
	e.asker.answer = func(q string) assistant.Answer {
		return assistant.Answer{Text: "Sie fragten: " + q + " Antwort: " + strings.Join(nasty, " "), Intent: assistant.IntentServiceInfo}
	}
	for i, n := range nasty {
		c := e.twilioCall("CAesc" + string(rune('a'+i)))
		c.start()
		vs := c.say(n)
		if diff := cmp.Diff([]string{"Gather"}, names(vs)); diff != "" {
			t.Errorf("speech %q: verbs (-want +got):\n%s", n, diff)
		}
		for _, ch := range vs[0].Children {
			if ch.Name != "Say" {
				t.Errorf("speech %q: <%s> inside Gather", n, ch.Name)
			}
		}
	}

	// The renderer itself escapes whatever text it gets.
	s := &Server{public: "https://lotse.example"}
	body, err := s.renderTwiML(context.Background(), []Action{Say{Text: `A & B "C" 'D'`, Lang: "de"}, Gather{Prompt: []Say{{Text: "x</Say><Hangup/>"}}, Hints: []string{`a"b`, "c&d"}, ActionPath: "/t?x=1&y=2"}})
	if err != nil {
		t.Fatal(err)
	}
	vs := mustTwiML(t, body)
	if diff := cmp.Diff([]string{"Say", "Gather"}, names(vs)); diff != "" {
		t.Fatalf("verbs (-want +got):\n%s", diff)
	}
	if vs[0].Text != `A & B "C" 'D'` {
		t.Errorf("Say text %q", vs[0].Text)
	}
	if vs[1].Attr["action"] != "https://lotse.example/t?x=1&y=2" || len(vs[1].Children) != 1 {
		t.Errorf("Gather %+v", vs[1])
	}
}

func TestNewValidation(t *testing.T) {
	base := Config{Asker: &fakeAsker{}, Store: assistant.NewMemoryStore(), PublicURL: "https://lotse.example", TwilioAuthToken: "t"}
	tests := []struct {
		name string
		edit func(*Config)
		ok   bool
	}{
		{"valid", func(*Config) {}, true},
		{"no gateway", func(c *Config) { c.TwilioAuthToken = "" }, false},
		{"no public URL", func(c *Config) { c.PublicURL = "" }, false},
		{"public URL not http", func(c *Config) { c.PublicURL = "ftp://x" }, false},
		{"no asker", func(c *Config) { c.Asker = nil }, false},
		{"no store", func(c *Config) { c.Store = nil }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := base
			tt.edit(&cfg)
			_, err := New(cfg)
			if (err == nil) != tt.ok {
				t.Errorf("New err = %v, want ok=%v", err, tt.ok)
			}
		})
	}
	if _, err := New(Config{Asker: &fakeAsker{}, Store: assistant.NewMemoryStore(), PublicURL: "https://x"}); !errors.Is(err, ErrNoGateway) {
		t.Errorf("err = %v, want ErrNoGateway", err)
	}
}

func TestRoutesOnlyConfiguredGateways(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.JambonzSecret = "" })
	b := []byte(`{"call_sid":"x"}`)
	if status, _ := e.postJambonz(JambonzIncomingPath, b, SignJambonz("", b, time.Now())); status != http.StatusNotFound && status != http.StatusMethodNotAllowed {
		t.Errorf("jambonz without secret: status %d, want 404", status)
	}
	e2 := newEnv(t, func(c *Config) { c.TwilioAuthToken = "" })
	if status, _ := e2.postTwilio(TwilioIncomingPath, url.Values{"CallSid": {"CA1"}}); status != http.StatusNotFound && status != http.StatusMethodNotAllowed {
		t.Errorf("twilio without token: status %d, want 404", status)
	}
}
