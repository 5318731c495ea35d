// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// People name the kind of a thing ("Roller", "Dackelwelpe") where offices
// write the general word ("Fahrzeug", "Hund"): the question finds the
// service about the general thing.
func TestKindsFindTheirGeneralWord(t *testing.T) {
	kb := mustBase(t)
	a := mustBaseAssistant(t, kb)
	for q, want := range map[string]string{
		"kann ich meinen roller online abmelden ich hab den perso mit pin": "leistungen/fahrzeug-abmelden",
		"wir haben uns einen welpen geholt, was kostet das im jahr":        "leistungen/hundesteuer",
		"unser mops ist jetzt bei uns eingezogen, muss ich den anmelden":   "leistungen/hundesteuer",
	} {
		conv := &assistant.Conversation{ID: "t", Audience: knowledge.Citizen, Channel: "test"}
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(ans.Sources) == 0 || ans.Sources[0].ID != want {
			t.Errorf("%q: cited %v, want %s\n%s", q, sourceIDs(ans), want, ans.Text)
		}
	}
}

// A question asked despite what the message adds ("Bekomme ich den
// Ausweis trotzdem?") asks whether the previous answer still holds: it
// stays with the conversation's service and is answered by its
// conditions.
func TestConcessiveFollowUpAsksTheConditions(t *testing.T) {
	kb := mustBase(t)
	a := mustBaseAssistant(t, kb)
	for _, tt := range []struct {
		first, then, doc, fact string
	}{
		{"Was brauche ich für einen Bewohnerparkausweis?",
			"Der Wagen ist allerdings auf meinen Vater zugelassen, ich fahre ihn aber seit zwei Jahren jeden Tag allein. Bekomme ich den Ausweis trotzdem?",
			"leistungen/bewohnerparkausweis", "dauerhaft zur Nutzung überlassen"},
		{"wie lang dauert ein internationaler führerschein bei euch",
			"noch was, bin hier nur mit zweitwohnsitz gemeldet, der hauptwohnsitz ist bei meiner frau in bremen. geht das dann trotzdem bei euch",
			"leistungen/internationaler-fuehrerschein", "Hauptwohnsitz in Musterstadt"},
	} {
		conv := &assistant.Conversation{ID: "t", Audience: knowledge.Citizen, Channel: "test"}
		for _, q := range []string{tt.first, tt.then} {
			ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			if q == tt.then && (len(ans.Sources) == 0 || ans.Sources[0].ID != tt.doc || !strings.Contains(ans.Text, tt.fact)) {
				t.Errorf("%q after %q: cited %v, want %s with %q\n%s", q, tt.first, sourceIDs(ans), tt.doc, tt.fact, ans.Text)
			}
		}
	}
}

// A follow-up that adds the age of the thing asked about is answered by
// the condition it meets or does not ("ist erst 9 Wochen alt" and "ein
// Hund, der älter als 3 Monate ist").
func TestFollowUpWithTheThingsAge(t *testing.T) {
	kb := mustBase(t)
	a := mustBaseAssistant(t, kb)
	conv := &assistant.Conversation{ID: "t", Audience: knowledge.Citizen, Channel: "test"}
	for _, q := range []string{"hundesteuer anmeldung online?", "ist erst 9 wochen alt. muss das schon?"} {
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if q != "hundesteuer anmeldung online?" && !strings.Contains(ans.Text, "älter als 3 Monate") {
			t.Errorf("%q: the dog's age condition is not quoted:\n%s", q, ans.Text)
		}
	}
}
