// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// The polite frame around a request goes before the request is read; a
// message that is only its frame stays as it is.
func TestStripFrames(t *testing.T) {
	a := mustAssistant(t, nil)
	for in, want := range map[string]string{
		"Moin, entschuldigen Sie die Störung. Der Drucker im Bauamt druckt nicht, was kann ich tun? LG":                              "Der Drucker im Bauamt druckt nicht, was kann ich tun?",
		"Sehr geehrte Damen und Herren, ich hoffe, Sie können mir helfen. Wann hat das Standesamt geöffnet? Mit freundlichen Grüßen": "Wann hat das Standesamt geöffnet?",
		"kann ich den Antrag online stellen Vielen Dank schon mal im Voraus!":                                                        "kann ich den Antrag online stellen",
		"wie lange dauert das": "wie lange dauert das",
		// A question of everyday words only is the question, not a frame.
		"Ich habe den Umtausch online vorbereitet. Wo ist das denn?": "Ich habe den Umtausch online vorbereitet. Wo ist das denn?",
		"ist erst 9 wochen alt. muss das schon?":                     "ist erst 9 wochen alt. muss das schon?",
		"Wir sind letzte Woche umgezogen. Geht das auch online?":     "Wir sind letzte Woche umgezogen. Geht das auch online?",
		"Hallo!": "Hallo!",
		"Sehr geehrte Damen und Herren, ich melde für meine Mutter das Auto ab. Was kostet das? Mit freundlichen Grüßen": "ich melde für meine Mutter das Auto ab. Was kostet das?",
		// A slot answered keeps its "ja" or "nein".
		"ja, ist dringend":                                        "ja, ist dringend",
		"nein, die Auswertung hängt da dran":                      "nein, die Auswertung hängt da dran",
		"Guten Tag. Ich weiß nicht, an wen ich mich wenden soll.": "Guten Tag. Ich weiß nicht, an wen ich mich wenden soll.",
	} {
		if got := a.stripFrames(a.lex, in); got != want {
			t.Errorf("stripFrames(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		// A letter's signature after the question: closing words, name,
		// address, phone; on lines of their own without a question mark.
		"Guten Tag, wir ziehen im Januar um. Was kostet die Halteverbotszone?\n\nMit freundlichen Grüßen\nErika Muster\nSchubertstraße 9\nTel. 0171 5523894": "wir ziehen im Januar um. Was kostet die Halteverbotszone?",
		"Hallo, wie lange dauert ein Reisepass. Viele Grüße, Agnieszka":                                                                                      "wie lange dauert ein Reisepass.",
		"ich brauche eine Meldebescheinigung\n\nGruß\nMurat Aydın\nVon meinem iPhone gesendet":                                                               "ich brauche eine Meldebescheinigung",
		"Was kostet der Pass? Danke für die schnelle Antwort, und kann ich auch online zahlen":                                                               "Was kostet der Pass? Danke für die schnelle Antwort, und kann ich auch online zahlen",
	} {
		// (The engine reads the message without its signature, then
		// without its frame; the desk reads it with the signature.)
		if got := a.stripFrames(a.lex, a.withoutSignature(in)); got != want {
			t.Errorf("stripFrames(withoutSignature(%q)) = %q, want %q", in, got, want)
		}
	}
	// "Entschuldigen Sie die Störung" is no outage.
	ans := mustAsk(t, a, newConv(knowledge.Employee), "Moin, entschuldigen Sie die Störung. Wie richte ich VPN ein? LG")
	if ans.Intent == IntentITIncident {
		t.Errorf("intent %s: the apology was taken for an outage", ans.Intent)
	}
	ans = mustAsk(t, a, newConv(knowledge.Citizen), "Guten Tag, ich hoffe Sie können mir helfen.")
	if ans.Intent != IntentSmalltalk {
		t.Errorf("intent %s: an opening alone is a greeting", ans.Intent)
	}
}

// TestMessageSentencesKeepOrdinalsAndAbbreviations: a stop after an
// ordinal ("im 3. OG", "am 17. März") or a chat abbreviation ("dt.",
// "eig.") ends no sentence; after a number that a new sentence follows
// ("Ich bin 17. Was brauche ich?") it does.
func TestMessageSentencesKeepOrdinalsAndAbbreviations(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"Ich sitze im 3. OG, das Gerät ist kaputt. Kann ich den Auftrag im 2. OG holen?", 2},
		{"Kind kam am 17. März zur Welt. Wann wird gezahlt?", 2},
		{"Hab keinen dt. Perso, nur Reisepass. Geht das?", 2},
		{"wohne ja eig. in bremen", 1},
		{"Ich bin 17. Was brauche ich?", 2},
		{"Das kostet 12. Danke.", 2},
	} {
		if got := messageSentences(tt.text); len(got) != tt.want {
			t.Errorf("messageSentences(%q) = %q, want %d sentences", tt.text, got, tt.want)
		}
	}
}

// The desk reads a letter's signature (the name to reply to); only the
// engine's reading leaves it out.
func TestDeskKeepsSignature(t *testing.T) {
	ft := &fakeTickets{}
	a := mustAssistant(t, func(c *Config) { c.Tickets = ft })
	conv := &Conversation{ID: "c-sig", Channel: "web", Audience: knowledge.Citizen}
	if _, err := a.Ask(context.Background(), conv, Message{Text: "Guten Tag, ich möchte bitte mit einem Mitarbeiter sprechen.\n\nMit freundlichen Grüßen\nErika Muster", Lang: "de"}); err != nil {
		t.Fatal(err)
	}
	if len(ft.escalations) != 1 {
		t.Fatalf("%d escalations, want 1", len(ft.escalations))
	}
	tr := ft.escalations[0].Transcript
	if last := tr[len(tr)-1].Text; !strings.Contains(last, "Mit freundlichen Grüßen") {
		t.Errorf("the desk's transcript lost the signature: %q", last)
	}
}
