// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/assistant/openai"
	"github.com/musterstadt/lotse/assistant/openai/fakellm"
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

// A model reads the whole message, what the asker sets aside included:
// only the offline engine's word matching is misled by it.
func TestModelReadsTheDeniedPhrase(t *testing.T) {
	fake := fakellm.New()
	t.Cleanup(fake.Close)
	var user []string
	fake.SetReply(func(r fakellm.Request) fakellm.Reply {
		user = append(user, r.Messages[len(r.Messages)-1].Content)
		if len(r.Tools) > 0 {
			return fakellm.Reply{ToolCall: &fakellm.ToolCall{Name: "classify_intent", Arguments: `{"intent":"service_info"}`}}
		}
		return fakellm.Reply{Text: "Der Kinderreisepass kostet 13,00 Euro [1]."}
	})
	m, err := openai.New(openai.Config{BaseURL: fake.URL, Model: "test-model"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := assistant.New(assistant.Config{Retriever: mustBase(t), Model: m, Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	conv := &assistant.Conversation{ID: "m", Audience: knowledge.Citizen, Channel: "web"}
	if _, err := a.Ask(context.Background(), conv, assistant.Message{Text: "keinen reisepass, einen kinderreisepass für meine tochter, was kostet der"}); err != nil {
		t.Fatal(err)
	}
	if len(user) == 0 {
		t.Fatal("the model was not asked")
	}
	for _, u := range user {
		if !strings.Contains(u, "keinen reisepass") {
			t.Errorf("the model did not read the whole message: %q", u)
		}
	}
}
