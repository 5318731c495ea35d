// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"strings"
	"testing"
)

// TestSilencePromptsAgree: after silence the caller hears that nothing was
// heard and then the question of the moment, never a request for a new
// question followed by "Möchten Sie mehr wissen?".
func TestSilencePromptsAgree(t *testing.T) {
	e := newEnv(t, nil)
	c := e.twilioCall("CAsilence")
	c.start()
	if got := spoken(c.silence()); got != "Ich habe Sie leider nicht gehört. Bitte stellen Sie Ihre Frage." {
		t.Errorf("silence after the greeting: %q", got)
	}
	c.say("Was kostet ein Reisepass?") // first part, ends with "Möchten Sie mehr wissen?"
	got := spoken(c.silence())
	if got != "Ich habe Sie leider nicht gehört. Möchten Sie mehr wissen?" {
		t.Errorf("silence after a part of an answer: %q", got)
	}
	if strings.Contains(got, "Frage") {
		t.Errorf("asks for a question while asking whether to go on: %q", got)
	}

	u := e.twilioCall("CAunsure")
	u.start()
	if got := spoken(u.post(TwilioTurnPath, u.params("SpeechResult", "Reise bass", "Confidence", "0.2"))); got != "Entschuldigung, das habe ich nicht sicher verstanden. Bitte wiederholen Sie Ihre Frage." {
		t.Errorf("unsure recognition: %q", got)
	}
}

// TestListsInSSML: with SSML the list's pieces are <s> elements with a
// <break> between them on Twilio and a <speak> document on Jambonz;
// without it the gateway gets plain text.
func TestListsInSSML(t *testing.T) {
	plain := newEnv(t, nil)
	vs := plain.twilioCall("CAplain").say("Was kostet ein Reisepass?")
	for _, s := range vs[0].Children {
		if len(s.Children) > 0 || strings.Contains(s.Text, ListPause) {
			t.Errorf("plain Say holds SSML or pause marks: %+v", s)
		}
	}
	if txt := jambonzSpoken(plain.jambonzCall("jplain").say("Was kostet ein Reisepass?")); strings.Contains(txt, "<") || strings.Contains(txt, ListPause) {
		t.Errorf("plain Jambonz text: %q", txt)
	}

	e := newEnv(t, func(c *Config) { c.SSML = true })
	vs = e.twilioCall("CAssml").say("Was kostet ein Reisepass?")
	list := vs[0].Children[0] // the first Say of the Gather: intro and list
	var got []string
	for _, ch := range list.Children {
		switch ch.Name {
		case "s":
			got = append(got, ch.Text)
		case "break":
			if ch.Attr["time"] != "400ms" {
				t.Errorf("break %v", ch.Attr)
			}
			got = append(got, "|")
		}
	}
	want := "Zu Reisepass steht in der Leistungsbeschreibung der Stadt zum Thema Kosten. | Es gibt vier Punkte. | Erstens: Der Reisepass kostet 37 Euro. | Zweitens: Für Personen unter 24 Jahren 22 Euro 80. | Drittens: Ein Express-Pass kostet zusätzlich 32 Euro. | Viertens: Die Bearbeitung dauert etwa vier Wochen."
	if strings.Join(got, " ") != want || strings.TrimSpace(list.Text) != "" {
		t.Errorf("Twilio SSML:\n got %q (text %q)\nwant %q", strings.Join(got, " "), list.Text, want)
	}

	js := e.jambonzCall("jssml").say("Was kostet ein Reisepass?")
	txt := jambonzSpoken(js)
	if !strings.HasPrefix(txt, "<speak>Zu Reisepass steht in der Leistungsbeschreibung der Stadt zum Thema Kosten.<break time=\"400ms\"/>Es gibt vier Punkte.<break time=\"400ms\"/>Erstens: ") || !strings.Contains(txt, "</speak>") {
		t.Errorf("Jambonz SSML: %q", txt)
	}
	if strings.Count(txt, "<break") != 5 {
		t.Errorf("Jambonz SSML has %d breaks, want 5: %q", strings.Count(txt, "<break"), txt)
	}
}
