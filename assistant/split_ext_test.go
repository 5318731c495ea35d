// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
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
	var ans assistant.Answer
	c := &assistant.Conversation{ID: "split", Audience: knowledge.Citizen}
	for _, text := range []string{"Guten Abend, ich habe einen Bußgeldbescheid bekommen und würde gern wissen bis wann ich", "Einspruch einlegen kann, der Brief kam am Dienstag"} {
		var err error
		if ans, err = a.Ask(context.Background(), c, assistant.Message{Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "leistungen/verwarnungsgeld" || !strings.Contains(ans.Text, "innerhalb von 2 Wochen nach Zustellung") {
		t.Errorf("answer = %v\n%s", ans.Sources, ans.Text)
	}
}
