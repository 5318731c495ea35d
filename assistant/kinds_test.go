// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
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
