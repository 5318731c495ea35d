// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// TestMessageGoesOn: a message that stops mid-sentence and the next one
// are one question; the deadline asked in the first half is answered for
// the service the second half names.
func TestMessageGoesOn(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	ans := askDialog(t, a, "Guten Abend, ich habe einen Bußgeldbescheid bekommen und würde gern wissen bis wann ich", "Einspruch einlegen kann, der Brief kam am Dienstag")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "leistungen/verwarnungsgeld" || !strings.Contains(ans.Text, "innerhalb von 2 Wochen nach Zustellung") {
		t.Errorf("answer = %v\n%s", ans.Sources, ans.Text)
	}
}

// TestSecondServiceAnswersTheFacetAsked: a message that names two services
// in parts that ask nothing, and asks what to bring in a part of its own,
// gets what to bring for each service it answers from.
func TestSecondServiceAnswersTheFacetAsked(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	ans := askCitizen(t, a, "Mein Sohn hatte bisher nur einen Kinderreisepass, der ist abgelaufen, jetzt braucht er seinen ersten Perso. Was muss er mitbringen?")
	var ids []string
	for _, s := range ans.Sources {
		ids = append(ids, s.ID)
	}
	if !slices.Contains(ids, "leistungen/personalausweis") || !strings.Contains(ans.Text, "bei erstmaliger Beantragung: Geburtsurkunde") {
		t.Errorf("sources = %v\n%s", ids, ans.Text)
	}
}

// TestBackToAnEarlierTopic: a message that names a page the conversation
// answered from before the last one goes back to it ("und nochmal zum
// Auto"); a short name of the present topic and a procedure word
// ("anmelden") stay with it.
func TestBackToAnEarlierTopic(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	for _, tt := range []struct {
		turns []string
		want  string
	}{
		{[]string{"Ich habe ein gebrauchtes Auto gekauft und muss es zulassen.", "Andere Frage: Wie beantrage ich Wohngeld?", "Und nochmal zum Auto: was kostet das?"}, "leistungen/fahrzeug-zulassen"},
		{[]string{"Was kostet ein Bewohnerparkausweis?", "Und was kostet ein Kinderreisepass?", "und der parkausweis von vorhin, wie lange gilt der?"}, "leistungen/bewohnerparkausweis"},
		{[]string{"Was kostet ein Reisepass?", "Und für Kinder?", "wie lange dauert der pass?"}, "leistungen/kinderreisepass"},
		// A procedure word names no other matter in a follow-up.
		{[]string{"Wir wollen im Mai heiraten.", "Muss man das vorher irgendwo anmelden?", "Wie lange ist das gültig?"}, "leistungen/eheschliessung-anmelden"},
	} {
		ans := askDialog(t, a, tt.turns...)
		if len(ans.Sources) == 0 || ans.Sources[0].ID != tt.want {
			t.Errorf("%q: sources = %v, want %s first\n%s", tt.turns, ans.Sources, tt.want, ans.Text)
		}
	}
}

// askDialog asks the turns in one citizen's conversation and returns the
// last answer.
func askDialog(tb testing.TB, a *assistant.Assistant, turns ...string) assistant.Answer {
	tb.Helper()
	c := &assistant.Conversation{ID: "dialog", Audience: knowledge.Citizen}
	var ans assistant.Answer
	for _, text := range turns {
		var err error
		if ans, err = a.Ask(context.Background(), c, assistant.Message{Text: text}); err != nil {
			tb.Fatal(err)
		}
	}
	return ans
}
