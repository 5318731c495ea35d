// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// What the asker sets aside for something else names nothing they ask
// about: the answer is the other thing's, and the desk still reads the
// whole message.
func TestDeniedPhraseNamesNothing(t *testing.T) {
	kb := mustBase(t)
	a := mustBaseAssistant(t, kb)
	for _, tt := range []struct {
		q, doc string
		absent string // a document that must not be cited at all
	}{
		{q: "keinen reisepass, einen kinderreisepass für meine tochter, was kostet der", doc: "leistungen/kinderreisepass"},
		{q: "ich brauche keinen neuen führerschein, nur einen internationalen. was kostet das", doc: "leistungen/internationaler-fuehrerschein", absent: "leistungen/fuehrerschein-umtauschen"},
	} {
		t.Run(tt.q, func(t *testing.T) {
			conv := &assistant.Conversation{ID: "t", Audience: knowledge.Citizen, Channel: "test"}
			ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			if len(ans.Sources) == 0 || ans.Sources[0].ID != tt.doc {
				t.Errorf("cited %v, want %s first\n%s", sourceIDs(ans), tt.doc, ans.Text)
			}
			if tt.absent != "" && contains(sourceIDs(ans), tt.absent) {
				t.Errorf("cited %v, not %s\n%s", sourceIDs(ans), tt.absent, ans.Text)
			}
			if !strings.Contains(conv.Entries[0].Text, "keinen") {
				t.Errorf("stored message lost its words: %q", conv.Entries[0].Text)
			}
		})
	}
}

// The paper the asker asks to be enough ("Reicht mein Personalausweis,
// wenn …") is what they bring; the other thing named is the matter. Alone
// it is the matter itself.
func TestOfferedPaperIsNotTheMatter(t *testing.T) {
	kb := mustBase(t)
	a := mustBaseAssistant(t, kb)
	for q, doc := range map[string]string{
		"Reicht mein Personalausweis, wenn ich beim Standesamt die Geburtsurkunde für meinen Bruder abhole, oder brauche ich noch etwas Schriftliches von ihm?": "leistungen/geburtsurkunde",
		"reicht mein perso für die reise nach kroatien": "leistungen/personalausweis",
	} {
		ans := askCitizen(t, a, q)
		if len(ans.Sources) == 0 || ans.Sources[0].ID != doc {
			t.Errorf("%q: cited %v, want %s first\n%s", q, sourceIDs(ans), doc, ans.Text)
		}
	}
}
