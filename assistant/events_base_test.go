// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// A life event leads to a service by its specific words: a job lost leads
// to the unemployment benefit, not to every page whose title says
// "melden" (before, a colleague's lawsuit over his dismissal was answered
// with the page on reporting a lost ID card). A colleague's lawsuit is a
// lawyer's matter, and a car that failed its inspection is taken off the
// road.
func TestLifeEventsLeadByTheirOwnWords(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	for _, text := range []string{
		"Sehr geehrte Damen und Herren, einem guten Kollegen von mir wurde nach 14 Jahren im Betrieb fristlos gekündigt. Er überlegt, vor dem Arbeitsgericht zu klagen. Wie schätzen Sie seine Chancen ein, und lohnt sich das für ihn?",
		"mein fitnessstudio hat die preise erhöht, ich hab gekündigt, aber die buchen weiter ab, was kann ich tun",
	} {
		if ans := askCitizen(t, a, text); ans.Intent != assistant.IntentOutOfScope {
			t.Errorf("%q: intent %s, sources %v; want out of scope", text, ans.Intent, ans.Sources)
		}
	}
	ans := askCitizen(t, a, "unser alter golf ist durch den tüv gefallen und soll weg ich will ihn morgen früh abmelden brauch ich da einen termin")
	if len(ans.Sources) == 0 || !strings.HasSuffix(ans.Sources[0].ID, "fahrzeug-abmelden") {
		t.Errorf("a car that failed its inspection: sources %v, want the vehicle's deregistration", ans.Sources)
	}
}

// Building, extending or pulling down a building leads to the building
// permit, and a copy to be stamped by an office to the certification,
// whatever order the words come in.
func TestBuildingAndStampedCopiesLeadToTheirServices(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	for text, want := range map[string]string{
		"Auf unserem Grundstück steht eine alte Scheune, die baufällig ist und weg soll. Brauchen wir dafür eine Erlaubnis vom Bauamt?": "baugenehmigung",
		"wir wollen hinten am haus einen wintergarten dranmachen, muss das jemand absegnen":                                             "baugenehmigung",
		"zeugniskopie amtlich abstempeln öffnungs zeiten":                                                                               "beglaubigung",
	} {
		ans := askCitizen(t, a, text)
		if len(ans.Sources) == 0 || !strings.HasSuffix(ans.Sources[0].ID, want) {
			t.Errorf("%q: sources %v, want %s", text, ans.Sources, want)
		}
	}
}

// The head of the compound the conversation is about refers back to it:
// "der Ausweis" after the Bibliotheksausweis is that card, not the
// Personalausweis, even when the follow-up's search reads the message
// with the card's title.
func TestCompoundHeadStaysWithTheFocus(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	conv := &assistant.Conversation{ID: "c", Audience: knowledge.Citizen}
	for _, text := range []string{"mein sohn liest gern, wie bekommt er einen bibliotheksausweis?", "was kostet der ausweis für ein kind"} {
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if len(ans.Sources) == 0 || !strings.HasSuffix(ans.Sources[0].ID, "bibliotheksausweis") {
			t.Fatalf("%q: sources %v, want the library card", text, ans.Sources)
		}
	}
}
