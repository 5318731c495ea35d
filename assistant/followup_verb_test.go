// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// A follow-up that asks who applies ("müssen wir das dann jeder für sich
// beantragen") stays with its topic: the verb every guide's title has
// ("Beantragung") leads to no related page.
func TestFollowUpGenericVerbStays(t *testing.T) {
	page := mdPage
	a := mustMapAssistant(t, fstest.MapFS{
		"leistungen/kindergeld.md":     page("Kindergeld für Familien", "Das Kindergeld zahlt die Familienkasse.\n\n## Wer stellt den Antrag\n\nFür jedes Kind stellt nur ein Elternteil den Antrag, auch wenn die Eltern nicht verheiratet sind."),
		"leistungen/kinderzuschlag.md": page("Kinderzuschlag für Familien: Beantragung", "Den Kinderzuschlag bekommen Familien mit kleinem Einkommen.\n\n## Beantragung\n\nDie Beantragung erfolgt online."),
	})
	conv := &assistant.Conversation{ID: "c", Audience: knowledge.Citizen}
	for _, m := range []string{"Wie bekomme ich Kindergeld für unsere Tochter?", "Wir wohnen beide mit ihr zusammen. Müssen wir das dann jeder für sich beantragen, oder nur einer von uns?"} {
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: m})
		if err != nil {
			t.Fatal(err)
		}
		if len(ans.Sources) == 0 || ans.Sources[0].ID != "leistungen/kindergeld" {
			t.Errorf("%q: cited %v, want leistungen/kindergeld\n%s", m, sourceIDs(ans), ans.Text)
		}
	}
}
